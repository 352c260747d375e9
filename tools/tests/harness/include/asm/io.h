/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_HARNESS_IO_H
#define ASM_HARNESS_IO_H

#include <xen/types.h>

static inline void *ioremap(paddr_t pa)
{
    return (void *)(uintptr_t)paddr_x(pa);
}

#endif
