/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Static memory (see xen/static-memory.h and docs/designs/memory-core.md).
 *
 * Boot: static_memory_check() refuses every domain whose banks are
 * malformed or collide with anything; static_memory_init() turns the
 * accepted banks into one pool per domain node, every page
 * PGC_static | free on the pool's list.
 *
 * Run time: acquire_static_pages() / acquire_static_range() move pages
 * from the pool to the domain (free -> inuse); free_static_page() brings
 * a page whose last reference went back (inuse -> free). The pool belongs
 * to the domain node, not to a struct domain, so it outlives the domain.
 *
 * Locks: d->page_alloc_lock, then static_lock.
 */
#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/static-memory.h>
#include <asm/page.h>

static DEFINE_SPINLOCK(static_lock, LOCK_STATIC_POOL);
static struct static_pool pools[BOOTINFO_MAX_STATIC_OWNERS];
static unsigned int nr_pools;

/* Accepted banks, to find the pool of a frame. */
static struct {
    unsigned long smfn, nr;
    struct static_pool *pool;
} banks[CONFIG_NR_MEM_BANKS];
static unsigned int nr_banks;

/* ---- Boot-time checks -------------------------------------------------- */

static bool overlaps(uint64_t a, uint64_t as, uint64_t b, uint64_t bs)
{
    return as && bs && a < b + bs && b < a + as;
}

static bool inside_ram(const struct membanks *mem, uint64_t s, uint64_t size)
{
    unsigned int i;

    for ( i = 0; i < mem->nr; i++ )
    {
        uint64_t bs = paddr_x(mem->bank[i].start), be = bs + mem->bank[i].size;

        if ( s >= bs && s + size <= be && s + size > s )
            return s + size <= DIRECTMAP_LIMIT;
    }

    return false;
}

static void refuse(struct bootinfo *bi, const struct static_bank *b,
                   const char *why, const char *what, uint64_t ws,
                   uint64_t wsize)
{
    struct static_owner *o = &bi->static_owners[b->owner];

    if ( what )
        printk(
            XENLOG_ERR
            "DT: %s: xen,static-mem bank 0x%llx-0x%llx %s %s at 0x%llx-0x%llx; the domain's static memory is not reserved\n",
            o->path, (unsigned long long)paddr_x(b->start),
            (unsigned long long)(paddr_x(b->start) + b->size - 1), why, what,
            (unsigned long long)ws, (unsigned long long)(ws + wsize - 1));
    else
        printk(
            XENLOG_ERR
            "DT: %s: xen,static-mem bank 0x%llx+0x%llx %s; the domain's static memory is not reserved\n",
            o->path, (unsigned long long)paddr_x(b->start),
            (unsigned long long)b->size, why);
    o->refused = true;
}

/* What a bank must not touch, besides other static banks. */
static bool bank_collides(struct bootinfo *bi, const struct static_bank *b)
{
    uint64_t s = paddr_x(b->start), n = b->size;
    unsigned int i;

    if ( overlaps(s, n, paddr_x(bi->xen_image.start), bi->xen_image.size) )
    {
        refuse(bi, b, "overlaps", "the hypervisor image",
               paddr_x(bi->xen_image.start), bi->xen_image.size);
        return true;
    }
    if ( overlaps(s, n, paddr_x(bi->fdt.start), bi->fdt.size) )
    {
        refuse(bi, b, "overlaps", "the device tree", paddr_x(bi->fdt.start),
               bi->fdt.size);
        return true;
    }
    for ( i = 0; i < bi->nr_mods; i++ )
        if ( overlaps(s, n, paddr_x(bi->mods[i].start), bi->mods[i].size) )
        {
            refuse(bi, b, "overlaps", "a boot module",
                   paddr_x(bi->mods[i].start), bi->mods[i].size);
            return true;
        }
    for ( i = 0; i < bi->reserved.nr; i++ )
        if ( overlaps(s, n, paddr_x(bi->reserved.bank[i].start),
                      bi->reserved.bank[i].size) )
        {
            refuse(bi, b, "overlaps", "reserved memory",
                   paddr_x(bi->reserved.bank[i].start),
                   bi->reserved.bank[i].size);
            return true;
        }
    for ( i = 0; i < bi->static_heap.nr; i++ )
        if ( overlaps(s, n, paddr_x(bi->static_heap.bank[i].start),
                      bi->static_heap.bank[i].size) )
        {
            refuse(bi, b, "overlaps", "the static heap",
                   paddr_x(bi->static_heap.bank[i].start),
                   bi->static_heap.bank[i].size);
            return true;
        }

    return false;
}

