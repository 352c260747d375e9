/* SPDX-License-Identifier: GPL-2.0-only */
/* Host tests of the command-line parser (common/cmdline.c). */
#include <stdlib.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>
#include "harness.h"

static bool opt_flag;
static bool opt_other;
static uint8_t opt_u8;
static uint32_t opt_u32;
static uint64_t opt_u64;
static uint64_t opt_mem;
static char opt_name[8];
static char custom_seen[64];
static int custom_calls;

static int parse_custom(const char *v)
{
    custom_calls++;
    xen_snprintf(custom_seen, sizeof(custom_seen), "%s", v ? v : "<none>");
    return v && !strcmp(v, "bad") ? -EINVAL : 0;
}

static const struct kernel_param table[] = {
    { "flag", OPT_BOOL, sizeof(opt_flag), { .var = &opt_flag } },
    { "other_flag", OPT_BOOL, sizeof(opt_other), { .var = &opt_other } },
    { "small", OPT_UINT, sizeof(opt_u8), { .var = &opt_u8 } },
    { "count", OPT_UINT, sizeof(opt_u32), { .var = &opt_u32 } },
    { "big", OPT_UINT, sizeof(opt_u64), { .var = &opt_u64 } },
    { "dom0_mem", OPT_SIZE, sizeof(opt_mem), { .var = &opt_mem } },
    { "name", OPT_STR, sizeof(opt_name), { .var = opt_name } },
    { "custom", OPT_CUSTOM, 0, { .func = parse_custom } },
};

static int parse(const char *s)
{
    opt_flag = opt_other = false;
    opt_u8 = 0;
    opt_u32 = 0;
    opt_u64 = 0;
    opt_mem = 0;
    memset(opt_name, 0, sizeof(opt_name));
    custom_seen[0] = '\0';
    custom_calls = 0;
    harness_log_clear();

    return cmdline_parse_table(s, table, sizeof(table) / sizeof(table[0]));
}

TEST(empty_lines)
{
    CHECK_EQ(parse(NULL), 0);
    CHECK_EQ(parse(""), 0);
    CHECK_EQ(parse("   \t  "), 0);
    CHECK_STR(harness_log(), "");
}

TEST(booleans)
{
    CHECK_EQ(parse("flag"), 0);
    CHECK(opt_flag);
    CHECK_EQ(parse("flag=no"), 0);
    CHECK(!opt_flag);
    CHECK_EQ(parse("flag=on other_flag=1"), 0);
    CHECK(opt_flag && opt_other);
    CHECK_EQ(parse("flag no-flag"), 0);
    CHECK(!opt_flag);
    CHECK_EQ(parse("no_other_flag other-flag"), 0);
    CHECK(opt_other);
    CHECK_EQ(parse("flag=maybe"), 1);
    CHECK(harness_log_contains("Bad value 'maybe' for option 'flag' (invalid)"));
    /* "no-" only negates booleans, and never takes a value. */
    CHECK_EQ(parse("no-count"), 1);
    CHECK(harness_log_contains("Unknown command line option 'no-count'"));
    CHECK_EQ(parse("no-flag=1"), 1);
}

TEST(integers)
{
    CHECK_EQ(parse("count=42 big=0x123456789a small=0377"), 0);
    CHECK_EQ(opt_u32, 42);
    CHECK_EQ(opt_u64, 0x123456789aULL);
    CHECK_EQ(opt_u8, 255);
    CHECK_EQ(parse("small=256"), 1);
    CHECK(harness_log_contains("(out of range)"));
    CHECK_EQ(opt_u8, 0);
    CHECK_EQ(parse("count=4294967296"), 1);
    CHECK_EQ(parse("count=12x"), 1);
    CHECK_EQ(parse("count="), 1);
    CHECK_EQ(parse("count"), 1);
    CHECK(harness_log_contains("Bad value (none) for option 'count'"));
}

