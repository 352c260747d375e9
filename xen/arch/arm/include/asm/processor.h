/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_PROCESSOR_H
#define ASM_ARM_PROCESSOR_H

#include <asm/sysregs.h>

static inline void arch_cpu_relax(void)
{
    __asm__ __volatile__("yield" ::: "memory");
}

static inline void isb(void)
{
    __asm__ __volatile__("isb" ::: "memory");
}

/* Saved by the exception entry code (entry.S); 16-byte multiple. */
struct cpu_user_regs {
    uint64_t x[31];
    uint64_t sp;
    uint64_t pc;   /* ELR_EL2 */
    uint64_t cpsr; /* SPSR_EL2 */
    uint64_t esr;
    uint64_t far;
};

#endif /* ASM_ARM_PROCESSOR_H */
