/* SPDX-License-Identifier: GPL-2.0-only */
/* Typed hypercall wrappers over arch_hypercall(). */
#include <xtest.h>
#include <public/test-op.h>

#define HC(nr, a0, a1, a2) \
    arch_hypercall(nr, (unsigned long)(a0), (unsigned long)(a1), \
                   (unsigned long)(a2), 0, 0)

long hypercall_console_io(unsigned int cmd, unsigned int count,
                          const void *buf)
{
    return HC(__HYPERVISOR_console_io, cmd, count, buf);
}

long hypercall_xen_version(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_xen_version, cmd, arg, 0);
}

long hypercall_sched_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_sched_op, cmd, arg, 0);
}

long hypercall_memory_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_memory_op, cmd, arg, 0);
}

long hypercall_grant_table_op(unsigned int cmd, void *arg, unsigned int count)
{
    return HC(__HYPERVISOR_grant_table_op, cmd, arg, count);
}

long hypercall_vcpu_op(unsigned int cmd, unsigned int vcpu, void *arg)
{
    return HC(__HYPERVISOR_vcpu_op, cmd, vcpu, arg);
}

long hypercall_event_channel_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_event_channel_op, cmd, arg, 0);
}

long hypercall_hvm_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_hvm_op, cmd, arg, 0);
}

long hypercall_physdev_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_physdev_op, cmd, arg, 0);
}

long hypercall_test_op(unsigned int cmd, unsigned long a1, unsigned long a2)
{
    return HC(__HYPERVISOR_test_op, cmd, a1, a2);
}
