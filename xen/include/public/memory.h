/* SPDX-License-Identifier: MIT */
/*
 * memory_op(cmd, arg): a domain's memory and physical address space.
 *
 * The low 6 bits of cmd are the subop (XENMEM_*); the bits above are
 * progress state for continuations and must be 0 when a guest calls,
 * except for the subops that document otherwise.
 *
 * Frame numbers are in 4 KiB units. A "GPFN"/"GFN" is a guest-physical
 * frame; for translated guests (all of ours) an "MFN" or "GMFN" in a
 * field name also means a guest frame.
 */
#ifndef __XEN_PUBLIC_MEMORY_H__
#define __XEN_PUBLIC_MEMORY_H__

#include "xen.h"
#include "physdev.h"

/*
 * Ours: upstream keeps the split of cmd in a private header. cmd >> 6 is
 * where a preempted call resumes ("start_extent").
 */
#define XENMEMOP_EXTENT_SHIFT 6
#define XENMEMOP_CMD_MASK     ((1 << XENMEMOP_EXTENT_SHIFT) - 1)

/*
 * Subops 0, 1, 6: grow, shrink or populate a domain's memory by
 * nr_extents extents of 2^extent_order frames. arg: struct
 * xen_memory_reservation. They return the number of extents done, not an
 * error code: fewer than asked means the rest failed.
 *  - increase_reservation: allocate; extent_start (if not NULL) gets the
 *    frames allocated (PV guests only);
 *  - decrease_reservation: extent_start lists guest frames to free;
 *  - populate_physmap: extent_start lists guest frames to back with new
 *    memory.
 */
#define XENMEM_increase_reservation       0
#define XENMEM_decrease_reservation       1
/* arg NULL; returns the highest machine frame with RAM. */
#define XENMEM_maximum_ram_page           2
/* arg: domid_t; returns pages the domain has / may have. */
#define XENMEM_current_reservation        3
#define XENMEM_maximum_reservation        4
/* arg: struct xen_machphys_mfn_list (x86 PV: frames of the M2P table). */
#define XENMEM_machphys_mfn_list          5
#define XENMEM_populate_physmap           6
/* arg: struct xen_add_to_physmap: map one page (or a range). */
#define XENMEM_add_to_physmap             7
/* 8 was translate_gpfn_list, removed; never reuse. */
/* arg: struct xen_memory_map: the caller's own memory map (x86). */
#define XENMEM_memory_map                 9
/* arg: struct xen_memory_map: the host's memory map (privileged, x86). */
#define XENMEM_machine_memory_map         10
/* arg: struct xen_memory_exchange: trade frames for others (PV). */
#define XENMEM_exchange                   11
/* arg: struct xen_machphys_mapping: where the M2P is mapped (x86 PV). */
#define XENMEM_machphys_mapping           12
/* arg: struct xen_foreign_memory_map: set a domain's map (tools, x86). */
#define XENMEM_set_memory_map             13
/* arg: domid_t; returns the domain's highest guest frame in use. */
#define XENMEM_maximum_gpfn               14
/* arg: struct xen_remove_from_physmap: unmap one guest frame. */
#define XENMEM_remove_from_physmap        15
/* arg: struct xen_pod_target (tools, x86 populate-on-demand). */
#define XENMEM_set_pod_target             16
#define XENMEM_get_pod_target             17
/* arg NULL: counts of pages freed/shared by memory sharing (tools). */
#define XENMEM_get_sharing_freed_pages    18
#define XENMEM_get_sharing_shared_pages   19
/* arg: struct xen_mem_paging_op (tools). */
#define XENMEM_paging_op                  20
/* arg: struct xen_mem_access_op (tools). */
#define XENMEM_access_op                  21
/* arg: struct xen_mem_sharing_op (tools). */
#define XENMEM_sharing_op                 22
/* arg: struct xen_add_to_physmap_batch: map a list of pages. */
#define XENMEM_add_to_physmap_batch       23
/*
 * arg: struct xen_memory_reservation with only domid and nr_extents used
 * (extent_start NULL, extent_order 0, mem_flags 0): reserve pages for a
 * domain about to be built (privileged).
 */
#define XENMEM_claim_pages                24
/* As machphys_mfn_list, for the 32-bit compat M2P (x86 PV). */
#define XENMEM_machphys_compat_mfn_list   25
/* arg: struct xen_vnuma_topology_info. */
#define XENMEM_get_vnumainfo              26
/* arg: struct xen_reserved_device_memory_map (tools, passthrough). */
#define XENMEM_reserved_device_memory_map 27
/* arg: struct xen_mem_acquire_resource: map another domain's resource. */
#define XENMEM_acquire_resource           28
/* Ours, not upstream's: arg struct xen_mem_safe_ranges, see the end. */
#define XENMEM_get_safe_ranges            29
/* Next free subop number: 30. */

