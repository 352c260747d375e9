/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the FDT reader (common/device-tree/fdt.c) and the boot
 * scanner (common/device-tree/bootfdt.c): good trees give the right
 * answers; truncated, corrupt and hostile trees are rejected without a
 * read out of bounds (every blob sits in a malloc() of exactly its size,
 * and the tests run under AddressSanitizer).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include "harness.h"

#define DTB_DIR "build/"

static void *load(const char *name, size_t *size)
{
    char path[256];

    xen_snprintf(path, sizeof(path), DTB_DIR "%s.dtb", name);
    return harness_read_file(path, size);
}

/* An exact-size copy, so that ASan sees any read past the end. */
static uint8_t *copy(const void *blob, size_t size)
{
    uint8_t *p = malloc(size ? size : 1);

    memcpy(p, blob, size);
    return p;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

/* ---- A small FDT writer for hand-made hostile trees ------------------- */

struct builder {
    uint8_t st[16384];
    size_t slen;
    char str[1024];
    size_t strlen_;
    unsigned int nr_rsv;
    uint64_t rsv[80][2];
    bool no_rsv_terminator;
};

static void b_u32(struct builder *b, uint32_t v)
{
    put32(b->st + b->slen, v);
    b->slen += 4;
}

static void b_begin(struct builder *b, const char *name)
{
    size_t n = strlen(name) + 1;

    b_u32(b, FDT_BEGIN_NODE);
    memset(b->st + b->slen, 0, (n + 3) & ~3);
    memcpy(b->st + b->slen, name, n);
    b->slen += (n + 3) & ~3;
}

static void b_end(struct builder *b)
{
    b_u32(b, FDT_END_NODE);
}

static uint32_t b_string(struct builder *b, const char *s)
{
    uint32_t off = b->strlen_;

    memcpy(b->str + off, s, strlen(s) + 1);
    b->strlen_ += strlen(s) + 1;
    return off;
}

static void b_prop(struct builder *b, const char *name, const void *val,
                   uint32_t len)
{
    b_u32(b, FDT_PROP);
    b_u32(b, len);
    b_u32(b, b_string(b, name));
    memset(b->st + b->slen, 0, (len + 3) & ~3);
    memcpy(b->st + b->slen, val, len);
    b->slen += (len + 3) & ~3;
}

/* Lay out header, reservation map, structure and strings blocks. */
static uint8_t *b_finish(struct builder *b, size_t *size)
{
    size_t rsv_bytes = (b->nr_rsv + (b->no_rsv_terminator ? 0 : 1)) * 16;
    size_t off_rsv = 40, off_st = off_rsv + rsv_bytes;
    size_t off_str = off_st + b->slen;
    size_t total = off_str + b->strlen_;
    uint8_t *p = calloc(1, total);
    unsigned int i;

    put32(p + 0, FDT_MAGIC);
    put32(p + 4, total);
    put32(p + 8, off_st);
    put32(p + 12, off_str);
    put32(p + 16, off_rsv);
    put32(p + 20, 17);
    put32(p + 24, 16);
    put32(p + 32, b->strlen_);
    put32(p + 36, b->slen);
    for ( i = 0; i < b->nr_rsv; i++ )
    {
        put32(p + off_rsv + i * 16, b->rsv[i][0] >> 32);
        put32(p + off_rsv + i * 16 + 4, b->rsv[i][0]);
        put32(p + off_rsv + i * 16 + 8, b->rsv[i][1] >> 32);
        put32(p + off_rsv + i * 16 + 12, b->rsv[i][1]);
    }
    memcpy(p + off_st, b->st, b->slen);
    memcpy(p + off_str, b->str, b->strlen_);
    *size = total;

    return p;
}

static struct builder *b_new_minimal(void)
{
    struct builder *b = calloc(1, sizeof(*b));
    uint32_t cells = __builtin_bswap32(1);

    b_begin(b, "");
    b_prop(b, "#address-cells", &cells, 4);
    b_begin(b, "child@0");
    b_prop(b, "compatible", "x,y", 4);
    b_end(b);
    b_end(b);
    b_u32(b, FDT_END);
    return b;
}

static int open_built(struct builder *b, const char **why)
{
    struct fdt fdt;
    size_t size;
    uint8_t *blob = b_finish(b, &size);
    int rc = fdt_open(&fdt, blob, size, why);

    free(blob);
    free(b);
    return rc;
}

/* ---- Walk everything an accepted tree offers --------------------------- */

static void walk_all(const struct fdt *fdt)
{
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    int node = fdt_root(fdt), depth = 0;
    char path[128];
    uint64_t ra, rs;

    while ( node >= 0 )
    {
        struct fdt_prop prop;
        uint64_t a, s;
        uint32_t ac, sc;
        unsigned int i;
        int rc;

        (void)fdt_node_name(fdt, node);
        (void)fdt_node_path(fdt, node, path, sizeof(path));
        (void)fdt_parent(fdt, node);
        (void)fdt_first_child(fdt, node);
        (void)fdt_next_sibling(fdt, node);
        fdt_child_cells(fdt, node, &ac, &sc);
        for ( rc = fdt_first_prop(fdt, node, &prop); !rc;
              rc = fdt_next_prop(fdt, &prop) )
        {
            volatile uint8_t sink = 0;

            for ( i = 0; i < prop.len; i++ )
                sink ^= ((const uint8_t *)prop.value)[i];
            (void)sink;
            (void)strlen(prop.name);
        }
        (void)fdt_getprop_string(fdt, node, "compatible");
        (void)fdt_node_is_compatible(fdt, node, "multiboot,module");
        for ( i = 0; i < 4; i++ )
            (void)fdt_get_reg(fdt, node, i, &a, &s);
        node = fdt_next_node(fdt, node, &depth);
    }

    for ( unsigned int i = 0; !fdt_get_rsv(fdt, i, &ra, &rs); i++ )
        ;

    (void)fdt_path(fdt, "serial0", 7);
    (void)fdt_path(fdt, "/chosen", 7);
    bootfdt_scan_chosen(bi, fdt);
    bootfdt_scan_memory(bi, fdt);
    bootfdt_scan_reserved(bi, fdt);
    bootfdt_scan_cpus(bi, fdt, 0);
    harness_log_clear();
    free(bi);
}

/* ---- Good trees -------------------------------------------------------- */

TEST(good_tree_lookups)
{
    size_t size;
    uint8_t *blob = load("good", &size);
    struct fdt fdt;
    const char *why = NULL;
    char path[128];
    uint32_t ac, sc, len;
    uint64_t a, s;
    int n, leaf, count, depth;

    CHECK_EQ(fdt_open(&fdt, blob, size, &why), 0);
    CHECK(why == NULL);

    CHECK_STR(fdt_node_name(&fdt, fdt_root(&fdt)), "");
    CHECK(fdt_path(&fdt, "/chosen", 7) >= 0);
    CHECK(fdt_path(&fdt, "/nope", 5) == -ENOENT);
    CHECK(fdt_path(&fdt, "", 0) == -ENOENT);

    n = fdt_path(&fdt, "/soc/uart@9000000", 17);
    CHECK(n >= 0);
    CHECK_EQ(fdt_path(&fdt, "/soc/uart", 9), n);     /* no unit address */
    CHECK_EQ(fdt_path(&fdt, "serial0", 7), n);       /* alias */
    CHECK(fdt_path(&fdt, "/soc/uart@9", 11) < 0);    /* wrong unit */
    CHECK(fdt_node_is_compatible(&fdt, n, "arm,primecell"));
    CHECK(!fdt_node_is_compatible(&fdt, n, "arm,pl01"));
    CHECK_EQ(fdt_get_reg(&fdt, n, 0, &a, &s), 0);
    CHECK_EQ(a, 0x9000000);
    CHECK_EQ(s, 0x1000);
    CHECK_EQ(fdt_get_reg(&fdt, n, 1, &a, &s), -ENOENT);
    CHECK_STR(fdt_node_path(&fdt, n, path, sizeof(path)), "/soc/uart@9000000");

    leaf = fdt_path(&fdt, "/soc/deep/a/b/c/leaf", 20);
    CHECK(leaf >= 0);
    CHECK_EQ(fdt_getprop_u32(&fdt, leaf, "value", 7), 0x12345678);
    CHECK_EQ(fdt_getprop_u32(&fdt, leaf, "missing", 7), 7);
    CHECK(fdt_getprop_string(&fdt, leaf, "value") == NULL);
    CHECK(fdt_getprop(&fdt, leaf, "value", &len) != NULL);
    CHECK_EQ(len, 4);
    CHECK_EQ(fdt_parent(&fdt, leaf), fdt_path(&fdt, "/soc/deep/a/b/c", 15));
    CHECK_EQ(fdt_parent(&fdt, fdt_root(&fdt)), -ENOENT);
    CHECK_STR(fdt_node_path(&fdt, leaf, path, sizeof(path)),
              "/soc/deep/a/b/c/leaf");
    CHECK_STR(fdt_node_path(&fdt, fdt_root(&fdt), path, sizeof(path)), "/");
    /* A buffer too small gives a truncated, terminated path. */
    CHECK_EQ(strlen(fdt_node_path(&fdt, leaf, path, 8)), 7);

    /* Cells: explicit, and inherited where a node says nothing. */
    fdt_child_cells(&fdt, fdt_path(&fdt, "/soc", 4), &ac, &sc);
    CHECK(ac == 1 && sc == 1);
    fdt_child_cells(&fdt, fdt_path(&fdt, "/cpus", 5), &ac, &sc);
    CHECK(ac == 2 && sc == 0);
    fdt_child_cells(&fdt, fdt_path(&fdt, "/chosen", 7), &ac, &sc);
    CHECK(ac == 2 && sc == 2);
    fdt_child_cells(&fdt, fdt_path(&fdt, "/soc/deep/a", 11), &ac, &sc);
    CHECK(ac == 1 && sc == 1);

    /* Children of /cpus: four cpus and cpu-map. */
    count = 0;
    for ( n = fdt_first_child(&fdt, fdt_path(&fdt, "/cpus", 5)); n >= 0;
          n = fdt_next_sibling(&fdt, n) )
        count++;
    CHECK_EQ(count, 5);
    CHECK_EQ(fdt_first_child(&fdt, leaf), -ENOENT);

    /* Every node, in document order. */
    count = 0;
    depth = 0;
    for ( n = fdt_root(&fdt); n >= 0; n = fdt_next_node(&fdt, n, &depth) )
        count++;
    CHECK_EQ(count, 28);

    CHECK_EQ(fdt.nr_rsv, 1);
    CHECK_EQ(fdt_get_rsv(&fdt, 0, &a, &s), 0);
    CHECK_EQ(a, 0x7f000000);
    CHECK_EQ(s, 0x100000);
    CHECK_EQ(fdt_get_rsv(&fdt, 1, &a, &s), -ENOENT);

    free(blob);
}

TEST(prop_has_string)
{
    static const char list[] = "a,b\0multiboot,module\0x";

    CHECK(fdt_prop_has_string(list, sizeof(list), "a,b"));
    CHECK(fdt_prop_has_string(list, sizeof(list), "multiboot,module"));
    CHECK(fdt_prop_has_string(list, sizeof(list), "x"));
    CHECK(!fdt_prop_has_string(list, sizeof(list), "multiboot"));
    /* Unterminated last string: matched only within the length given. */
    CHECK(fdt_prop_has_string(list, 3, "a,b"));
    CHECK(!fdt_prop_has_string(list, 2, "a,b"));
    CHECK(!fdt_prop_has_string(list, 0, ""));
}

TEST(bootfdt_scan_good)
{
    size_t size;
    uint8_t *blob = load("good", &size);
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    struct fdt fdt;

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);

    bootfdt_scan_memory(bi, &fdt);
    CHECK_EQ(bi->mem.nr, 3);
    CHECK_EQ(paddr_x(bi->mem.bank[0].start), 0x40000000);
    CHECK_EQ(bi->mem.bank[0].size, 0x40000000);
    CHECK_EQ(paddr_x(bi->mem.bank[1].start), 0x880000000ULL);
    CHECK_EQ(bi->mem.bank[1].size, 0x80000000ULL);
    CHECK_EQ(paddr_x(bi->mem.bank[2].start), 0x100000000ULL);

    bootfdt_scan_reserved(bi, &fdt);
    CHECK_EQ(bi->reserved.nr, 2);
    CHECK_EQ(paddr_x(bi->reserved.bank[0].start), 0x7f000000);
    CHECK_EQ(paddr_x(bi->reserved.bank[1].start), 0x7e000000);
    CHECK_EQ(bi->reserved.bank[1].size, 0x200000);
    CHECK(harness_log_contains("/reserved-memory/pool: no fixed address"));

    bootfdt_scan_chosen(bi, &fdt);
    CHECK_STR(bi->cmdline, "loglvl=all maxcpus=3");
    CHECK_STR(bi->cmdline_source, "/chosen/xen,xen-bootargs");
    CHECK_EQ(bi->nr_mods, 4);
    CHECK_EQ(bi->mods[0].kind, BOOTMOD_KERNEL);
    CHECK_EQ(paddr_x(bi->mods[0].start), 0x48000000);
    CHECK_EQ(bi->mods[0].size, 0x200000);
    CHECK_STR(bi->mods[0].cmdline, "console=hvc0 root=/dev/ram");
    CHECK_EQ(bi->mods[1].kind, BOOTMOD_RAMDISK);
    CHECK(bi->mods[1].cmdline == NULL);
    CHECK_EQ(bi->mods[2].kind, BOOTMOD_DTB);
    /* The first untyped module is guessed to be a kernel, as on Xen. */
    CHECK_EQ(bi->mods[3].kind, BOOTMOD_KERNEL);
    CHECK_EQ(paddr_x(bi->mods[3].start), 0x4b000000);

    /* Boot CPU first, then the DT's others; disabled ones skipped. */
    bootfdt_scan_cpus(bi, &fdt, 0x1);
    CHECK_EQ(bi->nr_cpus, 3);
    CHECK_EQ(bi->cpu_hwid[0], 0x1);
    CHECK_EQ(bi->cpu_hwid[1], 0x0);
    CHECK_EQ(bi->cpu_hwid[2], 0x100);

    harness_log_clear();
    bootinfo_print(bi);
    CHECK(harness_log_contains("RAM bank 0: 0x0000000040000000-0x000000007fffffff (1 GiB)"));
    CHECK(harness_log_contains("RAM: 3 banks, 3328 MiB in all"));
    CHECK(harness_log_contains("Reserved region 1: 0x000000007e000000-0x000000007e1fffff (2 MiB)"));
    CHECK(harness_log_contains("Boot module 0: kernel at 0x0000000048000000-0x00000000481fffff (2 MiB) cmdline \"console=hvc0 root=/dev/ram\""));
    CHECK(harness_log_contains("Boot module 2: device-tree at"));

    free(bi);
    free(blob);
}

