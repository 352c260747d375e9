/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The smallest x86_64 PVH guest that says something. Entered through its
 * XEN_ELFNOTE_PHYS32_ENTRY note in 32-bit protected mode with paging off
 * and ebx = the hvm_start_info, it checks the start info, switches to
 * long mode (identity map of the first 4 GiB with 2 MiB pages), finds the
 * hypervisor's CPUID leaves, installs the hypercall page through the MSR
 * they name, then: console_io(CONSOLEIO_write), xen_version printed as
 * hex, an unknown hypercall (-ENOSYS), a bad pointer (-EFAULT), a console
 * write long enough to be preempted and continued, reads and a write at
 * a guest-physical address with nothing mapped (all ones, dropped), and
 * SCHEDOP_shutdown(poweroff).
 *
 * Build: gcc -c smoke-x86_64.S; ld -Ttext=0x100000 (an ELF64 whose
 * segments are loaded at their physical addresses from 1 MiB up).
 */
#define START_INFO_MAGIC 0x336ec578
#define UNMAPPED_GPA     0xf0000000 /* in the MMIO hole: nothing there */
#define NO_RAM_GPA       0xc0000000 /* in the identity map, not RAM */

/*
 * The long write: LONG_LEN bytes at LONG_BUF (RAM the image does not
 * use), all '\r' (which the hypervisor drops) but for the line long_done
 * at the very end, inside the last 128-byte chunk. The hypervisor needs
 * well over a time slice for it, so it is continued at least once.
 */
#define LONG_BUF         0x1000000
#define LONG_LEN         0x800000

/* Registers that no hypercall may change. */
#define KEPT rbx, rcx, rbp, r9, r11, r12, r13, r14, r15

    .section .note.Xen, "a", @note
    .balign 4
    .long   4, 4, 18            /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
    .asciz  "Xen"
    .long   start32

    .text
    .code32
    .global start32
start32:
    cli
    cld
    mov     $stack_top, %esp
    cmpl    $START_INFO_MAGIC, (%ebx)
    jne     halt32
    mov     %ebx, start_info

    /* pml4[0] -> pdpt; pdpt[0..3] -> pd0..pd3; 2048 2 MiB identity pages. */
    mov     $pdpt + 0x3, %eax
    mov     %eax, pml4
    mov     $pd + 0x3, %eax
    xor     %ecx, %ecx
1:  mov     %eax, pdpt(, %ecx, 8)
    add     $0x1000, %eax
    inc     %ecx
    cmp     $4, %ecx
    jne     1b
    xor     %ecx, %ecx
2:  mov     %ecx, %eax
    shl     $21, %eax
    or      $0x83, %eax         /* present, writable, 2 MiB */
    mov     %eax, pd(, %ecx, 8)
    inc     %ecx
    cmp     $2048, %ecx
    jne     2b

    mov     %cr4, %eax
    or      $(1 << 5), %eax     /* PAE */
    mov     %eax, %cr4
    mov     $pml4, %eax
    mov     %eax, %cr3
    mov     $0xc0000080, %ecx   /* EFER.LME */
    rdmsr
    or      $(1 << 8), %eax
    wrmsr
    mov     %cr0, %eax
    or      $0x80000001, %eax   /* PG | PE */
    mov     %eax, %cr0
    lgdt    gdt_ptr
    ljmp    $0x08, $start64

halt32:
    hlt
    jmp     halt32

    .code64
.macro hypercall nr
    call    hypercall_page + \nr * 32
.endm

.macro print label, len
    xor     %edi, %edi          /* CONSOLEIO_write */
    mov     $\len, %esi
    lea     \label(%rip), %rdx
    hypercall 18
.endm

start64:
    mov     $0x10, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    lea     stack_top(%rip), %rsp

    /* The Xen leaves: the first 0x100 block with the signature. */
    mov     $0x40000000, %r12d
3:  mov     %r12d, %eax
    cpuid
    cmp     $0x566e6558, %ebx   /* "XenVMMXenVMM" */
    jne     4f
    cmp     $0x65584d4d, %ecx
    jne     4f
    cmp     $0x4d4d566e, %edx
    je      5f
4:  add     $0x100, %r12d
    cmp     $0x40010000, %r12d
    jne     3b
    jmp     halt64              /* no hypervisor: nothing to print with */

    /* Leaf +2: EBX = the MSR that installs the hypercall page. */
5:  lea     2(%r12), %eax
    cpuid
    mov     %ebx, %ecx
    lea     hypercall_page(%rip), %rax
    xor     %edx, %edx
    wrmsr

    print   hello, hello_len

    /* xen_version(XENVER_version): print the 8 low hex digits. */
    xor     %edi, %edi
    xor     %esi, %esi
    hypercall 17
    lea     hex + 10(%rip), %rdi
    mov     $8, %ecx
6:  mov     %eax, %edx
    and     $0xf, %edx
    cmp     $10, %edx
    jb      7f
    add     $('a' - 10 - '0'), %edx
