/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Static memory: RAM banks the device tree gives to one domain
 * (xen,static-mem). Their pages never enter the heap; free, they wait in
 * their owner's pool, and a page the domain frees (or leaves behind when
 * destroyed) goes back there, so the same domain can be built again
 * without a reboot.
 */
#ifndef XEN_STATIC_MEMORY_H
#define XEN_STATIC_MEMORY_H

#include <xen/mm.h>

struct bootinfo;
struct domain;

/* One per domain node that has static memory. */
struct static_pool {
    const char *owner;          /* DT path of the domain node (messages) */
    unsigned int owner_idx;     /* its index in bootinfo.static_owners */
    struct page_list_head free; /* free pages, PGC_static */
    unsigned long nr_pages;     /* pages in its banks */
};

#ifdef CONFIG_STATIC_MEMORY

/*
 * Check every static bank against RAM, the hypervisor image, the device
 * tree, boot modules, reserved memory, the static heap and each other; a
 * domain with any bad bank is refused (one line per problem, naming the
 * node). Returns the number of refused domains.
 */
unsigned int static_memory_check(struct bootinfo *bi);

/* Set up the pools from bootinfo's accepted static banks (boot only). */
void static_memory_init(const struct bootinfo *bi);

/*
 * The pool of bootinfo.static_owners[owner], or NULL (refused). Owners
 * are domain nodes, matched by identity, never by name.
 */
struct static_pool *static_pool_of_owner(unsigned int owner);
unsigned int static_pool_count(void);
struct static_pool *static_pool_get(unsigned int idx);

/*
 * Give d nr free pages of its pool (any of them), or the exact frames
 * [smfn, smfn + nr) for a direct-mapped domain. Either all or none:
 * -ENOMEM / -ENOENT (a frame is not a free page of this pool) / what
 * assign_pages() says.
 */
int acquire_static_pages(struct domain *d, unsigned long nr,
                         unsigned int memflags);
int acquire_static_range(struct domain *d, mfn_t smfn, unsigned long nr,
                         unsigned int memflags);

/* A static page's last reference went: back to its owner's pool. */
void free_static_page(struct page_info *pg);

#else

static inline unsigned int static_memory_check(struct bootinfo *bi)
{
    return 0;
}

static inline void static_memory_init(const struct bootinfo *bi)
{}

static inline void free_static_page(struct page_info *pg)
{
    BUG();
}

#endif

#endif /* XEN_STATIC_MEMORY_H */