TEST(bootfdt_scan_fallback_and_errors)
{
    size_t size;
    uint8_t *blob = load("fallback", &size);
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    struct fdt fdt;

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);

    bootfdt_scan_chosen(bi, &fdt);
    CHECK_STR(bi->cmdline, "dom0_mem=512M");
    CHECK_STR(bi->cmdline_source, "/chosen/bootargs");
    CHECK_EQ(bi->nr_mods, 2);
    CHECK_EQ(bi->mods[0].kind, BOOTMOD_KERNEL);
    CHECK_STR(bi->mods[0].cmdline, "first");
    CHECK_EQ(bi->mods[1].kind, BOOTMOD_RAMDISK);
    CHECK(harness_log_contains("DT: /chosen/module@3000000: malformed 'reg'"));

    harness_log_clear();
    bootfdt_scan_memory(bi, &fdt);
    CHECK_EQ(bi->mem.nr, 1);
    CHECK_EQ(paddr_x(bi->mem.bank[0].start), 0x80000000);
    CHECK(harness_log_contains("DT: /memory@0: malformed 'reg'"));
    CHECK(harness_log_contains("/memory@zero: bad range 0x90000000 + 0x0"));

    harness_log_clear();
    bootfdt_scan_cpus(bi, &fdt, 0);
    CHECK_EQ(bi->nr_cpus, 1);
    CHECK(harness_log_contains("no /cpus node"));

    free(bi);
    free(blob);
}

