/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the memory core: frame table and pdx compression, boot
 * allocator, buddy heap, xenheap/domheap, references, static memory with
 * its owner pools, and the boot-time checks (common/page_alloc.c,
 * page-list.c, pdx.c, bootmem.c, static-memory.c, setup-mm.c). Each case
 * runs in its own process, on "RAM" made of host buffers.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include <xen/static-memory.h>
#include <asm/page.h>
#include "harness.h"

#include "mm-fixture.h"

static unsigned int add_owner(const char *path)
{
    unsigned int i;

    for ( i = 0; i < bootinfo.nr_static_owners; i++ )
        if ( !strcmp(bootinfo.static_owners[i].path, path) )
            return i;
    strcpy(bootinfo.static_owners[i].path, path);
    bootinfo.nr_static_owners++;
    return i;
}

/* The pool of the owner recorded under path (tests name owners by path). */
static struct static_pool *pool_named(const char *path)
{
    unsigned int i;

    for ( i = 0; i < bootinfo.nr_static_owners; i++ )
        if ( !strcmp(bootinfo.static_owners[i].path, path) )
            return static_pool_of_owner(i);
    return NULL;
}

static void add_static(const char *owner, uint64_t start, uint64_t size)
{
    struct static_bank *b = &bootinfo.static_banks[bootinfo.nr_static_banks++];

    b->owner = add_owner(owner);
    b->start = _paddr(start);
    b->size = size;
}

static bool in_range(mfn_t mfn, uint64_t start, uint64_t size)
{
    uint64_t pa = paddr_x(mfn_to_maddr(mfn));

    return pa >= start && pa < start + size;
}

/* ---- Frame table, boot allocator, heap --------------------------------- */

TEST(page_info_is_32_bytes)
{
    CHECK_EQ(sizeof(struct page_info), 32);
}

TEST(setup_counts_every_page)
{
    layout();
    setup_mm(&bootinfo);

    /* The 6 GiB hole between the banks costs no frame-table entry. */
    CHECK_EQ(max_pdx, NR_RAM_PAGES);
    CHECK_EQ(pdx_nr_groups(), 2);
    CHECK_EQ(heap_free_pages(), NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES);
    CHECK(harness_log_contains("Frame table: 12288 frames in 2 ranges, 384 KiB at 0x"));
    CHECK(harness_log_contains("Heap: "));

    /* pdx round trip at bank edges. */
    CHECK_EQ(mfn_to_pdx(_mfn(BANK0 >> PAGE_SHIFT)), 0);
    CHECK_EQ(mfn_to_pdx(_mfn(BANK1 >> PAGE_SHIFT)), MB(32) >> PAGE_SHIFT);
    CHECK_EQ(mfn_x(pdx_to_mfn((MB(32) >> PAGE_SHIFT) - 1)),
             ((BANK0 + MB(32)) >> PAGE_SHIFT) - 1);
    CHECK(!mfn_valid(_mfn((BANK0 + MB(32)) >> PAGE_SHIFT)));
    CHECK(!mfn_valid(_mfn((BANK0 >> PAGE_SHIFT) - 1)));
}

/*
 * RAM listed twice or overlapping (as a sloppy device tree or E820 has
 * it): every frame once in the frame table and once in the heap, whether
 * the banks were merged when recorded (bootinfo_add_ram(), what the
 * scanners do) or reach setup_mm() overlapping.
 */
static void setup_with_overlaps(int (*add)(struct membanks *, uint64_t,
                                           uint64_t, const char *))
{
    layout();
    add(&bootinfo.mem, BANK0, MB(32), "again");
    add(&bootinfo.mem, BANK1 + MB(4), MB(8), "inside");
    add(&bootinfo.mem, BANK0 + MB(16), MB(16), "half");
    setup_mm(&bootinfo);

    CHECK_EQ(max_pdx, NR_RAM_PAGES);
    CHECK_EQ(pdx_nr_groups(), 2);
    CHECK_EQ(heap_free_pages(), NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES);
}

TEST(overlapping_banks_merged_when_recorded)
{
    setup_with_overlaps(bootinfo_add_ram);
    CHECK_EQ(bootinfo.mem.nr, 2);
}

TEST(overlapping_banks_counted_once_by_setup)
{
    setup_with_overlaps(bootinfo_add_bank);
    CHECK_EQ(bootinfo.mem.nr, 5);
}