/*
 * xen_memory_reservation.mem_flags:
 *  bits 7:0   address bits the memory must fit in (0: any); ignored by
 *             decrease_reservation;
 *  bits 15:8  NUMA node + 1 (0: any);
 *  bit 16     populate with populate-on-demand entries (x86);
 *  bit 17     the node is a requirement, not a hint;
 *  bit 18     the node is a virtual node (XENFEAT_memory_op_vnode_supported).
 */
#define XENMEMF_address_bits(x)     (x)
#define XENMEMF_get_address_bits(x) ((x)&0xffu)
#define XENMEMF_node(x)             (((x) + 1) << 8)
#define XENMEMF_get_node(x)         ((((x) >> 8) - 1) & 0xffu)
#define XENMEMF_populate_on_demand  (1 << 16)
#define XENMEMF_exact_node_request  (1 << 17)
#define XENMEMF_exact_node(n)       (XENMEMF_node(n) | XENMEMF_exact_node_request)
#define XENMEMF_vnode               (1 << 18)

/*
 * Address spaces for add_to_physmap(_batch): what idx counts in.
 *  shared_info   the shared_info page; idx 0;
 *  grant_table   grant table frame idx (v2 status frame idx when
 *                XENMAPIDX_grant_table_status is ORed in);
 *  gmfn          another guest frame of the same domain, moved (x86);
 *  gmfn_range    as gmfn for "size" frames (add_to_physmap only, x86);
 *  gmfn_foreign  a frame of foreign_domid (add_to_physmap_batch only);
 *  dev_mmio      host MMIO frame, for the hardware domain itself (Arm).
 */
#define XENMAPSPACE_shared_info  0
#define XENMAPSPACE_grant_table  1
#define XENMAPSPACE_gmfn         2
#define XENMAPSPACE_gmfn_range   3
#define XENMAPSPACE_gmfn_foreign 4
#define XENMAPSPACE_dev_mmio     5

#define XENMAPIDX_grant_table_status xen_mk_uint(0x80000000)

/* xen_mem_paging_op.op */
#define XENMEM_paging_op_nominate 0
#define XENMEM_paging_op_evict    1
#define XENMEM_paging_op_prep     2

/* xen_mem_access_op.op; 2 and 3 are retired and must not be reused. */
#define XENMEM_access_op_set_access       0
#define XENMEM_access_op_get_access       1
#define XENMEM_access_op_set_access_multi 4

/* xen_mem_sharing_op.op */
#define XENMEM_sharing_op_nominate_gfn  0
#define XENMEM_sharing_op_nominate_gref 1
#define XENMEM_sharing_op_share         2
#define XENMEM_sharing_op_debug_gfn     3
#define XENMEM_sharing_op_debug_mfn     4
#define XENMEM_sharing_op_debug_gref    5
#define XENMEM_sharing_op_add_physmap   6
#define XENMEM_sharing_op_audit         7
#define XENMEM_sharing_op_range_share   8
#define XENMEM_sharing_op_fork          9
#define XENMEM_sharing_op_fork_reset    10

#define XENMEM_SHARING_OP_S_HANDLE_INVALID (-10)
#define XENMEM_SHARING_OP_C_HANDLE_INVALID (-9)

/* A sharing field holding a grant reference rather than a frame. */
#define XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG (xen_mk_ullong(1) << 62)
#define XENMEM_SHARING_OP_FIELD_MAKE_GREF(field, val)                          \
    ((field) = (XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG | (val)))
#define XENMEM_SHARING_OP_FIELD_IS_GREF(field)                                 \
    ((field)&XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG)
#define XENMEM_SHARING_OP_FIELD_GET_GREF(field)                                \
    ((field) & ~XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG)

/* mem_sharing_op_fork.flags */
#define XENMEM_FORK_WITH_IOMMU_ALLOWED (1u << 0)
#define XENMEM_FORK_BLOCK_INTERRUPTS   (1u << 1)
#define XENMEM_FORK_RESET_STATE        (1u << 2)
#define XENMEM_FORK_RESET_MEMORY       (1u << 3)

/* xen_reserved_device_memory_map.flags: every region, ignore dev. */
#define XENMEM_RDM_ALL 1

