/* SPDX-License-Identifier: GPL-2.0-only */
/* Which CPUs are online, and kicking one. */
#include <xen/arch-hooks.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <asm/system.h>

static uint64_t online_mask;

BUILD_BUG_ON(CONFIG_NR_CPUS > 64);

void cpu_mark_online(unsigned int cpu)
{
    ASSERT(cpu < CONFIG_NR_CPUS);
    __atomic_fetch_or(&online_mask, 1ULL << cpu, __ATOMIC_RELEASE);
}

bool cpu_is_online(unsigned int cpu)
{
    return cpu < CONFIG_NR_CPUS &&
           (__atomic_load_n(&online_mask, __ATOMIC_ACQUIRE) >> cpu) & 1;
}

unsigned int num_online_cpus(void)
{
    return hweight64(__atomic_load_n(&online_mask, __ATOMIC_ACQUIRE));
}

static unsigned long kicks_sent, kicks_taken;

void cpu_kick(unsigned int cpu)
{
    if ( cpu >= CONFIG_NR_CPUS || cpu == smp_processor_id() )
        return;

    __atomic_fetch_add(&kicks_sent, 1, __ATOMIC_RELAXED);
    /* What the caller wrote reaches memory before the interrupt is sent. */
    smp_mb();
    arch_cpu_kick(cpu);
}

void cpu_kick_taken(void)
{
    __atomic_fetch_add(&kicks_taken, 1, __ATOMIC_RELAXED);
}

unsigned long cpu_kicks_sent(void)
{
    return __atomic_load_n(&kicks_sent, __ATOMIC_RELAXED);
}

unsigned long cpu_kicks_taken(void)
{
    return __atomic_load_n(&kicks_taken, __ATOMIC_RELAXED);
}
