/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading the static-memory bindings from the device tree:
 *
 *   /chosen/<domain> { compatible = "xen,domain";
 *                      xen,static-mem = <addr size>, ...; }
 *   /chosen { xen,static-heap = <addr size>, ...; }
 *
 * As on Xen >= 4.17, xen,static-mem cells follow #address-cells and
 * #size-cells of /chosen (the domain node's parent), xen,static-heap those
 * of the root. Checking the banks against RAM and each other happens later
 * (static_memory_check()), when everything is known.
 */
#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>

#define PATH_LEN BOOTINFO_OWNER_PATH_MAX

/* Split prop into (addr, size) pairs of ac/sc cells; calls fn for each. */
static int for_each_pair(const void *prop, uint32_t len, uint32_t ac,
                         uint32_t sc, void (*fn)(void *, uint64_t, uint64_t),
                         void *arg)
{
    uint32_t entry = (ac + sc) * 4, off;

    if ( ac < 1 || ac > 2 || sc < 1 || sc > 2 || !len || len % entry )
        return -EINVAL;

    for ( off = 0; off < len; off += entry )
    {
        const uint8_t *p = (const uint8_t *)prop + off;

        fn(arg, fdt_read_cells(p, ac), fdt_read_cells(p + ac * 4, sc));
    }

    return 0;
}

struct bank_ctx {
    struct bootinfo *bi;
    unsigned int owner;
    const char *path;
};

static void add_static_bank(void *arg, uint64_t addr, uint64_t size)
{
    struct bank_ctx *c = arg;
    struct bootinfo *bi = c->bi;
    struct static_bank *b;

    if ( bi->nr_static_banks == ARRAY_SIZE(bi->static_banks) )
    {
        printk(
            XENLOG_ERR
            "DT: %s: xen,static-mem: more than %u static banks in all; domain refused\n",
            c->path, (unsigned int)ARRAY_SIZE(bi->static_banks));
        bi->static_owners[c->owner].refused = true;
        return;
    }

    b = &bi->static_banks[bi->nr_static_banks++];
    b->start = _paddr(addr);
    b->size = size;
    b->owner = c->owner;
}

static void add_heap_range(void *arg, uint64_t addr, uint64_t size)
{
    struct bootinfo *bi = arg;

    bootinfo_add_bank(&bi->static_heap, addr, size,
                      "DT: /chosen: xen,static-heap");
}

static void scan_domain(struct bootinfo *bi, const struct fdt *fdt, int chosen,
                        int node)
{
    char path[PATH_LEN];
    const void *prop;
    uint32_t len, ac, sc;
    struct static_owner *o;
    struct bank_ctx ctx;

    prop = fdt_getprop(fdt, node, "xen,static-mem", &len);
    if ( !prop )
        return;

    fdt_node_path(fdt, node, path, sizeof(path));
    if ( bi->nr_static_owners == ARRAY_SIZE(bi->static_owners) )
    {
        printk(
            XENLOG_ERR
            "DT: %s: more than %u domains with static memory; domain refused\n",
            path, (unsigned int)ARRAY_SIZE(bi->static_owners));
        return;
    }

    o = &bi->static_owners[bi->nr_static_owners];
    o->fdt_blob = fdt->blob;
    o->node = node;
    strlcpy(o->path, path, sizeof(o->path));
    o->refused = false;
    ctx.bi = bi;
    ctx.owner = bi->nr_static_owners++;
    ctx.path = o->path;

    if ( !IS_ENABLED(CONFIG_STATIC_MEMORY) )
    {
        printk(
            XENLOG_ERR
            "DT: %s: xen,static-mem needs static memory support (CONFIG_STATIC_MEMORY), which this build lacks; domain refused\n",
            path);
        o->refused = true;
        return;
    }

    fdt_child_cells(fdt, chosen, &ac, &sc);
    if ( for_each_pair(prop, len, ac, sc, add_static_bank, &ctx) )
    {
        printk(
            XENLOG_ERR
            "DT: %s: xen,static-mem is malformed (%u bytes, %u+%u cells per bank); domain refused\n",
            path, len, ac, sc);
        o->refused = true;
    }
}

void bootfdt_scan_static(struct bootinfo *bi, const struct fdt *fdt)
{
    int chosen = fdt_path(fdt, "/chosen", 7), node;
    const void *prop;
    uint32_t len, ac, sc;

    if ( chosen < 0 )
        return;

    for ( node = fdt_first_child(fdt, chosen); node >= 0;
          node = fdt_next_sibling(fdt, node) )
        if ( fdt_node_is_compatible(fdt, node, "xen,domain") )
            scan_domain(bi, fdt, chosen, node);

    prop = fdt_getprop(fdt, chosen, "xen,static-heap", &len);
    if ( !prop )
        return;

    if ( !IS_ENABLED(CONFIG_STATIC_MEMORY) )
    {
        printk(
            XENLOG_ERR
            "DT: /chosen: xen,static-heap needs static memory support (CONFIG_STATIC_MEMORY), which this build lacks; ignored\n");
        return;
    }

    fdt_child_cells(fdt, fdt_root(fdt), &ac, &sc);
    if ( for_each_pair(prop, len, ac, sc, add_heap_range, bi) )
        printk(
            XENLOG_ERR
            "DT: /chosen: xen,static-heap is malformed (%u bytes, %u+%u cells per range); ignored\n",
            len, ac, sc);
}
