/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 side of the test-guest library: a PVH guest calls Xen through
 * the hypercall page (32 bytes a hypercall) with the number in rax,
 * arguments in rdi, rsi, rdx, r10, r8 and the result in rax.
 */
#ifndef ARCH_X86_64_XTEST_H
#define ARCH_X86_64_XTEST_H

#define ARCH_NAME "x86_64"
#define ARCH_XENFEAT_REQUIRED 0u

extern unsigned char hypercall_page[4096];
extern int x86_hypercall_ready;

static inline long arch_hypercall(unsigned long nr, unsigned long a0,
                                  unsigned long a1, unsigned long a2,
                                  unsigned long a3, unsigned long a4)
{
    register unsigned long r10 asm("r10") = a3;
    register unsigned long r8 asm("r8") = a4;
    long ret;

    if ( !x86_hypercall_ready )
        return -38; /* no Xen found: nothing to call */

    if ( nr < sizeof(hypercall_page) / 32 )
        asm volatile ( "call *%[fn]"
                       : "=a" (ret), "+D" (a0), "+S" (a1), "+d" (a2),
                         "+r" (r10), "+r" (r8)
                       : [fn] "r" (hypercall_page + nr * 32)
                       : "memory" );
    else
        asm volatile ( "vmmcall"
                       : "=a" (ret), "+D" (a0), "+S" (a1), "+d" (a2),
                         "+r" (r10), "+r" (r8)
                       : "a" (nr)
                       : "memory" );

    return ret;
}

/* A full memory barrier between vCPUs. */
static inline void arch_mb(void)
{
    asm volatile ( "mfence" ::: "memory" );
}

/* setjmp/longjmp for fault recovery: rbx, rbp, r12..r15, rsp, rip. */
struct xtest_jmp {
    unsigned long regs[8];
};

int xtest_setjmp(struct xtest_jmp *j) __attribute__((returns_twice));
void xtest_longjmp(struct xtest_jmp *j, int v) __attribute__((noreturn));

struct arch_regcheck {
    unsigned long ret;
    unsigned long bad;  /* bit i: arch_regcheck_names[i] changed */
    unsigned long args; /* bit i: argument register i changed (rdi..r8) */
};

void arch_regcheck(unsigned long nr, unsigned long a0, unsigned long a1,
                   unsigned long a2, struct arch_regcheck *r);
extern const char *const arch_regcheck_names[];
extern const unsigned int arch_regcheck_count;

/* Fault triggers (arch/x86_64/lowlevel.S). */
void arch_undef_insn(void *unused);
extern const char arch_undef_insn_pc[];
#define ARCH_HAS_BAD_HVC 0
void arch_load(void *addr);
extern const char arch_load_pc[];

/* The PVH start info (x86-only tests). */
struct hvm_start_info;
const struct hvm_start_info *x86_start_info(void);
unsigned long x86_start_info_pa(void);
/* The memory map, from the start info or XENMEM_memory_map. */
struct hvm_memmap_table_entry;
const struct hvm_memmap_table_entry *x86_memmap(unsigned int *nr);

#endif /* ARCH_X86_64_XTEST_H */
