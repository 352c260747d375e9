/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An arm64 guest that computes for a while without ever trapping (about
 * half a billion loop iterations), then says so and shuts down. Next to
 * another guest on one pCPU it shows whether the scheduler's tick
 * preempts: without it, the other guest waits until this one is done.
 */
    .text
    .global _start
_start:
    b       entry
    .long   0
    .quad   0
    .quad   end - _start
    .quad   0xa
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .long   0

.macro say label, len
    mov     x0, #0
    mov     x1, #\len
    adr     x2, \label
    mov     x16, #18
    hvc     #0xea1
.endm

entry:
    say     start, start_len
    movz    x0, #0x6500
    movk    x0, #0x1dcd, lsl #16
1:  subs    x0, x0, #1
    b.ne    1b
    say     done, done_len
    say     success, success_len
    mov     x0, #2
    adr     x1, reason
    mov     x16, #29
    hvc     #0xea1
    b       .

start:   .ascii "spin: computing without a break\n"
    .set start_len, . - start
done:    .ascii "spin: done\n"
    .set done_len, . - done
success: .ascii "Test result: SUCCESS\n"
    .set success_len, . - success
    .balign 4
reason:  .word 0
end:
