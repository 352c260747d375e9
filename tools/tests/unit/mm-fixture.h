/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A machine for memory-core tests: two RAM banks 6 GiB apart, the
 * hypervisor image, a device tree, a boot module and a reserved region in
 * bank 0; plus helpers to make and empty domains.
 */
#ifndef MM_FIXTURE_H
#define MM_FIXTURE_H

#include <xen/bootinfo.h>
#include <xen/sched.h>

#define BANK0 0x80000000ULL     /* 32 MiB */
#define BANK1 0x200000000ULL    /* 16 MiB, 6 GiB further up */
#define NR_RAM_PAGES ((MB(32) + MB(16)) >> PAGE_SHIFT)
#define FT_PAGES (NR_RAM_PAGES * 32 / PAGE_SIZE)
#define EXCLUDED_PAGES ((MB(1) + KB(64) + KB(256) + MB(1)) >> PAGE_SHIFT)

/* Fill bootinfo with the machine above (setup_mm() not called yet). */
void layout(void);

struct domain *new_domain(uint16_t id, unsigned long max_pages);

/* Drop every page's allocation reference, as teardown does. */
void release_all(struct domain *d);

#endif
