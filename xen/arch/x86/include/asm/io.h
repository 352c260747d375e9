/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Port I/O and MMIO accessors. The first 4 GiB are identity-mapped, so
 * device memory there is reached at its physical address.
 */
#ifndef ASM_X86_IO_H
#define ASM_X86_IO_H

#include <xen/types.h>

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    __asm__ __volatile__("inb %w1, %b0" : "=a"(v) : "Nd"(port));

    return v;
}

static inline uint16_t inw(uint16_t port)
{
    uint16_t v;

    __asm__ __volatile__("inw %w1, %w0" : "=a"(v) : "Nd"(port));

    return v;
}

static inline uint32_t inl(uint16_t port)
{
    uint32_t v;

    __asm__ __volatile__("inl %w1, %0" : "=a"(v) : "Nd"(port));

    return v;
}

/* Linux/Xen argument order: value first, then port. */
static inline void outb(uint8_t v, uint16_t port)
{
    __asm__ __volatile__("outb %b0, %w1" ::"a"(v), "Nd"(port));
}

static inline void outw(uint16_t v, uint16_t port)
{
    __asm__ __volatile__("outw %w0, %w1" ::"a"(v), "Nd"(port));
}

static inline void outl(uint32_t v, uint16_t port)
{
    __asm__ __volatile__("outl %0, %w1" ::"a"(v), "Nd"(port));
}

static inline uint32_t readl(const volatile void *addr)
{
    return *(const volatile uint32_t *)addr;
}

static inline void writel(uint32_t v, volatile void *addr)
{
    *(volatile uint32_t *)addr = v;
}

static inline void *ioremap(paddr_t pa)
{
    void *va = (void *)(uintptr_t)paddr_x(pa);

    /*
     * Hide the value from the compiler: it would otherwise take a fixed
     * address in the first page (the BIOS data area) for a bad pointer.
     */
    __asm__("" : "+r"(va));

    return va;
}

#endif /* ASM_X86_IO_H */
