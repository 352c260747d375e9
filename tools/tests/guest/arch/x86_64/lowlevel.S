/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 helpers that C cannot express: exception stubs, setjmp/longjmp,
 * the register-survival probe and fault triggers.
 */
    .text

/*
 * Exception stubs 0..31: push a dummy error code where the CPU pushes
 * none, then the vector, save the general registers as struct
 * x86_frame and call x86_trap(frame), which may change the frame's rip.
 */
    .macro  stub vec
    .balign 16
x86_stub_\vec:
    .if     !(\vec == 8 || (\vec >= 10 && \vec <= 14) || \vec == 17 || \
              \vec == 21 || \vec == 29 || \vec == 30)
    push    $0
    .endif
    push    $\vec
    jmp     trap_common
    .endm

    .irp    v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
               16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    stub    \v
    .endr

trap_common:
    push    %rax
    push    %rbx
    push    %rcx
    push    %rdx
    push    %rsi
    push    %rdi
    push    %rbp
    push    %r8
    push    %r9
    push    %r10
    push    %r11
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    mov     %rsp, %rdi
    call    x86_trap
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %r11
    pop     %r10
    pop     %r9
    pop     %r8
    pop     %rbp
    pop     %rdi
    pop     %rsi
    pop     %rdx
    pop     %rcx
    pop     %rbx
    pop     %rax
    add     $16, %rsp
    iretq

    .section .rodata
    .balign 8
    .global x86_stubs
x86_stubs:
    .irp    v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
               16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .quad   x86_stub_\v
    .endr
    .text

/* int xtest_setjmp(struct xtest_jmp *j) */
    .global xtest_setjmp
xtest_setjmp:
    mov     %rbx, 0(%rdi)
    mov     %rbp, 8(%rdi)
    mov     %r12, 16(%rdi)
    mov     %r13, 24(%rdi)
    mov     %r14, 32(%rdi)
    mov     %r15, 40(%rdi)
    lea     8(%rsp), %rax
    mov     %rax, 48(%rdi)
    mov     (%rsp), %rax
    mov     %rax, 56(%rdi)
    xor     %eax, %eax
    ret

/* void xtest_longjmp(struct xtest_jmp *j, int v) */
    .global xtest_longjmp
xtest_longjmp:
    mov     0(%rdi), %rbx
    mov     8(%rdi), %rbp
    mov     16(%rdi), %r12
    mov     24(%rdi), %r13
    mov     32(%rdi), %r14
    mov     40(%rdi), %r15
    mov     48(%rdi), %rsp
    mov     %esi, %eax
    test    %eax, %eax
    jnz     1f
    inc     %eax
1:  jmp     *56(%rdi)

/*
 * void x86_regdump_call(stub, a0, a1, a2, unsigned long out[17])
 *
 * Loads X86_PATTERN(reg) into every register but rax, rsp and the three
 * used arguments, calls the hypercall stub with a0..a2 in rdi, rsi, rdx,
 * and stores rax, rbx, rcx, rdx, rsi, rdi, rbp, r8..r15 in out[0..14],
 * rsp after the call in out[15] and rsp before it in out[16]. Register
 * numbers for the patterns are the encodings (rcx 1, rdx 2, rbx 3, rbp 5,
 * rsi 6, rdi 7, r8..r15 8..15).
 */
    .macro  pattern reg, i
    movabs  $(0x5a5a000000000000 + \i * 0x01010101), \reg
    .endm

    .global x86_regdump_call
x86_regdump_call:
    push    %rbx
    push    %rbp
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    push    %r8                         /* out */
    push    %rdi                        /* stub */
    mov     %rsp, 128(%r8)
    mov     %rsi, %rdi
    mov     %rdx, %rsi
    mov     %rcx, %rdx
    pattern %rcx, 1
    pattern %rbx, 3
    pattern %rbp, 5
    pattern %r8, 8
    pattern %r9, 9
    pattern %r10, 10
    pattern %r11, 11
    pattern %r12, 12
    pattern %r13, 13
    pattern %r14, 14
    pattern %r15, 15
    call    *(%rsp)
    push    %rax
    mov     16(%rsp), %rax              /* out */
    mov     %rbx, 8(%rax)
    mov     %rcx, 16(%rax)
    mov     %rdx, 24(%rax)
    mov     %rsi, 32(%rax)
    mov     %rdi, 40(%rax)
    mov     %rbp, 48(%rax)
    mov     %r8, 56(%rax)
    mov     %r9, 64(%rax)
    mov     %r10, 72(%rax)
    mov     %r11, 80(%rax)
    mov     %r12, 88(%rax)
    mov     %r13, 96(%rax)
    mov     %r14, 104(%rax)
    mov     %r15, 112(%rax)
    lea     8(%rsp), %rbx
    mov     %rbx, 120(%rax)
    pop     %rbx
    mov     %rbx, 0(%rax)
    add     $16, %rsp
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %rbp
    pop     %rbx
    ret

/* Fault triggers. */
    .global arch_undef_insn, arch_undef_insn_pc
arch_undef_insn:
arch_undef_insn_pc:
    ud2
    ret

    .global arch_load, arch_load_pc
arch_load:
arch_load_pc:
    mov     (%rdi), %rax
    ret

    .section .note.GNU-stack, "", @progbits
