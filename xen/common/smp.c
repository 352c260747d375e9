/* SPDX-License-Identifier: GPL-2.0-only */
/* Which CPUs are online. */
#include <xen/lib.h>
#include <xen/smp.h>

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
