/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The smallest arm64 guest that says something: a Linux Image header,
 * then console_io(CONSOLEIO_write), xen_version(XENVER_version) printed
 * as hex, a read from a guest-physical address with nothing mapped (the
 * abort must come back to our vector), a second vCPU started with PSCI
 * CPU_ON that never stops computing (shutdown must stop it), a console
 * write long enough to be preempted and continued, and
 * SCHEDOP_shutdown(poweroff).
 * Boot-path smoke test for the hypervisor; the real test guests live in
 * tools/tests/guest.
 */
    .text
    .global _start
_start:
    b       entry
    .long   0
    .quad   0                   /* text_offset */
    .quad   end - _start        /* image_size */
    .quad   0xa
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .long   0

/*
 * The long write: LONG_LEN bytes, LONG_OFFSET past the image, all '\r'
 * (which the hypervisor drops) but for the line long_done at the very
 * end, inside the last 128-byte chunk. The hypervisor needs well over a
 * time slice for it, so it is continued at least once.
 */
#define LONG_OFFSET 0x100000
#define LONG_LEN    0x400000

/* Registers that no hypercall may change, and what they hold. */
#define KEPT 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 24, 25, \
             26, 27, 28, 29, 30

.macro hypercall nr
    mov     x16, #\nr
    hvc     #0xea1
.endm

.macro print label, len
    mov     x0, #0
    mov     x1, #\len
    adr     x2, \label
    hypercall 18
.endm

entry:
    mov     x19, x0             /* device tree */
    adr     x0, vectors
    msr     vbar_el1, x0
    isb
    print   hello, hello_len

    /* xen_version(XENVER_version): print the 8 low hex digits. */
    mov     x0, #0
    mov     x1, #0
    hypercall 17
    adr     x2, hex + 10
    mov     x3, #8
