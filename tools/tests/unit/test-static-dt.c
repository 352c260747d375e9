/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the static-memory bindings (common/device-tree/
 * static-mem.c). Built twice: with CONFIG_STATIC_MEMORY (test-static-dt)
 * and without (test-static-off), where asking for static memory must be
 * refused with a clear line instead of being ignored.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/fdt.h>
#include "harness.h"

static struct bootinfo *scan(void)
{
    size_t size;
    uint8_t *blob = harness_read_file("build/static.dtb", &size);
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    struct fdt fdt;

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_static(bi, &fdt);
    return bi;
}

#ifdef CONFIG_STATIC_MEMORY

TEST(banks_with_chosen_cells)
{
    struct bootinfo *bi = scan();

    CHECK_EQ(bi->nr_static_owners, 2);
    CHECK_STR(bi->static_owners[0].path, "/chosen/domU1");
    CHECK(!bi->static_owners[0].refused);
    CHECK_EQ(bi->nr_static_banks, 2);
    CHECK_EQ(paddr_x(bi->static_banks[0].start), 0x60000000);
    CHECK_EQ(bi->static_banks[0].size, 0x10000000);
    CHECK_EQ(paddr_x(bi->static_banks[1].start), 0x70000000);
    CHECK_EQ(bi->static_banks[1].size, 0x200000);
    CHECK_EQ(bi->static_banks[1].owner, 0);
}

TEST(malformed_static_mem_refuses_the_domain)
{
    struct bootinfo *bi = scan();

    CHECK_STR(bi->static_owners[1].path, "/chosen/domU2");
    CHECK(bi->static_owners[1].refused);
    CHECK(harness_log_contains("DT: /chosen/domU2: xen,static-mem is malformed (12 bytes, 1+1 cells per bank); domain refused"));
}

TEST(static_heap_with_root_cells)
{
    struct bootinfo *bi = scan();

    CHECK_EQ(bi->static_heap.nr, 2);
    CHECK_EQ(paddr_x(bi->static_heap.bank[0].start), 0x50000000);
    CHECK_EQ(bi->static_heap.bank[0].size, 0x8000000);
    CHECK_EQ(paddr_x(bi->static_heap.bank[1].start), 0x100000000ULL);
}

HARNESS_MAIN("static-dt")

#else

TEST(static_mem_refused_without_support)
{
    struct bootinfo *bi = scan();

    CHECK_EQ(bi->nr_static_owners, 2);
    CHECK(bi->static_owners[0].refused);
    CHECK(bi->static_owners[1].refused);
    CHECK_EQ(bi->nr_static_banks, 0);
    CHECK(harness_log_contains("DT: /chosen/domU1: xen,static-mem needs static memory support (CONFIG_STATIC_MEMORY), which this build lacks; domain refused"));
}

TEST(static_heap_ignored_without_support)
{
    struct bootinfo *bi = scan();

    CHECK_EQ(bi->static_heap.nr, 0);
    CHECK(harness_log_contains("DT: /chosen: xen,static-heap needs static memory support (CONFIG_STATIC_MEMORY), which this build lacks; ignored"));
}

HARNESS_MAIN("static-off")

#endif