/* build/NAME.dtb opened into fdt, with a fresh bootinfo in *bi. */
static uint8_t *open_tree(const char *name, struct fdt *fdt,
                          struct bootinfo **bi)
{
    size_t size;
    uint8_t *blob = load(name, &size);

    CHECK_EQ(fdt_open(fdt, blob, size, NULL), 0);
    *bi = calloc(1, sizeof(**bi));

    return blob;
}

/* RAM listed twice or overlapping: merged, said, the total right. */
TEST(bootfdt_overlapping_memory_counted_once)
{
    struct bootinfo *bi;
    struct fdt fdt;
    uint8_t *blob = open_tree("sloppy", &fdt, &bi);

    bootfdt_scan_memory(bi, &fdt);
    CHECK_EQ(bi->mem.nr, 2);
    CHECK_EQ(paddr_x(bi->mem.bank[0].start), 0x40000000);
    CHECK_EQ(bi->mem.bank[0].size, 0x60000000);
    CHECK_EQ(paddr_x(bi->mem.bank[1].start), 0x100000000ULL);
    CHECK(harness_log_contains("DT: /memory-copy@40000000: RAM 0x40000000-0x7fffffff is listed twice; counted once\n"));
    CHECK(harness_log_contains("DT: /memory@60000000: RAM 0x60000000-0x9fffffff overlaps RAM 0x40000000-0x7fffffff; merged into 0x40000000-0x9fffffff\n"));

    harness_log_clear();
    bootinfo_print(bi);
    CHECK(harness_log_contains("RAM: 2 banks, 1792 MiB in all\n"));

    free(bi);
    free(blob);
}

