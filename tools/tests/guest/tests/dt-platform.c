/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The platform an Arm guest's device tree describes, the parts Linux
 * needs before it can use Xen: a GICv3 interrupt controller that the
 * root's interrupt-parent points at, and the architected timer with the
 * PPIs Xen lists for a guest (secure physical, non-secure physical,
 * virtual; not the hypervisor's), of which a guest at EL1 uses the
 * virtual one (INTID 27).
 */
#include <xtest.h>

/* The node whose phandle is ph, or -1. */
static int find_phandle(const void *fdt, uint32_t ph)
{
    int stack[16], depth = 0, node = fdt_path(fdt, "/");

    /* Depth-first over the tree (guest trees are shallow). */
    while ( node >= 0 )
    {
        const void *p;
        int len, child;

        p = fdt_prop(fdt, node, "phandle", &len);
        if ( p && len == 4 && fdt32(p) == ph )
            return node;
        child = fdt_next_subnode(fdt, node, -1);
        if ( child >= 0 && depth < (int)ARRAY_SIZE(stack) )
        {
            stack[depth++] = node;
            node = child;
            continue;
        }
        for ( ;; )
        {
            int next;

            if ( !depth )
                return -1;
            next = fdt_next_subnode(fdt, stack[depth - 1], node);
            if ( next >= 0 )
            {
                node = next;
                break;
            }
            node = stack[--depth];
        }
    }

    return -1;
}

/* The first node (at any depth below the root) compatible with want. */
static int find_compatible(const void *fdt, const char *want)
{
    int node = fdt_path(fdt, "/"), child, grandchild;

    for ( child = fdt_next_subnode(fdt, node, -1); child >= 0;
          child = fdt_next_subnode(fdt, node, child) )
    {
        if ( fdt_has_compatible(fdt, child, want) )
            return child;
        for ( grandchild = fdt_next_subnode(fdt, child, -1); grandchild >= 0;
              grandchild = fdt_next_subnode(fdt, child, grandchild) )
            if ( fdt_has_compatible(fdt, grandchild, want) )
                return grandchild;
    }

    return -1;
}

XTEST(dt_platform, "dt-platform", "Interrupt controller and timer nodes")
{
    const void *fdt = arch_fdt();
    const uint8_t *p;
    int root, gic, timer, len;
    unsigned int i;

    CHECK_EQ("fdt_valid", fdt != NULL, 1);
    if ( !fdt )
        return;
    root = fdt_path(fdt, "/");

    /* The root's interrupt-parent is a GICv3. */
    p = fdt_prop(fdt, root, "interrupt-parent", &len);
    CHECK_EQ("root.interrupt_parent", p && len == 4, 1);
    gic = p && len == 4 ? find_phandle(fdt, fdt32(p)) : -1;
    CHECK_EQ("gic.found", gic >= 0, 1);
    if ( gic >= 0 )
    {
        CHECK_EQ("gic.compatible_v3", fdt_has_compatible(fdt, gic, "arm,gic-v3"),
                 1);
        CHECK_EQ("gic.interrupt_controller",
                 fdt_prop(fdt, gic, "interrupt-controller", &len) != NULL, 1);
        p = fdt_prop(fdt, gic, "#interrupt-cells", &len);
        CHECK_EQ("gic.interrupt_cells", p && len == 4 ? fdt32(p) : 0, 3);
        p = fdt_prop(fdt, gic, "reg", &len);
        /* GICD, then at least one redistributor region (2+2 cells each). */
        CHECK_EQ("gic.reg_has_gicd_and_gicr", p && len >= 32, 1);
    }

    /* The timer: three PPIs, the virtual one being INTID 27. */
    timer = find_compatible(fdt, "arm,armv8-timer");
    CHECK_EQ("timer.found", timer >= 0, 1);
    if ( timer < 0 )
        return;
    p = fdt_prop(fdt, timer, "interrupts", &len);
    CHECK_EQ("timer.interrupts.len", p ? len : -1, 36);
    if ( !p || len != 36 )
        return;
    for ( i = 0; i < 3; i++ )
    {
        char name[40];

        xtest_snprintf(name, sizeof(name), "timer.interrupts.%u.is_ppi", i);
        CHECK_EQ(name, fdt32(p + 12 * i), 1);
    }
    CHECK_EQ("timer.virt_intid", fdt32(p + 2 * 12 + 4) + 16, 27);
    CHECK_EQ("timer.phys_ns_intid", fdt32(p + 1 * 12 + 4) + 16, 30);
}
