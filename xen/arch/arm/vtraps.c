/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Synchronous exceptions from guests: hypercalls (HVC #0xEA1), PSCI (HVC
 * #0 or SMC), WFI, and aborts on guest-physical addresses with nothing
 * mapped, which are injected back into the guest as Xen does. Anything
 * else crashes the domain with a line saying what it did, never the
 * hypervisor.
 */
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/gic.h>
#include <asm/processor.h>
#include <asm/sysregs.h>
#include <asm/vcpu.h>
#include <public/xen.h>

#define EC_WFX      0x01
#define EC_HVC64    0x16
#define EC_SMC64    0x17
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25

#define ESR_IL     (1UL << 25)
#define FSC_EXTABT 0x10 /* synchronous external abort */

void do_trap_guest_sync(struct cpu_user_regs *regs);
void do_trap_guest_irq(struct cpu_user_regs *regs);

/* Leave this vCPU for another (or the same, if yield puts it back). */
static void __noreturn deschedule(struct vcpu *v, struct cpu_user_regs *regs,
                                  bool yield)
{
    v->arch.regs = *regs;
    vcpu_save_state(v);
    schedule(yield);
}

/*
 * Deliver a synchronous abort to the guest's EL1 vector table, as if its
 * access had hit nothing: ESR_EL1, FAR_EL1, ELR_EL1 and SPSR_EL1 as the
 * architecture would set them.
 */
static void inject_sync(struct vcpu *v, struct cpu_user_regs *regs,
                        uint64_t esr, uint64_t far)
{
    bool from_el0 = (regs->cpsr & 0xf) == 0;
    uint64_t vbar = READ_SYSREG(vbar_el1), offset;

    /* Current EL with SP_EL1: 0x200; with SP_EL0: 0x000; from EL0: 0x400. */
    offset = from_el0 ? 0x400 : (regs->cpsr & 1) ? 0x200 : 0x000;

    if ( regs->pc - vbar - offset < 0x80 )
        domain_crash(v->domain,
                     "abort while handling an abort (no usable vector table)");

    WRITE_SYSREG(esr, esr_el1);
    WRITE_SYSREG(far, far_el1);
    WRITE_SYSREG(regs->pc, elr_el1);
    WRITE_SYSREG(regs->cpsr, spsr_el1);
    regs->pc = vbar + offset;
    regs->cpsr = PSR_GUEST_INIT;
}

static void inject_abort(struct vcpu *v, struct cpu_user_regs *regs, bool instr,
                         uint64_t far)
{
    bool from_el0 = (regs->cpsr & 0xf) == 0;
    uint64_t ec = instr ? (from_el0 ? EC_IABT_LOW : EC_IABT_CUR)
                        : (from_el0 ? EC_DABT_LOW : EC_DABT_CUR);

    inject_sync(v, regs, (ec << 26) | ESR_IL | FSC_EXTABT, far);
}

/*
 * HVC #0xEA1: number in x16, arguments in x0..x4, result in x0. A call
 * that is to be continued gets its new number and arguments written back
 * and the PC rewound to the HVC (ELR_EL2 points after it), keeping x0 as
 * the new first argument rather than a result; the guest then makes the
 * call again when it next runs, here or after others had their turn.
 */
static void guest_hypercall(struct vcpu *v, struct cpu_user_regs *regs)
{
    const struct hypercall_continuation *c = &v->hcall;
    long rc = do_hypercall(regs->x[16], regs->x[0], regs->x[1], regs->x[2],
                           regs->x[3], regs->x[4]);
    unsigned int i;

    if ( !c->pending )
    {
        regs->x[0] = rc;
        if ( c->give_way )
            deschedule(v, regs, true);
        return;
    }

    regs->x[16] = c->op;
    for ( i = 0; i < c->nr_args; i++ )
        regs->x[i] = c->args[i];
    regs->pc -= 4;

    if ( schedule_should_yield() )
        deschedule(v, regs, true);
}

void do_trap_guest_sync(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    struct domain *d = v->domain;
    unsigned int ec = regs->esr >> 26;
    char why[80];

    switch ( ec )
    {
    case EC_HVC64:
        if ( (regs->esr & 0xffff) == XEN_HYPERCALL_TAG )
            guest_hypercall(v, regs);
        else if ( (regs->esr & 0xffff) == 0 )
            vpsci_call(v, regs);
        else
            /*
             * As Xen: any other immediate is an undefined instruction for
             * the guest, returning after the HVC as upstream does.
             */
            inject_sync(v, regs, ESR_IL, 0);
        break;

    case EC_SMC64:
        regs->pc += 4; /* trapped before it ran */
        vpsci_call(v, regs);
        break;

    case EC_WFX: regs->pc += 4; deschedule(v, regs, true);

    case EC_DABT_LOW:
    case EC_IABT_LOW:
        printk(
            XENLOG_DEBUG
            "d%u: %s at guest address 0x%llx (IPA 0x%llx): nothing mapped, abort injected\n",
            d->domain_id,
            ec == EC_DABT_LOW ? "data abort" : "instruction abort",
            (unsigned long long)regs->far,
            (unsigned long long)((READ_SYSREG(hpfar_el2) >> 4) << 12));
        inject_abort(v, regs, ec == EC_IABT_LOW, regs->far);
        break;

    default:
        snprintf(why, sizeof(why), "unhandled exception (ESR 0x%llx) at 0x%llx",
                 (unsigned long long)regs->esr, (unsigned long long)regs->pc);
        domain_crash(d, why);
    }

    if ( vcpu_must_stop(v) )
        deschedule(v, regs, false);
}

/*
 * The scheduler tick: a vCPU that has had its slice gives way if another
 * waits; otherwise it carries on with a new slice (the common slice and
 * the timer start again together).
 */
void do_trap_guest_irq(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    uint32_t iar = gic_ack(), irq = iar & 0xffffff;

    if ( irq >= 1020 )
        return; /* spurious */

    gic_eoi(iar);
    if ( irq != IRQ_HYP_TIMER )
        return;

    /* Its domain is going away (or it stops): it leaves here. */
    if ( vcpu_must_stop(v) )
        deschedule(v, regs, false);
    if ( schedule_has_waiting() )
        deschedule(v, regs, true);
    schedule_new_slice();
    vcpu_arm_tick();
}