/*
 * Command lines that are not NUL-terminated: said, and not used; a bad
 * xen,xen-bootargs does not fall back to bootargs (the kernel's).
 */
TEST(bootfdt_unterminated_bootargs)
{
    struct bootinfo *bi;
    struct fdt fdt;
    uint8_t *blob = open_tree("sloppy", &fdt, &bi);

    bootfdt_scan_chosen(bi, &fdt);
    CHECK_STR(bi->cmdline, "");
    CHECK(bi->cmdline_source == NULL);
    CHECK(harness_log_contains("DT: /chosen: 'xen,xen-bootargs' is not a NUL-terminated string; ignored\n"));

    CHECK_EQ(bi->nr_mods, 1);
    CHECK(bi->mods[0].cmdline == NULL);
    CHECK(harness_log_contains("DT: /chosen/module@48000000: 'bootargs' is not a NUL-terminated string; ignored\n"));

    free(bi);
    free(blob);
}

TEST(bootfdt_too_many_banks)
{
    size_t size;
    uint8_t *blob = load("many-banks", &size);
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    struct fdt fdt;

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_memory(bi, &fdt);
    CHECK_EQ(bi->mem.nr, CONFIG_NR_MEM_BANKS);
    CHECK(harness_log_contains("DT: 2 more RAM ranges ignored: at most 8 fit (CONFIG_NR_MEM_BANKS)"));

    free(bi);
    free(blob);
}

