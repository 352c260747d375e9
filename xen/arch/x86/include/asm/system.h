/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_X86_SYSTEM_H
#define ASM_X86_SYSTEM_H

#include <asm/processor.h>

/*
 * x86 keeps stores in order and loads in order (TSO): only a store
 * followed by a load needs a real fence.
 */
#define smp_mb()  __asm__ __volatile__("mfence" ::: "memory")
#define smp_rmb() __asm__ __volatile__("" ::: "memory")
#define smp_wmb() __asm__ __volatile__("" ::: "memory")

/* Mask interrupts (RFLAGS.IF) and return the old RFLAGS. */
static inline unsigned long arch_local_irq_save(void)
{
    unsigned long flags;

    __asm__ __volatile__("pushfq\n\t"
                         "popq %0\n\t"
                         "cli"
                         : "=r"(flags)::"memory");

    return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
    if ( flags & X86_EFLAGS_IF )
        __asm__ __volatile__("sti" ::: "memory");
}

static inline void local_irq_disable(void)
{
    __asm__ __volatile__("cli" ::: "memory");
}

/*
 * The hypervisor runs with interrupts masked. This lets in whatever is
 * pending now and masks them again: sti holds interrupts off for one more
 * instruction, so they are taken after the nop, before the cli.
 */
static inline void local_irq_take_pending(void)
{
    __asm__ __volatile__("sti\n\tnop\n\tcli" ::: "memory");
}

#endif /* ASM_X86_SYSTEM_H */
