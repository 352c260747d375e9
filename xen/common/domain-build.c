/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Building the domains the boot configuration describes, one line per
 * decision: each domain built (with its RAM layout) or refused (with the
 * reason), then loaded and started. When the last one has gone, the
 * memory check says whether every page came back (domain.c).
 */
#include <xen/arch-hooks.h>
#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/static-memory.h>

#define DOM0_MEM_DEFAULT MB(256)

static uint64_t __initdata dom0_mem;
static unsigned int __initdata dom0_max_vcpus;

/*
 * dom0_mem=<size>, or Xen's list form "min:<size>,max:<size>,<size>", of
 * which the plain size (or else max) is used.
 */
static int __init parse_dom0_mem(const char *s)
{
    uint64_t plain = 0, max = 0, size;

    if ( !s )
        return -EINVAL;

    while ( *s )
    {
        const char *end;
        uint64_t *dst = &plain;

        if ( !strncmp(s, "min:", 4) )
        {
            s += 4;
            dst = NULL;
        }
        else if ( !strncmp(s, "max:", 4) )
        {
            s += 4;
            dst = &max;
        }
        if ( *s == '-' )
            return -EINVAL; /* "all but" sizes: not supported */
        size = parse_size_and_unit(s, &end);
        if ( end == s || (*end && *end != ',') )
            return -EINVAL;
        /* Checked before any rounding: a saturated size is ULLONG_MAX. */
        if ( size > MAX_DOMAIN_MEMORY )
            return -ERANGE;
        if ( dst )
            *dst = size;
        s = *end ? end + 1 : end;
    }

    if ( !plain && !max )
        return -EINVAL;
    dom0_mem = plain ? plain : max;

    return 0;
}
custom_param("dom0_mem", parse_dom0_mem);
integer_param("dom0_max_vcpus", dom0_max_vcpus);

void __init boot_domains_add_hardware(const struct bootinfo *bi,
                                      struct boot_domains *bd)
{
    struct domain_config *c;
    unsigned int i;

    for ( i = 0; i < bi->nr_mods; i++ )
        if ( bi->mods[i].kind == BOOTMOD_KERNEL && !bi->mods[i].owner )
            break;
    if ( i == bi->nr_mods )
        return;

    if ( bd->nr == ARRAY_SIZE(bd->cfg) )
    {
        printk(XENLOG_ERR "Hardware domain not built: more than %u domains\n",
               (unsigned int)ARRAY_SIZE(bd->cfg));
        return;
    }

    /* The hardware domain is domain 0: first in the list. */
    memmove(&bd->cfg[1], &bd->cfg[0], bd->nr * sizeof(bd->cfg[0]));
    bd->nr++;
    c = &bd->cfg[0];
    memset(c, 0, sizeof(*c));
    strlcpy(c->name, "hardware domain", sizeof(c->name));
    c->hardware = true;
    c->static_owner = -1;
    c->kernel = &bi->mods[i];
    for ( i = 0; i < bi->nr_mods; i++ )
        if ( bi->mods[i].kind == BOOTMOD_RAMDISK && !bi->mods[i].owner )
        {
            c->ramdisk = &bi->mods[i];
            break;
        }
    c->memory =
        ROUNDUP(dom0_mem ? dom0_mem : DOM0_MEM_DEFAULT, (uint64_t)PAGE_SIZE);
    /* Arm: 1:1 on the host's layout, as upstream. */
    c->direct_map = arch_hwdom_direct_mapped();
    c->nr_vcpus = dom0_max_vcpus ? dom0_max_vcpus : bi->nr_cpus;
    if ( c->nr_vcpus > MAX_VIRT_CPUS )
    {
        printk(XENLOG_WARNING
               "dom0_max_vcpus=%u: a domain has at most %u vCPUs; using %u\n",
               c->nr_vcpus, MAX_VIRT_CPUS, MAX_VIRT_CPUS);
        c->nr_vcpus = MAX_VIRT_CPUS;
    }
}