TEST(no_chosen_no_cmdline)
{
    struct builder *b = b_new_minimal();
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    struct fdt fdt;
    size_t size;
    uint8_t *blob = b_finish(b, &size);

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_chosen(bi, &fdt);
    CHECK_STR(bi->cmdline, "");
    CHECK(bi->cmdline_source == NULL);
    CHECK_EQ(bi->nr_mods, 0);

    free(bi);
    free(blob);
    free(b);
}

/* ---- Truncated and corrupt headers ------------------------------------- */

TEST(truncated_at_every_length)
{
    size_t size, len;
    uint8_t *blob = load("good", &size);
    struct fdt fdt;
    unsigned int accepted = 0;

    for ( len = 0; len < size; len++ )
    {
        uint8_t *p = copy(blob, len);

        accepted += fdt_open(&fdt, p, len, NULL) == 0;
        free(p);
    }
    CHECK_EQ(accepted, 0);

    free(blob);
}

static int open_with_field(const uint8_t *blob, size_t size,
                           unsigned int field, uint32_t value)
{
    uint8_t *p = copy(blob, size);
    struct fdt fdt;
    const char *why = NULL;
    int rc;

    put32(p + field * 4, value);
    rc = fdt_open(&fdt, p, size, &why);
    CHECK(rc == 0 || why != NULL);
    free(p);

    return rc;
}

