/* SPDX-License-Identifier: GPL-2.0-only */
/* XENMEM_add_to_physmap and friends, one page at a time (xen/physmap.h). */
#include <xen/errno.h>
#include <xen/physmap.h>
#include <xen/sched.h>

int xenmem_add_to_physmap_one(struct domain *d, unsigned int space,
                              uint16_t foreign_domid, unsigned long idx,
                              gfn_t gfn)
{
    return -ENOSYS;
}

int xenmem_remove_from_physmap_one(struct domain *d, gfn_t gfn)
{
    return -ENOSYS;
}