static void __init describe(const struct domain *d)
{
    const struct domain_config *c = d->config;
    char sz[24], ksz[24];
    unsigned int i;

    printk("d%u: %s: %s RAM, %u vCPU%s, %s%s, kernel at 0x%llx (%s)\n",
           d->domain_id, c->name, format_size(sz, sizeof(sz), c->memory),
           c->nr_vcpus, c->nr_vcpus == 1 ? "" : "s",
           c->static_owner >= 0 ? "static memory" : "memory from the heap",
           c->direct_map ? ", direct-mapped" : "",
           (unsigned long long)paddr_x(c->kernel->start),
           format_size(ksz, sizeof(ksz), c->kernel->size));

    for ( i = 0; i < d->ram.nr; i++ )
    {
        uint64_t s = (uint64_t)gfn_x(d->ram.bank[i].start) << PAGE_SHIFT;
        uint64_t n = (uint64_t)d->ram.bank[i].nr_pages << PAGE_SHIFT;

        printk("d%u: RAM bank %u: 0x%016llx-0x%016llx (%s)\n", d->domain_id, i,
               (unsigned long long)s, (unsigned long long)(s + n - 1),
               format_size(sz, sizeof(sz), n));
    }
    printk("d%u: P2M: %lu table page%s in use, %lu free in its pool\n",
           d->domain_id, p2m_tables_in_use(&d->p2m),
           p2m_tables_in_use(&d->p2m) == 1 ? "" : "s", p2m_pool_free(&d->p2m));
}

/*
 * Why c cannot be built because of one of its boot modules (written into
 * buf), or NULL: bootinfo_check_modules() has marked every module that
 * must not be read.
 */
static const char *__init module_refusal(const struct domain_config *c,
                                         char *buf, size_t size)
{
    const struct bootmodule *mods[] = { c->kernel, c->ramdisk, c->dtb };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(mods); i++ )
    {
        const struct bootmodule *m = mods[i];

        if ( !m || !m->problem )
            continue;
        snprintf(buf, size, "its %s module at 0x%llx-0x%llx %s",
                 bootmodule_kind_name(m->kind),
                 (unsigned long long)paddr_x(m->start),
                 (unsigned long long)(paddr_x(m->start) + m->size - 1),
                 m->problem);
        return buf;
    }

    return NULL;
}

void __init build_boot_domains(const struct boot_domains *bd)
{
    char reason[96];
    struct domain *built[MAX_BOOT_DOMAINS];
    unsigned int i, nr_built = 0, started = 0;
    uint16_t next_id = 1;
    int rc = 0;

    domain_memory_baseline();

    for ( i = 0; i < bd->nr; i++ )
    {
        const struct domain_config *c = &bd->cfg[i];
        uint16_t id = c->hardware ? 0 : next_id++;
        const char *why = c->refused;
        struct domain *d = NULL;

        if ( !why )
            why = module_refusal(c, reason, sizeof(reason));
        if ( !why )
            d = domain_create(id, c, &why);
        if ( !d )
        {
            printk(XENLOG_ERR "d%u: %s: not built: %s\n", id, c->name, why);
            continue;
        }
        describe(d);
        built[nr_built++] = d;
    }

    printk("Domains: %u built, %u refused\n", nr_built, bd->nr - nr_built);

    for ( i = 0; i < nr_built; i++ )
    {
        const char *why = NULL;

        rc = arch_domain_load(built[i], &why);
        if ( rc == -EOPNOTSUPP )
            break;
        if ( rc )
        {
            printk(XENLOG_ERR "d%u: not started: %s\n", built[i]->domain_id,
                   why);
            domain_destroy(built[i]);
            built[i] = NULL;
            continue;
        }
        started++;
    }

    if ( rc == -EOPNOTSUPP )
    {
        printk(
            "Nothing to run yet (guest vCPUs are not implemented on %s): destroying the domains\n",
            arch_name);
        for ( i = 0; i < nr_built; i++ )
            if ( built[i] )
            {
                printk("d%u: destroyed\n", built[i]->domain_id);
                domain_destroy(built[i]);
            }
    }

    if ( !started || rc == -EOPNOTSUPP )
    {
        if ( nr_built )
            domain_memory_check();
        return;
    }

    printk("Starting %u domain%s\n", started, started == 1 ? "" : "s");
    for ( i = 0; i < nr_built; i++ )
        if ( built[i] )
            domain_started(built[i]);
    for ( i = 0; i < nr_built; i++ )
        if ( built[i] )
            vcpu_up(built[i]->vcpu[0], NULL, NULL);

    schedule(false);
}