TEST(corrupt_header_fields)
{
    size_t size;
    uint8_t *blob = load("good", &size);
    uint32_t off_struct = fdt_be32(blob + 8), off_strings = fdt_be32(blob + 12);
    uint32_t size_struct = fdt_be32(blob + 36);

    CHECK(open_with_field(blob, size, 0, 0xedfe0dd0) < 0);      /* magic */
    CHECK(open_with_field(blob, size, 1, size + 1) < 0);        /* totalsize */
    CHECK(open_with_field(blob, size, 1, 39) < 0);
    CHECK(open_with_field(blob, size, 1, 0xffffffff) < 0);
    CHECK(open_with_field(blob, size, 2, size) < 0);            /* off_struct */
    CHECK(open_with_field(blob, size, 2, off_struct + 2) < 0);
    CHECK(open_with_field(blob, size, 2, 0xfffffffc) < 0);
    CHECK(open_with_field(blob, size, 2, 0) < 0);
    CHECK(open_with_field(blob, size, 3, size + 1) < 0);        /* off_strings */
    CHECK(open_with_field(blob, size, 3, 0xffffffff) < 0);
    CHECK(open_with_field(blob, size, 4, size - 8) < 0);        /* off_rsvmap */
    CHECK(open_with_field(blob, size, 4, 44) < 0);
    CHECK(open_with_field(blob, size, 4, 0xfffffff8) < 0);
    CHECK(open_with_field(blob, size, 5, 16) < 0);              /* version */
    CHECK(open_with_field(blob, size, 6, 18) < 0);              /* last_comp */
    CHECK(open_with_field(blob, size, 8, size - off_strings + 1) < 0);
    CHECK(open_with_field(blob, size, 8, 0xffffffff) < 0);
    CHECK(open_with_field(blob, size, 9, size - off_struct + 1) < 0);
    CHECK(open_with_field(blob, size, 9, 0xffffffff) < 0);
    CHECK(open_with_field(blob, size, 9, size_struct - 4) < 0); /* no END */
    CHECK(open_with_field(blob, size, 9, 8) < 0);
    /* Strings block cut short: some property names fall outside it. */
    CHECK(open_with_field(blob, size, 8, 4) < 0);
    /* Unchanged fields still open (the helper itself is sound). */
    CHECK_EQ(open_with_field(blob, size, 7, 5), 0);

    free(blob);
}

TEST(reservation_map)
{
    struct builder *b = b_new_minimal();
    const char *why;
    unsigned int i;

    b->nr_rsv = 2;
    b->rsv[0][0] = 0x1000;
    b->rsv[0][1] = 0x2000;
    b->rsv[1][0] = 0x0;
    b->rsv[1][1] = 0x1;
    CHECK_EQ(open_built(b, &why), 0);

    /* No terminator: the map runs into the structure block and beyond. */
    b = b_new_minimal();
    b->nr_rsv = 1;
    b->rsv[0][0] = 0x1000;
    b->rsv[0][1] = 0x2000;
    b->no_rsv_terminator = true;
    for ( i = 0; i < 4; i++ )
        b_u32(b, 0x01010101);   /* non-zero bytes after the END token */
    CHECK(open_built(b, &why) < 0);

    b = b_new_minimal();
    b->nr_rsv = FDT_MAX_RSV + 1;
    for ( i = 0; i < b->nr_rsv; i++ )
    {
        b->rsv[i][0] = 0x1000 * (i + 1);
        b->rsv[i][1] = 0x1000;
    }
    CHECK(open_built(b, &why) < 0);
    CHECK_STR(why, "too many memory reservations");
}

/* ---- Hostile structure blocks ------------------------------------------ */