TEST(boot_regions_never_handed_out)
{
    struct page_info *pg;
    unsigned long n = 0;

    layout();
    setup_mm(&bootinfo);

    while ( (pg = alloc_domheap_pages(NULL, 0, 0)) != NULL )
    {
        mfn_t m = page_to_mfn(pg);

        CHECK(!in_range(m, BANK0, MB(1) + KB(64)));
        CHECK(!in_range(m, BANK0 + MB(2), KB(256)));
        CHECK(!in_range(m, BANK0 + MB(30), MB(1)));
        CHECK(!in_range(m, paddr_x(virt_to_maddr(frame_table)), FT_PAGES * PAGE_SIZE));
        n++;
    }
    CHECK_EQ(n, NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES);
    CHECK_EQ(heap_free_pages(), 0);
}

TEST(buddy_split_and_merge_every_order)
{
    unsigned long before;
    unsigned int order;

    layout();
    setup_mm(&bootinfo);
    before = heap_free_pages();

    for ( order = 0; order <= 11; order++ )
    {
        struct page_info *pg = alloc_domheap_pages(NULL, order, 0);

        CHECK(pg != NULL);
        if ( !pg )
            continue;
        /* A chunk is aligned to its size. */
        CHECK_EQ(mfn_x(page_to_mfn(pg)) & ((1UL << order) - 1), 0);
        CHECK_EQ(heap_free_pages(), before - (1UL << order));
        free_domheap_pages(pg, order);
        CHECK_EQ(heap_free_pages(), before);
    }

    /*
     * Bank 1 holds only the frame table (at its top): after all that, its
     * lower 8 MiB is one chunk again.
     */
    {
        struct page_info *big = alloc_domheap_pages(NULL, 11, 0);

        CHECK(big != NULL);
        CHECK(big && in_range(page_to_mfn(big), BANK1, MB(16)));
    }
    CHECK_EQ(alloc_domheap_pages(NULL, MAX_ORDER + 1, 0) == NULL, 1);
}

TEST(exhaustion_then_merge_back)
{
    unsigned long total, i, n = 0;
    struct page_info **pages;

    layout();
    setup_mm(&bootinfo);
    total = heap_free_pages();
    pages = calloc(total + 1, sizeof(*pages));

    while ( (pages[n] = alloc_domheap_pages(NULL, 0, 0)) != NULL )
        n++;
    CHECK_EQ(n, total);
    CHECK(alloc_xenheap_page() == NULL);

    /* Free in a scrambled order; every merge must still happen. */
    for ( i = 0; i < n; i++ )
    {
        unsigned long j = (i * 7919) % n;

        if ( pages[j] )
        {
            free_domheap_pages(pages[j], 0);
            pages[j] = NULL;
        }
    }
    for ( i = 0; i < n; i++ )
        if ( pages[i] )
            free_domheap_pages(pages[i], 0);

    CHECK_EQ(heap_free_pages(), total);
    CHECK(alloc_domheap_pages(NULL, 11, 0) != NULL);
    free(pages);
}

TEST(double_free_is_caught)
{
    void *v;

    layout();
    setup_mm(&bootinfo);
    v = alloc_xenheap_page();
    CHECK(v != NULL);
    free_xenheap_page(v);
    CHECK(HARNESS_PANICS(free_xenheap_page(v)));
    CHECK(harness_log_contains("Freeing mfn 0x"));
}

/* ---- Xenheap GFN ------------------------------------------------------- */

TEST(xenheap_gfn_accessors)
{
    struct page_info *pg;
    void *v;

    layout();
    setup_mm(&bootinfo);
    v = alloc_xenheap_page();
    pg = mfn_to_page(maddr_to_mfn(virt_to_maddr(v)));

    CHECK(is_xen_heap_page(pg));
    CHECK(gfn_eq(page_get_xenheap_gfn(pg), INVALID_GFN));

    /* Only the GFN bits change; the type bits are left alone. */
    pg->u.inuse.type_info |= PGT_writable_page | (1UL << PGT_count_shift);
    page_set_xenheap_gfn(pg, _gfn(0x12345));
    CHECK_EQ(gfn_x(page_get_xenheap_gfn(pg)), 0x12345);
    CHECK_EQ(pg->u.inuse.type_info & ~PGT_gfn_mask,
             PGT_writable_page | (1UL << PGT_count_shift));
    /* The largest GFN a 52-bit IPA can have fits. */
    page_set_xenheap_gfn(pg, _gfn((1UL << 52) - 1));
    CHECK_EQ(gfn_x(page_get_xenheap_gfn(pg)), (1UL << 52) - 1);

    /* Freeing a frame that still records a GFN is a bug. */
    CHECK(HARNESS_PANICS(free_xenheap_page(v)));
    CHECK(harness_log_contains("Assertion"));

    page_set_xenheap_gfn(pg, INVALID_GFN);
    CHECK(gfn_eq(page_get_xenheap_gfn(pg), INVALID_GFN));
    pg->u.inuse.type_info &= PGT_gfn_mask;
    free_xenheap_page(v);
}

