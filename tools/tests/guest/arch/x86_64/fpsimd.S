/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SSE probes for the fp-state test. The library is built with
 * -mgeneral-regs-only, so xmm0-xmm15 and MXCSR hold only what these
 * write. Register i holds (seed + i) in its low half and its complement
 * in the high half; MXCSR's rounding mode is seed & 3.
 */
    .text

/* void arch_fp_enable(void): CR0.MP on, EM and TS off; CR4.OSFXSR. */
    .globl  arch_fp_enable
arch_fp_enable:
    mov     %cr0, %rax
    and     $~0xc, %rax                 /* EM, TS */
    or      $0x2, %rax                  /* MP */
    mov     %rax, %cr0
    mov     %cr4, %rax
    or      $0x600, %rax                /* OSFXSR, OSXMMEXCPT */
    mov     %rax, %cr4
    ret

/* void arch_fp_fill(unsigned long seed) */
    .globl  arch_fp_fill
arch_fp_fill:
    sub     $16, %rsp
    mov     %rdi, %rax
    and     $3, %eax
    shl     $13, %eax
    or      $0x1f80, %eax               /* exceptions masked */
    mov     %eax, (%rsp)
    ldmxcsr (%rsp)
    mov     %rdi, %rax
    .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    mov     %rax, (%rsp)
    mov     %rax, %rdx
    not     %rdx
    mov     %rdx, 8(%rsp)
    movdqu  (%rsp), %xmm\n
    inc     %rax
    .endr
    add     $16, %rsp
    ret

/*
 * unsigned long arch_fp_check(unsigned long seed): bit i set if register
 * i lost its value, bit 32 if MXCSR's rounding mode did.
 */
    .globl  arch_fp_check
arch_fp_check:
    sub     $16, %rsp
    xor     %ecx, %ecx
    mov     %rdi, %rax
    .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    movdqu  %xmm\n, (%rsp)
    mov     %rax, %rdx
    not     %rdx
    cmp     %rax, (%rsp)
    jne     1f
    cmp     %rdx, 8(%rsp)
    je      2f
1:  bts     $\n, %rcx
2:  inc     %rax
    .endr
    stmxcsr (%rsp)
    mov     (%rsp), %eax
    shr     $13, %eax
    and     $3, %eax
    mov     %edi, %edx
    and     $3, %edx
    cmp     %eax, %edx
    je      3f
    bts     $32, %rcx
3:  mov     %rcx, %rax
    add     $16, %rsp
    ret

/* unsigned long arch_cycles(void): the TSC. */
    .globl  arch_cycles
arch_cycles:
    rdtsc
    shl     $32, %rdx
    or      %rdx, %rax
    ret
