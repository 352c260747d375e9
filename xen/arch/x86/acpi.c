/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ACPI tables the hypervisor reads at boot: the MADT (which local
 * APICs exist) and the FADT with the DSDT's \_S5 object (how to power
 * off). The RSDP is found the PC way: in the first KiB of the EBDA, then
 * in the BIOS area 0xe0000-0xfffff, on a 16-byte boundary. Every table is
 * checksummed before use and only tables below 4 GiB (inside the identity
 * map) are read.
 */
#include <xen/bootinfo.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <asm/acpi.h>
#include <asm/io.h>

#define EBDA_SEG_PTR    0x40e
#define BIOS_AREA_START 0xe0000
#define BIOS_AREA_END   0x100000
#define ACPI_MAX_TABLE  0x100000 /* sanity limit on a table's length */
#define MAPPED_LIMIT    0x100000000ULL

#define MADT_LAPIC   0
#define MADT_X2APIC  9
#define MADT_ENABLED (1u << 0)

#define PM1_SLP_TYP_SHIFT 10
#define PM1_SLP_EN        (1u << 13)

#define AML_ZERO        0x00
#define AML_ONE         0x01
#define AML_BYTE_PREFIX 0x0a
#define AML_NAME_OP     0x08
#define AML_PACKAGE_OP  0x12

struct __packed acpi_rsdp {
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt;
    /* Revision 2 and later: */
    uint32_t length;
    uint64_t xsdt;
    uint8_t ext_checksum;
    uint8_t reserved[3];
};

struct __packed acpi_header {
    char signature[4];
    uint32_t length;
    uint8_t revision;
    uint8_t checksum;
    char oem_id[6];
    char oem_table_id[8];
    uint32_t oem_revision;
    uint32_t creator_id;
    uint32_t creator_revision;
};

struct __packed acpi_madt {
    struct acpi_header h;
    uint32_t lapic_addr;
    uint32_t flags;
    uint8_t entries[];
};

struct __packed madt_lapic {
    uint8_t type, length;
    uint8_t acpi_id;
    uint8_t apic_id;
    uint32_t flags;
};

struct __packed madt_x2apic {
    uint8_t type, length;
    uint16_t reserved;
    uint32_t x2apic_id;
    uint32_t flags;
    uint32_t acpi_uid;
};

/* The FADT fields used here, at their offsets in the table. */
#define FADT_DSDT         40
#define FADT_PM1A_CNT_BLK 64
#define FADT_PM1B_CNT_BLK 68
#define FADT_X_DSDT       140

static const struct acpi_madt *madt;
static uint16_t pm1a_cnt, pm1b_cnt;
static uint8_t slp_typ_a, slp_typ_b;
static bool s5_known;

static uint8_t checksum(const void *p, size_t len)
{
    const uint8_t *b = p;
    uint8_t sum = 0;

    while ( len-- )
        sum += *b++;

    return sum;
}

static const struct acpi_rsdp *__init rsdp_scan(uint64_t start, uint64_t end)
{
    uint64_t pa;

    for ( pa = start; pa + sizeof(struct acpi_rsdp) <= end; pa += 16 )
    {
        const struct acpi_rsdp *r = ioremap(_paddr(pa));

        if ( memcmp(r->signature, "RSD PTR ", 8) )
            continue;
        /* The first 20 bytes (ACPI 1.0) always carry a checksum. */
        if ( checksum(r, 20) )
            continue;
        if ( r->revision >= 2 && checksum(r, sizeof(*r)) )
            continue;

        return r;
    }

    return NULL;
}

static const struct acpi_rsdp *__init rsdp_find(void)
{
    uint64_t ebda =
        (uint64_t) * (const volatile uint16_t *)ioremap(_paddr(EBDA_SEG_PTR))
        << 4;
    const struct acpi_rsdp *r = NULL;

    if ( ebda >= 0x80000 && ebda < BIOS_AREA_START )
        r = rsdp_scan(ebda, ebda + 1024);

    return r ?: rsdp_scan(BIOS_AREA_START, BIOS_AREA_END);
}

/* The table at pa if it is mapped, sane and checksums; else NULL. */
static const struct acpi_header *__init table_at(uint64_t pa)
{
    const struct acpi_header *h;

    /* Written so that no sum can wrap: pa may be any 64-bit value. */
    if ( !pa || pa >= MAPPED_LIMIT || MAPPED_LIMIT - pa < sizeof(*h) )
        return NULL;

    h = ioremap(_paddr(pa));
    if ( h->length < sizeof(*h) || h->length > ACPI_MAX_TABLE ||
         h->length > MAPPED_LIMIT - pa || checksum(h, h->length) )
        return NULL;

    return h;
}

static void __init find_tables(const struct acpi_header *root, bool xsdt,
                               const struct acpi_header **madtp,
                               const struct acpi_header **fadtp)
{
    unsigned int width = xsdt ? 8 : 4;
    unsigned int i, n = (root->length - sizeof(*root)) / width;
    const uint8_t *ent = (const uint8_t *)(root + 1);

    for ( i = 0; i < n; i++ )
    {
        uint64_t pa = 0;
        const struct acpi_header *h;

        memcpy(&pa, ent + i * width, width);
        h = table_at(pa);
        if ( !h )
        {
            printk(XENLOG_WARNING
                   "ACPI: table %u at 0x%llx is unusable; skipped\n",
                   i, (unsigned long long)pa);
            continue;
        }

        if ( !memcmp(h->signature, "APIC", 4) && !*madtp )
            *madtp = h;
        else if ( !memcmp(h->signature, "FACP", 4) && !*fadtp )
            *fadtp = h;
    }
}

/* Read one AML integer constant at *p (ZeroOp, OneOp, BytePrefix). */
static bool __init aml_small_int(const uint8_t **p, const uint8_t *end,
                                 uint8_t *val)
{
    const uint8_t *q = *p;

    if ( q >= end )
        return false;

    switch ( *q )
    {
    case AML_ZERO:
        *val = 0;
        *p = q + 1;
        return true;
    case AML_ONE:
        *val = 1;
        *p = q + 1;
        return true;
    case AML_BYTE_PREFIX:
        if ( q + 1 >= end )
            return false;
        *val = q[1];
        *p = q + 2;
        return true;
    default: return false;
    }
}

/*
 * Find "Name(_S5, Package(){ a, b, ... })" in the DSDT and take a and b,
 * the SLP_TYP values for PM1a and PM1b.
 */
static bool __init dsdt_find_s5(const struct acpi_header *dsdt)
{
    const uint8_t *body = (const uint8_t *)(dsdt + 1);
    const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;
    const uint8_t *p;

    for ( p = body + 1; p + 4 < end; p++ )
    {
        const uint8_t *q = p + 4;
        unsigned int pkglen_bytes;

        if ( memcmp(p, "_S5_", 4) )
            continue;
        if ( p[-1] != AML_NAME_OP &&
             !(p[-1] == '\\' && p - 2 >= body && p[-2] == AML_NAME_OP) )
            continue;
        if ( q >= end || *q++ != AML_PACKAGE_OP || q >= end )
            continue;

        /* PkgLength: bits 7:6 of the lead byte count the bytes that follow. */
        pkglen_bytes = *q >> 6;
        q += 1 + pkglen_bytes;
        q++; /* NumElements */

        if ( aml_small_int(&q, end, &slp_typ_a) &&
             aml_small_int(&q, end, &slp_typ_b) )
            return true;
    }

    return false;
}

static void __init fadt_init(const struct acpi_header *fadt)
{
    const uint8_t *f = (const uint8_t *)fadt;
    const struct acpi_header *dsdt = NULL;
    uint64_t dsdt_pa = 0;
    uint32_t a, b;

    if ( fadt->length < FADT_PM1B_CNT_BLK + 4 )
    {
        printk(XENLOG_WARNING "ACPI: FADT too short; no ACPI power-off\n");
        return;
    }

    memcpy(&a, f + FADT_PM1A_CNT_BLK, 4);
    memcpy(&b, f + FADT_PM1B_CNT_BLK, 4);
    if ( fadt->length >= FADT_X_DSDT + 8 )
        memcpy(&dsdt_pa, f + FADT_X_DSDT, 8);
    if ( !dsdt_pa )
    {
        uint32_t d;

        memcpy(&d, f + FADT_DSDT, 4);
        dsdt_pa = d;
    }

    if ( !a || a > 0xffff || b > 0xffff )
    {
        printk(XENLOG_WARNING
               "ACPI: FADT has no usable PM1a_CNT (0x%x); no ACPI power-off\n",
               a);
        return;
    }

    dsdt = table_at(dsdt_pa);
    if ( !dsdt || memcmp(dsdt->signature, "DSDT", 4) || !dsdt_find_s5(dsdt) )
    {
        printk(XENLOG_WARNING
               "ACPI: no \\_S5 sleep type in the DSDT; no ACPI power-off\n");
        return;
    }

    pm1a_cnt = a;
    pm1b_cnt = b;
    s5_known = true;
    printk("ACPI: power-off through PM1a_CNT 0x%x (S5 SLP_TYP %u)\n", pm1a_cnt,
           slp_typ_a);
}

void __init acpi_init(void)
{
    const struct acpi_rsdp *rsdp = rsdp_find();
    const struct acpi_header *root = NULL, *m = NULL, *fadt = NULL;
    bool xsdt = false;

    if ( !rsdp )
    {
        printk(XENLOG_WARNING
               "ACPI: no RSDP found; boot CPU only, no ACPI power-off\n");
        return;
    }

    if ( rsdp->revision >= 2 && rsdp->xsdt )
    {
        root = table_at(rsdp->xsdt);
        xsdt = root && !memcmp(root->signature, "XSDT", 4);
    }
    if ( !xsdt )
        root = table_at(rsdp->rsdt);

    if ( !root || memcmp(root->signature, xsdt ? "XSDT" : "RSDT", 4) )
    {
        printk(XENLOG_WARNING
               "ACPI: RSDP at 0x%llx points at no valid RSDT/XSDT\n",
               (unsigned long long)(uintptr_t)rsdp);
        return;
    }

    printk("ACPI: RSDP at 0x%llx (revision %u, OEM \"%.6s\"), %s at 0x%llx\n",
           (unsigned long long)(uintptr_t)rsdp, rsdp->revision, rsdp->oem_id,
           xsdt ? "XSDT" : "RSDT", (unsigned long long)(uintptr_t)root);

    find_tables(root, xsdt, &m, &fadt);

    if ( m && m->length >= sizeof(struct acpi_madt) )
        madt = (const struct acpi_madt *)m;
    else
        printk(XENLOG_WARNING "ACPI: no MADT\n");

    if ( fadt )
        fadt_init(fadt);
    else
        printk(XENLOG_WARNING "ACPI: no FADT; no ACPI power-off\n");
}

static void __init add_cpu(struct bootinfo *bi, uint32_t apic_id,
                           uint32_t boot_apic_id)
{
    unsigned int i;

    if ( apic_id == boot_apic_id )
        return;

    for ( i = 1; i < bi->nr_cpus; i++ )
        if ( bi->cpu_hwid[i] == apic_id )
            return;

    if ( bi->nr_cpus == CONFIG_NR_CPUS )
    {
        printk(
            XENLOG_WARNING
            "ACPI: CPU with APIC ID 0x%x left offline: CONFIG_NR_CPUS is %u\n",
            apic_id, CONFIG_NR_CPUS);
        return;
    }

    bi->cpu_hwid[bi->nr_cpus++] = apic_id;
}

void __init acpi_scan_cpus(struct bootinfo *bi, uint32_t boot_apic_id)
{
    const uint8_t *p, *end;
    bool boot_seen = false;

    bi->nr_cpus = 1;
    bi->cpu_hwid[0] = boot_apic_id;

    if ( !madt )
    {
        printk(XENLOG_WARNING "ACPI: no MADT; only the boot CPU is used\n");
        return;
    }

    p = madt->entries;
    end = (const uint8_t *)madt + madt->h.length;
    while ( p + 2 <= end )
    {
        uint8_t type = p[0], len = p[1];
        uint32_t id, flags;

        if ( len < 2 || p + len > end )
        {
            printk(XENLOG_WARNING
                   "ACPI: MADT entry at offset %u is malformed; rest ignored\n",
                   (unsigned int)(p - (const uint8_t *)madt));
            break;
        }

        if ( type == MADT_LAPIC && len >= sizeof(struct madt_lapic) )
        {
            const struct madt_lapic *e = (const void *)p;

            id = e->apic_id;
            flags = e->flags;
        }
        else if ( type == MADT_X2APIC && len >= sizeof(struct madt_x2apic) )
        {
            const struct madt_x2apic *e = (const void *)p;

            id = e->x2apic_id;
            flags = e->flags;
        }
        else
        {
            p += len;
            continue;
        }
        p += len;

        /* Disabled (or only hot-pluggable) processors are not started. */
        if ( !(flags & MADT_ENABLED) )
            continue;

        if ( id == boot_apic_id )
            boot_seen = true;
        else if ( id > 0xfe )
            printk(XENLOG_WARNING
                   "ACPI: CPU with APIC ID 0x%x left offline: needs x2APIC\n",
                   id);
        else
            add_cpu(bi, id, boot_apic_id);
    }

    if ( !boot_seen )
        printk(XENLOG_WARNING
               "ACPI: the boot CPU (APIC ID 0x%x) is not in the MADT\n",
               boot_apic_id);
}

static void pm1_sleep(uint16_t port, uint8_t slp_typ)
{
    uint16_t v = inw(port);

    v &= ~((7U << PM1_SLP_TYP_SHIFT) | PM1_SLP_EN);
    v |= ((slp_typ & 7U) << PM1_SLP_TYP_SHIFT) | PM1_SLP_EN;
    outw(v, port);
}

void acpi_power_off(void)
{
    if ( !s5_known )
        return;

    /* Keep the register's other bits (SCI_EN...): change only SLP_*. */
    pm1_sleep(pm1a_cnt, slp_typ_a);
    if ( pm1b_cnt )
        pm1_sleep(pm1b_cnt, slp_typ_b);
}
