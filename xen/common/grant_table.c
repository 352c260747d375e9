/* SPDX-License-Identifier: GPL-2.0-only */
/* Grant tables and the grant_table hypercall (xen/grant_table.h). */
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/hypercall.h>

long do_grant_table_op(unsigned int cmd, XEN_GUEST_HANDLE_PARAM(void) uop,
                       unsigned int count)
{
    return -ENOSYS;
}

/* Until the grant table exists: no frames to map or acquire. */
int gnttab_map_frame_begin(struct domain *d, unsigned long idx, mfn_t *mfn)
{
    return -ENOSYS;
}

void gnttab_map_frame_end(struct domain *d, mfn_t mfn)
{}

int gnttab_acquire_resource(struct domain *d, unsigned int id,
                            unsigned int frame, unsigned int nr_frames,
                            xen_pfn_t mfn_list[])
{
    return -ENOSYS;
}

int grant_table_init(struct domain *d)
{
    return 0;
}

void grant_table_destroy(struct domain *d)
{}
