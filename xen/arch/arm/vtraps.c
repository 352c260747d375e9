/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Synchronous exceptions from guests: hypercalls (HVC #0xEA1), PSCI (HVC
 * #0 or SMC), WFI, trapped system registers (vsysreg.c), and aborts on
 * guest-physical addresses with nothing mapped, which are injected back
 * into the guest as Xen does (unless the P2M maps the address by now: the
 * access raced with a change). Anything else trapped (SVE, SME, pointer
 * authentication when guests do not get it, ...) is an undefined
 * instruction for the guest, as on upstream Xen; never a crash of the
 * hypervisor. Traps from a guest's AArch32 EL0 come here too.
 *
 * Every handler returns. entry.S then calls leave_hypervisor_to_guest(),
 * the one place that decides whether the vCPU goes back into its guest
 * or leaves its pCPU (sched.h, vcpu_leave_action()).
 */
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <asm/cpufeature.h>
#include <asm/gic.h>
#include <asm/processor.h>
#include <asm/sysregs.h>
#include <asm/vcpu.h>
#include <public/xen.h>

#define EC_UNKNOWN  0x00
#define EC_WFX      0x01
#define EC_HVC64    0x16
#define EC_SMC64    0x17
#define EC_SYSREG   0x18
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25

#define ESR_IL       (1UL << 25)
#define ESR_EC_SHIFT 26
#define FSC_EXTABT   0x10 /* synchronous external abort */
#define FSC_TYPE     0x3c /* DFSC/IFSC without the level */
#define FSC_TRANS    0x04 /* translation fault, levels 0-3 */

/* HPFAR_EL2.FIPA: bits 51:12 of the faulting IPA, at bit 4. */
#define HPFAR_FIPA_MASK 0x00000fffffffffffUL

void do_trap_guest_sync(struct cpu_user_regs *regs);
void do_trap_guest_irq(struct cpu_user_regs *regs);
void leave_hypervisor_to_guest(struct cpu_user_regs *regs);

/*
 * Deliver a synchronous exception to the guest's EL1 vector table:
 * ESR_EL1, FAR_EL1, ELR_EL1, SPSR_EL1 and PSTATE as the architecture
 * would set them.
 */
#define PSR_AARCH32 (1UL << 4)
#define PSR_SSBS    (1UL << 12)
#define PSR_PAN     (1UL << 22)
#define SCTLR_SPAN  (1UL << 23)
#define SCTLR_DSSBS (1UL << 44)

static void inject_sync(struct vcpu *v, struct cpu_user_regs *regs,
                        uint64_t esr, uint64_t far)
{
    bool from_el0 = (regs->cpsr & 0xf) == 0;
    uint64_t vbar = READ_SYSREG(vbar_el1), offset;
    uint64_t sctlr = READ_SYSREG(sctlr_el1);

    /*
     * Current EL with SP_EL1: 0x200; with SP_EL0: 0x000; from AArch64
     * EL0: 0x400; from AArch32 EL0: 0x600.
     */
    if ( from_el0 )
        offset = (regs->cpsr & PSR_AARCH32) ? 0x600 : 0x400;
    else
        offset = (regs->cpsr & 1) ? 0x200 : 0x000;

    if ( regs->pc - vbar - offset < 0x80 )
    {
        domain_crash(v->domain,
                     "abort while handling an abort (no usable vector table)");
        return;
    }

    WRITE_SYSREG(esr, esr_el1);
    WRITE_SYSREG(far, far_el1);
    WRITE_SYSREG(regs->pc, elr_el1);
    WRITE_SYSREG(regs->cpsr, spsr_el1);
    regs->pc = vbar + offset;
    /*
     * EL1h, DAIF masked; PAN set unless SCTLR_EL1.SPAN says otherwise
     * (SPAN is RES1 without PAN); SSBS from SCTLR_EL1.DSSBS (RES0
     * without SSBS).
     */
    regs->cpsr = PSR_GUEST_INIT | (sctlr & SCTLR_SPAN ? 0 : PSR_PAN) |
                 (sctlr & SCTLR_DSSBS ? PSR_SSBS : 0);
}

/* Unknown reason (EC 0), the trapped instruction's length. */
void inject_undef(struct vcpu *v, struct cpu_user_regs *regs)
{
    inject_sync(v, regs, regs->esr & ESR_IL, 0);
}

/*
 * Past the trapped instruction: 4 bytes, or 2 for a 16-bit T32 one; in a
 * T32 IT block (AArch32 EL0), ITSTATE moves on as the instruction would
 * have moved it: IT[7:2] is SPSR[15:10], IT[1:0] SPSR[26:25].
 */
#define PSR_THUMB (1UL << 5)

static void advance_pc(struct cpu_user_regs *regs)
{
    uint64_t psr = regs->cpsr;
    unsigned int it = ((psr >> 8) & 0xfc) | ((psr >> 25) & 0x3);

    regs->pc += (regs->esr & ESR_IL) ? 4 : 2;
    if ( !(psr & PSR_AARCH32) || !(psr & PSR_THUMB) || !it )
        return;

    it = (it & 0x7) ? (it & 0xe0) | ((it << 1) & 0x1f) : 0;
    psr &= ~((0x3fUL << 10) | (0x3UL << 25));
    regs->cpsr =
        psr | ((uint64_t)(it & 0xfc) << 8) | ((uint64_t)(it & 0x3) << 25);
}

static void inject_abort(struct vcpu *v, struct cpu_user_regs *regs, bool instr,
                         uint64_t far)
{
    bool from_el0 = (regs->cpsr & 0xf) == 0;
    uint64_t ec = instr ? (from_el0 ? EC_IABT_LOW : EC_IABT_CUR)
                        : (from_el0 ? EC_DABT_LOW : EC_DABT_CUR);

    inject_sync(v, regs, (ec << ESR_EC_SHIFT) | ESR_IL | FSC_EXTABT, far);
}

/*
 * The hypercall registers (hypercall.h): HVC #0xEA1 with the number in
 * x16, arguments in x0..x4, the result in x0. ELR_EL2 already points
 * after the HVC; a continued call goes back to it.
 */
unsigned long arch_hypercall_op(const struct vcpu *v)
{
    return v->arch.frame->x[16];
}

unsigned long arch_hypercall_arg(const struct vcpu *v, unsigned int i)
{
    return v->arch.frame->x[i];
}

void arch_hypercall_set_result(struct vcpu *v, long rc)
{
    v->arch.frame->x[0] = rc;
}

void arch_hypercall_set_op(struct vcpu *v, unsigned long op)
{
    v->arch.frame->x[16] = op;
}

void arch_hypercall_set_arg(struct vcpu *v, unsigned int i, unsigned long val)
{
    v->arch.frame->x[i] = val;
}

void arch_hypercall_rewind(struct vcpu *v)
{
    v->arch.frame->pc -= 4;
}

/*
 * A stage-2 translation fault on an IPA that the P2M maps by now: the
 * access raced with a change of that entry, which break-before-make
 * leaves invalid for a moment (common/p2m.c); the lookup waited for the
 * change to finish. The guest just tries again.
 */
static bool stage2_fault_raced(struct domain *d, uint64_t esr)
{
    uint64_t gfn = (READ_SYSREG(hpfar_el2) >> 4) & HPFAR_FIPA_MASK;
    p2m_type_t t;

    if ( (esr & FSC_TYPE) != FSC_TRANS )
        return false;
    p2m_lookup(d, _gfn(gfn), &t);

    return t != p2m_invalid;
}

void do_trap_guest_sync(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    struct domain *d = v->domain;
    unsigned int ec = regs->esr >> ESR_EC_SHIFT;

    v->arch.frame = regs;
    switch ( ec )
    {
    case EC_HVC64:
        if ( (regs->esr & 0xffff) == XEN_HYPERCALL_TAG )
            hypercall_trap(v);
        else if ( (regs->esr & 0xffff) == 0 )
            vpsci_call(v, regs);
        else
            /*
             * As Xen: any other immediate is an undefined instruction for
             * the guest, returning after the HVC as upstream does.
             */
            inject_sync(v, regs, (EC_UNKNOWN << ESR_EC_SHIFT) | ESR_IL, 0);
        break;

    case EC_SMC64:
        regs->pc += 4; /* trapped before it ran */
        vpsci_call(v, regs);
        break;

    case EC_WFX:
        advance_pc(regs);
        vcpu_ask_yield(v);
        break;

    case EC_SYSREG: do_guest_sysreg(v, regs); break;

    case EC_DABT_LOW:
    case EC_IABT_LOW:
        if ( stage2_fault_raced(d, regs->esr) )
            break;
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
        /*
         * As upstream: an undefined instruction for the guest. That is
         * what SVE (EC 0x19) and SME (0x1d) get, trapped by CPTR_EL2 and
         * hidden from the ID registers, and pointer authentication (0x09)
         * when guests do not get it.
         */
        printk(XENLOG_DEBUG
               "d%u: trap ESR 0x%llx at 0x%llx: undefined instruction "
               "injected\n",
               d->domain_id, (unsigned long long)regs->esr,
               (unsigned long long)regs->pc);
        inject_undef(v, regs);
    }
}

/*
 * An interrupt while a guest ran: the scheduler's tick, or a kick from
 * another pCPU, which needs nothing more than the leave path that
 * follows.
 */
void do_trap_guest_irq(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    uint32_t iar = gic_ack(), irq = iar & 0xffffff;

    v->arch.frame = regs;
    if ( irq >= GIC_SPURIOUS )
        return;

    gic_eoi(iar);
    if ( irq == IRQ_HYP_TIMER )
        vcpu_tick(v);
    else if ( irq < GIC_NR_SGIS )
        cpu_kick_taken();
}

/*
 * The one way back to the guest, after every trap handler (entry.S): the
 * vCPU goes back into its guest from the frame, or leaves its pCPU.
 */
void leave_hypervisor_to_guest(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    enum leave_action action;
    bool new_tick;

    v->arch.frame = NULL;
    action = vcpu_leave_action(v, &new_tick);
    if ( action == LEAVE_RESUME )
    {
        if ( new_tick )
            vcpu_arm_tick();
        return;
    }

    v->arch.regs = *regs;
    vcpu_save_state(v);
    schedule(action == LEAVE_YIELD);
}
