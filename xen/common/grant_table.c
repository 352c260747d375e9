/* SPDX-License-Identifier: GPL-2.0-only */
/* Grant tables and the grant_table hypercall (xen/grant_table.h). */
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/hypercall.h>

long do_grant_table_op(unsigned int cmd, XEN_GUEST_HANDLE_PARAM(void) uop,
                       unsigned int count)
{
    return -ENOSYS;
}
