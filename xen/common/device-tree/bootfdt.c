/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fill struct bootinfo from the host device tree: /memory nodes, the
 * memory reservation block and /reserved-memory, /chosen (command line and
 * boot modules) and /cpus. Anything malformed is reported with the node's
 * path and left out; nothing here stops the boot.
 */
#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>

#define PATH_MAX_LEN 128

static bool node_enabled(const struct fdt *fdt, int node)
{
    const char *status = fdt_getprop_string(fdt, node, "status");

    return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* Report why node's reg could not be read. */
static void bad_reg(const struct fdt *fdt, int node, int rc)
{
    char path[PATH_MAX_LEN];

    printk(XENLOG_WARNING "DT: %s: %s 'reg'; node ignored\n",
           fdt_node_path(fdt, node, path, sizeof(path)),
           rc == -ENOENT ? "no" : "malformed");
}

/* Add every entry of node's reg to banks; returns how many were added. */
static unsigned int add_reg_banks(const struct fdt *fdt, int node,
                                  struct membanks *banks)
{
    char path[PATH_MAX_LEN];
    unsigned int i, added = 0;
    uint64_t addr, size;
    int rc;

    fdt_node_path(fdt, node, path, sizeof(path));
    for ( i = 0; (rc = fdt_get_reg(fdt, node, i, &addr, &size)) == 0; i++ )
        if ( !bootinfo_add_bank(banks, addr, size, path) )
            added++;

    if ( rc != -ENOENT || i == 0 )
        bad_reg(fdt, node, rc);

    return added;
}

void bootfdt_scan_memory(struct bootinfo *bi, const struct fdt *fdt)
{
    int node;

    for ( node = fdt_first_child(fdt, fdt_root(fdt)); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        const char *type = fdt_getprop_string(fdt, node, "device_type");

        if ( type && !strcmp(type, "memory") && node_enabled(fdt, node) )
            add_reg_banks(fdt, node, &bi->mem);
    }
}

void bootfdt_scan_reserved(struct bootinfo *bi, const struct fdt *fdt)
{
    char path[PATH_MAX_LEN];
    uint64_t addr, size;
    unsigned int i;
    int parent, node;

    for ( i = 0; !fdt_get_rsv(fdt, i, &addr, &size); i++ )
        bootinfo_add_bank(&bi->reserved, addr, size, "DT /memreserve/");

    parent = fdt_path(fdt, "/reserved-memory", 16);
    if ( parent < 0 )
        return;

    for ( node = fdt_first_child(fdt, parent); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        if ( !node_enabled(fdt, node) )
            continue;
        if ( !fdt_getprop(fdt, node, "reg", NULL) )
        {
            printk("DT: %s: no fixed address (dynamic reservation); ignored\n",
                   fdt_node_path(fdt, node, path, sizeof(path)));
            continue;
        }
        add_reg_banks(fdt, node, &bi->reserved);
    }
}

static enum bootmodule_kind module_kind(const struct fdt *fdt, int node,
                                        unsigned int *guess)
{
    if ( fdt_node_is_compatible(fdt, node, "multiboot,kernel") )
        return BOOTMOD_KERNEL;
    if ( fdt_node_is_compatible(fdt, node, "multiboot,ramdisk") )
        return BOOTMOD_RAMDISK;
    if ( fdt_node_is_compatible(fdt, node, "multiboot,device-tree") )
        return BOOTMOD_DTB;
    if ( fdt_node_is_compatible(fdt, node, "multiboot,module") )
    {
        /* As Xen: untyped modules are the kernel, then the ramdisk. */
        switch ( (*guess)++ )
        {
        case 0: return BOOTMOD_KERNEL;
        case 1: return BOOTMOD_RAMDISK;
        }
        return BOOTMOD_UNKNOWN;
    }

    return BOOTMOD_UNKNOWN + 1; /* not a boot module */
}

void bootfdt_scan_chosen(struct bootinfo *bi, const struct fdt *fdt)
{
    int chosen = fdt_path(fdt, "/chosen", 7), node;
    unsigned int guess = 0;
    const char *args;

    bi->cmdline[0] = '\0';
    bi->cmdline_source = NULL;
    if ( chosen < 0 )
        return;

    args = fdt_getprop_string(fdt, chosen, "xen,xen-bootargs");
    bi->cmdline_source = "/chosen/xen,xen-bootargs";
    if ( !args )
    {
        args = fdt_getprop_string(fdt, chosen, "bootargs");
        bi->cmdline_source = "/chosen/bootargs";
    }
    if ( args )
    {
        if ( strlcpy(bi->cmdline, args, sizeof(bi->cmdline)) >=
             sizeof(bi->cmdline) )
            printk(XENLOG_WARNING "DT: %s is longer than %u bytes; truncated\n",
                   bi->cmdline_source, BOOTINFO_CMDLINE_MAX - 1);
    }
    else
        bi->cmdline_source = NULL;

    for ( node = fdt_first_child(fdt, chosen); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        enum bootmodule_kind kind;
        uint64_t addr, size;
        int rc;

        /* A disabled module takes no kernel/ramdisk guess. */
        if ( !node_enabled(fdt, node) )
            continue;
        kind = module_kind(fdt, node, &guess);
        if ( kind > BOOTMOD_UNKNOWN )
            continue;

        rc = fdt_get_reg(fdt, node, 0, &addr, &size);
        if ( rc )
        {
            bad_reg(fdt, node, rc);
            continue;
        }

        bootinfo_add_module(bi, kind, addr, size,
                            fdt_getprop_string(fdt, node, "bootargs"));
    }
}

void bootfdt_scan_cpus(struct bootinfo *bi, const struct fdt *fdt,
                       uint64_t boot_hwid)
{
    char path[PATH_MAX_LEN];
    int cpus = fdt_path(fdt, "/cpus", 5), node;
    bool boot_seen = false;

    bi->nr_cpus = 1;
    bi->cpu_hwid[0] = boot_hwid;
    if ( cpus < 0 )
    {
        printk(XENLOG_WARNING "DT: no /cpus node; only the boot CPU is used\n");
        return;
    }

    for ( node = fdt_first_child(fdt, cpus); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        const char *type = fdt_getprop_string(fdt, node, "device_type");
        uint64_t hwid, unused;
        int rc;

        if ( !type || strcmp(type, "cpu") || !node_enabled(fdt, node) )
            continue;

        rc = fdt_get_reg(fdt, node, 0, &hwid, &unused);
        if ( rc )
        {
            bad_reg(fdt, node, rc);
            continue;
        }

        if ( hwid == boot_hwid )
        {
            boot_seen = true;
            continue;
        }

        if ( bi->nr_cpus == CONFIG_NR_CPUS )
        {
            printk(XENLOG_WARNING
                   "DT: %s (hwid 0x%llx) left offline: CONFIG_NR_CPUS is %u\n",
                   fdt_node_path(fdt, node, path, sizeof(path)),
                   (unsigned long long)hwid, CONFIG_NR_CPUS);
            continue;
        }

        bi->cpu_hwid[bi->nr_cpus++] = hwid;
    }

    if ( !boot_seen )
        printk(XENLOG_WARNING
               "DT: the boot CPU (hwid 0x%llx) is not in /cpus\n",
               (unsigned long long)boot_hwid);
}
