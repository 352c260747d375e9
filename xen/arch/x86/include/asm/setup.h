/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_X86_SETUP_H
#define ASM_X86_SETUP_H

#include <xen/types.h>

struct bootinfo;

void start_xen(uint32_t mb_magic, uint32_t mbi_paddr);
void start_secondary(unsigned int cpu);
void smp_bring_up_cpus(void);

/* multiboot.c: fill bootinfo from the multiboot information. */
void multiboot_parse(struct bootinfo *bi, uint32_t mbi_paddr);
/*
 * multiboot.c: open every usable device-tree module (after
 * bootinfo_check_modules()) and read the domains it describes.
 */
void multiboot_check_fdt_modules(struct bootinfo *bi);

/* head.S / trampoline.S */
extern char _start[], _end[], _edata[];
extern const uint8_t trampoline_start[], trampoline_end[];
extern volatile uint32_t ap_cpu_id;
extern volatile uint64_t ap_stack_top;

extern unsigned char cpu_stacks[CONFIG_NR_CPUS][STACK_SIZE];

/* drivers/char/ns16550.c */
int ns16550_init(uint16_t io_base);

/* svm.c */
void svm_init_bsp(void);
void svm_init_ap(unsigned int cpu);

/* time.c */
void tsc_calibrate(void);
void udelay(unsigned long us);
uint64_t tsc_ticks_per_ms(void);

/* power.c */
extern bool system_crashing;

#endif /* ASM_X86_SETUP_H */
