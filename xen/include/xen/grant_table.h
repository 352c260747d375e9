/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant tables (common/grant_table.c): what the rest of the hypervisor
 * uses of them. The grant_table hypercall itself is do_grant_table_op()
 * (xen/hypercall.h).
 */
#ifndef XEN_GRANT_TABLE_H
#define XEN_GRANT_TABLE_H

#include <xen/types.h>
#include <public/xen.h>

struct domain;
struct domain_config;

#ifdef CONFIG_GRANT_TABLE

/*
 * A domain's grant table, sized from its configuration (its DT node's
 * max_grant_frames / max_maptrack_frames, else gnttab_max_frames= /
 * gnttab_max_maptrack_frames=, else 64 and 1024, as upstream). Its
 * frames are allocated on demand, shared with the domain
 * (share_xen_page_with_guest()). grant_table_destroy() at teardown,
 * after the P2M has been emptied.
 */
int grant_table_init(struct domain *d);
void grant_table_destroy(struct domain *d);

/*
 * XENMAPSPACE_grant_table (XENMEM_add_to_physmap), the XSA-486 way: begin
 * takes d's grant table write lock, finds the frame of idx (a status
 * frame when XENMAPIDX_grant_table_status is set), growing the table if
 * needed, and takes a page reference on it; on success (0) it returns
 * with the lock and the reference held and *mfn set, so that the caller
 * maps the frame (P2M lock inside the grant lock) before end drops both.
 * Errors as upstream: -EINVAL (idx past the limit, or a status frame
 * while the table is at v1), -ENOMEM, -EBUSY (no reference).
 */
int gnttab_map_frame_begin(struct domain *d, unsigned long idx, mfn_t *mfn);
void gnttab_map_frame_end(struct domain *d, mfn_t mfn);

/*
 * XENMEM_acquire_resource, XENMEM_resource_grant_table: the MFNs of
 * nr_frames frames from frame on, of the shared (id 0) or status (id 1)
 * frames. Errors as upstream.
 */
int gnttab_acquire_resource(struct domain *d, unsigned int id,
                            unsigned int frame, unsigned int nr_frames,
                            xen_pfn_t mfn_list[]);

#else

static inline int grant_table_init(struct domain *d)
{
    return 0;
}

static inline void grant_table_destroy(struct domain *d)
{}

static inline int gnttab_map_frame_begin(struct domain *d, unsigned long idx,
                                         mfn_t *mfn)
{
    return -EINVAL;
}

static inline void gnttab_map_frame_end(struct domain *d, mfn_t mfn)
{}

static inline int gnttab_acquire_resource(struct domain *d, unsigned int id,
                                          unsigned int frame,
                                          unsigned int nr_frames,
                                          xen_pfn_t mfn_list[])
{
    return -EINVAL;
}

#endif /* CONFIG_GRANT_TABLE */

#endif /* XEN_GRANT_TABLE_H */
