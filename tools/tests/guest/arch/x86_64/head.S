/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 test-guest entry, PVH: Xen (or any PVH loader) enters
 * pvh_start, named by the XEN_ELFNOTE_PHYS32_ENTRY note, in 32-bit flat
 * protected mode with paging off and ebx = the hvm_start_info's
 * physical address. We clear .bss, identity-map the first 4 GiB with
 * 2 MiB pages, enter long mode with our own GDT and call
 * xtest_arch_start(start_info).
 */
#define XEN_ELFNOTE_PHYS32_ENTRY 18

    .section .note.Xen, "a", @note
    .balign 4
    .long   4                           /* namesz */
    .long   4                           /* descsz */
    .long   XEN_ELFNOTE_PHYS32_ENTRY    /* type */
    .asciz  "Xen"
    .balign 4
    .long   pvh_start
    .balign 4

/* Our flat data segment (GDT entry 0x10) in every data segment register. */
    .macro load_data_segments
    mov     $0x10, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    mov     %eax, %fs
    mov     %eax, %gs
    .endm

    .section .text.head, "ax"
    .code32
    .global pvh_start
pvh_start:
    cli
    cld
    mov     %ebx, %esi                  /* start info, kept in esi */

    mov     $__bss_start, %edi
    mov     $__bss_end, %ecx
    sub     %edi, %ecx
    shr     $2, %ecx
    xor     %eax, %eax
    rep stosl

    /* PML4[0] -> PDPT; PDPT[0..3] -> PD0..3; PDn: 512 2 MiB pages each. */
    movl    $(pdpt + 3), pml4
    mov     $pdpt, %edi
    mov     $(pd + 3), %eax
    mov     $4, %ecx
1:  mov     %eax, (%edi)
    add     $4096, %eax
    add     $8, %edi
    loop    1b
    mov     $pd, %edi
    mov     $0x83, %eax                 /* present, writable, 2 MiB */
    mov     $2048, %ecx
2:  mov     %eax, (%edi)
    add     $0x200000, %eax
    add     $8, %edi
    loop    2b

    mov     %cr4, %eax
    or      $0x20, %eax                 /* PAE */
    mov     %eax, %cr4
    mov     $pml4, %eax
    mov     %eax, %cr3
    mov     $0xc0000080, %ecx           /* EFER */
    rdmsr
    or      $0x100, %eax                /* LME */
    wrmsr
    lgdt    gdt_ptr
    mov     %cr0, %eax
    or      $0x80000001, %eax           /* PG, PE */
    mov     %eax, %cr0
    ljmp    $0x08, $long_mode

    .code64
long_mode:
    load_data_segments
    mov     $__stack_top, %rsp
    mov     %esi, %edi
    call    xtest_arch_start
3:  hlt
    jmp     3b

/*
 * vCPU 1 (setup.c, VCPUOP_initialise): in 64-bit mode with our page
 * tables, rsp its stack and rdi its context. Our GDT and segments, then
 * x86_secondary(context), which does not return.
 */
    .global x86_secondary_entry
x86_secondary_entry:
    lgdt    gdt_ptr64(%rip)
    load_data_segments
    pushq   $0x08
    lea     4f(%rip), %rax
    push    %rax
    lretq
4:  call    x86_secondary
5:  hlt
    jmp     5b

    .section .rodata
    .balign 8
gdt:
    .quad   0
    .quad   0x00af9a000000ffff          /* 0x08: 64-bit code */
    .quad   0x00cf92000000ffff          /* 0x10: flat data */
gdt_end:
gdt_ptr:
    .word   gdt_end - gdt - 1
    .long   gdt
gdt_ptr64:
    .word   gdt_end - gdt - 1
    .quad   gdt

    .section .bss.pagetables, "aw", @nobits
    .balign 4096
pml4:
    .skip   4096
pdpt:
    .skip   4096
pd:
    .skip   4 * 4096

    .section .note.GNU-stack, "", @progbits
