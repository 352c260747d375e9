/* SPDX-License-Identifier: GPL-2.0-only */
/* Model-specific registers the hypervisor touches, and rdmsr/wrmsr. */
#ifndef ASM_X86_MSR_H
#define ASM_X86_MSR_H

#define MSR_APIC_BASE    0x0000001b
#define APIC_BASE_BSP    (1 << 8)
#define APIC_BASE_ENABLE (1 << 11)
#define MSR_EFER         0xc0000080
#define EFER_SCE         (1 << 0)
#define EFER_LME         (1 << 8)
#define EFER_LMA         (1 << 10)
#define EFER_NXE         (1 << 11)
#define EFER_SVME        (1 << 12)
#define MSR_FS_BASE      0xc0000100
#define MSR_GS_BASE      0xc0000101
#define MSR_VM_CR        0xc0010114
#define VM_CR_SVMDIS     (1 << 4)
#define MSR_VM_HSAVE_PA  0xc0010117

#ifndef __ASSEMBLY__

#include <xen/types.h>

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));

    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ __volatile__("wrmsr" ::"c"(msr), "a"((uint32_t)v),
                         "d"((uint32_t)(v >> 32))
                         : "memory");
}

#endif /* __ASSEMBLY__ */

#endif /* ASM_X86_MSR_H */
