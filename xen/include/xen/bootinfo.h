/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the boot loader told us: RAM, reserved regions, boot modules, the
 * command line and the CPUs. arm64 fills it from the device tree, x86_64
 * from multiboot; common code prints and uses it the same way.
 */
#ifndef XEN_BOOTINFO_H
#define XEN_BOOTINFO_H

#include <xen/types.h>

struct fdt;

struct membank {
    paddr_t start;
    uint64_t size;
};

struct membanks {
    unsigned int nr;
    struct membank bank[CONFIG_NR_MEM_BANKS];
};

enum bootmodule_kind {
    BOOTMOD_KERNEL,
    BOOTMOD_RAMDISK,
    BOOTMOD_DTB,
    BOOTMOD_UNKNOWN,
};

struct bootmodule {
    enum bootmodule_kind kind;
    paddr_t start;
    uint64_t size;
    const char *cmdline; /* points into the DT / multiboot info */
    const char *owner;   /* dom0less domain node; NULL: /chosen */
    /*
     * Why the module must not be read (bootinfo_check_modules()), e.g.
     * "is not inside a RAM bank"; NULL while it is usable.
     */
    const char *problem;
    bool checked; /* bootinfo_check_modules() has looked at it */
};

#define BOOTINFO_CMDLINE_MAX       1024
#define BOOTINFO_MAX_STATIC_OWNERS CONFIG_MAX_DOM0LESS_DOMAINS
#define BOOTINFO_OWNER_PATH_MAX    128

/*
 * A domain node that asked for static memory (xen,static-mem). It is
 * known by its node (the blob it is in and its offset there), never by
 * its name: the path is only for messages.
 */
struct static_owner {
    const void *fdt_blob;
    int node;
    char path[BOOTINFO_OWNER_PATH_MAX];
    bool refused; /* bad configuration: its banks are not reserved */
};

struct static_bank {
    paddr_t start;
    uint64_t size;
    unsigned int owner; /* index in bootinfo.static_owners */
};

struct bootinfo {
    struct membanks mem;
    struct membanks reserved;
    unsigned int nr_mods;
    struct bootmodule mods[CONFIG_NR_BOOT_MODULES];
    char cmdline[BOOTINFO_CMDLINE_MAX];
    const char *cmdline_source;        /* where the command line came from */
    unsigned int nr_cpus;              /* CPUs described by firmware */
    uint64_t cpu_hwid[CONFIG_NR_CPUS]; /* MPIDR / APIC ID; [0] = boot CPU */
    struct membank xen_image;          /* the hypervisor itself */
    struct membank fdt;                /* the host device tree, if any */
    struct membanks static_heap;       /* /chosen/xen,static-heap */
    unsigned int nr_static_owners;
    struct static_owner static_owners[BOOTINFO_MAX_STATIC_OWNERS];
    unsigned int nr_static_banks;
    struct static_bank static_banks[CONFIG_NR_MEM_BANKS];
};

extern struct bootinfo bootinfo;

/*
 * Record a RAM bank or reserved region. what names it in error messages.
 * Returns 0, -EINVAL (zero size, wraps around) or -ENOSPC (table full).
 */
int bootinfo_add_bank(struct membanks *banks, uint64_t start, uint64_t size,
                      const char *what);
/*
 * Record a RAM bank: as bootinfo_add_bank(), but a range that overlaps
 * banks already there (a duplicate, or an overlapping /memory node or
 * E820 entry) is merged into them, so no RAM is counted twice and the
 * banks stay disjoint; one line (unless what is NULL) names both ranges.
 */
int bootinfo_add_ram(struct membanks *mem, uint64_t start, uint64_t size,
                     const char *what);
struct bootmodule *bootinfo_add_module(struct bootinfo *bi,
                                       enum bootmodule_kind kind,
                                       uint64_t start, uint64_t size,
                                       const char *cmdline);
const char *bootmodule_kind_name(enum bootmodule_kind kind);

/* One line per RAM bank, reserved region and module. */
void bootinfo_print(const struct bootinfo *bi);

/*
 * Check the boot modules not checked before: each must lie wholly inside
 * one RAM bank the hypervisor maps, and overlap neither the hypervisor
 * image, the device tree, a reserved region nor another module (a module
 * given twice, same kind, address and size, is not an overlap). A module
 * that fails gets its problem set and one line each; nothing may read it,
 * and a domain that names it is refused. Call again after adding modules:
 * only the new ones are reported. Returns the number of problems found.
 */
unsigned int bootinfo_check_modules(struct bootinfo *bi);

/* The static owner recorded for the domain node at (fdt, node), or -1. */
int bootinfo_find_static_owner(const struct bootinfo *bi, const struct fdt *fdt,
                               int node);

/*
 * Report, one line each, reserved regions that overlap the hypervisor
 * image or the device tree (which are where they are: the reservation
 * cannot be honoured). Returns the number of problems found.
 */
unsigned int bootinfo_check_reserved(const struct bootinfo *bi);

/* Device-tree scanners (common/device-tree/bootfdt.c). */
void bootfdt_scan_memory(struct bootinfo *bi, const struct fdt *fdt);
void bootfdt_scan_reserved(struct bootinfo *bi, const struct fdt *fdt);
void bootfdt_scan_chosen(struct bootinfo *bi, const struct fdt *fdt);
void bootfdt_scan_cpus(struct bootinfo *bi, const struct fdt *fdt,
                       uint64_t boot_hwid);

/*
 * xen,static-mem of every xen,domain node under /chosen and
 * /chosen/xen,static-heap. Without CONFIG_STATIC_MEMORY a domain that asks
 * for static memory is recorded as refused, with one line saying why.
 */
void bootfdt_scan_static(struct bootinfo *bi, const struct fdt *fdt);

/*
 * Find the console that /chosen/stdout-path names and start its driver,
 * if its 'reg' is usable: not 0, not empty, not wrapping, at least the
 * driver's register block, and clear of bi's RAM and reserved regions
 * (scan those first). Otherwise one line says why and -EINVAL is returned.
 */
int console_dt_init(const struct fdt *fdt, const struct bootinfo *bi);

/* The same with an explicit driver table (the host tests' way in). */
struct dt_console_match;
int console_dt_start(const struct fdt *fdt, const struct bootinfo *bi,
                     const struct dt_console_match *table, unsigned int n);

/* The first bank that [start, start + size) overlaps, or NULL. */
const struct membank *membanks_find_overlap(const struct membanks *banks,
                                            uint64_t start, uint64_t size);

#endif /* XEN_BOOTINFO_H */
