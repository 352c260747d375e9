/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Safe mapping ranges (xen/safe-ranges.h, docs/designs/safe-ranges.md).
 *
 * Choosing them, once, when a domain is built: explicit ranges from the
 * configuration (checked: 128 MiB aligned, inside the address space,
 * clear of everything the domain has and of each other), or a total size
 * placed by the builder, or a default sized from what the domain can ever
 * map. Placement takes the lowest free 128 MiB-aligned pieces of the
 * domain's space (arch_safe_range_space()) that avoid its RAM, its
 * grant-table region and everything busy.
 *
 * Enforcing them, for the domain's life: the P2M asks safe_ranges_refuse()
 * before every change; nothing else changes the ranges.
 */
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/safe-ranges.h>
#include <xen/sched.h>
#include <asm/page.h>
#include <public/memory.h>

void gfn_ranges_add(struct gfn_ranges *l, uint64_t start, uint64_t nr)
{
    if ( nr && l->nr < ARRAY_SIZE(l->r) )
    {
        l->r[l->nr].start = start;
        l->r[l->nr].nr = nr;
        l->nr++;
    }
}

static bool overlap(uint64_t s1, uint64_t n1, uint64_t s2, uint64_t n2)
{
    return n1 && n2 && s1 < s2 + n2 && s2 < s1 + n1;
}

/* Everything d must keep clear of: arch's busy, its RAM, its grant region. */
static void domain_busy(const struct domain *d, struct gfn_ranges *cand,
                        struct gfn_ranges *busy)
{
    unsigned int i;

    cand->nr = busy->nr = 0;
    arch_safe_range_space(d, cand, busy);
    for ( i = 0; i < d->ram.nr; i++ )
        gfn_ranges_add(busy, gfn_x(d->ram.bank[i].start),
                       d->ram.bank[i].nr_pages);
    gfn_ranges_add(busy, d->gnttab_gfn, d->gnttab_nr);
}

/*
 * The lowest piece of [s, e) free of busy, aligned to align at both ends
 * and at least min long, starting at or above s: its start in *ps and end
 * in *pe; false if none.
 */
static bool next_free(const struct gfn_ranges *busy, uint64_t s, uint64_t e,
                      uint64_t align, uint64_t min, uint64_t *ps, uint64_t *pe)
{
    unsigned int i;
    bool moved;

    for ( ;; )
    {
        uint64_t end = e;

        s = ROUNDUP(s, align);
        do
        {
            moved = false;
            for ( i = 0; i < busy->nr && s < e; i++ )
                if ( overlap(s, 1, busy->r[i].start, busy->r[i].nr) )
                {
                    s = ROUNDUP(busy->r[i].start + busy->r[i].nr, align);
                    moved = true;
                }
        } while ( moved );
        if ( s >= e )
            return false;

        /* How far it goes: up to the next busy range or e. */
        for ( i = 0; i < busy->nr; i++ )
            if ( busy->r[i].start > s && busy->r[i].start < end )
                end = busy->r[i].start;
        end = ROUNDDOWN(end, align);
        if ( end > s && end - s >= min )
        {
            *ps = s;
            *pe = end;
            return true;
        }
        s = end > s ? end : s + align;
    }
}

unsigned int safe_ranges_free_space(const struct domain *d, uint64_t align,
                                    uint64_t min, struct gfn_range *out,
                                    unsigned int max)
{
    struct gfn_ranges *cand = alloc_xenheap_pages(1, 0);
    struct gfn_ranges *busy = alloc_xenheap_pages(1, 0);
    unsigned int i, n = 0;
    uint64_t s, e;

    BUILD_BUG_ON(sizeof(struct gfn_ranges) > 2 * PAGE_SIZE);
    if ( cand && busy )
    {
        domain_busy(d, cand, busy);
        for ( i = 0; i < cand->nr && n < max; i++ )
        {
            uint64_t from = cand->r[i].start, to = from + cand->r[i].nr;

            while ( n < max && next_free(busy, from, to, align, min, &s, &e) )
            {
                out[n].start = s;
                out[n].nr = e - s;
                n++;
                from = e;
            }
        }
    }
    free_xenheap_pages(cand, 1);
    free_xenheap_pages(busy, 1);

    return n;
}

