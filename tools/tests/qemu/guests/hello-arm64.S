/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The smallest arm64 guest that passes: an Image header, two lines on the
 * console (console_io), then SCHEDOP_shutdown(poweroff). For runs with
 * many domains, where each guest should cost the hypervisor next to
 * nothing.
 */
    .text
    .global _start
_start:
    b       entry
    .long   0
    .quad   0                   /* text_offset */
    .quad   end - _start        /* image_size (offset 16) */
    .quad   0xa
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .long   0

.macro say label, len
    mov     x0, #0              /* CONSOLEIO_write */
    mov     x1, #\len
    adr     x2, \label
    mov     x16, #18            /* __HYPERVISOR_console_io */
    hvc     #0xea1
.endm

entry:
    say     hello, hello_len
    say     success, success_len
    mov     x0, #2              /* SCHEDOP_shutdown */
    adr     x1, reason
    mov     x16, #29            /* __HYPERVISOR_sched_op */
    hvc     #0xea1
    b       .

hello:   .ascii "hello: up\n"
    .set hello_len, . - hello
success: .ascii "Test result: SUCCESS\n"
    .set success_len, . - success
    .balign 4
reason:  .word 0                /* SHUTDOWN_poweroff */
end:
