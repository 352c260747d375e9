/* SPDX-License-Identifier: MIT */
/*
 * Grant tables: how a domain lets another one map or copy its pages.
 *
 * The granting domain owns a table of entries in pages it shares with the
 * hypervisor (mapped with XENMEM_add_to_physmap, XENMAPSPACE_grant_table).
 * Entry n, a "grant reference", says which domain may access which of its
 * frames and how. The other domain then asks the hypervisor, with
 * grant_table_op(cmd, args, count), to map or copy through that
 * reference. args is an array of count structs of the cmd's type; each
 * element reports its own result in its status field (GNTST_*), while the
 * hypercall's return value reports only failures to read the arguments.
 *
 * Version 1 entries are 8 bytes, 512 per frame. Version 2 entries are 16
 * bytes, 256 per frame, with the status bits in separate status frames of
 * grant_status_t (2048 per frame); Arm supports version 1 only.
 *
 * To grant: write domid and frame, then a write barrier, then flags.
 */
#ifndef __XEN_PUBLIC_GRANT_TABLE_H__
#define __XEN_PUBLIC_GRANT_TABLE_H__

#include "xen.h"

#define GNTTABOP_map_grant_ref     0
#define GNTTABOP_unmap_grant_ref   1
#define GNTTABOP_setup_table       2
#define GNTTABOP_dump_table        3
#define GNTTABOP_transfer          4 /* x86 PV only */
#define GNTTABOP_copy              5
#define GNTTABOP_query_size        6
#define GNTTABOP_unmap_and_replace 7
#define GNTTABOP_set_version       8
#define GNTTABOP_get_status_frames 9
#define GNTTABOP_get_version       10
#define GNTTABOP_swap_grant_ref    11
#define GNTTABOP_cache_flush       12

/* Entries the toolstack fills before the guest starts. */
#define GNTTAB_NR_RESERVED_ENTRIES 8
#define GNTTAB_RESERVED_CONSOLE    0
#define GNTTAB_RESERVED_XENSTORE   1

/*
 * Entry flags. The low two bits are the type; the rest depend on it.
 * Bits the granting guest sets:
 *   readonly   the grantee may only read;
 *   PWT/PCD/PAT cache attributes for the grantee's mapping (x86);
 *   sub_page   v2 only: the grant covers page_off/length of the frame.
 * Bits the hypervisor sets while the grant is in use (the granter must
 * not revoke the entry while they are set):
 *   reading, writing.
 * For accept_transfer entries:
 *   transfer_committed  the transfer is under way and can't be stopped;
 *   transfer_completed  frame holds the transferred frame number.
 */
#define GTF_invalid         (0U << 0) /* no access */
#define GTF_permit_access   (1U << 0) /* map or copy frame */
#define GTF_accept_transfer (2U << 0) /* accept a page (PV) */
#define GTF_transitive      (3U << 0) /* v2: pass on another grant */
#define GTF_type_mask       (3U << 0)

#define _GTF_readonly 2
#define GTF_readonly  (1U << _GTF_readonly)
#define _GTF_reading  3
#define GTF_reading   (1U << _GTF_reading)
#define _GTF_writing  4
#define GTF_writing   (1U << _GTF_writing)
#define _GTF_PWT      5
#define GTF_PWT       (1U << _GTF_PWT)
#define _GTF_PCD      6
#define GTF_PCD       (1U << _GTF_PCD)
#define _GTF_PAT      7
#define GTF_PAT       (1U << _GTF_PAT)
#define _GTF_sub_page 8
#define GTF_sub_page  (1U << _GTF_sub_page)

#define _GTF_transfer_committed 2
#define GTF_transfer_committed  (1U << _GTF_transfer_committed)
#define _GTF_transfer_completed 3
#define GTF_transfer_completed  (1U << _GTF_transfer_completed)

/*
 * gnttab_map_grant_ref.flags. On Arm host_addr is a guest-physical
 * address and only host_map (with or without readonly) is accepted.
 *   device_map       map for device DMA; dev_bus_addr gets the address;
 *   host_map         map at host_addr;
 *   readonly         read-only mapping;
 *   application_map  x86 PV: user-accessible mapping;
 *   contains_pte     x86 PV: host_addr is the address of a PTE.
 * Bits 16..31 are left to the guest in PTEs it gets (with
 * XENFEAT_gnttab_map_avail_bits).
 */
