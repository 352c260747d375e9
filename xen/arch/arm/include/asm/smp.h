/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_SMP_H
#define ASM_ARM_SMP_H

#include <asm/sysregs.h>

/* Each CPU keeps its logical number in TPIDR_EL2 (set in head.S). */
static inline unsigned int smp_processor_id(void)
{
    return READ_SYSREG(tpidr_el2);
}

#endif /* ASM_ARM_SMP_H */
