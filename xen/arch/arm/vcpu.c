/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 vCPUs: EL1 state, entering a guest, the idle loop (WFI, woken by
 * a kick: SGI 0).
 *
 * Guests run at EL1 under stage-2 translation (HCR_EL2.VM) with SMC, WFI,
 * physical interrupts, the ID registers and the features guests do not
 * get trapped to EL2 (cpufeature.c says which). A vCPU's general
 * registers live in v->arch.regs while it is not on a pCPU; its EL1
 * system registers (with the LORegion and SCXTNUM ones and the pointer-
 * authentication keys where guests have them), EL1 timers and FP/SIMD
 * registers are saved when it leaves a pCPU and restored when it comes
 * back, so vCPUs sharing a pCPU never see each other's state.
 */
#include <xen/arch-hooks.h>
#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <asm/cpufeature.h>
#include <asm/gic.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/sysregs.h>
#include <asm/vcpu.h>
#include <public/vcpu.h>

void __noreturn enter_guest(const struct cpu_user_regs *regs,
                            uint64_t stack_top);

/* SCTLR_EL1 out of reset for a guest: RES1 bits only, MMU and caches off. */
#define SCTLR_EL1_GUEST_INIT 0x30d00800UL

/*
 * The state a vCPU starts in (at boot, and at each PSCI CPU_ON): EL1h
 * with DAIF masked at pc, x0 as given, every other general register
 * zero, and its MMU and caches off with the translation registers
 * cleared (as upstream resets them for CPU_ON). Its other EL1 registers
 * keep what they held.
 */
void vcpu_arm_reset(struct vcpu *v, uint64_t pc, uint64_t x0)
{
    memset(&v->arch.regs, 0, sizeof(v->arch.regs));
    v->arch.regs.pc = pc;
    v->arch.regs.x[0] = x0;
    v->arch.regs.cpsr = PSR_GUEST_INIT;
    v->arch.sctlr_el1 = SCTLR_EL1_GUEST_INIT;
    v->arch.ttbr0_el1 = 0;
    v->arch.ttbr1_el1 = 0;
    v->arch.tcr_el1 = 0;
}

int arch_vcpu_init(struct vcpu *v)
{
    vcpu_arm_reset(v, 0, 0);
    /* MPIDR the guest sees: Aff0 = vCPU number, bit 31 RES1. */
    v->arch.vmpidr = (1UL << 31) | v->vcpu_id;

    return 0;
}

/*
 * vcpu_op on Arm, as upstream: only registering a vcpu_info or a runstate
 * area reaches the common code; every other subop is -EINVAL (vCPUs are
 * started with PSCI CPU_ON, vpsci.c), so the two below are never called.
 */
bool arch_vcpu_op_passes(unsigned int cmd)
{
    return cmd == VCPUOP_register_vcpu_info ||
           cmd == VCPUOP_register_runstate_memory_area;
}

long arch_vcpu_initialise(struct vcpu *v, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    return -EOPNOTSUPP;
}

int arch_vcpu_op_up(struct vcpu *v)
{
    return -EOPNOTSUPP;
}