/* xen_mem_acquire_resource.type, and ids and frames per type */
#define XENMEM_resource_ioreq_server 0
#define XENMEM_resource_grant_table  1
#define XENMEM_resource_vmtrace_buf  2

#define XENMEM_resource_grant_table_id_shared 0
#define XENMEM_resource_grant_table_id_status 1

#define XENMEM_resource_ioreq_server_frame_bufioreq 0
#define XENMEM_resource_ioreq_server_frame_ioreq(n) (1 + (n))

#ifndef __ASSEMBLY__

/* 32 bytes */
struct xen_memory_reservation {
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start; /* see the subops */
    xen_ulong_t nr_extents;
    uint32_t extent_order; /* extents of 2^extent_order frames */
    uint32_t mem_flags;    /* XENMEMF_* */
    domid_t domid;         /* DOMID_SELF unless privileged */
};
typedef struct xen_memory_reservation xen_memory_reservation_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_reservation_t);

/*
 * Swap the extents of "in" for new ones described by "out" (same domain,
 * same total size). nr_exchanged must be 0 on entry and says on return
 * how many input extents were exchanged. 72 bytes.
 */
struct xen_memory_exchange {
    struct xen_memory_reservation in;
    struct xen_memory_reservation out;
    xen_ulong_t nr_exchanged;
};
typedef struct xen_memory_exchange xen_memory_exchange_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_exchange_t);

/* 24 bytes */
struct xen_machphys_mfn_list {
    uint32_t max_extents;                     /* IN: capacity of extent_start */
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start; /* OUT: 2 MiB extents */
    uint32_t nr_extents;                      /* OUT: entries written */
};
typedef struct xen_machphys_mfn_list xen_machphys_mfn_list_t;
DEFINE_XEN_GUEST_HANDLE(xen_machphys_mfn_list_t);

/* 24 bytes */
struct xen_machphys_mapping {
    xen_ulong_t v_start;
    xen_ulong_t v_end;
    xen_ulong_t max_mfn;
};
typedef struct xen_machphys_mapping xen_machphys_mapping_t;
DEFINE_XEN_GUEST_HANDLE(xen_machphys_mapping_t);

/* Map page idx of "space" at guest frame gpfn of domid. 24 bytes. */
struct xen_add_to_physmap {
    domid_t domid;
    uint16_t size;  /* frames, for XENMAPSPACE_gmfn_range */
    uint32_t space; /* XENMAPSPACE_* */
    xen_ulong_t idx;
    xen_pfn_t gpfn;
};
typedef struct xen_add_to_physmap xen_add_to_physmap_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_t);

/*
 * Map size pages: idxs[i] of "space" at gpfns[i]. Each page's result goes
 * to errs[i]; the call itself fails only if the arrays cannot be read or
 * written. 32 bytes.
 */
struct xen_add_to_physmap_batch {
    domid_t domid;
    uint16_t space; /* XENMAPSPACE_* */
    uint16_t size;  /* entries in each array */
    union xen_add_to_physmap_batch_extra {
        domid_t foreign_domid; /* XENMAPSPACE_gmfn_foreign */
        uint16_t res0;         /* every other space: 0 */
    } u;
    XEN_GUEST_HANDLE(xen_ulong_t) idxs; /* IN */
    XEN_GUEST_HANDLE(xen_pfn_t) gpfns;  /* IN */
    XEN_GUEST_HANDLE(int) errs;         /* OUT: 0 or -XEN_Exxx */
};
typedef struct xen_add_to_physmap_batch xen_add_to_physmap_batch_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_batch_t);

/* Unmap whatever is at guest frame gpfn of domid. 16 bytes. */
struct xen_remove_from_physmap {
    domid_t domid;
    xen_pfn_t gpfn;
};
typedef struct xen_remove_from_physmap xen_remove_from_physmap_t;
DEFINE_XEN_GUEST_HANDLE(xen_remove_from_physmap_t);

/*
 * A memory map: nr_entries is, on entry, how many entries fit in buffer
 * and, on return, how many were stored. Entries are struct
 * xen_e820_entry. 16 bytes.
 */
struct xen_memory_map {
    uint32_t nr_entries;
    XEN_GUEST_HANDLE(void) buffer;
};
typedef struct xen_memory_map xen_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_map_t);

/* 24 bytes */
struct xen_foreign_memory_map {
    domid_t domid;
    struct xen_memory_map map;
};
typedef struct xen_foreign_memory_map xen_foreign_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_foreign_memory_map_t);

