/* SPDX-License-Identifier: GPL-2.0-only */
/* The memory_op hypercall: every XENMEM subop. */
#include <xen/errno.h>
#include <xen/hypercall.h>

long do_memory_op(unsigned long cmd, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    return -ENOSYS;
}