void vcpu_save_state(struct vcpu *v)
{
    struct arch_vcpu *a = &v->arch;

    fpsimd_save(&a->fpsimd);

    /* The timers stop while their vCPU is off the pCPU. */
    a->cntp_ctl = READ_SYSREG(cntp_ctl_el0);
    a->cntp_cval = READ_SYSREG(cntp_cval_el0);
    a->cntv_ctl = READ_SYSREG(cntv_ctl_el0);
    a->cntv_cval = READ_SYSREG(cntv_cval_el0);
    WRITE_SYSREG(0, cntp_ctl_el0);
    WRITE_SYSREG(0, cntv_ctl_el0);

    a->sp_el0 = READ_SYSREG(sp_el0);
    a->sp_el1 = READ_SYSREG(sp_el1);
    a->elr_el1 = READ_SYSREG(elr_el1);
    a->spsr_el1 = READ_SYSREG(spsr_el1);
    a->sctlr_el1 = READ_SYSREG(sctlr_el1);
    a->cpacr_el1 = READ_SYSREG(cpacr_el1);
    a->vbar_el1 = READ_SYSREG(vbar_el1);
    a->ttbr0_el1 = READ_SYSREG(ttbr0_el1);
    a->ttbr1_el1 = READ_SYSREG(ttbr1_el1);
    a->tcr_el1 = READ_SYSREG(tcr_el1);
    a->mair_el1 = READ_SYSREG(mair_el1);
    a->amair_el1 = READ_SYSREG(amair_el1);
    a->esr_el1 = READ_SYSREG(esr_el1);
    a->far_el1 = READ_SYSREG(far_el1);
    a->afsr0_el1 = READ_SYSREG(afsr0_el1);
    a->afsr1_el1 = READ_SYSREG(afsr1_el1);
    a->par_el1 = READ_SYSREG(par_el1);
    a->contextidr_el1 = READ_SYSREG(contextidr_el1);
    a->tpidr_el0 = READ_SYSREG(tpidr_el0);
    a->tpidr_el1 = READ_SYSREG(tpidr_el1);
    a->tpidrro_el0 = READ_SYSREG(tpidrro_el0);
    a->cntkctl_el1 = READ_SYSREG(cntkctl_el1);
    a->csselr_el1 = READ_SYSREG(csselr_el1);

    if ( host_cpu.lor )
    {
        a->lorsa_el1 = READ_SYSREG(LORSA_EL1);
        a->lorea_el1 = READ_SYSREG(LOREA_EL1);
        a->lorn_el1 = READ_SYSREG(LORN_EL1);
        a->lorc_el1 = READ_SYSREG(LORC_EL1);
    }
    if ( host_cpu.scxtnum )
    {
        a->scxtnum_el0 = READ_SYSREG(SCXTNUM_EL0);
        a->scxtnum_el1 = READ_SYSREG(SCXTNUM_EL1);
    }
    if ( host_cpu.guest_pauth )
    {
        a->pauth.apia[0] = READ_SYSREG(APIAKEYLO_EL1);
        a->pauth.apia[1] = READ_SYSREG(APIAKEYHI_EL1);
        a->pauth.apib[0] = READ_SYSREG(APIBKEYLO_EL1);
        a->pauth.apib[1] = READ_SYSREG(APIBKEYHI_EL1);
        a->pauth.apda[0] = READ_SYSREG(APDAKEYLO_EL1);
        a->pauth.apda[1] = READ_SYSREG(APDAKEYHI_EL1);
        a->pauth.apdb[0] = READ_SYSREG(APDBKEYLO_EL1);
        a->pauth.apdb[1] = READ_SYSREG(APDBKEYHI_EL1);
        a->pauth.apga[0] = READ_SYSREG(APGAKEYLO_EL1);
        a->pauth.apga[1] = READ_SYSREG(APGAKEYHI_EL1);
    }
}

/*
 * The guest's pointer-authentication keys (HCR_EL2.APK lets it write
 * them). The hypervisor signs nothing itself (SCTLR_EL2.EnIA and the
 * others are 0), so the registers only ever hold guest keys.
 */
static void restore_pauth_keys(const struct arch_vcpu *a)
{
    WRITE_SYSREG(a->pauth.apia[0], APIAKEYLO_EL1);
    WRITE_SYSREG(a->pauth.apia[1], APIAKEYHI_EL1);
    WRITE_SYSREG(a->pauth.apib[0], APIBKEYLO_EL1);
    WRITE_SYSREG(a->pauth.apib[1], APIBKEYHI_EL1);
    WRITE_SYSREG(a->pauth.apda[0], APDAKEYLO_EL1);
    WRITE_SYSREG(a->pauth.apda[1], APDAKEYHI_EL1);
    WRITE_SYSREG(a->pauth.apdb[0], APDBKEYLO_EL1);
    WRITE_SYSREG(a->pauth.apdb[1], APDBKEYHI_EL1);
    WRITE_SYSREG(a->pauth.apga[0], APGAKEYLO_EL1);
    WRITE_SYSREG(a->pauth.apga[1], APGAKEYHI_EL1);
}