#ifdef CONFIG_SAFE_RANGES

/* For a refusal's message: built at boot, one domain at a time. */
static char why_buf[160];

/*
 * What a domU can ever map: a page for every grant its maptrack can hold
 * (upstream's default 1024 maptrack frames of 256 entries), its grant and
 * status frames (64 each), its shared_info and a page per vCPU.
 */
#define DEFAULT_MAPTRACK_GRANTS (1024UL * 256)
#define DEFAULT_GRANT_FRAMES    64UL
#define HWDOM_DEFAULT_SIZE      GB(128)

static uint64_t default_pages(const struct domain_config *c)
{
    if ( c->hardware )
        return HWDOM_DEFAULT_SIZE >> PAGE_SHIFT;

    return DEFAULT_MAPTRACK_GRANTS + 2 * DEFAULT_GRANT_FRAMES + 1 +
           c->nr_vcpus;
}

static void print_range(const struct domain *d, unsigned int i,
                        const char *from)
{
    const struct gfn_range *r = &d->safe_ranges->r[i];
    char sz[24];

    printk("d%u: safe range %u: 0x%llx-0x%llx (%s), %s\n", d->domain_id, i,
           (unsigned long long)(r->start << PAGE_SHIFT),
           (unsigned long long)(((r->start + r->nr) << PAGE_SHIFT) - 1),
           format_size(sz, sizeof(sz), r->nr << PAGE_SHIFT), from);
}

/* The explicit ranges of c, checked one by one. */
static int take_explicit(struct domain *d, const struct safe_ranges_config *sc,
                         const struct gfn_ranges *busy, const char **why)
{
    uint64_t limit = 1ULL << P2M_GFN_BITS;
    unsigned int i, j;
    const char *what = NULL;

    for ( i = 0; i < sc->nr && !what; i++ )
    {
        const struct gfn_range *r = &sc->r[i];

        if ( !r->nr || !IS_ALIGNED(r->start | r->nr, SAFE_RANGE_ALIGN_PFN) )
            what = "is not 128 MiB aligned (start and size)";
        else if ( r->start >= limit || r->nr > limit - r->start )
            what = "is beyond the guest's address space";
        for ( j = 0; j < busy->nr && !what; j++ )
            if ( overlap(r->start, r->nr, busy->r[j].start, busy->r[j].nr) )
                what = "overlaps its RAM, its grant-table region, MMIO or "
                       "other memory it cannot have";
        for ( j = 0; j < i && !what; j++ )
            if ( overlap(r->start, r->nr, sc->r[j].start, sc->r[j].nr) )
                what = "overlaps another of its safe ranges";
        if ( what )
        {
            snprintf(why_buf, sizeof(why_buf), "%s: range 0x%llx-0x%llx %s",
                     sc->prop, (unsigned long long)(r->start << PAGE_SHIFT),
                     (unsigned long long)(((r->start + r->nr) << PAGE_SHIFT) -
                                          1),
                     what);
            *why = why_buf;
            return -EINVAL;
        }
    }

    /* Sorted, as published. */
    for ( i = 0; i < sc->nr; i++ )
    {
        struct gfn_range r = sc->r[i];

        for ( j = d->safe_ranges->nr;
              j && d->safe_ranges->r[j - 1].start > r.start; j-- )
            d->safe_ranges->r[j] = d->safe_ranges->r[j - 1];
        d->safe_ranges->r[j] = r;
        d->safe_ranges->nr++;
    }

    return 0;
}

