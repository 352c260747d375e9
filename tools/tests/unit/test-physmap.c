/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of XENMEM_add_to_physmap / remove_from_physmap one page at
 * a time (common/physmap.c): the GFN a xenheap frame keeps in its
 * page_info, with the arm64 rules (a mapped frame is not mapped again:
 * -EBUSY) and the x86 ones (it moves), foreign and device mappings, and
 * the domain's own RAM.
 */
#include <string.h>

#include <xen/errno.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/physmap.h>
#include <xen/sched.h>
#include <asm/page.h>
#include <public/memory.h>
#include "harness.h"
#include "domain-fixture.h"
#include "mm-fixture.h"

#define A _gfn(0x9000)
#define B _gfn(0x9001)

static struct page_info *shared_info_page(struct domain *d)
{
    return mfn_to_page(maddr_to_mfn(virt_to_maddr(d->shared_info)));
}

static mfn_t at(struct domain *d, gfn_t gfn, p2m_type_t *t)
{
    return p2m_lookup(d, gfn, t);
}

/* One of d's RAM pages (the k-th of its first bank), and its GFN. */
static struct page_info *ram_page(struct domain *d, unsigned long k,
                                  gfn_t *gfn)
{
    p2m_type_t t;

    *gfn = gfn_add(d->ram.bank[0].start, k);

    return mfn_to_page(at(d, *gfn, &t));
}

static struct domain *one_domain(bool moves)
{
    struct domain *d;

    harness_xenheap_frame_moves = moves;
    domain_fixture_boot();
    d = domain_fixture_build(1, "/chosen/heap");
    CHECK(d != NULL);

    return d;
}

TEST(arm_rules_shared_info_maps_once)
{
    struct domain *d = one_domain(false);
    struct page_info *si = shared_info_page(d);
    p2m_type_t t;

    CHECK(gfn_eq(page_get_xenheap_gfn(si), INVALID_GFN));
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, A), 0);
    CHECK(gfn_eq(page_get_xenheap_gfn(si), A));
    CHECK(mfn_eq(at(d, A, &t), page_to_mfn(si)) && t == p2m_ram_rw);

    /* Mapped already: -EBUSY, elsewhere and at the same GFN alike. */
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, B),
             -EBUSY);
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, A),
             -EBUSY);
    CHECK(mfn_eq(at(d, B, &t), INVALID_MFN));
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 1, B),
             -EINVAL);

    /* Removed: the GFN goes with it, and it can be mapped again. */
    CHECK_EQ(xenmem_remove_from_physmap_one(d, A), 0);
    CHECK(gfn_eq(page_get_xenheap_gfn(si), INVALID_GFN));
    CHECK(mfn_eq(at(d, A, &t), INVALID_MFN));
    CHECK_EQ(xenmem_remove_from_physmap_one(d, A), -ENOENT);
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, B), 0);
    CHECK(gfn_eq(page_get_xenheap_gfn(si), B));

    /* No gmfn space on Arm. */
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_gmfn, 0, 0x3000, A),
             -ENOSYS);
    CHECK_EQ(xenmem_add_to_physmap_one(d, 99, 0, 0, A), -ENOSYS);
    domain_destroy(d);
}

TEST(x86_rules_shared_info_moves)
{
    struct domain *d = one_domain(true);
    struct page_info *si = shared_info_page(d);
    p2m_type_t t;

    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, A), 0);
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, B), 0);
    CHECK(gfn_eq(page_get_xenheap_gfn(si), B));
    CHECK(mfn_eq(at(d, A, &t), INVALID_MFN));
    CHECK(mfn_eq(at(d, B, &t), page_to_mfn(si)));
    /* Again at the same GFN: stays. */
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, B), 0);
    CHECK(mfn_eq(at(d, B, &t), page_to_mfn(si)));
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_dev_mmio, 0, 0x99000, A),
             -ENOSYS);
    harness_xenheap_frame_moves = false;
    domain_destroy(d);
}

/*
 * A frame's recorded GFN is only ever cleared by the removal of its own
 * entry: an entry written over it (RAM mapped at its GFN) clears it, and
 * after that the old GFN can hold anything without being touched.
 */
TEST(overwritten_frame_forgets_its_gfn)
{
    struct domain *d = one_domain(true);
    struct page_info *si = shared_info_page(d), *ram;
    gfn_t g;
    p2m_type_t t;

    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, A), 0);
    ram = ram_page(d, 3, &g);
    CHECK_EQ(guest_physmap_add_entry(d, A, page_to_mfn(ram), 0, p2m_ram_rw),
             0);
    CHECK(gfn_eq(page_get_xenheap_gfn(si), INVALID_GFN));

    /* Mapping shared_info elsewhere leaves the RAM page at A alone. */
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, B), 0);
    CHECK(mfn_eq(at(d, A, &t), page_to_mfn(ram)) && t == p2m_ram_rw);
    CHECK(mfn_eq(at(d, B, &t), page_to_mfn(si)));
    harness_xenheap_frame_moves = false;
    domain_destroy(d);
}

