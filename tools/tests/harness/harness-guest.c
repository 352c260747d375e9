/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Harness for guests making hypercalls (for tests that link the
 * scheduler and the hypercall code): guest virtual addresses, and the
 * hypercall trap as an architecture's trap handler does it.
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/sched.h>
#include <xen/version.h>
#include "harness.h"

/*
 * vcpu_op, the harness's way: every subop passes; a vCPU's context is one
 * word, the PC it starts at, kept once (-EEXIST after) until VCPUOP_up.
 */
static uint64_t start_pc[MAX_VIRT_CPUS];
static bool has_start[MAX_VIRT_CPUS];

bool arch_vcpu_op_passes(unsigned int cmd)
{
    return true;
}

long arch_vcpu_initialise(struct vcpu *v, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    uint64_t pc;

    if ( copy_from_guest(&pc, arg, 1) )
        return -EFAULT;
    if ( has_start[v->vcpu_id] )
        return -EEXIST;
    start_pc[v->vcpu_id] = pc;
    has_start[v->vcpu_id] = true;

    return 0;
}

static void start_at_pc(struct vcpu *v, const void *arg)
{
    v->arch.regs.r[HARNESS_REG_PC] = start_pc[v->vcpu_id];
}

int arch_vcpu_op_up(struct vcpu *v)
{
    if ( !has_start[v->vcpu_id] )
        return -EINVAL;

    vcpu_up(v, start_at_pc, NULL); /* -EBUSY: up already, 0 */
    return 0;
}

/* ---- Guest virtual addresses: RAM at a fixed offset, nothing else -------- */

int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa)
{
    if ( gva < HARNESS_GVA_OFFSET || gva - HARNESS_GVA_OFFSET >= (1ULL << 40) )
        return -EFAULT;
    *gpa = gva - HARNESS_GVA_OFFSET;

    return 0;
}

/* ---- What the architecture adds to XENVER_get_features: nothing ---------- */

uint32_t arch_feature_submap0(const struct domain *d)
{
    return 0;
}

/* ---- The hypercall trap, as an architecture's trap handler does it ------- */

/* The harness's register convention (asm/processor.h), on v->arch.regs. */
static const unsigned int hc_args[] = HARNESS_REG_ARGS;

unsigned long arch_hypercall_op(const struct vcpu *v)
{
    return v->arch.regs.r[HARNESS_REG_NR];
}

unsigned long arch_hypercall_arg(const struct vcpu *v, unsigned int i)
{
    return v->arch.regs.r[hc_args[i]];
}

void arch_hypercall_set_result(struct vcpu *v, long rc)
{
    v->arch.regs.r[HARNESS_REG_RES] = rc;
}

void arch_hypercall_set_op(struct vcpu *v, unsigned long op)
{
    v->arch.regs.r[HARNESS_REG_NR] = op;
}

void arch_hypercall_set_arg(struct vcpu *v, unsigned int i, unsigned long val)
{
    v->arch.regs.r[hc_args[i]] = val;
}

void arch_hypercall_rewind(struct vcpu *v)
{
    v->arch.regs.r[HARNESS_REG_PC] -= HARNESS_TRAP_LEN;
}

/* The leave path, as vtraps.c and vcpu.c (x86) end every exit. */
void harness_leave(struct vcpu *v)
{
    bool new_tick;
    enum leave_action action = vcpu_leave_action(v, &new_tick);

    if ( action != LEAVE_RESUME )
        schedule(action == LEAVE_YIELD);
}

/* The trap, then the leave path. */
void harness_hypercall(struct vcpu *v)
{
    v->arch.regs.r[HARNESS_REG_PC] += HARNESS_TRAP_LEN;
    hypercall_trap(v);
    harness_leave(v);
}
