/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A hostile guest: hypercalls given pointers that do not reach the
 * guest's RAM must fail with -EFAULT and change nothing; garbage
 * arguments must be rejected. The hypervisor must still answer
 * afterwards. Nothing here may be able to stop the domain if the
 * hypervisor is right (no shutdown with a readable reason, no valid
 * vcpu_info registration).
 *
 * A hypercall family the hypervisor does not implement yet answers
 * -ENOSYS to everything, which is just as safe: a harmless probe tells
 * which families are there, and for the others -ENOSYS is accepted in
 * place of -EFAULT (the value is still recorded, so a comparison with
 * upstream Xen shows it).
 */
#include <xtest.h>
#include <public/version.h>
#include <public/sched.h>
#include <public/memory.h>
#include <public/grant_table.h>
#include <public/event_channel.h>
#include <public/vcpu.h>

/* Families that may be missing, probed once by the test. */
enum family { F_MEMORY, F_GNTTAB, F_EVTCHN, F_VCPU_INFO, NR_FAMILIES };
static bool present[NR_FAMILIES];

static void probe_families(void)
{
    gnttab_query_size_t qs;
    xen_add_to_physmap_t atp;
    evtchn_send_t send;
    vcpu_register_vcpu_info_t vi;

    /* Each probe is rejected by a hypervisor that implements it. */
    memset(&atp, 0, sizeof(atp));
    atp.domid = DOMID_SELF;
    atp.space = 0x7fff;
    atp.gpfn = ~0UL;
    present[F_MEMORY] =
        hypercall_memory_op(XENMEM_add_to_physmap, &atp) != -XEN_ENOSYS;

    memset(&qs, 0, sizeof(qs));
    qs.dom = DOMID_SELF;
    present[F_GNTTAB] =
        hypercall_grant_table_op(GNTTABOP_query_size, &qs, 1) != -XEN_ENOSYS;

    send.port = 0xffffff;
    present[F_EVTCHN] =
        hypercall_event_channel_op(EVTCHNOP_send, &send) != -XEN_ENOSYS;

    /* An offset that would run off the page: refused before mapping. */
    memset(&vi, 0, sizeof(vi));
    vi.mfn = ~0UL;
    vi.offset = 0xffff;
    present[F_VCPU_INFO] =
        hypercall_vcpu_op(VCPUOP_register_vcpu_info, 0, &vi) != -XEN_ENOSYS;

    xtest_info("implemented.add_to_physmap", present[F_MEMORY]);
    xtest_info("implemented.gnttab_query_size", present[F_GNTTAB]);
    xtest_info("implemented.evtchn", present[F_EVTCHN]);
    xtest_info("implemented.register_vcpu_info", present[F_VCPU_INFO]);
}

/* -EFAULT, or -ENOSYS from a family that is not there. */
static void check_efault(const char *name, long rc, int family)
{
    if ( family < 0 || present[family] )
        CHECK_RC(name, rc, XEN_EFAULT);
    else
        CHECK_TRUE(name, rc, rc == -XEN_EFAULT || rc == -XEN_ENOSYS,
                   "-EFAULT, or -ENOSYS (not implemented here)");
}

/* Any error (-ENOSYS included). */
#define CHECK_ERROR(name, rc) CHECK_TRUE(name, rc, (rc) < 0, "an error")

struct bad_ptr {
    const char *name;
    unsigned long addr;
};

static void efault_calls(const struct bad_ptr *b)
{
    void *p = BAD_PTR(b->addr);
    char name[64];

#define EFAULT_CHECK(what, family, call)                                \
    do {                                                                \
        xtest_snprintf(name, sizeof(name), "%s.%s", what, b->name);     \
        check_efault(name, call, family);                               \
    } while ( 0 )

    EFAULT_CHECK("console_write", -1,
                 hypercall_console_io(CONSOLEIO_write, 16, p));
    EFAULT_CHECK("extraversion", -1,
                 hypercall_xen_version(XENVER_extraversion, p));
    EFAULT_CHECK("get_features", -1,
                 hypercall_xen_version(XENVER_get_features, p));
    EFAULT_CHECK("capabilities", -1,
                 hypercall_xen_version(XENVER_capabilities, p));
    EFAULT_CHECK("sched_shutdown", -1,
                 hypercall_sched_op(SCHEDOP_shutdown, p));
    EFAULT_CHECK("add_to_physmap", F_MEMORY,
                 hypercall_memory_op(XENMEM_add_to_physmap, p));
    EFAULT_CHECK("gnttab_query_size", F_GNTTAB,
                 hypercall_grant_table_op(GNTTABOP_query_size, p, 1));
    EFAULT_CHECK("evtchn_status", F_EVTCHN,
                 hypercall_event_channel_op(EVTCHNOP_status, p));
    EFAULT_CHECK("register_vcpu_info", F_VCPU_INFO,
                 hypercall_vcpu_op(VCPUOP_register_vcpu_info, 0, p));
#undef EFAULT_CHECK
}

