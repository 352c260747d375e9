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

/* No pCPU (cpu_kick() does nothing with it). */
#define NO_CPU CONFIG_NR_CPUS

/*
 * Kick pCPU cpu: make it take an interrupt (arch_cpu_kick(): an IPI). If
 * it runs a guest, it leaves it and passes its leave path; if it waits in
 * arch_cpu_idle(), it returns. A kick that arrives while the pCPU is in
 * the hypervisor with interrupts masked stays pending and has that effect
 * the next time it enters a guest or idles, so none is lost. Everything
 * the caller wrote before is visible to the pCPU when it takes the kick.
 * Kicking the calling pCPU, or NO_CPU, does nothing.
 */
void cpu_kick(unsigned int cpu);

/* For the architecture's interrupt handlers: a kick was taken here. */
void cpu_kick_taken(void);

/* Kicks sent and taken since boot, all pCPUs together. */
unsigned long cpu_kicks_sent(void);
unsigned long cpu_kicks_taken(void);

#endif /* XEN_SMP_H */
