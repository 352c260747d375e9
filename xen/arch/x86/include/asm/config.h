/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_X86_CONFIG_H
#define ASM_X86_CONFIG_H

/*
 * Where the image is linked and loaded: 1 MiB, the usual multiboot load
 * address. The hypervisor runs from an identity map of the first 4 GiB.
 */
#define XEN_LINK_BASE 0x100000

#define STACK_SHIFT 14
#define STACK_SIZE  (1 << STACK_SHIFT)

#define BITS_PER_LONG 64

/* What XENVER_capabilities reports: PVH/HVM guests. */
#define XEN_CAPABILITIES                                                       \
    "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 "

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1 << PAGE_SHIFT)

/* Largest device tree accepted as a boot module (as on arm64). */
#define MAX_FDT_SIZE 0x200000

#endif /* ASM_X86_CONFIG_H */
