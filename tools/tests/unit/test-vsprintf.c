/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the formatter behind printk() (common/vsprintf.c) and the
 * number/size helpers (common/lib.c). Integer and string conversions are
 * compared with the host C library, which implements C99 to the letter;
 * our own extensions are checked against fixed strings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/lib.h>
#include "harness.h"

/* The odd formats below are deliberate. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

/* The host's snprintf, under a name the harness's renames do not touch. */
#undef snprintf
#define host_snprintf(...) __builtin_snprintf(__VA_ARGS__)

#define SAME_AS_LIBC(fmt, ...)                                          \
    do {                                                                \
        char ours[256], theirs[256];                                    \
        int n1 = xen_snprintf(ours, sizeof(ours), fmt, __VA_ARGS__);    \
        int n2 = host_snprintf(theirs, sizeof(theirs), fmt, __VA_ARGS__); \
        if ( n1 != n2 || strcmp(ours, theirs) )                         \
        {                                                               \
            char m_[600];                                               \
            host_snprintf(m_, sizeof(m_), "format \"%s\": got \"%s\" (%d), want \"%s\" (%d)", \
                          fmt, ours, n1, theirs, n2);                   \
            harness_check_failed(__FILE__, __LINE__, m_);               \
        }                                                               \
    } while ( 0 )

#define FORMATS(v)                                                      \
    SAME_AS_LIBC("%d", v); SAME_AS_LIBC("%i", v); SAME_AS_LIBC("%5d", v); \
    SAME_AS_LIBC("%-5d|", v); SAME_AS_LIBC("%05d", v);                  \
    SAME_AS_LIBC("%+d", v); SAME_AS_LIBC("% d", v);                     \
    SAME_AS_LIBC("%.3d", v); SAME_AS_LIBC("%8.3d", v);                  \
    SAME_AS_LIBC("%-8.3d|", v); SAME_AS_LIBC("%08.3d", v);              \
    SAME_AS_LIBC("%.0d", v); SAME_AS_LIBC("%u", v); SAME_AS_LIBC("%x", v); \
    SAME_AS_LIBC("%X", v); SAME_AS_LIBC("%#x", v); SAME_AS_LIBC("%#X", v); \
    SAME_AS_LIBC("%#o", v); SAME_AS_LIBC("%o", v);                      \
    SAME_AS_LIBC("%#010x", v); SAME_AS_LIBC("%-#10x|", v);              \
    SAME_AS_LIBC("%#.5o", v); SAME_AS_LIBC("%hhd", v);                  \
    SAME_AS_LIBC("%hhx", v); SAME_AS_LIBC("%hd", v); SAME_AS_LIBC("%hu", v)

TEST(integers_match_libc)
{
    static const int values[] = { 0, 1, -1, 7, -7, 42, 255, 256, -128,
                                  32767, -32768, 65535, 0x7fffffff,
                                  (int)0x80000000, 123456789 };
    unsigned int i;

    for ( i = 0; i < sizeof(values) / sizeof(values[0]); i++ )
    {
        FORMATS(values[i]);
    }
}

TEST(long_and_size_match_libc)
{
    static const long long values[] = { 0, 1, -1, 0x7fffffffffffffffLL,
                                        (long long)0x8000000000000000ULL,
                                        0x123456789abcdefLL, -99999999999LL };
    unsigned int i;

    for ( i = 0; i < sizeof(values) / sizeof(values[0]); i++ )
    {
        long long v = values[i];

        SAME_AS_LIBC("%lld", v);
        SAME_AS_LIBC("%llu", (unsigned long long)v);
        SAME_AS_LIBC("%llx", (unsigned long long)v);
        SAME_AS_LIBC("%#llX", (unsigned long long)v);
        SAME_AS_LIBC("%020lld", v);
        SAME_AS_LIBC("%ld", (long)v);
        SAME_AS_LIBC("%lx", (unsigned long)v);
        SAME_AS_LIBC("%zu", (size_t)v);
        SAME_AS_LIBC("%zx", (size_t)v);
        SAME_AS_LIBC("%td", (ptrdiff_t)v);
        SAME_AS_LIBC("%jd", (intmax_t)v);
        SAME_AS_LIBC("%016llx", (unsigned long long)v);
    }
}

