/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boot allocator: a short list of free machine ranges, used before
 * the heap exists (the frame table comes from here). Ranges are page
 * aligned inward when added; anything removed (the hypervisor image, the
 * device tree, boot modules, reserved and static memory) is never handed
 * out. end_boot_allocator() passes what is left to the buddy heap.
 */
#include <xen/lib.h>
#include <xen/mm.h>

#define MAX_BOOTMEM_RANGES                                                     \
    (2 * CONFIG_NR_MEM_BANKS + 2 * CONFIG_NR_BOOT_MODULES + 16)

struct bootmem_range {
    uint64_t start, end; /* [start, end), page aligned */
};

static struct bootmem_range ranges[MAX_BOOTMEM_RANGES];
static unsigned int nr_ranges;
static bool boot_allocator_done;

static void insert_range(unsigned int at, uint64_t start, uint64_t end)
{
    if ( nr_ranges == MAX_BOOTMEM_RANGES )
    {
        printk(
            XENLOG_WARNING
            "Boot allocator: more than %u free ranges; 0x%llx-0x%llx left unused\n",
            MAX_BOOTMEM_RANGES, (unsigned long long)start,
            (unsigned long long)end - 1);
        return;
    }

    memmove(&ranges[at + 1], &ranges[at], (nr_ranges - at) * sizeof(ranges[0]));
    ranges[at].start = start;
    ranges[at].end = end;
    nr_ranges++;
}

void bootmem_add_range(paddr_t pstart, paddr_t pend)
{
    uint64_t start = ROUNDUP(paddr_x(pstart), (uint64_t)PAGE_SIZE);
    uint64_t end = ROUNDDOWN(paddr_x(pend), (uint64_t)PAGE_SIZE);
    unsigned int i;

    ASSERT(!boot_allocator_done);
    if ( start >= end )
        return;

    /* Keep the list sorted and disjoint: drop what is already there. */
    bootmem_remove_range(_paddr(start), _paddr(end));

    for ( i = 0; i < nr_ranges && ranges[i].start < start; i++ )
        ;
    insert_range(i, start, end);

    /* Coalesce with neighbours that now touch. */
    for ( i = 0; i + 1 < nr_ranges; )
        if ( ranges[i].end == ranges[i + 1].start )
        {
            ranges[i].end = ranges[i + 1].end;
            memmove(&ranges[i + 1], &ranges[i + 2],
                    (nr_ranges - i - 2) * sizeof(ranges[0]));
            nr_ranges--;
        }
        else
            i++;
}

void bootmem_remove_range(paddr_t pstart, paddr_t pend)
{
    /* Outward: a partly covered page is not free. */
    uint64_t start = ROUNDDOWN(paddr_x(pstart), (uint64_t)PAGE_SIZE);
    uint64_t end = ROUNDUP(paddr_x(pend), (uint64_t)PAGE_SIZE);
    unsigned int i;

    ASSERT(!boot_allocator_done);
    if ( start >= end )
        return;

    for ( i = 0; i < nr_ranges; )
    {
        struct bootmem_range *r = &ranges[i];

        if ( r->end <= start || r->start >= end )
        {
            i++;
            continue;
        }

        if ( r->start < start && r->end > end )
        {
            /* Split in two. */
            uint64_t tail = r->end;

            r->end = start;
            insert_range(i + 1, end, tail);
            return;
        }

        if ( r->start < start )
            r->end = start;
        else if ( r->end > end )
            r->start = end;
        else
        {
            memmove(&ranges[i], &ranges[i + 1],
                    (nr_ranges - i - 1) * sizeof(ranges[0]));
            nr_ranges--;
            continue;
        }
        i++;
    }
}

uint64_t bootmem_free_bytes(void)
{
    uint64_t total = 0;
    unsigned int i;

    for ( i = 0; i < nr_ranges; i++ )
        total += ranges[i].end - ranges[i].start;

    return total;
}

unsigned int bootmem_nr_ranges(void)
{
    return nr_ranges;
}

/*
 * nr_pfns frames aligned to pfn_align frames, from the top of the highest
 * range that has room. Returns INVALID_MFN if none has.
 */
mfn_t alloc_boot_pages(unsigned long nr_pfns, unsigned long pfn_align)
{
    uint64_t size = (uint64_t)nr_pfns << PAGE_SHIFT;
    uint64_t align = (uint64_t)(pfn_align ? pfn_align : 1) << PAGE_SHIFT;
    unsigned int i;

    ASSERT(!boot_allocator_done);

    for ( i = nr_ranges; i-- > 0; )
    {
        struct bootmem_range *r = &ranges[i];
        uint64_t start;

        if ( r->end - r->start < size )
            continue;
        start = ROUNDDOWN(r->end - size, align);
        if ( start < r->start )
            continue;

        bootmem_remove_range(_paddr(start), _paddr(start + size));
        return _mfn(start >> PAGE_SHIFT);
    }

    return INVALID_MFN;
}

void end_boot_allocator(void)
{
    unsigned int i;

    ASSERT(!boot_allocator_done);

    for ( i = 0; i < nr_ranges; i++ )
    {
        unsigned long first = ranges[i].start >> PAGE_SHIFT;
        unsigned long nr = (ranges[i].end - ranges[i].start) >> PAGE_SHIFT;

        init_heap_pages(mfn_to_page(_mfn(first)), nr);
    }

    nr_ranges = 0;
    boot_allocator_done = true;
}
