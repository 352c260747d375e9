/* SPDX-License-Identifier: GPL-2.0-only */
/* Domains on the memory-core test machine (see domain-fixture.h). */
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/fdt.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include "harness.h"
#include "domain-fixture.h"
#include "mm-fixture.h"

static struct fdt fdt;

void domain_fixture_boot_with(const char *dtb)
{
    size_t size;
    void *blob = harness_read_file(dtb, &size);

    layout();
    memset(&boot_domains, 0, sizeof(boot_domains));
    CHECK_EQ(fdt_open(&fdt, blob, size, NULL), 0);
    bootfdt_scan_static(&bootinfo, &fdt);
    bootfdt_scan_domains(&bootinfo, &fdt, &boot_domains);
    bootinfo_check_modules(&bootinfo);
    setup_mm(&bootinfo);
}

void domain_fixture_boot(void)
{
    domain_fixture_boot_with("build/domains.dtb");
}

const struct domain_config *domain_fixture_cfg(const char *name)
{
    unsigned int i;

    for ( i = 0; i < boot_domains.nr; i++ )
        if ( !strcmp(boot_domains.cfg[i].name, name) )
            return &boot_domains.cfg[i];

    return NULL;
}

struct domain *domain_fixture_build(uint16_t id, const char *name)
{
    const struct domain_config *c = domain_fixture_cfg(name);
    const char *why = NULL;

    return c ? domain_create(id, c, &why) : NULL;
}

bool domain_fixture_build_two(struct domain **d1, struct domain **d2)
{
    *d1 = domain_fixture_build(1, "/chosen/heap");
    *d2 = domain_fixture_build(2, "/chosen/pool");
    CHECK(*d1 && *d2);

    return *d1 && *d2;
}

struct vcpu *domain_fixture_schedule_on(unsigned int cpu)
{
    harness_cpu = cpu;
    HARNESS_RUN(schedule(false));

    return current_vcpu();
}