1:  and     x4, x0, #0xf
    cmp     x4, #10
    add     x5, x4, #'0'
    add     x6, x4, #('a' - 10)
    csel    x4, x5, x6, lo
    strb    w4, [x2, #-1]!
    lsr     x0, x0, #4
    subs    x3, x3, #1
    b.ne    1b
    print   version, version_len

    /* An unknown hypercall: -ENOSYS (-38) expected in x0. */
    hypercall 63
    cmn     x0, #38
    b.ne    fail

    /* An unknown subop: -ENOSYS too. */
    mov     x0, #99
    mov     x1, #0
    hypercall 17
    cmn     x0, #38
    b.ne    fail

    /* Bad pointers: -EFAULT (-14), and nothing else happens. */
    mov     x0, #0                  /* CONSOLEIO_write */
    mov     x1, #16
    mov     x2, #0x100000           /* no RAM there */
    hypercall 18
    cmn     x0, #14
    b.ne    fail
    mov     x0, #2                  /* SCHEDOP_shutdown, reason unreadable */
    mov     x1, #0x100000
    hypercall 29
    cmn     x0, #14
    b.ne    fail
    mov     x0, #6                  /* XENVER_get_features into nowhere */
    mov     x1, #0x100000
    hypercall 17
    cmn     x0, #14
    b.ne    fail
    print   efault_ok, efault_ok_len

    /* Registers other than x0 survive a hypercall. */
    mov     x1, #0x111
    mov     x2, #0x222
    mov     x9, #0x999
    mov     x19, #0x919
    mov     x28, #0x828
    mov     x0, #0
    hypercall 17
    cmp     x1, #0x111
    b.ne    fail
    cmp     x2, #0x222
    b.ne    fail
    cmp     x9, #0x999
    b.ne    fail
    cmp     x19, #0x919
    b.ne    fail
    cmp     x28, #0x828
    b.ne    fail
    print   regs_ok, regs_ok_len

    /*
     * Touch 192 GiB: nothing is mapped there on either layout (the guest
     * layout's RAM ends below, and on QEMU virt the hardware domain's
     * host layout has no device there; 0x100000 is host flash, which the
     * hardware domain has passed through).
     */
    mov     x20, #0
    movz    x0, #0x30, lsl #32
    ldr     x1, [x0]
    cmp     x20, #1
    b.ne    fail
    print   abort_ok, abort_ok_len

    /* Fill the long write's buffer (x21), then put long_done at its end. */
    adr     x21, _start
    add     x21, x21, #(LONG_OFFSET >> 12), lsl #12
    movz    x2, #0x0d0d
    movk    x2, #0x0d0d, lsl #16
    movk    x2, #0x0d0d, lsl #32
    movk    x2, #0x0d0d, lsl #48
    mov     x0, x21
    mov     x1, #LONG_LEN
1:  stp     x2, x2, [x0], #16
    subs    x1, x1, #16
    b.ne    1b
    adr     x1, long_done
    sub     x0, x0, #long_done_len
    mov     x3, #long_done_len
1:  ldrb    w4, [x1], #1
    strb    w4, [x0], #1
    subs    x3, x3, #1
    b.ne    1b

    /*
     * PSCI CPU_ON for vCPU 1 (MPIDR 1): 0 if the domain has two vCPUs,
     * -2 (invalid parameters) if it has one; checked below. Right after
     * it, the long write: with one pCPU, vCPU 1 can only say it is up
     * before the write's last line if the write gave way in the middle.
     */
    movz    x0, #0x0003
    movk    x0, #0xc400, lsl #16
    mov     x1, #1
    adr     x2, secondary
    mov     x3, #0
    hvc     #0
    mov     x22, x0

    .irp r, KEPT
    mov     x\r, #(0x100 + \r)
    .endr
    mov     x23, sp
    mov     x0, #0              /* CONSOLEIO_write */
    mov     x1, #LONG_LEN
    mov     x2, x21
    hypercall 18
    cbnz    x0, fail
    .irp r, KEPT
    cmp     x\r, #(0x100 + \r)
    b.ne    fail
    .endr
    mov     x5, sp
    cmp     x5, x23
    b.ne    fail
    /* A continued call comes back with its advanced arguments in x1, x2. */
    cmp     x2, x21
    b.eq    fail
    print   long_regs_ok, long_regs_ok_len
    print   long_continued, long_continued_len

    cmn     x22, #2
    b.eq    2f
    cbnz    x22, fail
    /* Wait (a while) for vCPU 1 to say it is up. */
    movz    x3, #0x4000, lsl #16
1:  ldr     w4, secondary_up
    cbnz    w4, 2f
    subs    x3, x3, #1
    b.ne    1b
    b       fail
2:
    print   success, success_len
    mov     x0, #2              /* SCHEDOP_shutdown */
    adr     x1, reason
    hypercall 29
    b       .

fail:
    print   failure, failure_len
    mov     x0, #2
    adr     x1, reason
    hypercall 29
    b       .

/* vCPU 1: say so, then compute forever; the domain's shutdown stops it. */
secondary:
    print   second, second_len
    adr     x0, secondary_up
    mov     w1, #1
    str     w1, [x0]
    b       .

/* Synchronous exception at EL1 (SP_EL1): note it, skip the instruction. */
sync_handler:
    mov     x20, #1
    mrs     x21, elr_el1
    add     x21, x21, #4
    msr     elr_el1, x21
    eret

    .balign 2048
vectors:
    .skip   0x200
    b       sync_handler
    .skip   0x600 - 4

hello:    .ascii "smoke: hello from an arm64 guest\n"
    .set hello_len, . - hello
version:  .ascii "smoke: xen_version = "
hex:      .ascii "0x00000000\n"
    .set version_len, . - version
efault_ok: .ascii "smoke: bad pointers gave -EFAULT\n"
    .set efault_ok_len, . - efault_ok
regs_ok:  .ascii "smoke: registers survived a hypercall\n"
    .set regs_ok_len, . - regs_ok
abort_ok: .ascii "smoke: unmapped access came back as an abort\n"
    .set abort_ok_len, . - abort_ok
long_done: .ascii "smoke: long write done\n"
    .set long_done_len, . - long_done
long_regs_ok: .ascii "smoke: registers survived a long hypercall\n"
    .set long_regs_ok_len, . - long_regs_ok
long_continued: .ascii "smoke: the long write was continued\n"
    .set long_continued_len, . - long_continued
second:   .ascii "smoke: vCPU 1 up\n"
    .set second_len, . - second
success:  .ascii "Test result: SUCCESS\n"
    .set success_len, . - success
failure:  .ascii "Test result: FAILURE\n"
    .set failure_len, . - failure
    .balign 4
reason:   .word 0
secondary_up: .word 0
end:
