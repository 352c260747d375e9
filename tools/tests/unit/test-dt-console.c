/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of starting the console from /chosen/stdout-path
 * (common/device-tree/console.c): a UART whose 'reg' is 0, empty, wraps,
 * is too small for its registers, overlaps RAM or reserved memory, or
 * does not fit its parent's cell counts is not started, with one line
 * naming the node and the problem; a good one is. Trees are written with
 * the FDT writer: RAM at 0x40000000 (1 GiB), /reserved-memory at
 * 0x8000000 (1 MiB), the UART under /soc.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/fdt-write.h>
#include <xen/fdt.h>
#include <xen/lib.h>
#include "harness.h"

/*
 * The linker script's driver table, which console_dt_init() walks; the
 * tests give console_dt_start() their own.
 */
const struct dt_console_match __console_dt_start[1], __console_dt_end[1];

static unsigned int inits;
static uint64_t init_base, init_size;

static int fake_init(paddr_t base, uint64_t size)
{
    inits++;
    init_base = paddr_x(base);
    init_size = size;

    return 0;
}

static const struct dt_console_match table[] = {
    { .compatible = "test,other-uart", .min_size = 0x8, .init = fake_init },
    { .compatible = "arm,pl011", .min_size = 0x34, .init = fake_init },
};

/*
 * A tree whose UART has the given cell counts under /soc and a 'reg' of
 * nr_cells raw cells (NULL: no 'reg'); scanned into bi like the boot does,
 * then the console started. Returns console_dt_start()'s answer.
 */
static int start_with_reg(uint32_t ac, uint32_t sc, const uint32_t *cells,
                          unsigned int nr_cells)
{
    static const char *const compat[] = { "arm,pl011", "arm,primecell" };
    static const uint64_t ram[] = { 0x40000000, 0x40000000 };
    static const uint64_t firmware[] = { 0x8000000, 0x100000 };
    struct fdt_writer *w = calloc(1, sizeof(*w));
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    uint8_t *buf = malloc(8192);
    uint8_t raw[64];
    struct fdt fdt;
    unsigned int i;
    int size;

    fdt_write_begin(w, buf, 8192);
    fdt_write_node(w, "");
    fdt_write_prop_u32(w, "#address-cells", 2);
    fdt_write_prop_u32(w, "#size-cells", 2);
    fdt_write_node(w, "chosen");
    fdt_write_prop_string(w, "stdout-path", "/soc/uart@9000000:115200n8");
    fdt_write_end_node(w);
    fdt_write_node(w, "memory@40000000");
    fdt_write_prop_string(w, "device_type", "memory");
    fdt_write_prop_reg(w, 2, 2, ram, 1);
    fdt_write_end_node(w);
    fdt_write_node(w, "reserved-memory");
    fdt_write_prop_u32(w, "#address-cells", 2);
    fdt_write_prop_u32(w, "#size-cells", 2);
    fdt_write_node(w, "firmware@8000000");
    fdt_write_prop_reg(w, 2, 2, firmware, 1);
    fdt_write_end_node(w);
    fdt_write_end_node(w);
    fdt_write_node(w, "soc");
    fdt_write_prop_u32(w, "#address-cells", ac);
    fdt_write_prop_u32(w, "#size-cells", sc);
    fdt_write_node(w, "uart@9000000");
    fdt_write_prop_strings(w, "compatible", compat, 2);
    if ( cells )
    {
        for ( i = 0; i < nr_cells; i++ )
        {
            raw[4 * i] = cells[i] >> 24;
            raw[4 * i + 1] = cells[i] >> 16;
            raw[4 * i + 2] = cells[i] >> 8;
            raw[4 * i + 3] = cells[i];
        }
        fdt_write_prop(w, "reg", raw, 4 * nr_cells);
    }
    fdt_write_end_node(w);
    fdt_write_end_node(w);
    fdt_write_end_node(w);
    size = fdt_write_finish(w);
    CHECK(size > 0);
    CHECK_EQ(fdt_open(&fdt, buf, size, NULL), 0);

    bootfdt_scan_memory(bi, &fdt);
    bootfdt_scan_reserved(bi, &fdt);
    CHECK_EQ(bi->mem.nr, 1);
    CHECK_EQ(bi->reserved.nr, 1);
    harness_log_clear();
    inits = 0;

    return console_dt_start(&fdt, bi, table, ARRAY_SIZE(table));
}