TEST(xenheap_gfn_only_for_xenheap_pages)
{
    struct page_info *pg;

    layout();
    setup_mm(&bootinfo);
    pg = alloc_domheap_pages(NULL, 0, 0);
    CHECK(HARNESS_PANICS(page_get_xenheap_gfn(pg)));
    CHECK(HARNESS_PANICS(page_set_xenheap_gfn(pg, _gfn(1))));
}

TEST(fresh_xenheap_page_has_no_gfn)
{
    unsigned int i;

    layout();
    setup_mm(&bootinfo);
    for ( i = 0; i < 64; i++ )
    {
        void *v = alloc_xenheap_pages(i % 4, 0);
        struct page_info *pg = mfn_to_page(maddr_to_mfn(virt_to_maddr(v)));

        CHECK(gfn_eq(page_get_xenheap_gfn(pg), INVALID_GFN));
        page_set_xenheap_gfn(pg, _gfn(i));
        page_set_xenheap_gfn(pg, INVALID_GFN);
        free_xenheap_pages(v, i % 4);
    }
}

/* ---- Domheap, accounting, references ------------------------------------ */

TEST(max_pages_refusal_and_accounting)
{
    struct domain *d;
    unsigned long before;
    unsigned int i;

    layout();
    setup_mm(&bootinfo);
    before = heap_free_pages();
    d = new_domain(3, 10);

    for ( i = 0; i < 10; i++ )
        CHECK(alloc_domheap_page(d, 0) != NULL);
    CHECK_EQ(d->tot_pages, 10);
    CHECK_EQ(d->page_list.count, 10);
    CHECK(alloc_domheap_page(d, 0) == NULL);
    CHECK(harness_log_contains("d3: 1 more page would exceed max_pages (10 of 10 in use); refused"));
    CHECK(alloc_domheap_pages(d, 2, 0) == NULL);
    CHECK_EQ(heap_free_pages(), before - 10);

    release_all(d);
    CHECK_EQ(d->tot_pages, 0);
    CHECK_EQ(heap_free_pages(), before);

    d->is_dying = true;
    CHECK(alloc_domheap_page(d, 0) == NULL);
    CHECK_EQ(heap_free_pages(), before);
}

TEST(references_and_scrub)
{
    struct domain *d, *other;
    struct page_info *pg;
    uint8_t *p;
    unsigned long before;

    layout();
    setup_mm(&bootinfo);
    before = heap_free_pages();
    d = new_domain(1, 100);
    other = new_domain(2, 100);

    pg = alloc_domheap_page(d, 0);
    CHECK(page_get_owner(pg) == d);
    CHECK_EQ(pg->count_info & PGC_count_mask, 1);
    CHECK(pg->count_info & PGC_allocated);

    CHECK(get_page(pg, d));
    CHECK(!get_page(pg, other));
    CHECK_EQ(pg->count_info & PGC_count_mask, 2);

    p = maddr_to_virt(page_to_maddr(pg));
    memset(p, 0xaa, PAGE_SIZE);

    put_page_alloc_ref(pg);
    put_page_alloc_ref(pg);     /* second call: no reference left to drop */
    CHECK_EQ(pg->count_info & PGC_count_mask, 1);
    CHECK_EQ(d->tot_pages, 1);
    put_page(pg);               /* last reference: freed and scrubbed */
    CHECK_EQ(d->tot_pages, 0);
    CHECK_EQ(heap_free_pages(), before);
    CHECK_EQ(p[0], SCRUB_BYTE);
    CHECK_EQ(p[PAGE_SIZE - 1], SCRUB_BYTE);
    CHECK(!get_page(pg, d));
}

