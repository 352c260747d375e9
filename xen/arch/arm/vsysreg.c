/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trapped system-register accesses from guests (ESR_EL2.EC 0x18): the ID
 * registers answer from the guest's view (cpufeature.c), the debug and
 * PMU registers read as zero and ignore writes, as upstream Xen emulates
 * them, and anything else trapped (the registers of hidden features: AMU,
 * MTE, RAS error records, LORegions, pointer-authentication keys when
 * guests do not get them, ...) is an undefined instruction for the
 * guest, as on upstream. Never a crash.
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/cpufeature.h>
#include <asm/processor.h>

#define ESR_ISS_MASK 0x1ffffffUL

void do_guest_sysreg(struct vcpu *v, struct cpu_user_regs *regs)
{
    struct sysreg_access a;
    unsigned int slot = 0;
    bool from_el0 = (regs->cpsr & 0xf) == 0;
    uint64_t val = 0;
    bool ok;

    sysreg_decode(regs->esr & ESR_ISS_MASK, &a);

    switch ( sysreg_classify(&a, from_el0, &slot) )
    {
    case SYSREG_ID:
        ok = a.read;
        val = guest_id_regs.r[slot];
        break;
    case SYSREG_RAZ_WI: ok = true; break;
    case SYSREG_RO_RAZ: ok = a.read; break;
    case SYSREG_WO_WI: ok = !a.read; break;
    case SYSREG_OSLSR:
        ok = a.read;
        val = OSLSR_EMULATED;
        break;
    default: ok = false; break;
    }

    if ( !ok )
    {
        printk(XENLOG_DEBUG
               "d%u: %s S%u_%u_C%u_C%u_%u at 0x%llx: not emulated, undefined "
               "instruction injected\n",
               v->domain->domain_id, a.read ? "MRS" : "MSR", a.op0, a.op1,
               a.crn, a.crm, a.op2, (unsigned long long)regs->pc);
        inject_undef(v, regs);
        return;
    }

    if ( a.read && a.rt != 31 )
        regs->x[a.rt] = val;
    regs->pc += 4;
}
