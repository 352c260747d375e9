/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page allocator.
 *
 * Heap: a binary buddy allocator over every frame the boot allocator did
 * not keep, free chunks of order 0..MAX_ORDER on one list per order.
 * Free pages are PGC_state_free; the first page of a free chunk holds its
 * order. A freed chunk merges with its buddy while the buddy is a free
 * chunk of the same order. Static pages (PGC_static) are never here.
 *
 * On top of the heap:
 *   xenheap   pages for the hypervisor itself (PGC_xen_heap); a grant or
 *             shared_info frame shared with a guest records in type_info
 *             the GFN it is mapped at (xen/mm.h)
 *   domheap   pages owned by a domain: PGC_allocated plus a reference
 *             count; the last put_page() scrubs the page and frees it, to
 *             the heap or, for a static page, to its owner's pool
 *
 * Locks: a domain's page_alloc_lock is taken before the heap lock, never
 * after (docs/designs/lock-order.md).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/static-memory.h>
#include <asm/page.h>

BUILD_BUG_ON(sizeof(struct page_info) != 32);

static DEFINE_SPINLOCK(heap_lock, LOCK_HEAP);
static struct page_list_head heap[MAX_ORDER + 1];
static bool heap_ready;
static unsigned long avail_pages; /* free in the heap */
static unsigned long heap_pages;  /* ever given to the heap */

static void heap_init_lists(void)
{
    unsigned int i;

    for ( i = 0; i <= MAX_ORDER; i++ )
        page_list_init(&heap[i]);
    heap_ready = true;
}

/* ---- Buddy core (heap lock held) -------------------------------------- */

static void free_chunk_locked(struct page_info *pg, unsigned int order)
{
    unsigned long mfn = mfn_x(page_to_mfn(pg));

    while ( order < MAX_ORDER )
    {
        unsigned long buddy_mfn = mfn ^ (1UL << order);
        struct page_info *buddy;

        if ( !mfn_valid(_mfn(buddy_mfn)) )
            break;
        buddy = mfn_to_page(_mfn(buddy_mfn));
        if ( !page_state_is(buddy, free) || is_static_page(buddy) ||
             buddy->u.free.order != order )
            break;

        page_list_del(buddy, &heap[order]);
        mfn &= ~(1UL << order);
        order++;
    }

    pg = mfn_to_page(_mfn(mfn));
    pg->u.free.order = order;
    page_list_add(pg, &heap[order]);
}

static void free_heap_pages(struct page_info *pg, unsigned int order)
{
    unsigned long i, n = 1UL << order;
    unsigned long flags;

    spin_lock_irqsave(&heap_lock, flags);

    for ( i = 0; i < n; i++ )
    {
        struct page_info *p = pg + i;

        /* inuse -> free; anything else is a double free or a static page. */
        if ( !page_state_is(p, inuse) || is_static_page(p) ||
             (p->count_info & PGC_count_mask) )
            panic("Freeing mfn 0x%lx to the heap in state 0x%lx",
                  mfn_x(page_to_mfn(p)), p->count_info);
        p->count_info = PGC_state_free;
        p->v.raw = 0;
    }

    avail_pages += n;
    free_chunk_locked(pg, order);

    spin_unlock_irqrestore(&heap_lock, flags);
}

static struct page_info *alloc_heap_pages(unsigned int order)
{
    struct page_info *pg = NULL;
    unsigned int j;
    unsigned long i, n = 1UL << order;
    unsigned long flags;

    if ( order > MAX_ORDER )
        return NULL;

    spin_lock_irqsave(&heap_lock, flags);

    for ( j = order; j <= MAX_ORDER; j++ )
        if ( (pg = page_list_remove_head(&heap[j])) != NULL )
            break;

    if ( !pg )
    {
        spin_unlock_irqrestore(&heap_lock, flags);
        return NULL;
    }

    /* Split: the upper halves go back on the lower lists. */
    while ( j > order )
    {
        j--;
        pg[1UL << j].u.free.order = j;
        page_list_add(&pg[1UL << j], &heap[j]);
    }

    for ( i = 0; i < n; i++ )
    {
        struct page_info *p = pg + i;

        /* free -> inuse */
        if ( !page_state_is(p, free) || is_static_page(p) )
            panic("Heap corrupted: mfn 0x%lx on a free list in state 0x%lx",
                  mfn_x(page_to_mfn(p)), p->count_info);
        p->count_info = PGC_state_inuse;
        p->u.inuse.type_info = PGT_TYPE_INFO_INITIALIZER;
        p->v.owner = NULL;
    }
    avail_pages -= n;

