/* SPDX-License-Identifier: GPL-2.0-only */
/* Host harness: the "architecture" common code is tested against. */
#ifndef ASM_HARNESS_CONFIG_H
#define ASM_HARNESS_CONFIG_H

#define STACK_SHIFT    14
#define STACK_SIZE     (1 << STACK_SHIFT)
#define BITS_PER_LONG  64

#define XEN_CAPABILITIES "xen-3.0-harness "

#define PAGE_SHIFT     12
#define PAGE_SIZE      (1 << PAGE_SHIFT)

#endif
