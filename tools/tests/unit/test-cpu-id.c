/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the arm64 guest CPU view (xen/arch/arm/cpu-id.c, built
 * unchanged): decoding a trapped MSR/MRS from its ESR_EL2 ISS, the fixed
 * answer each trapped register gets, and the sanitised ID registers,
 * down to the values upstream Xen 4.17 gives a guest under QEMU 7.2's
 * "-cpu max" (seen by the cpu-features test guest in the reference run).
 */
#include <string.h>

#include <xen/lib.h>
#include <asm/cpufeature.h>
#include "harness.h"

/*
 * The ISS of a trapped MSR/MRS as the Arm ARM lays it out (D17.2.37,
 * EC 0x18), written out independently of the decoder under test.
 */
static uint32_t iss(unsigned int op0, unsigned int op1, unsigned int crn,
                    unsigned int crm, unsigned int op2, unsigned int rt,
                    bool read)
{
    return (op0 << 20) | (op2 << 17) | (op1 << 14) | (crn << 10) | (rt << 5) |
           (crm << 1) | (read ? 1 : 0);
}

/* Decode iss_value and compare every field with the ones given. */
static void check_decode(uint32_t iss_value, unsigned int op0,
                         unsigned int op1, unsigned int crn, unsigned int crm,
                         unsigned int op2, unsigned int rt, bool read)
{
    struct sysreg_access a;

    sysreg_decode(iss_value, &a);
    CHECK_EQ(a.op0, op0);
    CHECK_EQ(a.op1, op1);
    CHECK_EQ(a.crn, crn);
    CHECK_EQ(a.crm, crm);
    CHECK_EQ(a.op2, op2);
    CHECK_EQ(a.rt, rt);
    CHECK_EQ(a.read, read);
    CHECK_EQ(sysreg_key(&a), SYSREG_KEY(op0, op1, crn, crm, op2));
}

TEST(decode_a_real_trap)
{
    /* "mrs x0, id_aa64pfr0_el1" trapped by TID3: ESR_EL2 0x62300009. */
    check_decode(0x62300009 & 0x1ffffff, 3, 0, 0, 4, 0, 0, true);
}

TEST(decode_every_field)
{
    /* "msr pmcr_el0, x30": op0 3, op1 3, CRn 9, CRm 12, op2 0, a write. */
    check_decode(iss(3, 3, 9, 12, 0, 30, false), 3, 3, 9, 12, 0, 30, false);

    /* Every field at its largest, so none bleeds into another. */
    check_decode(iss(3, 7, 15, 15, 7, 31, true), 3, 7, 15, 15, 7, 31, true);
    check_decode(iss(2, 0, 0, 0, 0, 0, false), 2, 0, 0, 0, 0, 0, false);
}

struct classify_case {
    unsigned int op0, op1, crn, crm, op2;
    bool el0;
    enum sysreg_answer want;
    const char *what;
};