/* ---- Static memory ------------------------------------------------------ */

static void static_layout(void)
{
    layout();
    add_static("/chosen/domU1", BANK1 + MB(8), MB(4));
    add_static("/chosen/domU1", BANK0 + MB(20), MB(1));
    add_static("/chosen/domU2", BANK0 + MB(16), MB(2));
}

TEST(static_pages_never_reach_the_heap)
{
    struct page_info *pg;

    static_layout();
    setup_mm(&bootinfo);
    CHECK_EQ(heap_free_pages(), NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES -
                                    ((MB(4) + MB(1) + MB(2)) >> PAGE_SHIFT));
    CHECK_EQ(static_pool_count(), 2);
    CHECK(harness_log_contains("Static bank: 0x0000000200800000-0x0000000200bfffff (4 MiB) for /chosen/domU1"));
    CHECK(harness_log_contains("Static bank: 0x0000000081000000-0x00000000811fffff (2 MiB) for /chosen/domU2"));

    while ( (pg = alloc_domheap_pages(NULL, 0, 0)) != NULL )
    {
        CHECK(!is_static_page(pg));
        CHECK(!in_range(page_to_mfn(pg), BANK1 + MB(8), MB(4)));
        CHECK(!in_range(page_to_mfn(pg), BANK0 + MB(16), MB(2)));
        CHECK(!in_range(page_to_mfn(pg), BANK0 + MB(20), MB(1)));
    }
}

TEST(static_pages_return_to_owner_pool)
{
    struct static_pool *pool;
    struct domain *d, *again;
    struct page_info *pg;
    unsigned long heap_before;

    static_layout();
    setup_mm(&bootinfo);
    heap_before = heap_free_pages();
    pool = pool_named("/chosen/domU1");
    CHECK(pool != NULL);
    CHECK_EQ(pool->nr_pages, (MB(5) >> PAGE_SHIFT));
    CHECK_EQ(pool->free.count, pool->nr_pages);

    d = new_domain(1, pool->nr_pages + 16);
    d->static_pool = pool;
    CHECK_EQ(acquire_static_pages(d, pool->nr_pages, 0), 0);
    CHECK_EQ(d->tot_pages, pool->nr_pages);
    CHECK_EQ(pool->free.count, 0);
    page_list_for_each(pg, &d->page_list)
        CHECK(is_static_page(pg) && page_get_owner(pg) == d);

    /* Balloon one page out: it goes back to the pool, not to the heap. */
    pg = page_list_first(&d->page_list);
    put_page_alloc_ref(pg);
    CHECK_EQ(pool->free.count, 1);
    CHECK_EQ(heap_free_pages(), heap_before);
    CHECK_EQ(acquire_static_pages(d, 2, 0), -ENOMEM);
    CHECK_EQ(acquire_static_pages(d, 1, 0), 0);

    /* Destroy, then build the same domain again: same memory, no reboot. */
    release_all(d);
    CHECK_EQ(pool->free.count, pool->nr_pages);
    CHECK_EQ(heap_free_pages(), heap_before);
    again = new_domain(7, pool->nr_pages);
    again->static_pool = pool;
    CHECK_EQ(acquire_static_pages(again, pool->nr_pages, 0), 0);
    CHECK_EQ(again->tot_pages, pool->nr_pages);
}

TEST(static_range_for_direct_map)
{
    struct static_pool *pool1, *pool2;
    struct domain *d;
    mfn_t start = _mfn((BANK1 + MB(8)) >> PAGE_SHIFT);

    static_layout();
    setup_mm(&bootinfo);
    pool1 = pool_named("/chosen/domU1");
    pool2 = pool_named("/chosen/domU2");
    d = new_domain(1, 1 << 20);
    d->static_pool = pool1;

    CHECK_EQ(acquire_static_range(d, start, 256, 0), 0);
    CHECK_EQ(mfn_x(page_to_mfn(page_list_first(&d->page_list))), mfn_x(start));
    /* Taken already: nothing more is taken. */
    CHECK_EQ(acquire_static_range(d, mfn_add(start, 255), 2, 0), -ENOENT);
    CHECK_EQ(d->tot_pages, 256);
    /* Frames of another domain's pool, or heap frames: refused. */
    CHECK_EQ(acquire_static_range(d, _mfn((BANK0 + MB(16)) >> PAGE_SHIFT), 1, 0),
             -ENOENT);
    CHECK_EQ(acquire_static_range(d, _mfn((BANK0 + MB(10)) >> PAGE_SHIFT), 1, 0),
             -ENOENT);
    CHECK_EQ(d->tot_pages, 256);
    CHECK_EQ(pool2->free.count, MB(2) >> PAGE_SHIFT);

    release_all(d);
    CHECK_EQ(pool1->free.count, pool1->nr_pages);
    CHECK_EQ(acquire_static_range(d, start, 1024, 0), 0);
}

