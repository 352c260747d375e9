/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Who we are. The build's own version (XEN_VERSION_STR, the banner) and
 * the Xen ABI version guests are told, in this one place: XENVER_version
 * and XENVER_extraversion, and the guest DT's "xen,xen-<major>.<minor>".
 */
#ifndef XEN_VERSION_H
#define XEN_VERSION_H

#include <xen/compiler.h>
#include <xen/types.h>

#define XEN_ABI_MAJOR        4
#define XEN_ABI_MINOR        17
#define XEN_ABI_EXTRAVERSION ".0-xabi"
#define XEN_ABI_VERSION_STR                                                    \
    __stringify(XEN_ABI_MAJOR) "." __stringify(XEN_ABI_MINOR)

struct domain;

void print_banner(void);

/* What built this image, and when (for XENVER_compile_info). */
const char *xen_compiler(void);
const char *xen_compile_date(void);

/*
 * Arch: the XENFEAT bits of submap 0 that depend on the architecture
 * (only those it implements for d), on top of the common ones.
 */
uint32_t arch_feature_submap0(const struct domain *d);

#endif /* XEN_VERSION_H */
