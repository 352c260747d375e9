/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 vCPU state. The VMCB a vCPU runs with belongs to the pCPU (so
 * nothing beyond struct vcpu has to be allocated or freed per vCPU): while
 * the vCPU is off a pCPU its state-save area is kept here, and copied into
 * the pCPU's VMCB when it is scheduled in.
 */
#ifndef ASM_X86_DOMAIN_H
#define ASM_X86_DOMAIN_H

#include <xen/types.h>
#include <asm/vmcb.h>
#include <public/hvm/hvm_vcpu.h>

/* The x87/SSE state as FXSAVE writes it (MXCSR at byte 24). */
struct fxsave_area {
    uint8_t bytes[512];
} __attribute__((aligned(16)));

struct arch_vcpu {
    struct svm_gprs gprs;   /* all but rax and rsp (those are in save) */
    struct vmcb_save save;  /* valid while the vCPU is off a pCPU */
    uint64_t hypercall_msr; /* last value written to the hypercall MSR */
    struct fxsave_area fpu; /* valid while the vCPU is off a pCPU */
    /*
     * The state VCPUOP_up starts it in (VCPUOP_initialise, once; the
     * first vCPU counts as initialised by the domain builder).
     */
    bool initialised;
    struct vcpu_hvm_context start;
};

#endif /* ASM_X86_DOMAIN_H */
