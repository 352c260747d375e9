/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Safe mapping ranges (common/safe-ranges.c, docs/designs/safe-ranges.md):
 * guest-physical ranges chosen for a domain when it is built, which hold
 * no RAM and no MMIO for the domain's whole life. The guest puts grant
 * mappings, foreign mappings and its xenheap frames there instead of
 * ballooning out RAM. They are fixed at creation, enforced by the P2M
 * (p2m_set_range()), and published in the guest's device tree (Arm), its
 * memory map (x86) and XENMEM_get_safe_ranges.
 */
#ifndef XEN_SAFE_RANGES_H
#define XEN_SAFE_RANGES_H

#include <xen/types.h>
#include <public/xen.h>

struct domain;
struct domain_config;

/* Ranges a domain can have, and the boundary they start and end on. */
#define MAX_SAFE_RANGES      16
#define SAFE_RANGE_ALIGN     MB(128)
#define SAFE_RANGE_ALIGN_PFN (SAFE_RANGE_ALIGN >> PAGE_SHIFT)

/* A range of guest frames. */
struct gfn_range {
    uint64_t start, nr;
};

/* A sorted, non-overlapping list of ranges of guest frames. */
#define MAX_GFN_RANGES 256
struct gfn_ranges {
    unsigned int nr;
    struct gfn_range r[MAX_GFN_RANGES];
};

/* What the configuration asks for (domain node, or the command line). */
struct safe_ranges_config {
    unsigned int nr;             /* explicit ranges ... */
    struct gfn_range r[MAX_SAFE_RANGES];
    uint64_t size;               /* ... or a total to place (bytes), or 0 */
    bool strict;                 /* grant and foreign maps confined too */
    const char *prop;            /* where they were given, for messages */
};

/* A domain's, fixed at creation. */
struct safe_ranges {
    unsigned int nr;
    bool strict;
    struct gfn_range r[MAX_SAFE_RANGES];
};

/*
 * Arch: the guest-physical space of d, for placement: candidates (where
 * ranges may go, sorted) and busy (what they must avoid besides d's RAM
 * and grant-table region: MMIO it is given, and for a host-layout domain
 * the host's RAM, MMIO, reserved memory, static memory and the
 * hypervisor). Both in frames, any order for busy.
 */
void arch_safe_range_space(const struct domain *d, struct gfn_ranges *cand,
                           struct gfn_ranges *busy);

/* Add [start, start + nr) to a list (ignored when full or empty). */
void gfn_ranges_add(struct gfn_ranges *l, uint64_t start, uint64_t nr);

#ifdef CONFIG_SAFE_RANGES

/*
 * Choose d's safe ranges from c (explicit, a size to place, or the
 * default), once its RAM and grant-table region are known: one boot line
 * per range. -EINVAL with *why set (naming the property) when the
 * configuration is bad; the domain is then refused.
 */
int safe_ranges_build(struct domain *d, const struct domain_config *c,
                      const char **why);
void safe_ranges_destroy(struct domain *d);

/*
 * For the P2M, under its write lock: whether mapping [gfn, gfn + nr) of
 * type t (frame mfn first) must be refused: RAM (but a xenheap frame) or
 * MMIO inside a range; in strict mode, grant and foreign maps outside the
 * ranges and the grant-table region. One debug line names the range.
 * O(log n) in the number of ranges.
 */
bool safe_ranges_refuse(const struct domain *d, uint64_t gfn, uint64_t nr,
                        mfn_t mfn, unsigned int t);

/* XENMEM_get_safe_ranges (memory.c). */
long safe_ranges_get(XEN_GUEST_HANDLE_PARAM(void) arg);

#else

static inline int safe_ranges_build(struct domain *d,
                                    const struct domain_config *c,
                                    const char **why)
{
    return 0;
}

static inline void safe_ranges_destroy(struct domain *d)
{}

static inline bool safe_ranges_refuse(const struct domain *d, uint64_t gfn,
                                      uint64_t nr, mfn_t mfn, unsigned int t)
{
    return false;
}

static inline long safe_ranges_get(XEN_GUEST_HANDLE_PARAM(void) arg)
{
    return -ENOSYS;
}

#endif

/*
 * Upstream's extended regions, for a build without safe ranges: every
 * free piece of d's space, start rounded up and size down to 2 MiB,
 * pieces under 64 MiB dropped; not enforced. Also used to list what is
 * free. Returns how many were written to out (at most max).
 */
unsigned int safe_ranges_free_space(const struct domain *d, uint64_t align,
                                    uint64_t min, struct gfn_range *out,
                                    unsigned int max);

#endif /* XEN_SAFE_RANGES_H */
