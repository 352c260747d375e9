/* SPDX-License-Identifier: GPL-2.0-only */
/* Host tests of boot-information recording and checks (common/bootinfo.c). */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/errno.h>
#include "harness.h"

static struct bootinfo *fresh(void)
{
    struct bootinfo *bi = calloc(1, sizeof(*bi));

    bootinfo_add_bank(&bi->mem, 0x40000000, 0x40000000, "ram0");
    bootinfo_add_bank(&bi->mem, 0x100000000ULL, 0x10000000, "ram1");
    bi->xen_image.start = _paddr(0x40200000);
    bi->xen_image.size = 0x40000;
    bi->fdt.start = _paddr(0x48000000);
    bi->fdt.size = 0x100000;
    harness_log_clear();

    return bi;
}

TEST(add_bank_rejects_bad_ranges)
{
    struct bootinfo *bi = fresh();
    unsigned int i;

    CHECK_EQ(bootinfo_add_bank(&bi->reserved, 0x1000, 0, "zero"), -EINVAL);
    CHECK(harness_log_contains("zero: bad range 0x1000 + 0x0; ignored"));
    CHECK_EQ(bootinfo_add_bank(&bi->reserved, ~0ULL - 10, 100, "wrap"),
             -EINVAL);
    CHECK_EQ(bi->reserved.nr, 0);

    for ( i = 0; i < CONFIG_NR_MEM_BANKS; i++ )
        CHECK_EQ(bootinfo_add_bank(&bi->reserved, i * 0x1000, 0x1000, "r"), 0);
    CHECK_EQ(bootinfo_add_bank(&bi->reserved, 0x100000, 0x1000, "r"), -ENOSPC);
    CHECK_EQ(bi->reserved.nr, CONFIG_NR_MEM_BANKS);
    free(bi);
}

TEST(add_module_limits)
{
    struct bootinfo *bi = fresh();
    unsigned int i;

    CHECK(bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x50000000, 0, NULL) == NULL);
    for ( i = 0; i < CONFIG_NR_BOOT_MODULES; i++ )
        CHECK(bootinfo_add_module(bi, BOOTMOD_UNKNOWN, 0x50000000 + i * 0x10000,
                                  0x1000, NULL) != NULL);
    CHECK(bootinfo_add_module(bi, BOOTMOD_UNKNOWN, 0x60000000, 0x1000, NULL) ==
          NULL);
    CHECK(harness_log_contains("More than 12 boot modules; the one at 0x60000000 is ignored"));
    CHECK_EQ(bi->nr_mods, CONFIG_NR_BOOT_MODULES);
    free(bi);
}

TEST(modules_in_order_pass)
{
    struct bootinfo *bi = fresh();

    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x50000000, 0x200000, "a");
    bootinfo_add_module(bi, BOOTMOD_RAMDISK, 0x50200000, 0x1000, NULL);
    /* Ends exactly at the end of RAM bank 0. */
    bootinfo_add_module(bi, BOOTMOD_DTB, 0x7ffff000, 0x1000, NULL);
    bootinfo_add_module(bi, BOOTMOD_UNKNOWN, 0x100000000ULL, 0x10000000, NULL);
    CHECK_EQ(bootinfo_check_modules(bi), 0);
    CHECK_STR(harness_log(), "");
    free(bi);
}

