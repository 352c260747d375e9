/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The runner: print the banner, pick the tests (all of them, or the one
 * that "xtest=NAME" on the command line names), run each with a recovery
 * point so that an unexpected exception fails that test only, print
 * exactly one "Test result:" line and shut down.
 */
#include <xtest.h>
#include <public/sched.h>

void xtest_main(void) __attribute__((noreturn));

static struct xtest_jmp fault_jmp, runner_jmp;
static struct xtest_fault *fault_out;
static bool fault_armed, runner_armed;

/**** Faults ****/

static void fault_resume(void)
{
    xtest_longjmp(&fault_jmp, 1);
}

static void runner_resume(void)
{
    xtest_longjmp(&runner_jmp, 1);
}

bool xtest_expect_fault(void (*fn)(void *), void *arg, struct xtest_fault *f)
{
    memset(f, 0, sizeof(*f));
    fault_out = f;
    if ( xtest_setjmp(&fault_jmp) == 0 )
    {
        fault_armed = true;
        fn(arg);
    }
    fault_armed = false;

    return fault_out->taken;
}

unsigned long xtest_trap_recover(unsigned int kind, unsigned long syndrome,
                                 unsigned long addr, unsigned long pc)
{
    if ( fault_armed )
    {
        fault_armed = false;
        fault_out->taken = true;
        fault_out->kind = kind;
        fault_out->syndrome = syndrome;
        fault_out->addr = addr;
        fault_out->pc = pc;
        return (unsigned long)fault_resume;
    }

    xtest_printf("xtest: unexpected exception: syndrome %#lx addr %#lx "
                 "pc %#lx\n", syndrome, addr, pc);
    if ( runner_armed )
    {
        runner_armed = false;
        xtest_failure("unexpected exception at pc %#lx", pc);
        return (unsigned long)runner_resume;
    }

    return 0;
}

/**** Ending ****/

static void __attribute__((noreturn)) finish(enum xtest_status s)
{
    struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };
    long rc;

    xtest_printf("Test result: %s\n", xtest_status_name(s));
    arch_pre_shutdown(s);
    rc = hypercall_sched_op(SCHEDOP_shutdown, &sd);
    xtest_printf("xtest: SCHEDOP_shutdown returned %ld, powering off\n", rc);
    arch_power_off();
    for ( ;; )
        ;
}

void xtest_fatal(const char *why)
{
    static bool dying;

    if ( !dying )
    {
        dying = true;
        xtest_printf("xtest: fatal: %s\n", why);
    }
    finish(XTEST_ERROR);
}

/**** Selection ****/

const char *xtest_cmdline_value(const char *key, char *buf, size_t size)
{
    const char *p = arch_cmdline();
    size_t klen = strlen(key), n;

    while ( *p )
    {
        while ( *p == ' ' )
            p++;
        if ( !strncmp(p, key, klen) && p[klen] == '=' )
        {
            p += klen + 1;
            for ( n = 0; p[n] && p[n] != ' ' && n + 1 < size; n++ )
                buf[n] = p[n];
            buf[n] = '\0';
            return buf;
        }
        while ( *p && *p != ' ' )
            p++;
    }

    return NULL;
}

static void list_tests(void)
{
    const struct xtest_desc *d;

    xtest_puts("Tests:");
    for ( d = __start_xtests; d < __stop_xtests; d++ )
        xtest_printf(" %s", d->name);
    xtest_puts("\n");
}

static enum xtest_status run_one(const struct xtest_desc *d)
{
    unsigned int checks, failed;
    enum xtest_status s;

    xtest_printf("=== RUN %s: %s\n", d->name, d->title);
    xtest_test_begin(d->name);
    if ( xtest_setjmp(&runner_jmp) == 0 )
    {
        runner_armed = true;
        d->fn();
    }
    runner_armed = false;
    s = xtest_test_end(&checks, &failed);
    xtest_printf("=== %s: %s (%u checks, %u failed)\n", d->name,
                 xtest_status_name(s), checks, failed);

    return s;
}

void xtest_main(void)
{
    static unsigned int count[XTEST_FAILURE + 1];
    enum xtest_status worst = XTEST_NONE, s;
    const struct xtest_desc *d;
    char name[64];
    const char *only;
    unsigned int ran = 0;

    xtest_puts("--- xtest: Xen-ABI test guest ---\n");
    xtest_printf("Environment: %s\n", arch_environment());
    xtest_printf("Command line: \"%s\"\n", arch_cmdline());
    list_tests();

    only = xtest_cmdline_value("xtest", name, sizeof(name));
    if ( only && !strcmp(only, "all") )
        only = NULL;
    if ( only && !strcmp(only, "list") )
        finish(XTEST_SUCCESS);

    for ( d = __start_xtests; d < __stop_xtests; d++ )
    {
        if ( only && strcmp(only, d->name) )
            continue;
        s = run_one(d);
        count[s]++;
        if ( s > worst )
            worst = s;
        ran++;
    }

    if ( !ran )
    {
        xtest_printf("xtest: no test named \"%s\"\n", only ? only : "");
        finish(XTEST_ERROR);
    }

    xtest_printf("Summary: %u tests: %u SUCCESS, %u SKIP, %u ERROR, "
                 "%u FAILURE\n", ran, count[XTEST_SUCCESS], count[XTEST_SKIP],
                 count[XTEST_ERROR], count[XTEST_FAILURE]);
    finish(worst);
}
