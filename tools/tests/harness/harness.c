/* SPDX-License-Identifier: GPL-2.0-only */
/* Host unit-test harness (see harness.h). */
/*
 * glibc's regex_t has a member named __used, a macro in xen/compiler.h
 * (forced in ahead of every file): without this regex_t shrinks by one
 * field and regcomp() writes past it.
 */
#undef __used
#include <regex.h>
#define __used __attribute__((__used__))
#include <sys/wait.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/lib.h>
#include <xen/lock-order.h>
#include <xen/smp.h>
#include "harness.h"

__thread unsigned long harness_irq_disabled;
__thread unsigned int harness_cpu = HARNESS_CPU_AUTO;
bool harness_verbose;

const char arch_name[] = "harness";

unsigned long harness_kicks[CONFIG_NR_CPUS];
void (*harness_kick_hook)(unsigned int cpu);

void arch_cpu_kick(unsigned int cpu);
void arch_cpu_kick(unsigned int cpu)
{
    if ( cpu >= CONFIG_NR_CPUS || cpu == (unsigned int)smp_processor_id() )
        abort(); /* cpu_kick() filters both */
    __atomic_fetch_add(&harness_kicks[cpu], 1, __ATOMIC_RELAXED);
    if ( harness_kick_hook )
        harness_kick_hook(cpu);
}

static char log_buf[1 << 16];
static size_t log_len;

#define MAX_TESTS 256
static const struct harness_test *tests[MAX_TESTS];
static unsigned int nr_tests;
static unsigned int case_failures;
static jmp_buf *panic_jmp;
static jmp_buf expect_jmp;
static jmp_buf *saved_jmp;
#ifdef CONFIG_DEBUG_LOCKS
static unsigned int saved_lock_depth;
#endif

/* -1: not asked yet; harness_run() makes the main thread CPU 0. */
static __thread int this_cpu = -1;
static unsigned int nr_threads_seen;

unsigned int harness_cpu_id(void)
{
    if ( this_cpu < 0 )
    {
        this_cpu = __atomic_add_fetch(&nr_threads_seen, 1, __ATOMIC_RELAXED);
        if ( this_cpu >= CONFIG_NR_CPUS )
        {
            fprintf(stderr, "more than %u threads (CONFIG_NR_CPUS)\n",
                    CONFIG_NR_CPUS);
            abort();
        }
    }

    /* The pCPU this thread plays, if the test set one. */
    return harness_cpu != HARNESS_CPU_AUTO ? harness_cpu
                                           : (unsigned int)this_cpu;
}

void harness_expect_panic_begin(void)
{
    saved_jmp = panic_jmp;
    panic_jmp = &expect_jmp;
#ifdef CONFIG_DEBUG_LOCKS
    saved_lock_depth = lock_order_depth();
#endif
}

void harness_expect_panic_end(bool panicked)
{
    panic_jmp = saved_jmp;
#ifdef CONFIG_DEBUG_LOCKS
    if ( panicked )
        lock_order_unwind(saved_lock_depth);
#endif
}

jmp_buf *harness_panic_jmp(void)
{
    return &expect_jmp;
}

void arch_selftest_fault(void)
{
    abort();
}

const char *harness_log(void)
{
    return log_buf;
}

void harness_log_clear(void)
{
    log_len = 0;
    log_buf[0] = '\0';
}

size_t harness_log_len(void)
{
    return log_len;
}

bool harness_log_contains(const char *s)
{
    return strstr(log_buf, s) != NULL;
}

void harness_log_append(const char *s, size_t n)
{
    if ( harness_verbose )
        fprintf(stderr, "%.*s", (int)n, s);
    if ( log_len + n >= sizeof(log_buf) )
        harness_log_clear();
    if ( n >= sizeof(log_buf) )
        n = sizeof(log_buf) - 1;
    memcpy(log_buf + log_len, s, n);
    log_len += n;
    log_buf[log_len] = '\0';
}