TEST(hostile_property_lengths)
{
    struct builder *b;
    const char *why;

    /* len = 0xffffffff: must not wrap around the bounds check. */
    b = b_new_minimal();
    b->slen -= 8;   /* drop END_NODE, END */
    b_u32(b, FDT_PROP);
    b_u32(b, 0xffffffff);
    b_u32(b, 0);
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* len one past the end of the block. */
    b = b_new_minimal();
    b->slen -= 8;
    b_u32(b, FDT_PROP);
    b_u32(b, 13);
    b_u32(b, 0);
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* Name offset at the very end of the strings block. */
    b = b_new_minimal();
    b->slen -= 8;
    b_u32(b, FDT_PROP);
    b_u32(b, 0);
    b_u32(b, b->strlen_);
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* Strings block whose last name is not terminated. */
    b = b_new_minimal();
    b->slen -= 8;
    b_prop(b, "zz", "", 0);
    b_end(b);
    b_u32(b, FDT_END);
    b->strlen_ -= 1;            /* chop the NUL of "zz" */
    CHECK(open_built(b, &why) < 0);
}

TEST(hostile_structure)
{
    struct builder *b;
    const char *why;
    unsigned int i;

    /* Unknown token. */
    b = b_new_minimal();
    b->slen -= 8;
    b_u32(b, 5);
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* Missing FDT_END. */
    b = b_new_minimal();
    b->slen -= 4;
    CHECK(open_built(b, &why) < 0);

    /* Root never closed. */
    b = b_new_minimal();
    b->slen -= 8;
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* One END_NODE too many. */
    b = b_new_minimal();
    b->slen -= 4;
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* Two root nodes. */
    b = b_new_minimal();
    b->slen -= 4;
    b_begin(b, "");
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* A property before the root node. */
    b = calloc(1, sizeof(*b));
    b_prop(b, "x", "", 0);
    b_begin(b, "");
    b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);

    /* Node name running to the end of the block without a NUL. */
    b = calloc(1, sizeof(*b));
    b_begin(b, "");
    b_u32(b, FDT_BEGIN_NODE);
    memset(b->st + b->slen, 'A', 64);
    b->slen += 64;
    CHECK(open_built(b, &why) < 0);

    /* Leading NOPs are fine. */
    b = calloc(1, sizeof(*b));
    b_u32(b, FDT_NOP);
    b_begin(b, "");
    b_u32(b, FDT_NOP);
    b_end(b);
    b_u32(b, FDT_END);
    CHECK_EQ(open_built(b, &why), 0);

    /* Nesting: FDT_MAX_DEPTH levels are accepted, one more is not. */
    b = calloc(1, sizeof(*b));
    for ( i = 0; i < FDT_MAX_DEPTH; i++ )
        b_begin(b, i ? "n" : "");
    for ( i = 0; i < FDT_MAX_DEPTH; i++ )
        b_end(b);
    b_u32(b, FDT_END);
    CHECK_EQ(open_built(b, &why), 0);

    b = calloc(1, sizeof(*b));
    for ( i = 0; i <= FDT_MAX_DEPTH; i++ )
        b_begin(b, i ? "n" : "");
    for ( i = 0; i <= FDT_MAX_DEPTH; i++ )
        b_end(b);
    b_u32(b, FDT_END);
    CHECK(open_built(b, &why) < 0);
    CHECK_STR(why, "structure block: nodes nested too deep");
}

TEST(deepest_tree_paths)
{
    struct builder *b = calloc(1, sizeof(*b));
    struct fdt fdt;
    char path[256];
    size_t size;
    uint8_t *blob;
    int n = 0, depth = 0, deepest = -1;
    unsigned int i;

    for ( i = 0; i < FDT_MAX_DEPTH; i++ )
        b_begin(b, i ? "n" : "");
    for ( i = 0; i < FDT_MAX_DEPTH; i++ )
        b_end(b);
    b_u32(b, FDT_END);
    blob = b_finish(b, &size);

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    for ( n = fdt_root(&fdt); n >= 0; n = fdt_next_node(&fdt, n, &depth) )
        deepest = n;
    CHECK(deepest > 0);
    CHECK_EQ(strlen(fdt_node_path(&fdt, deepest, path, sizeof(path))),
             2 * (FDT_MAX_DEPTH - 1));
    walk_all(&fdt);

    free(blob);
    free(b);
}