TEST(modules_problems_reported)
{
    struct bootinfo *bi = fresh();

    /* Over the device tree (what QEMU does to a module at RAM + 128 MiB). */
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x48000000, 0x1000, NULL);
    /* Inside the hypervisor image. */
    bootinfo_add_module(bi, BOOTMOD_RAMDISK, 0x40210000, 0x1000, NULL);
    /* Straddles the end of RAM bank 0. */
    bootinfo_add_module(bi, BOOTMOD_UNKNOWN, 0x7ffff000, 0x2000, NULL);
    /* Overlaps the module before it, and is outside RAM. */
    bootinfo_add_module(bi, BOOTMOD_UNKNOWN, 0x80000000, 0x1000, NULL);

    CHECK_EQ(bootinfo_check_modules(bi), 5);
    CHECK(harness_log_contains("Boot module 0 (kernel) at 0x48000000-0x48000fff overlaps the device tree at 0x48000000-0x480fffff; it will not be used"));
    CHECK(harness_log_contains("Boot module 1 (ramdisk) at 0x40210000-0x40210fff overlaps the hypervisor image at 0x40200000-0x4023ffff; it will not be used"));
    CHECK(harness_log_contains("Boot module 2 (module) at 0x7ffff000-0x80000fff is not inside a RAM bank; it will not be used"));
    CHECK(harness_log_contains("Boot module 3 (module) at 0x80000000-0x80000fff is not inside a RAM bank; it will not be used"));
    CHECK(harness_log_contains("Boot module 3 (module) at 0x80000000-0x80000fff overlaps another boot module at 0x7ffff000-0x80000fff; it will not be used"));
    CHECK_STR(bi->mods[0].problem, "overlaps the device tree");
    CHECK_STR(bi->mods[1].problem, "overlaps the hypervisor image");
    CHECK_STR(bi->mods[2].problem, "is not inside a RAM bank");
    CHECK_STR(bi->mods[3].problem, "is not inside a RAM bank");
    free(bi);
}

TEST(modules_outside_ram_or_over_reserved_memory_are_unusable)
{
    struct bootinfo *bi = fresh();

    bootinfo_add_bank(&bi->reserved, 0x50000000, 0x100000, "rsv");
    /* Device MMIO below RAM (a UART, say). */
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x09000000, 0x1000, NULL);
    /* Between the two RAM banks. */
    bootinfo_add_module(bi, BOOTMOD_RAMDISK, 0x90000000, 0x1000, NULL);
    /* Wraps around the address space. */
    bi->mods[bi->nr_mods] = bi->mods[0];
    bi->mods[bi->nr_mods].start = _paddr(~0ULL - 0xfff);
    bi->mods[bi->nr_mods++].size = 0x2000;
    /* Over reserved memory. */
    bootinfo_add_module(bi, BOOTMOD_DTB, 0x500ff000, 0x2000, NULL);
    /* A good one. */
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x60000000, 0x1000, NULL);

    CHECK_EQ(bootinfo_check_modules(bi), 4);
    CHECK_STR(bi->mods[0].problem, "is not inside a RAM bank");
    CHECK_STR(bi->mods[1].problem, "is not inside a RAM bank");
    CHECK_STR(bi->mods[2].problem, "is not inside a RAM bank");
    CHECK_STR(bi->mods[3].problem, "overlaps reserved memory");
    CHECK(harness_log_contains("Boot module 3 (device-tree) at 0x500ff000-0x50100fff overlaps reserved memory at 0x50000000-0x500fffff; it will not be used"));
    CHECK(bi->mods[4].problem == NULL);
    free(bi);
}

TEST(modules_checked_once_and_again_when_added)
{
    struct bootinfo *bi = fresh();

    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x60000000, 0x1000, NULL);
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x09000000, 0x1000, NULL);
    CHECK_EQ(bootinfo_check_modules(bi), 1);

    /* Modules found later (x86: in a device-tree module) are checked too. */
    harness_log_clear();
    bootinfo_add_module(bi, BOOTMOD_RAMDISK, 0x60000800, 0x1000, NULL);
    CHECK_EQ(bootinfo_check_modules(bi), 1);
    CHECK(!harness_log_contains("Boot module 1"));
    CHECK(harness_log_contains("Boot module 2 (ramdisk) at 0x60000800-0x600017ff overlaps another boot module at 0x60000000-0x60000fff"));
    /* Both of the pair are unusable: neither can be trusted. */
    CHECK_STR(bi->mods[0].problem, "overlaps another boot module");
    CHECK_STR(bi->mods[2].problem, "overlaps another boot module");
    CHECK_EQ(bootinfo_check_modules(bi), 0);
    free(bi);
}

TEST(module_given_twice_is_shared)
{
    struct bootinfo *bi = fresh();

    /* Two domains naming the same kernel: not an overlap. */
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x60000000, 0x1000, NULL);
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x60000000, 0x1000, NULL);
    /* The same place as another kind, or another size: an overlap. */
    bootinfo_add_module(bi, BOOTMOD_RAMDISK, 0x60000000, 0x1000, NULL);
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x61000000, 0x1000, NULL);
    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x61000000, 0x2000, NULL);
    CHECK_EQ(bootinfo_check_modules(bi), 3);
    CHECK(bi->mods[0].problem && bi->mods[1].problem && bi->mods[2].problem);
    CHECK(bi->mods[3].problem && bi->mods[4].problem);

    bi->nr_mods = 2;
    bi->mods[0].problem = bi->mods[1].problem = NULL;
    bi->mods[0].checked = bi->mods[1].checked = false;
    CHECK_EQ(bootinfo_check_modules(bi), 0);
    free(bi);
}

