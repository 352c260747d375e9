/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The common P2M walker (see xen/p2m.h): tables of 512 64-bit entries,
 * levels P2M_ROOT_LEVEL..3, whose format belongs to the architecture
 * (asm/p2m.h: arm64 stage-2 descriptors, x86 NPT entries).
 *
 * Removing or replacing a 4 KiB leaf has side effects: a foreign mapping
 * drops the page reference it held, and a RAM mapping of a xenheap page
 * (grant frame, shared_info) clears the GFN the page records. Blocks are
 * only ever plain RAM or MMIO, so they have none; a change inside a block
 * splits it first.
 *
 * Safety while vCPUs run (the rules of xen/p2m.h):
 * - break-before-make: a valid entry is never overwritten by another
 *   valid one. It is made invalid, the domain's TLBs are flushed, then
 *   the new entry is written (replacing a leaf, splitting a block,
 *   writing a block over a table);
 * - a reference a removed leaf held is not dropped here: the page goes on
 *   p2m->deferred, and p2m_write_unlock() drops it once the TLBs are
 *   flushed and the lock is released. When the array is full, the change
 *   stops before that leaf with -ERESTART; the caller unlocks (which
 *   empties it) and goes on.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <asm/page.h>

#define ROOT_ENTRIES (P2M_ENTRIES << P2M_ROOT_ORDER)

BUILD_BUG_ON(P2M_GFN_BITS >
             P2M_LEVEL_ORDER(P2M_ROOT_LEVEL) + 9 + P2M_ROOT_ORDER);

const char *p2m_type_name(p2m_type_t t)
{
    static const char *const names[p2m_max_type] = {
        [p2m_invalid] = "invalid",
        [p2m_ram_rw] = "ram_rw",
        [p2m_ram_ro] = "ram_ro",
        [p2m_mmio_direct_dev] = "mmio_dev",
        [p2m_grant_map_rw] = "grant_rw",
        [p2m_grant_map_ro] = "grant_ro",
        [p2m_map_foreign_rw] = "foreign_rw",
        [p2m_map_foreign_ro] = "foreign_ro",
    };

    return t < p2m_max_type ? names[t] : "?";
}

static uint64_t *table_of(mfn_t mfn)
{
    return maddr_to_virt(mfn_to_maddr(mfn));
}

static unsigned int index_at(gfn_t gfn, unsigned int level)
{
    unsigned long idx = gfn_x(gfn) >> P2M_LEVEL_ORDER(level);

    return level == P2M_ROOT_LEVEL ? idx & (ROOT_ENTRIES - 1)
                                   : idx & (P2M_ENTRIES - 1);
}

/* ---- Table pages: from the pool only ------------------------------------- */

static struct page_info *table_alloc(struct p2m_domain *p2m)
{
    struct page_info *pg = page_list_remove_head(&p2m->pool);

    if ( !pg )
    {
        printk(XENLOG_WARNING "d%u: P2M pool of %lu pages exhausted\n",
               p2m->domain->domain_id, p2m->pool_size);
        return NULL;
    }

    memset(maddr_to_virt(page_to_maddr(pg)), 0, PAGE_SIZE);
    page_list_add(pg, &p2m->tables);

    return pg;
}

static void table_free(struct p2m_domain *p2m, mfn_t mfn)
{
    struct page_info *pg = mfn_to_page(mfn);

    page_list_del(pg, &p2m->tables);
    page_list_add(pg, &p2m->pool);
}

unsigned long p2m_tables_in_use(const struct p2m_domain *p2m)
{
    return p2m->tables.count;
}

unsigned long p2m_pool_free(const struct p2m_domain *p2m)
{
    return p2m->pool.count;
}

/* ---- Leaves -------------------------------------------------------------- */

/* Whether removing pte needs a place on p2m->deferred. */
static bool holds_reference(uint64_t pte, unsigned int level)
{
    return level == P2M_LEAF_LEVEL && !arch_p2m_pte_is_table(pte, level) &&
           p2m_is_foreign(arch_p2m_pte_type(pte)) &&
           mfn_valid(arch_p2m_pte_mfn(pte));
}

