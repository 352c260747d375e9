/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the FDT writer (common/device-tree/fdt-write.c): what it
 * writes reads back with the FDT reader, and it never writes past the
 * buffer it is given (exact-size allocations, ASan).
 */
#include <stdlib.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/fdt-write.h>
#include <xen/fdt.h>
#include "harness.h"

static struct fdt_writer w;

static int write_sample(void *buf, size_t size)
{
    static const char *const compat[] = { "xen,xen-4.17", "xen,xen" };
    uint64_t reg[] = { 0x38000000, 0x1000000, 0x200000000ULL, 0x40000000 };
    uint64_t irq[] = { 1, 31, 0xf08 };
    uint32_t irq_cells[] = { 1, 1, 1 };

    fdt_write_begin(&w, buf, size);
    fdt_write_node(&w, "");
    fdt_write_prop_u32(&w, "#address-cells", 2);
    fdt_write_prop_u32(&w, "#size-cells", 2);
    fdt_write_node(&w, "chosen");
    fdt_write_prop_string(&w, "bootargs", "console=hvc0");
    fdt_write_prop_u64(&w, "linux,initrd-start", 0x48000000);
    fdt_write_end_node(&w);
    fdt_write_node(&w, "hypervisor");
    fdt_write_prop_strings(&w, "compatible", compat, 2);
    fdt_write_prop_reg(&w, 2, 2, reg, 2);
    fdt_write_prop_cells(&w, "interrupts", irq, irq_cells, 3);
    fdt_write_prop_empty(&w, "dma-coherent");
    fdt_write_end_node(&w);
    fdt_write_end_node(&w);

    return fdt_write_finish(&w);
}

TEST(round_trip)
{
    uint8_t *buf = malloc(4096);
    struct fdt fdt;
    uint64_t a, s;
    uint32_t len;
    const void *p;
    int size, node;

    size = write_sample(buf, 4096);
    CHECK(size > 0);
    CHECK_EQ(fdt_open(&fdt, buf, size, NULL), 0);

    node = fdt_path(&fdt, "/chosen", 7);
    CHECK_STR(fdt_getprop_string(&fdt, node, "bootargs"), "console=hvc0");
    p = fdt_getprop(&fdt, node, "linux,initrd-start", &len);
    CHECK(p && len == 8 && fdt_be64(p) == 0x48000000);

    node = fdt_path(&fdt, "/hypervisor", 11);
    CHECK(fdt_node_is_compatible(&fdt, node, "xen,xen-4.17"));
    CHECK(fdt_node_is_compatible(&fdt, node, "xen,xen"));
    CHECK_EQ(fdt_get_reg(&fdt, node, 0, &a, &s), 0);
    CHECK(a == 0x38000000 && s == 0x1000000);
    CHECK_EQ(fdt_get_reg(&fdt, node, 1, &a, &s), 0);
    CHECK(a == 0x200000000ULL && s == 0x40000000);
    p = fdt_getprop(&fdt, node, "interrupts", &len);
    CHECK(p && len == 12 && fdt_be32((const uint8_t *)p + 4) == 31);
    p = fdt_getprop(&fdt, node, "dma-coherent", &len);
    CHECK(p && len == 0);
    free(buf);
}

TEST(too_small_at_every_size)
{
    uint8_t *full = malloc(4096);
    int need = write_sample(full, 4096), size;
    unsigned int fits = 0;

    CHECK(need > 0);
    for ( size = 0; size < need; size++ )
    {
        uint8_t *buf = malloc(size ? size : 1);

        fits += write_sample(buf, size) >= 0;
        free(buf);
    }
    CHECK_EQ(fits, 0);
    {
        uint8_t *buf = malloc(need);

        CHECK_EQ(write_sample(buf, need), need);
        CHECK(!memcmp(buf, full, need));
        free(buf);
    }
    free(full);
}

TEST(unbalanced_trees_are_refused)
{
    uint8_t buf[512];

    fdt_write_begin(&w, buf, sizeof(buf));
    fdt_write_node(&w, "");
    fdt_write_node(&w, "a");
    fdt_write_end_node(&w);
    CHECK_EQ(fdt_write_finish(&w), -EINVAL);

    fdt_write_begin(&w, buf, sizeof(buf));
    fdt_write_prop_u32(&w, "x", 1);
    CHECK_EQ(fdt_write_finish(&w), -EINVAL);

    fdt_write_begin(&w, buf, sizeof(buf));
    fdt_write_node(&w, "");
    fdt_write_end_node(&w);
    fdt_write_node(&w, "");
    fdt_write_end_node(&w);
    CHECK_EQ(fdt_write_finish(&w), -EINVAL);

    fdt_write_begin(&w, buf, sizeof(buf));
    fdt_write_end_node(&w);
    CHECK_EQ(fdt_write_finish(&w), -EINVAL);
}

TEST(property_names_are_shared)
{
    uint8_t buf[2048];
    struct fdt fdt;
    int size, i;

    fdt_write_begin(&w, buf, sizeof(buf));
    fdt_write_node(&w, "");
    for ( i = 0; i < 20; i++ )
    {
        char name[8];

        xen_snprintf(name, sizeof(name), "n%d", i);
        fdt_write_node(&w, name);
        fdt_write_prop_u32(&w, "reg", i);
        fdt_write_end_node(&w);
    }
    fdt_write_end_node(&w);
    size = fdt_write_finish(&w);
    CHECK(size > 0);
    CHECK_EQ(w.strings_len, 4);     /* "reg\0" once */
    CHECK_EQ(fdt_open(&fdt, buf, size, NULL), 0);
    CHECK_EQ(fdt_getprop_u32(&fdt, fdt_path(&fdt, "/n7", 3), "reg", 0), 7);
}

HARNESS_MAIN("fdt-write")
