/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of printk() and the console (common/console.c), linked in
 * place of the harness's own printk: what a console driver is sent, byte
 * for byte, goes to the harness log.
 */
#include <string.h>

#include <xen/console.h>
#include <xen/lib.h>
#include "harness.h"

static void log_putc(char c)
{
    harness_log_append(&c, 1);
}

static const struct console_driver log_driver = {
    .name = "harness",
    .putc = log_putc,
};

/* A console that sends to the harness log, which starts out empty. */
static void console_to_log(void)
{
    console_register(&log_driver);
    harness_log_clear();
}

TEST(short_messages_unchanged)
{
    console_to_log();
    printk("one\n");
    printk(XENLOG_WARNING "two %d\n", 2);
    CHECK_STR(harness_log(), "(XEN) one\n(XEN) two 2\n");
}

/* 600 bytes (more than printk's buffer holds) through fmt, then a line. */
static void long_then_next(const char *fmt)
{
    static char text[601];

    memset(text, 'x', 600);
    console_to_log();
    printk(fmt, text);
    printk("next\n");
}

TEST(long_message_keeps_its_newline)
{
    long_then_next("%s\n");

    /* Cut at the line buffer, marked, ended; the next line on its own. */
    CHECK(harness_log_contains("xxx" TRUNCATION_MARKER "\n(XEN) next\n"));
    CHECK_EQ(strlen(harness_log()),
             strlen("(XEN) ") + 511 + strlen("(XEN) next\n"));
}

TEST(long_message_without_newline_ends_its_line)
{
    long_then_next("%s");
    CHECK(harness_log_contains("xxx" TRUNCATION_MARKER "\n(XEN) next\n"));
}

TEST(message_that_just_fits_is_not_marked)
{
    static char text[511];

    memset(text, 'z', 510);
    console_to_log();
    printk("%s\n", text);
    CHECK(!harness_log_contains(TRUNCATION_MARKER));
    CHECK(harness_log_contains("zzz\n"));
}

static unsigned long polls;
static bool uart_ready;

static bool count_poll(void)
{
    polls++;
    return uart_ready;
}

/* A transmitter that never drains costs a bounded wait, then one poll. */
TEST(stuck_uart_bounded)
{
    bool stuck = false;

    CHECK(!console_tx_ready(count_poll, &stuck));
    CHECK(stuck);
    CHECK_EQ(polls, CONSOLE_TX_POLLS);

    polls = 0;
    CHECK(!console_tx_ready(count_poll, &stuck));
    CHECK_EQ(polls, 1);

    /* It drains again: back to normal. */
    uart_ready = true;
    CHECK(console_tx_ready(count_poll, &stuck));
    CHECK(!stuck);
}

HARNESS_MAIN("console")
