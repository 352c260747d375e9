/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_VCPU_H
#define ASM_ARM_VCPU_H

#include <xen/types.h>

struct vcpu;
struct cpu_user_regs;

/* PSTATE a guest vCPU starts with: EL1h, D, A, I, F masked. */
#define PSR_GUEST_INIT 0x3c5UL

/*
 * Reset v to start at EL1 at pc with x0, MMU and caches off (at boot and
 * at PSCI CPU_ON); v is on no pCPU.
 */
void vcpu_arm_reset(struct vcpu *v, uint64_t pc, uint64_t x0);

/*
 * Save the state of the vCPU that is on this pCPU and leaving it: EL1
 * system registers, its timers (then stopped) and FP/SIMD registers.
 */
void vcpu_save_state(struct vcpu *v);

/* fpsimd.S */
struct fpsimd_state;
void fpsimd_save(struct fpsimd_state *s);
void fpsimd_restore(const struct fpsimd_state *s);

/* Start this pCPU's scheduler tick (one time slice from now). */
void vcpu_arm_tick(void);

/* Guest PSCI calls (HVC #0 or SMC); the result goes in x0. */
void vpsci_call(struct vcpu *v, struct cpu_user_regs *regs);

#endif /* ASM_ARM_VCPU_H */
