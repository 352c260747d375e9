/* SPDX-License-Identifier: GPL-2.0-only */
/* AArch64 system-register values the hypervisor programs at EL2. */
#ifndef ASM_ARM_SYSREGS_H
#define ASM_ARM_SYSREGS_H

/* Constants usable from C and assembly. */
#ifdef __ASSEMBLY__
#define _AC(x, suffix) x
#else
#define __AC(x, suffix) (x##suffix)
#define _AC(x, suffix)  __AC(x, suffix)
#endif

/* MAIR_EL2: attribute 0 Device-nGnRnE, 1 Normal write-back, 2 Device-nGnRE */
#define MT_DEVICE_nGnRnE 0
#define MT_NORMAL        1
#define MT_DEVICE_nGnRE  2
#define MAIR_EL2_VALUE   _AC(0x04ff00, ULL)

/* Stage-1 block/page descriptor bits (EL2 translation regime). */
#define PTE_VALID       (_AC(1, ULL) << 0)
#define PTE_TABLE       (_AC(1, ULL) << 1) /* table (levels 0-2) / page (3) */
#define PTE_ATTRINDX(n) (_AC(n, ULL) << 2)
#define PTE_SH_INNER    (_AC(3, ULL) << 8)
#define PTE_AF          (_AC(1, ULL) << 10)
#define PTE_XN          (_AC(1, ULL) << 54)

#define PTE_BLOCK_NORMAL                                                       \
    (PTE_VALID | PTE_ATTRINDX(MT_NORMAL) | PTE_SH_INNER | PTE_AF)
#define PTE_BLOCK_DEVICE                                                       \
    (PTE_VALID | PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_AF | PTE_XN)

/*
 * TCR_EL2: 39-bit VA (T0SZ = 25, walks start at level 1), 4K granule,
 * inner-shareable write-back walks. PS is filled in from ID_AA64MMFR0_EL1.
 */
#define TCR_T0SZ_39    25
#define TCR_IRGN0_WBWA (1 << 8)
#define TCR_ORGN0_WBWA (1 << 10)
#define TCR_SH0_INNER  (3 << 12)
#define TCR_TG0_4K     (0 << 14)
#define TCR_PS_SHIFT   16
#define TCR_EL2_RES1   ((1 << 31) | (1 << 23))
#define TCR_EL2_VALUE                                                          \
    (TCR_EL2_RES1 | TCR_T0SZ_39 | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |            \
     TCR_SH0_INNER | TCR_TG0_4K)

/* SCTLR_EL2 (non-VHE): RES1 bits, then MMU, D-cache, SP alignment, I-cache. */
#define SCTLR_EL2_RES1 0x30c50830
#define SCTLR_M        (1 << 0)
#define SCTLR_C        (1 << 2)
#define SCTLR_SA       (1 << 3)
#define SCTLR_I        (1 << 12)
#define SCTLR_EL2_VALUE                                                        \
    (SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I)

#define MPIDR_HWID_MASK _AC(0xff00ffffff, ULL)

/*
 * Pointer-authentication key registers (ARMv8.3), by encoding: the
 * assembler is asked for ARMv8.0 only.
 */
#define APIAKEYLO_EL1 S3_0_C2_C1_0
#define APIAKEYHI_EL1 S3_0_C2_C1_1
#define APIBKEYLO_EL1 S3_0_C2_C1_2
#define APIBKEYHI_EL1 S3_0_C2_C1_3
#define APDAKEYLO_EL1 S3_0_C2_C2_0
#define APDAKEYHI_EL1 S3_0_C2_C2_1
#define APDBKEYLO_EL1 S3_0_C2_C2_2
#define APDBKEYHI_EL1 S3_0_C2_C2_3
#define APGAKEYLO_EL1 S3_0_C2_C3_0
#define APGAKEYHI_EL1 S3_0_C2_C3_1

/* LORegions (ARMv8.1) and SCXTNUM_ELx (CSV2_2), likewise. */
#define LORSA_EL1   S3_0_C10_C4_0
#define LOREA_EL1   S3_0_C10_C4_1
#define LORN_EL1    S3_0_C10_C4_2
#define LORC_EL1    S3_0_C10_C4_3
#define SCXTNUM_EL0 S3_3_C13_C0_7
#define SCXTNUM_EL1 S3_0_C13_C0_7

#ifndef __ASSEMBLY__

#define READ_SYSREG(name)                                                      \
    ({                                                                         \
        unsigned long _r;                                                      \
        __asm__ __volatile__("mrs %0, " __stringify(name) : "=r"(_r));         \
        _r;                                                                    \
    })

#define WRITE_SYSREG(v, name)                                                  \
    __asm__ __volatile__(                                                      \
        "msr " __stringify(name) ", %0" ::"r"((unsigned long)(v)))

#endif

#endif /* ASM_ARM_SYSREGS_H */
