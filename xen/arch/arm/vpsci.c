/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PSCI (1.1) and SMCCC (1.1) for guests, through HVC #0 or SMC: version,
 * features, CPU_ON/CPU_OFF/AFFINITY_INFO for the domain's own vCPUs,
 * SYSTEM_OFF and SYSTEM_RESET (the domain shuts down), and the SMCCC
 * architecture calls as upstream Xen 4.17 answers them: ARCH_FEATURES
 * says which workaround calls are there, the calls themselves return 0.
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <asm/psci.h>
#include <asm/vcpu.h>
#include <public/features.h>
#include <public/sched.h>

#define PSCI_FN_CPU_OFF          0x84000002U
#define PSCI_FN_CPU_ON_32        0x84000003U
#define PSCI_FN_AFFINITY_INFO_32 0x84000004U
#define PSCI_FN_AFFINITY_INFO_64 0xc4000004U
#define PSCI_FN_MIGRATE_INFO     0x84000006U

#define PSCI_VERSION_1_1 0x10001

static struct vcpu *vcpu_by_mpidr(struct domain *d, uint64_t mpidr)
{
    /* Our vCPUs have Aff0 = number and nothing above. */
    if ( (mpidr & 0xff00ffff00UL) || (mpidr & 0xff) >= d->max_vcpus )
        return NULL;

    return d->vcpu[mpidr & 0xff];
}

struct cpu_on_args {
    uint64_t entry, context;
};

/* The state CPU_ON starts a vCPU in (vcpu_up() calls it). */
static void cpu_on_reset(struct vcpu *t, const void *arg)
{
    const struct cpu_on_args *a = arg;

    vcpu_arm_reset(t, a->entry, a->context);
}

static long cpu_on(struct domain *d, uint64_t mpidr, uint64_t entry,
                   uint64_t context)
{
    struct vcpu *t = vcpu_by_mpidr(d, mpidr);
    const struct cpu_on_args args = { .entry = entry, .context = context };

    if ( !t )
        return PSCI_INVALID_PARAMETERS;

    return vcpu_up(t, cpu_on_reset, &args) ? PSCI_ALREADY_ON : PSCI_SUCCESS;
}

/*
 * SMCCC_ARCH_FEATURES for the architecture calls. Branch-predictor
 * hardening (WORKAROUND_1) and the branch-history clearing
 * (WORKAROUND_3) are not done on the way out to a guest: not supported,
 * which is what upstream answers unless the CPU is affected and the
 * firmware has the call. WORKAROUND_2 (speculative store bypass) as
 * upstream decides from the firmware (psci.c). Everything else,
 * SMCCC_VERSION, ARCH_FEATURES and SOC_ID included, is not supported, as
 * on upstream.
 */
static long smccc_arch_features(uint32_t fn)
{
    if ( fn == SMCCC_ARCH_WORKAROUND_2 )
        return psci_guest_workaround_2();

    return SMCCC_NOT_SUPPORTED;
}

void vpsci_call(struct vcpu *v, struct cpu_user_regs *regs)
{
    struct domain *d = v->domain;
    uint32_t fn = regs->x[0];
    long ret = PSCI_NOT_SUPPORTED;
    struct vcpu *t;

    switch ( fn )
    {
    case PSCI_0_2_FN_VERSION: ret = PSCI_VERSION_1_1; break;
    case SMCCC_VERSION_FID: ret = SMCCC_VERSION_1_1; break;
    case SMCCC_ARCH_FEATURES_FID: ret = smccc_arch_features(regs->x[1]); break;

    case SMCCC_ARCH_WORKAROUND_1:
    case SMCCC_ARCH_WORKAROUND_2:
    case SMCCC_ARCH_WORKAROUND_3:
        /* Nothing to do for the vCPU (see above); 0, as upstream. */
        ret = SMCCC_SUCCESS;
        break;

    case PSCI_1_0_FN_FEATURES:
        switch ( (uint32_t)regs->x[1] )
        {
        case PSCI_0_2_FN_VERSION:
        case PSCI_1_0_FN_FEATURES:
        case PSCI_FN_MIGRATE_INFO:
        case SMCCC_VERSION_FID:
        case PSCI_FN_CPU_OFF:
        case PSCI_FN_CPU_ON_32:
        case PSCI_0_2_FN64_CPU_ON:
        case PSCI_FN_AFFINITY_INFO_32:
        case PSCI_FN_AFFINITY_INFO_64:
        case PSCI_0_2_FN_SYSTEM_OFF:
        case PSCI_0_2_FN_SYSTEM_RESET: ret = PSCI_SUCCESS; break;
        }
        break;

    case PSCI_FN_CPU_ON_32:
    case PSCI_0_2_FN64_CPU_ON:
        ret = cpu_on(d, regs->x[1], regs->x[2], regs->x[3]);
        break;

    case PSCI_FN_AFFINITY_INFO_32:
    case PSCI_FN_AFFINITY_INFO_64:
        t = vcpu_by_mpidr(d, regs->x[1]);
        ret = !t ? PSCI_INVALID_PARAMETERS : vcpu_is_up(t) ? 0 : 1;
        break;

    case PSCI_FN_MIGRATE_INFO:
        ret = 2; /* no trusted OS to migrate */
        break;

    case PSCI_FN_CPU_OFF:
        /*
         * It stops at the trap's leave path (vcpu_must_stop()). The result
         * is never seen: CPU_ON gives the vCPU new registers.
         */
        vcpu_down(v);
        ret = PSCI_SUCCESS;
        break;

    case PSCI_0_2_FN_SYSTEM_OFF:
    case PSCI_0_2_FN_SYSTEM_RESET:
        /* Its vCPUs stop at their leave paths; the result is never seen. */
        domain_shutdown(d, fn == PSCI_0_2_FN_SYSTEM_OFF ? SHUTDOWN_poweroff
                                                        : SHUTDOWN_reboot);
        ret = PSCI_SUCCESS;
        break;
    }

    regs->x[0] = ret;
}

/* Guests may make SMCCC calls through HVC (above): XENFEAT says so. */
uint32_t arch_feature_submap0(const struct domain *d)
{
    return 1U << XENFEAT_ARM_SMCCC_supported;
}
