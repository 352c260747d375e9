/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the common P2M walker (common/p2m.c) on the harness's own
 * table format (tools/tests/harness/include/asm/p2m.h): three levels,
 * eight concatenated root pages, blocks at level 2 only, and entries that
 * remember their level so that a walker confusing levels trips an
 * assertion.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include <asm/page.h>
#include "harness.h"
#include "mm-fixture.h"

#define BLOCK 512UL     /* 2 MiB in pages */

static struct domain *p2m_domain(uint16_t id, unsigned long pool)
{
    struct domain *d = new_domain(id, 1UL << 20);

    CHECK_EQ(p2m_init(d, pool), 0);
    return d;
}

static mfn_t lookup(struct domain *d, unsigned long gfn, p2m_type_t *t)
{
    return p2m_lookup(d, _gfn(gfn), t);
}

TEST(map_lookup_unmap)
{
    struct domain *d;
    struct page_info *pg;
    p2m_type_t t;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    pg = alloc_domheap_page(d, 0);

    CHECK_EQ(guest_physmap_add_entry(d, _gfn(0x1234), page_to_mfn(pg), 0,
                                     p2m_ram_rw), 0);
    CHECK(mfn_eq(lookup(d, 0x1234, &t), page_to_mfn(pg)));
    CHECK_EQ(t, p2m_ram_rw);
    CHECK(mfn_eq(lookup(d, 0x1235, &t), INVALID_MFN));
    CHECK_EQ(t, p2m_invalid);

    /* Beyond the guest-physical address space. */
    CHECK(mfn_eq(lookup(d, 1UL << P2M_GFN_BITS, &t), INVALID_MFN));
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(1UL << P2M_GFN_BITS),
                                     page_to_mfn(pg), 0, p2m_ram_rw),
             -EINVAL);

    CHECK_EQ(guest_physmap_remove_page(d, _gfn(0x1234), page_to_mfn(pg), 0), 0);
    CHECK(mfn_eq(lookup(d, 0x1234, &t), INVALID_MFN));
    /* Removing what is not there is fine. */
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(0x1234), page_to_mfn(pg), 0), 0);
    CHECK_EQ(d->p2m.arch.flushes > 0, 1);
}

TEST(blocks_and_splitting)
{
    struct domain *d;
    struct page_info *big;
    mfn_t base;
    unsigned int order;
    unsigned long i;
    p2m_type_t t;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    big = alloc_domheap_pages(NULL, 9, 0);
    base = page_to_mfn(big);

    p2m_write_lock(&d->p2m);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(4 * BLOCK), BLOCK, base, p2m_ram_rw), 0);
    CHECK(mfn_eq(p2m_get_entry(&d->p2m, _gfn(4 * BLOCK + 7), &t, &order),
                 mfn_add(base, 7)));
    p2m_write_unlock(&d->p2m);
    CHECK_EQ(order, 9);
    /* A block needs the level-2 table under the root, no level-3 one. */
    CHECK_EQ(p2m_tables_in_use(&d->p2m), 1);

    /* Take one page out of the middle: the block is split. */
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(4 * BLOCK + 100),
                                       mfn_add(base, 100), 0), 0);
    CHECK_EQ(p2m_tables_in_use(&d->p2m), 2);
    for ( i = 0; i < BLOCK; i++ )
    {
        mfn_t m = lookup(d, 4 * BLOCK + i, &t);

        if ( i == 100 )
            CHECK(mfn_eq(m, INVALID_MFN));
        else
            CHECK(mfn_eq(m, mfn_add(base, i)) && t == p2m_ram_rw);
    }

    /* A block written back over the split region frees the table. */
    p2m_write_lock(&d->p2m);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(4 * BLOCK), BLOCK, base, p2m_ram_ro), 0);
    p2m_write_unlock(&d->p2m);
    CHECK_EQ(p2m_tables_in_use(&d->p2m), 1);
    CHECK(mfn_eq(lookup(d, 4 * BLOCK + 100, &t), mfn_add(base, 100)));
    CHECK_EQ(t, p2m_ram_ro);

    /*
     * An unaligned range: pages up to the boundary, a block where both
     * gfn and mfn are aligned, pages after.
     */
    p2m_write_lock(&d->p2m);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(8 * BLOCK - 3), BLOCK + 6,
                           _mfn(0x99000 - 3), p2m_mmio_direct_dev), 0);
    CHECK(mfn_eq(p2m_get_entry(&d->p2m, _gfn(8 * BLOCK + 1), &t, &order),
                 _mfn(0x99001)));
    p2m_write_unlock(&d->p2m);
    CHECK_EQ(order, 9);
    CHECK(mfn_eq(lookup(d, 8 * BLOCK - 3, &t), _mfn(0x99000 - 3)));
    CHECK(mfn_eq(lookup(d, 9 * BLOCK + 2, &t), _mfn(0x99000 + BLOCK + 2)));
    CHECK(mfn_eq(lookup(d, 9 * BLOCK + 3, &t), INVALID_MFN));
}

