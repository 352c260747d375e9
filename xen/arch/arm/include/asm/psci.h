/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_PSCI_H
#define ASM_ARM_PSCI_H

#include <xen/types.h>

struct fdt;

#define PSCI_0_2_FN_VERSION      0x84000000U
#define PSCI_0_2_FN_SYSTEM_OFF   0x84000008U
#define PSCI_0_2_FN_SYSTEM_RESET 0x84000009U
#define PSCI_0_2_FN64_CPU_ON     0xc4000003U

#define PSCI_1_0_FN_FEATURES 0x8400000aU

/* SMCCC: the Arm architecture calls (function IDs, results). */
#define SMCCC_VERSION_FID       0x80000000U
#define SMCCC_ARCH_FEATURES_FID 0x80000001U
#define SMCCC_ARCH_SOC_ID_FID   0x80000002U
#define SMCCC_ARCH_WORKAROUND_1 0x80008000U
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffU
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffU
#define SMCCC_VERSION_1_0       0x10000
#define SMCCC_VERSION_1_1       0x10001
#define SMCCC_SUCCESS           0
#define SMCCC_NOT_SUPPORTED     (-1)
#define SMCCC_NOT_REQUIRED      (-2)

#define PSCI_SUCCESS            0
#define PSCI_NOT_SUPPORTED      (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED             (-3)
#define PSCI_ALREADY_ON         (-4)
#define PSCI_ON_PENDING         (-5)
#define PSCI_INTERNAL_FAILURE   (-6)

/* Read /psci; returns 0 if PSCI can be used. */
int psci_init(const struct fdt *fdt);
bool psci_available(void);
int psci_cpu_on(uint64_t mpidr, paddr_t entry, uint64_t context);
void psci_system_off(void);
const char *psci_error_name(int err);

/*
 * This CPU's part of the firmware's mitigations (after psci_init() on
 * the boot CPU, which calls it itself): where the firmware has a
 * dynamic SSBD mitigation, it is switched on for good.
 */
void psci_cpu_init(void);

/*
 * What SMCCC_ARCH_FEATURES(ARCH_WORKAROUND_2) answers guests, decided
 * from the firmware's answer at boot.
 */
int psci_guest_workaround_2(void);

#endif /* ASM_ARM_PSCI_H */
