/* SPDX-License-Identifier: MIT */
/*
 * The guest interface, x86_64 specifics.
 *
 * Registers of a hypercall from a 64-bit guest:
 *  - number in rax, arguments 1..5 in rdi, rsi, rdx, r10, r8;
 *  - result in rax (a negative value is -XEN_Exxx, see errno.h);
 *  - the argument registers a call takes may be clobbered.
 * The hypercall page is 4 KiB of 32-byte stubs, one per number 0..127.
 */
#ifndef __x86_64__
#error "arch-x86/xen-x86_64.h is for x86_64 guests"
#endif

/* Included by arch-x86/xen.h; including it first pulls in xen.h. */
#include "../xen.h"

#ifndef __XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__
#define __XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__

/* Bytes per stub in the hypercall page (ours: upstream says it in prose). */
#define XEN_HYPERCALL_STUB_SIZE 32

#ifndef __ASSEMBLY__

/* The x86_64 part of vcpu_info: 16 bytes. */
struct arch_vcpu_info {
    uint64_t cr2; /* PV: faulting address of the last page fault */
    uint64_t pad;
};
typedef struct arch_vcpu_info arch_vcpu_info_t;

/* A callback address (PV). */
typedef uint64_t xen_callback_t;

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__ */