TEST(sizes)
{
    CHECK_EQ(parse("dom0_mem=512M"), 0);
    CHECK_EQ(opt_mem, 512ULL << 20);
    CHECK_EQ(parse("dom0-mem=2G"), 0);
    CHECK_EQ(opt_mem, 2ULL << 30);
    CHECK_EQ(parse("dom0_mem=1024"), 0);
    CHECK_EQ(opt_mem, 1024ULL << 10);
    CHECK_EQ(parse("dom0_mem=12Q"), 1);
    CHECK_EQ(parse("dom0_mem=M"), 1);
}

TEST(strings_and_quotes)
{
    CHECK_EQ(parse("name=abc"), 0);
    CHECK_STR(opt_name, "abc");
    CHECK_EQ(parse("name=\"a b c\""), 0);
    CHECK_STR(opt_name, "a b c");
    CHECK_EQ(parse("name=\"a b\"c flag"), 0);
    CHECK_STR(opt_name, "a bc");
    CHECK(opt_flag);
    CHECK_EQ(parse("name="), 0);
    CHECK_STR(opt_name, "");
    /* Too long for the 8-byte buffer: refused, the old value kept. */
    CHECK_EQ(parse("name=12345678"), 1);
    CHECK_STR(opt_name, "");
    CHECK(harness_log_contains("(too long)"));
    CHECK_EQ(parse("name=1234567"), 0);
    CHECK_STR(opt_name, "1234567");
    /* Unbalanced quote: the rest of the line is the value. */
    CHECK_EQ(parse("name=\"x y"), 0);
    CHECK_STR(opt_name, "x y");
}

TEST(custom_handlers)
{
    CHECK_EQ(parse("custom=hello"), 0);
    CHECK_STR(custom_seen, "hello");
    CHECK_EQ(parse("custom"), 0);
    CHECK_STR(custom_seen, "<none>");
    CHECK_EQ(parse("custom=bad"), 1);
    CHECK_EQ(parse("custom=a=b"), 0);
    CHECK_STR(custom_seen, "a=b");
    CHECK_EQ(parse("custom=1 custom=2"), 0);
    CHECK_EQ(custom_calls, 2);
    CHECK_STR(custom_seen, "2");
}

TEST(unknown_and_separator)
{
    CHECK_EQ(parse("foo flag bar=1"), 2);
    CHECK(opt_flag);
    CHECK(harness_log_contains("Unknown command line option 'foo'; ignored"));
    CHECK(harness_log_contains("Unknown command line option 'bar'; ignored"));
    /* Everything after a lone "--" is not ours. */
    CHECK_EQ(parse("count=1 -- count=2 unknown"), 0);
    CHECK_EQ(opt_u32, 1);
    CHECK_EQ(parse("count=1 --x"), 1);
    /* Prefixes are not names. */
    CHECK_EQ(parse("fla"), 1);
    CHECK_EQ(parse("flagx"), 1);
}

TEST(long_option)
{
    char *line = malloc(1000);

    memset(line, 'a', 999);
    line[999] = '\0';
    CHECK_EQ(parse(line), 1);
    CHECK(harness_log_contains("is too long; ignored"));

    memcpy(line + 994, " flag", 5);
    CHECK_EQ(parse(line), 1);
    CHECK(opt_flag);
    free(line);
}

TEST(empty_quoted_option_is_skipped)
{
    CHECK_EQ(parse("flag \"\" count=3"), 0);
    CHECK(opt_flag);
    CHECK_EQ(opt_u32, 3);
    CHECK_EQ(parse("\"\""), 0);
}

TEST(numbers_too_large_are_refused)
{
    CHECK_EQ(parse("small=0x100000000000000ff"), 1);
    CHECK_EQ(opt_u8, 0);
    CHECK(harness_log_contains("(out of range)"));
    CHECK_EQ(parse("big=18446744073709551617"), 1);
    CHECK_EQ(opt_u64, 0);
    CHECK_EQ(parse("dom0_mem=99999999999T"), 1);
}

TEST(separators)
{
    CHECK_EQ(parse("\tflag\n count=3\r"), 0);
    CHECK(opt_flag);
    CHECK_EQ(opt_u32, 3);
}

HARNESS_MAIN("cmdline")
