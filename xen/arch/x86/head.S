/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 entry point.
 *
 * A multiboot (v1) loader enters start32 in 32-bit protected mode with
 * paging off, eax = the loader magic and ebx = the multiboot information.
 * The header sets the a.out kludge flag, so the loader (QEMU's -kernel
 * included) takes the load addresses from it and loads the flat image at
 * 1 MiB. We clear .bss, build an identity map of the first 4 GiB with
 * 2 MiB pages (the top GiB, where the PCI hole and the APICs are, is
 * uncached), switch to long mode and call start_xen(magic, mbi).
 *
 * Application processors come from the real-mode trampoline into
 * ap_start32 and take the same road to long mode, with the boot CPU's
 * page tables, and call start_secondary(cpu) on the stack the boot CPU
 * chose for them.
 */
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/multiboot.h>
#include <asm/processor.h>

#define MB_FLAGS (MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO | \
                  MULTIBOOT_AOUT_KLUDGE)

#define PTE_P       0x001
#define PTE_RW      0x002
#define PTE_PWT     0x008
#define PTE_PCD     0x010
#define PTE_PS      0x080

#define L2_ENTRIES  2048            /* 4 pages of 512: 4 GiB in 2 MiB pages */
#define L2_UNCACHED 1536            /* from 3 GiB up */

#define CR0_VALUE   (X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_ET | \
                     X86_CR0_MP | X86_CR0_PE)

    .section .text.header, "ax", @progbits
    .code32
    .global _start
_start:
mb_header:
    .long   MULTIBOOT_HEADER_MAGIC
    .long   MB_FLAGS
    .long   -(MULTIBOOT_HEADER_MAGIC + MB_FLAGS)
    .long   mb_header               /* header_addr */
    .long   _start                  /* load_addr */
    .long   _edata                  /* load_end_addr */
    .long   _end                    /* bss_end_addr */
    .long   start32                 /* entry_addr */

    .global start32
start32:
    cli
    cld
    mov     %eax, mb_magic
    mov     %ebx, mb_info

    /* The loader's GDT is not ours to keep: load our own first. */
    lgdt    gdt_descr
    ljmp    $BOOT_CS32, $1f
1:  mov     $HYP_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    mov     %eax, %fs
    mov     %eax, %gs

    /* Clear .bss (the loader should have, but do not rely on it). */
    mov     $__bss_start, %edi
    mov     $__bss_end, %ecx
    sub     %edi, %ecx
    xor     %eax, %eax
    rep stosb

    /* L4[0] -> L3; L3[0..3] -> the four L2 pages. */
    movl    $(boot_l3 + PTE_P + PTE_RW), boot_l4
    mov     $boot_l3, %edi
    mov     $(boot_l2 + PTE_P + PTE_RW), %eax
    mov     $4, %ecx
1:  mov     %eax, (%edi)
    add     $8, %edi
    add     $4096, %eax
    loop    1b

    /* L2[i] = i * 2 MiB, present, writable, large. */
    mov     $boot_l2, %edi
    xor     %ecx, %ecx
1:  mov     %ecx, %eax
    shl     $21, %eax
    or      $(PTE_P + PTE_RW + PTE_PS), %eax
    cmp     $L2_UNCACHED, %ecx
    jb      2f
    or      $(PTE_PCD + PTE_PWT), %eax
2:  mov     %eax, (%edi, %ecx, 8)
    inc     %ecx
    cmp     $L2_ENTRIES, %ecx
    jb      1b

    mov     $start64, %esi
    jmp     enable_long_mode

/* Application processors, from the trampoline: CS = BOOT_CS32, flat. */
    .global ap_start32
ap_start32:
    mov     $HYP_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    mov     %eax, %fs
    mov     %eax, %gs
    mov     $ap_start64, %esi
    /* Fall through. */

/* Paging off, flat segments; %esi = the 64-bit code to continue at. */
enable_long_mode:
    mov     $0x80000000, %eax
    cpuid
    cmp     $0x80000001, %eax
    jb      no_long_mode
    mov     $0x80000001, %eax
    cpuid
    bt      $29, %edx               /* LM */
    jnc     no_long_mode
    mov     %edx, %edi

    mov     $(X86_CR4_PAE | X86_CR4_PGE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT), %eax
    mov     %eax, %cr4
    mov     $boot_l4, %eax
    mov     %eax, %cr3

    mov     $MSR_EFER, %ecx
    rdmsr
    or      $EFER_LME, %eax
    test    $CPUID_EXT_EDX_NX, %edi
    jz      1f
    or      $EFER_NXE, %eax
1:  wrmsr

    mov     $CR0_VALUE, %eax
    mov     %eax, %cr0

    /* Into the 64-bit code segment; no stack needed, %esi says where next. */
    ljmp    $HYP_CS64, $long_mode_entry

/* No console yet: write to COM1 raw (QEMU's UART needs no setup). */
no_long_mode:
    mov     $no_lm_msg, %esi
    mov     $0x3f8, %dx
1:  lodsb
    test    %al, %al
    jz      2f
    outb    %al, %dx
    jmp     1b
2:  cli
    hlt
    jmp     2b

    .code64
long_mode_entry:
    mov     %esi, %esi
    jmp     *%rsi

start64:
    mov     $HYP_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    mov     %eax, %fs
    mov     %eax, %gs
    lea     cpu_stacks + STACK_SIZE(%rip), %rsp
    mov     mb_magic(%rip), %edi
    mov     mb_info(%rip), %esi
    call    start_xen
    jmp     park

ap_start64:
    mov     $HYP_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    mov     %eax, %fs
    mov     %eax, %gs
    mov     ap_stack_top(%rip), %rsp
    mov     ap_cpu_id(%rip), %edi
    call    start_secondary
    /* Nothing to run yet: park the CPU with interrupts masked. */
park:
    cli
    hlt
    jmp     park

    .section .rodata, "a", @progbits
no_lm_msg:
    .asciz  "Xen: this CPU has no long mode (CPUID 0x80000001 EDX.LM); halting\r\n"

    .data
mb_magic:
    .long   0
mb_info:
    .long   0

    .global ap_cpu_id, ap_stack_top
ap_cpu_id:
    .long   0
    .balign 8
ap_stack_top:
    .quad   0

    .balign 16
    .global gdt_table
gdt_table:
    .quad   0
    .quad   DESC_CODE64
    .quad   DESC_DATA
    .quad   DESC_CODE32
    .fill   GDT_ENTRIES - 4, 8, 0       /* TSS descriptors, filled in C */

/* lgdt from 32-bit code (and the trampoline) reads a 32-bit base. */
    .balign 8
    .global gdt_descr
gdt_descr:
    .word   GDT_SIZE - 1
    .long   gdt_table

    .section .bss.page_aligned, "aw", @nobits
    .balign 4096
    .global boot_l4
boot_l4:
    .skip   4096
boot_l3:
    .skip   4096
boot_l2:
    .skip   4 * 4096

    .section .note.GNU-stack, "", @progbits
