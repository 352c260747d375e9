/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall calling convention: registers that are neither the
 * result nor an argument survive a call, unknown hypercall numbers and
 * unknown subops give -ENOSYS, and the result is a full-width signed
 * value.
 */
#include <xtest.h>
#include <public/version.h>

static void regcheck(const char *what, unsigned long nr, unsigned long a0,
                     unsigned long a1, unsigned long a2)
{
    struct arch_regcheck r;
    char name[64];
    unsigned int i;

    arch_regcheck(nr, a0, a1, a2, &r);
    for ( i = 0; i < arch_regcheck_count; i++ )
        if ( r.bad & (1UL << i) )
            xtest_printf("%s: %s changed across %s\n", xtest_current,
                         arch_regcheck_names[i], what);
    xtest_snprintf(name, sizeof(name), "%s.preserved_changed", what);
    CHECK_TRUE(name, r.bad, r.bad == 0, "0 (no register changed)");
    /* Xen may clobber argument registers (debug builds do): info only. */
    xtest_snprintf(name, sizeof(name), "%s.args_changed", what);
    xtest_info_hex(name, r.args);
    xtest_snprintf(name, sizeof(name), "%s.ret", what);
    xtest_info(name, r.ret);
}

XTEST(hypercall_abi, "hypercall-abi", "Hypercall calling convention")
{
    static const char line[] = "hypercall-abi: console_io through regcheck\n";
    static const unsigned int unknown[] = { 11, 43, 47, 56, 63, 127 };
    unsigned int i;
    char name[48];
    long rc;

    /* Registers. */
    regcheck("xen_version", __HYPERVISOR_xen_version, XENVER_version, 0, 0);
    regcheck("console_io", __HYPERVISOR_console_io, CONSOLEIO_write,
             sizeof(line) - 1, (unsigned long)line);
    regcheck("unknown_hypercall", 63, 1, 2, 3);

    /* Unknown hypercall numbers. */
    for ( i = 0; i < ARRAY_SIZE(unknown); i++ )
    {
        xtest_snprintf(name, sizeof(name), "unknown_hypercall_%u",
                       unknown[i]);
        rc = arch_hypercall(unknown[i], 0, 0, 0, 0, 0);
        CHECK_RC(name, rc, XEN_ENOSYS);
    }

    /* Unknown subops of known hypercalls. */
    CHECK_RC("xen_version_subop_99", hypercall_xen_version(99, NULL),
             XEN_ENOSYS);
    CHECK_RC("console_io_subop_99", hypercall_console_io(99, 0, NULL),
             XEN_ENOSYS);
    CHECK_RC("sched_op_subop_99", hypercall_sched_op(99, NULL), XEN_ENOSYS);
    CHECK_RC("memory_op_subop_63", hypercall_memory_op(63, NULL), XEN_ENOSYS);
    CHECK_RC("grant_table_op_subop_99",
             hypercall_grant_table_op(99, NULL, 1), XEN_ENOSYS);
    CHECK_RC("event_channel_op_subop_99",
             hypercall_event_channel_op(99, NULL), XEN_ENOSYS);
    CHECK_RC("hvm_op_subop_99", hypercall_hvm_op(99, NULL), XEN_ENOSYS);
    CHECK_RC("physdev_op_subop_99", hypercall_physdev_op(99, NULL),
             XEN_ENOSYS);
    /* Arm's vcpu_op filters subops first (-EINVAL): record only. */
    xtest_info("vcpu_op_subop_99", hypercall_vcpu_op(99, 0, NULL));

    /* The result is sign-extended to the full register. */
    rc = arch_hypercall(63, 0, 0, 0, 0, 0);
    CHECK_TRUE("enosys_full_width", rc, rc == -38L && (rc >> 32) == -1L,
               "-38 as a 64-bit value");

    /* Garbage in registers beyond a call's arguments is ignored. */
    rc = arch_hypercall(__HYPERVISOR_xen_version, XENVER_version, 0,
                        0xdeadbeefUL, 0xfeedfaceUL, ~0UL);
    CHECK_EQ("xen_version_extra_args",
             rc, hypercall_xen_version(XENVER_version, NULL));
}
