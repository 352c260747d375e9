/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_X86_SMP_H
#define ASM_X86_SMP_H

#include <xen/types.h>

/*
 * Each CPU's GS base points at its own struct cpu_info (set before any C
 * code that could ask); the logical CPU number is its first field.
 */
struct cpu_info {
    unsigned int cpu_id;
    uint32_t apic_id;
};

extern struct cpu_info cpu_info[CONFIG_NR_CPUS];

static inline unsigned int smp_processor_id(void)
{
    unsigned int id;

    __asm__ __volatile__("movl %%gs:0, %0" : "=r"(id));

    return id;
}

#endif /* ASM_X86_SMP_H */
