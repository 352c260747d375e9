/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of domain configuration (common/device-tree/domain-config.c)
 * and of building and destroying domains (common/domain.c) on the
 * memory-core test machine: RAM from the heap, from a static pool, or
 * direct-mapped; every page back after destruction.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/fdt.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include <xen/static-memory.h>
#include "harness.h"
#include "mm-fixture.h"

static struct fdt fdt;

/* The fixture machine plus domains.dts, memory set up. */
static void boot(void)
{
    size_t size;
    void *blob = harness_read_file("build/domains.dtb", &size);

    layout();
    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_static(&bootinfo, &fdt);
    bootfdt_scan_domains(&bootinfo, &fdt, &boot_domains);
    setup_mm(&bootinfo);
}

static const struct domain_config *cfg(const char *name)
{
    unsigned int i;

    for ( i = 0; i < boot_domains.nr; i++ )
        if ( !strcmp(boot_domains.cfg[i].name, name) )
            return &boot_domains.cfg[i];

    return NULL;
}

TEST(configuration_from_the_device_tree)
{
    const struct domain_config *c;

    boot();
    CHECK_EQ(boot_domains.nr, 8);

    c = cfg("/chosen/direct");
    CHECK(c && !c->refused && c->direct_map && c->static_owner >= 0);
    CHECK_EQ(c->memory, MB(4));
    CHECK_EQ(c->nr_vcpus, 1);
    CHECK(c->kernel && paddr_x(c->kernel->start) == 0x80300000);
    CHECK_STR(c->kernel->cmdline, "console=hvc0");
    CHECK_STR(c->kernel->owner, "/chosen/direct");
    CHECK(c->ramdisk && paddr_x(c->ramdisk->start) == 0x80301000);

    c = cfg("/chosen/heap");
    CHECK(c && !c->refused && !c->direct_map && c->static_owner < 0);
    CHECK_EQ(c->memory, MB(10));
    CHECK_EQ(c->nr_vcpus, 2);
    /* Module reg with the domain node's own one-cell addresses. */
    CHECK(c->kernel && paddr_x(c->kernel->start) == 0x80302000);

    CHECK_STR(cfg("/chosen/nostatic")->refused,
              "direct-map needs xen,static-mem");
    CHECK_STR(cfg("/chosen/mismatch")->refused,
              "'memory' differs from the size of its xen,static-mem");
    CHECK_STR(cfg("/chosen/nokernel")->refused, "no multiboot,kernel module");
    CHECK_STR(cfg("/chosen/nocpus")->refused, "no valid 'cpus' property");

    /* Domain modules are boot modules: kept out of the heap. */
    CHECK_EQ(bootinfo.nr_mods, 1 + 8);
}

/* A domain module's bootargs without its NUL: said, not used. */
TEST(unterminated_module_bootargs)
{
    const struct domain_config *c;
    size_t size;
    void *blob = harness_read_file("build/sloppy.dtb", &size);

    memset(&bootinfo, 0, sizeof(bootinfo));
    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_domains(&bootinfo, &fdt, &boot_domains);
    c = cfg("/chosen/domU1");
    CHECK(c && !c->refused && c->kernel);
    CHECK(c->kernel->cmdline == NULL);
    CHECK(harness_log_contains("DT: /chosen/domU1/module@49000000: 'bootargs' is not a NUL-terminated string; ignored\n"));
}

static unsigned long static_free(void)
{
    unsigned long n = 0, i;

    for ( i = 0; i < static_pool_count(); i++ )
        n += static_pool_get(i)->free.count;
    return n;
}

TEST(heap_domain_spans_guest_regions)
{
    const char *why = NULL;
    struct domain *d;
    unsigned long heap;
    unsigned int i;

    boot();
    heap = heap_free_pages();
    d = domain_create(2, cfg("/chosen/heap"), &why);
    CHECK(d != NULL);
    if ( !d )
        return;

    /* 10 MiB: the harness's first region holds 8, the rest goes on. */
    CHECK_EQ(d->ram.nr, 2);
    CHECK_EQ(gfn_x(d->ram.bank[0].start), 0x3000);
    CHECK_EQ(d->ram.bank[0].nr_pages, 0x800);
    CHECK_EQ(gfn_x(d->ram.bank[1].start), 0x40000);
    CHECK_EQ(d->ram.bank[1].nr_pages, 0x200);
    CHECK_EQ(d->tot_pages, MB(10) >> PAGE_SHIFT);

    for ( i = 0; i < 0x800; i += 97 )
    {
        p2m_type_t t;
        mfn_t m = p2m_lookup(d, _gfn(0x3000 + i), &t);

        CHECK(t == p2m_ram_rw && page_get_owner(mfn_to_page(m)) == d);
    }

    domain_destroy(d);
    CHECK_EQ(heap_free_pages(), heap);
}

