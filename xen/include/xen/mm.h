/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-frame metadata (struct page_info) and the page allocators.
 *
 * Every RAM frame has one 32-byte struct page_info in the frame table,
 * indexed by its compressed frame number (pdx, see xen/pdx.h), so holes
 * between RAM banks cost nothing.
 *
 *   list        links in a page list: pdx of next and previous, 4 bytes each
 *   count_info  flags (PGC_*), the page state and a reference count
 *   u           in use: type_info (PGT_*; xenheap pages keep the GFN they
 *               are mapped at here); free: the buddy order of a free chunk
 *   v           in use: the owning domain; free: nothing
 *
 * Page states (PGC_state): every transition checks the state it comes
 * from, under the heap lock:
 *
 *   free --alloc--> inuse --free--> free
 *
 * Frames that never enter the heap (the hypervisor image, the device tree,
 * boot modules, firmware-reserved memory) stay "inuse" with no owner and
 * no flags for their whole life. Static pages (PGC_static) never reach the
 * buddy lists: free, they sit in their owner's pool (static-memory.c).
 */
#ifndef XEN_MM_H
#define XEN_MM_H

#include <xen/lib.h>
#include <xen/types.h>

struct domain;

/* ---- Page lists, linked by pdx --------------------------------------- */

#define PAGE_LIST_NULL 0xffffffffU

struct page_list_entry {
    uint32_t next, prev;
};

struct page_list_head {
    uint32_t head, tail;
    unsigned long count;
};

#define PAGE_LIST_HEAD_INIT                                                    \
    {                                                                          \
        PAGE_LIST_NULL, PAGE_LIST_NULL, 0                                      \
    }

/* ---- struct page_info ------------------------------------------------ */

struct page_info {
    struct page_list_entry list;
    unsigned long count_info;
    union {
        /* In use: type and, for xenheap pages, the GFN they are mapped at. */
        struct {
            unsigned long type_info;
        } inuse;
        /* Free, first page of a chunk: its order. */
        struct {
            unsigned int order;
            unsigned int pad;
        } free;
    } u;
    union {
        struct domain *owner;
        unsigned long raw;
    } v;
};

/* count_info */
#define PGC_allocated       (1UL << 63) /* holds the allocation reference */
#define PGC_xen_heap        (1UL << 62) /* a xenheap page */
#define PGC_static          (1UL << 61) /* static memory: never in the heap */
#define PGC_state_shift     58
#define PGC_state_mask      (3UL << PGC_state_shift)
#define PGC_state_inuse     (0UL << PGC_state_shift)
#define PGC_state_offlining (1UL << PGC_state_shift)
#define PGC_state_offlined  (2UL << PGC_state_shift)
#define PGC_state_free      (3UL << PGC_state_shift)
#define PGC_count_width     48
#define PGC_count_mask      ((1UL << PGC_count_width) - 1)

