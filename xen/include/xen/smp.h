/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_SMP_H
#define XEN_SMP_H

#include <xen/types.h>
#include <asm/smp.h>

/* Online CPUs: set by each CPU as it comes up. */
void cpu_mark_online(unsigned int cpu);
bool cpu_is_online(unsigned int cpu);
unsigned int num_online_cpus(void);

#define for_each_online_cpu(c)                                                 \
    for ( (c) = 0; (c) < CONFIG_NR_CPUS; (c)++ )                               \
        if ( cpu_is_online(c) )

#endif /* XEN_SMP_H */