TEST(x86_gmfn_moves_a_ram_page)
{
    struct domain *d = one_domain(true);
    struct page_info *src, *dst;
    unsigned long heap;
    gfn_t a, b;
    p2m_type_t t;

    src = ram_page(d, 5, &a);
    dst = ram_page(d, 6, &b);
    heap = heap_free_pages();

    /* src moves from a to b; what was at b is given back. */
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_gmfn, 0, gfn_x(a), b), 0);
    CHECK(mfn_eq(at(d, a, &t), INVALID_MFN));
    CHECK(mfn_eq(at(d, b, &t), page_to_mfn(src)));
    CHECK_EQ(heap_free_pages(), heap + 1);
    (void)dst;

    /* Nothing at a any more. */
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_gmfn, 0, gfn_x(a), b),
             -EINVAL);
    harness_xenheap_frame_moves = false;
    domain_destroy(d);
}

TEST(foreign_maps_hold_a_reference)
{
    struct domain *hw, *other;
    struct page_info *pg;
    unsigned long count;
    p2m_type_t t;

    harness_xenheap_frame_moves = false;
    domain_fixture_boot();
    if ( !domain_fixture_build_two(&hw, &other) )
        return;
    ((struct domain_config *)hw->config)->hardware = true;

    gfn_t g;

    pg = ram_page(other, 2, &g);
    count = pg->count_info & PGC_count_mask;

    CHECK_EQ(xenmem_add_to_physmap_one(hw, XENMAPSPACE_gmfn_foreign,
                                       other->domain_id, gfn_x(g), B),
             0);
    CHECK(mfn_eq(at(hw, B, &t), page_to_mfn(pg)) && t == p2m_map_foreign_rw);
    CHECK_EQ(pg->count_info & PGC_count_mask, count + 1);
    CHECK_EQ(xenmem_remove_from_physmap_one(hw, B), 0);
    CHECK_EQ(pg->count_info & PGC_count_mask, count);

    CHECK_EQ(xenmem_add_to_physmap_one(hw, XENMAPSPACE_gmfn_foreign,
                                       other->domain_id, 0x7777, B),
             -EINVAL);
    CHECK_EQ(xenmem_add_to_physmap_one(hw, XENMAPSPACE_gmfn_foreign, 200,
                                       gfn_x(g), B),
             -ESRCH);
    CHECK_EQ(xenmem_add_to_physmap_one(hw, XENMAPSPACE_gmfn_foreign, DOMID_SELF,
                                       gfn_x(g), B),
             -EINVAL);
    CHECK_EQ(xenmem_add_to_physmap_one(other, XENMAPSPACE_gmfn_foreign,
                                       hw->domain_id, gfn_x(g), B),
             -EPERM);

    /* Device memory: the hardware domain only, and never RAM. */
    CHECK_EQ(xenmem_add_to_physmap_one(hw, XENMAPSPACE_dev_mmio, 0, 0x99000, A),
             0);
    CHECK(mfn_eq(at(hw, A, &t), _mfn(0x99000)) && t == p2m_mmio_direct_dev);
    CHECK_EQ(xenmem_add_to_physmap_one(hw, XENMAPSPACE_dev_mmio, 0,
                                       mfn_x(page_to_mfn(pg)), A),
             -EPERM);
    CHECK_EQ(xenmem_add_to_physmap_one(other, XENMAPSPACE_dev_mmio, 0, 0x99000,
                                       A),
             -EPERM);
    ((struct domain_config *)hw->config)->hardware = false;
    domain_destroy(hw);
    domain_destroy(other);
}

/* Teardown with shared_info mapped: every page comes back. */
TEST(teardown_with_shared_info_mapped)
{
    unsigned long heap;
    struct domain *d;

    harness_xenheap_frame_moves = false;
    domain_fixture_boot();
    heap = heap_free_pages();
    d = domain_fixture_build(1, "/chosen/heap");
    if ( !d )
        return;
    CHECK_EQ(xenmem_add_to_physmap_one(d, XENMAPSPACE_shared_info, 0, 0, A), 0);
    domain_destroy(d);
    CHECK_EQ(heap_free_pages(), heap);
}

HARNESS_MAIN("physmap")
