/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turning machine addresses into hypervisor pointers and back. head.S
 * identity-maps the first 4 GiB; RAM above that is not used yet.
 */
#ifndef ASM_X86_PAGE_H
#define ASM_X86_PAGE_H

#include <xen/types.h>

/* Highest machine address (exclusive) the identity map covers. */
#define DIRECTMAP_LIMIT (1ULL << 32)

static inline void *maddr_to_virt(paddr_t ma)
{
    return (void *)(uintptr_t)paddr_x(ma);
}

static inline paddr_t virt_to_maddr(const void *va)
{
    return _paddr((uintptr_t)va);
}

#endif /* ASM_X86_PAGE_H */
