/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host harness: "machine memory" is a set of host buffers registered with
 * harness_ram_add(), so a machine address is translated by table lookup,
 * not by identity as on the real architectures.
 */
#ifndef ASM_HARNESS_PAGE_H
#define ASM_HARNESS_PAGE_H

#include <xen/types.h>

#define DIRECTMAP_LIMIT (1ULL << 48)

void *maddr_to_virt(paddr_t ma);
paddr_t virt_to_maddr(const void *va);

#endif
