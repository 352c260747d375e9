/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 entry point.
 *
 * The image is a Linux arm64 Image (64-byte header), so a boot loader or
 * QEMU's -kernel enters it at EL2 with the MMU off and x0 = the physical
 * address of the device tree. It is linked position-independent: the
 * first thing it does is apply its own R_AARCH64_RELATIVE relocations for
 * wherever it was loaded. Then it clears .bss, builds an identity map
 * (1 GiB blocks: the first GiB as device memory, the next 511 as normal
 * memory), turns the MMU on and calls start_xen(dtb).
 *
 * Secondary CPUs enter at secondary_entry through PSCI CPU_ON with x0 =
 * their logical CPU number; they reuse the boot CPU's page tables.
 */
#include <asm/sysregs.h>

#define R_AARCH64_RELATIVE 1027

/* Load the address of sym, +/- 4 GiB from here (position independent). */
.macro adr_l, reg, sym
    adrp    \reg, \sym
    add     \reg, \reg, :lo12:\sym
.endm

    .section .text.header, "ax", %progbits
    .global _start
_start:
    b       real_start              /* code0 */
    .long   0                       /* code1 */
    .quad   0                       /* text_offset: 2 MiB-aligned base */
    .quad   _image_size             /* image_size, .bss included */
    .quad   0xa                     /* flags: LE, 4K pages, anywhere */
    .quad   0                       /* res2 */
    .quad   0                       /* res3 */
    .quad   0                       /* res4 */
    .ascii  "ARM\x64"               /* magic */
    .long   0                       /* res5 */

real_start:
    mov     x19, x0                 /* device tree */
    msr     daifset, #0xf

    /* Only EL2 makes sense; anything else: nothing we can do, spin. */
    mrs     x0, CurrentEL
    cmp     x0, #(2 << 2)
1:  b.ne    1b

    /* Load offset = where we run - where we were linked. */
    adr_l   x20, _start
    ldr     x0, =XEN_LINK_BASE
    sub     x20, x20, x0

    /* Apply R_AARCH64_RELATIVE relocations: *(off + r) = addend + off. */
    adr_l   x1, __rela_start
    adr_l   x2, __rela_end
1:  cmp     x1, x2
    b.hs    2f
    ldp     x3, x4, [x1], #16       /* r_offset, r_info */
    ldr     x5, [x1], #8            /* r_addend */
    cmp     w4, #R_AARCH64_RELATIVE
    b.ne    1b
    add     x5, x5, x20
    str     x5, [x3, x20]
    b       1b
2:
    /* Clear .bss (8-byte aligned, a multiple of 8 long). */
    adr_l   x1, __bss_start
    adr_l   x2, __bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:
    /* Level-1 table: entry i maps [i GiB, i+1 GiB) one to one. */
    adr_l   x1, boot_pgtable_l1
    mov     x2, #0                  /* i */
    ldr     x3, =PTE_BLOCK_DEVICE
    ldr     x4, =PTE_BLOCK_NORMAL
1:  cmp     x2, #0
    csel    x5, x3, x4, eq
    orr     x5, x5, x2, lsl #30
    str     x5, [x1, x2, lsl #3]
    add     x2, x2, #1
    cmp     x2, #512
    b.lo    1b
    dsb     sy

    /*
     * Everything above went straight to memory (MMU and caches off). The
     * boot loader only had to clean the image to the point of coherency,
     * so clean lines of it may still sit in the caches: drop them before
     * the MMU and caches come on, or cached reads (and the table walker)
     * would see the image as it was loaded.
     */
    adr_l   x0, _start
    adr_l   x1, _end
    mrs     x2, ctr_el0
    ubfx    x2, x2, #16, #4         /* DminLine: log2 of words a line */
    mov     x3, #4
    lsl     x2, x3, x2              /* bytes a line */
    sub     x3, x2, #1
    bic     x0, x0, x3
1:  dc      ivac, x0
    add     x0, x0, x2
    cmp     x0, x1
    b.lo    1b
    dsb     sy

    mov     x0, #0
    bl      cpu_init_el2

    mov     x0, x19
    bl      start_xen
    b       cpu_park

/*
 * PSCI CPU_ON entry: MMU off, x0 = logical CPU number (context_id).
 */
    .text
    .global secondary_entry
secondary_entry:
    msr     daifset, #0xf
    mov     x19, x0
    bl      cpu_init_el2
    mov     x0, x19
    bl      start_secondary
    b       cpu_park

/*
 * Per-CPU EL2 set-up; x0 = logical CPU number. Sets the stack, vectors,
 * TPIDR_EL2 and turns the MMU on with the shared identity map.
 */
cpu_init_el2:
    mov     x18, x30
    msr     tpidr_el2, x0

    adr_l   x1, cpu_stacks
    add     x2, x0, #1
    lsl     x2, x2, #STACK_SHIFT
    add     x1, x1, x2
    mov     sp, x1

    adr_l   x1, hyp_vectors
    msr     vbar_el2, x1

    msr     hcr_el2, xzr

    ldr     x1, =MAIR_EL2_VALUE
    msr     mair_el2, x1

    mrs     x1, id_aa64mmfr0_el1
    and     x1, x1, #0xf            /* PARange */
    cmp     x1, #5
    mov     x2, #5
    csel    x1, x2, x1, hi          /* at most 48 bits */
    ldr     x2, =TCR_EL2_VALUE
    orr     x2, x2, x1, lsl #TCR_PS_SHIFT
    msr     tcr_el2, x2

    adr_l   x1, boot_pgtable_l1
    msr     ttbr0_el2, x1
    isb
    tlbi    alle2
    dsb     sy
    isb

    ic      iallu                   /* no stale instructions either */
    dsb     nsh
    isb

    ldr     x1, =SCTLR_EL2_VALUE
    msr     sctlr_el2, x1
    isb

    mov     x30, x18
    ret

    .global cpu_park
cpu_park:
    msr     daifset, #0xf
1:  wfi
    b       1b

    .ltorg

    .section .bss.page_aligned, "aw", %nobits
    .balign 4096
boot_pgtable_l1:
    .space  4096
