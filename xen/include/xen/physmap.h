/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One page of XENMEM_add_to_physmap / _batch / remove_from_physmap
 * (common/physmap.c): the protocol that keeps the GFN of every mapped
 * xenheap frame (shared_info, grant and status frames) in its page_info,
 * under the P2M lock (docs/designs/physmap.md). The loops over ranges and
 * batches, continuations and copying results back are memory.c's.
 */
#ifndef XEN_PHYSMAP_H
#define XEN_PHYSMAP_H

#include <xen/types.h>

struct domain;

/*
 * Map one page of space at gfn in d: XENMAPSPACE_shared_info (idx 0),
 * _grant_table (idx, XENMAPIDX_grant_table_status ORed in for a status
 * frame), _gmfn (idx is a GFN of d: the page moves, where the arch allows
 * it), _gmfn_foreign (idx is a GFN of foreign_domid, the hardware domain
 * mapping another domain's page with a reference held), _dev_mmio. Returns
 * 0 or upstream's errno for the case.
 */
int xenmem_add_to_physmap_one(struct domain *d, unsigned int space,
                              uint16_t foreign_domid, unsigned long idx,
                              gfn_t gfn);

/* XENMEM_remove_from_physmap of gfn in d: 0 or upstream's errno. */
int xenmem_remove_from_physmap_one(struct domain *d, gfn_t gfn);

#endif /* XEN_PHYSMAP_H */