static void restore_sysregs(const struct vcpu *v)
{
    const struct arch_vcpu *a = &v->arch;

    WRITE_SYSREG(a->sp_el0, sp_el0);
    WRITE_SYSREG(a->sp_el1, sp_el1);
    WRITE_SYSREG(a->elr_el1, elr_el1);
    WRITE_SYSREG(a->spsr_el1, spsr_el1);
    WRITE_SYSREG(a->sctlr_el1, sctlr_el1);
    WRITE_SYSREG(a->cpacr_el1, cpacr_el1);
    WRITE_SYSREG(a->vbar_el1, vbar_el1);
    WRITE_SYSREG(a->ttbr0_el1, ttbr0_el1);
    WRITE_SYSREG(a->ttbr1_el1, ttbr1_el1);
    WRITE_SYSREG(a->tcr_el1, tcr_el1);
    WRITE_SYSREG(a->mair_el1, mair_el1);
    WRITE_SYSREG(a->amair_el1, amair_el1);
    WRITE_SYSREG(a->esr_el1, esr_el1);
    WRITE_SYSREG(a->far_el1, far_el1);
    WRITE_SYSREG(a->afsr0_el1, afsr0_el1);
    WRITE_SYSREG(a->afsr1_el1, afsr1_el1);
    WRITE_SYSREG(a->par_el1, par_el1);
    WRITE_SYSREG(a->contextidr_el1, contextidr_el1);
    WRITE_SYSREG(a->tpidr_el0, tpidr_el0);
    WRITE_SYSREG(a->tpidr_el1, tpidr_el1);
    WRITE_SYSREG(a->tpidrro_el0, tpidrro_el0);
    WRITE_SYSREG(a->cntkctl_el1, cntkctl_el1);
    WRITE_SYSREG(a->csselr_el1, csselr_el1);
    WRITE_SYSREG(a->vmpidr, vmpidr_el2);
    if ( host_cpu.lor )
    {
        WRITE_SYSREG(a->lorsa_el1, LORSA_EL1);
        WRITE_SYSREG(a->lorea_el1, LOREA_EL1);
        WRITE_SYSREG(a->lorn_el1, LORN_EL1);
        WRITE_SYSREG(a->lorc_el1, LORC_EL1);
    }
    if ( host_cpu.scxtnum )
    {
        WRITE_SYSREG(a->scxtnum_el0, SCXTNUM_EL0);
        WRITE_SYSREG(a->scxtnum_el1, SCXTNUM_EL1);
    }
    if ( host_cpu.guest_pauth )
        restore_pauth_keys(a);

    WRITE_SYSREG(a->cntp_cval, cntp_cval_el0);
    WRITE_SYSREG(a->cntp_ctl, cntp_ctl_el0);
    WRITE_SYSREG(a->cntv_cval, cntv_cval_el0);
    WRITE_SYSREG(a->cntv_ctl, cntv_ctl_el0);

    fpsimd_restore(&a->fpsimd);
}

static uint64_t vtcr_value(void)
{
    uint64_t pa = READ_SYSREG(id_aa64mmfr0_el1) & 0xf;

    if ( pa > 2 )
        pa = 2; /* 40 bits: what P2M_IPA_BITS needs, and no more */

    return VTCR_RES1 | VTCR_T0SZ | VTCR_SL0_L1 | VTCR_IRGN0_WBWA |
           VTCR_ORGN0_WBWA | VTCR_SH0_INNER | VTCR_TG0_4K |
           (pa << VTCR_PS_SHIFT);
}

#define NS_PER_S 1000000000ULL

