/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_CONFIG_H
#define ASM_ARM_CONFIG_H

/*
 * Where the image is linked. It is position independent and relocates
 * itself, so any 2 MiB-aligned load address works; QEMU virt loads it here
 * (RAM base + 2 MiB), which keeps xen-syms addresses right under a debugger.
 */
#define XEN_LINK_BASE 0x40200000

#define STACK_SHIFT 14
#define STACK_SIZE  (1 << STACK_SHIFT)

#define BITS_PER_LONG 64

/* What XENVER_capabilities reports: 64-bit Arm guests. */
#define XEN_CAPABILITIES "xen-3.0-aarch64 "

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1 << PAGE_SHIFT)

/* Largest device tree we accept from the boot loader (Xen uses 2 MiB). */
#define MAX_FDT_SIZE 0x200000

#endif /* ASM_ARM_CONFIG_H */
