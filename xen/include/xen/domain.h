/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains described by the boot configuration, and creating/destroying
 * them. The hardware domain comes from the first kernel module (and
 * dom0_mem=); dom0less domains from xen,domain nodes under /chosen (on
 * x86 in a device-tree boot module).
 */
#ifndef XEN_DOMAIN_H
#define XEN_DOMAIN_H

#include <xen/bootinfo.h>
#include <xen/types.h>

/* The hardware domain and CONFIG_MAX_DOM0LESS_DOMAINS dom0less ones. */
#define MAX_BOOT_DOMAINS (1 + CONFIG_MAX_DOM0LESS_DOMAINS)

/*
 * The most RAM a domain may be configured with (2^62 bytes): any size up
 * to it can be rounded up and added to another without wrapping.
 */
#define MAX_DOMAIN_MEMORY (1ULL << 62)

struct fdt;
struct domain;

struct domain_config {
    char name[BOOTINFO_OWNER_PATH_MAX]; /* DT path, or "hardware domain" */
    bool hardware;
    uint64_t memory; /* bytes */
    unsigned int nr_vcpus;
    bool direct_map;  /* gfn == mfn */
    int static_owner; /* index in bootinfo.static_owners, or -1 */
    const struct bootmodule *kernel, *ramdisk, *dtb;
    const char *refused; /* why it is not built, or NULL */
};

struct boot_domains {
    unsigned int nr;
    struct domain_config cfg[MAX_BOOT_DOMAINS];
};

extern struct boot_domains boot_domains;

/*
 * Read every xen,domain node under /chosen into bd; their module
 * sub-nodes become boot modules in bi (owned by the domain), so that
 * nothing overwrites them. Call before setup_mm().
 */
void bootfdt_scan_domains(struct bootinfo *bi, const struct fdt *fdt,
                          struct boot_domains *bd);

/* The hardware domain, if a kernel module for it was given. */
void boot_domains_add_hardware(const struct bootinfo *bi,
                               struct boot_domains *bd);

/*
 * Guest RAM: the domain's RAM as guest-physical banks (at most
 * NR_GUEST_RAM_BANKS), sorted by address, neighbours joined.
 */
#define NR_GUEST_RAM_BANKS 16
struct guest_ram {
    unsigned int nr;
    struct {
        gfn_t start;
        unsigned long nr_pages;
    } bank[NR_GUEST_RAM_BANKS];
};

/* Build a domain from its configuration; NULL (and the reason) on failure. */
struct domain *domain_create(uint16_t domid, const struct domain_config *c,
                             const char **why);

/* Take it apart: every page back to where it came from. */
void domain_destroy(struct domain *d);

/*
 * One bounded step of taking d apart (P2M entries, then its pages, then
 * the rest): -ERESTART while there is more to do, 0 when d is gone.
 * domain_destroy() is these steps back to back; the scheduler runs them
 * one per pass between vCPUs for domains that shut down.
 */
int domain_teardown_step(struct domain *d);

/*
 * Build every configured domain, say what was built and what was refused,
 * and start them. Returns only if nothing could be started (the domains
 * built are then destroyed again and the memory check run).
 */
void build_boot_domains(const struct boot_domains *bd);

/*
 * Nothing lost: domain_memory_baseline() records the free page counts
 * (heap, static pools) before any domain is built; domain_memory_check()
 * says whether they are back (one line; debug builds panic if not).
 * domain_started(d): d runs now; when the last domain started is gone
 * (freed), domain.c checks the memory and powers off.
 */
void domain_memory_baseline(void);
void domain_memory_check(void);
void domain_started(struct domain *d);

#endif /* XEN_DOMAIN_H */