/*
 * Ours: upstream describes the map entries only as "BIOS E820 format".
 * Packed, 20 bytes; type is an XEN_HVM_MEMMAP_TYPE_* value
 * (arch-x86/hvm/start_info.h), which are the E820 types.
 */
struct xen_e820_entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
} __attribute__((__packed__));
typedef struct xen_e820_entry xen_e820_entry_t;

/* 40 bytes */
struct xen_pod_target {
    uint64_t target_pages;    /* IN */
    uint64_t tot_pages;       /* OUT */
    uint64_t pod_cache_pages; /* OUT */
    uint64_t pod_entries;     /* OUT */
    domid_t domid;            /* IN */
};
typedef struct xen_pod_target xen_pod_target_t;

/* 24 bytes */
struct xen_mem_paging_op {
    uint8_t op; /* XENMEM_paging_op_* */
    domid_t domain;
    XEN_GUEST_HANDLE_64(const_uint8) buffer; /* prep: page contents */
    uint64_aligned_t gfn;
};
typedef struct xen_mem_paging_op xen_mem_paging_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_paging_op_t);

typedef enum {
    XENMEM_access_n,
    XENMEM_access_r,
    XENMEM_access_w,
    XENMEM_access_rw,
    XENMEM_access_x,
    XENMEM_access_rx,
    XENMEM_access_wx,
    XENMEM_access_rwx,
    XENMEM_access_rx2rw,  /* rx until the first write, then rw */
    XENMEM_access_n2rwx,  /* n, becomes rwx on access, with an event */
    XENMEM_access_r_pw,   /* r, page walks may still write A/D bits */
    XENMEM_access_default /* the domain's default */
} xenmem_access_t;

/* 32 bytes */
struct xen_mem_access_op {
    uint8_t op;     /* XENMEM_access_op_* */
    uint8_t access; /* xenmem_access_t */
    domid_t domid;
    uint32_t nr;          /* pages, or entries of pfn_list */
    uint64_aligned_t pfn; /* first pfn; ~0 = the default access */
    XEN_GUEST_HANDLE(const_uint64) pfn_list;
    XEN_GUEST_HANDLE(const_uint8) access_list;
};
typedef struct xen_mem_access_op xen_mem_access_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_access_op_t);

/* 48 bytes; u is at 8 and 40 bytes long. */
struct xen_mem_sharing_op {
    uint8_t op; /* XENMEM_sharing_op_* */
    domid_t domain;
    union {
        struct mem_sharing_op_nominate {
            union {
                uint64_aligned_t gfn;
                uint32_t grant_ref;
            } u;                     /* IN */
            uint64_aligned_t handle; /* OUT */
        } nominate;
        struct mem_sharing_op_share {
            uint64_aligned_t source_gfn;
            uint64_aligned_t source_handle;
            uint64_aligned_t client_gfn;
            uint64_aligned_t client_handle;
            domid_t client_domain;
        } share;
        struct mem_sharing_op_range {
            uint64_aligned_t first_gfn;
            uint64_aligned_t last_gfn;
            uint64_aligned_t opaque; /* 0 */
            domid_t client_domain;
            uint16_t _pad[3]; /* 0 */
        } range;
        struct mem_sharing_op_debug {
            union {
                uint64_aligned_t gfn;
                uint64_aligned_t mfn;
                uint32_t gref;
            } u;
        } debug;
        struct mem_sharing_op_fork {
            domid_t parent_domain;
            uint16_t flags; /* XENMEM_FORK_* */
            uint32_t pad;   /* 0 */
        } fork;
    } u;
};
typedef struct xen_mem_sharing_op xen_mem_sharing_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_sharing_op_t);

/* 24 bytes */
struct xen_vmemrange {
    uint64_t start;
    uint64_t end;
    uint32_t flags;
    uint32_t nid;
};
typedef struct xen_vmemrange xen_vmemrange_t;
DEFINE_XEN_GUEST_HANDLE(xen_vmemrange_t);

/*
 * The nr_* fields are IN capacities and OUT counts; when one is too
 * small the call fails with -XEN_ENOBUFS and writes the counts needed.
 * 40 bytes.
 */
