/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turning machine addresses into hypervisor pointers and back. All RAM
 * the hypervisor uses is identity-mapped (head.S maps the first 512 GiB).
 */
#ifndef ASM_ARM_PAGE_H
#define ASM_ARM_PAGE_H

#include <xen/types.h>

/* Highest machine address (exclusive) the identity map covers. */
#define DIRECTMAP_LIMIT (1ULL << 39)

static inline void *maddr_to_virt(paddr_t ma)
{
    return (void *)(uintptr_t)paddr_x(ma);
}

static inline paddr_t virt_to_maddr(const void *va)
{
    return _paddr((uintptr_t)va);
}

#endif /* ASM_ARM_PAGE_H */