/* Removing pte now would need a place on p2m->deferred that is not there. */
static bool must_stop(const struct p2m_domain *p2m, uint64_t pte,
                      unsigned int level)
{
    return holds_reference(pte, level) && p2m->nr_deferred == P2M_DEFER_MAX;
}

/* A 4 KiB leaf is going away: undo what mapping it meant. */
static void put_leaf(struct p2m_domain *p2m, uint64_t pte)
{
    p2m_type_t t = arch_p2m_pte_type(pte);
    mfn_t mfn = arch_p2m_pte_mfn(pte);
    struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return;
    pg = mfn_to_page(mfn);

    if ( p2m_is_foreign(t) )
    {
        /* Dropped by p2m_write_unlock(), after the flush (must_stop()). */
        ASSERT(p2m->nr_deferred < P2M_DEFER_MAX);
        p2m->deferred[p2m->nr_deferred++] = pg;
    }
    else if ( p2m_is_ram(t) && is_xen_heap_page(pg) )
        page_set_xenheap_gfn(pg, INVALID_GFN);
}

static void put_entry(struct p2m_domain *p2m, uint64_t pte, unsigned int level)
{
    if ( level == P2M_LEAF_LEVEL )
        put_leaf(p2m, pte);
}

/* Make a valid *entry invalid, and have no TLB remember it. */
static void break_entry(struct p2m_domain *p2m, uint64_t *entry)
{
    arch_p2m_write_pte(entry, 0);
    arch_p2m_flush(p2m);
}

/* Replace the block at *entry by a table of the next level's pieces. */
static int split_block(struct p2m_domain *p2m, uint64_t *entry,
                       unsigned int level)
{
    uint64_t block = *entry;
    mfn_t base = arch_p2m_pte_mfn(block);
    p2m_type_t t = arch_p2m_pte_type(block);
    unsigned long step = 1UL << P2M_LEVEL_ORDER(level + 1);
    struct page_info *pg = table_alloc(p2m);
    uint64_t *table;
    unsigned int i;

    if ( !pg )
        return -ENOMEM;

    table = table_of(page_to_mfn(pg));
    for ( i = 0; i < P2M_ENTRIES; i++ )
        arch_p2m_write_pte(
            &table[i],
            arch_p2m_make_leaf(mfn_add(base, i * step), t, level + 1));
    break_entry(p2m, entry);
    arch_p2m_write_pte(entry, arch_p2m_make_table(page_to_mfn(pg)));

    return 0;
}

static int p2m_free_subtree(struct p2m_domain *p2m, mfn_t mfn,
                            unsigned int level, unsigned long *budget);

/*
 * Make the entry for gfn at target level say pte (0: nothing), creating
 * tables on the way (or, when removing, stopping where nothing is).
 */
static int set_one(struct p2m_domain *p2m, gfn_t gfn, unsigned int target,
                   uint64_t pte)
{
    uint64_t *table = table_of(p2m->root);
    unsigned int level;
    uint64_t *entry, old;
    int rc;

    for ( level = P2M_ROOT_LEVEL; level < target; level++ )
    {
        entry = &table[index_at(gfn, level)];

        if ( !arch_p2m_pte_valid(*entry) )
        {
            struct page_info *pg;

            if ( !pte )
                return 0; /* nothing mapped here: nothing to remove */
            if ( (pg = table_alloc(p2m)) == NULL )
                return -ENOMEM;
            arch_p2m_write_pte(entry, arch_p2m_make_table(page_to_mfn(pg)));
        }
        else if ( !arch_p2m_pte_is_table(*entry, level) &&
                  (rc = split_block(p2m, entry, level)) != 0 )
            return rc;

        table = table_of(arch_p2m_pte_mfn(*entry));
    }

    entry = &table[index_at(gfn, target)];
    old = *entry;

    if ( arch_p2m_pte_valid(old) )
    {
        if ( arch_p2m_pte_is_table(old, target) )
        {
            /*
             * A block over a region that has a table: only on aligned
             * block writes over a previously split region. Blocks are
             * RAM or MMIO, so nothing below holds a reference and the
             * subtree can go at once.
             */
            unsigned long budget = ~0UL;

            break_entry(p2m, entry);
            p2m_free_subtree(p2m, arch_p2m_pte_mfn(old), target + 1, &budget);
        }
        else
        {
            if ( must_stop(p2m, old, target) )
                return -ERESTART;
            if ( pte )
                break_entry(p2m, entry);
            else
            {
                arch_p2m_write_pte(entry, 0);
                p2m->arch.need_flush = true;
            }
            put_entry(p2m, old, target);
        }
    }

    if ( pte )
        arch_p2m_write_pte(entry, pte);

    return 0;
}

