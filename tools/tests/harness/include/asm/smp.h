/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_SMP_H
#define ASM_HARNESS_SMP_H

static inline unsigned int smp_processor_id(void)
{
    return 0;
}

#endif
