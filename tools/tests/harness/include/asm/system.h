/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_SYSTEM_H
#define ASM_HARNESS_SYSTEM_H

#define smp_mb()  __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)

/* "Interrupt state" is a counter, per host thread (= CPU, asm/smp.h). */
extern __thread unsigned long harness_irq_disabled;

static inline unsigned long arch_local_irq_save(void)
{
    return harness_irq_disabled++;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
    harness_irq_disabled = flags;
}

#endif