/*
 * Remove every mapping in the table at mfn (of the given level), free its
 * table pages, the table itself included. Counts entries against *budget
 * and returns -ERESTART when it runs out, leaving a consistent tree.
 */
static int p2m_free_subtree(struct p2m_domain *p2m, mfn_t mfn,
                            unsigned int level, unsigned long *budget)
{
    uint64_t *table = table_of(mfn);
    unsigned int i, n = level == P2M_ROOT_LEVEL ? ROOT_ENTRIES : P2M_ENTRIES;

    for ( i = 0; i < n; i++ )
    {
        uint64_t pte = table[i];

        if ( !arch_p2m_pte_valid(pte) )
            continue;

        if ( !*budget || must_stop(p2m, pte, level) )
            return -ERESTART;
        (*budget)--;

        if ( arch_p2m_pte_is_table(pte, level) )
        {
            int rc =
                p2m_free_subtree(p2m, arch_p2m_pte_mfn(pte), level + 1, budget);

            if ( rc )
                return rc;
        }
        else
            put_entry(p2m, pte, level);
        arch_p2m_write_pte(&table[i], 0);
        p2m->arch.need_flush = true;
    }

    if ( level != P2M_ROOT_LEVEL )
        table_free(p2m, mfn);

    return 0;
}

/* ---- Public operations ----------------------------------------------------- */

static unsigned int choose_level(gfn_t gfn, mfn_t mfn, unsigned long nr,
                                 p2m_type_t t)
{
    unsigned int level;

    /* Foreign and grant mappings carry per-page state: 4 KiB only. */
    if ( p2m_is_foreign(t) || t == p2m_grant_map_rw || t == p2m_grant_map_ro )
        return P2M_LEAF_LEVEL;

    for ( level = P2M_ROOT_LEVEL + 1; level < P2M_LEAF_LEVEL; level++ )
    {
        unsigned long size = 1UL << P2M_LEVEL_ORDER(level);

        if ( arch_p2m_block_allowed(level) && nr >= size &&
             IS_ALIGNED(gfn_x(gfn), size) &&
             (mfn_eq(mfn, INVALID_MFN) || IS_ALIGNED(mfn_x(mfn), size)) )
            return level;
    }

    return P2M_LEAF_LEVEL;
}

int p2m_set_entry(struct p2m_domain *p2m, gfn_t gfn, unsigned long nr,
                  mfn_t mfn, p2m_type_t t)
{
    unsigned long done;

    return p2m_set_range(p2m, gfn, nr, mfn, t, &done);
}

int p2m_set_range(struct p2m_domain *p2m, gfn_t gfn, unsigned long nr,
                  mfn_t mfn, p2m_type_t t, unsigned long *done)
{
    bool removing = t == p2m_invalid || mfn_eq(mfn, INVALID_MFN);
    gfn_t start = gfn;
    int rc = 0;

    ASSERT(rw_is_write_locked(&p2m->lock));

    *done = 0;
    if ( !nr || gfn_x(gfn) + nr < gfn_x(gfn) ||
         gfn_x(gfn) + nr > (1UL << P2M_GFN_BITS) )
        return -EINVAL;

    while ( nr )
    {
        unsigned int level =
            choose_level(gfn, removing ? INVALID_MFN : mfn, nr, t);
        unsigned long step = 1UL << P2M_LEVEL_ORDER(level);

        rc = set_one(p2m, gfn, level,
                     removing ? 0 : arch_p2m_make_leaf(mfn, t, level));
        if ( rc )
            break;

        if ( !removing )
        {
            if ( gfn_x(gfn) < gfn_x(p2m->lowest_mapped_gfn) )
                p2m->lowest_mapped_gfn = gfn;
            if ( gfn_x(gfn) + step - 1 > gfn_x(p2m->max_mapped_gfn) ||
                 gfn_eq(p2m->max_mapped_gfn, INVALID_GFN) )
                p2m->max_mapped_gfn = gfn_add(gfn, step - 1);
            mfn = mfn_add(mfn, step);
        }
        gfn = gfn_add(gfn, step);
        nr -= step;
    }
    *done = gfn_x(gfn) - gfn_x(start);

    return rc;
}

