/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_DOMAIN_H
#define ASM_HARNESS_DOMAIN_H

#include <xen/types.h>

struct arch_vcpu {
    uint64_t regs[8];
};

#endif
