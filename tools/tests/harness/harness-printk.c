/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk() for the host tests: each message goes to the harness log as it
 * was formatted. Tests of the real printk (common/console.c) link that
 * instead of this file.
 */
#include <stdarg.h>
#include <string.h>

#include <xen/lib.h>
#include "harness.h"

void vprintk(const char *fmt, va_list args)
{
    char line[1024];
    int n = vscnprintf(line, sizeof(line), fmt, args);

    harness_log_append(line, n);
}

void printk(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    vprintk(fmt, args);
    va_end(args);
}

/* Byte for byte, as the console would send them. */
void console_write_line(const char *prefix, const char *s, size_t len)
{
    harness_log_append(prefix, strlen(prefix));
    harness_log_append(s, len);
    harness_log_append("\n", 1);
}
