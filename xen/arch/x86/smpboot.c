/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bringing up the application processors with INIT-SIPI-SIPI, one at a
 * time: each is told its logical number and stack (head.S reads them),
 * starts in the real-mode trampoline copied below 1 MiB, and must say it
 * is online within a second.
 */
#include <xen/bootinfo.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/smp.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>

/* One page below 1 MiB for the trampoline; the SIPI vector is its page. */
#define TRAMPOLINE_PADDR 0x8000

unsigned char cpu_stacks[CONFIG_NR_CPUS][STACK_SIZE] __aligned(16);

static unsigned int __initdata max_cpus = CONFIG_NR_CPUS;
integer_param("maxcpus", max_cpus);

static bool __initdata opt_nosmp;
boolean_param("nosmp", opt_nosmp);

static bool wait_online(unsigned int cpu, uint64_t timeout_ms)
{
    uint64_t start = rdtsc(), limit = timeout_ms * tsc_ticks_per_ms();

    while ( !cpu_is_online(cpu) )
    {
        if ( rdtsc() - start > limit )
            return false;
        arch_cpu_relax();
    }

    return true;
}

/* The INIT, STARTUP, STARTUP sequence (MP specification). */
static int start_ap(uint32_t apic_id)
{
    uint32_t sipi = ICR_DM_STARTUP | (TRAMPOLINE_PADDR >> 12);
    int rc;

    rc = lapic_send_ipi(apic_id,
                        ICR_DM_INIT | ICR_LEVEL_ASSERT | ICR_TRIGGER_LEVEL);
    if ( rc )
        return rc;
    udelay(10000);

    rc = lapic_send_ipi(apic_id, sipi);
    if ( rc )
        return rc;
    udelay(200);

    return lapic_send_ipi(apic_id, sipi);
}

/*
 * The trampoline page must be RAM that nothing else uses. The multiboot
 * information that may have been there has been copied out by now.
 */
static const char *__init trampoline_area_problem(void)
{
    uint64_t start = TRAMPOLINE_PADDR, end = TRAMPOLINE_PADDR + PAGE_SIZE;
    bool in_ram = false;
    unsigned int i;

    for ( i = 0; i < bootinfo.mem.nr; i++ )
    {
        const struct membank *b = &bootinfo.mem.bank[i];

        if ( start >= paddr_x(b->start) && end <= paddr_x(b->start) + b->size )
            in_ram = true;
    }
    if ( !in_ram )
        return "it is not RAM";

    for ( i = 0; i < bootinfo.nr_mods; i++ )
    {
        const struct bootmodule *m = &bootinfo.mods[i];

        if ( start < paddr_x(m->start) + m->size && paddr_x(m->start) < end )
            return "a boot module is there";
    }

    return NULL;
}

void __init smp_bring_up_cpus(void)
{
    unsigned int cpu, limit = opt_nosmp ? 1 : max_cpus;
    bool trampoline_ready = false;

    for ( cpu = 1; cpu < bootinfo.nr_cpus; cpu++ )
    {
        uint32_t apic_id = bootinfo.cpu_hwid[cpu];
        int rc;

        if ( cpu >= limit )
        {
            printk("CPU%u (APIC ID 0x%x) left offline (%s)\n", cpu, apic_id,
                   opt_nosmp ? "nosmp" : "maxcpus");
            continue;
        }

        if ( !trampoline_ready )
        {
            const char *why = trampoline_area_problem();

            if ( why )
            {
                printk(
                    XENLOG_ERR
                    "AP start-up page 0x%x unusable (%s): secondary CPUs left offline\n",
                    TRAMPOLINE_PADDR, why);
                break;
            }
            memcpy(ioremap(_paddr(TRAMPOLINE_PADDR)), trampoline_start,
                   trampoline_end - trampoline_start);
            trampoline_ready = true;
        }

        ap_cpu_id = cpu;
        ap_stack_top = (uintptr_t)&cpu_stacks[cpu][STACK_SIZE];
        smp_mb();

        rc = start_ap(apic_id);
        if ( rc )
        {
            printk(
                XENLOG_ERR
                "CPU%u (APIC ID 0x%x) failed to start: IPI not delivered (%d)\n",
                cpu, apic_id, rc);
            continue;
        }

        if ( !wait_online(cpu, 1000) )
        {
            /*
             * It may still be on its way and reading ap_cpu_id and
             * ap_stack_top: starting the next CPU would change them under
             * it. Leave them alone and start no more CPUs.
             */
            printk(
                XENLOG_ERR
                "CPU%u (APIC ID 0x%x) did not come online within 1s; the remaining CPUs are left offline\n",
                cpu, apic_id);
            break;
        }
    }

    printk("%u CPU%s online\n", num_online_cpus(),
           num_online_cpus() == 1 ? "" : "s");
}