TEST(strings_and_chars_match_libc)
{
    SAME_AS_LIBC("%s", "hello");
    SAME_AS_LIBC("[%10s]", "hello");
    SAME_AS_LIBC("[%-10s]", "hello");
    SAME_AS_LIBC("[%.3s]", "hello");
    SAME_AS_LIBC("[%10.3s]", "hello");
    SAME_AS_LIBC("[%-10.3s]", "hello");
    SAME_AS_LIBC("[%.0s]", "hello");
    SAME_AS_LIBC("[%s]", "");
    SAME_AS_LIBC("[%c]", 'x');
    SAME_AS_LIBC("[%3c]", 'x');
    SAME_AS_LIBC("[%-3c]", 'x');
    SAME_AS_LIBC("%%%s%%", "a");
    SAME_AS_LIBC("[%*d]", 6, 42);
    SAME_AS_LIBC("[%*d]", -6, 42);
    SAME_AS_LIBC("[%.*s]", 2, "hello");
    SAME_AS_LIBC("[%.*s]", -1, "hello");
    SAME_AS_LIBC("[%-*.*s]", 7, 3, "hello");
    SAME_AS_LIBC("%s=%d %s=%#x", "a", 1, "b", 255);
    SAME_AS_LIBC("[%#.0o]", 0);
    SAME_AS_LIBC("[%#.3o]", 0);
    SAME_AS_LIBC("[%#o]", 0);
    SAME_AS_LIBC("[%#5.0o]", 0);
}

TEST(our_extensions)
{
    char buf[64];

    xen_snprintf(buf, sizeof(buf), "%s", (const char *)NULL);
    CHECK_STR(buf, "(null)");
    xen_snprintf(buf, sizeof(buf), "%p", (void *)0x1234);
    CHECK_STR(buf, "0x0000000000001234");
    xen_snprintf(buf, sizeof(buf), "%p", (void *)0xffff800000001000ULL);
    CHECK_STR(buf, "0xffff800000001000");
    xen_snprintf(buf, sizeof(buf), "%p", NULL);
    CHECK_STR(buf, "0x0000000000000000");
    xen_snprintf(buf, sizeof(buf), "a%qb");
    CHECK_STR(buf, "a%qb");
    xen_snprintf(buf, sizeof(buf), "end%");
    CHECK_STR(buf, "end%");
    xen_snprintf(buf, sizeof(buf), "%-5lq|");
    CHECK_STR(buf, "%-5lq|");
}

TEST(truncation_and_return_values)
{
    char buf[8];
    int n;

    memset(buf, 'X', sizeof(buf));
    n = xen_snprintf(buf, sizeof(buf), "%s", "0123456789");
    CHECK_EQ(n, 10);
    CHECK_STR(buf, "0123456");

    memset(buf, 'X', sizeof(buf));
    n = xen_snprintf(buf, 0, "%d", 12345);
    CHECK_EQ(n, 5);
    CHECK_EQ(buf[0], 'X');

    n = xen_snprintf(NULL, 0, "%s-%d", "abc", 42);
    CHECK_EQ(n, 6);

    n = xen_snprintf(buf, 1, "abc");
    CHECK_EQ(n, 3);
    CHECK_EQ(buf[0], '\0');

    n = xen_scnprintf(buf, sizeof(buf), "%s", "0123456789");
    CHECK_EQ(n, 7);
    n = xen_scnprintf(buf, sizeof(buf), "%s", "abc");
    CHECK_EQ(n, 3);
    n = xen_scnprintf(buf, 0, "%s", "abc");
    CHECK_EQ(n, 0);

    /* Width larger than the buffer: counted, not overflowed. */
    n = xen_snprintf(buf, sizeof(buf), "%100d", 1);
    CHECK_EQ(n, 100);
    CHECK_EQ(strlen(buf), 7);
}

TEST(strtoull)
{
    const char *end;

    CHECK_EQ(simple_strtoull("1234", &end, 0), 1234);
    CHECK_EQ(*end, '\0');
    CHECK_EQ(simple_strtoull("0x1aF", &end, 0), 0x1af);
    CHECK_EQ(simple_strtoull("0X10", &end, 0), 0x10);
    CHECK_EQ(simple_strtoull("017", &end, 0), 017);
    CHECK_EQ(simple_strtoull("0x", &end, 0), 0);
    CHECK_STR(end, "x");
    CHECK_EQ(simple_strtoull("ff", &end, 16), 0xff);
    CHECK_EQ(simple_strtoull("0xff", &end, 16), 0xff);
    CHECK_EQ(simple_strtoull("12abc", &end, 10), 12);
    CHECK_STR(end, "abc");
    CHECK_EQ(simple_strtoull("", &end, 0), 0);
    CHECK_EQ((unsigned long long)simple_strtoll("-42", &end, 0),
             (unsigned long long)-42LL);
    CHECK_EQ(simple_strtoull("18446744073709551615", &end, 10),
             18446744073709551615ULL);
    /* Too large: saturates instead of wrapping. */
    CHECK_EQ(simple_strtoull("18446744073709551617", &end, 10), ULLONG_MAX);
    CHECK_EQ(*end, '\0');
    CHECK_EQ(simple_strtoull("0x100000000000000ff", &end, 0), ULLONG_MAX);
    CHECK_EQ((unsigned long long)simple_strtoll("-9223372036854775808", &end, 10),
             0x8000000000000000ULL);
}