TEST(remove_refuses_a_different_frame)
{
    struct domain *d;
    struct page_info *a, *b;
    p2m_type_t t;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    a = alloc_domheap_page(d, 0);
    alloc_domheap_page(d, 0);   /* so that b is not a's neighbour */
    b = alloc_domheap_page(d, 0);
    CHECK(!mfn_eq(page_to_mfn(b), mfn_add(page_to_mfn(a), 1)));

    CHECK_EQ(guest_physmap_add_entry(d, _gfn(10), page_to_mfn(a), 0,
                                     p2m_ram_rw), 0);
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(11), page_to_mfn(b), 0,
                                     p2m_ram_rw), 0);
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(10), page_to_mfn(b), 0),
             -EILSEQ);
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(10), INVALID_MFN, 0), -EILSEQ);
    /* All or nothing: gfn 10 matches, gfn 11 does not. */
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(10), page_to_mfn(a), 1),
             -EILSEQ);
    CHECK(mfn_eq(lookup(d, 10, &t), page_to_mfn(a)));
    CHECK(mfn_eq(lookup(d, 11, &t), page_to_mfn(b)));
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(10), page_to_mfn(a), 0), 0);

    /* Not RAM: no frame check. */
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(20), _mfn(0x9000), 0,
                                     p2m_mmio_direct_dev), 0);
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(20), INVALID_MFN, 0), 0);
    CHECK(mfn_eq(lookup(d, 20, &t), INVALID_MFN));
}

TEST(xenheap_gfn_cleared_when_unmapped)
{
    struct domain *d;
    struct page_info *pg;
    void *v;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    v = alloc_xenheap_page();
    pg = mfn_to_page(maddr_to_mfn(virt_to_maddr(v)));

    /* What add_to_physmap does for a grant frame, under the P2M lock. */
    p2m_write_lock(&d->p2m);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(0x40), 1, page_to_mfn(pg),
                           p2m_ram_rw), 0);
    page_set_xenheap_gfn(pg, _gfn(0x40));
    p2m_write_unlock(&d->p2m);

    CHECK_EQ(gfn_x(page_get_xenheap_gfn(pg)), 0x40);
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(0x40), page_to_mfn(pg), 0), 0);
    CHECK(gfn_eq(page_get_xenheap_gfn(pg), INVALID_GFN));

    /* Overwriting the mapping clears it too. */
    p2m_write_lock(&d->p2m);
    p2m_set_entry(&d->p2m, _gfn(0x41), 1, page_to_mfn(pg), p2m_ram_rw);
    page_set_xenheap_gfn(pg, _gfn(0x41));
    p2m_set_entry(&d->p2m, _gfn(0x41), 1, _mfn(0x9000), p2m_mmio_direct_dev);
    p2m_write_unlock(&d->p2m);
    CHECK(gfn_eq(page_get_xenheap_gfn(pg), INVALID_GFN));
    free_xenheap_page(v);
}

