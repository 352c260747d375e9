/* SPDX-License-Identifier: GPL-2.0-only */
/* MMIO accessors. Device memory is identity-mapped (VA == PA). */
#ifndef ASM_ARM_IO_H
#define ASM_ARM_IO_H

#include <xen/types.h>

static inline uint32_t readl(const volatile void *addr)
{
    uint32_t v;

    __asm__ __volatile__("ldr %w0, [%1]" : "=r"(v) : "r"(addr));

    return v;
}

static inline void writel(uint32_t v, volatile void *addr)
{
    __asm__ __volatile__("str %w0, [%1]" ::"rZ"(v), "r"(addr));
}

static inline void *ioremap(paddr_t pa)
{
    return (void *)(uintptr_t)paddr_x(pa);
}

#endif /* ASM_ARM_IO_H */