#define REG(ac, sc, ...)                                                \
    ({                                                                  \
        static const uint32_t c_[] = { __VA_ARGS__ };                   \
        start_with_reg(ac, sc, c_, ARRAY_SIZE(c_));                     \
    })

/* The UART was refused with this reason, and its driver never ran. */
static void check_refused(int rc, const char *why)
{
    char line[256];

    xen_snprintf(line, sizeof(line),
                 XENLOG_WARNING "DT: /soc/uart@9000000 (stdout-path): bad 'reg': %s; "
                 "console not started\n", why);
    CHECK_EQ(rc, -EINVAL);
    CHECK_EQ(inits, 0);
    CHECK_STR(harness_log(), line);
}

TEST(good_reg_starts_the_driver)
{
    CHECK_EQ(REG(2, 2, 0x0, 0x9000000, 0x0, 0x1000), 0);
    CHECK_EQ(inits, 1);
    CHECK_EQ(init_base, 0x9000000);
    CHECK_EQ(init_size, 0x1000);
    CHECK_STR(harness_log(), "");

    /* One cell each, and just the registers the driver uses. */
    CHECK_EQ(REG(1, 1, 0x9000000, 0x34), 0);
    CHECK_EQ(inits, 1);
}

TEST(address_zero_refused)
{
    check_refused(REG(2, 2, 0x0, 0x0, 0x0, 0x1000), "its address is 0");
    check_refused(REG(2, 2, 0x0, 0x0, 0x0, 0x0), "its address is 0");
}

TEST(size_zero_refused)
{
    check_refused(REG(2, 2, 0x0, 0x9000000, 0x0, 0x0), "its size is 0");
}

TEST(wrong_cells_refused)
{
    static const char why[] =
        "it does not fit its parent's #address-cells and #size-cells";

    /* Two cells where the parent says four; three where it says two. */
    check_refused(REG(2, 2, 0x9000000, 0x1000), why);
    check_refused(REG(1, 1, 0x0, 0x9000000, 0x1000), why);
    /* Cell counts no reg can have. */
    check_refused(REG(3, 1, 0x0, 0x0, 0x9000000, 0x1000), why);
}

TEST(no_reg_refused)
{
    check_refused(start_with_reg(2, 2, NULL, 0), "there is none");
}

TEST(too_small_refused)
{
    check_refused(REG(2, 2, 0x0, 0x9000000, 0x0, 0x10),
                  "its size 0x10 is smaller than the UART's registers "
                  "(0x34)");
    check_refused(REG(2, 2, 0x0, 0x9000000, 0x0, 0x33),
                  "its size 0x33 is smaller than the UART's registers "
                  "(0x34)");
}

TEST(wrapping_refused)
{
    check_refused(REG(2, 2, 0xffffffff, 0xfffff000, 0x0, 0x2000),
                  "it runs past the end of the address space");
}

TEST(ram_and_reserved_refused)
{
    check_refused(REG(2, 2, 0x0, 0x40000000, 0x0, 0x1000),
                  "0x40000000-0x40000fff overlaps RAM at "
                  "0x40000000-0x7fffffff");
    /* Ending one byte into RAM is enough. */
    check_refused(REG(2, 2, 0x0, 0x3ffff000, 0x0, 0x1001),
                  "0x3ffff000-0x40000000 overlaps RAM at "
                  "0x40000000-0x7fffffff");
    check_refused(REG(2, 2, 0x0, 0x8080000, 0x0, 0x1000),
                  "0x8080000-0x8080fff overlaps reserved memory at "
                  "0x8000000-0x80fffff");
    /* Right below RAM is fine. */
    CHECK_EQ(REG(2, 2, 0x0, 0x3ffff000, 0x0, 0x1000), 0);
}

HARNESS_MAIN("dt-console")
