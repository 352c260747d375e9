/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_GIC_H
#define ASM_ARM_GIC_H

#include <xen/types.h>

struct fdt;

/* The EL2 physical timer's interrupt (a PPI): the scheduler's tick. */
#define IRQ_HYP_TIMER 26

/* The SGI other CPUs send to kick this one (cpu_kick()). */
#define SGI_KICK 0

/* INTIDs 0-15 are SGIs; 1020 and above say nothing is pending. */
#define GIC_NR_SGIS  16
#define GIC_SPURIOUS 1020

/* Find the GICv3 in the DT and switch its distributor on (boot CPU). */
int gic_init(const struct fdt *fdt);

/* This CPU's redistributor and CPU interface; the tick PPI enabled. */
void gic_cpu_init(void);

bool gic_present(void);

/* Acknowledge the highest-priority pending interrupt (1023: none). */
uint32_t gic_ack(void);
void gic_eoi(uint32_t iar);

/* Send SGI sgi (group 1) to the CPU whose MPIDR affinity is mpidr. */
void gic_send_sgi(uint64_t mpidr, unsigned int sgi);

#endif /* ASM_ARM_GIC_H */
