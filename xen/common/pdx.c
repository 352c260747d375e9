/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compressed frame numbers (see xen/pdx.h): RAM as a sorted list of
 * groups { first mfn, number of frames, first pdx }.
 */
#include <xen/bootinfo.h>
#include <xen/mm.h>
#include <xen/pdx.h>

struct pdx_group {
    unsigned long mfn; /* first frame */
    unsigned long nr;  /* frames */
    unsigned long pdx; /* pdx of the first frame */
};

static struct pdx_group groups[CONFIG_NR_MEM_BANKS];
static unsigned int nr_groups;

struct page_info *frame_table;
unsigned long max_pdx;

unsigned long pdx_init(const struct membanks *ram, paddr_t limit)
{
    unsigned int i, j;

    nr_groups = 0;
    max_pdx = 0;

    for ( i = 0; i < ram->nr; i++ )
    {
        uint64_t s = ROUNDUP(paddr_x(ram->bank[i].start), (uint64_t)PAGE_SIZE);
        uint64_t e = ROUNDDOWN(paddr_x(ram->bank[i].start) + ram->bank[i].size,
                               (uint64_t)PAGE_SIZE);

        if ( e > paddr_x(limit) )
            e = paddr_x(limit);
        if ( s >= e )
            continue;

        /* Insert sorted by address. */
        for ( j = nr_groups; j > 0 && groups[j - 1].mfn > (s >> PAGE_SHIFT);
              j-- )
            groups[j] = groups[j - 1];
        groups[j].mfn = s >> PAGE_SHIFT;
        groups[j].nr = (e - s) >> PAGE_SHIFT;
        nr_groups++;
    }

    /* Merge groups that touch or overlap. */
    for ( i = 0, j = 0; i < nr_groups; i++ )
    {
        if ( j && groups[i].mfn <= groups[j - 1].mfn + groups[j - 1].nr )
        {
            unsigned long end = max(groups[j - 1].mfn + groups[j - 1].nr,
                                    groups[i].mfn + groups[i].nr);

            groups[j - 1].nr = end - groups[j - 1].mfn;
            continue;
        }
        groups[j++] = groups[i];
    }
    nr_groups = j;

    for ( i = 0; i < nr_groups; i++ )
    {
        groups[i].pdx = max_pdx;
        max_pdx += groups[i].nr;
    }

    return max_pdx;
}

static const struct pdx_group *group_of_mfn(unsigned long mfn)
{
    unsigned int lo = 0, hi = nr_groups;

    while ( lo < hi )
    {
        unsigned int mid = (lo + hi) / 2;
        const struct pdx_group *g = &groups[mid];

        if ( mfn < g->mfn )
            hi = mid;
        else if ( mfn - g->mfn >= g->nr )
            lo = mid + 1;
        else
            return g;
    }

    return NULL;
}

bool mfn_valid(mfn_t mfn)
{
    return group_of_mfn(mfn_x(mfn)) != NULL;
}

unsigned long mfn_to_pdx(mfn_t mfn)
{
    const struct pdx_group *g = group_of_mfn(mfn_x(mfn));

    ASSERT(g);

    return g->pdx + (mfn_x(mfn) - g->mfn);
}

mfn_t pdx_to_mfn(unsigned long pdx)
{
    unsigned int lo = 0, hi = nr_groups;

    ASSERT(pdx < max_pdx);

    while ( hi - lo > 1 )
    {
        unsigned int mid = (lo + hi) / 2;

        if ( pdx < groups[mid].pdx )
            hi = mid;
        else
            lo = mid;
    }

    return _mfn(groups[lo].mfn + (pdx - groups[lo].pdx));
}

unsigned int pdx_nr_groups(void)
{
    return nr_groups;
}
