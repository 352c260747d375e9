/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall dispatcher: Xen's hypercall numbers, one handler each;
 * anything not implemented answers -ENOSYS, as Xen does for unknown
 * numbers and subops.
 */
#ifndef XEN_HYPERCALL_H
#define XEN_HYPERCALL_H

#include <xen/types.h>

long do_hypercall(unsigned long nr, unsigned long a1, unsigned long a2,
                  unsigned long a3, unsigned long a4, unsigned long a5);

long do_console_io(unsigned int cmd, unsigned int count, uint64_t buffer);
long do_xen_version(unsigned int cmd, uint64_t arg);
long do_sched_op(unsigned int cmd, uint64_t arg);
long do_vcpu_op(unsigned int cmd, unsigned int vcpuid, uint64_t arg);

#endif /* XEN_HYPERCALL_H */