void p2m_write_lock(struct p2m_domain *p2m)
{
    write_lock(&p2m->lock);
}

void p2m_write_unlock(struct p2m_domain *p2m)
{
    struct page_info *put[P2M_DEFER_MAX];
    unsigned int i, n = p2m->nr_deferred;

    if ( p2m->arch.need_flush )
        arch_p2m_flush(p2m);
    memcpy(put, p2m->deferred, n * sizeof(put[0]));
    p2m->nr_deferred = 0;
    write_unlock(&p2m->lock);

    /* No TLB and no lock holder can reach these any more. */
    for ( i = 0; i < n; i++ )
        put_page(put[i]);
}

mfn_t p2m_get_entry(struct p2m_domain *p2m, gfn_t gfn, p2m_type_t *t,
                    unsigned int *page_order)
{
    uint64_t *table = table_of(p2m->root);
    unsigned int level;

    ASSERT(rw_is_locked(&p2m->lock));

    if ( t )
        *t = p2m_invalid;
    if ( page_order )
        *page_order = 0;
    if ( gfn_x(gfn) >= (1UL << P2M_GFN_BITS) )
        return INVALID_MFN;

    for ( level = P2M_ROOT_LEVEL;; level++ )
    {
        uint64_t pte = table[index_at(gfn, level)];
        unsigned long mask;

        if ( !arch_p2m_pte_valid(pte) )
            return INVALID_MFN;

        if ( level < P2M_LEAF_LEVEL && arch_p2m_pte_is_table(pte, level) )
        {
            table = table_of(arch_p2m_pte_mfn(pte));
            continue;
        }

        mask = (1UL << P2M_LEVEL_ORDER(level)) - 1;
        if ( t )
            *t = arch_p2m_pte_type(pte);
        if ( page_order )
            *page_order = P2M_LEVEL_ORDER(level);

        return mfn_add(arch_p2m_pte_mfn(pte), gfn_x(gfn) & mask);
    }
}

int p2m_init(struct domain *d, unsigned long pool_pages)
{
    struct p2m_domain *p2m = &d->p2m;
    struct page_info *root;
    unsigned long i;
    int rc;

    rwlock_init(&p2m->lock, LOCK_P2M, d->domain_id);
    p2m->domain = d;
    page_list_init(&p2m->pool);
    page_list_init(&p2m->tables);
    p2m->pool_size = 0;
    p2m->lowest_mapped_gfn = INVALID_GFN;
    p2m->max_mapped_gfn = INVALID_GFN;
    p2m->root = INVALID_MFN;
    p2m->arch.need_flush = false;
    p2m->nr_deferred = 0;

    root = alloc_domheap_pages(NULL, P2M_ROOT_ORDER, 0);
    if ( !root )
        return -ENOMEM;
    p2m->root = page_to_mfn(root);
    memset(table_of(p2m->root), 0, PAGE_SIZE << P2M_ROOT_ORDER);

    for ( i = 0; i < pool_pages; i++ )
    {
        struct page_info *pg = alloc_domheap_pages(NULL, 0, 0);

        if ( !pg )
        {
            p2m_final_teardown(d);
            return -ENOMEM;
        }
        page_list_add(pg, &p2m->pool);
        p2m->pool_size++;
    }

    rc = arch_p2m_init(p2m);
    if ( rc )
        p2m_final_teardown(d);

    return rc;
}

int p2m_relinquish(struct domain *d, unsigned long budget)
{
    struct p2m_domain *p2m = &d->p2m;
    int rc;

    p2m_write_lock(p2m);
    rc = p2m_free_subtree(p2m, p2m->root, P2M_ROOT_LEVEL, &budget);
    if ( !rc )
    {
        p2m->lowest_mapped_gfn = INVALID_GFN;
        p2m->max_mapped_gfn = INVALID_GFN;
    }
    p2m_write_unlock(p2m);

    return rc;
}