XTEST(hostile, "hostile", "Bad pointers and garbage arguments")
{
    struct bad_ptr bad[4];
    unsigned int nr = 0, i;
    unsigned long addr, end;
    xen_add_to_physmap_t atp;
    gnttab_query_size_t qs;
    evtchn_send_t send;
    xen_feature_info_t fi;
    long version, rc;

    version = hypercall_xen_version(XENVER_version, NULL);
    probe_families();

    /*
     * Address 0 is RAM for an x86 PVH guest: only where the guest's boot
     * information says it is not (a wrong guess here could hand Xen a
     * readable shutdown reason).
     */
    if ( !arch_is_ram(0) )
        bad[nr++] = (struct bad_ptr){ "null", 0 };
    else
        xtest_printf("hostile: address 0 is RAM here; not used as a bad "
                     "pointer\n");
    bad[nr++] = (struct bad_ptr){ "all_ones", ~0UL - 15 };
    bad[nr++] = (struct bad_ptr){ "untranslated", arch_untranslated_addr() };
    if ( arch_unmapped_addr(&addr) )
        bad[nr++] = (struct bad_ptr){ "unmapped_gfn", addr };
    for ( i = 0; i < nr; i++ )
        if ( !arch_is_ram(bad[i].addr) )
            efault_calls(&bad[i]);

    /* A buffer that starts in RAM and runs off its end. */
    end = arch_ram_end();
    xtest_info_hex("ram_end", end);
    if ( end )
    {
        CHECK_RC("console_write.straddle_ram_end",
                 hypercall_console_io(CONSOLEIO_write, 16, BAD_PTR(end - 8)),
                 XEN_EFAULT);
        CHECK_RC("get_features.straddle_ram_end",
                 hypercall_xen_version(XENVER_get_features,
                                       BAD_PTR(end - 4)),
                 XEN_EFAULT);
    }

    /* A huge count with a bad pointer. */
    CHECK_RC("console_write.huge_count",
             hypercall_console_io(CONSOLEIO_write, 0x80000000u,
                                  BAD_PTR(arch_untranslated_addr())),
             XEN_EFAULT);

    /* Garbage arguments: rejected, the exact error is recorded. */
    fi.submap_idx = 0x80000000u;
    CHECK_RC("get_features.submap_idx_huge",
             hypercall_xen_version(XENVER_get_features, &fi), XEN_EINVAL);

    memset(&atp, 0, sizeof(atp));
    atp.domid = DOMID_SELF;
    atp.space = 0x7fff;
    atp.idx = 0;
    atp.gpfn = ~0UL;
    rc = hypercall_memory_op(XENMEM_add_to_physmap, &atp);
    CHECK_ERROR("add_to_physmap.bad_space", rc);

    memset(&atp, 0, sizeof(atp));
    atp.domid = DOMID_INVALID;
    atp.space = XENMAPSPACE_shared_info;
    atp.gpfn = ~0UL;
    rc = hypercall_memory_op(XENMEM_add_to_physmap, &atp);
    CHECK_ERROR("add_to_physmap.domid_invalid", rc);

    memset(&qs, 0, sizeof(qs));
    qs.dom = DOMID_SELF;
    rc = hypercall_grant_table_op(GNTTABOP_query_size, &qs, ~0u);
    CHECK_ERROR("gnttab_query_size.count_all_ones", rc);

    memset(&qs, 0, sizeof(qs));
    qs.dom = DOMID_INVALID;
    rc = hypercall_grant_table_op(GNTTABOP_query_size, &qs, 1);
    xtest_info("gnttab_query_size.domid_invalid.rc", rc);
    CHECK_TRUE("gnttab_query_size.domid_invalid.status", qs.status,
               rc < 0 || qs.status < 0, "an error in rc or status");

    send.port = 0xffffff;
    rc = hypercall_event_channel_op(EVTCHNOP_send, &send);
    CHECK_ERROR("evtchn_send.bad_port", rc);

    rc = hypercall_vcpu_op(VCPUOP_register_vcpu_info, 4096, NULL);
    CHECK_ERROR("register_vcpu_info.bad_vcpu", rc);

    /* Still alive, and still the same hypervisor. */
    CHECK_EQ("still_answers", hypercall_xen_version(XENVER_version, NULL),
             version);
}