/* want frames, placed in the lowest free aligned pieces. */
static uint64_t place(struct domain *d, const struct gfn_ranges *cand,
                      const struct gfn_ranges *busy, uint64_t want)
{
    struct safe_ranges *sr = d->safe_ranges;
    uint64_t got = 0, s, e;
    unsigned int i;

    want = ROUNDUP(want, SAFE_RANGE_ALIGN_PFN);
    for ( i = 0; i < cand->nr && got < want && sr->nr < MAX_SAFE_RANGES; i++ )
    {
        uint64_t from = cand->r[i].start, to = from + cand->r[i].nr;

        while ( got < want && sr->nr < MAX_SAFE_RANGES &&
                next_free(busy, from, to, SAFE_RANGE_ALIGN_PFN,
                          SAFE_RANGE_ALIGN_PFN, &s, &e) )
        {
            e = min(e, s + (want - got));
            sr->r[sr->nr].start = s;
            sr->r[sr->nr].nr = e - s;
            sr->nr++;
            got += e - s;
            from = e;
        }
    }

    return got;
}

int safe_ranges_build(struct domain *d, const struct domain_config *c,
                      const char **why)
{
    const struct safe_ranges_config *sc = &c->safe;
    struct gfn_ranges *cand, *busy;
    uint64_t want = 0, got;
    unsigned int i;
    const char *from;
    int rc = 0;
    char sz[24], sz2[24];

    BUILD_BUG_ON(sizeof(struct safe_ranges) > PAGE_SIZE);
    d->safe_ranges = alloc_xenheap_page();
    cand = alloc_xenheap_pages(1, 0);
    busy = alloc_xenheap_pages(1, 0);
    if ( !d->safe_ranges || !cand || !busy )
    {
        *why = "no memory for its safe ranges";
        rc = -ENOMEM;
        goto out;
    }
    memset(d->safe_ranges, 0, sizeof(*d->safe_ranges));
    d->safe_ranges->strict = sc->strict;
    domain_busy(d, cand, busy);

    if ( sc->nr )
    {
        if ( (rc = take_explicit(d, sc, busy, why)) != 0 )
            goto out;
        from = sc->prop;
    }
    else
    {
        want = sc->size ? DIV_ROUND_UP(sc->size, PAGE_SIZE) : default_pages(c);
        got = place(d, cand, busy, want);
        from = sc->size ? "placed (requested size)"
                        : c->hardware ? "placed (default for the hardware domain)"
                                      : "placed (default: what it can map)";
        if ( got < ROUNDUP(want, SAFE_RANGE_ALIGN_PFN) )
            printk(XENLOG_WARNING "d%u: safe ranges: %s of the %s wanted fit "
                                  "its address space\n",
                   d->domain_id,
                   format_size(sz, sizeof(sz), got << PAGE_SHIFT),
                   format_size(sz2, sizeof(sz2),
                               ROUNDUP(want, SAFE_RANGE_ALIGN_PFN)
                                   << PAGE_SHIFT));
        if ( sc->size && !got )
        {
            *why = "its safe ranges (requested size) fit nowhere in its "
                   "address space";
            rc = -ENOSPC;
            goto out;
        }
    }

    for ( i = 0; i < d->safe_ranges->nr; i++ )
        print_range(d, i, from);
    if ( sc->strict )
        printk("d%u: safe ranges: strict (grant and foreign maps only there "
               "and in the grant-table region)\n",
               d->domain_id);

 out:
    free_xenheap_pages(cand, 1);
    free_xenheap_pages(busy, 1);

    return rc;
}

void safe_ranges_destroy(struct domain *d)
{
    free_xenheap_page(d->safe_ranges);
    d->safe_ranges = NULL;
}

