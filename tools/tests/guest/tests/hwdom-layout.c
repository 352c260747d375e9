/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The layout an Arm guest is given. The hardware domain, as upstream
 * builds it, is 1:1 on the host's layout: XENFEAT_direct_mapped, its RAM
 * at host addresses (QEMU virt: from 1 GiB), the host's devices passed
 * through (the PL031 RTC answers with its PrimeCell ID), but not the
 * hypervisor's own console UART, and a GIC node with only the
 * distributor and redistributor frames. A dom0less guest has Xen's guest
 * layout (1:1 only if configured so) and no host device. For both, the grant-table region
 * of /hypervisor overlaps neither RAM nor any device in the DT.
 */
#include <xtest.h>

#include <public/features.h>
#include <public/version.h>

#define MAX_RANGES 64

struct range {
    uint64_t start, size;
};

static bool overlaps(const struct range *a, const struct range *b)
{
    return a->size && b->size && a->start < b->start + b->size &&
           b->start < a->start + a->size;
}

/* The root's children's reg entries (2+2 cells, as on QEMU and Xen). */
static unsigned int device_ranges(const void *fdt, struct range *r,
                                  unsigned int max, int skip)
{
    int root = fdt_path(fdt, "/"), node, len, off;
    unsigned int n = 0;

    for ( node = fdt_next_subnode(fdt, root, -1); node >= 0;
          node = fdt_next_subnode(fdt, root, node) )
    {
        const uint8_t *p = fdt_prop(fdt, node, "reg", &len);

        if ( node == skip || !p )
            continue;
        for ( off = 0; off + 16 <= len && n < max; off += 16, n++ )
        {
            r[n].start = fdt_cells(p + off, 2);
            r[n].size = fdt_cells(p + off + 8, 2);
        }
    }

    return n;
}

static uint32_t read32(unsigned long addr)
{
    return *(volatile uint32_t *)addr;
}

XTEST(hwdom_layout, "hwdom-layout", "The hardware domain's host layout")
{
    const void *fdt = arch_fdt();
    struct xen_feature_info fi = { .submap_idx = 0 };
    struct range dev[MAX_RANGES], gnttab;
    bool hwdom, direct;
    const uint8_t *p;
    int node, hyp, len;
    unsigned int n, i, bad;

    CHECK_EQ("fdt_valid", fdt != NULL, 1);
    if ( !fdt )
        return;
    CHECK_EQ("get_features.rc", hypercall_xen_version(XENVER_get_features, &fi),
             0);
    hwdom = fi.submap & (1U << XENFEAT_dom0);
    direct = fi.submap & (1U << XENFEAT_direct_mapped);

    /* The hardware domain is 1:1 (a dom0less one may be, if configured). */
    CHECK_EQ("hwdom_is_direct_mapped", !hwdom || direct, 1);
    CHECK_EQ("not_direct_mapped_otherwise",
             !!(fi.submap & (1U << XENFEAT_not_direct_mapped)), !direct);

    /* RAM: host addresses (QEMU virt's RAM starts at 1 GiB) or GUEST_RAM0. */
    node = fdt_path(fdt, "/memory");
    p = node >= 0 ? fdt_prop(fdt, node, "reg", &len) : NULL;
    CHECK_EQ("memory.found", p != NULL && len >= 16, 1);
    if ( p && len >= 16 )
        CHECK_EQ("memory.starts_at_or_above_1g",
                 fdt_cells(p, 2) >= 0x40000000UL, 1);

    /* The hypervisor's console is not there; a host device is. */
    n = 0;
    for ( node = fdt_next_subnode(fdt, fdt_path(fdt, "/"), -1); node >= 0;
          node = fdt_next_subnode(fdt, fdt_path(fdt, "/"), node) )
        n += fdt_has_compatible(fdt, node, "arm,pl011");
    CHECK_EQ("pl011.absent", n, 0);

    for ( node = fdt_next_subnode(fdt, fdt_path(fdt, "/"), -1); node >= 0;
          node = fdt_next_subnode(fdt, fdt_path(fdt, "/"), node) )
        if ( fdt_has_compatible(fdt, node, "arm,pl031") )
            break;
    CHECK_EQ("pl031.present_iff_hwdom", node >= 0, hwdom);
    if ( hwdom && node >= 0 && (p = fdt_prop(fdt, node, "reg", &len)) &&
         len >= 16 )
    {
        unsigned long base = fdt_cells(p, 2);

        /* PrimeCell peripheral ID: 0x31, 0x10, rev/0x04, 0x00. */
        CHECK_EQ("pl031.periphid0", read32(base + 0xfe0) & 0xff, 0x31);
        CHECK_EQ("pl031.periphid1", read32(base + 0xfe4) & 0xff, 0x10);
        CHECK_EQ("pl031.periphid2_designer",
                 read32(base + 0xfe8) & 0x0f, 0x04);
        CHECK_EQ("pl031.cellid0", read32(base + 0xff0) & 0xff, 0x0d);
    }

    /* The GIC: distributor and redistributors only. */
    for ( node = fdt_next_subnode(fdt, fdt_path(fdt, "/"), -1); node >= 0;
          node = fdt_next_subnode(fdt, fdt_path(fdt, "/"), node) )
        if ( fdt_has_compatible(fdt, node, "arm,gic-v3") )
            break;
    CHECK_EQ("gic.found", node >= 0, 1);
    if ( node >= 0 && (p = fdt_prop(fdt, node, "reg", &len)) )
    {
        const uint8_t *r = fdt_prop(fdt, node, "#redistributor-regions", &len);
        int regs;

        p = fdt_prop(fdt, node, "reg", &regs);
        CHECK_EQ("gic.reg_is_gicd_and_gicr_only",
                 regs / 16 == 1 + (r ? (int)fdt32(r) : 1), 1);
    }

    /* The grant-table region: no RAM, no device. */
    hyp = fdt_path(fdt, "/hypervisor");
    p = hyp >= 0 ? fdt_prop(fdt, hyp, "reg", &len) : NULL;
    CHECK_EQ("hypervisor.reg", p != NULL && len >= 16, 1);
    if ( !p || len < 16 )
        return;
    gnttab.start = fdt_cells(p, 2);
    gnttab.size = fdt_cells(p + 8, 2);
    n = device_ranges(fdt, dev, MAX_RANGES, hyp);
    for ( i = bad = 0; i < n; i++ )
        bad += overlaps(&gnttab, &dev[i]);
    CHECK_EQ("gnttab.overlaps_nothing", bad, 0);
    CHECK_EQ("gnttab.is_ram", arch_is_ram(gnttab.start), 0);
}