#define page_state_is(pg, st)                                                  \
    (((pg)->count_info & PGC_state_mask) == PGC_state_##st)

/*
 * type_info: type (bit 63), a 2-bit type count (62:61), and in the 61 bits
 * below the GFN a xenheap page is mapped at in its guest's P2M. All ones
 * there means "mapped nowhere". Read and written under the P2M lock of the
 * domain the page is shared with.
 */
#define PGT_writable_page       (1UL << 63)
#define PGT_count_shift         61
#define PGT_count_mask          (3UL << PGT_count_shift)
#define PGT_gfn_width           61
#define PGT_gfn_mask            ((1UL << PGT_gfn_width) - 1)
#define PGT_INVALID_XENHEAP_GFN _gfn(PGT_gfn_mask)

/* What a freshly allocated page's type_info holds: no type, no GFN. */
#define PGT_TYPE_INFO_INITIALIZER PGT_gfn_mask

static inline bool is_xen_heap_page(const struct page_info *pg)
{
    return pg->count_info & PGC_xen_heap;
}

static inline bool is_static_page(const struct page_info *pg)
{
    return pg->count_info & PGC_static;
}

static inline struct domain *page_get_owner(const struct page_info *pg)
{
    return pg->v.owner;
}

static inline void page_set_owner(struct page_info *pg, struct domain *d)
{
    pg->v.owner = d;
}

/* The GFN a xenheap page is mapped at, or INVALID_GFN. */
static inline gfn_t page_get_xenheap_gfn(const struct page_info *pg)
{
    unsigned long gfn = READ_ONCE(pg->u.inuse.type_info) & PGT_gfn_mask;

    ASSERT(is_xen_heap_page(pg));

    return gfn == PGT_gfn_mask ? INVALID_GFN : _gfn(gfn);
}

/* Record where a xenheap page is mapped; only the GFN bits change. */
static inline void page_set_xenheap_gfn(struct page_info *pg, gfn_t gfn)
{
    unsigned long bits = gfn_eq(gfn, INVALID_GFN) ? PGT_gfn_mask : gfn_x(gfn);
    unsigned long old, new;

    ASSERT(is_xen_heap_page(pg));
    ASSERT(!(bits & ~PGT_gfn_mask));

    old = __atomic_load_n(&pg->u.inuse.type_info, __ATOMIC_RELAXED);
    do
    {
        new = (old & ~PGT_gfn_mask) | bits;
    } while ( !__atomic_compare_exchange_n(&pg->u.inuse.type_info, &old, new,
                                           false, __ATOMIC_RELAXED,
                                           __ATOMIC_RELAXED) );
}

/* ---- Frame numbers, frame table -------------------------------------- */

#include <xen/pdx.h>

static inline paddr_t mfn_to_maddr(mfn_t mfn)
{
    return _paddr((uint64_t)mfn_x(mfn) << PAGE_SHIFT);
}

static inline mfn_t maddr_to_mfn(paddr_t ma)
{
    return _mfn(paddr_x(ma) >> PAGE_SHIFT);
}

static inline struct page_info *mfn_to_page(mfn_t mfn)
{
    return frame_table + mfn_to_pdx(mfn);
}

static inline mfn_t page_to_mfn(const struct page_info *pg)
{
    return pdx_to_mfn(pg - frame_table);
}

static inline paddr_t page_to_maddr(const struct page_info *pg)
{
    return mfn_to_maddr(page_to_mfn(pg));
}

/* ---- Page lists ------------------------------------------------------ */

void page_list_init(struct page_list_head *head);
bool page_list_empty(const struct page_list_head *head);
struct page_info *page_list_first(const struct page_list_head *head);
struct page_info *page_list_next(const struct page_info *pg,
                                 const struct page_list_head *head);
void page_list_add(struct page_info *pg, struct page_list_head *head);
void page_list_add_tail(struct page_info *pg, struct page_list_head *head);
void page_list_del(struct page_info *pg, struct page_list_head *head);
struct page_info *page_list_remove_head(struct page_list_head *head);

#define page_list_for_each(pg, head)                                           \
    for ( (pg) = page_list_first(head); (pg); (pg) = page_list_next(pg, head) )

/* ---- Allocators ------------------------------------------------------ */

/* memflags */
#define MEMF_no_scrub    (1U << 0) /* the caller overwrites the pages anyway */
#define MEMF_no_refcount (1U << 1) /* not counted in tot_pages */

/* Boot allocator: only before end_boot_allocator(). */
void bootmem_add_range(paddr_t start, paddr_t end);
void bootmem_remove_range(paddr_t start, paddr_t end);
uint64_t bootmem_free_bytes(void);
unsigned int bootmem_nr_ranges(void);
mfn_t alloc_boot_pages(unsigned long nr_pfns, unsigned long pfn_align);
void end_boot_allocator(void);

/* Buddy heap. */
#define MAX_ORDER 20

void init_heap_pages(struct page_info *pg, unsigned long nr_pages);
unsigned long heap_free_pages(void);
unsigned long heap_total_pages(void);

void *alloc_xenheap_pages(unsigned int order, unsigned int memflags);
void free_xenheap_pages(void *v, unsigned int order);
#define alloc_xenheap_page() alloc_xenheap_pages(0, 0)
#define free_xenheap_page(v) free_xenheap_pages(v, 0)

struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order,
                                      unsigned int memflags);
void free_domheap_pages(struct page_info *pg, unsigned int order);
#define alloc_domheap_page(d, f) alloc_domheap_pages(d, 0, f)
#define free_domheap_page(p)     free_domheap_pages(p, 0)

/*
 * Give nr pages, already allocated and not owned, to d. Fails with
 * -E2BIG (and one line naming the domain) when d would go past
 * max_pages, -EINVAL when d is dying.
 */
int assign_pages(struct page_info *pg, unsigned long nr, struct domain *d,
                 unsigned int memflags);

/*
 * For allocators only, with d->page_alloc_lock held: whether nr more pages
 * fit under d's max_pages (else one line and -E2BIG, or -EINVAL if d is
 * dying), and handing one allocated, unowned page to d.
 */
int domain_check_room_locked(struct domain *d, unsigned long nr);
void domain_take_page_locked(struct domain *d, struct page_info *pg);

/*
 * A xenheap page (a grant-table or shared_info frame) given to d: owned
 * by d with the allocation reference (PGC_allocated) and counted in
 * d->xenheap_pages, on d->xenpage_list. d can then map it (its P2M keeps
 * the GFN in the page, xen/p2m.h) and others can take references to it.
 * When its last reference goes (teardown drops the allocation one) it
 * leaves d and goes back to the heap, like any xenheap page freed.
 */
void share_xen_page_with_guest(struct page_info *pg, struct domain *d);

/* References: a page is freed when its last reference goes. */
bool get_page(struct page_info *pg, const struct domain *d);
void put_page(struct page_info *pg);
/* Drop the reference PGC_allocated stands for (if still held). */
void put_page_alloc_ref(struct page_info *pg);

/* Scrub value written over freed domain pages. */
#define SCRUB_BYTE 0x00

#endif /* XEN_MM_H */
