/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct domain: what the memory core needs of a domain. Domain building,
 * vCPUs and scheduling add to it.
 */
#ifndef XEN_SCHED_H
#define XEN_SCHED_H

#include <xen/domain.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/spinlock.h>
#include <xen/types.h>

struct static_pool;

struct domain {
    uint16_t domain_id;
    bool is_dying;

    /* Guarded by page_alloc_lock. */
    spinlock_t page_alloc_lock;
    struct page_list_head page_list; /* pages the domain owns */
    unsigned long tot_pages;         /* counted pages it owns */
    unsigned long max_pages;         /* the limit on tot_pages */
    unsigned long xenheap_pages;     /* xenheap pages shared with it */

    /* Static memory: the pool its static pages come from and go back to. */
    struct static_pool *static_pool;

    struct p2m_domain p2m;

    /* What it was built from, and where its RAM is (guest-physical). */
    const struct domain_config *config;
    struct guest_ram ram;
};

void domain_init_memory(struct domain *d, uint16_t domid,
                        unsigned long max_pages);

#endif /* XEN_SCHED_H */
