/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest's view of the ID registers, and the decoding and fixed
 * answers of trapped system-register accesses. Plain C: the host unit
 * tests build this file unchanged (tools/tests/unit/test-cpu-id.c).
 *
 * The view follows upstream Xen 4.17: the registers it passes through
 * are the host's with what it hides cleared; the rest of ID group 3
 * reads as zero. On top of that, fields whose feature needs EL2 support
 * that this hypervisor does not give are cleared, so that whatever a
 * guest sees works (docs/designs/arm64-cpu-state.md lists every field
 * and why).
 */
#include <xen/lib.h>
#include <asm/cpufeature.h>

/* A 4-bit field of one register that guests see as 0. */
struct id_rule {
    uint8_t slot;
    uint8_t shift;
};

static const struct id_rule hide_rules[] = {
    /* As upstream 4.17: SVE, MPAM, MTE, AMU and RAS are not for guests. */
    { ID_AA64PFR0_EL1, PFR0_SVE_SHIFT },
    { ID_AA64PFR0_EL1, PFR0_MPAM_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_MPAM_FRAC_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_MTE_SHIFT },
    { ID_AA64PFR0_EL1, PFR0_AMU_SHIFT },
    { ID_PFR0_EL1, AA32_PFR0_AMU_SHIFT },
    { ID_AA64PFR0_EL1, PFR0_RAS_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_RAS_FRAC_SHIFT },
    { ID_PFR0_EL1, AA32_PFR0_RAS_SHIFT },
    { ID_PFR2_EL1, AA32_PFR2_RAS_FRAC_SHIFT },

    /*
     * Ours besides: SME (its state is not switched; CPTR_EL2.TSM traps
     * it), MTE's companions, NMI, GCS, the Translation Hardening
     * Extension (each needs EL2 enabling that is not done), LS64
     * (HCRX_EL2 leaves it disabled), and the self-hosted trace, trace
     * buffer, statistical profiling and branch record buffer (trapped:
     * CPTR_EL2.TTA, MDCR_EL2). Upstream shows SME, and traps it.
     */
    { ID_AA64PFR1_EL1, PFR1_SME_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_MTE_FRAC_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_MTEX_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_NMI_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_GCS_SHIFT },
    { ID_AA64PFR1_EL1, PFR1_THE_SHIFT },
    { ID_AA64ISAR1_EL1, ISAR1_LS64_SHIFT },
    { ID_AA64DFR0_EL1, DFR0_TRACEVER_SHIFT },
    { ID_AA64DFR0_EL1, DFR0_PMSVER_SHIFT },
    { ID_AA64DFR0_EL1, DFR0_TRACEFILT_SHIFT },
    { ID_AA64DFR0_EL1, DFR0_TRACEBUF_SHIFT },
    { ID_AA64DFR0_EL1, DFR0_BRBE_SHIFT },
};

/* Pointer authentication, hidden unless the policy gives it. */
static const struct id_rule pauth_rules[] = {
    { ID_AA64ISAR1_EL1, ISAR1_APA_SHIFT },
    { ID_AA64ISAR1_EL1, ISAR1_API_SHIFT },
    { ID_AA64ISAR1_EL1, ISAR1_GPA_SHIFT },
    { ID_AA64ISAR1_EL1, ISAR1_GPI_SHIFT },
};

/*
 * The registers upstream 4.17 passes through (sanitised); every other
 * encoding of ID group 3 reads as zero there, and here. The AArch32 ones
 * only when the host has AArch32 at EL0.
 */
