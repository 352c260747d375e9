/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_SMP_H
#define ASM_HARNESS_SMP_H

/*
 * The pCPU common code is running on: 0 unless a test plays several
 * pCPUs, one step at a time, by setting it (harness.c).
 */
extern __thread unsigned int harness_cpu;

static inline unsigned int smp_processor_id(void)
{
    return harness_cpu;
}

#endif
