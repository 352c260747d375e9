/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device tree an Arm guest is given: a valid FDT in x0, a
 * /hypervisor node whose compatible names the same version that
 * xen_version reports, a grant-table region at least as large as the
 * grant table can grow, safe ranges sorted and disjoint, the event
 * channel interrupt as a PPI, and /chosen/bootargs.
 */
#include <xtest.h>
#include <public/version.h>
#include <public/grant_table.h>

static unsigned int root_cells(const void *fdt, const char *name,
                               unsigned int dflt)
{
    const void *p;
    int len;

    p = fdt_prop(fdt, fdt_path(fdt, "/"), name, &len);

    return p && len == 4 ? fdt32(p) : dflt;
}

XTEST(dt_hypervisor, "dt-hypervisor", "The guest device tree")
{
    const void *fdt = arch_fdt();
    const char *compat;
    const uint8_t *reg, *irq;
    unsigned int ac, sc, stride, i, nr_regions;
    unsigned long prev_end = 0, base, size;
    unsigned int major = 0, minor = 0;
    gnttab_query_size_t qs;
    bool sorted = true;
    char name[48];
    int node, len, clen;
    long v;

    CHECK_EQ("fdt_valid", fdt != NULL, 1);
    if ( !fdt )
        return;

    node = fdt_path(fdt, "/hypervisor");
    CHECK_EQ("hypervisor_node", node >= 0, 1);
    if ( node < 0 )
        return;

    /* compatible = "xen,xen-<major>.<minor>", "xen,xen" */
    compat = fdt_prop(fdt, node, "compatible", &clen);
    CHECK_EQ("compatible.present", compat != NULL && clen > 0, 1);
    if ( !compat || clen <= 0 || compat[clen - 1] )
        return;
    xtest_info_str("compatible.first", compat);
    CHECK_TRUE("compatible.versioned", 1, !strncmp(compat, "xen,xen-", 8),
               "first string \"xen,xen-<version>\"");
    for ( i = 0, v = 0; (int)i < clen; i += strlen(compat + i) + 1 )
        if ( !strcmp(compat + i, "xen,xen") )
            v = 1;
    CHECK_TRUE("compatible.has_xen_xen", v, v, "\"xen,xen\" in the list");
    if ( !strncmp(compat, "xen,xen-", 8) )
    {
        const char *p = compat + 8;

        while ( *p >= '0' && *p <= '9' )
            major = major * 10 + *p++ - '0';
        if ( *p == '.' )
            p++;
        while ( *p >= '0' && *p <= '9' )
            minor = minor * 10 + *p++ - '0';
    }
    v = hypercall_xen_version(XENVER_version, NULL);
    CHECK_EQ("compatible.matches_xen_version", ((long)major << 16) | minor,
             v);

    /* reg: region 0 = grant table, then safe ranges, sorted, disjoint. */
    ac = root_cells(fdt, "#address-cells", 2);
    sc = root_cells(fdt, "#size-cells", 1);
    stride = (ac + sc) * 4;
    reg = fdt_prop(fdt, node, "reg", &len);
    nr_regions = reg ? len / stride : 0;
    CHECK_TRUE("reg.regions", nr_regions, nr_regions >= 1 && len % stride == 0,
               ">= 1 whole (address, size) pair");
    for ( i = 0; i < nr_regions; i++ )
    {
        base = fdt_cells(reg + i * stride, ac);
        size = fdt_cells(reg + i * stride + ac * 4, sc);
        xtest_snprintf(name, sizeof(name), "reg.%u.base", i);
        xtest_info_hex(name, base);
        xtest_snprintf(name, sizeof(name), "reg.%u.size", i);
        xtest_info_hex(name, size);
        if ( i > 1 && base < prev_end )
            sorted = false;
        if ( i >= 1 )
            prev_end = base + size;
    }
    CHECK_EQ("reg.safe_ranges_sorted", sorted, 1);

    memset(&qs, 0, sizeof(qs));
    qs.dom = DOMID_SELF;
    v = hypercall_grant_table_op(GNTTABOP_query_size, &qs, 1);
    if ( v == -XEN_ENOSYS )
    {
        /* No grant tables in this hypervisor yet: nothing to size. */
        xtest_info("gnttab_query_size.rc", v);
    }
    else
    {
        CHECK_EQ("gnttab_query_size.rc", v, 0);
        CHECK_EQ("gnttab_query_size.status", qs.status, 0);
        xtest_info("gnttab_query_size.nr_frames", qs.nr_frames);
        xtest_info("gnttab_query_size.max_nr_frames", qs.max_nr_frames);
    }
    if ( nr_regions && v == 0 )
        CHECK_TRUE("reg.0.holds_max_grant_frames",
                   fdt_cells(reg + ac * 4, sc) >> 12,
                   (fdt_cells(reg + ac * 4, sc) >> 12) >= qs.max_nr_frames,
                   "at least max_nr_frames pages");

    /* interrupts: one GIC PPI for event channels. */
    irq = fdt_prop(fdt, node, "interrupts", &len);
    CHECK_EQ("interrupts.len", irq ? len : -1, 12);
    if ( irq && len == 12 )
    {
        CHECK_EQ("interrupts.is_ppi", fdt32(irq), 1);
        xtest_info("interrupts.ppi", fdt32(irq + 4) + 16);
    }

    node = fdt_path(fdt, "/chosen");
    CHECK_EQ("chosen.bootargs",
             node >= 0 && fdt_prop(fdt, node, "bootargs", &len) != NULL, 1);
}