/* The range holding gfn, or NULL: a binary search of the sorted list. */
static const struct gfn_range *find(const struct safe_ranges *sr, uint64_t gfn,
                                    uint64_t nr)
{
    unsigned int lo = 0, hi = sr->nr;

    /* The last range starting below gfn + nr is the only candidate. */
    while ( lo < hi )
    {
        unsigned int mid = (lo + hi) / 2;

        if ( sr->r[mid].start < gfn + nr )
            lo = mid + 1;
        else
            hi = mid;
    }
    if ( lo && overlap(gfn, nr, sr->r[lo - 1].start, sr->r[lo - 1].nr) )
        return &sr->r[lo - 1];

    return NULL;
}

bool safe_ranges_refuse(const struct domain *d, uint64_t gfn, uint64_t nr,
                        mfn_t mfn, unsigned int t)
{
    const struct safe_ranges *sr = d->safe_ranges;
    const struct gfn_range *r;
    bool xenheap = mfn_valid(mfn) && is_xen_heap_page(mfn_to_page(mfn));

    if ( !sr )
        return false;

    if ( (p2m_is_ram(t) && !xenheap) || t == p2m_mmio_direct_dev )
    {
        if ( !(r = find(sr, gfn, nr)) )
            return false;
        printk(XENLOG_DEBUG
               "d%u: %s at GFN 0x%llx refused: inside safe range "
               "0x%llx-0x%llx\n",
               d->domain_id, p2m_type_name(t), (unsigned long long)gfn,
               (unsigned long long)r->start,
               (unsigned long long)(r->start + r->nr - 1));
        return true;
    }

    /* Strict: grant and foreign maps only in the ranges or the grant region. */
    if ( sr->strict && (p2m_is_foreign(t) || t == p2m_grant_map_rw ||
                        t == p2m_grant_map_ro) )
    {
        r = find(sr, gfn, nr);
        if ( (r && gfn >= r->start && gfn + nr <= r->start + r->nr) ||
             (gfn >= d->gnttab_gfn && gfn + nr <= d->gnttab_gfn + d->gnttab_nr) )
            return false;
        printk(XENLOG_DEBUG "d%u: %s at GFN 0x%llx refused: outside its safe "
                            "ranges (strict)\n",
               d->domain_id, p2m_type_name(t), (unsigned long long)gfn);
        return true;
    }

    return false;
}

long safe_ranges_get(XEN_GUEST_HANDLE_PARAM(void) arg)
{
    struct domain *self = current_vcpu()->domain, *d;
    struct xen_mem_safe_ranges q;
    struct xen_mem_safe_range out[MAX_SAFE_RANGES];
    unsigned int i, n;
    long rc = 0;

    if ( copy_from_guest(&q, arg, 1) )
        return -EFAULT;

    /* Which domain: one that does not exist is -ESRCH before all else. */
    if ( q.domid == DOMID_SELF || q.domid == self->domain_id )
        d = get_domain(self) ? self : NULL;
    else if ( (d = get_domain_by_id(q.domid)) == NULL )
        return -ESRCH;
    else if ( !self->config->hardware )
        rc = -EPERM;
    if ( !d )
        return -ESRCH;
    if ( !rc && q.pad )
        rc = -EINVAL;
    if ( rc )
        goto out;

    n = d->safe_ranges ? d->safe_ranges->nr : 0;
    for ( i = 0; i < n; i++ )
    {
        out[i].first_gfn = d->safe_ranges->r[i].start;
        out[i].nr_frames = d->safe_ranges->r[i].nr;
    }
    if ( q.nr_ranges < n )
        rc = -ENOBUFS;
    else if ( n && copy_to_guest(guest_handle_from_param(q.ranges.q,
                                                         xen_mem_safe_range_t),
                                 out, n) )
    {
        rc = -EFAULT;
        goto out;
    }
    q.nr_ranges = n;
    if ( __copy_field_to_guest(guest_handle_cast(arg, xen_mem_safe_ranges_t),
                               &q, nr_ranges) )
        rc = -EFAULT;

 out:
    put_domain(d);

    return rc;
}

#endif /* CONFIG_SAFE_RANGES */
