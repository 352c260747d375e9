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

/*
 * The harness's hypercall convention, unlike both real ones: number in
 * r[7], arguments in r[2], r[3], r[5], r[11], r[13], result in r[0]. The
 * PC is r[15]; the trapping instruction is 2 bytes long.
 */
#define HARNESS_REG_NR  7
#define HARNESS_REG_RES 0
#define HARNESS_REG_PC  15
#define HARNESS_TRAP_LEN 2
#define HARNESS_REG_ARGS { 2, 3, 5, 11, 13 }

#endif
