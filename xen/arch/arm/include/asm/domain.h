/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 vCPU state: the EL1 view the guest has of the machine. */
#ifndef ASM_ARM_DOMAIN_H
#define ASM_ARM_DOMAIN_H

#include <xen/types.h>
#include <asm/processor.h>

/* FP/SIMD registers (fpsimd.S fixes the layout). */
struct fpsimd_state {
    uint64_t v[32][2]; /* q0-q31 */
    uint64_t fpsr, fpcr;
} __attribute__((aligned(16)));

struct arch_vcpu {
    struct cpu_user_regs regs; /* x0-x30, pc, cpsr of the guest */
    /* During a trap from the guest: its frame on the pCPU's stack. */
    struct cpu_user_regs *frame;

    /* EL1 system registers, saved and restored around each run. */
    uint64_t sp_el0, sp_el1, elr_el1, spsr_el1;
    uint64_t sctlr_el1, cpacr_el1, vbar_el1;
    uint64_t ttbr0_el1, ttbr1_el1, tcr_el1, mair_el1, amair_el1;
    uint64_t esr_el1, far_el1, afsr0_el1, afsr1_el1, par_el1;
    uint64_t contextidr_el1, tpidr_el0, tpidr_el1, tpidrro_el0;
    uint64_t cntkctl_el1, csselr_el1;
    uint64_t vmpidr;

    /* Optional EL1 state, switched when the CPU has it. */
    uint64_t lorsa_el1, lorea_el1, lorn_el1, lorc_el1;
    uint64_t scxtnum_el0, scxtnum_el1;

    /* Pointer-authentication keys (lo, hi), when guests have them. */
    struct {
        uint64_t apia[2], apib[2], apda[2], apdb[2], apga[2];
    } pauth;

    /* The EL1 physical and virtual timers the guest programs. */
    uint64_t cntp_ctl, cntp_cval, cntv_ctl, cntv_cval;

    struct fpsimd_state fpsimd;
};

#endif /* ASM_ARM_DOMAIN_H */
