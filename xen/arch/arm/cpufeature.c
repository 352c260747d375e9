/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPU as guests see it: the boot CPU's ID registers, the guest's
 * sanitised view of them (cpu-id.c), and the EL2 trap settings that keep
 * what a guest sees consistent with what it can use:
 *
 *   HCR_EL2   TID3 (ID registers), API/APK (pointer authentication, when
 *             guests get it), TERR (RAS error records, hidden), EnSCXT
 *             (SCXTNUM_ELx, shown and switched), FB + BSU inner shareable
 *             (a guest's TLB and I-cache maintenance reaches every pCPU
 *             it may move to); MTE tags stay off (ATA 0)
 *   CPTR_EL2  TZ (SVE), TSM (SME), TAM (activity monitors), TTA (trace)
 *   MDCR_EL2  TDA, TDOSA, TDRA (debug), TPM, TPMCR (PMU), TPMS (SPE),
 *             TTRF (trace filter); HPMN = the PMU's counter count
 *   FGT       HFG*TR_EL2, HDFG*TR_EL2 (and HAFGRTR_EL2) zero: their reset
 *             value is UNKNOWN; zero traps nothing but the "n" bits of
 *             features guests do not get (SME's TPIDR2_EL0, ...)
 *   HCRX_EL2  zero (UNKNOWN at reset): the features it enables stay off
 *
 * See docs/designs/arm64-cpu-state.md.
 */
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <asm/sysregs.h>

struct cpu_id_regs guest_id_regs;
struct host_cpu_features host_cpu;
static struct cpu_id_regs host_id_regs;

/* HCR_EL2 */
#define HCR_VM     (1UL << 0)
#define HCR_SWIO   (1UL << 1)
#define HCR_FMO    (1UL << 3)
#define HCR_IMO    (1UL << 4)
#define HCR_AMO    (1UL << 5)
#define HCR_FB     (1UL << 9)
#define HCR_BSU_IS (1UL << 10)
#define HCR_TWI    (1UL << 13)
#define HCR_TID3   (1UL << 18)
#define HCR_TSC    (1UL << 19)
#define HCR_RW     (1UL << 31)
#define HCR_TERR   (1UL << 36)
#define HCR_APK    (1UL << 40)
#define HCR_API    (1UL << 41)
#define HCR_ENSCXT (1UL << 53)

/*
 * CPTR_EL2 (not VHE): FP/SIMD not trapped (switched with the vCPU).
 * Bits 13, 9 and 7:0 are RES1; bit 12 (TSM) is RES1 without SME.
 */
#define CPTR_RES1 0x22ffUL
#define CPTR_TZ   (1UL << 8)
#define CPTR_TSM  (1UL << 12)
#define CPTR_TTA  (1UL << 20)
#define CPTR_TAM  (1UL << 30)

/* MDCR_EL2 */
#define MDCR_HPMN_MASK 0x1fUL
#define MDCR_TPMCR     (1UL << 5)
#define MDCR_TPM       (1UL << 6)
#define MDCR_TDA       (1UL << 9)
#define MDCR_TDOSA     (1UL << 10)
#define MDCR_TDRA      (1UL << 11)
#define MDCR_TPMS      (1UL << 14)
#define MDCR_TTRF      (1UL << 19)

/* Registers newer than the assembler's -march: their encodings. */
#define HFGRTR_EL2  S3_4_C1_C1_4
#define HFGWTR_EL2  S3_4_C1_C1_5
#define HFGITR_EL2  S3_4_C1_C1_6
#define HDFGRTR_EL2 S3_4_C3_C1_4
#define HDFGWTR_EL2 S3_4_C3_C1_5
#define HAFGRTR_EL2 S3_4_C3_C1_6
#define HCRX_EL2    S3_4_C1_C2_2

#define PMCR_N_SHIFT 11

/* Read ID group 3 slot (CRm - 1) * 8 + op2 of this CPU. */
static uint64_t read_id_slot(unsigned int slot)
{
#define ID_CASE(crm, op2)                                                      \
    case ID_SLOT(crm, op2):                                                    \
        return READ_SYSREG(S3_0_C0_C##crm##_##op2)
#define ID_ROW(crm)                                                            \
    ID_CASE(crm, 0);                                                           \
    ID_CASE(crm, 1);                                                           \
    ID_CASE(crm, 2);                                                           \
    ID_CASE(crm, 3);                                                           \
    ID_CASE(crm, 4);                                                           \
    ID_CASE(crm, 5);                                                           \
    ID_CASE(crm, 6);                                                           \
    ID_CASE(crm, 7)

    switch ( slot )
    {
        ID_ROW(1);
        ID_ROW(2);
        ID_ROW(3);
        ID_ROW(4);
        ID_ROW(5);
        ID_ROW(6);
        ID_ROW(7);
    }

#undef ID_ROW
#undef ID_CASE

    return 0;
}

static void read_id_regs(struct cpu_id_regs *r)
{
    unsigned int i;

    for ( i = 0; i < NR_ID_SLOTS; i++ )
        r->r[i] = read_id_slot(i);
}

/* A feature of the host that guests do not see, for the boot line. */
static const struct {
    unsigned int slot, shift;
    const char *name;
} hidden_names[] = {
    { ID_AA64PFR0_EL1, PFR0_SVE_SHIFT, "SVE" },
    { ID_AA64PFR1_EL1, PFR1_SME_SHIFT, "SME" },
    { ID_AA64PFR1_EL1, PFR1_MTE_SHIFT, "MTE" },
    { ID_AA64PFR0_EL1, PFR0_AMU_SHIFT, "AMU" },
    { ID_AA64PFR0_EL1, PFR0_RAS_SHIFT, "RAS" },
    { ID_AA64PFR0_EL1, PFR0_MPAM_SHIFT, "MPAM" },
    { ID_AA64ISAR1_EL1, ISAR1_LS64_SHIFT, "LS64" },
    { ID_AA64PFR1_EL1, PFR1_NMI_SHIFT, "NMI" },
    { ID_AA64PFR1_EL1, PFR1_GCS_SHIFT, "GCS" },
    { ID_AA64DFR0_EL1, DFR0_TRACEVER_SHIFT, "trace" },
    { ID_AA64DFR0_EL1, DFR0_PMSVER_SHIFT, "SPE" },
    { ID_AA64DFR0_EL1, DFR0_TRACEBUF_SHIFT, "TRBE" },
    { ID_AA64DFR0_EL1, DFR0_BRBE_SHIFT, "BRBE" },
};

static void __init print_guest_view(void)
{
    char hidden[160] = "";
    size_t len = 0;
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(hidden_names); i++ )
    {
        unsigned int s = hidden_names[i].slot, sh = hidden_names[i].shift;

        if ( ID_FIELD(guest_id_regs.r[s], sh) <
                 ID_FIELD(host_id_regs.r[s], sh) &&
             len < sizeof(hidden) )
            len += snprintf(hidden + len, sizeof(hidden) - len, " %s",
                            hidden_names[i].name);
    }

    printk("Guest CPU view: ID registers trapped; hidden:%s\n",
           len ? hidden : " nothing this CPU has");
    printk("Guest pointer authentication: %s\n",
           host_cpu.guest_pauth ? "on, keys switched with the vCPU"
           : host_cpu.pauth     ? "hidden (CONFIG_ARM64_PTR_AUTH_GUEST off)"
                                : "not in this CPU");
}

void __init cpu_features_init(void)
{
    struct cpu_id_policy policy = { 0 };
    uint64_t pfr0, dfr0, mmfr0, mmfr1;
    unsigned int pmuver;

    read_id_regs(&host_id_regs);
    pfr0 = host_id_regs.r[ID_AA64PFR0_EL1];
    dfr0 = host_id_regs.r[ID_AA64DFR0_EL1];
    mmfr0 = host_id_regs.r[ID_AA64MMFR0_EL1];
    mmfr1 = host_id_regs.r[ID_AA64MMFR1_EL1];

    host_cpu.pauth = cpu_id_has_pauth(&host_id_regs);
    host_cpu.guest_pauth =
        IS_ENABLED(CONFIG_ARM64_PTR_AUTH_GUEST) && host_cpu.pauth;
    host_cpu.ras = ID_FIELD(pfr0, PFR0_RAS_SHIFT) != 0;
    host_cpu.amu = ID_FIELD(pfr0, PFR0_AMU_SHIFT) != 0;
    host_cpu.lor = ID_FIELD(mmfr1, MMFR1_LO_SHIFT) != 0;
    host_cpu.scxtnum =
        ID_FIELD(pfr0, PFR0_CSV2_SHIFT) >= 2 ||
        (ID_FIELD(pfr0, PFR0_CSV2_SHIFT) == 1 &&
         ID_FIELD(host_id_regs.r[ID_AA64PFR1_EL1], PFR1_CSV2_FRAC_SHIFT) >= 2);
    host_cpu.hcx = ID_FIELD(mmfr1, MMFR1_HCX_SHIFT) != 0;
    host_cpu.fgt = ID_FIELD(mmfr0, MMFR0_FGT_SHIFT) != 0;
    host_cpu.spe = ID_FIELD(dfr0, DFR0_PMSVER_SHIFT) != 0;
    host_cpu.trf = ID_FIELD(dfr0, DFR0_TRACEFILT_SHIFT) != 0;

    /* PMUVer 0: no PMU; 0xf: an IMPLEMENTATION DEFINED one. */
    pmuver = ID_FIELD(dfr0, DFR0_PMUVER_SHIFT);
    host_cpu.pmu = pmuver && pmuver != 0xf;
    if ( host_cpu.pmu )
        host_cpu.pmu_counters =
            (READ_SYSREG(pmcr_el0) >> PMCR_N_SHIFT) & MDCR_HPMN_MASK;

    policy.pauth = host_cpu.guest_pauth;
    cpu_id_sanitise(&guest_id_regs, &host_id_regs, &policy);
    print_guest_view();
}

void cpu_features_init_cpu(void)
{
    uint64_t mdcr = MDCR_TDA | MDCR_TDOSA | MDCR_TDRA | MDCR_TPM | MDCR_TPMCR |
                    host_cpu.pmu_counters;
    struct cpu_id_regs mine;

    if ( host_cpu.spe )
        mdcr |= MDCR_TPMS;
    if ( host_cpu.trf )
        mdcr |= MDCR_TTRF;
    WRITE_SYSREG(mdcr, mdcr_el2);

    /*
     * Guests cannot write these (trapped): the hardware's own stay
     * harmless. No single step or debug events from MDSCR_EL1 (UNKNOWN
     * at reset); EL0 PMU accesses go to the guest's EL1 as undefined.
     */
    WRITE_SYSREG(0, mdscr_el1);
    if ( host_cpu.pmu )
        WRITE_SYSREG(0, pmuserenr_el0);

    if ( host_cpu.fgt )
    {
        WRITE_SYSREG(0, HFGRTR_EL2);
        WRITE_SYSREG(0, HFGWTR_EL2);
        WRITE_SYSREG(0, HFGITR_EL2);
        WRITE_SYSREG(0, HDFGRTR_EL2);
        WRITE_SYSREG(0, HDFGWTR_EL2);
        if ( host_cpu.amu )
            WRITE_SYSREG(0, HAFGRTR_EL2);
    }
    if ( host_cpu.hcx )
        WRITE_SYSREG(0, HCRX_EL2);
    isb();

    /* Guests get the boot CPU's view: say so if this one differs. */
    read_id_regs(&mine);
    if ( memcmp(&mine, &host_id_regs, sizeof(mine)) )
        printk(XENLOG_WARNING
               "CPU%u: ID registers differ from the boot CPU's; guests see "
               "the boot CPU's features\n",
               smp_processor_id());
}

uint64_t guest_hcr_el2(void)
{
    uint64_t hcr = HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_FB |
                   HCR_BSU_IS | HCR_TWI | HCR_TID3 | HCR_TSC | HCR_RW;

    if ( host_cpu.guest_pauth )
        hcr |= HCR_API | HCR_APK;
    if ( host_cpu.ras )
        hcr |= HCR_TERR;
    if ( host_cpu.scxtnum )
        hcr |= HCR_ENSCXT;

    return hcr;
}

uint64_t guest_cptr_el2(void)
{
    return CPTR_RES1 | CPTR_TZ | CPTR_TSM | CPTR_TTA |
           (host_cpu.amu ? CPTR_TAM : 0);
}
