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
#include <xen/errno.h>
#include <xen/domain.h>
#include <xen/fdt.h>
#include <xen/p2m.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/static-memory.h>
#include <asm/page.h>
#include "harness.h"
#include "domain-fixture.h"
#include "mm-fixture.h"

TEST(configuration_from_the_device_tree)
{
    const struct domain_config *c;

    domain_fixture_boot();
    CHECK_EQ(boot_domains.nr, 8);

    c = domain_fixture_cfg("/chosen/direct");
    CHECK(c && !c->refused && c->direct_map && c->static_owner >= 0);
    CHECK_EQ(c->memory, MB(4));
    CHECK_EQ(c->nr_vcpus, 1);
    CHECK(c->kernel && paddr_x(c->kernel->start) == 0x80300000);
    CHECK_STR(c->kernel->cmdline, "console=hvc0");
    CHECK_STR(c->kernel->owner, "/chosen/direct");
    CHECK(c->ramdisk && paddr_x(c->ramdisk->start) == 0x80301000);

    c = domain_fixture_cfg("/chosen/heap");
    CHECK(c && !c->refused && !c->direct_map && c->static_owner < 0);
    CHECK_EQ(c->memory, MB(10));
    CHECK_EQ(c->nr_vcpus, 2);
    /* Module reg with the domain node's own one-cell addresses. */
    CHECK(c->kernel && paddr_x(c->kernel->start) == 0x80302000);

    CHECK_STR(domain_fixture_cfg("/chosen/nostatic")->refused,
              "direct-map needs xen,static-mem");
    CHECK_STR(domain_fixture_cfg("/chosen/mismatch")->refused,
              "'memory' differs from the size of its xen,static-mem");
    CHECK_STR(domain_fixture_cfg("/chosen/nokernel")->refused,
              "no multiboot,kernel module");
    CHECK_STR(domain_fixture_cfg("/chosen/nocpus")->refused,
              "no valid 'cpus' property (1 to 8)");

    /* Domain modules are boot modules: kept out of the heap. */
    CHECK_EQ(bootinfo.nr_mods, 1 + 8);
}

/* A domain module's bootargs without its NUL: said, not used. */
TEST(unterminated_module_bootargs)
{
    const struct domain_config *c;
    size_t size;
    void *blob = harness_read_file("build/sloppy.dtb", &size);
    struct fdt fdt;

    memset(&bootinfo, 0, sizeof(bootinfo));
    memset(&boot_domains, 0, sizeof(boot_domains));
    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_domains(&bootinfo, &fdt, &boot_domains);
    c = domain_fixture_cfg("/chosen/domU1");
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

    domain_fixture_boot();
    heap = heap_free_pages();
    d = domain_create(2, domain_fixture_cfg("/chosen/heap"), &why);
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

    domain_fixture_boot();
    heap = heap_free_pages();
    pool = static_free();
    d = domain_create(1, domain_fixture_cfg("/chosen/direct"), &why);
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
    d = domain_create(1, domain_fixture_cfg("/chosen/direct"), &why);
    CHECK(d != NULL);
    if ( d )
        domain_destroy(d);
}

