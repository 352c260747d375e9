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

/*
 * A hostile or broken tree can have thousands of bad nodes: each scan
 * names the first few and counts the rest, so neither the log nor the
 * time spent (a node's path costs a walk from the root) grows without
 * bound.
 */
#define MAX_COMPLAINTS 16
static unsigned int complaints, suppressed;

static void scan_begin(void)
{
    complaints = suppressed = 0;
}

static bool complain(void)
{
    if ( complaints < MAX_COMPLAINTS )
    {
        complaints++;
        return true;
    }
    suppressed++;
    return false;
}

static void scan_end(const char *what)
{
    if ( suppressed )
        printk(XENLOG_WARNING "DT: %u more problems with %s not shown\n",
               suppressed, what);
}

static bool node_enabled(const struct fdt *fdt, int node)
{
    const char *status = fdt_getprop_string(fdt, node, "status");

    return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* Report why node's reg could not be read. */
static void bad_reg(const struct fdt *fdt, int node, int rc)
{
    char path[PATH_MAX_LEN];

    if ( !complain() )
        return;
    printk(XENLOG_WARNING "DT: %s: %s 'reg'; node ignored\n",
           fdt_node_path(fdt, node, path, sizeof(path)),
           rc == -ENOENT ? "no" : "malformed");
}

/*
 * Add every entry of node's reg (cells ac/sc of its parent) to banks; RAM
 * (ram set) that overlaps banks already there is merged into them.
 * Entries that do not fit any more are counted in *ignored (reported once
 * by the caller). The node's path is only worked out for a line about it:
 * scanning stays linear in the size of the tree.
 */
static void add_reg_banks(const struct fdt *fdt, int node, uint32_t ac,
                          uint32_t sc, struct membanks *banks, bool ram,
                          unsigned int *ignored)
{
    char path[PATH_MAX_LEN], what[PATH_MAX_LEN + 4];
    uint64_t addr, size;
    unsigned int i;
    int rc;

    for ( i = 0;
          (rc = fdt_get_reg_cells(fdt, node, ac, sc, i, &addr, &size)) == 0;
          i++ )
    {
        if ( !size || addr + size < addr )
        {
            if ( banks->nr == ARRAY_SIZE(banks->bank) )
                (*ignored)++;
            else if ( complain() )
                bootinfo_add_bank(banks, addr, size,
                                  fdt_node_path(fdt, node, path, sizeof(path)));
        }
        else if ( ram && membanks_find_overlap(banks, addr, size) )
        {
            /* Merged (even when the table is full); said while lines last. */
            const char *say = NULL;

            if ( complain() )
            {
                snprintf(what, sizeof(what), "DT: %s",
                         fdt_node_path(fdt, node, path, sizeof(path)));
                say = what;
            }
            bootinfo_add_ram(banks, addr, size, say);
        }
        else if ( banks->nr == ARRAY_SIZE(banks->bank) )
            (*ignored)++;
        else
            bootinfo_add_bank(banks, addr, size, "DT");
    }

    if ( rc != -ENOENT || i == 0 )
        bad_reg(fdt, node, rc);
}

static void report_ignored(unsigned int ignored, const char *what)
{
    if ( ignored )
        printk(XENLOG_WARNING
               "DT: %u more %s ignored: at most %u fit (CONFIG_NR_MEM_BANKS)\n",
               ignored, what, CONFIG_NR_MEM_BANKS);
}

void bootfdt_scan_memory(struct bootinfo *bi, const struct fdt *fdt)
{
    unsigned int ignored = 0;
    uint32_t ac, sc;
    int node;

    scan_begin();
    fdt_child_cells(fdt, fdt_root(fdt), &ac, &sc);
    for ( node = fdt_first_child(fdt, fdt_root(fdt)); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        const char *type = fdt_getprop_string(fdt, node, "device_type");

        if ( type && !strcmp(type, "memory") && node_enabled(fdt, node) )
            add_reg_banks(fdt, node, ac, sc, &bi->mem, true, &ignored);
    }
    report_ignored(ignored, "RAM ranges");
    scan_end("memory nodes");
}

void bootfdt_scan_reserved(struct bootinfo *bi, const struct fdt *fdt)
{
    char path[PATH_MAX_LEN];
    uint64_t addr, size;
    uint32_t ac, sc;
    unsigned int i, ignored = 0;
    int parent, node;

    for ( i = 0; !fdt_get_rsv(fdt, i, &addr, &size); i++ )
        bootinfo_add_bank(&bi->reserved, addr, size, "DT /memreserve/");

    parent = fdt_path(fdt, "/reserved-memory", 16);
    if ( parent < 0 )
        return;
    scan_begin();
    fdt_child_cells(fdt, parent, &ac, &sc);

    for ( node = fdt_first_child(fdt, parent); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        if ( !node_enabled(fdt, node) )
            continue;
        if ( !fdt_getprop(fdt, node, "reg", NULL) )
        {
            if ( complain() )
                printk(
                    "DT: %s: no fixed address (dynamic reservation); ignored\n",
                    fdt_node_path(fdt, node, path, sizeof(path)));
            continue;
        }
        add_reg_banks(fdt, node, ac, sc, &bi->reserved, false, &ignored);
    }
    report_ignored(ignored, "reserved regions");
    scan_end("/reserved-memory");
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
    uint32_t ac, sc;

    bi->cmdline[0] = '\0';
    bi->cmdline_source = NULL;
    if ( chosen < 0 )
        return;
    fdt_child_cells(fdt, chosen, &ac, &sc);
    scan_begin();

    /*
     * A malformed xen,xen-bootargs is not replaced by bootargs (meant for
     * the hardware domain's kernel, then): the command line is empty.
     */
    args = fdt_getprop_string_checked(fdt, chosen, "xen,xen-bootargs");
    bi->cmdline_source = "/chosen/xen,xen-bootargs";
    if ( !args && !fdt_getprop(fdt, chosen, "xen,xen-bootargs", NULL) )
    {
        args = fdt_getprop_string_checked(fdt, chosen, "bootargs");
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

        rc = fdt_get_reg_cells(fdt, node, ac, sc, 0, &addr, &size);
        if ( rc )
        {
            bad_reg(fdt, node, rc);
            continue;
        }

        bootinfo_add_module(bi, kind, addr, size,
                            fdt_getprop_string_checked(fdt, node, "bootargs"));
    }

    scan_end("boot modules");
}

void bootfdt_scan_cpus(struct bootinfo *bi, const struct fdt *fdt,
                       uint64_t boot_hwid)
{
    char path[PATH_MAX_LEN];
    int cpus = fdt_path(fdt, "/cpus", 5), node;
    bool boot_seen = false;
    uint32_t ac, sc;

    bi->nr_cpus = 1;
    bi->cpu_hwid[0] = boot_hwid;
    if ( cpus < 0 )
    {
        printk(XENLOG_WARNING "DT: no /cpus node; only the boot CPU is used\n");
        return;
    }
    fdt_child_cells(fdt, cpus, &ac, &sc);
    scan_begin();

    for ( node = fdt_first_child(fdt, cpus); node >= 0;
          node = fdt_next_sibling(fdt, node) )
    {
        const char *type = fdt_getprop_string(fdt, node, "device_type");
        uint64_t hwid, unused;
        int rc;

        if ( !type || strcmp(type, "cpu") || !node_enabled(fdt, node) )
            continue;

        rc = fdt_get_reg_cells(fdt, node, ac, sc, 0, &hwid, &unused);
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