#define _GNTMAP_device_map      0
#define GNTMAP_device_map       (1U << _GNTMAP_device_map)
#define _GNTMAP_host_map        1
#define GNTMAP_host_map         (1U << _GNTMAP_host_map)
#define _GNTMAP_readonly        2
#define GNTMAP_readonly         (1U << _GNTMAP_readonly)
#define _GNTMAP_application_map 3
#define GNTMAP_application_map  (1U << _GNTMAP_application_map)
#define _GNTMAP_contains_pte    4
#define GNTMAP_contains_pte     (1U << _GNTMAP_contains_pte)
#define _GNTMAP_guest_avail0    16
#define GNTMAP_guest_avail_mask (~0U << _GNTMAP_guest_avail0)

/* gnttab_copy.flags: which sides are grant references (else frames). */
#define _GNTCOPY_source_gref 0
#define GNTCOPY_source_gref  (1U << _GNTCOPY_source_gref)
#define _GNTCOPY_dest_gref   1
#define GNTCOPY_dest_gref    (1U << _GNTCOPY_dest_gref)

/* gnttab_cache_flush.op */
#define GNTTAB_CACHE_CLEAN       (1U << 0)
#define GNTTAB_CACHE_INVAL       (1U << 1)
#define GNTTAB_CACHE_SOURCE_GREF (1U << 31) /* a.ref, not a.dev_bus_addr */

/* Results in the status fields. */
#define GNTST_okay              (0)
#define GNTST_general_error     (-1)  /* unspecified failure */
#define GNTST_bad_domain        (-2)  /* no such domain */
#define GNTST_bad_gntref        (-3)  /* bad grant reference */
#define GNTST_bad_handle        (-4)  /* bad mapping handle */
#define GNTST_bad_virt_addr     (-5)  /* bad host_addr */
#define GNTST_bad_dev_addr      (-6)  /* bad dev_bus_addr */
#define GNTST_no_device_space   (-7)  /* IOMMU has no room */
#define GNTST_permission_denied (-8)  /* not allowed */
#define GNTST_bad_page          (-9)  /* bad frame */
#define GNTST_bad_copy_arg      (-10) /* copy crosses a page */
#define GNTST_address_too_big   (-11) /* transfer frame too high */
#define GNTST_eagain            (-12) /* try again later */
#define GNTST_no_space          (-13) /* out of handles/space */

/* One message per status, indexed by -status. */
#define GNTTABOP_error_msgs                                                    \
    {                                                                          \
        "okay", "unspecified error", "no such domain", "bad grant reference",  \
            "bad mapping handle", "bad host address", "bad device address",    \
            "no space in the IOMMU", "permission denied", "bad page",          \
            "copy crosses a page boundary",                                    \
            "address too big for the transfer",                                \
            "operation not done, try again", "out of space"                    \
    }

#ifndef __ASSEMBLY__

typedef uint32_t grant_ref_t;
typedef uint32_t grant_handle_t;
typedef uint16_t grant_status_t;

/* A version 1 entry. 8 bytes. */
struct grant_entry_v1 {
    uint16_t flags; /* GTF_* */
    domid_t domid;  /* who may use it */
    uint32_t frame; /* granted frame, or transferred frame */
};
typedef struct grant_entry_v1 grant_entry_v1_t;

/* The common head of a version 2 entry. 4 bytes. */
struct grant_entry_header {
    uint16_t flags;
    domid_t domid;
};
typedef struct grant_entry_header grant_entry_header_t;

/* A version 2 entry. 16 bytes. */
union grant_entry_v2 {
    struct grant_entry_header hdr;

    /* GTF_permit_access or GTF_accept_transfer, whole frame */
    struct {
        struct grant_entry_header hdr;
        uint32_t pad0;
        uint64_t frame;
    } full_page;

    /* GTF_permit_access | GTF_sub_page: length bytes at page_off */
    struct {
        struct grant_entry_header hdr;
        uint16_t page_off;
        uint16_t length;
        uint64_t frame;
    } sub_page;

    /* GTF_transitive: whatever trans_domid's grant gref allows */
    struct {
        struct grant_entry_header hdr;
        domid_t trans_domid;
        uint16_t pad0;
        grant_ref_t gref;
    } transitive;

    uint32_t __spacer[4];
};
typedef union grant_entry_v2 grant_entry_v2_t;

/*
 * Map grant ref of domain dom. handle identifies the mapping for unmap.
 * 32 bytes.
 */
struct gnttab_map_grant_ref {
    uint64_t host_addr;    /* IN */
    uint32_t flags;        /* IN: GNTMAP_* */
    grant_ref_t ref;       /* IN */
    domid_t dom;           /* IN */
    int16_t status;        /* OUT: GNTST_* */
    grant_handle_t handle; /* OUT */
    uint64_t dev_bus_addr; /* OUT */
};
typedef struct gnttab_map_grant_ref gnttab_map_grant_ref_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_map_grant_ref_t);

