/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains on the memory-core test machine (mm-fixture.h): the boot device
 * tree dts/domains.dts scanned, memory set up, domains built from its
 * nodes by name.
 */
#ifndef DOMAIN_FIXTURE_H
#define DOMAIN_FIXTURE_H

#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/sched.h>

/* The fixture machine plus build/domains.dtb, memory set up. */
void domain_fixture_boot(void);

/* The same machine with the domain nodes of another compiled DT. */
void domain_fixture_boot_with(const char *dtb);

/* The configuration of the domain node called name, or NULL. */
const struct domain_config *domain_fixture_cfg(const char *name);

/* Domain id built from the node called name (not started), or NULL. */
struct domain *domain_fixture_build(uint16_t id, const char *name);

/* d1 from "heap" (two vCPUs), d2 from "pool" (static), built, not started. */
bool domain_fixture_build_two(struct domain **d1, struct domain **d2);

/*
 * On pCPU cpu (harness_cpu): leave whatever runs there, if anything, and
 * run the next vCPU; which one (NULL: the pCPU idles).
 */
struct vcpu *domain_fixture_schedule_on(unsigned int cpu);

#endif