/* ---- Bad static configuration ------------------------------------------ */

static void check_refused(const char *owner_path, const char *message)
{
    setup_mm(&bootinfo);
    CHECK(harness_log_contains(message));
    CHECK(pool_named(owner_path) == NULL);
    CHECK(pool_named("/chosen/good") != NULL);
}

TEST(bad_static_overlapping_banks)
{
    layout();
    add_static("/chosen/good", BANK1, MB(1));
    add_static("/chosen/bad", BANK1 + KB(512), MB(1));
    check_refused("/chosen/bad", "DT: /chosen/bad: xen,static-mem bank 0x200080000-0x20017ffff overlaps the static memory of /chosen/good at 0x200000000-0x2000fffff; the domain's static memory is not reserved");
    /* The refused bank's pages that do not collide are ordinary heap. */
    CHECK_EQ(heap_free_pages(), NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES -
                                    (MB(1) >> PAGE_SHIFT));
}

TEST(bad_static_over_boot_regions)
{
    layout();
    add_static("/chosen/good", BANK1, MB(1));
    add_static("/chosen/xen", BANK0 + KB(512), MB(1));
    add_static("/chosen/mod", BANK0 + MB(2), KB(4));
    add_static("/chosen/rsv", BANK0 + MB(29), MB(2));
    add_static("/chosen/dt", BANK0 + MB(1), KB(4));
    setup_mm(&bootinfo);
    CHECK(harness_log_contains("DT: /chosen/xen: xen,static-mem bank 0x80080000-0x8017ffff overlaps the hypervisor image at 0x80000000-0x800fffff"));
    CHECK(harness_log_contains("DT: /chosen/mod: xen,static-mem bank 0x80200000-0x80200fff overlaps a boot module at 0x80200000-0x8023ffff"));
    CHECK(harness_log_contains("DT: /chosen/rsv: xen,static-mem bank 0x81d00000-0x81efffff overlaps reserved memory at 0x81e00000-0x81efffff"));
    CHECK(harness_log_contains("DT: /chosen/dt: xen,static-mem bank 0x80100000-0x80100fff overlaps the device tree at 0x80100000-0x8010ffff"));
    CHECK_EQ(static_pool_count(), 1);
    CHECK_EQ(heap_free_pages(), NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES -
                                    (MB(1) >> PAGE_SHIFT));
}

TEST(bad_static_shape)
{
    layout();
    add_static("/chosen/good", BANK1, MB(1));
    add_static("/chosen/zero", BANK1 + MB(2), 0);
    add_static("/chosen/unaligned", BANK1 + MB(3) + 0x800, MB(1));
    add_static("/chosen/outside", BANK0 + MB(33), MB(1));
    add_static("/chosen/straddle", BANK0 + MB(31), MB(2));
    add_static("/chosen/half", BANK1 + MB(5), MB(1));
    add_static("/chosen/half", BANK1 + MB(5) + KB(4), MB(1));
    setup_mm(&bootinfo);
    CHECK(harness_log_contains("DT: /chosen/zero: xen,static-mem bank 0x200200000+0x0 has zero size"));
    CHECK(harness_log_contains("DT: /chosen/unaligned: xen,static-mem bank 0x200300800+0x100000 is not page aligned"));
    CHECK(harness_log_contains("DT: /chosen/outside: xen,static-mem bank 0x82100000+0x100000 is not inside one usable RAM bank"));
    CHECK(harness_log_contains("DT: /chosen/straddle: xen,static-mem bank 0x81f00000+0x200000 is not inside one usable RAM bank"));
    CHECK(harness_log_contains("DT: /chosen/half: xen,static-mem bank 0x200501000-0x200600fff overlaps another bank of the same domain"));
    CHECK_EQ(static_pool_count(), 1);
    CHECK(pool_named("/chosen/half") == NULL);
    CHECK_EQ(heap_free_pages(), NR_RAM_PAGES - EXCLUDED_PAGES - FT_PAGES -
                                    (MB(1) >> PAGE_SHIFT));
}