unsigned int static_memory_check(struct bootinfo *bi)
{
    unsigned int i, j, refused = 0;

    /* Each bank on its own. */
    for ( i = 0; i < bi->nr_static_banks; i++ )
    {
        const struct static_bank *b = &bi->static_banks[i];

        if ( bi->static_owners[b->owner].refused )
            continue;
        if ( !b->size )
            refuse(bi, b, "has zero size", NULL, 0, 0);
        else if ( !IS_ALIGNED(paddr_x(b->start) | b->size, PAGE_SIZE) )
            refuse(bi, b, "is not page aligned", NULL, 0, 0);
        else if ( !inside_ram(&bi->mem, paddr_x(b->start), b->size) )
            refuse(bi, b, "is not inside one usable RAM bank", NULL, 0, 0);
        else
            bank_collides(bi, b);
    }

    /* Banks against each other: the domain declared first keeps its own. */
    for ( i = 0; i < bi->nr_static_banks; i++ )
    {
        const struct static_bank *b = &bi->static_banks[i];

        if ( bi->static_owners[b->owner].refused )
            continue;
        for ( j = 0; j < i; j++ )
        {
            const struct static_bank *e = &bi->static_banks[j];

            if ( bi->static_owners[e->owner].refused ||
                 !overlaps(paddr_x(b->start), b->size, paddr_x(e->start),
                           e->size) )
                continue;
            if ( e->owner == b->owner )
                refuse(bi, b, "overlaps", "another bank of the same domain",
                       paddr_x(e->start), e->size);
            else
            {
                char what[BOOTINFO_OWNER_PATH_MAX + 32];

                snprintf(what, sizeof(what), "the static memory of %s",
                         bi->static_owners[e->owner].path);
                refuse(bi, b, "overlaps", what, paddr_x(e->start), e->size);
            }
            break;
        }
    }

    for ( i = 0; i < bi->nr_static_owners; i++ )
        refused += bi->static_owners[i].refused;

    return refused;
}

/* ---- Pools ------------------------------------------------------------- */

void static_memory_init(const struct bootinfo *bi)
{
    unsigned int i, o;
    char sz[24];

    nr_pools = 0;
    nr_banks = 0;

    for ( o = 0; o < bi->nr_static_owners; o++ )
    {
        struct static_pool *pool;

        if ( bi->static_owners[o].refused )
            continue;

        pool = &pools[nr_pools++];
        pool->owner = bi->static_owners[o].path;
        pool->owner_idx = o;
        page_list_init(&pool->free);
        pool->nr_pages = 0;

        for ( i = 0; i < bi->nr_static_banks; i++ )
        {
            const struct static_bank *b = &bi->static_banks[i];
            unsigned long smfn = paddr_x(b->start) >> PAGE_SHIFT;
            unsigned long nr = b->size >> PAGE_SHIFT, k;
            struct page_info *pg;

            if ( b->owner != o )
                continue;

            pg = mfn_to_page(_mfn(smfn));
            for ( k = 0; k < nr; k++ )
            {
                pg[k].count_info = PGC_static | PGC_state_free;
                pg[k].v.owner = NULL;
                page_list_add_tail(&pg[k], &pool->free);
            }
            pool->nr_pages += nr;

            banks[nr_banks].smfn = smfn;
            banks[nr_banks].nr = nr;
            banks[nr_banks].pool = pool;
            nr_banks++;

            printk("Static bank: 0x%016llx-0x%016llx (%s) for %s\n",
                   (unsigned long long)paddr_x(b->start),
                   (unsigned long long)(paddr_x(b->start) + b->size - 1),
                   format_size(sz, sizeof(sz), b->size), pool->owner);
        }
    }
}