void panic(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    vprintk(fmt, args);
    va_end(args);
    printk("\n");

    if ( panic_jmp )
        longjmp(*panic_jmp, 1);

    fprintf(stderr, "unexpected panic: %s\n", log_buf);
    abort();
}

void __bug(const char *file, unsigned int line)
{
    panic("BUG at %s:%u", file, line);
}

void __assert_failed(const char *expr, const char *file, unsigned int line)
{
    panic("Assertion '%s' failed at %s:%u", expr, file, line);
}

void arch_machine_power_off(bool failed)
{
    abort();
}

void arch_cpu_halt(void)
{
    abort();
}

void arch_stop_other_cpus(void)
{
}

void *harness_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    void *buf;
    long len;

    if ( !f )
    {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(len ? len : 1);
    if ( !buf || fread(buf, 1, len, f) != (size_t)len )
    {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    *size = len;

    return buf;
}

void harness_register(const struct harness_test *t)
{
    if ( nr_tests == MAX_TESTS )
        abort();
    tests[nr_tests++] = t;
}

void harness_check_failed(const char *file, int line, const char *what)
{
    fprintf(stderr, "  %s:%d: check failed: %s\n", file, line, what);
    case_failures++;
}

static unsigned int run_case(const struct harness_test *t, jmp_buf *jb)
{
    case_failures = 0;
    harness_log_clear();
    panic_jmp = jb;
    if ( setjmp(*jb) == 0 )
        t->fn();
    else
    {
        fprintf(stderr, "  unexpected panic: %s", log_buf);
        case_failures++;
    }
    panic_jmp = NULL;
    fflush(stderr);

    return case_failures;
}

static int by_name(const void *a, const void *b)
{
    const struct harness_test *const *x = a, *const *y = b;

    return strcmp((*x)->name, (*y)->name);
}

int harness_run(int argc, char **argv, const char *suite)
{
    unsigned int failed = 0, run = 0;
    unsigned int i;
    const char *v = getenv("HARNESS_VERBOSE");

    const char *filter = getenv("TEST_FILTER");
    regex_t re;
    bool use_filter = filter && *filter;

    harness_verbose = v && *v == '1';
    this_cpu = 0;
    qsort(tests, nr_tests, sizeof(tests[0]), by_name);

    if ( use_filter && regcomp(&re, filter, REG_EXTENDED | REG_NOSUB) )
    {
        fprintf(stderr, "bad TEST_FILTER regex '%s'\n", filter);
        return 2;
    }

    for ( i = 0; i < nr_tests; i++ )
    {
        static jmp_buf jb;

        /* TEST_FILTER: a regex on "suite: name". */
        if ( use_filter )
        {
            char full[256];

            xen_snprintf(full, sizeof(full), "%s: %s", suite, tests[i]->name);
            if ( regexec(&re, full, 0, NULL, 0) )
                continue;
        }

        /* Optional filter: run only the cases named on the command line. */
        if ( argc > 1 )
        {
            int a;
            bool wanted = false;

            for ( a = 1; a < argc; a++ )
                wanted |= !strcmp(argv[a], tests[i]->name);
            if ( !wanted )
                continue;
        }

        fflush(stdout);
        fflush(stderr);
        if ( getenv("HARNESS_NO_FORK") )
            case_failures = run_case(tests[i], &jb);
        else
        {
            pid_t pid = fork();
            int status = 0;

            if ( pid < 0 )
                abort();
            if ( pid == 0 )
                _exit(run_case(tests[i], &jb) ? 1 : 0);
            waitpid(pid, &status, 0);
            case_failures = !WIFEXITED(status) || WEXITSTATUS(status);
            if ( !WIFEXITED(status) )
                fprintf(stderr, "  died with signal %d\n", WTERMSIG(status));
        }

        run++;
        printf("%s: %s: %s\n", case_failures ? "FAIL" : "PASS", suite,
               tests[i]->name);
        if ( case_failures )
            failed++;
    }

    fflush(stdout);
    if ( use_filter )
        regfree(&re);

    /* Nothing run is a failure, unless a filter chose no case here. */
    return failed || (!run && !use_filter) ? 1 : 0;
}