7:  add     $'0', %edx
    dec     %rdi
    mov     %dl, (%rdi)
    shr     $4, %eax
    dec     %ecx
    jnz     6b
    print   version, version_len

    /* An unknown hypercall: -ENOSYS (-38). */
    hypercall 63
    cmp     $-38, %rax
    jne     fail

    /* A pointer to no RAM: -EFAULT (-14). */
    xor     %edi, %edi
    mov     $16, %esi
    mov     $NO_RAM_GPA, %edx
    hypercall 18
    cmp     $-14, %rax
    jne     fail
    print   efault_ok, efault_ok_len

    /* Registers other than rax survive a hypercall. */
    mov     $0x1111, %ebx
    mov     $0x5555, %ebp
    mov     $0x1212, %r12d
    mov     $0x1515, %r15d
    xor     %edi, %edi
    xor     %esi, %esi
    hypercall 17
    cmp     $0x1111, %rbx
    jne     fail
    cmp     $0x5555, %rbp
    jne     fail
    cmp     $0x1212, %r12
    jne     fail
    cmp     $0x1515, %r15
    jne     fail

    /* The long write, with every register but rax and the arguments set. */
    mov     $LONG_BUF, %edi
    mov     $LONG_LEN, %ecx
    mov     $0x0d, %al
    rep stosb
    lea     long_done(%rip), %rsi
    mov     $LONG_BUF + LONG_LEN - long_done_len, %edi
    mov     $long_done_len, %ecx
    rep movsb
    .set n, 0
    .irp r, KEPT
    mov     $(0x1000 + n), %\r
    .set n, n + 1
    .endr
    mov     %rsp, saved_rsp(%rip)
    xor     %edi, %edi          /* CONSOLEIO_write */
    mov     $LONG_LEN, %esi
    mov     $LONG_BUF, %edx
    hypercall 18
    test    %rax, %rax
    jnz     fail
    .set n, 0
    .irp r, KEPT
    cmp     $(0x1000 + n), %\r
    jne     fail
    .set n, n + 1
    .endr
    cmp     saved_rsp(%rip), %rsp
    jne     fail
    /* A continued call comes back with its advanced arguments in rsi, rdx. */
    cmp     $LONG_BUF, %rdx
    je      fail
    print   long_regs_ok, long_regs_ok_len
    print   long_continued, long_continued_len

    /* Nothing mapped: reads give all ones, a write is dropped. */
    mov     $UNMAPPED_GPA, %esi
    xor     %ebx, %ebx
    mov     (%rsi), %rbx
    cmp     $-1, %rbx
    jne     fail
    xor     %ecx, %ecx
    movl    8(%rsi), %ecx
    mov     $0xffffffff, %eax   /* zero-extended */
    cmp     %rax, %rcx
    jne     fail
    movl    $0x12345678, 16(%rsi)
    movzbl  24(%rsi), %edx
    cmp     $0xff, %rdx
    jne     fail
    print   unmapped_ok, unmapped_ok_len

    print   success, success_len
    mov     $2, %edi            /* SCHEDOP_shutdown */
    lea     reason(%rip), %rsi
    hypercall 29
    jmp     halt64

fail:
    print   failure, failure_len
    mov     $2, %edi
    lea     reason_crash(%rip), %rsi
    hypercall 29
halt64:
    hlt
    jmp     halt64

    .data
    .balign 8
gdt:
    .quad   0
    .quad   0x00af9a000000ffff  /* 0x08: 64-bit code */
    .quad   0x00cf92000000ffff  /* 0x10: data */
gdt_ptr:
    .word   gdt_ptr - gdt - 1
    .long   gdt
start_info:
    .long   0
reason:
    .long   0                   /* SHUTDOWN_poweroff */
reason_crash:
    .long   3                   /* SHUTDOWN_crash */
    .balign 8
saved_rsp:
    .quad   0

hello:    .ascii "smoke: hello from an x86_64 PVH guest\n"
    .set hello_len, . - hello
version:  .ascii "smoke: xen_version = "
hex:      .ascii "0x00000000\n"
    .set version_len, . - version
efault_ok: .ascii "smoke: a bad pointer gave -EFAULT\n"
    .set efault_ok_len, . - efault_ok
long_done: .ascii "smoke: long write done\n"
    .set long_done_len, . - long_done
long_regs_ok: .ascii "smoke: registers survived a long hypercall\n"
    .set long_regs_ok_len, . - long_regs_ok
long_continued: .ascii "smoke: the long write was continued\n"
    .set long_continued_len, . - long_continued
unmapped_ok: .ascii "smoke: unmapped guest-physical reads gave all ones\n"
    .set unmapped_ok_len, . - unmapped_ok
success:  .ascii "Test result: SUCCESS\n"
    .set success_len, . - success
failure:  .ascii "Test result: FAILURE\n"
    .set failure_len, . - failure

    .bss
    .balign 4096
hypercall_page:
    .skip   4096
pml4:
    .skip   4096
pdpt:
    .skip   4096
pd:
    .skip   4 * 4096
    .skip   4096
stack_top:

    .section .note.GNU-stack, "", @progbits
