/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_X86_PROCESSOR_H
#define ASM_X86_PROCESSOR_H

/* Control register and RFLAGS bits (usable from assembly). */
#define X86_CR0_PE         (1 << 0)
#define X86_CR0_MP         (1 << 1)
#define X86_CR0_ET         (1 << 4)
#define X86_CR0_NE         (1 << 5)
#define X86_CR0_WP         (1 << 16)
#define X86_CR0_PG         (1 << 31)
#define X86_CR4_PAE        (1 << 5)
#define X86_CR4_PGE        (1 << 7)
#define X86_CR4_OSFXSR     (1 << 9) /* FXSAVE/FXRSTOR cover the SSE state */
#define X86_CR4_OSXMMEXCPT (1 << 10)
#define X86_EFLAGS_IF      (1 << 9)

/* CPUID feature bits used before C runs. */
#define CPUID_EXT_EDX_NX (1 << 20)

#ifndef __ASSEMBLY__

#include <xen/types.h>

static inline void arch_cpu_relax(void)
{
    __asm__ __volatile__("pause" ::: "memory");
}

struct cpuid_regs {
    uint32_t eax, ebx, ecx, edx;
};

static inline void cpuid_count(uint32_t leaf, uint32_t subleaf,
                               struct cpuid_regs *r)
{
    __asm__ __volatile__("cpuid"
                         : "=a"(r->eax), "=b"(r->ebx), "=c"(r->ecx),
                           "=d"(r->edx)
                         : "a"(leaf), "c"(subleaf));
}

static inline void cpuid(uint32_t leaf, struct cpuid_regs *r)
{
    cpuid_count(leaf, 0, r);
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));

    return ((uint64_t)hi << 32) | lo;
}

#define DEFINE_READ_CR(n)                                                      \
    static inline unsigned long read_cr##n(void)                               \
    {                                                                          \
        unsigned long v;                                                       \
        __asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));                  \
        return v;                                                              \
    }
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)
#undef DEFINE_READ_CR

static inline void halt(void)
{
    __asm__ __volatile__("hlt" ::: "memory");
}

/*
 * Saved by the exception entry code (entry.S): the general registers as
 * pushed there, then the vector, the error code (0 when the CPU pushes
 * none) and the frame the CPU pushed.
 */
struct cpu_user_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10;
    uint64_t r9, r8, rax, rcx, rdx, rsi, rdi;
    uint64_t entry_vector;
    uint64_t error_code;
    uint64_t rip, cs, rflags, rsp, ss;
};

#endif /* __ASSEMBLY__ */

#endif /* ASM_X86_PROCESSOR_H */