static const struct {
    uint8_t slot;
    bool aarch32;
    const char *name;
} id_regs[] = {
    { ID_PFR0_EL1, true, "ID_PFR0_EL1" },
    { ID_PFR1_EL1, true, "ID_PFR1_EL1" },
    { ID_DFR0_EL1, true, "ID_DFR0_EL1" },
    { ID_AFR0_EL1, true, "ID_AFR0_EL1" },
    { ID_MMFR0_EL1, true, "ID_MMFR0_EL1" },
    { ID_MMFR1_EL1, true, "ID_MMFR1_EL1" },
    { ID_MMFR2_EL1, true, "ID_MMFR2_EL1" },
    { ID_MMFR3_EL1, true, "ID_MMFR3_EL1" },
    { ID_ISAR0_EL1, true, "ID_ISAR0_EL1" },
    { ID_ISAR1_EL1, true, "ID_ISAR1_EL1" },
    { ID_ISAR2_EL1, true, "ID_ISAR2_EL1" },
    { ID_ISAR3_EL1, true, "ID_ISAR3_EL1" },
    { ID_ISAR4_EL1, true, "ID_ISAR4_EL1" },
    { ID_ISAR5_EL1, true, "ID_ISAR5_EL1" },
    { ID_MMFR4_EL1, true, "ID_MMFR4_EL1" },
    { ID_ISAR6_EL1, true, "ID_ISAR6_EL1" },
    { MVFR0_EL1, true, "MVFR0_EL1" },
    { MVFR1_EL1, true, "MVFR1_EL1" },
    { MVFR2_EL1, true, "MVFR2_EL1" },
    { ID_PFR2_EL1, true, "ID_PFR2_EL1" },
    { ID_DFR1_EL1, true, "ID_DFR1_EL1" },
    { ID_MMFR5_EL1, true, "ID_MMFR5_EL1" },
    { ID_AA64PFR0_EL1, false, "ID_AA64PFR0_EL1" },
    { ID_AA64PFR1_EL1, false, "ID_AA64PFR1_EL1" },
    { ID_AA64ZFR0_EL1, false, "ID_AA64ZFR0_EL1" },
    { ID_AA64DFR0_EL1, false, "ID_AA64DFR0_EL1" },
    { ID_AA64DFR1_EL1, false, "ID_AA64DFR1_EL1" },
    { ID_AA64AFR0_EL1, false, "ID_AA64AFR0_EL1" },
    { ID_AA64AFR1_EL1, false, "ID_AA64AFR1_EL1" },
    { ID_AA64ISAR0_EL1, false, "ID_AA64ISAR0_EL1" },
    { ID_AA64ISAR1_EL1, false, "ID_AA64ISAR1_EL1" },
    { ID_AA64MMFR0_EL1, false, "ID_AA64MMFR0_EL1" },
    { ID_AA64MMFR1_EL1, false, "ID_AA64MMFR1_EL1" },
    { ID_AA64MMFR2_EL1, false, "ID_AA64MMFR2_EL1" },
};

static void apply(struct cpu_id_regs *g, const struct id_rule *rules,
                  unsigned int nr)
{
    unsigned int i;

    for ( i = 0; i < nr; i++ )
        g->r[rules[i].slot] &= ~(0xfUL << rules[i].shift);
}

bool cpu_id_has_pauth(const struct cpu_id_regs *host)
{
    uint64_t isar1 = host->r[ID_AA64ISAR1_EL1];

    return ID_FIELD(isar1, ISAR1_APA_SHIFT) ||
           ID_FIELD(isar1, ISAR1_API_SHIFT) ||
           ID_FIELD(isar1, ISAR1_GPA_SHIFT) || ID_FIELD(isar1, ISAR1_GPI_SHIFT);
}

void cpu_id_sanitise(struct cpu_id_regs *guest, const struct cpu_id_regs *host,
                     const struct cpu_id_policy *policy)
{
    bool aarch32_el0 = ID_FIELD(host->r[ID_AA64PFR0_EL1], PFR0_EL0_SHIFT) == 2;
    unsigned int i;

    for ( i = 0; i < NR_ID_SLOTS; i++ )
        guest->r[i] = 0;
    for ( i = 0; i < ARRAY_SIZE(id_regs); i++ )
        if ( aarch32_el0 || !id_regs[i].aarch32 )
            guest->r[id_regs[i].slot] = host->r[id_regs[i].slot];

    /* SVE's own features go with it. */
    guest->r[ID_AA64ZFR0_EL1] = 0;

    apply(guest, hide_rules, ARRAY_SIZE(hide_rules));
    if ( !policy->pauth )
        apply(guest, pauth_rules, ARRAY_SIZE(pauth_rules));
}

const char *cpu_id_name(unsigned int slot)
{
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(id_regs); i++ )
        if ( id_regs[i].slot == slot )
            return id_regs[i].name;

    return NULL;
}

/*
 * ESR_EL2.ISS for EC 0x18: Op0 [21:20], Op2 [19:17], Op1 [16:14],
 * CRn [13:10], Rt [9:5], CRm [4:1], direction [0] (1: read).
 */