TEST(alias_with_embedded_nul)
{
    /*
     * An alias whose value is "/x\0AAAA...": it must not match node "x"
     * and then read past x's name (found by review and a fuzzer).
     */
    struct builder *b = calloc(1, sizeof(*b));
    char value[203];
    struct fdt fdt;
    size_t size;
    uint8_t *blob;

    memcpy(value, "/x", 3);
    memset(value + 3, 'A', 199);
    value[202] = '\0';
    b_begin(b, "");
    b_begin(b, "aliases");
    b_prop(b, "serial0", value, sizeof(value));
    b_end(b);
    b_begin(b, "x");
    b_end(b);
    b_end(b);
    b_u32(b, FDT_END);
    blob = b_finish(b, &size);

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    CHECK(fdt_path(&fdt, "serial0", 7) < 0);
    /* A path with a NUL inside its length matches nothing either. */
    CHECK(fdt_path(&fdt, "/x\0yz", 5) < 0);
    CHECK(fdt_path(&fdt, "/x", 2) >= 0);

    free(blob);
    free(b);
}

TEST(failed_open_leaves_nothing_usable)
{
    struct fdt fdt;
    uint8_t junk[64] = { 0xd0, 0x0d, 0xfe, 0xed };

    memset(&fdt, 0x5a, sizeof(fdt));
    CHECK(fdt_open(&fdt, junk, sizeof(junk), NULL) < 0);
    CHECK(fdt.blob == NULL);
    CHECK_EQ(fdt.struct_size, 0);
    CHECK_EQ(fdt.totalsize, 0);
}

TEST(many_bad_nodes_are_summarised)
{
    /* 40 memory nodes with a zero-sized reg: 16 named, the rest counted. */
    struct builder *b = calloc(1, sizeof(*b));
    struct bootinfo *bi = calloc(1, sizeof(*bi));
    uint32_t one = __builtin_bswap32(1), reg[2] = { 0, 0 };
    struct fdt fdt;
    unsigned int i;
    size_t size;
    uint8_t *blob;

    b_begin(b, "");
    b_prop(b, "#address-cells", &one, 4);
    b_prop(b, "#size-cells", &one, 4);
    for ( i = 0; i < 40; i++ )
    {
        char name[16];

        xen_snprintf(name, sizeof(name), "memory@%u", i);
        b_begin(b, name);
        b_prop(b, "device_type", "memory", 7);
        b_prop(b, "reg", reg, sizeof(reg));
        b_end(b);
    }
    b_end(b);
    b_u32(b, FDT_END);
    blob = b_finish(b, &size);

    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_memory(bi, &fdt);
    CHECK_EQ(bi->mem.nr, 0);
    CHECK(harness_log_contains("/memory@15: bad range"));
    CHECK(!harness_log_contains("/memory@16: bad range"));
    CHECK(harness_log_contains("DT: 24 more problems with memory nodes not shown"));

    free(bi);
    free(blob);
    free(b);
}

/* ---- Random corruption ------------------------------------------------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state >> 16;
}

TEST(random_corruption)
{
    size_t size;
    uint8_t *blob = load("good", &size);
    unsigned int iter, accepted = 0;

    for ( iter = 0; iter < 3000; iter++ )
    {
        size_t len = size;
        uint8_t *p;
        struct fdt fdt;
        unsigned int flips = 1 + rng() % 8, i;

        if ( iter % 5 == 0 )
            len = rng() % (size + 1);
        p = copy(blob, len);
        for ( i = 0; i < flips && len; i++ )
        {
            size_t at = rng() % len;

            /* Mostly in the header and structure block, where it hurts. */
            if ( iter & 1 )
                at %= len < 512 ? len : 512;
            p[at] = (rng() & 3) ? p[at] ^ (1u << (rng() % 8)) : rng();
        }

        if ( fdt_open(&fdt, p, len, NULL) == 0 )
        {
            accepted++;
            walk_all(&fdt);
        }
        free(p);
    }

    /* Some mutations land in values and must still be accepted. */
    CHECK(accepted > 0);
    free(blob);
}

HARNESS_MAIN("fdt")