TEST(print_format)
{
    struct bootinfo *bi = fresh();

    bootinfo_add_module(bi, BOOTMOD_KERNEL, 0x50000000, 0x1800, "x y");
    bootinfo_print(bi);
    CHECK(harness_log_contains("RAM bank 1: 0x0000000100000000-0x000000010fffffff (256 MiB)\n"));
    CHECK(harness_log_contains("RAM: 2 banks, 1280 MiB in all\n"));
    CHECK(harness_log_contains("Reserved regions: none\n"));
    CHECK(harness_log_contains("Boot module 0: kernel at 0x0000000050000000-0x00000000500017ff (6 KiB) cmdline \"x y\"\n"));
    free(bi);
}

/*
 * RAM recorded twice, inside a bank, or bridging two: merged into the
 * banks there, one line each naming both ranges; nothing counted twice.
 */
TEST(add_ram_merges_overlaps)
{
    struct bootinfo *bi = fresh();

    CHECK_EQ(bootinfo_add_ram(&bi->mem, 0x40000000, 0x40000000, "again"), 0);
    CHECK(harness_log_contains("again: RAM 0x40000000-0x7fffffff is listed twice; counted once\n"));
    CHECK_EQ(bootinfo_add_ram(&bi->mem, 0x50000000, 0x1000, "inside"), 0);
    CHECK(harness_log_contains("inside: RAM 0x50000000-0x50000fff overlaps RAM 0x40000000-0x7fffffff; merged into 0x40000000-0x7fffffff\n"));
    CHECK_EQ(bi->mem.nr, 2);

    /* Touching is not overlapping: a bank of its own. */
    CHECK_EQ(bootinfo_add_ram(&bi->mem, 0x80000000, 0x1000, "next"), 0);
    CHECK_EQ(bi->mem.nr, 3);

    /* From inside bank 0 into bank 1: the three become one. */
    harness_log_clear();
    CHECK_EQ(bootinfo_add_ram(&bi->mem, 0x7ffff000, 0x80002000, NULL), 0);
    CHECK_EQ(bi->mem.nr, 1);
    CHECK_EQ(paddr_x(bi->mem.bank[0].start), 0x40000000);
    CHECK_EQ(bi->mem.bank[0].size, 0xd0000000);
    CHECK_STR(harness_log(), "");

    /* Bad ranges as bootinfo_add_bank() has them; new RAM as it adds it. */
    CHECK_EQ(bootinfo_add_ram(&bi->mem, 0x1000, 0, "zero"), -EINVAL);
    CHECK_EQ(bootinfo_add_ram(&bi->mem, 0x200000000ULL, 0x10000000, "new"), 0);
    CHECK_EQ(bi->mem.nr, 2);

    bootinfo_print(bi);
    CHECK(harness_log_contains("RAM: 2 banks, 3584 MiB in all\n"));
    free(bi);
}

/* Reserved memory under the hypervisor or the device tree: said. */
TEST(reserved_over_image_and_device_tree)
{
    struct bootinfo *bi = fresh();

    bootinfo_add_bank(&bi->reserved, 0x40100000, 0x100000, "ok");
    CHECK_EQ(bootinfo_check_reserved(bi), 0);
    bootinfo_add_bank(&bi->reserved, 0x4023f000, 0x2000, "image");
    bootinfo_add_bank(&bi->reserved, 0x47ff0000, 0x10001, "dt");
    CHECK_EQ(bootinfo_check_reserved(bi), 2);
    CHECK(harness_log_contains("Reserved region 0x4023f000-0x40240fff overlaps the hypervisor image at 0x40200000-0x4023ffff; it cannot be honoured\n"));
    CHECK(harness_log_contains("Reserved region 0x47ff0000-0x48000000 overlaps the device tree at 0x48000000-0x480fffff; it cannot be honoured\n"));
    free(bi);
}

HARNESS_MAIN("bootinfo")
