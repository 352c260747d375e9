/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_io: a written line arrives (the runner looks for the marker
 * lines on the serial log), a domU's control bytes are filtered out,
 * count is honoured, long writes are not
 * truncated, a write long enough for the hypervisor to stop part-way and
 * continue it (a hypercall continuation) completes and keeps the
 * registers, and reads do not fail.
 */
#include <xtest.h>
#include <public/features.h>
#include <public/version.h>

/* The runner expects these lines, so keep them in step with it. */
#define MARKER   "console: marker XTEST-CONSOLE-7f3a9c\n"
#define PARTIAL  "console: partial-AB"
#define HUGE_END "console: huge write XTEST-CONSOLE-5e21 END\n"

/*
 * Control bytes a guest other than the hardware domain must not get to
 * the host's terminal: escape sequences, BEL, BS, NUL, DEL and a C1 CSI
 * (0x9b); what is left of the line is on the log for the runner. The
 * hardware domain's output is not filtered: it sends RAW, which has no
 * NUL, so the serial log stays text.
 */
#define FILTERED "console: filter A\x1b[7mB\x1b[0mC\aD\bE\0F\x7f" \
                 "G\x9bH\tI END\n"
#define RAW      "console: raw A\x1b[7mB\x1b[0mC\aD END\n"

static bool hardware_domain(void)
{
    xen_feature_info_t fi = { .submap_idx = 0 };

    return !hypercall_xen_version(XENVER_get_features, &fi) &&
           (fi.submap & (1u << XENFEAT_dom0));
}

/*
 * 1 MiB: all '\r' (dropped by our hypervisor, harmless on Xen's serial
 * line) but for HUGE_END at the very end.
 */
#define HUGE_LEN (1024 * 1024)
static char huge[HUGE_LEN];

XTEST(console, "console", "Console output through console_io")
{
    static char long_line[300];
    static char buf[64];
    struct arch_regcheck regs;
    unsigned int i;
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

    if ( hardware_domain() )
        hypercall_console_io(CONSOLEIO_write, sizeof(RAW) - 1, RAW);
    else
        hypercall_console_io(CONSOLEIO_write, sizeof(FILTERED) - 1, FILTERED);

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

    /*
     * The huge write: whether it was continued is the hypervisor's
     * business (it shows in the argument registers, not judged); the
     * result and every register that is neither result nor argument are.
     */
    memset(huge, '\r', HUGE_LEN - (sizeof(HUGE_END) - 1));
    memcpy(huge + HUGE_LEN - (sizeof(HUGE_END) - 1), HUGE_END,
           sizeof(HUGE_END) - 1);
    arch_regcheck(__HYPERVISOR_console_io, CONSOLEIO_write, HUGE_LEN,
                  (unsigned long)huge, &regs);
    CHECK_EQ("write_huge.rc", regs.ret, 0);
    for ( i = 0; i < arch_regcheck_count; i++ )
        if ( regs.bad & (1UL << i) )
            xtest_printf("console: %s changed across the huge write\n",
                         arch_regcheck_names[i]);
    CHECK_TRUE("write_huge.preserved_changed", regs.bad, regs.bad == 0,
               "0 (no register changed)");

    /* Reading: no input is queued; the answer depends on privilege. */
    rc = hypercall_console_io(CONSOLEIO_read, sizeof(buf), buf);
    xtest_info("read.rc", rc);

    CHECK_RC("subop_99", hypercall_console_io(99, 0, NULL), XEN_ENOSYS);
}