/* A time slice (SCHED_SLICE_NS) of the generic timer from now. */
void vcpu_arm_tick(void)
{
    uint64_t ticks = READ_SYSREG(cntfrq_el0) * SCHED_SLICE_NS / NS_PER_S;

    if ( !gic_present() )
        return;
    WRITE_SYSREG(ticks, cnthp_tval_el2);
    WRITE_SYSREG(1, cnthp_ctl_el2); /* enabled, not masked */
}

/* The generic counter in nanoseconds, without overflowing the product. */
uint64_t arch_now_ns(void)
{
    uint64_t freq = READ_SYSREG(cntfrq_el0), count;

    isb(); /* not read ahead of what came before */
    count = READ_SYSREG(cntpct_el0);

    return (count / freq) * NS_PER_S + (count % freq) * NS_PER_S / freq;
}

void arch_run_vcpu(struct vcpu *v)
{
    struct p2m_domain *p2m = &v->domain->p2m;
    unsigned int cpu = smp_processor_id();

    WRITE_SYSREG(vtcr_value(), vtcr_el2);
    WRITE_SYSREG(((uint64_t)p2m->arch.vmid << 48) |
                     paddr_x(mfn_to_maddr(p2m->root)),
                 vttbr_el2);
    WRITE_SYSREG(guest_hcr_el2(), hcr_el2);
    WRITE_SYSREG(guest_cptr_el2(), cptr_el2);
    isb();
    restore_sysregs(v);
    /* EL1 may read the physical counter and use its physical timer. */
    WRITE_SYSREG(3, cnthctl_el2);
    WRITE_SYSREG(0, cntvoff_el2);
    vcpu_arm_tick();
    isb();

    enter_guest(&v->arch.regs, (uintptr_t)&cpu_stacks[cpu][STACK_SIZE]);
}

/*
 * Wait for an interrupt with WFI, which ends when one is pending whatever
 * PSTATE.I says (EL2 runs with IRQs masked): a kick sent after the
 * scheduler marked this pCPU idle is pending in the GIC already, and the
 * wait ends at once. What is pending is then acknowledged here. The tick
 * is stopped first: it is for vCPUs (arch_run_vcpu() arms it again), and
 * its level-triggered PPI would end every wait.
 *
 * Why not WFE/SEV: under QEMU's TCG, WFE does not halt (it only yields
 * the host thread), so idle pCPUs would spin; WFI halts the pCPU until an
 * interrupt, and an SGI reaches one pCPU instead of waking every one.
 * Without a GIC there are neither SGIs nor a tick: WFE and SEV then.
 */
void arch_cpu_idle(void)
{
    uint32_t iar;

    if ( !gic_present() )
    {
        __asm__ __volatile__("wfe" ::: "memory");
        return;
    }

    WRITE_SYSREG(0, cnthp_ctl_el2);
    isb();
    __asm__ __volatile__("dsb sy\n\twfi" ::: "memory");

    while ( ((iar = gic_ack()) & 0xffffff) < GIC_SPURIOUS )
    {
        gic_eoi(iar);
        if ( (iar & 0xffffff) < GIC_NR_SGIS )
            cpu_kick_taken();
    }
}

void arch_cpu_kick(unsigned int cpu)
{
    if ( gic_present() )
        gic_send_sgi(bootinfo.cpu_hwid[cpu], SGI_KICK);
    else
        __asm__ __volatile__("dsb ish\n\tsev" ::: "memory");
}

/*
 * Guest virtual to guest physical with the guest's own stage-1 tables
 * (identity while its MMU is off): AT S1E1R/W. PAR_EL1 is the guest's:
 * it is put back afterwards.
 */
int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa)
{
    uint64_t saved = READ_SYSREG(par_el1), par;

    if ( write )
        __asm__ __volatile__("at s1e1w, %0" ::"r"(gva));
    else
        __asm__ __volatile__("at s1e1r, %0" ::"r"(gva));
    isb();
    par = READ_SYSREG(par_el1);
    WRITE_SYSREG(saved, par_el1);

    if ( par & 1 )
        return -EFAULT;

    *gpa = (par & 0x0000fffffffff000UL) | (gva & (PAGE_SIZE - 1));

    return 0;
}
