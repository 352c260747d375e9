/* SPDX-License-Identifier: MIT */
/*
 * VCPUOP_initialise for x86 HVM and PVH guests: the state a vCPU starts
 * in when VCPUOP_up starts it, in 32-bit protected mode or in 64-bit
 * mode. Upstream's layout (struct vcpu_hvm_context, 128 bytes).
 */
#ifndef __XEN_PUBLIC_HVM_HVM_VCPU_H__
#define __XEN_PUBLIC_HVM_HVM_VCPU_H__

#include "../xen.h"

#ifndef __ASSEMBLY__

/* 32-bit protected mode, paging on or off. 120 bytes. */
struct vcpu_hvm_x86_32 {
    uint32_t eax;
    uint32_t ecx;
    uint32_t edx;
    uint32_t ebx;
    uint32_t esp;
    uint32_t ebp;
    uint32_t esi;
    uint32_t edi;
    uint32_t eip;
    uint32_t eflags;

    uint32_t cr0;
    uint32_t cr3;
    uint32_t cr4;

    uint32_t pad1;

    /*
     * Only for NXE (32-bit paging with NX), or LME/LMA to start in
     * compatibility mode.
     */
    uint64_t efer;

    uint32_t cs_base;
    uint32_t ds_base;
    uint32_t ss_base;
    uint32_t es_base;
    uint32_t tr_base;
    uint32_t cs_limit;
    uint32_t ds_limit;
    uint32_t ss_limit;
    uint32_t es_limit;
    uint32_t tr_limit;
    /*
     * Segment attributes: bits 3:0 type, 4 S, 6:5 DPL, 7 P, 8 AVL, 9 L,
     * 10 D/B, 11 G (descriptor bits 40-47 and 52-55); bits 15:12 zero.
     */
    uint16_t cs_ar;
    uint16_t ds_ar;
    uint16_t ss_ar;
    uint16_t es_ar;
    uint16_t tr_ar;

    uint16_t pad2[3];
};

/*
 * 64-bit mode: flat segments (CS a 64-bit code segment), CR0.PG and PE,
 * CR4.PAE and EFER.LME set. 112 bytes.
 */
struct vcpu_hvm_x86_64 {
    uint64_t rax;
    uint64_t rcx;
    uint64_t rdx;
    uint64_t rbx;
    uint64_t rsp;
    uint64_t rbp;
    uint64_t rsi;
    uint64_t rdi;
    uint64_t rip;
    uint64_t rflags;

    uint64_t cr0;
    uint64_t cr3;
    uint64_t cr4;
    uint64_t efer;
};

struct vcpu_hvm_context {
#define VCPU_HVM_MODE_32B 0 /* 32-bit protected mode (x86_32) */
#define VCPU_HVM_MODE_64B 1 /* 64-bit mode (x86_64) */
    uint32_t mode;

    uint32_t pad;

    union {
        struct vcpu_hvm_x86_32 x86_32;
        struct vcpu_hvm_x86_64 x86_64;
    } cpu_regs;
};
typedef struct vcpu_hvm_context vcpu_hvm_context_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_hvm_context_t);

#endif /* __ASSEMBLY__ */

#endif /* __XEN_PUBLIC_HVM_HVM_VCPU_H__ */
