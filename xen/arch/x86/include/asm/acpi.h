/* SPDX-License-Identifier: GPL-2.0-only */
/* What the hypervisor takes from the ACPI tables (acpi.c). */
#ifndef ASM_X86_ACPI_H
#define ASM_X86_ACPI_H

#include <xen/types.h>

struct bootinfo;

/* Find the RSDP and the tables the hypervisor uses (MADT, FADT). */
void acpi_init(void);

/*
 * Fill bi->nr_cpus/cpu_hwid from the MADT, the boot CPU first. Without a
 * MADT only the boot CPU is used.
 */
void acpi_scan_cpus(struct bootinfo *bi, uint32_t boot_apic_id);

/* Enter S5 through PM1a/PM1b_CNT if the FADT and DSDT allow; returns if not. */
void acpi_power_off(void);

#endif /* ASM_X86_ACPI_H */
