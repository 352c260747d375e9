/* SPDX-License-Identifier: MIT */
/*
 * xen_version(cmd, arg): what the hypervisor is and what it offers.
 * Unless said otherwise a subop returns 0 and fills the buffer at arg.
 */
#ifndef __XEN_PUBLIC_VERSION_H__
#define __XEN_PUBLIC_VERSION_H__

#include "xen.h"

/* arg NULL; returns (major << 16) | minor. */
#define XENVER_version 0

/* arg: xen_extraversion_t, e.g. "-rc1", NUL-terminated. */
#define XENVER_extraversion 1

/* arg: struct xen_compile_info. */
#define XENVER_compile_info 2

/* arg: xen_capabilities_info_t, space-separated ABI names. */
#define XENVER_capabilities 3

/* arg: xen_changeset_info_t, the source revision. */
#define XENVER_changeset 4

/* arg: struct xen_platform_parameters (0 except for x86 PV guests). */
#define XENVER_platform_parameters 5

/* arg: struct xen_feature_info; submap_idx IN, submap OUT (features.h). */
#define XENVER_get_features 6

/* arg NULL; returns the page size in bytes. */
#define XENVER_pagesize 7

/* arg: xen_domain_handle_t, the caller's domain handle. */
#define XENVER_guest_handle 8

/* arg: xen_commandline_t, the hypervisor command line. */
#define XENVER_commandline 9

/*
 * Variable-length results, arg a struct xen_varbuf (for build_id a
 * struct xen_build_id, the same layout). With arg NULL the call returns
 * the length needed; otherwise it stores up to len bytes (not
 * NUL-terminated) and returns how many, or -XEN_ENOBUFS if len is too
 * small.
 */
#define XENVER_build_id      10
#define XENVER_extraversion2 11
#define XENVER_capabilities2 12
#define XENVER_changeset2    13
#define XENVER_commandline2  14

#ifndef __ASSEMBLY__

#define XEN_EXTRAVERSION_LEN 16
typedef char xen_extraversion_t[XEN_EXTRAVERSION_LEN];

struct xen_compile_info {
    char compiler[64];
    char compile_by[16];
    char compile_domain[32];
    char compile_date[32];
};
typedef struct xen_compile_info xen_compile_info_t;

#define XEN_CAPABILITIES_INFO_LEN 1024
typedef char xen_capabilities_info_t[XEN_CAPABILITIES_INFO_LEN];

#define XEN_CHANGESET_INFO_LEN 64
typedef char xen_changeset_info_t[XEN_CHANGESET_INFO_LEN];

struct xen_platform_parameters {
    xen_ulong_t virt_start; /* x86 PV: start of the hypervisor hole */
};
typedef struct xen_platform_parameters xen_platform_parameters_t;

struct xen_feature_info {
    uint32_t submap_idx; /* IN: which 32-bit word of features */
    uint32_t submap;     /* OUT: its bits, XENFEAT_* */
};
typedef struct xen_feature_info xen_feature_info_t;

#define XEN_COMMANDLINE_LEN 1024
typedef char xen_commandline_t[XEN_COMMANDLINE_LEN];

struct xen_varbuf {
    uint32_t len; /* IN: bytes available in buf */
    char buf[];   /* OUT */
};
typedef struct xen_varbuf xen_varbuf_t;

struct xen_build_id {
    uint32_t len;        /* IN: bytes available in buf */
    unsigned char buf[]; /* OUT: the build id, binary */
};
typedef struct xen_build_id xen_build_id_t;

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_VERSION_H__ */
