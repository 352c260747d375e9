/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bringing up the secondary CPUs with PSCI CPU_ON, one at a time: each is
 * given secondary_entry (head.S) and its logical number, and must say it
 * is online within a second.
 */
#include <xen/bootinfo.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <asm/cpufeature.h>
#include <asm/gic.h>
#include <asm/processor.h>
#include <asm/psci.h>
#include <asm/setup.h>

unsigned char cpu_stacks[CONFIG_NR_CPUS][STACK_SIZE] __aligned(16);

static unsigned int __initdata max_cpus = CONFIG_NR_CPUS;
integer_param("maxcpus", max_cpus);

static bool __initdata opt_nosmp;
boolean_param("nosmp", opt_nosmp);

static uint64_t counter_ticks(void)
{
    isb();
    return READ_SYSREG(cntpct_el0);
}

static bool wait_online(unsigned int cpu, uint64_t timeout_ticks)
{
    uint64_t start = counter_ticks();

    while ( !cpu_is_online(cpu) )
    {
        if ( counter_ticks() - start > timeout_ticks )
            return false;
        arch_cpu_relax();
    }

    return true;
}

void __init smp_bring_up_cpus(void)
{
    uint64_t one_second = READ_SYSREG(cntfrq_el0);
    unsigned int cpu, limit = opt_nosmp ? 1 : max_cpus;

    for ( cpu = 1; cpu < bootinfo.nr_cpus; cpu++ )
    {
        uint64_t hwid = bootinfo.cpu_hwid[cpu];
        int rc;

        if ( cpu >= limit )
        {
            printk("CPU%u (MPIDR 0x%llx) left offline (%s)\n", cpu,
                   (unsigned long long)hwid, opt_nosmp ? "nosmp" : "maxcpus");
            continue;
        }

        if ( !psci_available() )
        {
            printk(XENLOG_WARNING
                   "CPU%u (MPIDR 0x%llx) left offline: no PSCI\n",
                   cpu, (unsigned long long)hwid);
            continue;
        }

        rc = psci_cpu_on(hwid, _paddr((uintptr_t)secondary_entry), cpu);
        if ( rc != PSCI_SUCCESS )
        {
            printk(XENLOG_ERR "CPU%u (MPIDR 0x%llx) failed to start: PSCI %s\n",
                   cpu, (unsigned long long)hwid, psci_error_name(rc));
            continue;
        }

        if ( !wait_online(cpu, one_second) )
            printk(XENLOG_ERR
                   "CPU%u (MPIDR 0x%llx) did not come online within 1s\n",
                   cpu, (unsigned long long)hwid);
    }

    printk("%u CPU%s online\n", num_online_cpus(),
           num_online_cpus() == 1 ? "" : "s");
}

void start_secondary(unsigned int cpu)
{
    printk("CPU%u online (MPIDR 0x%llx)\n", cpu,
           (unsigned long long)(READ_SYSREG(mpidr_el1) & MPIDR_HWID_MASK));
    cpu_mark_online(cpu);

    gic_cpu_init();
    cpu_features_init_cpu();
    psci_cpu_init();

    /* Idle until there are vCPUs to run. */
    schedule(false);
}
