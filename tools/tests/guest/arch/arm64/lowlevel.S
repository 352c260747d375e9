/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 helpers that C cannot express: setjmp/longjmp for fault
 * recovery, the register-survival probe, fault triggers and PSCI.
 */
    .text

/* int xtest_setjmp(struct xtest_jmp *j): x19..x30, sp. */
    .global xtest_setjmp
xtest_setjmp:
    stp     x19, x20, [x0, #0]
    stp     x21, x22, [x0, #16]
    stp     x23, x24, [x0, #32]
    stp     x25, x26, [x0, #48]
    stp     x27, x28, [x0, #64]
    stp     x29, x30, [x0, #80]
    mov     x1, sp
    str     x1, [x0, #96]
    mov     x0, #0
    ret

/* void xtest_longjmp(struct xtest_jmp *j, int v): setjmp returns v (or 1). */
    .global xtest_longjmp
xtest_longjmp:
    ldp     x19, x20, [x0, #0]
    ldp     x21, x22, [x0, #16]
    ldp     x23, x24, [x0, #32]
    ldp     x25, x26, [x0, #48]
    ldp     x27, x28, [x0, #64]
    ldp     x29, x30, [x0, #80]
    ldr     x2, [x0, #96]
    mov     sp, x2
    cmp     w1, #0
    csinc   w0, w1, wzr, ne
    ret

/*
 * void arm64_regdump_call(nr, a0, a1, a2, unsigned long out[33])
 *
 * Loads ARM64_PATTERN(i) into x3..x15 and x17..x30, makes hypercall nr
 * with a0..a2 in x0..x2, then stores x0..x30 in out[0..30], sp after the
 * call in out[31] and sp before it in out[32].
 */
    .macro  pattern reg, i
    movz    \reg, #(\i * 0x0101)
    movk    \reg, #(\i * 0x0101), lsl #16
    movk    \reg, #0x5a5a, lsl #48
    .endm

    .global arm64_regdump_call
arm64_regdump_call:
    sub     sp, sp, #112
    stp     x19, x20, [sp, #0]
    stp     x21, x22, [sp, #16]
    stp     x23, x24, [sp, #32]
    stp     x25, x26, [sp, #48]
    stp     x27, x28, [sp, #64]
    stp     x29, x30, [sp, #80]
    str     x4, [sp, #96]
    mov     x5, sp
    str     x5, [x4, #256]
    mov     x16, x0
    mov     x0, x1
    mov     x1, x2
    mov     x2, x3
    pattern x3, 3
    pattern x4, 4
    pattern x5, 5
    pattern x6, 6
    pattern x7, 7
    pattern x8, 8
    pattern x9, 9
    pattern x10, 10
    pattern x11, 11
    pattern x12, 12
    pattern x13, 13
    pattern x14, 14
    pattern x15, 15
    pattern x17, 17
    pattern x18, 18
    pattern x19, 19
    pattern x20, 20
    pattern x21, 21
    pattern x22, 22
    pattern x23, 23
    pattern x24, 24
    pattern x25, 25
    pattern x26, 26
    pattern x27, 27
    pattern x28, 28
    pattern x29, 29
    pattern x30, 30
    hvc     #0xea1
    str     x0, [sp, #104]
    ldr     x0, [sp, #96]
    str     x1, [x0, #8]
    stp     x2, x3, [x0, #16]
    stp     x4, x5, [x0, #32]
    stp     x6, x7, [x0, #48]
    stp     x8, x9, [x0, #64]
    stp     x10, x11, [x0, #80]
    stp     x12, x13, [x0, #96]
    stp     x14, x15, [x0, #112]
    stp     x16, x17, [x0, #128]
    stp     x18, x19, [x0, #144]
    stp     x20, x21, [x0, #160]
    stp     x22, x23, [x0, #176]
    stp     x24, x25, [x0, #192]
    stp     x26, x27, [x0, #208]
    stp     x28, x29, [x0, #224]
    str     x30, [x0, #240]
    mov     x1, sp
    str     x1, [x0, #248]
    ldr     x1, [sp, #104]
    str     x1, [x0, #0]
    ldp     x19, x20, [sp, #0]
    ldp     x21, x22, [sp, #16]
    ldp     x23, x24, [sp, #32]
    ldp     x25, x26, [sp, #48]
    ldp     x27, x28, [sp, #64]
    ldp     x29, x30, [sp, #80]
    add     sp, sp, #112
    ret

/* Fault triggers: each labels the instruction expected to fault. */
    .global arch_undef_insn, arch_undef_insn_pc
arch_undef_insn:
arch_undef_insn_pc:
    udf     #0
    ret

    .global arch_bad_hvc, arch_bad_hvc_pc
arch_bad_hvc:
arch_bad_hvc_pc:
    hvc     #0x1234
    ret

    .global arch_load, arch_load_pc
arch_load:
arch_load_pc:
    ldr     x1, [x0]
    ret

/* unsigned long arm64_psci(fn, a1, a2, a3): SMCCC through "hvc #0". */
    .global arm64_psci
arm64_psci:
    hvc     #0
    ret

    .section .note.GNU-stack, "", %progbits
