/* SPDX-License-Identifier: GPL-2.0-only */
/* xen_version: every subop a guest may call, and their invalid uses. */
#include <xtest.h>
#include <public/version.h>
#include <public/features.h>

static bool terminated(const char *s, size_t len)
{
    return strnlen(s, len) < len;
}

/* Required in submap 0 on every architecture. */
#define XENFEAT_COMMON ((1u << XENFEAT_writable_page_tables) |        \
                        (1u << XENFEAT_auto_translated_physmap) |     \
                        (1u << XENFEAT_memory_op_vnode_supported))

XTEST(xen_version, "xen-version", "xen_version subops")
{
    static union {
        xen_extraversion_t extra;
        xen_compile_info_t compile;
        xen_capabilities_info_t caps;
        xen_changeset_info_t changeset;
        xen_commandline_t cmdline;
        xen_domain_handle_t handle;
        xen_platform_parameters_t params;
        struct {
            uint32_t len;
            unsigned char buf[64];
        } varbuf;
    } u;
    xen_feature_info_t fi;
    uint32_t mapped;
    long v, rc;

    /* XENVER_version: (major << 16) | minor. */
    v = hypercall_xen_version(XENVER_version, NULL);
    CHECK_TRUE("version", v, v > 0 && (v >> 16) >= 3 && (v >> 32) == 0,
               "(major << 16) | minor, major >= 3");
    xtest_info("version.major", v >> 16);
    xtest_info("version.minor", v & 0xffff);

    /* XENVER_extraversion: a NUL-terminated string in 16 bytes. */
    memset(&u, 0xff, sizeof(u));
    rc = hypercall_xen_version(XENVER_extraversion, u.extra);
    CHECK_EQ("extraversion.rc", rc, 0);
    CHECK_TRUE("extraversion.terminated", terminated(u.extra, sizeof(u.extra)),
               terminated(u.extra, sizeof(u.extra)), "1");
    if ( terminated(u.extra, sizeof(u.extra)) )
        xtest_info_str("extraversion", u.extra);

    /* XENVER_pagesize. */
    CHECK_EQ("pagesize", hypercall_xen_version(XENVER_pagesize, NULL), 4096);
    xtest_info("pagesize_nonnull_arg",
               hypercall_xen_version(XENVER_pagesize, &u));

    /* XENVER_get_features. */
    fi.submap_idx = 0;
    fi.submap = 0xdeadbeef;
    rc = hypercall_xen_version(XENVER_get_features, &fi);
    CHECK_EQ("get_features.rc", rc, 0);
    xtest_info_hex("get_features.submap0", fi.submap);
    CHECK_TRUE("get_features.common_bits", fi.submap & XENFEAT_COMMON,
               (fi.submap & XENFEAT_COMMON) == XENFEAT_COMMON,
               "writable_page_tables|auto_translated_physmap|"
               "memory_op_vnode_supported");
    CHECK_TRUE("get_features.arch_bits", fi.submap & ARCH_XENFEAT_REQUIRED,
               (fi.submap & ARCH_XENFEAT_REQUIRED) == ARCH_XENFEAT_REQUIRED,
               "the architecture's required bits");
    mapped = fi.submap & ((1u << XENFEAT_direct_mapped) |
                          (1u << XENFEAT_not_direct_mapped));
    CHECK_TRUE("get_features.direct_mapped_xor_not", mapped >> 16,
               mapped && !(mapped & (mapped - 1)),
               "exactly one of direct_mapped / not_direct_mapped");
    xtest_info("get_features.dom0", !!(fi.submap & (1u << XENFEAT_dom0)));
    fi.submap_idx = 1;
    CHECK_RC("get_features.submap1",
             hypercall_xen_version(XENVER_get_features, &fi), XEN_EINVAL);
    fi.submap_idx = ~0u;
    CHECK_RC("get_features.submap_all_ones",
             hypercall_xen_version(XENVER_get_features, &fi), XEN_EINVAL);

    /* XENVER_capabilities names this architecture. */
    memset(&u, 0xff, sizeof(u));
    rc = hypercall_xen_version(XENVER_capabilities, u.caps);
    CHECK_EQ("capabilities.rc", rc, 0);
    if ( terminated(u.caps, sizeof(u.caps)) )
        CHECK_TRUE("capabilities.names_arch", 1,
                   strstr(u.caps, ARCH_NAME) != NULL, "to name " ARCH_NAME);
    else
        CHECK_TRUE("capabilities.names_arch", 0, false, "a terminated string");
    xtest_info_str("capabilities", u.caps);

    /* XENVER_changeset, XENVER_compile_info: strings, recorded. */
    memset(&u, 0xff, sizeof(u));
    CHECK_EQ("changeset.rc",
             hypercall_xen_version(XENVER_changeset, u.changeset), 0);
    CHECK_TRUE("changeset.terminated", 1,
               terminated(u.changeset, sizeof(u.changeset)), "1");
    xtest_info_str("changeset", u.changeset);
    memset(&u, 0xff, sizeof(u));
    CHECK_EQ("compile_info.rc",
             hypercall_xen_version(XENVER_compile_info, &u.compile), 0);
    CHECK_TRUE("compile_info.terminated", 1,
               terminated(u.compile.compiler, sizeof(u.compile.compiler)),
               "1");
    xtest_info_str("compile_info.compiler", u.compile.compiler);

    /*
     * XENVER_platform_parameters: virt_start means nothing outside x86
     * PV (later Xen returns 0; 4.17 on Arm returns 0x200000): recorded.
     */
    memset(&u, 0xff, sizeof(u));
    CHECK_EQ("platform_parameters.rc",
             hypercall_xen_version(XENVER_platform_parameters, &u.params), 0);
    xtest_info_hex("platform_parameters.virt_start", u.params.virt_start);

    /* XENVER_guest_handle: 16 bytes. */
    memset(&u, 0xff, sizeof(u));
    CHECK_EQ("guest_handle.rc",
             hypercall_xen_version(XENVER_guest_handle, u.handle), 0);
    xtest_info_bytes("guest_handle", u.handle, sizeof(u.handle));

    /* XENVER_commandline may be refused to unprivileged guests. */
    memset(&u, 0xff, sizeof(u));
    rc = hypercall_xen_version(XENVER_commandline, u.cmdline);
    xtest_info("commandline.rc", rc);
    if ( !rc && terminated(u.cmdline, sizeof(u.cmdline)) )
        xtest_info_str("commandline", u.cmdline);

    /* XENVER_build_id: bytes written, or refused. */
    memset(&u, 0, sizeof(u));
    u.varbuf.len = sizeof(u.varbuf.buf);
    rc = hypercall_xen_version(XENVER_build_id, &u.varbuf);
    xtest_info("build_id.rc", rc);

    /* An unknown subop. */
    CHECK_RC("subop_99", hypercall_xen_version(99, NULL), XEN_ENOSYS);
}
