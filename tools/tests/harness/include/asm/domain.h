/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_DOMAIN_H
#define ASM_HARNESS_DOMAIN_H

#include <xen/types.h>
#include <asm/processor.h>

/* The guest's registers: always here, running or not. */
struct arch_vcpu {
    struct cpu_user_regs regs;
};

#endif
