/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 test-guest entry: a Linux arm64 Image header, then the boot
 * protocol's state (EL1, MMU and caches off, x0 = device tree). The image
 * is linked at 0 as a position-independent executable and may be loaded
 * at any 2 MiB-aligned address, so it applies its own R_AARCH64_RELATIVE
 * relocations first, then clears .bss, sets a stack and the exception
 * vectors, and calls xtest_arch_start(dt).
 */
#define R_AARCH64_RELATIVE 1027

/*
 * Into C: the stack below top, the exception vectors, then fn(x0); if fn
 * returns, the vCPU waits in WFI for ever.
 */
    .macro enter_c top, fn
    adrp    x1, \top
    add     x1, x1, :lo12:\top
    mov     sp, x1
    adrp    x1, arm64_vectors
    add     x1, x1, :lo12:arm64_vectors
    msr     vbar_el1, x1
    isb
    bl      \fn
9:  wfi
    b       9b
    .endm

    .section .text.head, "ax"
    .global _start
_start:
    b       entry                   /* code0 */
    .long   0                       /* code1 */
    .quad   0                       /* text_offset */
    .quad   __image_size            /* image_size, .bss included */
    .quad   0xa                     /* LE, 4K pages, anywhere in RAM */
    .quad   0, 0, 0                 /* res2..res4 */
    .ascii  "ARM\x64"               /* magic */
    .long   0                       /* res5 */

entry:
    mov     x19, x0                 /* device tree */
    adr     x20, _start             /* load offset (linked at 0) */

    /* Relocate: *(base + offset) = base + addend. */
    adrp    x1, __rela_start
    add     x1, x1, :lo12:__rela_start
    adrp    x2, __rela_end
    add     x2, x2, :lo12:__rela_end
1:  cmp     x1, x2
    b.hs    2f
    ldp     x3, x4, [x1], #16       /* r_offset, r_info */
    ldr     x5, [x1], #8            /* r_addend */
    cmp     w4, #R_AARCH64_RELATIVE
    b.ne    1b
    add     x5, x5, x20
    str     x5, [x20, x3]
    b       1b
2:
    /* Clear .bss (16-byte aligned at both ends). */
    adrp    x1, __bss_start
    add     x1, x1, :lo12:__bss_start
    adrp    x2, __bss_end
    add     x2, x2, :lo12:__bss_end
3:  cmp     x1, x2
    b.hs    4f
    stp     xzr, xzr, [x1], #16
    b       3b
4:
    mov     x0, x19
    enter_c __stack_top, xtest_arch_start

/*
 * A secondary vCPU's entry (PSCI CPU_ON, x0 = its context id), in the
 * boot protocol's state like the first one: its own stack (one secondary
 * vCPU at a time), the vectors, then arm64_secondary(context).
 */
    .global arm64_secondary_entry
arm64_secondary_entry:
    enter_c __secondary_stack_top, arm64_secondary

/*
 * Exception vectors. Every entry saves the interrupted state in a
 * struct arm64_frame on the current stack and calls arm64_trap(frame,
 * index); the handler may change the frame's ELR before we return.
 */
#define FRAME_SIZE 288
#define FRAME_ELR  248
#define FRAME_SPSR 256
#define FRAME_ESR  264
#define FRAME_FAR  272

    .macro vector idx
    .balign 0x80
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp, #0]
    mov     x1, #\idx
    b       trap_common
    .endm

    .text
    .balign 2048
    .global arm64_vectors
arm64_vectors:
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    vector  \i
    .endr

trap_common:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x2, elr_el1
    mrs     x3, spsr_el1
    stp     x2, x3, [sp, #FRAME_ELR]
    mrs     x2, esr_el1
    mrs     x3, far_el1
    stp     x2, x3, [sp, #FRAME_ESR]
    mov     x0, sp
    bl      arm64_trap
    ldp     x2, x3, [sp, #FRAME_ELR]
    msr     elr_el1, x2
    msr     spsr_el1, x3
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    add     sp, sp, #FRAME_SIZE
    eret

    .section .note.GNU-stack, "", %progbits
