/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The GDT (one for all CPUs), the per-CPU TSS and the IDT.
 *
 * GDT layout: 0x08 hypervisor 64-bit code, 0x10 hypervisor data, 0x18
 * 32-bit code (boot and AP start-up only), then one 16-byte TSS
 * descriptor per CPU from 0x20.
 */
#ifndef ASM_X86_DESC_H
#define ASM_X86_DESC_H

#define HYP_CS64      0x08
#define HYP_DS        0x10
#define BOOT_CS32     0x18
#define TSS_SEL_FIRST 0x20
#define TSS_SEL(cpu)  (TSS_SEL_FIRST + 16 * (cpu))

#define GDT_ENTRIES (TSS_SEL_FIRST / 8 + 2 * CONFIG_NR_CPUS)
#define GDT_SIZE    (GDT_ENTRIES * 8)

/* Descriptors for the flat segments. */
#define DESC_CODE64 0x00af9a000000ffff
#define DESC_DATA   0x00cf92000000ffff
#define DESC_CODE32 0x00cf9a000000ffff

#define IDT_ENTRIES   256
/* entry.S: one 16-byte stub per vector. */
#define IDT_STUB_SIZE 16

/* Interrupt stack table slots (1-based, as the gate encodes them). */
#define IST_DF    1
#define IST_NMI   2
#define IST_MC    3
#define IST_COUNT 3

#ifndef __ASSEMBLY__

#include <xen/types.h>

struct __packed tss64 {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
};

struct __packed idt_gate {
    uint16_t offset_lo;
    uint16_t selector;
    uint8_t ist;
    uint8_t type_attr;
    uint16_t offset_mid;
    uint32_t offset_hi;
    uint32_t reserved;
};

extern uint64_t gdt_table[GDT_ENTRIES];
extern const uint8_t idt_stubs[IDT_ENTRIES * IDT_STUB_SIZE];

/* Load this CPU's GDT/IDT/TSS state (traps.c). */
void traps_init_cpu(unsigned int cpu);

#endif /* __ASSEMBLY__ */

#endif /* ASM_X86_DESC_H */
