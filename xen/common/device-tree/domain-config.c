/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Dom0less domains from the device tree, Xen's binding:
 *
 *   /chosen/<name> { compatible = "xen,domain";
 *                    memory = <KiB>;             (1 or 2 cells)
 *                    cpus = <n>;
 *                    direct-map;                 (needs xen,static-mem)
 *                    xen,static-mem = <...>;     (static-mem.c)
 *                    module@... { compatible = "multiboot,kernel",
 *                                 "multiboot,module"; reg = <...>;
 *                                 bootargs = "..."; }; }
 *
 * A domain whose configuration is wrong is refused with one line saying
 * why; the others are built.
 */
#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>
#include <xen/sched.h>

struct boot_domains boot_domains;

#define CPUS_PROBLEM                                                           \
    "no valid 'cpus' property (1 to " __stringify(MAX_VIRT_CPUS) ")"

static void refuse(struct domain_config *c, const char *why)
{
    if ( !c->refused )
        c->refused = why;
}

static uint64_t static_size(const struct bootinfo *bi, int owner)
{
    uint64_t total = 0;
    unsigned int i;

    for ( i = 0; i < bi->nr_static_banks; i++ )
        if ( (int)bi->static_banks[i].owner == owner )
            total += bi->static_banks[i].size;

    return total;
}

static void scan_modules(struct bootinfo *bi, const struct fdt *fdt, int node,
                         struct domain_config *c)
{
    uint32_t ac, sc;
    int m;

    fdt_child_cells(fdt, node, &ac, &sc);
    for ( m = fdt_first_child(fdt, node); m >= 0; m = fdt_next_sibling(fdt, m) )
    {
        enum bootmodule_kind kind;
        struct bootmodule *mod;
        uint64_t addr, size;

        if ( fdt_node_is_compatible(fdt, m, "multiboot,kernel") )
            kind = BOOTMOD_KERNEL;
        else if ( fdt_node_is_compatible(fdt, m, "multiboot,ramdisk") )
            kind = BOOTMOD_RAMDISK;
        else if ( fdt_node_is_compatible(fdt, m, "multiboot,device-tree") )
            kind = BOOTMOD_DTB;
        else
            continue;

        if ( fdt_get_reg_cells(fdt, m, ac, sc, 0, &addr, &size) )
        {
            refuse(c, "a module node has no usable 'reg'");
            continue;
        }
        mod =
            bootinfo_add_module(bi, kind, addr, size,
                                fdt_getprop_string_checked(fdt, m, "bootargs"));
        if ( !mod )
        {
            refuse(c, "a module could not be recorded");
            continue;
        }
        mod->owner = c->name;

        if ( kind == BOOTMOD_KERNEL && !c->kernel )
            c->kernel = mod;
        else if ( kind == BOOTMOD_RAMDISK && !c->ramdisk )
            c->ramdisk = mod;
        else if ( kind == BOOTMOD_DTB && !c->dtb )
            c->dtb = mod;
        else
            refuse(c, "more than one module of the same kind");
    }
}

static void scan_domain(struct bootinfo *bi, const struct fdt *fdt, int node,
                        struct domain_config *c)
{
    const void *p;
    uint64_t kib;
    uint32_t len;

    memset(c, 0, sizeof(*c));
    fdt_node_path(fdt, node, c->name, sizeof(c->name));
    c->static_owner = bootinfo_find_static_owner(bi, fdt, node);

    p = fdt_getprop(fdt, node, "memory", &len);
    if ( !p || (len != 4 && len != 8) )
        refuse(c, "no valid 'memory' property (KiB, 1 or 2 cells)");
    else if ( (kib = fdt_read_cells(p, len / 4)) > MAX_DOMAIN_MEMORY >> 10 )
        refuse(c, "'memory' is more than 2^52 KiB: larger than any RAM");
    else if ( !(c->memory = kib << 10) )
        refuse(c, "'memory' is zero");

    c->nr_vcpus = fdt_getprop_u32(fdt, node, "cpus", 0);
    if ( !c->nr_vcpus || c->nr_vcpus > MAX_VIRT_CPUS )
        refuse(c, CPUS_PROBLEM);

    c->direct_map = fdt_getprop(fdt, node, "direct-map", NULL) != NULL;

    scan_modules(bi, fdt, node, c);
    if ( !c->kernel )
        refuse(c, "no multiboot,kernel module");

    if ( c->static_owner >= 0 )
    {
        if ( bi->static_owners[c->static_owner].refused )
            refuse(c, "its xen,static-mem was refused (see above)");
        else if ( c->memory != static_size(bi, c->static_owner) )
            refuse(c, "'memory' differs from the size of its xen,static-mem");
    }
    else if ( fdt_getprop(fdt, node, "xen,static-mem", NULL) )
        refuse(c, "its xen,static-mem could not be recorded (see above)");
    else if ( c->direct_map )
        refuse(c, "direct-map needs xen,static-mem");

    if ( c->memory && !IS_ALIGNED(c->memory, PAGE_SIZE) )
        refuse(c, "'memory' is not a whole number of pages");
}

void bootfdt_scan_domains(struct bootinfo *bi, const struct fdt *fdt,
                          struct boot_domains *bd)
{
    int chosen = fdt_path(fdt, "/chosen", 7), node;

    if ( chosen < 0 )
        return;

    for ( node = fdt_first_child(fdt, chosen); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        char path[BOOTINFO_OWNER_PATH_MAX];

        if ( !fdt_node_is_compatible(fdt, node, "xen,domain") )
            continue;
        /* The last place is kept for the hardware domain. */
        if ( bd->nr >= ARRAY_SIZE(bd->cfg) - 1 )
        {
            printk(XENLOG_ERR
                   "DT: %s: more than %u dom0less domains; not built\n",
                   fdt_node_path(fdt, node, path, sizeof(path)),
                   CONFIG_MAX_DOM0LESS_DOMAINS);
            continue;
        }
        scan_domain(bi, fdt, node, &bd->cfg[bd->nr++]);
    }
}
