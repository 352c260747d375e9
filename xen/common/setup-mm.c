/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * From struct bootinfo to a working heap, one boot-log line per decision:
 *
 *   1. refuse domains whose static memory is bad (static_memory_check)
 *   2. number the RAM frames (pdx) up to what the hypervisor can map
 *   3. boot allocator = RAM, or the static heap, minus everything that
 *      must never be handed out: the hypervisor image, the device tree,
 *      boot modules, reserved regions, accepted static banks, and what
 *      the architecture keeps (arch_reserve_boot_memory)
 *   4. the frame table, from the boot allocator
 *   5. static pools, then the rest of the boot allocator to the heap
 */
#include <xen/arch-hooks.h>
#include <xen/bootinfo.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/setup.h>
#include <xen/static-memory.h>
#include <asm/page.h>

/* Below this much free heap after the frame table, the boot cannot go on. */
#define MIN_HEAP_BYTES MB(4)

static void __init remove_bank(const struct membank *b)
{
    if ( b->size )
        bootmem_remove_range(b->start, paddr_add(b->start, b->size));
}

/* Add [s, s + size) clipped to the RAM the hypervisor can map. */
static void __init add_clipped(const struct membanks *ram, uint64_t s,
                               uint64_t size)
{
    unsigned int i;

    for ( i = 0; i < ram->nr; i++ )
    {
        uint64_t bs = paddr_x(ram->bank[i].start);
        uint64_t be = bs + ram->bank[i].size;
        uint64_t lo = max(bs, s), hi = min(be, s + size);

        hi = min(hi, (uint64_t)DIRECTMAP_LIMIT);
        if ( lo < hi )
            bootmem_add_range(_paddr(lo), _paddr(hi));
    }
}

void __init setup_mm(struct bootinfo *bi)
{
    unsigned long nr_frames, ft_pages, i;
    uint64_t above = 0, usable;
    bool static_heap = bi->static_heap.nr != 0;
    mfn_t ft;
    char sz[24], sz2[24];

    if ( IS_ENABLED(CONFIG_STATIC_MEMORY) )
        static_memory_check(bi);

    nr_frames = pdx_init(&bi->mem, _paddr(DIRECTMAP_LIMIT));
    if ( !nr_frames )
        panic("No usable RAM below 0x%llx",
              (unsigned long long)DIRECTMAP_LIMIT);
    for ( i = 0; i < bi->mem.nr; i++ )
    {
        uint64_t s = paddr_x(bi->mem.bank[i].start);
        uint64_t e = s + bi->mem.bank[i].size;

        if ( e > DIRECTMAP_LIMIT )
            above += e - max(s, (uint64_t)DIRECTMAP_LIMIT);
    }
    if ( above )
        printk(XENLOG_WARNING "RAM above 0x%llx is not used yet (%s)\n",
               (unsigned long long)DIRECTMAP_LIMIT,
               format_size(sz, sizeof(sz), above));

    if ( static_heap )
        for ( i = 0; i < bi->static_heap.nr; i++ )
            add_clipped(&bi->mem, paddr_x(bi->static_heap.bank[i].start),
                        bi->static_heap.bank[i].size);
    else
        for ( i = 0; i < bi->mem.nr; i++ )
            add_clipped(&bi->mem, paddr_x(bi->mem.bank[i].start),
                        bi->mem.bank[i].size);

    remove_bank(&bi->xen_image);
    remove_bank(&bi->fdt);
    for ( i = 0; i < bi->nr_mods; i++ )
    {
        struct membank m = { bi->mods[i].start, bi->mods[i].size };

        remove_bank(&m);
    }
    for ( i = 0; i < bi->reserved.nr; i++ )
        remove_bank(&bi->reserved.bank[i]);
    for ( i = 0; i < bi->nr_static_banks; i++ )
        if ( !bi->static_owners[bi->static_banks[i].owner].refused )
        {
            struct membank b = { bi->static_banks[i].start,
                                 bi->static_banks[i].size };

            remove_bank(&b);
        }
    arch_reserve_boot_memory();

    usable = bootmem_free_bytes();
    ft_pages = DIV_ROUND_UP(nr_frames * sizeof(struct page_info),
                            (unsigned long)PAGE_SIZE);
    if ( usable < ((uint64_t)ft_pages << PAGE_SHIFT) + MIN_HEAP_BYTES )
        panic(
            "%s leaves %s usable; the frame table needs %s and the heap at least %s more",
            static_heap ? "xen,static-heap" : "RAM",
            format_size(sz, sizeof(sz), usable),
            format_size(sz2, sizeof(sz2), (uint64_t)ft_pages << PAGE_SHIFT),
            "4 MiB");

    ft = alloc_boot_pages(ft_pages, 1);
    if ( mfn_eq(ft, INVALID_MFN) )
        panic("No contiguous %s for the frame table",
              format_size(sz, sizeof(sz), (uint64_t)ft_pages << PAGE_SHIFT));
    frame_table = maddr_to_virt(mfn_to_maddr(ft));
    /* Every frame starts in use, unowned: nothing is free until freed. */
    memset(frame_table, 0, nr_frames * sizeof(struct page_info));
    for ( i = 0; i < nr_frames; i++ )
        frame_table[i].list.next = frame_table[i].list.prev = PAGE_LIST_NULL;

    printk("Frame table: %lu frames in %u range%s, %s at 0x%llx\n", nr_frames,
           pdx_nr_groups(), pdx_nr_groups() == 1 ? "" : "s",
           format_size(sz, sizeof(sz), (uint64_t)ft_pages << PAGE_SHIFT),
           (unsigned long long)paddr_x(mfn_to_maddr(ft)));

    static_memory_init(bi);

    if ( static_heap )
        for ( i = 0; i < bi->static_heap.nr; i++ )
            printk("Static heap: 0x%016llx-0x%016llx (%s)\n",
                   (unsigned long long)paddr_x(bi->static_heap.bank[i].start),
                   (unsigned long long)(paddr_x(bi->static_heap.bank[i].start) +
                                        bi->static_heap.bank[i].size - 1),
                   format_size(sz, sizeof(sz), bi->static_heap.bank[i].size));

    i = bootmem_nr_ranges();
    end_boot_allocator();
    printk(
        "Heap: %s free (%lu pages) in %lu range%s%s\n",
        format_size(sz, sizeof(sz), (uint64_t)heap_free_pages() << PAGE_SHIFT),
        heap_free_pages(), i, i == 1 ? "" : "s",
        static_heap ? ", from the static heap only" : "");
}
