/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_ARM_PSCI_H
#define ASM_ARM_PSCI_H

#include <xen/types.h>

struct fdt;

#define PSCI_0_2_FN_VERSION      0x84000000U
#define PSCI_0_2_FN_SYSTEM_OFF   0x84000008U
#define PSCI_0_2_FN_SYSTEM_RESET 0x84000009U
#define PSCI_0_2_FN64_CPU_ON     0xc4000003U

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

#endif /* ASM_ARM_PSCI_H */
