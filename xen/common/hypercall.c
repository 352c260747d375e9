/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls: the table-driven dispatcher, the trap every architecture
 * goes through, preemption and continuations (docs/designs/hypercalls.md).
 * The handlers live with their subsystems (console_io in guest-console.c,
 * xen_version in version.c, sched_op in schedule.c, vcpu_op in domain.c);
 * numbers and layouts are Xen's public ABI (docs/misc/public-abi.md).
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/test-op.h>
#include <public/xen.h>

bool hypercall_preempt_check(void)
{
    const struct vcpu *v = current_vcpu();

    return READ_ONCE(v->domain->is_shutting_down) || schedule_slice_over();
}

long hypercall_continue_with(unsigned int op, const unsigned long *args,
                             unsigned int nr_args)
{
    struct hypercall_continuation *c = &current_vcpu()->hcall;
    unsigned int i;

    BUG_ON(nr_args > HYPERCALL_MAX_ARGS);
    ASSERT(!c->pending); /* one continuation per call */

    c->op = op;
    c->nr_args = nr_args;
    for ( i = 0; i < nr_args; i++ )
        c->args[i] = args[i];
    c->pending = true;

    /* Not seen by the guest: the architecture keeps its result register. */
    return 0;
}

/*
 * The table: one entry per implemented hypercall number, each handler
 * given the arguments it takes. An empty slot (or a number past the end)
 * answers -ENOSYS, as Xen does.
 */
typedef long (*hypercall_fn_t)(unsigned long a1, unsigned long a2,
                               unsigned long a3, unsigned long a4,
                               unsigned long a5);

static long hc_xen_version(unsigned long a1, unsigned long a2, unsigned long a3,
                           unsigned long a4, unsigned long a5)
{
    return do_xen_version(a1, guest_handle_from_param(a2, void));
}

static long hc_console_io(unsigned long a1, unsigned long a2, unsigned long a3,
                          unsigned long a4, unsigned long a5)
{
    return do_console_io(a1, a2, guest_handle_from_param(a3, char));
}

static long hc_sched_op(unsigned long a1, unsigned long a2, unsigned long a3,
                        unsigned long a4, unsigned long a5)
{
    return do_sched_op(a1, guest_handle_from_param(a2, void));
}

static long hc_vcpu_op(unsigned long a1, unsigned long a2, unsigned long a3,
                       unsigned long a4, unsigned long a5)
{
    return do_vcpu_op(a1, a2, guest_handle_from_param(a3, void));
}

static long hc_memory_op(unsigned long a1, unsigned long a2, unsigned long a3,
                         unsigned long a4, unsigned long a5)
{
    return do_memory_op(a1, guest_handle_from_param(a2, void));
}

#ifdef CONFIG_GRANT_TABLE
static long hc_grant_table_op(unsigned long a1, unsigned long a2,
                              unsigned long a3, unsigned long a4,
                              unsigned long a5)
{
    return do_grant_table_op(a1, guest_handle_from_param(a2, void), a3);
}
#endif

#ifdef CONFIG_TEST_HYPERCALLS
static long hc_test_op(unsigned long a1, unsigned long a2, unsigned long a3,
                       unsigned long a4, unsigned long a5)
{
    return do_test_op(a1, a2, a3);
}
#endif

static const hypercall_fn_t hypercall_table[] = {
    [__HYPERVISOR_xen_version] = hc_xen_version,
    [__HYPERVISOR_console_io] = hc_console_io,
    [__HYPERVISOR_vcpu_op] = hc_vcpu_op,
    [__HYPERVISOR_memory_op] = hc_memory_op,
#ifdef CONFIG_GRANT_TABLE
    [__HYPERVISOR_grant_table_op] = hc_grant_table_op,
#endif
    [__HYPERVISOR_sched_op] = hc_sched_op,
#ifdef CONFIG_TEST_HYPERCALLS
    [__HYPERVISOR_test_op] = hc_test_op,
#endif
};

long do_hypercall(unsigned long nr, unsigned long a1, unsigned long a2,
                  unsigned long a3, unsigned long a4, unsigned long a5)
{
    current_vcpu()->hcall.pending = false;

    if ( nr >= ARRAY_SIZE(hypercall_table) || !hypercall_table[nr] )
        return -ENOSYS;

    return hypercall_table[nr](a1, a2, a3, a4, a5);
}

void hypercall_trap(struct vcpu *v)
{
    const struct hypercall_continuation *c = &v->hcall;
    unsigned long a[HYPERCALL_MAX_ARGS];
    unsigned int i;
    long rc;

    for ( i = 0; i < HYPERCALL_MAX_ARGS; i++ )
        a[i] = arch_hypercall_arg(v, i);
    rc = do_hypercall(arch_hypercall_op(v), a[0], a[1], a[2], a[3], a[4]);

    if ( !c->pending )
    {
        arch_hypercall_set_result(v, rc);
        return;
    }

    /* The call is made again: its result register keeps the number. */
    arch_hypercall_set_op(v, c->op);
    for ( i = 0; i < c->nr_args; i++ )
        arch_hypercall_set_arg(v, i, c->args[i]);
    arch_hypercall_rewind(v);
    vcpu_ask_preempt(v);
}
