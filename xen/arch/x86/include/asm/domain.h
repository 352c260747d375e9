/* SPDX-License-Identifier: GPL-2.0-only */
/* x86_64 vCPU state (the VMCB comes with guest entry). */
#ifndef ASM_X86_DOMAIN_H
#define ASM_X86_DOMAIN_H

#include <xen/types.h>

struct arch_vcpu {
    uint64_t unused;
};

#endif /* ASM_X86_DOMAIN_H */