struct xen_vnuma_topology_info {
    domid_t domid; /* IN */
    uint16_t pad;  /* 0 */
    uint32_t nr_vnodes;
    uint32_t nr_vcpus;
    uint32_t nr_vmemranges;
    union {
        XEN_GUEST_HANDLE(uint) h;
        uint64_t pad;
    } vdistance; /* nr_vnodes^2 entries */
    union {
        XEN_GUEST_HANDLE(uint) h;
        uint64_t pad;
    } vcpu_to_vnode; /* nr_vcpus entries */
    union {
        XEN_GUEST_HANDLE(xen_vmemrange_t) h;
        uint64_t pad;
    } vmemrange; /* nr_vmemranges entries */
};
typedef struct xen_vnuma_topology_info xen_vnuma_topology_info_t;
DEFINE_XEN_GUEST_HANDLE(xen_vnuma_topology_info_t);

/* 16 bytes */
struct xen_reserved_device_memory {
    xen_pfn_t start_pfn;
    xen_ulong_t nr_pages;
};
typedef struct xen_reserved_device_memory xen_reserved_device_memory_t;
DEFINE_XEN_GUEST_HANDLE(xen_reserved_device_memory_t);

/* 24 bytes */
struct xen_reserved_device_memory_map {
    uint32_t flags;      /* IN: XENMEM_RDM_* */
    uint32_t nr_entries; /* IN: capacity; OUT: count (needed, if
                               * the call failed for lack of room) */
    XEN_GUEST_HANDLE(xen_reserved_device_memory_t) buffer; /* OUT */
    union {
        struct physdev_pci_device pci;
    } dev; /* IN: the device, without XENMEM_RDM_ALL */
};
typedef struct xen_reserved_device_memory_map xen_reserved_device_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_reserved_device_memory_map_t);

/*
 * Map nr_frames frames of a resource of domain domid, starting at frame
 * "frame". frame_list NULL with nr_frames 0 asks for the resource's size,
 * returned in nr_frames. A translated caller fills frame_list with the
 * guest frames to map at; -XEN_EIO means a partial mapping the caller
 * must undo. 32 bytes.
 */
struct xen_mem_acquire_resource {
    domid_t domid;                          /* IN: not DOMID_SELF */
    uint16_t type;                          /* IN: XENMEM_resource_* */
    uint32_t id;                            /* IN: per type; 0 if unused */
    uint32_t nr_frames;                     /* IN/OUT */
    uint32_t pad;                           /* IN: 0 */
    uint64_t frame;                         /* IN */
    XEN_GUEST_HANDLE(xen_pfn_t) frame_list; /* IN/OUT */
};
typedef struct xen_mem_acquire_resource xen_mem_acquire_resource_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_acquire_resource_t);

/*
 * XENMEM_get_safe_ranges -- ours, not upstream's.
 *
 * The guest-physical ranges chosen for a domain when it was built that
 * hold no RAM and no MMIO, and never will while the domain lives: the
 * place for grant mappings, foreign mappings and other memory the guest
 * maps without giving up RAM. They are the same ranges the domain finds
 * after the grant-table region in the "reg" of its /hypervisor
 * device-tree node (Arm) and, typed XEN_HVM_MEMMAP_TYPE_SAFE_RANGE, in its
 * memory map (x86). Number 29 is the first free one after upstream's
 * last subop (28); both structs have the same layout on every
 * architecture (fixed-width fields, an 8-byte handle).
 *
 *  - domid: DOMID_SELF or the caller's own id; another domain only for
 *    the hardware domain (-XEN_EPERM otherwise); a domid that names no
 *    domain gives -XEN_ESRCH, checked first;
 *  - pad must be 0 (and cmd >> XENMEMOP_EXTENT_SHIFT), else -XEN_EINVAL;
 *  - nr_ranges: IN, how many entries "ranges" can hold; OUT, how many
 *    ranges the domain has;
 *  - all or nothing: if the array is too short, nothing is written to
 *    it, nr_ranges is set and the call returns -XEN_ENOBUFS; otherwise
 *    the ranges are written sorted by first_gfn and the call returns 0;
 *  - -XEN_EFAULT if arg or the array cannot be accessed; -XEN_ENOSYS in
 *    a build without safe ranges.
 */
struct xen_mem_safe_range {
    uint64_t first_gfn;
    uint64_t nr_frames;
};
typedef struct xen_mem_safe_range xen_mem_safe_range_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_safe_range_t);

/* 16 bytes on every architecture */
struct xen_mem_safe_ranges {
    domid_t domid;      /* IN */
    uint16_t pad;       /* IN: 0 */
    uint32_t nr_ranges; /* IN: capacity; OUT: ranges the domain has */
    XEN_GUEST_HANDLE_64(xen_mem_safe_range_t) ranges; /* OUT */
};
typedef struct xen_mem_safe_ranges xen_mem_safe_ranges_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_safe_ranges_t);

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_MEMORY_H__ */
