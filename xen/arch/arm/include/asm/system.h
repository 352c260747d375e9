/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_SYSTEM_H
#define ASM_ARM_SYSTEM_H

#define smp_mb()  __asm__ __volatile__("dmb ish" ::: "memory")
#define smp_rmb() __asm__ __volatile__("dmb ishld" ::: "memory")
#define smp_wmb() __asm__ __volatile__("dmb ishst" ::: "memory")
#define dsb(opt)  __asm__ __volatile__("dsb " #opt ::: "memory")

/* DAIF.I is bit 7 of DAIF; mask IRQs and return the old state. */
static inline unsigned long arch_local_irq_save(void)
{
    unsigned long flags;

    __asm__ __volatile__("mrs %0, daif\n\t"
                         "msr daifset, #2"
                         : "=r"(flags)::"memory");

    return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
    __asm__ __volatile__("msr daif, %0" ::"r"(flags) : "memory");
}

#endif /* ASM_ARM_SYSTEM_H */
