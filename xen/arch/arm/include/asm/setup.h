/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_SETUP_H
#define ASM_ARM_SETUP_H

#include <xen/types.h>

struct fdt;

void start_xen(paddr_t fdt_paddr);
void start_secondary(unsigned int cpu);
void smp_bring_up_cpus(void);
void secondary_entry(void);

extern unsigned char cpu_stacks[CONFIG_NR_CPUS][STACK_SIZE];
extern char _start[], _end[];

/* The host's device tree, for the hardware domain's (hwdom.c). */
extern struct fdt host_fdt;

#endif /* ASM_ARM_SETUP_H */
