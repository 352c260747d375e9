/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What guests see of the CPU: the ID registers (ID group 3, trapped with
 * HCR_EL2.TID3) as a sanitised copy of the boot CPU's, and the features
 * behind them that the hypervisor enables, hides or traps
 * (docs/designs/arm64-cpu-state.md).
 *
 * The first part (cpu-id.c) is plain C with no system-register access,
 * so the host unit tests compile it unchanged: the sanitiser and the
 * decoder of a trapped MSR/MRS (ESR_EL2 ISS, EC 0x18).
 */
#ifndef ASM_ARM_CPUFEATURE_H
#define ASM_ARM_CPUFEATURE_H

#include <xen/types.h>

/*
 * ID group 3 is op0 = 3, op1 = 0, CRn = 0, CRm = 1..7, op2 = 0..7: 56
 * encodings, numbered (CRm - 1) * 8 + op2. The ones with a name below
 * are the architecture's; the others read as zero.
 */
#define ID_SLOT(crm, op2) (((crm)-1) * 8 + (op2))
#define NR_ID_SLOTS       56

#define ID_PFR0_EL1      ID_SLOT(1, 0)
#define ID_PFR1_EL1      ID_SLOT(1, 1)
#define ID_DFR0_EL1      ID_SLOT(1, 2)
#define ID_AFR0_EL1      ID_SLOT(1, 3)
#define ID_MMFR0_EL1     ID_SLOT(1, 4)
#define ID_MMFR1_EL1     ID_SLOT(1, 5)
#define ID_MMFR2_EL1     ID_SLOT(1, 6)
#define ID_MMFR3_EL1     ID_SLOT(1, 7)
#define ID_ISAR0_EL1     ID_SLOT(2, 0)
#define ID_ISAR1_EL1     ID_SLOT(2, 1)
#define ID_ISAR2_EL1     ID_SLOT(2, 2)
#define ID_ISAR3_EL1     ID_SLOT(2, 3)
#define ID_ISAR4_EL1     ID_SLOT(2, 4)
#define ID_ISAR5_EL1     ID_SLOT(2, 5)
#define ID_MMFR4_EL1     ID_SLOT(2, 6)
#define ID_ISAR6_EL1     ID_SLOT(2, 7)
#define MVFR0_EL1        ID_SLOT(3, 0)
#define MVFR1_EL1        ID_SLOT(3, 1)
#define MVFR2_EL1        ID_SLOT(3, 2)
#define ID_PFR2_EL1      ID_SLOT(3, 4)
#define ID_DFR1_EL1      ID_SLOT(3, 5)
#define ID_MMFR5_EL1     ID_SLOT(3, 6)
#define ID_AA64PFR0_EL1  ID_SLOT(4, 0)
#define ID_AA64PFR1_EL1  ID_SLOT(4, 1)
#define ID_AA64PFR2_EL1  ID_SLOT(4, 2)
#define ID_AA64ZFR0_EL1  ID_SLOT(4, 4)
#define ID_AA64SMFR0_EL1 ID_SLOT(4, 5)
#define ID_AA64DFR0_EL1  ID_SLOT(5, 0)
#define ID_AA64DFR1_EL1  ID_SLOT(5, 1)
#define ID_AA64AFR0_EL1  ID_SLOT(5, 4)
#define ID_AA64AFR1_EL1  ID_SLOT(5, 5)
#define ID_AA64ISAR0_EL1 ID_SLOT(6, 0)
#define ID_AA64ISAR1_EL1 ID_SLOT(6, 1)
#define ID_AA64ISAR2_EL1 ID_SLOT(6, 2)
#define ID_AA64MMFR0_EL1 ID_SLOT(7, 0)
#define ID_AA64MMFR1_EL1 ID_SLOT(7, 1)
#define ID_AA64MMFR2_EL1 ID_SLOT(7, 2)
#define ID_AA64MMFR3_EL1 ID_SLOT(7, 3)