static const struct classify_case cases[] = {
    /* ID group 3: every CRm 1-7 encoding, read-only, EL1 only. */
    { 3, 0, 0, 4, 0, false, SYSREG_ID, "ID_AA64PFR0_EL1" },
    { 3, 0, 0, 1, 0, false, SYSREG_ID, "ID_PFR0_EL1" },
    { 3, 0, 0, 3, 3, false, SYSREG_ID, "unallocated c3,3" },
    { 3, 0, 0, 7, 7, false, SYSREG_ID, "unallocated c7,7" },
    { 3, 0, 0, 4, 0, true, SYSREG_UNDEF, "ID register from EL0" },
    { 3, 0, 0, 0, 0, false, SYSREG_UNDEF, "MIDR_EL1 is not TID3's" },
    { 3, 0, 0, 8, 0, false, SYSREG_UNDEF, "CRm 8 is not ID group 3" },
    { 3, 1, 0, 4, 0, false, SYSREG_UNDEF, "op1 1 is not ID group 3" },
    /* Debug. */
    { 2, 0, 0, 2, 2, false, SYSREG_RAZ_WI, "MDSCR_EL1" },
    { 2, 0, 1, 1, 4, false, SYSREG_OSLSR, "OSLSR_EL1" },
    { 2, 0, 1, 0, 4, false, SYSREG_WO_WI, "OSLAR_EL1" },
    { 2, 0, 1, 3, 4, false, SYSREG_RAZ_WI, "OSDLR_EL1" },
    { 2, 0, 1, 0, 0, false, SYSREG_RO_RAZ, "MDRAR_EL1" },
    { 2, 0, 0, 0, 4, false, SYSREG_RAZ_WI, "DBGBVR0_EL1" },
    { 2, 0, 0, 15, 5, false, SYSREG_RAZ_WI, "DBGBCR15_EL1" },
    { 2, 0, 0, 3, 7, false, SYSREG_RAZ_WI, "DBGWCR3_EL1" },
    { 2, 0, 7, 8, 6, false, SYSREG_RAZ_WI, "DBGCLAIMSET_EL1" },
    { 2, 0, 7, 14, 6, false, SYSREG_RO_RAZ, "DBGAUTHSTATUS_EL1" },
    { 2, 3, 0, 1, 0, false, SYSREG_RO_RAZ, "MDCCSR_EL0" },
    { 2, 3, 0, 1, 0, true, SYSREG_RO_RAZ, "MDCCSR_EL0 from EL0" },
    { 2, 3, 0, 5, 0, true, SYSREG_RAZ_WI, "DBGDTRRX_EL0 from EL0" },
    { 2, 0, 0, 2, 2, true, SYSREG_UNDEF, "MDSCR_EL1 from EL0" },
    { 2, 1, 0, 2, 0, false, SYSREG_UNDEF, "a trace register (TTA)" },
    { 2, 0, 9, 0, 0, false, SYSREG_UNDEF, "op0 2 CRn 9 (BRBE space)" },
    /* PMU. */
    { 3, 3, 9, 12, 0, false, SYSREG_RAZ_WI, "PMCR_EL0" },
    { 3, 3, 9, 12, 6, false, SYSREG_RAZ_WI, "PMCEID0_EL0" },
    { 3, 3, 9, 13, 0, false, SYSREG_RAZ_WI, "PMCCNTR_EL0" },
    { 3, 3, 9, 14, 3, false, SYSREG_RAZ_WI, "PMOVSSET_EL0" },
    { 3, 3, 14, 8, 0, false, SYSREG_RAZ_WI, "PMEVCNTR0_EL0" },
    { 3, 3, 14, 15, 7, false, SYSREG_RAZ_WI, "PMCCFILTR_EL0" },
    { 3, 3, 9, 14, 0, false, SYSREG_RAZ_WI, "PMUSERENR_EL0" },
    { 3, 3, 9, 14, 0, true, SYSREG_RO_RAZ, "PMUSERENR_EL0 from EL0" },
    { 3, 0, 9, 14, 1, false, SYSREG_RAZ_WI, "PMINTENSET_EL1" },
    { 3, 0, 9, 14, 2, true, SYSREG_UNDEF, "PMINTENCLR_EL1 from EL0" },
    { 3, 0, 9, 14, 6, false, SYSREG_RO_RAZ, "PMMIR_EL1" },
    { 3, 3, 9, 12, 0, true, SYSREG_RAZ_WI, "PMCR_EL0 from EL0" },
    /* The registers of hidden features: undefined. */
    { 3, 3, 13, 2, 0, false, SYSREG_UNDEF, "AMCR_EL0 (AMU)" },
    { 3, 0, 1, 0, 6, false, SYSREG_UNDEF, "GCR_EL1 (MTE)" },
    { 3, 0, 5, 3, 0, false, SYSREG_UNDEF, "ERRIDR_EL1 (RAS)" },
    { 3, 0, 1, 2, 0, false, SYSREG_UNDEF, "ZCR_EL1 (SVE)" },
    { 3, 0, 2, 1, 0, false, SYSREG_UNDEF, "APIAKEYLO_EL1 (PAuth)" },
    { 3, 0, 9, 10, 0, false, SYSREG_UNDEF, "PMBLIMITR_EL1 (SPE)" },
    { 3, 0, 12, 11, 5, false, SYSREG_UNDEF, "ICC_SGI1R_EL1" },
};

