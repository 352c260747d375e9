/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FP/SIMD probes for the fp-state test. The library is built with
 * -mgeneral-regs-only, so v0-v31 and FPCR hold only what these write.
 * Register i holds (seed + i) in its low half and its complement in the
 * high half; FPCR's rounding mode is seed & 3.
 */
    .text

/* void arch_fp_enable(void): let EL1 use FP/SIMD (CPACR_EL1.FPEN). */
    .globl  arch_fp_enable
arch_fp_enable:
    mrs     x0, cpacr_el1
    orr     x0, x0, #(3 << 20)
    msr     cpacr_el1, x0
    isb
    ret

/* void arch_fp_fill(unsigned long seed) */
    .globl  arch_fp_fill
arch_fp_fill:
    and     x2, x0, #3
    lsl     x2, x2, #22
    msr     fpcr, x2
    mov     x1, x0
    .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
               16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    mvn     x2, x1
    fmov    d\n, x1
    mov     v\n\().d[1], x2
    add     x1, x1, #1
    .endr
    ret

/*
 * unsigned long arch_fp_check(unsigned long seed): bit i set if register
 * i lost its value, bit 32 if FPCR's rounding mode did.
 */
    .globl  arch_fp_check
arch_fp_check:
    mov     x1, x0
    mov     x3, #0
    .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
               16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    fmov    x2, d\n
    mov     x4, v\n\().d[1]
    mvn     x5, x1
    eor     x2, x2, x1
    eor     x4, x4, x5
    orr     x2, x2, x4
    cbz     x2, 1f
    orr     x3, x3, #(1 << \n)
1:  add     x1, x1, #1
    .endr
    mrs     x2, fpcr
    ubfx    x2, x2, #22, #2
    and     x4, x0, #3
    cmp     x2, x4
    b.eq    2f
    orr     x3, x3, #(1 << 32)
2:  mov     x0, x3
    ret

/* unsigned long arch_cycles(void): the virtual counter. */
    .globl  arch_cycles
arch_cycles:
    isb
    mrs     x0, cntvct_el0
    ret
