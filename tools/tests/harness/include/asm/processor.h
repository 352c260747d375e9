/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_PROCESSOR_H
#define ASM_HARNESS_PROCESSOR_H

#include <xen/types.h>

/*
 * Host threads outnumber the cores: a waiter must give its core away, or a
 * ticket holder that was descheduled is never run.
 */
int sched_yield(void);

static inline void arch_cpu_relax(void)
{
    sched_yield();
}

struct cpu_user_regs {
    uint64_t r[16];
};

#endif