/* A 4-bit ID field: its value in r, which starts at bit shift. */
#define ID_FIELD(r, shift) (((r) >> (shift)) & 0xfUL)

/* The fields the hypervisor looks at or changes (bit of the lowest). */
#define PFR0_EL0_SHIFT           0 /* 2: AArch32 at EL0 too */
#define PFR0_FP_SHIFT            16
#define PFR0_ADVSIMD_SHIFT       20
#define PFR0_RAS_SHIFT           28
#define PFR0_SVE_SHIFT           32
#define PFR0_MPAM_SHIFT          40
#define PFR0_AMU_SHIFT           44
#define PFR0_CSV2_SHIFT          56
#define PFR1_RAS_FRAC_SHIFT      12
#define PFR1_MPAM_FRAC_SHIFT     16
#define PFR1_MTE_SHIFT           8
#define PFR1_SME_SHIFT           24
#define PFR1_CSV2_FRAC_SHIFT     32
#define PFR1_NMI_SHIFT           36
#define PFR1_MTE_FRAC_SHIFT      40
#define PFR1_GCS_SHIFT           44
#define PFR1_THE_SHIFT           48
#define PFR1_MTEX_SHIFT          52
#define DFR0_DEBUGVER_SHIFT      0
#define DFR0_TRACEVER_SHIFT      4
#define DFR0_PMUVER_SHIFT        8
#define DFR0_PMSVER_SHIFT        32
#define DFR0_TRACEFILT_SHIFT     40
#define DFR0_TRACEBUF_SHIFT      44
#define DFR0_BRBE_SHIFT          52
#define ISAR1_APA_SHIFT          4
#define ISAR1_API_SHIFT          8
#define ISAR1_GPA_SHIFT          24
#define ISAR1_GPI_SHIFT          28
#define ISAR1_LS64_SHIFT         60
#define ISAR2_GPA3_SHIFT         8
#define ISAR2_APA3_SHIFT         12
#define MMFR0_FGT_SHIFT          56
#define MMFR1_LO_SHIFT           16
#define MMFR1_HCX_SHIFT          40
#define AA32_PFR0_RAS_SHIFT      28
#define AA32_PFR0_AMU_SHIFT      20
#define AA32_PFR2_RAS_FRAC_SHIFT 8

struct cpu_id_regs {
    uint64_t r[NR_ID_SLOTS];
};

/* What the guest view may show beyond upstream's defaults. */
struct cpu_id_policy {
    bool pauth; /* pointer authentication, keys switched with the vCPU */
};

/*
 * The guest's view of the host's ID registers: what upstream Xen 4.17
 * hides (SVE, MPAM, MTE, AMU, RAS, pointer authentication unless
 * policy->pauth, the registers it does not know) and what needs EL2
 * support this hypervisor does not give (SME, LS64, NMI, GCS, trace,
 * statistical profiling, ...). The AArch32 registers
 * are zero unless the host runs AArch32 at EL0, as on upstream.
 */
void cpu_id_sanitise(struct cpu_id_regs *guest, const struct cpu_id_regs *host,
                     const struct cpu_id_policy *policy);

/* Whether the host's ID registers show pointer authentication (ISAR1). */
bool cpu_id_has_pauth(const struct cpu_id_regs *host);

/* The name of ID-space slot i, or NULL for an unallocated one. */
const char *cpu_id_name(unsigned int slot);

/* A trapped MSR/MRS or system instruction (ESR_EL2.EC 0x18), decoded. */
struct sysreg_access {
    uint8_t op0, op1, crn, crm, op2;
    uint8_t rt; /* the general register (31: XZR) */
    bool read;  /* MRS (true) or MSR (false) */
};

void sysreg_decode(uint32_t iss, struct sysreg_access *a);