void sysreg_decode(uint32_t iss, struct sysreg_access *a)
{
    a->op0 = (iss >> 20) & 0x3;
    a->op2 = (iss >> 17) & 0x7;
    a->op1 = (iss >> 14) & 0x7;
    a->crn = (iss >> 10) & 0xf;
    a->rt = (iss >> 5) & 0x1f;
    a->crm = (iss >> 1) & 0xf;
    a->read = iss & 1;
}

/* Debug registers (op0 = 2) trapped by MDCR_EL2.TDA/TDOSA/TDRA. */
static enum sysreg_answer classify_debug(const struct sysreg_access *a,
                                         bool from_el0)
{
    uint32_t key = sysreg_key(a);

    /* op1 = 3: the EL0 debug communication channel (MDCCSR, DBGDTR*). */
    if ( a->op1 == 3 && a->crn == 0 )
        return key == SYSREG_KEY(2, 3, 0, 1, 0) ? SYSREG_RO_RAZ : SYSREG_RAZ_WI;

    /* op1 = 0, CRn 0, 1, 7: the EL1 debug registers. */
    if ( a->op1 != 0 || (a->crn != 0 && a->crn != 1 && a->crn != 7) )
        return SYSREG_UNDEF;
    if ( from_el0 )
        return SYSREG_UNDEF;

    switch ( key )
    {
    case SYSREG_KEY(2, 0, 1, 0, 0):  /* MDRAR_EL1 */
    case SYSREG_KEY(2, 0, 7, 14, 6): /* DBGAUTHSTATUS_EL1 */
        return SYSREG_RO_RAZ;
    case SYSREG_KEY(2, 0, 1, 0, 4): /* OSLAR_EL1 */ return SYSREG_WO_WI;
    case SYSREG_KEY(2, 0, 1, 1, 4): /* OSLSR_EL1 */ return SYSREG_OSLSR;
    default:
        /*
         * MDSCR, OSDLR, DBGPRCR, MDCCINT, OSDTRRX/TX, OSECCR, the
         * breakpoint and watchpoint registers, the claim tags.
         */
        return SYSREG_RAZ_WI;
    }
}

/* PMU registers trapped by MDCR_EL2.TPM/TPMCR. */
static enum sysreg_answer classify_pmu(const struct sysreg_access *a,
                                       bool from_el0)
{
    switch ( sysreg_key(a) )
    {
    case SYSREG_KEY(3, 0, 9, 14, 1): /* PMINTENSET_EL1 */
    case SYSREG_KEY(3, 0, 9, 14, 2): /* PMINTENCLR_EL1 */
        return from_el0 ? SYSREG_UNDEF : SYSREG_RAZ_WI;
    case SYSREG_KEY(3, 0, 9, 14, 6): /* PMMIR_EL1 */
        return from_el0 ? SYSREG_UNDEF : SYSREG_RO_RAZ;
    case SYSREG_KEY(3, 3, 9, 14, 0): /* PMUSERENR_EL0: read-only at EL0 */
        return from_el0 ? SYSREG_RO_RAZ : SYSREG_RAZ_WI;
    }

    /*
     * PMCR, PMCNTEN*, PMOVS*, PMSWINC, PMSELR, PMCEID*, PMCCNTR,
     * PMXEV* (op1 3, CRn 9, CRm 12-14) and the event counters, their
     * types and PMCCFILTR (op1 3, CRn 14, CRm 8-15).
     */
    if ( a->op0 == 3 && a->op1 == 3 &&
         ((a->crn == 9 && a->crm >= 12 && a->crm <= 14) ||
          (a->crn == 14 && a->crm >= 8)) )
        return SYSREG_RAZ_WI;

    return SYSREG_UNDEF;
}

enum sysreg_answer sysreg_classify(const struct sysreg_access *a, bool from_el0,
                                   unsigned int *slot)
{
    if ( a->op0 == 3 && a->op1 == 0 && a->crn == 0 && a->crm >= 1 &&
         a->crm <= 7 )
    {
        if ( from_el0 )
            return SYSREG_UNDEF;
        *slot = ID_SLOT(a->crm, a->op2);
        return SYSREG_ID;
    }

    if ( a->op0 == 2 )
        return classify_debug(a, from_el0);

    return classify_pmu(a, from_el0);
}