/* 24 bytes */
struct gnttab_unmap_grant_ref {
    uint64_t host_addr;    /* IN: 0 = not mapped at a host address */
    uint64_t dev_bus_addr; /* IN: 0 = no device mapping */
    grant_handle_t handle; /* IN */
    int16_t status;        /* OUT */
};
typedef struct gnttab_unmap_grant_ref gnttab_unmap_grant_ref_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_unmap_grant_ref_t);

/*
 * Grow dom's table to nr_frames frames and list them (on Arm, the guest
 * frames they are mapped at; all ones when not mapped). 24 bytes.
 */
struct gnttab_setup_table {
    domid_t dom;                            /* IN */
    uint32_t nr_frames;                     /* IN */
    int16_t status;                         /* OUT */
    XEN_GUEST_HANDLE(xen_pfn_t) frame_list; /* OUT */
};
typedef struct gnttab_setup_table gnttab_setup_table_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_setup_table_t);

/* Print dom's table on the hypervisor console. 4 bytes. */
struct gnttab_dump_table {
    domid_t dom;    /* IN */
    int16_t status; /* OUT */
};
typedef struct gnttab_dump_table gnttab_dump_table_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_dump_table_t);

/* Give frame mfn to domid through its accept_transfer entry ref. 24 bytes. */
struct gnttab_transfer {
    xen_pfn_t mfn;   /* IN */
    domid_t domid;   /* IN */
    grant_ref_t ref; /* IN */
    int16_t status;  /* OUT */
};
typedef struct gnttab_transfer gnttab_transfer_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_transfer_t);

/* One side of a copy: a grant reference or a frame. 16 bytes. */
struct gnttab_copy_ptr {
    union {
        grant_ref_t ref;
        xen_pfn_t gmfn;
    } u;
    domid_t domid;
    uint16_t offset; /* bytes into the page */
};
typedef struct gnttab_copy_ptr gnttab_copy_ptr_t;

/* Copy len bytes; neither side may cross a page. 40 bytes. */
struct gnttab_copy {
    struct gnttab_copy_ptr source; /* IN */
    struct gnttab_copy_ptr dest;   /* IN */
    uint16_t len;                  /* IN */
    uint16_t flags;                /* IN: GNTCOPY_* */
    int16_t status;                /* OUT */
};
typedef struct gnttab_copy gnttab_copy_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_copy_t);

/* Current and maximum size of dom's table, in frames. 16 bytes. */
struct gnttab_query_size {
    domid_t dom;            /* IN */
    uint32_t nr_frames;     /* OUT */
    uint32_t max_nr_frames; /* OUT */
    int16_t status;         /* OUT */
};
typedef struct gnttab_query_size gnttab_query_size_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_query_size_t);

/* Unmap and put new_addr's mapping at host_addr (x86 PV). 24 bytes. */
struct gnttab_unmap_and_replace {
    uint64_t host_addr;    /* IN */
    uint64_t new_addr;     /* IN */
    grant_handle_t handle; /* IN */
    int16_t status;        /* OUT */
};
typedef struct gnttab_unmap_and_replace gnttab_unmap_and_replace_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_unmap_and_replace_t);

/* Switch the caller's table to version (1 or 2). 4 bytes. */
struct gnttab_set_version {
    uint32_t version; /* IN: wanted; OUT: in force */
};
typedef struct gnttab_set_version gnttab_set_version_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_set_version_t);

/* List dom's v2 status frames. 16 bytes. */
struct gnttab_get_status_frames {
    uint32_t nr_frames;                    /* IN */
    domid_t dom;                           /* IN */
    int16_t status;                        /* OUT */
    XEN_GUEST_HANDLE(uint64_t) frame_list; /* OUT */
};
typedef struct gnttab_get_status_frames gnttab_get_status_frames_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_get_status_frames_t);

/* 8 bytes */
struct gnttab_get_version {
    domid_t dom; /* IN */
    uint16_t pad;
    uint32_t version; /* OUT */
};
typedef struct gnttab_get_version gnttab_get_version_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_get_version_t);

/* Swap two of the caller's entries. 12 bytes. */
struct gnttab_swap_grant_ref {
    grant_ref_t ref_a; /* IN */
    grant_ref_t ref_b; /* IN */
    int16_t status;    /* OUT */
};
typedef struct gnttab_swap_grant_ref gnttab_swap_grant_ref_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_swap_grant_ref_t);

/* Clean and/or invalidate length bytes at offset of a page. 16 bytes. */
struct gnttab_cache_flush {
    union {
        uint64_t dev_bus_addr;
        grant_ref_t ref;
    } a;
    uint16_t offset;
    uint16_t length;
    uint32_t op; /* GNTTAB_CACHE_* */
};
typedef struct gnttab_cache_flush gnttab_cache_flush_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_cache_flush_t);

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_GRANT_TABLE_H__ */
