/* SPDX-License-Identifier: GPL-2.0-only */
/* The memory-core test machine (see mm-fixture.h). */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include "harness.h"
#include "mm-fixture.h"

/* Xen image, DT, one module, one reserved region: all in bank 0. */
void layout(void)
{
    struct bootinfo *bi = &bootinfo;

    memset(bi, 0, sizeof(*bi));
    harness_ram_add(BANK0, MB(32));
    harness_ram_add(BANK1, MB(16));
    bootinfo_add_bank(&bi->mem, BANK1, MB(16), "ram");
    bootinfo_add_bank(&bi->mem, BANK0, MB(32), "ram");
    bi->xen_image.start = _paddr(BANK0);
    bi->xen_image.size = MB(1);
    bi->fdt.start = _paddr(BANK0 + MB(1));
    bi->fdt.size = KB(64);
    bootinfo_add_module(bi, BOOTMOD_KERNEL, BANK0 + MB(2), KB(256), NULL);
    bootinfo_add_bank(&bi->reserved, BANK0 + MB(30), MB(1), "reserved");
}

struct domain *new_domain(uint16_t id, unsigned long max_pages)
{
    struct domain *d = calloc(1, sizeof(*d));

    domain_init_memory(d, id, max_pages);
    return d;
}

/* Drop every page's allocation reference, as teardown does. */
void release_all(struct domain *d)
{
    struct page_info *pg;

    while ( (pg = page_list_first(&d->page_list)) != NULL )
        put_page_alloc_ref(pg);
}