TEST(foreign_reference_dropped_when_unmapped)
{
    struct domain *d, *e;
    struct page_info *pg;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    e = new_domain(2, 16);
    pg = alloc_domheap_page(e, 0);

    CHECK(get_page(pg, e));     /* the mapper's reference */
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(5), page_to_mfn(pg), 0,
                                     p2m_map_foreign_rw), 0);
    CHECK_EQ(pg->count_info & PGC_count_mask, 2);
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(5), page_to_mfn(pg), 0), 0);
    CHECK_EQ(pg->count_info & PGC_count_mask, 1);
}

/* The events of the trace that touch entry, and every flush. */
static unsigned int events_at(const struct harness_p2m_trace *tr,
                              const uint64_t *entry, char *out, size_t size)
{
    unsigned int i, n = 0;

    for ( i = 0; i < tr->nr && n + 1 < size; i++ )
        if ( tr->ev[i].what == 'F' )
            out[n++] = 'F';
        else if ( tr->ev[i].entry == entry )
            out[n++] = tr->ev[i].value ? 'V' : '0';
    out[n] = '\0';

    return n;
}

/* The last entry written with value, in the trace. */
static const uint64_t *entry_written(const struct harness_p2m_trace *tr,
                                     uint64_t value)
{
    unsigned int i;

    for ( i = tr->nr; i--; )
        if ( tr->ev[i].what == 'W' && tr->ev[i].value == value )
            return tr->ev[i].entry;

    return NULL;
}

TEST(replacing_is_break_before_make)
{
    static struct harness_p2m_trace tr;
    struct page_info *a, *b, *big;
    const uint64_t *entry;
    struct domain *d;
    char seq[16];

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    a = alloc_domheap_page(d, 0);
    b = alloc_domheap_page(d, 0);

    /* A leaf replaced by another: invalid, flush, then the new one. */
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(7), page_to_mfn(a), 0,
                                     p2m_ram_rw), 0);
    memset(&tr, 0, sizeof(tr));
    harness_p2m_trace = &tr;
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(7), page_to_mfn(b), 0,
                                     p2m_ram_ro), 0);
    harness_p2m_trace = NULL;
    entry = entry_written(&tr, arch_p2m_make_leaf(page_to_mfn(b), p2m_ram_ro,
                                                  P2M_LEAF_LEVEL));
    CHECK(entry != NULL);
    events_at(&tr, entry, seq, sizeof(seq));
    CHECK_STR(seq, "0FV");

    /* A block split for a page inside it: the same, for the block entry. */
    big = alloc_domheap_pages(NULL, 9, 0);
    memset(&tr, 0, sizeof(tr));
    harness_p2m_trace = &tr;
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(4 * BLOCK), page_to_mfn(big), 9,
                                     p2m_ram_rw), 0);
    harness_p2m_trace = NULL;
    entry = entry_written(&tr, arch_p2m_make_leaf(page_to_mfn(big), p2m_ram_rw,
                                                  2));
    CHECK(entry != NULL);
    memset(&tr, 0, sizeof(tr));
    harness_p2m_trace = &tr;
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(4 * BLOCK + 3),
                                       mfn_add(page_to_mfn(big), 3), 0), 0);
    harness_p2m_trace = NULL;
    events_at(&tr, entry, seq, sizeof(seq));
    if ( strncmp(seq, "0FV", 3) )
        CHECK_STR(seq, "0FV...");
}

TEST(removed_foreign_page_released_after_flush_and_unlock)
{
    struct domain *d, *e;
    struct page_info *pg;
    unsigned long flushes;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    e = new_domain(2, 16);
    pg = alloc_domheap_page(e, 0);

    CHECK(get_page(pg, e)); /* the mapping's reference */
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(5), page_to_mfn(pg), 0,
                                     p2m_map_foreign_rw), 0);
    CHECK_EQ(pg->count_info & PGC_count_mask, 2);

    p2m_write_lock(&d->p2m);
    flushes = d->p2m.arch.flushes;
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(5), 1, INVALID_MFN, p2m_invalid), 0);
    /* Unmapped, but still held: a vCPU may have it in its TLB. */
    CHECK_EQ(pg->count_info & PGC_count_mask, 2);
    CHECK_EQ(d->p2m.nr_deferred, 1);
    p2m_write_unlock(&d->p2m);
    CHECK(d->p2m.arch.flushes > flushes);
    CHECK_EQ(pg->count_info & PGC_count_mask, 1);
    CHECK_EQ(d->p2m.nr_deferred, 0);
}

