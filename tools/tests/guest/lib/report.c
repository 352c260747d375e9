/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-test status and CHECK lines. A test's status is the most severe of
 * what it reported (xtest_success/skip/error/failure) and FAILURE when a
 * check failed; a test that reported nothing and checked nothing is an
 * ERROR, as in XTF.
 */
#include <xtest.h>

const char *xtest_current = "xtest";
static enum xtest_status status;
static unsigned int nr_checks, nr_failed;

static const char *const names[] = {
    [XTEST_NONE] = "NONE",
    [XTEST_SUCCESS] = "SUCCESS",
    [XTEST_SKIP] = "SKIP",
    [XTEST_ERROR] = "ERROR",
    [XTEST_FAILURE] = "FAILURE",
};

const char *xtest_status_name(enum xtest_status s)
{
    return s < ARRAY_SIZE(names) ? names[s] : "?";
}

void xtest_test_begin(const char *name)
{
    xtest_current = name;
    status = XTEST_NONE;
    nr_checks = 0;
    nr_failed = 0;
}

enum xtest_status xtest_test_end(unsigned int *checks, unsigned int *failed)
{
    enum xtest_status s = status;

    if ( nr_failed && s < XTEST_FAILURE )
        s = XTEST_FAILURE;
    if ( s == XTEST_NONE )
        s = nr_checks ? XTEST_SUCCESS : XTEST_ERROR;
    *checks = nr_checks;
    *failed = nr_failed;
    xtest_current = "xtest";

    return s;
}

void xtest_report(enum xtest_status s, const char *fmt, va_list ap)
{
    char buf[256];

    if ( s > status )
        status = s;
    if ( !fmt )
        return;
    xtest_vsnprintf(buf, sizeof(buf), fmt, ap);
    xtest_printf("%s: %s: %s\n", xtest_current, xtest_status_name(s), buf);
}

#define REPORTER(fn, st)                    \
    void fn(const char *fmt, ...)           \
    {                                       \
        va_list ap;                         \
                                            \
        va_start(ap, fmt);                  \
        xtest_report(st, fmt, ap);          \
        va_end(ap);                         \
    }

REPORTER(xtest_success, XTEST_SUCCESS)
REPORTER(xtest_skip, XTEST_SKIP)
REPORTER(xtest_error, XTEST_ERROR)
REPORTER(xtest_failure, XTEST_FAILURE)

/* One token for a number: decimal when small, hexadecimal otherwise. */
static void fmt_num(char *buf, size_t size, long v)
{
    if ( v > -65536 && v < 65536 )
        xtest_snprintf(buf, size, "%ld", v);
    else
        xtest_snprintf(buf, size, "%#lx", (unsigned long)v);
}

/* One token for a string: quoted, with \" \\ and \xNN escapes. */
static void fmt_str(char *buf, size_t size, const char *s)
{
    size_t n = 0;

    if ( size < 4 )
        return;
    buf[n++] = '"';
    for ( ; *s && n + 6 < size; s++ )
    {
        unsigned char c = *s;

        if ( c == '"' || c == '\\' )
        {
            buf[n++] = '\\';
            buf[n++] = c;
        }
        else if ( c < 0x20 || c > 0x7e )
            n += xtest_snprintf(buf + n, size - n, "\\x%02x", c);
        else
            buf[n++] = c;
    }
    buf[n++] = '"';
    buf[n] = '\0';
}

static void check_line(const char *name, const char *val, bool ok,
                       const char *verdict, const char *want)
{
    nr_checks++;
    if ( !ok )
        nr_failed++;
    if ( want )
        xtest_printf("CHECK %s.%s = %s [%s: want %s]\n", xtest_current, name,
                     val, verdict, want);
    else
        xtest_printf("CHECK %s.%s = %s [%s]\n", xtest_current, name, val,
                     verdict);
}

void xtest_check(const char *name, long val, bool ok, const char *want)
{
    char v[32];

    fmt_num(v, sizeof(v), val);
    check_line(name, v, ok, ok ? "ok" : "FAIL", ok ? NULL : want);
}

void xtest_check_eq(const char *name, long val, long want)
{
    char v[32], w[32];

    fmt_num(v, sizeof(v), val);
    fmt_num(w, sizeof(w), want);
    check_line(name, v, val == want, val == want ? "ok" : "FAIL",
               val == want ? NULL : w);
}

void xtest_check_str(const char *name, const char *val, bool ok,
                     const char *want)
{
    char v[160];

    fmt_str(v, sizeof(v), val);
    check_line(name, v, ok, ok ? "ok" : "FAIL", ok ? NULL : want);
}

void xtest_info(const char *name, long val)
{
    char v[32];

    fmt_num(v, sizeof(v), val);
    check_line(name, v, true, "info", NULL);
}

void xtest_info_hex(const char *name, unsigned long val)
{
    char v[32];

    xtest_snprintf(v, sizeof(v), "%#lx", val);
    check_line(name, v, true, "info", NULL);
}

void xtest_info_str(const char *name, const char *val)
{
    char v[160];

    fmt_str(v, sizeof(v), val);
    check_line(name, v, true, "info", NULL);
}

void xtest_info_bytes(const char *name, const void *p, size_t len)
{
    const unsigned char *b = p;
    char v[96];
    size_t i, n = 0;

    for ( i = 0; i < len && n + 3 < sizeof(v); i++ )
        n += xtest_snprintf(v + n, sizeof(v) - n, "%02x", b[i]);
    if ( !len )
        xtest_snprintf(v, sizeof(v), "\"\"");
    check_line(name, v, true, "info", NULL);
}