TEST(classify_each_register)
{
    unsigned int i, slot;

    for ( i = 0; i < ARRAY_SIZE(cases); i++ )
    {
        const struct classify_case *c = &cases[i];
        struct sysreg_access a = {
            .op0 = c->op0, .op1 = c->op1, .crn = c->crn, .crm = c->crm,
            .op2 = c->op2, .read = true,
        };
        enum sysreg_answer got;

        slot = ~0u;
        got = sysreg_classify(&a, c->el0, &slot);
        if ( got != c->want )
        {
            char m[128];

            xen_snprintf(m, sizeof(m), "%s: answer %d, want %d", c->what,
                         got, c->want);
            harness_check_failed(__FILE__, __LINE__, m);
        }
        if ( got == SYSREG_ID )
            CHECK_EQ(slot, ID_SLOT(c->crm, c->op2));
    }
}

/* A host with every ID field of every register at 1, AArch32 at EL0. */
static void host_all_ones(struct cpu_id_regs *h)
{
    unsigned int i;

    for ( i = 0; i < NR_ID_SLOTS; i++ )
        h->r[i] = 0x1111111111111111UL;
    h->r[ID_AA64PFR0_EL1] = 0x1111111111111122UL; /* EL0, EL1 AArch32 too */
}

TEST(sanitise_hides_what_upstream_hides)
{
    struct cpu_id_policy policy = { .pauth = false };
    struct cpu_id_regs h, g;

    host_all_ones(&h);
    cpu_id_sanitise(&g, &h, &policy);

    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR0_EL1], PFR0_SVE_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR0_EL1], PFR0_MPAM_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR0_EL1], PFR0_AMU_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR0_EL1], PFR0_RAS_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR1_EL1], PFR1_MTE_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR1_EL1], PFR1_RAS_FRAC_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR1_EL1], PFR1_MPAM_FRAC_SHIFT), 0);
    CHECK_EQ(g.r[ID_AA64ZFR0_EL1], 0);
    CHECK_EQ(ID_FIELD(g.r[ID_PFR0_EL1], AA32_PFR0_AMU_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_PFR0_EL1], AA32_PFR0_RAS_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_PFR2_EL1], AA32_PFR2_RAS_FRAC_SHIFT), 0);
    /* Pointer authentication, as upstream, when the policy says no. */
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_APA_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_API_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_GPA_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_GPI_SHIFT), 0);
    /* Ours: SME, LS64, trace, SPE. */
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR1_EL1], PFR1_SME_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_LS64_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64DFR0_EL1], DFR0_TRACEVER_SHIFT), 0);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64DFR0_EL1], DFR0_PMSVER_SHIFT), 0);
    /* What guests keep: FP, CSV2 (SCXTNUM is switched), LOR, PMU, debug. */
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR0_EL1], PFR0_FP_SHIFT), 1);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64PFR0_EL1], PFR0_CSV2_SHIFT), 1);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64MMFR1_EL1], MMFR1_LO_SHIFT), 1);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64DFR0_EL1], DFR0_PMUVER_SHIFT), 1);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64DFR0_EL1], DFR0_DEBUGVER_SHIFT), 1);
}

TEST(sanitise_shows_pauth_when_the_policy_gives_it)
{
    struct cpu_id_policy policy = { .pauth = true };
    struct cpu_id_regs h, g;

    host_all_ones(&h);
    CHECK(cpu_id_has_pauth(&h));
    cpu_id_sanitise(&g, &h, &policy);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_APA_SHIFT), 1);
    CHECK_EQ(ID_FIELD(g.r[ID_AA64ISAR1_EL1], ISAR1_GPI_SHIFT), 1);

    h.r[ID_AA64ISAR1_EL1] = 0;
    CHECK(!cpu_id_has_pauth(&h));
}