void p2m_final_teardown(struct domain *d)
{
    struct p2m_domain *p2m = &d->p2m;
    struct page_info *pg;

    ASSERT(page_list_empty(&p2m->tables));

    if ( !mfn_eq(p2m->root, INVALID_MFN) )
    {
        arch_p2m_destroy(p2m);
        free_domheap_pages(mfn_to_page(p2m->root), P2M_ROOT_ORDER);
        p2m->root = INVALID_MFN;
    }

    while ( (pg = page_list_remove_head(&p2m->pool)) != NULL )
        free_domheap_pages(pg, 0);
    p2m->pool_size = 0;
}

/* ---- Locked wrappers ---------------------------------------------------------- */

/*
 * p2m_set_range() for callers without the lock: taken and dropped as
 * often as the deferred references need (each unlock releases them).
 */
static int set_unlocked(struct domain *d, gfn_t gfn, unsigned long nr,
                        mfn_t mfn, p2m_type_t t)
{
    struct p2m_domain *p2m = &d->p2m;
    unsigned long done;
    int rc;

    for ( ;; )
    {
        p2m_write_lock(p2m);
        /* A dying domain gets no new mappings (the XSA-410 lesson). */
        rc = d->is_dying && !mfn_eq(mfn, INVALID_MFN)
                 ? -EINVAL
                 : p2m_set_range(p2m, gfn, nr, mfn, t, &done);
        p2m_write_unlock(p2m);
        if ( rc != -ERESTART )
            return rc;

        gfn = gfn_add(gfn, done);
        nr -= done;
        if ( !mfn_eq(mfn, INVALID_MFN) )
            mfn = mfn_add(mfn, done);
    }
}

int guest_physmap_add_entry(struct domain *d, gfn_t gfn, mfn_t mfn,
                            unsigned int page_order, p2m_type_t t)
{
    return set_unlocked(d, gfn, 1UL << page_order, mfn, t);
}

/* Whether every RAM entry of [gfn, gfn + n) maps mfn + i (write lock held). */
static bool ram_entries_match(struct p2m_domain *p2m, gfn_t gfn, mfn_t mfn,
                              unsigned long n)
{
    unsigned long i;

    for ( i = 0; i < n; i++ )
    {
        p2m_type_t t;
        mfn_t cur = p2m_get_entry(p2m, gfn_add(gfn, i), &t, NULL);

        if ( p2m_is_ram(t) &&
             (mfn_eq(mfn, INVALID_MFN) || !mfn_eq(cur, mfn_add(mfn, i))) )
            return false;
    }

    return true;
}

int guest_physmap_remove_page(struct domain *d, gfn_t gfn, mfn_t mfn,
                              unsigned int page_order)
{
    struct p2m_domain *p2m = &d->p2m;
    unsigned long n = 1UL << page_order, done;
    int rc;

    /*
     * The whole range is checked first, all or nothing, under the same
     * lock as the removal. A pass that stops for deferred references
     * (-ERESTART) has removed its part; the rest is checked again under
     * the next lock.
     */
    for ( ;; )
    {
        p2m_write_lock(p2m);
        rc = ram_entries_match(p2m, gfn, mfn, n)
                 ? p2m_set_range(p2m, gfn, n, INVALID_MFN, p2m_invalid, &done)
                 : -EILSEQ;
        p2m_write_unlock(p2m);
        if ( rc != -ERESTART )
            return rc;

        gfn = gfn_add(gfn, done);
        n -= done;
        if ( !mfn_eq(mfn, INVALID_MFN) )
            mfn = mfn_add(mfn, done);
    }
}

mfn_t p2m_lookup(struct domain *d, gfn_t gfn, p2m_type_t *t)
{
    mfn_t mfn;

    read_lock(&d->p2m.lock);
    mfn = p2m_get_entry(&d->p2m, gfn, t, NULL);
    read_unlock(&d->p2m.lock);

    return mfn;
}