    spin_unlock_irqrestore(&heap_lock, flags);

    return pg;
}

void init_heap_pages(struct page_info *pg, unsigned long nr_pages)
{
    unsigned long mfn = mfn_x(page_to_mfn(pg)), end = mfn + nr_pages;
    unsigned long flags;

    if ( !heap_ready )
        heap_init_lists();

    spin_lock_irqsave(&heap_lock, flags);
    while ( mfn < end )
    {
        unsigned int order = 0;
        unsigned long i;

        /* The largest aligned chunk that starts here and fits. */
        while ( order < MAX_ORDER && !(mfn & (1UL << order)) &&
                mfn + (2UL << order) <= end )
            order++;

        pg = mfn_to_page(_mfn(mfn));
        for ( i = 0; i < (1UL << order); i++ )
        {
            pg[i].count_info = PGC_state_free;
            pg[i].v.raw = 0;
        }
        avail_pages += 1UL << order;
        heap_pages += 1UL << order;
        free_chunk_locked(pg, order);
        mfn += 1UL << order;
    }
    spin_unlock_irqrestore(&heap_lock, flags);
}

unsigned long heap_free_pages(void)
{
    return avail_pages;
}

unsigned long heap_total_pages(void)
{
    return heap_pages;
}

/* ---- Xenheap ------------------------------------------------------------ */

void *alloc_xenheap_pages(unsigned int order, unsigned int memflags)
{
    struct page_info *pg = alloc_heap_pages(order);
    unsigned long i;

    if ( !pg )
        return NULL;

    for ( i = 0; i < (1UL << order); i++ )
        pg[i].count_info |= PGC_xen_heap;

    return maddr_to_virt(page_to_maddr(pg));
}

void free_xenheap_pages(void *v, unsigned int order)
{
    struct page_info *pg;
    unsigned long i;

    if ( !v )
        return;

    pg = mfn_to_page(maddr_to_mfn(virt_to_maddr(v)));
    for ( i = 0; i < (1UL << order); i++ )
    {
        if ( !is_xen_heap_page(&pg[i]) || !page_state_is(&pg[i], inuse) ||
             page_get_owner(&pg[i]) )
            panic("Freeing mfn 0x%lx as a xenheap page in state 0x%lx%s",
                  mfn_x(page_to_mfn(&pg[i])), pg[i].count_info,
                  page_get_owner(&pg[i]) ? ", still shared with a domain" : "");
        /* A frame still mapped in some guest's P2M must be unmapped first. */
        ASSERT(gfn_eq(page_get_xenheap_gfn(&pg[i]), INVALID_GFN));
        pg[i].count_info &= ~PGC_xen_heap;
    }

    free_heap_pages(pg, order);
}

/* ---- Domheap ------------------------------------------------------------ */

void domain_init_memory(struct domain *d, uint16_t domid,
                        unsigned long max_pages)
{
    d->domain_id = domid;
    d->is_dying = false;
    spin_lock_init(&d->page_alloc_lock, LOCK_PAGE_ALLOC, domid);
    page_list_init(&d->page_list);
    d->tot_pages = 0;
    d->max_pages = max_pages;
    d->xenheap_pages = 0;
    page_list_init(&d->xenpage_list);
}

void share_xen_page_with_guest(struct page_info *pg, struct domain *d)
{
    spin_lock(&d->page_alloc_lock);
    if ( !is_xen_heap_page(pg) || !page_state_is(pg, inuse) ||
         page_get_owner(pg) || (pg->count_info & PGC_count_mask) )
        panic(
            "Sharing mfn 0x%lx (count_info 0x%lx) with d%u: not an unshared xenheap page",
            mfn_x(page_to_mfn(pg)), pg->count_info, d->domain_id);
    page_set_owner(pg, d);
    pg->count_info |= PGC_allocated | 1;
    pg->u.inuse.type_info = PGT_TYPE_INFO_INITIALIZER;
    page_list_add_tail(pg, &d->xenpage_list);
    d->xenheap_pages++;
    spin_unlock(&d->page_alloc_lock);
}

/* A shared xenheap page's last reference went: it leaves its domain. */
static void unshare_xen_page(struct page_info *pg)
{
    struct domain *d = page_get_owner(pg);

    spin_lock(&d->page_alloc_lock);
    page_list_del(pg, &d->xenpage_list);
    ASSERT(d->xenheap_pages);
    d->xenheap_pages--;
    pg->count_info &= ~(PGC_allocated | PGC_count_mask);
    page_set_owner(pg, NULL);
    spin_unlock(&d->page_alloc_lock);

    free_xenheap_pages(maddr_to_virt(page_to_maddr(pg)), 0);
}

