/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The P2M: each domain's guest-physical to machine map (arm64 stage-2
 * tables, x86 nested page tables).
 *
 * One common walker (common/p2m.c) over an architecture's page-table
 * format (asm/p2m.h): 512 entries a table, levels 0..3 with 4 KiB leaves
 * at level 3, the root level and what may be a block mapping chosen by
 * the architecture. Table pages come from a per-domain pool with a fixed
 * size (the XSA-409 lesson); running out fails the mapping, it does not
 * eat the heap.
 *
 * Locking: p2m->lock (a read/write lock). Lookups take it for reading;
 * changes take it for writing with p2m_write_lock()/p2m_write_unlock().
 * The xenheap GFN in struct page_info is changed only under the write
 * lock of the domain the page is mapped in.
 *
 * Changes are safe while the domain's vCPUs run: a valid entry is
 * replaced break-before-make (invalid, TLBs flushed, then the new one),
 * and p2m_write_unlock() flushes whatever is left to flush before the
 * lock goes. A page whose mapping went away is released only after that:
 * a reference a foreign mapping held is dropped by p2m_write_unlock()
 * once the lock is released; a caller that removes a mapping of a page
 * it holds (a grant map, a page the guest gives back) puts the page after
 * p2m_write_unlock(), never before.
 */
#ifndef XEN_P2M_H
#define XEN_P2M_H

#include <xen/mm.h>
#include <xen/rwlock.h>
#include <xen/types.h>

typedef enum {
    p2m_invalid = 0,     /* nothing mapped */
    p2m_ram_rw,          /* the domain's RAM */
    p2m_ram_ro,          /* read-only RAM */
    p2m_mmio_direct_dev, /* device MMIO, passed through */
    p2m_grant_map_rw,    /* a grant mapping */
    p2m_grant_map_ro,
    p2m_map_foreign_rw, /* another domain's page (holds a reference) */
    p2m_map_foreign_ro,
    p2m_max_type,
} p2m_type_t;

static inline bool p2m_is_ram(p2m_type_t t)
{
    return t == p2m_ram_rw || t == p2m_ram_ro;
}

static inline bool p2m_is_foreign(p2m_type_t t)
{
    return t == p2m_map_foreign_rw || t == p2m_map_foreign_ro;
}

static inline bool p2m_is_writable(p2m_type_t t)
{
    return t == p2m_ram_rw || t == p2m_mmio_direct_dev ||
           t == p2m_grant_map_rw || t == p2m_map_foreign_rw;
}

const char *p2m_type_name(p2m_type_t t);

struct domain;

/* References a P2M holds back until the lock is released (below). */
#define P2M_DEFER_MAX 32

#include <asm/p2m.h>

struct p2m_domain {
    rwlock_t lock;
    struct domain *domain;

    mfn_t root;                   /* P2M_ROOT_PAGES contiguous pages */
    struct page_list_head pool;   /* free table pages */
    struct page_list_head tables; /* table pages in use */
    unsigned long pool_size;      /* pages given to the pool */

    gfn_t lowest_mapped_gfn;
    gfn_t max_mapped_gfn;

    struct arch_p2m arch; /* VMID / ASID, flush state */

    /*
     * References held by mappings removed under the write lock, dropped
     * by p2m_write_unlock() after the flush. Full: the change stops with
     * -ERESTART (p2m_set_range()).
     */
    unsigned int nr_deferred;
    struct page_info *deferred[P2M_DEFER_MAX];
};

/* Level geometry, common to every architecture. */
#define P2M_LEAF_LEVEL     3
#define P2M_ENTRIES        512
#define P2M_LEVEL_ORDER(l) ((P2M_LEAF_LEVEL - (l)) * 9)

/*
 * Create d's P2M with a pool of pool_pages table pages (taken from the
 * heap now, given back by p2m_final_teardown()). -ENOMEM if the heap
 * cannot give them, or the architecture has no VMID/ASID left.
 */
int p2m_init(struct domain *d, unsigned long pool_pages);

/*
 * Map [gfn, gfn + nr) to [mfn, mfn + nr) with type t, as blocks where
 * the architecture allows and both are aligned; t == p2m_invalid (or
 * mfn INVALID_MFN) removes. Write lock held.
 */
int p2m_set_entry(struct p2m_domain *p2m, gfn_t gfn, unsigned long nr,
                  mfn_t mfn, p2m_type_t t);

/*
 * p2m_set_entry() for changes that may remove foreign mappings: it may
 * stop early with -ERESTART, *done pages done, when the deferred
 * references are full; the caller unlocks (releasing them) and calls
 * again for the rest. p2m_set_entry() returns -ERESTART there too.
 */
int p2m_set_range(struct p2m_domain *p2m, gfn_t gfn, unsigned long nr,
                  mfn_t mfn, p2m_type_t t, unsigned long *done);

/* Take the write lock; drop it after flushing, then release (above). */
void p2m_write_lock(struct p2m_domain *p2m);
void p2m_write_unlock(struct p2m_domain *p2m);

/*
 * What gfn maps to (INVALID_MFN and p2m_invalid if nothing), and the
 * order of the mapping it is part of. Read or write lock held.
 */
mfn_t p2m_get_entry(struct p2m_domain *p2m, gfn_t gfn, p2m_type_t *t,
                    unsigned int *page_order);

/* Locked wrappers for callers outside the P2M. */
int guest_physmap_add_entry(struct domain *d, gfn_t gfn, mfn_t mfn,
                            unsigned int page_order, p2m_type_t t);
/*
 * Remove [gfn, gfn + 2^order). For RAM entries mfn must be what is mapped:
 * otherwise -EILSEQ and nothing is removed (the upstream hardening).
 */
int guest_physmap_remove_page(struct domain *d, gfn_t gfn, mfn_t mfn,
                              unsigned int page_order);
mfn_t p2m_lookup(struct domain *d, gfn_t gfn, p2m_type_t *t);

/*
 * Teardown, in two steps. p2m_relinquish() removes every mapping (side
 * effects included: foreign references dropped, xenheap GFNs cleared)
 * and frees table pages back to the pool, doing at most about budget
 * entries a call: -ERESTART means "call again". p2m_final_teardown() then
 * gives the root and the pool back to the heap.
 */
int p2m_relinquish(struct domain *d, unsigned long budget);
void p2m_final_teardown(struct domain *d);

/* Table pages in use / free in the pool. */
unsigned long p2m_tables_in_use(const struct p2m_domain *p2m);
unsigned long p2m_pool_free(const struct p2m_domain *p2m);

#endif /* XEN_P2M_H */