unsigned int static_pool_count(void)
{
    return nr_pools;
}

struct static_pool *static_pool_get(unsigned int idx)
{
    return idx < nr_pools ? &pools[idx] : NULL;
}

struct static_pool *static_pool_of_owner(unsigned int owner)
{
    unsigned int i;

    for ( i = 0; i < nr_pools; i++ )
        if ( pools[i].owner_idx == owner )
            return &pools[i];

    return NULL;
}

static struct static_pool *pool_of(mfn_t mfn)
{
    unsigned int i;

    for ( i = 0; i < nr_banks; i++ )
        if ( mfn_x(mfn) - banks[i].smfn < banks[i].nr )
            return banks[i].pool;

    return NULL;
}

/* free -> inuse for one static page taken off its pool (static_lock held). */
static void take_from_pool(struct page_info *pg, struct static_pool *pool)
{
    if ( !page_state_is(pg, free) || !is_static_page(pg) )
        panic("Static pool %s corrupted: mfn 0x%lx in state 0x%lx", pool->owner,
              mfn_x(page_to_mfn(pg)), pg->count_info);

    page_list_del(pg, &pool->free);
    pg->count_info = PGC_static | PGC_state_inuse;
    pg->u.inuse.type_info = PGT_TYPE_INFO_INITIALIZER;
    pg->v.owner = NULL;
}

/* Whether [smfn, smfn + nr) are all free pages of pool (static_lock held). */
static bool range_is_free(const struct static_pool *pool, mfn_t smfn,
                          unsigned long nr)
{
    unsigned long i;

    for ( i = 0; i < nr; i++ )
    {
        mfn_t mfn = mfn_add(smfn, i);
        const struct page_info *pg;

        if ( pool_of(mfn) != pool )
            return false;
        pg = mfn_to_page(mfn);
        if ( !page_state_is(pg, free) || !is_static_page(pg) )
            return false;
    }

    return true;
}

/*
 * Move nr pages of d's pool to d, all or nothing: any free ones when smfn
 * is INVALID_MFN, else exactly [smfn, smfn + nr).
 */
static int acquire(struct domain *d, mfn_t smfn, unsigned long nr)
{
    struct static_pool *pool = d->static_pool;
    bool any = mfn_eq(smfn, INVALID_MFN);
    unsigned long i;
    int rc;

    if ( !pool )
        return -EINVAL;

    spin_lock(&d->page_alloc_lock);
    rc = domain_check_room_locked(d, nr);
    if ( !rc )
    {
        spin_lock(&static_lock);
        if ( any ? pool->free.count < nr : !range_is_free(pool, smfn, nr) )
            rc = any ? -ENOMEM : -ENOENT;
        else
            for ( i = 0; i < nr; i++ )
            {
                struct page_info *pg = any ? page_list_first(&pool->free)
                                           : mfn_to_page(mfn_add(smfn, i));

                take_from_pool(pg, pool);
                domain_take_page_locked(d, pg);
            }
        spin_unlock(&static_lock);
    }
    spin_unlock(&d->page_alloc_lock);

    return rc;
}

int acquire_static_pages(struct domain *d, unsigned long nr,
                         unsigned int memflags)
{
    return acquire(d, INVALID_MFN, nr);
}

int acquire_static_range(struct domain *d, mfn_t smfn, unsigned long nr,
                         unsigned int memflags)
{
    return acquire(d, smfn, nr);
}

void free_static_page(struct page_info *pg)
{
    struct static_pool *pool = pool_of(page_to_mfn(pg));

    if ( !pool || !is_static_page(pg) || !page_state_is(pg, inuse) ||
         (pg->count_info & PGC_count_mask) || page_get_owner(pg) )
        panic("Freeing static mfn 0x%lx in state 0x%lx", mfn_x(page_to_mfn(pg)),
              pg->count_info);

    spin_lock(&static_lock);
    pg->count_info = PGC_static | PGC_state_free;
    page_list_add_tail(pg, &pool->free);
    spin_unlock(&static_lock);
}
