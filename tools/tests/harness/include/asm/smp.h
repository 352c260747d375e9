/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_SMP_H
#define ASM_HARNESS_SMP_H

/*
 * Each host thread is a CPU of its own: the test's main thread CPU 0 (or
 * the pCPU it plays, harness_cpu), the threads it starts 1, 2, ... in the
 * order they first ask (harness.c).
 */
unsigned int harness_cpu_id(void);

static inline unsigned int smp_processor_id(void)
{
    return harness_cpu_id();
}

#endif
