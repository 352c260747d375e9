/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_io: a written line arrives (the runner looks for the marker
 * lines on the serial log), count is honoured, long writes are not
 * truncated, and reads do not fail.
 */
#include <xtest.h>

/* The runner expects these lines, so keep them in step with it. */
#define MARKER  "console: marker XTEST-CONSOLE-7f3a9c\n"
#define PARTIAL "console: partial-AB"

XTEST(console, "console", "Console output through console_io")
{
    static char long_line[300];
    static char buf[64];
    size_t n;
    long rc;

    rc = hypercall_console_io(CONSOLEIO_write, sizeof(MARKER) - 1, MARKER);
    CHECK_EQ("write.rc", rc, 0);

    CHECK_EQ("write_zero.rc", hypercall_console_io(CONSOLEIO_write, 0, MARKER),
             0);

    /* Only count bytes go out: "CDEF" must not appear. */
    rc = hypercall_console_io(CONSOLEIO_write, sizeof(PARTIAL) - 1,
                              PARTIAL "CDEF");
    hypercall_console_io(CONSOLEIO_write, 1, "\n");
    CHECK_EQ("write_partial.rc", rc, 0);

    /* 256 digits between "long-line " and " END": more than one chunk. */
    n = xtest_snprintf(long_line, sizeof(long_line), "console: long-line ");
    while ( n < 19 + 256 )
    {
        long_line[n] = '0' + (n - 19) % 10;
        n++;
    }
    memcpy(long_line + n, " END\n", 5);
    n += 5;
    rc = hypercall_console_io(CONSOLEIO_write, n, long_line);
    CHECK_EQ("write_long.rc", rc, 0);
    xtest_info("write_long.len", n);

    /* Reading: no input is queued; the answer depends on privilege. */
    rc = hypercall_console_io(CONSOLEIO_read, sizeof(buf), buf);
    xtest_info("read.rc", rc);

    CHECK_RC("subop_99", hypercall_console_io(99, 0, NULL), XEN_ENOSYS);
}