TEST(direct_mapped_domain)
{
    const char *why = NULL;
    struct domain *d;
    unsigned long heap, pool;
    p2m_type_t t;

    boot();
    heap = heap_free_pages();
    pool = static_free();
    d = domain_create(1, cfg("/chosen/direct"), &why);
    CHECK(d != NULL);
    if ( !d )
        return;

    CHECK_EQ(d->ram.nr, 1);
    CHECK_EQ(gfn_x(d->ram.bank[0].start), (BANK1 + MB(8)) >> PAGE_SHIFT);
    CHECK(mfn_eq(p2m_lookup(d, _gfn((BANK1 + MB(9)) >> PAGE_SHIFT), &t),
                 _mfn((BANK1 + MB(9)) >> PAGE_SHIFT)));
    CHECK_EQ(t, p2m_ram_rw);
    CHECK_EQ(static_free(), pool - (MB(4) >> PAGE_SHIFT));

    domain_destroy(d);
    CHECK_EQ(static_free(), pool);
    CHECK_EQ(heap_free_pages(), heap);

    /* And again, the same memory: no reboot needed. */
    d = domain_create(1, cfg("/chosen/direct"), &why);
    CHECK(d != NULL);
    if ( d )
        domain_destroy(d);
}

TEST(static_pool_domain_is_packed)
{
    const char *why = NULL;
    struct domain *d;
    p2m_type_t t;

    boot();
    d = domain_create(3, cfg("/chosen/pool"), &why);
    CHECK(d != NULL);
    if ( !d )
        return;
    CHECK_EQ(d->ram.nr, 1);
    CHECK_EQ(gfn_x(d->ram.bank[0].start), 0x3000);
    CHECK_EQ(d->ram.bank[0].nr_pages, 0x200);
    CHECK(mfn_eq(p2m_lookup(d, _gfn(0x3000), &t), _mfn(0x81000000 >> PAGE_SHIFT)));
    domain_destroy(d);
}

TEST(refused_and_failed_domains_lose_nothing)
{
    unsigned long heap, pool;

    boot();
    heap = heap_free_pages();
    pool = static_free();
    build_boot_domains(&boot_domains);
    CHECK(harness_log_contains("d1: /chosen/direct: 4 MiB RAM, 1 vCPU, static memory, direct-mapped, kernel at 0x80300000 (4 KiB)"));
    CHECK(harness_log_contains("d4: /chosen/nostatic: not built: direct-map needs xen,static-mem"));
    CHECK(harness_log_contains("d8: /chosen/toobig: not built: not enough free memory for its RAM"));
    CHECK(harness_log_contains("Domains: 3 built, 5 refused"));
    CHECK(harness_log_contains("Memory check: every page came back"));
    CHECK_EQ(heap_free_pages(), heap);
    CHECK_EQ(static_free(), pool);
}

TEST(hardware_domain_from_the_first_kernel)
{
    const struct domain_config *c;

    layout();
    bootinfo_add_module(&bootinfo, BOOTMOD_RAMDISK, BANK0 + MB(3), KB(4), NULL);
    bootinfo.nr_cpus = 3;
    memset(&boot_domains, 0, sizeof(boot_domains));
    boot_domains.nr = 1;
    strcpy(boot_domains.cfg[0].name, "/chosen/other");
    boot_domains_add_hardware(&bootinfo, &boot_domains);

    CHECK_EQ(boot_domains.nr, 2);
    c = &boot_domains.cfg[0];
    CHECK(c->hardware);
    CHECK_STR(c->name, "hardware domain");
    CHECK_EQ(c->memory, MB(256));           /* no dom0_mem= given */
    CHECK_EQ(c->nr_vcpus, 3);
    CHECK(c->kernel == &bootinfo.mods[0]);
    CHECK(c->ramdisk == &bootinfo.mods[1]);
    CHECK_STR(boot_domains.cfg[1].name, "/chosen/other");
}

HARNESS_MAIN("domain")
