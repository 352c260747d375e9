/* SPDX-License-Identifier: GPL-2.0-only */
/* The options the hypervisor registered with the *_param() macros. */
#include <xen/lib.h>
#include <xen/param.h>

extern const struct kernel_param __setup_start[], __setup_end[];

int __init cmdline_parse(const char *cmdline)
{
    return cmdline_parse_table(cmdline, __setup_start,
                               __setup_end - __setup_start);
}
