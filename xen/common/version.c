/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Who we are: the boot banner, and the xen_version hypercall.
 * compile.h is regenerated on every build.
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <generated/compile.h>
#include <public/features.h>
#include <public/version.h>

void print_banner(void)
{
    printk("%s %s (%s%s) built %s with %s\n", XEN_NAME, XEN_VERSION_STR,
           arch_name,
#ifdef CONFIG_DEBUG
           ", debug",
#else
           "",
#endif
           XEN_COMPILE_DATE, XEN_COMPILER);
}

const char *xen_compiler(void)
{
    return XEN_COMPILER;
}

const char *xen_compile_date(void)
{
    return XEN_COMPILE_DATE;
}

/*
 * What every domain is told, plus what the architecture adds. A feature
 * is only advertised once it is implemented.
 */
static uint32_t feature_submap0(const struct domain *d)
{
    uint32_t f = (1U << XENFEAT_writable_page_tables) |
                 (1U << XENFEAT_auto_translated_physmap) |
                 (1U << XENFEAT_memory_op_vnode_supported);

    f |= d->config->direct_map ? 1U << XENFEAT_direct_mapped
                               : 1U << XENFEAT_not_direct_mapped;
    if ( d->config->hardware )
        f |= 1U << XENFEAT_dom0;

    return f | arch_feature_submap0(d);
}

/* A string field of the guest's (at most 64 bytes), NUL-padded. */
static int copy_string(XEN_GUEST_HANDLE_PARAM(void) arg, const char *s,
                       size_t field)
{
    char buf[64];

    memset(buf, 0, sizeof(buf));
    strlcpy(buf, s, min(field, sizeof(buf)));

    return copy_to_guest(arg, buf, min(field, sizeof(buf)));
}

long do_xen_version(unsigned int cmd, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    struct domain *d = current_vcpu()->domain;

    switch ( cmd )
    {
    case XENVER_version: return (XEN_ABI_MAJOR << 16) | XEN_ABI_MINOR;

    case XENVER_extraversion:
        return copy_string(arg, XEN_ABI_EXTRAVERSION,
                           sizeof(xen_extraversion_t))
                   ? -EFAULT
                   : 0;

    case XENVER_compile_info:
    {
        struct xen_compile_info ci;

        memset(&ci, 0, sizeof(ci));
        strlcpy(ci.compiler, xen_compiler(), sizeof(ci.compiler));
        strlcpy(ci.compile_by, "xabi", sizeof(ci.compile_by));
        strlcpy(ci.compile_date, xen_compile_date(), sizeof(ci.compile_date));
        return copy_to_guest(arg, &ci, 1) ? -EFAULT : 0;
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

        return copy_to_guest(arg, &pp, 1) ? -EFAULT : 0;
    }

    case XENVER_get_features:
    {
        struct xen_feature_info fi;

        if ( copy_from_guest(&fi, arg, 1) )
            return -EFAULT;
        if ( fi.submap_idx != 0 )
            return -EINVAL;
        fi.submap = feature_submap0(d);
        return copy_to_guest(arg, &fi, 1) ? -EFAULT : 0;
    }

    case XENVER_pagesize:
        return !guest_handle_is_null(arg) ? -EINVAL : PAGE_SIZE;

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