TEST(size_and_unit)
{
    const char *end;

    CHECK_EQ(parse_size_and_unit("512M", &end), 512ULL << 20);
    CHECK_EQ(*end, '\0');
    CHECK_EQ(parse_size_and_unit("2g", &end), 2ULL << 30);
    CHECK_EQ(parse_size_and_unit("1T", &end), 1ULL << 40);
    CHECK_EQ(parse_size_and_unit("64k", &end), 64ULL << 10);
    CHECK_EQ(parse_size_and_unit("4096B", &end), 4096);
    /* As Xen: no suffix counts KiB. */
    CHECK_EQ(parse_size_and_unit("1024", &end), 1024ULL << 10);
    CHECK_EQ(parse_size_and_unit("0x10M", &end), 16ULL << 20);
    CHECK_EQ(parse_size_and_unit("12Mfoo", &end), 12ULL << 20);
    CHECK_STR(end, "foo");
    CHECK_EQ(parse_size_and_unit("20000000T", &end), ULLONG_MAX);
    CHECK_EQ(parse_size_and_unit("M", &end), 0);
    CHECK_STR(end, "M");
}

TEST(bool_words)
{
    CHECK_EQ(parse_bool("yes", NULL), 1);
    CHECK_EQ(parse_bool("on", NULL), 1);
    CHECK_EQ(parse_bool("enable", NULL), 1);
    CHECK_EQ(parse_bool("1", NULL), 1);
    CHECK_EQ(parse_bool("false", NULL), 0);
    CHECK_EQ(parse_bool("off", NULL), 0);
    CHECK_EQ(parse_bool("0", NULL), 0);
    CHECK_EQ(parse_bool("maybe", NULL), -1);
    CHECK_EQ(parse_bool("", NULL), -1);
    CHECK_EQ(parse_bool("onx", NULL), -1);
    {
        const char *s = "off,more";

        CHECK_EQ(parse_bool(s, s + 3), 0);
    }
}

TEST(human_sizes)
{
    char buf[32];

    CHECK_STR(format_size(buf, sizeof(buf), 0), "0 B");
    CHECK_STR(format_size(buf, sizeof(buf), 1023), "1023 B");
    CHECK_STR(format_size(buf, sizeof(buf), 4096), "4 KiB");
    CHECK_STR(format_size(buf, sizeof(buf), 1ULL << 30), "1 GiB");
    CHECK_STR(format_size(buf, sizeof(buf), 3ULL << 29), "1536 MiB");
    CHECK_STR(format_size(buf, sizeof(buf), (1ULL << 20) + 4096), "1028 KiB");
    CHECK_STR(format_size(buf, sizeof(buf), 196768), "192.1 KiB");
    CHECK_STR(format_size(buf, sizeof(buf), 5ULL << 40), "5 TiB");
}

static int marked(char *buf, size_t size, bool newline, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vscnprintf_marked(buf, size, newline, fmt, args);
    va_end(args);

    return n;
}

TEST(truncated_messages_are_marked)
{
    char buf[16];

    /* Fits: as vscnprintf(). */
    CHECK_EQ(marked(buf, sizeof(buf), true, "%s\n", "short"), 6);
    CHECK_STR(buf, "short\n");
    CHECK_EQ(marked(buf, sizeof(buf), true, "%s", "0123456789abcde"), 15);
    CHECK_STR(buf, "0123456789abcde");

    /* Does not: the end is the marker, with or without a newline. */
    CHECK_EQ(marked(buf, sizeof(buf), true, "%s\n", "0123456789abcdef"), 15);
    CHECK_STR(buf, "012345678" TRUNCATION_MARKER "\n");
    CHECK_EQ(marked(buf, sizeof(buf), false, "%s", "0123456789abcdefgh"), 15);
    CHECK_STR(buf, "0123456789" TRUNCATION_MARKER);

    /* Too small for the marker: plain truncation, never an overflow. */
    CHECK_EQ(marked(buf, 4, true, "%s", "0123456789"), 3);
    CHECK_STR(buf, "012");
    CHECK_EQ(marked(buf, 0, true, "%s", "0123456789"), 0);
}

HARNESS_MAIN("vsprintf")
