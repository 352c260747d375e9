/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception and interrupt entry: one 16-byte stub per IDT vector. Each
 * pushes a zero where the CPU pushes no error code, then its vector, and
 * joins handle_exception, which saves the general registers in the layout
 * of struct cpu_user_regs and calls do_trap(regs).
 */
#include <asm/desc.h>

    .text
    .code64
    .balign IDT_STUB_SIZE
    .global idt_stubs
idt_stubs:
vec = 0
    .rept IDT_ENTRIES
    .balign IDT_STUB_SIZE
    /* #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP, #VC, #SX push an error code. */
    .if (vec == 8) || ((vec >= 10) && (vec <= 14)) || (vec == 17) || \
        (vec == 21) || (vec == 29) || (vec == 30)
    .else
    pushq   $0
    .endif
    pushq   $vec
    jmp     handle_exception
vec = vec + 1
    .endr
    .balign IDT_STUB_SIZE
    .global idt_stubs_end
idt_stubs_end:                      /* xen.lds.S checks the stub size */

handle_exception:
    push    %rdi
    push    %rsi
    push    %rdx
    push    %rcx
    push    %rax
    push    %r8
    push    %r9
    push    %r10
    push    %r11
    push    %rbx
    push    %rbp
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    cld
    mov     %rsp, %rdi
    call    do_trap
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %rbp
    pop     %rbx
    pop     %r11
    pop     %r10
    pop     %r9
    pop     %r8
    pop     %rax
    pop     %rcx
    pop     %rdx
    pop     %rsi
    pop     %rdi
    add     $16, %rsp               /* vector, error code */
    iretq

    .section .note.GNU-stack, "", @progbits
