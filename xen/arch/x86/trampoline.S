/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Real-mode start-up code for the application processors. smpboot.c
 * copies it to TRAMPOLINE_PADDR (a page below 1 MiB) and points the
 * STARTUP IPI at it: the AP starts here in real mode with CS = that
 * address / 16 and IP = 0. It loads the hypervisor's GDT, turns on
 * protected mode and jumps into head.S (ap_start32), which finishes the
 * way to long mode. Only addresses relative to trampoline_start may be
 * used for data here, because of where it runs.
 */
#include <asm/desc.h>
#include <asm/processor.h>

    .section .rodata.trampoline, "a", @progbits
    .code16
    .global trampoline_start
trampoline_start:
    cli
    cld
    mov     %cs, %ax
    mov     %ax, %ds
    /* The 0x66 form: the GDT base is 32 bits wide. */
    lgdtl   tramp_gdt_descr - trampoline_start
    mov     %cr0, %eax
    or      $X86_CR0_PE, %eax
    mov     %eax, %cr0
    ljmpl   $BOOT_CS32, $ap_start32

    .balign 8
tramp_gdt_descr:
    .word   GDT_SIZE - 1
    .long   gdt_table

    .global trampoline_end
trampoline_end:

    .section .note.GNU-stack, "", @progbits