int domain_check_room_locked(struct domain *d, unsigned long nr)
{
    ASSERT(spin_is_locked(&d->page_alloc_lock));

    if ( d->is_dying )
        return -EINVAL;

    if ( d->tot_pages + nr > d->max_pages || d->tot_pages + nr < nr )
    {
        printk(
            XENLOG_WARNING
            "d%u: %lu more page%s would exceed max_pages (%lu of %lu in use); refused\n",
            d->domain_id, nr, nr == 1 ? "" : "s", d->tot_pages, d->max_pages);
        return -E2BIG;
    }

    return 0;
}

void domain_take_page_locked(struct domain *d, struct page_info *pg)
{
    ASSERT(page_state_is(pg, inuse));
    ASSERT(!page_get_owner(pg));
    ASSERT(!(pg->count_info & (PGC_allocated | PGC_count_mask)));

    page_set_owner(pg, d);
    pg->count_info |= PGC_allocated | 1;
    page_list_add_tail(pg, &d->page_list);
    d->tot_pages++;
}

int assign_pages(struct page_info *pg, unsigned long nr, struct domain *d,
                 unsigned int memflags)
{
    unsigned long i;
    int rc;

    spin_lock(&d->page_alloc_lock);
    rc = domain_check_room_locked(d, nr);
    if ( !rc )
        for ( i = 0; i < nr; i++ )
            domain_take_page_locked(d, &pg[i]);
    spin_unlock(&d->page_alloc_lock);

    return rc;
}

struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order,
                                      unsigned int memflags)
{
    struct page_info *pg = alloc_heap_pages(order);

    if ( !pg || !d )
        return pg;

    if ( assign_pages(pg, 1UL << order, d, memflags) )
    {
        free_heap_pages(pg, order);
        return NULL;
    }

    return pg;
}

static void scrub_page(struct page_info *pg)
{
    memset(maddr_to_virt(page_to_maddr(pg)), SCRUB_BYTE, PAGE_SIZE);
}

/*
 * Release pages whose last reference went (count 0, not PGC_allocated):
 * off the owner's list, scrubbed, back to the heap or the owner's pool.
 */
void free_domheap_pages(struct page_info *pg, unsigned int order)
{
    struct domain *d = page_get_owner(pg);
    unsigned long i, n = 1UL << order;

    ASSERT(!is_xen_heap_page(pg));

    if ( d )
    {
        spin_lock(&d->page_alloc_lock);
        for ( i = 0; i < n; i++ )
        {
            ASSERT(page_get_owner(&pg[i]) == d);
            page_list_del(&pg[i], &d->page_list);
            pg[i].count_info &= ~(PGC_allocated | PGC_count_mask);
        }
        ASSERT(d->tot_pages >= n);
        d->tot_pages -= n;
        spin_unlock(&d->page_alloc_lock);
    }

    for ( i = 0; i < n; i++ )
    {
        scrub_page(&pg[i]);
        pg[i].v.owner = NULL;
    }

    if ( is_static_page(pg) )
    {
        for ( i = 0; i < n; i++ )
            free_static_page(&pg[i]);
        return;
    }

    free_heap_pages(pg, order);
}

bool get_page(struct page_info *pg, const struct domain *d)
{
    unsigned long x = __atomic_load_n(&pg->count_info, __ATOMIC_RELAXED);

    do
    {
        unsigned long count = x & PGC_count_mask;

        if ( !count || count == PGC_count_mask || page_get_owner(pg) != d )
            return false;
    } while ( !__atomic_compare_exchange_n(&pg->count_info, &x, x + 1, false,
                                           __ATOMIC_ACQUIRE,
                                           __ATOMIC_RELAXED) );

    return true;
}

void put_page(struct page_info *pg)
{
    unsigned long x = __atomic_sub_fetch(&pg->count_info, 1, __ATOMIC_RELEASE);

    ASSERT((x & PGC_count_mask) != PGC_count_mask); /* underflow */

    if ( x & PGC_count_mask )
        return;
    if ( is_xen_heap_page(pg) )
        unshare_xen_page(pg);
    else
        free_domheap_pages(pg, 0);
}

void put_page_alloc_ref(struct page_info *pg)
{
    unsigned long old =
        __atomic_fetch_and(&pg->count_info, ~PGC_allocated, __ATOMIC_ACQ_REL);

    if ( old & PGC_allocated )
        put_page(pg);
}
