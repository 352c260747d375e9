/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_PROCESSOR_H
#define ASM_HARNESS_PROCESSOR_H

#include <xen/types.h>

static inline void arch_cpu_relax(void)
{
}

struct cpu_user_regs {
    uint64_t r[16];
};

#endif
