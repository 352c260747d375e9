/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The SVM world switch, and a way to drop the current stack.
 *
 * svm_vmrun(vmcb_pa, regs, host_pa): save the host's VMLOAD/VMSAVE state
 * (FS, GS and their bases, TR, LDTR, the syscall MSRs) into host_pa,
 * clear GIF, load the guest's general registers from regs (struct
 * svm_gprs: rbx, rcx, rdx, rsi, rdi, rbp, r8..r15), VMLOAD and VMRUN the
 * VMCB. After #VMEXIT: VMSAVE the guest's state back, store its general
 * registers, reload the host's state and set GIF again. rax and rsp are
 * the guest's only in the VMCB; the CPU restores the host's.
 *
 * Interrupts: the host runs with RFLAGS.IF clear. With V_INTR_MASKING
 * the guest's IF masks only its virtual interrupts, and physical ones are
 * let in (to be intercepted, #VMEXIT INTR) only if the host's IF was set
 * at VMRUN. So IF is set once GIF is clear (nothing can be taken here),
 * and cleared again after #VMEXIT, before GIF is set: an interrupt that
 * made the guest exit stays pending in the APIC for the exit handler.
 */

#define GPR_RBX 0
#define GPR_RCX 8
#define GPR_RDX 16
#define GPR_RSI 24
#define GPR_RDI 32
#define GPR_RBP 40
#define GPR_R8  48
#define GPR_R9  56
#define GPR_R10 64
#define GPR_R11 72
#define GPR_R12 80
#define GPR_R13 88
#define GPR_R14 96
#define GPR_R15 104

    .text
    .code64
    .global svm_vmrun
svm_vmrun:
    push    %rbp
    push    %rbx
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    push    %rsi                    /* regs */
    push    %rdx                    /* host_pa */

    mov     %rdx, %rax
    vmsave  %rax
    mov     %rdi, %rax              /* VMRUN takes the VMCB in rax */
    clgi
    sti                             /* GIF is clear: no interrupt here */

    mov     GPR_RBX(%rsi), %rbx
    mov     GPR_RCX(%rsi), %rcx
    mov     GPR_RDX(%rsi), %rdx
    mov     GPR_RBP(%rsi), %rbp
    mov     GPR_R8(%rsi), %r8
    mov     GPR_R9(%rsi), %r9
    mov     GPR_R10(%rsi), %r10
    mov     GPR_R11(%rsi), %r11
    mov     GPR_R12(%rsi), %r12
    mov     GPR_R13(%rsi), %r13
    mov     GPR_R14(%rsi), %r14
    mov     GPR_R15(%rsi), %r15
    mov     GPR_RDI(%rsi), %rdi
    mov     GPR_RSI(%rsi), %rsi

    vmload  %rax
    vmrun   %rax
    cli                             /* #VMEXIT restored the host's IF */
    vmsave  %rax

    push    %rdi                    /* the guest's rdi */
    mov     16(%rsp), %rdi          /* regs */
    mov     %rbx, GPR_RBX(%rdi)
    mov     %rcx, GPR_RCX(%rdi)
    mov     %rdx, GPR_RDX(%rdi)
    mov     %rsi, GPR_RSI(%rdi)
    mov     %rbp, GPR_RBP(%rdi)
    mov     %r8, GPR_R8(%rdi)
    mov     %r9, GPR_R9(%rdi)
    mov     %r10, GPR_R10(%rdi)
    mov     %r11, GPR_R11(%rdi)
    mov     %r12, GPR_R12(%rdi)
    mov     %r13, GPR_R13(%rdi)
    mov     %r14, GPR_R14(%rdi)
    mov     %r15, GPR_R15(%rdi)
    pop     %rax
    mov     %rax, GPR_RDI(%rdi)

    pop     %rax                    /* host_pa */
    vmload  %rax
    stgi

    pop     %rsi
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %rbx
    pop     %rbp
    ret

/* reset_stack_and_call(fn, arg, stack_top): fn(arg) on an empty stack. */
    .global reset_stack_and_call
reset_stack_and_call:
    mov     %rdx, %rsp
    xor     %ebp, %ebp
    mov     %rdi, %rax
    mov     %rsi, %rdi
    call    *%rax
    ud2

    .section .note.GNU-stack, "", @progbits
