/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls: the table-driven dispatcher, preemption and continuations
 * (docs/designs/hypercalls.md), and the first handlers (console_io,
 * xen_version, sched_op, vcpu_op). Numbers and layouts are Xen's public
 * ABI (docs/misc/public-abi.md).
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <public/features.h>
#include <public/sched.h>
#include <public/test-op.h>
#include <public/vcpu.h>
#include <public/version.h>
#include <public/xen.h>

/* The ABI version we implement, as guests see it. */
#define ABI_MAJOR 4
#define ABI_MINOR 17

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
 * Writes go out in chunks of one buffer; between chunks the call may stop
 * and continue with the buffer and count advanced past what was written
 * (as upstream does), so a huge count does not hold the pCPU. Every call
 * writes at least one chunk, so each one makes progress.
 */
static long console_write(struct domain *d, unsigned int count, uint64_t buffer)
{
    char buf[128];
    bool wrote = false;

    while ( count )
    {
        unsigned int n = min(count, (unsigned int)sizeof(buf));

        if ( wrote && hypercall_preempt_check() )
            return hypercall_create_continuation(
                __HYPERVISOR_console_io, CONSOLEIO_write, count, buffer);

        if ( copy_from_guest(buf, buffer, n) )
            return -EFAULT;
        guest_console_write(d, buf, n);
        wrote = true;
        buffer += n;
        count -= n;
    }

    return 0;
}

long do_console_io(unsigned int cmd, unsigned int count, uint64_t buffer)
{
    struct domain *d = current_vcpu()->domain;

    switch ( cmd )
    {
    case CONSOLEIO_write: return console_write(d, count, buffer);

    case CONSOLEIO_read: return 0; /* no console input yet */
    }

    return -ENOSYS;
}

static uint32_t feature_submap0(const struct domain *d)
{
    uint32_t f = (1U << XENFEAT_writable_page_tables) |
                 (1U << XENFEAT_auto_translated_physmap) |
                 (1U << XENFEAT_memory_op_vnode_supported) |
                 (1U << XENFEAT_runstate_phys_area) |
                 (1U << XENFEAT_ARM_SMCCC_supported);

    f |= d->config->direct_map ? 1U << XENFEAT_direct_mapped
                               : 1U << XENFEAT_not_direct_mapped;
    if ( d->config->hardware )
        f |= 1U << XENFEAT_dom0;

    return f;
}

static int copy_string(uint64_t arg, const char *s, size_t field)
{
    char buf[64];

    memset(buf, 0, sizeof(buf));
    strlcpy(buf, s, min(field, sizeof(buf)));

    return copy_to_guest(arg, buf, min(field, sizeof(buf)));
}

long do_xen_version(unsigned int cmd, uint64_t arg)
{
    struct domain *d = current_vcpu()->domain;

    switch ( cmd )
    {
    case XENVER_version: return (ABI_MAJOR << 16) | ABI_MINOR;

    case XENVER_extraversion:
        return copy_string(arg, ".0-xabi", sizeof(xen_extraversion_t)) ? -EFAULT
                                                                       : 0;

    case XENVER_compile_info:
    {
        struct xen_compile_info ci;

        memset(&ci, 0, sizeof(ci));
        strlcpy(ci.compiler, xen_compiler(), sizeof(ci.compiler));
        strlcpy(ci.compile_by, "xabi", sizeof(ci.compile_by));
        strlcpy(ci.compile_date, xen_compile_date(), sizeof(ci.compile_date));
        return copy_to_guest(arg, &ci, sizeof(ci)) ? -EFAULT : 0;
    }

    case XENVER_capabilities:
    {
        xen_capabilities_info_t caps;

        memset(caps, 0, sizeof(caps));
        strlcpy(caps, XEN_CAPABILITIES, sizeof(caps));
        return copy_to_guest(arg, caps, sizeof(caps)) ? -EFAULT : 0;
    }

    case XENVER_changeset:
        return copy_string(arg, "unavailable", sizeof(xen_changeset_info_t))
                   ? -EFAULT
                   : 0;

    case XENVER_platform_parameters:
    {
        struct xen_platform_parameters pp = { .virt_start = 0 };

        return copy_to_guest(arg, &pp, sizeof(pp)) ? -EFAULT : 0;
    }

    case XENVER_get_features:
    {
        struct xen_feature_info fi;

        if ( copy_from_guest(&fi, arg, sizeof(fi)) )
            return -EFAULT;
        if ( fi.submap_idx != 0 )
            return -EINVAL;
        fi.submap = feature_submap0(d);
        return copy_to_guest(arg, &fi, sizeof(fi)) ? -EFAULT : 0;
    }

    case XENVER_pagesize: return arg ? -EINVAL : PAGE_SIZE;

    case XENVER_guest_handle:
    {
        xen_domain_handle_t handle;

        memset(handle, 0, sizeof(handle));
        return copy_to_guest(arg, handle, sizeof(handle)) ? -EFAULT : 0;
    }

    case XENVER_commandline: return -EPERM;
    }

    return -ENOSYS;
}

long do_sched_op(unsigned int cmd, uint64_t arg)
{
    struct vcpu *v = current_vcpu();
    struct sched_shutdown sd;

    switch ( cmd )
    {
    case SCHEDOP_yield:
        /*
         * Give the pCPU to a waiting vCPU, if any, on the way out (the
         * result is in the guest's registers by then).
         */
        vcpu_ask_yield(v);
        return 0;

    case SCHEDOP_block:
        /*
         * Off the pCPU until woken (vcpu_unblock(), vcpu_kick()), unless a
         * wake-up is already pending: then the call returns at once.
         * Upstream also enables event delivery first (evtchn_upcall_mask
         * = 0 in the vCPU's vcpu_info) and does not block while an event
         * is pending for the vCPU (local_events_need_delivery()). There
         * are no event channels yet; when they come, this is where the
         * mask is cleared, and a pending upcall counts as a pending wake.
         */
        vcpu_block(v);
        return 0;

    case SCHEDOP_shutdown:
        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        if ( sd.reason > SHUTDOWN_MAX )
            return -EINVAL;
        /* The vCPU leaves at the leave path; the result is not seen. */
        domain_shutdown(v->domain, sd.reason);
        return 0;
    }

    return -ENOSYS;
}

long do_vcpu_op(unsigned int cmd, unsigned int vcpuid, uint64_t arg)
{
    struct domain *d = current_vcpu()->domain;
    struct vcpu *v;

    if ( vcpuid >= d->max_vcpus || !(v = d->vcpu[vcpuid]) )
        return -ENOENT;

    switch ( cmd )
    {
    case VCPUOP_initialise: return arch_vcpu_initialise(v, arg);

    case VCPUOP_is_up: return vcpu_is_up(v);

    case VCPUOP_up:
        /* arm64 guests start vCPUs with PSCI CPU_ON; x86 initialises. */
        return vcpu_is_up(v) ? 0 : arch_vcpu_op_up(v);
    }

    return -ENOSYS;
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
    return do_xen_version(a1, a2);
}

static long hc_console_io(unsigned long a1, unsigned long a2, unsigned long a3,
                          unsigned long a4, unsigned long a5)
{
    return do_console_io(a1, a2, a3);
}

static long hc_sched_op(unsigned long a1, unsigned long a2, unsigned long a3,
                        unsigned long a4, unsigned long a5)
{
    return do_sched_op(a1, a2);
}

static long hc_vcpu_op(unsigned long a1, unsigned long a2, unsigned long a3,
                       unsigned long a4, unsigned long a5)
{
    return do_vcpu_op(a1, a2, a3);
}

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