TEST(sanitise_zeroes_what_upstream_does_not_pass)
{
    struct cpu_id_policy policy = { .pauth = true };
    struct cpu_id_regs h, g;
    unsigned int slot;

    host_all_ones(&h);
    cpu_id_sanitise(&g, &h, &policy);

    /* Registers upstream 4.17 does not know read as zero there. */
    CHECK_EQ(g.r[ID_AA64ISAR2_EL1], 0);
    CHECK_EQ(g.r[ID_AA64PFR2_EL1], 0);
    CHECK_EQ(g.r[ID_AA64SMFR0_EL1], 0);
    CHECK_EQ(g.r[ID_AA64MMFR3_EL1], 0);
    for ( slot = 0; slot < NR_ID_SLOTS; slot++ )
        if ( !cpu_id_name(slot) )
            CHECK_EQ(g.r[slot], 0);
    CHECK_STR(cpu_id_name(ID_AA64MMFR2_EL1), "ID_AA64MMFR2_EL1");
    CHECK_STR(cpu_id_name(MVFR2_EL1), "MVFR2_EL1");

    /* Without AArch32 at EL0, no AArch32 register either (as upstream). */
    h.r[ID_AA64PFR0_EL1] = 0x1111111111111111UL;
    cpu_id_sanitise(&g, &h, &policy);
    CHECK_EQ(g.r[ID_PFR0_EL1], 0);
    CHECK_EQ(g.r[ID_ISAR6_EL1], 0);
    CHECK_EQ(g.r[MVFR0_EL1], 0);
    CHECK(g.r[ID_AA64PFR0_EL1] != 0);
}

/*
 * QEMU 7.2 "-cpu max": the guest view upstream Xen 4.17 gives (reference
 * run), and the host under it (the same, with SVE and RAS, which upstream
 * hides, SME, which it does not, and pointer authentication, which it
 * hides). Ours is upstream's, but for SME (hidden) and pointer
 * authentication (shown, with the policy).
 */
#define MAX_PFR0_XEN417  0x1201001001110222UL
#define MAX_PFR1_XEN417  0x0000000001000021UL
#define MAX_ISAR1_XEN417 0x0011111100211002UL
#define MAX_ISAR1_HOST   0x0011111101211012UL
#define MAX_DFR0         0x0000000010305609UL
#define MAX_MMFR1        0x0000011010211122UL

TEST(sanitise_qemu_max_as_upstream)
{
    struct cpu_id_policy off = { .pauth = false }, on = { .pauth = true };
    struct cpu_id_regs h = { { 0 } }, g;

    h.r[ID_AA64PFR0_EL1] =
        MAX_PFR0_XEN417 | (1UL << PFR0_SVE_SHIFT) | (1UL << PFR0_RAS_SHIFT);
    h.r[ID_AA64PFR1_EL1] = MAX_PFR1_XEN417;
    h.r[ID_AA64ISAR1_EL1] = MAX_ISAR1_HOST;
    h.r[ID_AA64DFR0_EL1] = MAX_DFR0;
    h.r[ID_AA64MMFR1_EL1] = MAX_MMFR1;
    h.r[ID_AA64ZFR0_EL1] = 0x0110110000000011UL;
    h.r[ID_AA64SMFR0_EL1] = 0x80f1000000000000UL;

    cpu_id_sanitise(&g, &h, &off);
    CHECK_EQ(g.r[ID_AA64PFR0_EL1], MAX_PFR0_XEN417);
    CHECK_EQ(g.r[ID_AA64PFR1_EL1],
             MAX_PFR1_XEN417 & ~(0xfUL << PFR1_SME_SHIFT));
    CHECK_EQ(g.r[ID_AA64ISAR1_EL1], MAX_ISAR1_XEN417);
    CHECK_EQ(g.r[ID_AA64DFR0_EL1], MAX_DFR0);
    CHECK_EQ(g.r[ID_AA64MMFR1_EL1], MAX_MMFR1);
    CHECK_EQ(g.r[ID_AA64ZFR0_EL1], 0);
    CHECK_EQ(g.r[ID_AA64SMFR0_EL1], 0);

    cpu_id_sanitise(&g, &h, &on);
    CHECK_EQ(g.r[ID_AA64ISAR1_EL1], MAX_ISAR1_HOST);
}

HARNESS_MAIN("cpu-id")