TEST(more_foreign_pages_than_deferred_places)
{
    struct page_info *pgs[P2M_DEFER_MAX + 8];
    struct domain *d, *e;
    unsigned long done, i, n = ARRAY_SIZE(pgs);
    p2m_type_t t;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 16);
    e = new_domain(2, 64);
    for ( i = 0; i < n; i++ )
    {
        pgs[i] = alloc_domheap_page(e, 0);
        CHECK(get_page(pgs[i], e));
        CHECK_EQ(guest_physmap_add_entry(d, _gfn(0x100 + i),
                                         page_to_mfn(pgs[i]), 0,
                                         p2m_map_foreign_rw), 0);
    }

    /* Under one lock: stops where the deferred places run out. */
    p2m_write_lock(&d->p2m);
    CHECK_EQ(p2m_set_range(&d->p2m, _gfn(0x100), n, INVALID_MFN, p2m_invalid,
                           &done),
             -ERESTART);
    CHECK_EQ(done, P2M_DEFER_MAX);
    p2m_write_unlock(&d->p2m);
    CHECK_EQ(pgs[0]->count_info & PGC_count_mask, 1);
    CHECK(mfn_eq(lookup(d, 0x100 + done, &t), page_to_mfn(pgs[done])));

    /* The unlocked wrapper goes on by itself. */
    CHECK_EQ(guest_physmap_remove_page(d, _gfn(0x100), INVALID_MFN, 6), 0);
    for ( i = 0; i < n; i++ )
    {
        CHECK_EQ(pgs[i]->count_info & PGC_count_mask, 1);
        CHECK(mfn_eq(lookup(d, 0x100 + i, &t), INVALID_MFN));
    }

    /* Teardown too. */
    for ( i = 0; i < n; i++ )
    {
        CHECK(get_page(pgs[i], e));
        CHECK_EQ(guest_physmap_add_entry(d, _gfn(0x100 + i),
                                         page_to_mfn(pgs[i]), 0,
                                         p2m_map_foreign_rw), 0);
    }
    CHECK_EQ(p2m_relinquish(d, ~0UL), -ERESTART);
    while ( p2m_relinquish(d, ~0UL) == -ERESTART )
        ;
    for ( i = 0; i < n; i++ )
        CHECK_EQ(pgs[i]->count_info & PGC_count_mask, 1);
}

/* The harness format catches a walker that reads a leaf at another level. */
TEST(harness_entries_remember_their_level)
{
    uint64_t leaf = arch_p2m_make_leaf(_mfn(0x1234), p2m_ram_rw, 3);

    CHECK(!arch_p2m_pte_is_table(leaf, 3));
    CHECK(HARNESS_PANICS(arch_p2m_pte_is_table(leaf, 2)));
}

TEST(pool_is_bounded)
{
    struct domain *d;
    unsigned long heap;
    p2m_type_t t;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(4, 2);
    heap = heap_free_pages();

    /* Each 1 GiB region needs a level-2 and a level-3 table. */
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(0), _mfn(0x9000), 0,
                                     p2m_mmio_direct_dev), 0);
    CHECK_EQ(p2m_pool_free(&d->p2m), 0);
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(1UL << 18), _mfn(0x9001), 0,
                                     p2m_mmio_direct_dev), -ENOMEM);
    CHECK(harness_log_contains("d4: P2M pool of 2 pages exhausted"));
    /* The heap did not pay for it, and the first mapping is intact. */
    CHECK_EQ(heap_free_pages(), heap);
    CHECK(mfn_eq(lookup(d, 0, &t), _mfn(0x9000)));
}

