/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Allocator benchmark, on the host build of the memory core (the same
 * xen/common sources the hypervisor runs, against the unit-test harness, built
 * with -O2 and no sanitizers):
 *
 *   - order-0 alloc + free pairs per second (domheap, owned by a domain,
 *     so accounting and the page list are part of the cost), with the
 *     heap nearly empty and nearly full
 *   - time to acquire a static bank for its domain, per GiB
 *   - time to build the frame table and heap for the RAM given
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xen/bootinfo.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include <xen/static-memory.h>
#include "harness.h"

#define RAM_BASE   0x100000000ULL
#define RAM_SIZE   (GB(2) + MB(64))
#define STATIC_GIB 1

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double pairs_per_second(struct domain *d, unsigned long pairs)
{
    double t0 = now();
    unsigned long i;

    for ( i = 0; i < pairs; i++ )
    {
        struct page_info *pg = alloc_domheap_pages(d, 0, MEMF_no_scrub);

        if ( !pg )
            abort();
        put_page_alloc_ref(pg);
    }

    return pairs / (now() - t0);
}

int main(int argc, char **argv)
{
    unsigned long pairs = argc > 1 ? strtoul(argv[1], NULL, 0) : 2000000;
    struct domain *d = calloc(1, sizeof(*d)), *sd = calloc(1, sizeof(*sd));
    struct static_pool *pool;
    struct page_info **held;
    unsigned long nheld, i;
    double t0, setup, acquire, release, empty, full;

    harness_ram_add(RAM_BASE, RAM_SIZE);
    bootinfo_add_bank(&bootinfo.mem, RAM_BASE, RAM_SIZE, "ram");
    bootinfo.xen_image.start = _paddr(RAM_BASE);
    bootinfo.xen_image.size = MB(2);
    strcpy(bootinfo.static_owners[0].path, "/chosen/bench");
    bootinfo.nr_static_owners = 1;
    bootinfo.static_banks[0].start = _paddr(RAM_BASE + GB(1));
    bootinfo.static_banks[0].size = GB(STATIC_GIB);
    bootinfo.nr_static_banks = 1;

    t0 = now();
    setup_mm(&bootinfo);
    setup = now() - t0;

    domain_init_memory(d, 1, ~0UL);
    empty = pairs_per_second(d, pairs);

    /* Fill the heap to within a few pages, then measure again. */
    nheld = heap_free_pages() - 64;
    held = malloc(nheld * sizeof(*held));
    for ( i = 0; i < nheld; i++ )
        held[i] = alloc_domheap_pages(NULL, 0, 0);
    full = pairs_per_second(d, pairs);
    for ( i = 0; i < nheld; i++ )
        free_domheap_pages(held[i], 0);

    pool = static_pool_of_owner(0); /* the only owner */
    domain_init_memory(sd, 2, ~0UL);
    sd->static_pool = pool;
    t0 = now();
    if ( acquire_static_pages(sd, pool->nr_pages, 0) )
        abort();
    acquire = (now() - t0) / STATIC_GIB;
    t0 = now();
    while ( !page_list_empty(&sd->page_list) )
        put_page_alloc_ref(page_list_first(&sd->page_list));
    release = (now() - t0) / STATIC_GIB;

    printf("Memory core benchmark (host build, %s RAM, -O2)\n", "2 GiB + 64 MiB");
    printf("  %-46s %12.0f\n", "order-0 alloc+free pairs/s, most RAM free", empty);
    printf("  %-46s %12.0f\n", "order-0 alloc+free pairs/s, 64 pages free", full);
    printf("  %-46s %12.1f ms\n", "static bank acquire, per GiB", acquire * 1e3);
    printf("  %-46s %12.1f ms\n", "static bank release (scrub included), per GiB", release * 1e3);
    printf("  %-46s %12.1f ms\n", "frame table + heap set-up for all RAM", setup * 1e3);

    return 0;
}
