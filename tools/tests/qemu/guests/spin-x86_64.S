/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An x86_64 PVH guest that computes for a while without ever exiting
 * (SPIN_LOOPS iterations of a register loop, interrupts masked), then
 * says so and shuts down. Next to another guest on one pCPU it shows
 * whether the scheduler's tick preempts: without it, the other guest
 * waits until this one is done.
 *
 * It stays in the 32-bit protected mode it is entered in (paging off,
 * so hypercall pointers are guest-physical addresses) and uses the
 * 32-bit hypercall ABI: number in eax, arguments ebx, ecx, edx, esi, edi.
 *
 * Build: as the smoke guest (smoke-x86_64.lds, loaded from 1 MiB up).
 */
#define XEN_CPUID_BASE 0x40000000
#define SPIN_LOOPS     500000000

    .section .note.Xen, "a", @note
    .balign 4
    .long   4, 4, 18            /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
    .asciz  "Xen"
    .long   start32

    .text
    .code32
.macro hypercall nr
    call    hypercall_page + \nr * 32
.endm

.macro print label, len
    xor     %ebx, %ebx          /* CONSOLEIO_write */
    mov     $\len, %ecx
    mov     $\label, %edx
    hypercall 18
.endm

    .global start32
start32:
    cli
    cld
    mov     $stack_top, %esp

    /* The hypervisor's leaves come first here; leaf +2 names the MSR. */
    mov     $XEN_CPUID_BASE, %eax
    cpuid
    cmp     $0x566e6558, %ebx   /* "XenVMMXenVMM" */
    jne     halt
    mov     $XEN_CPUID_BASE + 2, %eax
    cpuid
    mov     %ebx, %ecx
    mov     $hypercall_page, %eax
    xor     %edx, %edx
    wrmsr

    print   start, start_len
    mov     $SPIN_LOOPS, %ecx
1:  dec     %ecx
    jnz     1b
    print   done, done_len
    print   success, success_len

    mov     $2, %ebx            /* SCHEDOP_shutdown */
    mov     $reason, %ecx
    hypercall 29
halt:
    hlt
    jmp     halt

    .data
    .balign 4
reason:
    .long   0                   /* SHUTDOWN_poweroff */

start:   .ascii "spin: computing without a break\n"
    .set start_len, . - start
done:    .ascii "spin: done\n"
    .set done_len, . - done
success: .ascii "Test result: SUCCESS\n"
    .set success_len, . - success

    .bss
    .balign 4096
hypercall_page:
    .skip   4096
    .skip   4096
stack_top:

    .section .note.GNU-stack, "", @progbits