/* The encoding alone, without Rt and the direction: for comparisons. */
#define SYSREG_KEY(op0, op1, crn, crm, op2)                                    \
    (((uint32_t)(op0) << 14) | ((uint32_t)(op1) << 11) |                       \
     ((uint32_t)(crn) << 7) | ((uint32_t)(crm) << 3) | (uint32_t)(op2))

static inline uint32_t sysreg_key(const struct sysreg_access *a)
{
    return SYSREG_KEY(a->op0, a->op1, a->crn, a->crm, a->op2);
}

/*
 * How a trapped access is answered, for the registers with a fixed
 * answer (sysreg_classify()); everything else is the caller's (the
 * guest gets an undefined-instruction exception).
 */
enum sysreg_answer {
    SYSREG_UNDEF,  /* not emulated: undefined instruction */
    SYSREG_ID,     /* ID group 3: *slot says which, read-only */
    SYSREG_RAZ_WI, /* reads zero, writes ignored */
    SYSREG_RO_RAZ, /* reads zero; a write is undefined */
    SYSREG_WO_WI,  /* writes ignored; a read is undefined */
    SYSREG_OSLSR,  /* OSLSR_EL1: OS lock implemented, unlocked */
};

/*
 * The fixed answer for an access trapped by TID3 (ID group 3), MDCR_EL2
 * TDA/TDOSA/TDRA (debug) or TPM/TPMCR (PMU). from_el0 says the access came
 * from EL0: registers only EL1 may use are then undefined.
 */
enum sysreg_answer sysreg_classify(const struct sysreg_access *a, bool from_el0,
                                   unsigned int *slot);

/* Value OSLSR_EL1 reads as: OSLM = 0b10 (OS lock implemented), unlocked. */
#define OSLSR_EMULATED 0x8UL

/**** The running hypervisor's side (cpufeature.c, vsysreg.c) ****/

struct cpu_user_regs;
struct vcpu;

/* The guest's view, computed once at boot from the boot CPU. */
extern struct cpu_id_regs guest_id_regs;

/* Features of the host that decide how guests run (set at boot). */
struct host_cpu_features {
    bool pauth;       /* ISAR1 shows pointer authentication */
    bool guest_pauth; /* and guests get it (CONFIG_ARM64_PTR_AUTH_GUEST) */
    bool ras;         /* FEAT_RAS: HCR_EL2.TERR exists */
    bool lor;         /* FEAT_LOR: LORegion registers, switched */
    bool scxtnum;     /* SCXTNUM_ELx (CSV2_2, CSV2_1p2): switched */
    bool fgt;         /* FEAT_FGT: the fine-grained trap registers */
    bool hcx;         /* FEAT_HCX: HCRX_EL2 */
    bool amu;         /* FEAT_AMU: HAFGRTR_EL2 with FEAT_FGT */
    bool spe;         /* statistical profiling: MDCR_EL2.TPMS */
    bool trf;         /* trace filter: MDCR_EL2.TTRF */
    bool pmu;         /* an architected PMU (PMUv3) */
    unsigned int pmu_counters; /* PMCR_EL0.N, for MDCR_EL2.HPMN */
};
extern struct host_cpu_features host_cpu;

/*
 * Read the boot CPU's ID registers, build the guest view and the trap
 * settings from them, and print one line saying what guests get.
 */
void cpu_features_init(void);

/* This pCPU's EL2 trap state that does not change between vCPUs. */
void cpu_features_init_cpu(void);

/* HCR_EL2, CPTR_EL2 and MDCR_EL2 while a guest runs. */
uint64_t guest_hcr_el2(void);
uint64_t guest_cptr_el2(void);

/* EC 0x18 from a guest: emulate the access or inject an undefined one. */
void do_guest_sysreg(struct vcpu *v, struct cpu_user_regs *regs);

/*
 * An undefined-instruction exception for the instruction at regs->pc
 * (vtraps.c), delivered to the guest's EL1 vector table.
 */
void inject_undef(struct vcpu *v, struct cpu_user_regs *regs);

#endif /* ASM_ARM_CPUFEATURE_H */