/* ---- Static heap -------------------------------------------------------- */

TEST(static_heap_confines_the_heap)
{
    struct page_info *pg;
    unsigned long n = 0;

    layout();
    bootinfo_add_bank(&bootinfo.static_heap, BANK1, MB(8), "heap");
    setup_mm(&bootinfo);
    CHECK(harness_log_contains("Static heap: 0x0000000200000000-0x00000002007fffff (8 MiB)"));
    CHECK(harness_log_contains("from the static heap only"));

    while ( (pg = alloc_domheap_pages(NULL, 0, 0)) != NULL )
    {
        CHECK(in_range(page_to_mfn(pg), BANK1, MB(8)));
        n++;
    }
    /* The frame table came out of the static heap too. */
    CHECK_EQ(n, (MB(8) >> PAGE_SHIFT) - FT_PAGES);
}

TEST(static_heap_too_small)
{
    layout();
    bootinfo_add_bank(&bootinfo.static_heap, BANK1, MB(2), "heap");
    CHECK(HARNESS_PANICS(setup_mm(&bootinfo)));
    CHECK(harness_log_contains("xen,static-heap leaves 2 MiB usable; the frame table needs 384 KiB and the heap at least 4 MiB more"));
}

TEST(static_bank_inside_static_heap_refused)
{
    layout();
    add_static("/chosen/good", BANK0 + MB(10), MB(1));
    add_static("/chosen/inheap", BANK1 + MB(1), MB(1));
    bootinfo_add_bank(&bootinfo.static_heap, BANK1, MB(8), "heap");
    setup_mm(&bootinfo);
    CHECK(harness_log_contains("DT: /chosen/inheap: xen,static-mem bank 0x200100000-0x2001fffff overlaps the static heap at 0x200000000-0x2007fffff"));
    CHECK_EQ(static_pool_count(), 1);
}

/* ---- Randomized against a model ----------------------------------------- */

static uint64_t rng_state = 0x243f6a8885a308d3ULL;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state >> 11;
}

TEST(random_alloc_free_against_model)
{
    enum { SLOTS = 512 };
    struct { struct page_info *pg; unsigned int order; } slot[SLOTS] = { 0 };
    uint8_t *owned;
    unsigned long total, outstanding = 0, i, iter;

    layout();
    setup_mm(&bootinfo);
    total = heap_free_pages();
    owned = calloc(max_pdx, 1);

    for ( iter = 0; iter < 40000; iter++ )
    {
        unsigned int s = rng() % SLOTS;

        if ( !slot[s].pg )
        {
            unsigned int order = rng() % 6;
            struct page_info *pg = alloc_domheap_pages(NULL, order, 0);

            if ( !pg )
            {
                /* Only when the model agrees there is no room. */
                CHECK(total - outstanding < (1UL << MAX_ORDER));
                continue;
            }
            for ( i = 0; i < (1UL << order); i++ )
            {
                unsigned long pdx = pg + i - frame_table;

                CHECK(!owned[pdx]);     /* never handed out twice */
                owned[pdx] = 1;
            }
            slot[s].pg = pg;
            slot[s].order = order;
            outstanding += 1UL << order;
        }
        else
        {
            for ( i = 0; i < (1UL << slot[s].order); i++ )
                owned[slot[s].pg + i - frame_table] = 0;
            free_domheap_pages(slot[s].pg, slot[s].order);
            outstanding -= 1UL << slot[s].order;
            slot[s].pg = NULL;
        }
        CHECK_EQ(heap_free_pages(), total - outstanding);
    }

    for ( i = 0; i < SLOTS; i++ )
        if ( slot[i].pg )
            free_domheap_pages(slot[i].pg, slot[i].order);
    CHECK_EQ(heap_free_pages(), total);
    /* No page lost: the lower half of bank 1 merges back into one chunk. */
    CHECK(alloc_domheap_pages(NULL, 11, 0) != NULL);
    free(owned);
}

HARNESS_MAIN("page_alloc")