TEST(static_pool_domain_is_packed)
{
    const char *why = NULL;
    struct domain *d;
    p2m_type_t t;

    domain_fixture_boot();
    d = domain_create(3, domain_fixture_cfg("/chosen/pool"), &why);
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

    domain_fixture_boot();
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

#define LONG_PREFIX                                                            \
    "/chosen/domain-whose-name-is-long-enough-to-share-its-first-64-characters-"

TEST(static_owners_are_nodes_not_names)
{
    const struct domain_config *st, *heap, *refused, *heap2;
    const char *why = NULL;
    struct domain *d;
    unsigned long pool;
    p2m_type_t t;

    domain_fixture_boot_with("build/hostile-domains.dtb");
    st = domain_fixture_cfg(LONG_PREFIX "static");
    heap = domain_fixture_cfg(LONG_PREFIX "heap");
    refused = domain_fixture_cfg(LONG_PREFIX "refused");
    heap2 = domain_fixture_cfg(LONG_PREFIX "heap2");
    CHECK(st && heap && refused && heap2);
    if ( !st || !heap || !refused || !heap2 )
        return;

    CHECK(!st->refused && st->static_owner >= 0);
    CHECK(!heap->refused && heap->static_owner < 0);
    /* Its bank is not RAM: found after the node was read, when building. */
    CHECK(domain_create(3, refused, &why) == NULL);
    CHECK_STR(why, "its xen,static-mem was refused (see above)");
    /* Not confused with the refused node that shares its beginning. */
    CHECK(!heap2->refused && heap2->static_owner < 0);

    /* The heap domain gets heap pages, not the static domain's bank. */
    pool = static_pool_get(0)->free.count;
    d = domain_create(2, heap, &why);
    CHECK(d != NULL);
    if ( !d )
        return;
    CHECK(!is_static_page(mfn_to_page(p2m_lookup(d, d->ram.bank[0].start, &t))));
    CHECK_EQ(static_pool_get(0)->free.count, pool);
    domain_destroy(d);

    d = domain_create(1, st, &why);
    CHECK(d != NULL);
    if ( !d )
        return;
    CHECK(is_static_page(mfn_to_page(p2m_lookup(d, d->ram.bank[0].start, &t))));
    CHECK_EQ(static_pool_get(0)->free.count, pool - 0x200);
    domain_destroy(d);
    CHECK_EQ(static_pool_get(0)->free.count, pool);
}

TEST(names_too_long_are_printed_unambiguously)
{
    const char *a = NULL, *b = NULL;
    unsigned int i;

    domain_fixture_boot_with("build/hostile-domains.dtb");
    for ( i = 0; i < boot_domains.nr; i++ )
    {
        const char *n = boot_domains.cfg[i].name;

        if ( !strncmp(n, "/chosen/xxxxxxxx", 16) )
        {
            CHECK(strstr(n, "...<node@0x") != NULL);
            CHECK_EQ(strlen(n), BOOTINFO_OWNER_PATH_MAX - 1);
            if ( !a )
                a = n;
            else
                b = n;
        }
    }
    CHECK(a && b && strcmp(a, b));
}

TEST(hostile_sizes_and_modules_are_refused)
{
    unsigned long heap, pool;

    domain_fixture_boot_with("build/hostile-domains.dtb");
    CHECK_STR(domain_fixture_cfg("/chosen/hugemem")->refused,
              "'memory' is more than 2^52 KiB: larger than any RAM");
    CHECK_STR(domain_fixture_cfg("/chosen/zeromem")->refused, "'memory' is zero");
    CHECK_STR(domain_fixture_cfg("/chosen/manycpus")->refused,
              "no valid 'cpus' property (1 to 8)");

    heap = heap_free_pages();
    pool = static_free();
    harness_log_clear();
    build_boot_domains(&boot_domains);
    CHECK(harness_log_contains(": /chosen/mmiokernel: not built: its kernel module at 0x9000000-0x9000fff is not inside a RAM bank\n"));
    CHECK(harness_log_contains(": /chosen/rsvramdisk: not built: its ramdisk module at 0x81dff000-0x81e00fff overlaps reserved memory\n"));
    CHECK(harness_log_contains(": /chosen/hugemem: not built: 'memory' is more than 2^52 KiB"));
    /* The static domain, the two heap ones, the two sharing a kernel. */
    CHECK(harness_log_contains("Domains: 5 built, 6 refused"));
    CHECK(harness_log_contains("Memory check: every page came back"));
    CHECK_EQ(heap_free_pages(), heap);
    CHECK_EQ(static_free(), pool);
}

TEST(hardware_domain_first_and_extra_domains_refused_by_name)
{
    domain_fixture_boot_with("build/many-domains.dtb");
    CHECK_EQ(boot_domains.nr, CONFIG_MAX_DOM0LESS_DOMAINS);
    CHECK(harness_log_contains("DT: /chosen/dom13: more than 12 dom0less domains; not built\n"));
    CHECK(harness_log_contains("DT: /chosen/dom14: more than 12 dom0less domains; not built\n"));

    /* The fixture's boot module 0 is a kernel under /chosen. */
    boot_domains_add_hardware(&bootinfo, &boot_domains);
    CHECK_EQ(boot_domains.nr, CONFIG_MAX_DOM0LESS_DOMAINS + 1);
    CHECK(boot_domains.cfg[0].hardware);
    CHECK_STR(boot_domains.cfg[1].name, "/chosen/dom01");
    CHECK_STR(boot_domains.cfg[12].name, "/chosen/dom12");
}

TEST(dom0_options_out_of_range_are_refused)
{
    const struct domain_config *c = &boot_domains.cfg[0];

    layout();
    bootinfo.nr_cpus = 2;

    /* Decimal and suffixed sizes that do not fit: the value is refused. */
    CHECK_EQ(cmdline_parse("dom0_mem=64M"), 0);
    CHECK_EQ(cmdline_parse("dom0_mem=99999999999999999999999"), 1);
    CHECK(harness_log_contains("Bad value '99999999999999999999999' for option 'dom0_mem' (out of range); ignored"));
    CHECK_EQ(cmdline_parse("dom0_mem=16777216T"), 1);
    CHECK_EQ(cmdline_parse("dom0_mem=18446744073709551615B"), 1);
    CHECK_EQ(cmdline_parse("dom0_mem=max:17179869184G"), 1);
    memset(&boot_domains, 0, sizeof(boot_domains));
    boot_domains_add_hardware(&bootinfo, &boot_domains);
    CHECK_EQ(c->memory, MB(64)); /* the last good value */

    harness_log_clear();
    CHECK_EQ(cmdline_parse("dom0_max_vcpus=1000"), 0);
    memset(&boot_domains, 0, sizeof(boot_domains));
    boot_domains_add_hardware(&bootinfo, &boot_domains);
    CHECK_EQ(c->nr_vcpus, MAX_VIRT_CPUS);
    CHECK(harness_log_contains("dom0_max_vcpus=1000: a domain has at most 8 vCPUs; using 8\n"));
    CHECK_EQ(cmdline_parse("dom0_max_vcpus=0 dom0_mem=256M"), 0);
}

/*
 * A domain found by id and held (what a hypercall naming another domain
 * does) stays valid while it is taken apart: its teardown finishes, it
 * can no longer be found, and its struct goes back only with the last
 * reference.
 */
TEST(domain_held_outlives_its_teardown)
{
    unsigned long heap;
    struct domain *d, *held;

    domain_fixture_boot();
    heap = heap_free_pages();
    d = domain_fixture_build(5, "/chosen/heap");
    CHECK(d != NULL);
    if ( !d )
        return;
    CHECK(get_domain_by_id(6) == NULL);
    CHECK(domain_fixture_build(5, "/chosen/pool") == NULL); /* id taken */

    held = get_domain_by_id(5);
    CHECK(held == d);
    domain_destroy(d);
    /* Its RAM is back, the struct is not; it reads as dying. */
    CHECK(held->is_dying && !held->tot_pages);
    CHECK(heap_free_pages() < heap);
    CHECK(get_domain_by_id(5) == NULL);
    /* The holder can still take more references. */
    CHECK(get_domain(held));
    put_domain(held);

    put_domain(held);
    CHECK_EQ(heap_free_pages(), heap);
    CHECK(get_domain_by_id(5) == NULL);
}

/*
 * A xenheap page shared with a domain (a grant or shared_info frame) is
 * the domain's: counted, mappable, its GFN kept in the page; teardown
 * gives it back to the heap, after another holder lets it go.
 */
TEST(shared_xenheap_page_returned_at_teardown)
{
    unsigned long heap;
    struct domain *d;
    struct page_info *pg;
    unsigned int i;
    void *va;
    p2m_type_t t;

    domain_fixture_boot();
    heap = heap_free_pages();
    d = domain_fixture_build(1, "/chosen/heap");
    CHECK(d != NULL);
    if ( !d )
        return;
    va = alloc_xenheap_page();
    pg = mfn_to_page(maddr_to_mfn(virt_to_maddr(va)));
    CHECK_EQ(d->xenheap_pages, 1); /* its shared_info */
    share_xen_page_with_guest(pg, d);
    CHECK_EQ(d->xenheap_pages, 2);
    CHECK(page_get_owner(pg) == d);

    p2m_write_lock(&d->p2m);
    CHECK_EQ(p2m_set_entry(&d->p2m, _gfn(0x9000), 1, page_to_mfn(pg),
                           p2m_ram_rw), 0);
    page_set_xenheap_gfn(pg, _gfn(0x9000));
    p2m_write_unlock(&d->p2m);
    CHECK(mfn_eq(p2m_lookup(d, _gfn(0x9000), &t), page_to_mfn(pg)));

    /* Someone else holds it: teardown waits for them. */
    CHECK(get_page(pg, d));
    for ( i = 0; i < 100; i++ )
        CHECK_EQ(domain_teardown_step(d), -ERESTART);
    CHECK(page_list_empty(&d->page_list));
    CHECK(gfn_eq(page_get_xenheap_gfn(pg), INVALID_GFN)); /* unmapped */
    CHECK_EQ(d->xenheap_pages, 1); /* shared_info went, this one is held */

    put_page(pg);
    CHECK_EQ(d->xenheap_pages, 0);
    CHECK_EQ(domain_teardown_step(d), 0);
    CHECK_EQ(heap_free_pages(), heap);
}

/*
 * A hardware domain 1:1 from the heap (Arm): every RAM page at gfn ==
 * mfn, banks sorted and joined, as few as the heap allows, every page
 * back after teardown.
 */
TEST(hardware_domain_direct_mapped_from_the_heap)
{
    const struct domain_config *c = &boot_domains.cfg[0];
    const char *why = NULL;
    unsigned long heap, total = 0;
    struct domain *d;
    unsigned int i, j;

    domain_fixture_boot();
    heap = heap_free_pages();
    harness_hwdom_direct_mapped = true;
    CHECK_EQ(cmdline_parse("dom0_mem=12M"), 0);
    memset(&boot_domains, 0, sizeof(boot_domains));
    boot_domains_add_hardware(&bootinfo, &boot_domains);
    harness_hwdom_direct_mapped = false;
    CHECK(c->hardware && c->direct_map);

    d = domain_create(0, c, &why);
    CHECK(d != NULL);
    if ( !d )
        return;
    for ( i = 0; i < d->ram.nr; i++ )
    {
        gfn_t g = d->ram.bank[i].start;

        total += d->ram.bank[i].nr_pages;
        if ( i )
            CHECK(gfn_x(d->ram.bank[i - 1].start) +
                      d->ram.bank[i - 1].nr_pages <
                  gfn_x(g));
        for ( j = 0; j < d->ram.bank[i].nr_pages; j += 61 )
        {
            p2m_type_t t;

            CHECK(mfn_eq(p2m_lookup(d, gfn_add(g, j), &t),
                         _mfn(gfn_x(g) + j)));
        }
    }
    CHECK_EQ(total, MB(12) >> PAGE_SHIFT);
    CHECK(d->ram.nr <= 4);
    domain_destroy(d);
    CHECK_EQ(heap_free_pages(), heap);
    CHECK_EQ(cmdline_parse("dom0_mem=256M"), 0);
}

HARNESS_MAIN("domain")
