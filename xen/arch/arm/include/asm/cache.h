/* SPDX-License-Identifier: GPL-2.0-only */
/* Cache maintenance by virtual address, to the point of coherency. */
#ifndef ASM_ARM_CACHE_H
#define ASM_ARM_CACHE_H

#include <xen/types.h>
#include <asm/sysregs.h>

/* The smallest D-cache line of any cache level (CTR_EL0.DminLine). */
static inline size_t dcache_line_size(void)
{
    return 4UL << ((READ_SYSREG(ctr_el0) >> 16) & 0xf);
}

/*
 * Clean and invalidate [p, p + size) to the point of coherency: memory
 * holds what the caches held, and no line of it is left in them, so a
 * reader that bypasses the caches (a guest with its MMU off) and one
 * that later uses them both see what was written.
 */
static inline void flush_dcache_va_range(const void *p, size_t size)
{
    size_t line = dcache_line_size();
    uintptr_t va = (uintptr_t)p & ~(line - 1), end = (uintptr_t)p + size;

    __asm__ __volatile__("dsb ish" ::: "memory");
    for ( ; va < end; va += line )
        __asm__ __volatile__("dc civac, %0" ::"r"(va) : "memory");
    __asm__ __volatile__("dsb sy" ::: "memory");
}

/* Invalidate every I-cache of the inner-shareable domain. */
static inline void invalidate_icache_all(void)
{
    __asm__ __volatile__("ic ialluis\n\t"
                         "dsb ish\n\t"
                         "isb" ::
                             : "memory");
}

#endif /* ASM_ARM_CACHE_H */
