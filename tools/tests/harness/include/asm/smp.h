/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_SMP_H
#define ASM_HARNESS_SMP_H

/*
 * Each host thread is a CPU of its own: the one it plays (harness_cpu,
 * which a test sets), or else the main thread CPU 0 and the threads a
 * test starts 1, 2, ... in the order they first ask (harness.c).
 */
#define HARNESS_CPU_AUTO (~0U)
extern __thread unsigned int harness_cpu;
unsigned int harness_cpu_id(void);

static inline unsigned int smp_processor_id(void)
{
    return harness_cpu_id();
}

#endif
