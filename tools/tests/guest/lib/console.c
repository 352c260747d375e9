/* SPDX-License-Identifier: GPL-2.0-only */
/* Console output through console_io(CONSOLEIO_write). */
#include <xtest.h>

void xtest_write(const char *s, size_t len)
{
    if ( !len )
        return;
    if ( hypercall_console_io(CONSOLEIO_write, len, s) < 0 )
        arch_fallback_write(s, len);
}

void xtest_puts(const char *s)
{
    xtest_write(s, strlen(s));
}
