/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host unit-test harness: what common code expects from the rest of the
 * hypervisor (printk, panic, arch hooks), plus a tiny check framework.
 *
 * A test file defines its cases with TEST(name) { ... } and ends with
 * HARNESS_MAIN(). Each case prints "PASS: <file>: <name>" or
 * "FAIL: <file>: <name>"; the binary exits non-zero if any case failed.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Everything printk() printed since the last harness_log_clear(). */
const char *harness_log(void);
void harness_log_clear(void);
bool harness_log_contains(const char *s);
/* Add n bytes to it (printk() does, or a test's console driver). */
void harness_log_append(const char *s, size_t n);
/* Its length, NUL bytes a console was sent included. */
size_t harness_log_len(void);
/* Echo printk() to stderr as well (HARNESS_VERBOSE=1 in the environment). */
extern bool harness_verbose;
/* The "interrupts masked" state the harness arch keeps (asm/system.h). */
extern __thread unsigned long harness_irq_disabled;
/*
 * The pCPU smp_processor_id() says common code runs on (asm/smp.h), one
 * per host thread: a test playing several pCPUs in turn, or whose threads
 * play given pCPUs, sets it; left at HARNESS_CPU_AUTO, the main thread is
 * CPU 0 and the threads a test starts are 1, 2, ... in the order they
 * first ask.
 */
extern __thread unsigned int harness_cpu;

/*
 * Kicks (arch_cpu_kick(), harness-mm.c): how many each pCPU was sent,
 * and a hook the test may set, called with the kicked pCPU (on the
 * kicker's thread), e.g. to play that pCPU's exit from its guest.
 */
extern unsigned long harness_kicks[];
extern void (*harness_kick_hook)(unsigned int cpu);

/*
 * "Machine RAM": [pa, pa + size) backed by a zeroed host buffer, so that
 * maddr_to_virt() works for it. Each test case runs in its own process,
 * so nothing needs freeing.
 */
void harness_ram_add(uint64_t pa, uint64_t size);

/* What arch_hwdom_direct_mapped() says (default: false). */
extern bool harness_hwdom_direct_mapped;

/* What arch_reserve_boot_memory() removes (default: nothing). */
void harness_set_arch_reserved(uint64_t start, uint64_t end);

/*
 * Run stmt and report whether it panicked (BUG, failed ASSERT, panic).
 * The panic message is in harness_log(). After a panic the lock-order
 * checker forgets the locks stmt took (they stay as they were).
 */
#define HARNESS_PANICS(stmt)                                            \
    ({                                                                  \
        bool p_;                                                        \
        harness_expect_panic_begin();                                   \
        if ( setjmp(*harness_panic_jmp()) == 0 )                        \
        {                                                               \
            stmt;                                                       \
            p_ = false;                                                 \
        }                                                               \
        else                                                            \
            p_ = true;                                                  \
        harness_expect_panic_end(p_);                                   \
        p_;                                                             \
    })

void harness_expect_panic_begin(void);
void harness_expect_panic_end(bool panicked);
jmp_buf *harness_panic_jmp(void);

/* arch_now_ns() (harness-mm.c) returns now, then adds the step to it. */
extern uint64_t harness_now_ns;
extern uint64_t harness_clock_step_ns;

/*
 * Guests (harness-mm.c, harness-guest.c). The scheduler's arch_run_vcpu()
 * and arch_cpu_idle() never return in the hypervisor; here they jump back
 * to the innermost HARNESS_RUN(stmt), which runs stmt and comes back when
 * it returns, when a vCPU is entered (current_vcpu() says which) or when
 * the pCPU goes idle (current_vcpu() is NULL).
 */
extern jmp_buf *harness_run_jmp;
#define HARNESS_RUN(stmt)                                               \
    do {                                                                \
        jmp_buf run_jb_, *outer_ = harness_run_jmp;                     \
        harness_run_jmp = &run_jb_;                                     \
        if ( setjmp(run_jb_) == 0 )                                     \
        {                                                               \
            stmt;                                                       \
        }                                                               \
        harness_run_jmp = outer_;                                       \
    } while ( 0 )

/* Guest virtual address = guest physical + this; below it, -EFAULT. */
#define HARNESS_GVA_OFFSET 0x500000000000ULL

/*
 * A hypercall trap of v with the harness's convention (asm/processor.h),
 * on v->arch.regs: what vtraps.c and vmexit.c do, continuation and yield
 * included (a yield ends in the scheduler: use inside HARNESS_RUN()).
 */
struct vcpu;
void harness_hypercall(struct vcpu *v);
/*
 * The leave path alone, for v on this pCPU after a handler returned
 * (it may end in the scheduler: use inside HARNESS_RUN()).
 */
void harness_leave(struct vcpu *v);

/*
 * P2M trace (harness-mm.c): while harness_p2m_trace is set, every entry
 * write ('W', the entry, the value) and every flush ('F') of the harness
 * P2M is appended to it, up to HARNESS_P2M_TRACE_MAX events.
 */
#define HARNESS_P2M_TRACE_MAX 1024
struct harness_p2m_event {
    char what;
    const uint64_t *entry;
    uint64_t value;
};
struct harness_p2m_trace {
    unsigned int nr;
    struct harness_p2m_event ev[HARNESS_P2M_TRACE_MAX];
};
extern struct harness_p2m_trace *harness_p2m_trace;
void harness_p2m_record(char what, const uint64_t *entry, uint64_t value);

/* Read a whole file into a malloc()ed buffer of exactly its size. */
void *harness_read_file(const char *path, size_t *size);

struct harness_test {
    const char *name;
    void (*fn)(void);
};

void harness_register(const struct harness_test *t);
void harness_check_failed(const char *file, int line, const char *what);
int harness_run(int argc, char **argv, const char *suite);

#define TEST(name)                                                      \
    static void test_##name(void);                                      \
    static const struct harness_test reg_##name = { #name, test_##name }; \
    __attribute__((constructor)) static void register_##name(void)      \
    {                                                                   \
        harness_register(&reg_##name);                                  \
    }                                                                   \
    static void test_##name(void)

#define CHECK(cond)                                                     \
    do {                                                                \
        if ( !(cond) )                                                  \
            harness_check_failed(__FILE__, __LINE__, #cond);            \
    } while ( 0 )

#define CHECK_EQ(a, b)                                                  \
    do {                                                                \
        unsigned long long a_ = (a), b_ = (b);                          \
        if ( a_ != b_ )                                                 \
        {                                                               \
            char m_[256];                                               \
            xen_snprintf(m_, sizeof(m_), "%s == %s (0x%llx != 0x%llx)", \
                         #a, #b, a_, b_);                               \
            harness_check_failed(__FILE__, __LINE__, m_);               \
        }                                                               \
    } while ( 0 )

#define CHECK_STR(a, b)                                                 \
    do {                                                                \
        const char *a_ = (a), *b_ = (b);                                \
        if ( !a_ || !b_ || strcmp(a_, b_) )                             \
        {                                                               \
            char m_[512];                                               \
            xen_snprintf(m_, sizeof(m_), "%s == %s (\"%s\" != \"%s\")", \
                         #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
            harness_check_failed(__FILE__, __LINE__, m_);               \
        }                                                               \
    } while ( 0 )

#define HARNESS_MAIN(suite)                                             \
    int main(int argc, char **argv)                                     \
    {                                                                   \
        return harness_run(argc, argv, suite);                          \
    }

int xen_snprintf(char *buf, size_t size, const char *fmt, ...);

#endif /* HARNESS_H */