TEST(dying_domain_gets_no_new_mappings)
{
    struct domain *d;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 4);
    d->is_dying = true;
    CHECK_EQ(guest_physmap_add_entry(d, _gfn(1), _mfn(0x9000), 0,
                                     p2m_mmio_direct_dev), -EINVAL);
}

TEST(preemptible_teardown_loses_nothing)
{
    struct domain *d;
    unsigned long heap_before, i, tables;
    unsigned int restarts = 0;
    struct page_info *xpg;
    void *xv;
    int rc;

    layout();
    setup_mm(&bootinfo);
    heap_before = heap_free_pages();
    d = p2m_domain(1, 64);

    xv = alloc_xenheap_page();
    xpg = mfn_to_page(maddr_to_mfn(virt_to_maddr(xv)));
    p2m_write_lock(&d->p2m);
    for ( i = 0; i < 3000; i++ )
        CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(i * 7), 1, _mfn(0x90000 + i),
                               p2m_mmio_direct_dev), 0);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(1UL << 20), 4 * BLOCK, _mfn(0xa0000),
                           p2m_mmio_direct_dev), 0);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(5), 1, page_to_mfn(xpg), p2m_ram_rw), 0);
    page_set_xenheap_gfn(xpg, _gfn(5));
    p2m_write_unlock(&d->p2m);
    tables = p2m_tables_in_use(&d->p2m);
    CHECK(tables > 2);

    while ( (rc = p2m_relinquish(d, 100)) == -ERESTART )
        restarts++;
    CHECK_EQ(rc, 0);
    CHECK(restarts >= 30);
    CHECK_EQ(p2m_tables_in_use(&d->p2m), 0);
    CHECK_EQ(p2m_pool_free(&d->p2m), 64);
    CHECK(gfn_eq(page_get_xenheap_gfn(xpg), INVALID_GFN));

    free_xenheap_page(xv);
    p2m_final_teardown(d);
    CHECK_EQ(heap_free_pages(), heap_before);
}

static uint64_t rng_state = 0x9b05688c2b3e6c1fULL;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state >> 11;
}

TEST(random_against_model)
{
    enum { SPAN = 8 * 512 };    /* eight 2 MiB regions */
    static unsigned long model[SPAN];   /* mfn + 1, 0 = unmapped */
    struct domain *d;
    unsigned long i, iter;

    layout();
    setup_mm(&bootinfo);
    d = p2m_domain(1, 64);

    for ( iter = 0; iter < 20000; iter++ )
    {
        unsigned long gfn = rng() % SPAN, nr = 1 + rng() % 8;
        unsigned long mfn = 0x100000 + rng() % 0x10000;
        unsigned int op = rng() % 16;

        p2m_write_lock(&d->p2m);
        if ( op == 0 )
        {
            /* A whole aligned block. */
            gfn &= ~(BLOCK - 1);
            mfn &= ~(BLOCK - 1);
            nr = BLOCK;
        }
        if ( gfn + nr > SPAN )
            nr = SPAN - gfn;
        if ( op < 10 )
        {
            CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(gfn), nr, _mfn(mfn),
                                   p2m_mmio_direct_dev), 0);
            for ( i = 0; i < nr; i++ )
                model[gfn + i] = mfn + i + 1;
        }
        else
        {
            CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(gfn), nr, INVALID_MFN,
                                   p2m_invalid), 0);
            for ( i = 0; i < nr; i++ )
                model[gfn + i] = 0;
        }
        p2m_write_unlock(&d->p2m);
    }

    for ( i = 0; i < SPAN; i++ )
    {
        p2m_type_t t;
        mfn_t m = lookup(d, i, &t);

        if ( model[i] )
            CHECK(mfn_eq(m, _mfn(model[i] - 1)) && t == p2m_mmio_direct_dev);
        else
            CHECK(mfn_eq(m, INVALID_MFN) && t == p2m_invalid);
    }

    while ( p2m_relinquish(d, 1000) == -ERESTART )
        ;
    CHECK_EQ(p2m_tables_in_use(&d->p2m), 0);
}

HARNESS_MAIN("p2m")
