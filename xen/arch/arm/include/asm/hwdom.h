/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest device trees on arm64: the nodes every guest DT has
 * (domain_build.c), and the hardware domain's DT built from the host's,
 * with the host's devices passed through (hwdom.c).
 */
#ifndef ASM_ARM_HWDOM_H
#define ASM_ARM_HWDOM_H

#include <xen/types.h>

struct domain;
struct fdt;
struct fdt_writer;

/* What a guest DT says besides the domain's own configuration. */
struct guest_dt_extra {
    uint64_t initrd_start, initrd_size; /* guest-physical; size 0: none */
};

/* /chosen's bootargs and initrd. */
void guest_dt_write_chosen_props(struct fdt_writer *w, const struct domain *d,
                                 const struct guest_dt_extra *extra);
/* The memory node: the domain's RAM banks, in ac/sc cells. */
void guest_dt_write_memory(struct fdt_writer *w, const struct domain *d,
                           uint32_t ac, uint32_t sc);
/* /cpus: one per vCPU, started with PSCI. */
void guest_dt_write_cpus(struct fdt_writer *w, const struct domain *d);
/* /psci through HVC. */
void guest_dt_write_psci(struct fdt_writer *w);
/*
 * /hypervisor: the grant-table region and the event-channel PPI (with an
 * explicit interrupt-parent if gic_phandle is not 0).
 */
void guest_dt_write_hypervisor(struct fdt_writer *w, uint32_t ac, uint32_t sc,
                               uint64_t gnttab_base, uint64_t gnttab_size,
                               uint32_t gic_phandle);

/*
 * The hardware domain's DT from the host's, into buf: its size, or a
 * negative errno. Maps the host's devices into d at gfn == mfn as it
 * goes, and prints one line on what was passed through and one on the
 * grant-table region.
 */
int hwdom_write_dt(struct domain *d, const struct fdt *host, void *buf,
                   size_t size, const struct guest_dt_extra *extra);

/* Whether SPI intid belongs to a device passed through to the hwdom. */
bool hwdom_spi_passed_through(unsigned int intid);

#endif /* ASM_ARM_HWDOM_H */
