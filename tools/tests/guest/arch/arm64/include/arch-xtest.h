/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 side of the test-guest library: hypercalls are "hvc #0xEA1"
 * with the number in x16, arguments in x0..x4 and the result in x0.
 */
#ifndef ARCH_ARM64_XTEST_H
#define ARCH_ARM64_XTEST_H

#define ARCH_NAME "aarch64"

/* XENFEAT bits every arm64 guest must see (besides the common ones). */
#define ARCH_XENFEAT_REQUIRED (1u << 14) /* ARM_SMCCC_supported */

static inline long arch_hypercall(unsigned long nr, unsigned long a0,
                                  unsigned long a1, unsigned long a2,
                                  unsigned long a3, unsigned long a4)
{
    register unsigned long x16 asm("x16") = nr;
    register unsigned long x0 asm("x0") = a0;
    register unsigned long x1 asm("x1") = a1;
    register unsigned long x2 asm("x2") = a2;
    register unsigned long x3 asm("x3") = a3;
    register unsigned long x4 asm("x4") = a4;

    /* Xen may clobber the number and the argument registers. */
    asm volatile ( "hvc #0xea1"
                   : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3), "+r" (x4),
                     "+r" (x16)
                   :
                   : "memory" );

    return x0;
}

/* SMCCC/PSCI through "hvc #0": function id, arguments, result (x0). */
unsigned long arm64_psci(unsigned long fn, unsigned long a1, unsigned long a2,
                         unsigned long a3);

/*
 * Secondary vCPUs: PSCI CPU_ON with arm64_secondary_entry as the entry
 * point starts one (MMU off, its own stack: one at a time) in
 * arm64_secondary_fn(context id), if set; when that returns, the vCPU
 * waits in WFI.
 */
void arm64_secondary_entry(void);
extern void (*volatile arm64_secondary_fn)(unsigned long context);

/* A full memory barrier between vCPUs. */
static inline void arch_mb(void)
{
    asm volatile ( "dmb ish" ::: "memory" );
}

/* setjmp/longjmp for fault recovery: x19..x30 and sp. */
struct xtest_jmp {
    unsigned long regs[13];
};

int xtest_setjmp(struct xtest_jmp *j) __attribute__((returns_twice));
void xtest_longjmp(struct xtest_jmp *j, int v) __attribute__((noreturn));

/*
 * arch_regcheck: fill every register a hypercall must not change with a
 * pattern, make the call, and report which ones changed.
 */
struct arch_regcheck {
    unsigned long ret;
    unsigned long bad;  /* bit i: arch_regcheck_names[i] changed */
    unsigned long args; /* bit i: argument register i+1 changed (x1..x4) */
};

void arch_regcheck(unsigned long nr, unsigned long a0, unsigned long a1,
                   unsigned long a2, struct arch_regcheck *r);
extern const char *const arch_regcheck_names[];
extern const unsigned int arch_regcheck_count;

/* Fault triggers (arch/arm64/faults.S). */
void arch_undef_insn(void *unused);
extern const char arch_undef_insn_pc[];
/* An HVC with an immediate that is neither 0 nor 0xEA1. */
void arch_bad_hvc(void *unused);
extern const char arch_bad_hvc_pc[];
#define ARCH_HAS_BAD_HVC 1
/* Load one 64-bit word from *addr. */
void arch_load(void *addr);
extern const char arch_load_pc[];

#endif /* ARCH_ARM64_XTEST_H */
