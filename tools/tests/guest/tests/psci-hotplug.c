/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux's CPU hotplug, over and over: vCPU 1 is started with PSCI CPU_ON,
 * reports in and calls CPU_OFF; vCPU 0 polls AFFINITY_INFO until it says
 * OFF and at once calls CPU_ON again. Every CPU_ON must succeed and bring
 * vCPU 1 back at the entry point, with the context id it was given (a
 * CPU_ON that lands while vCPU 1 is still leaving its pCPU must not lose
 * it). In the first round vCPU 1 stays up a while: AFFINITY_INFO must say
 * ON and CPU_ON ALREADY_ON. Waiting vCPUs yield, so one pCPU is enough.
 *
 * A domain with one vCPU (as the reference runs' dom0) gets the checks
 * that need no second one: AFFINITY_INFO of itself ON, CPU_ON of itself
 * ALREADY_ON, CPU_ON of vCPU 1 INVALID_PARAMETERS.
 */
#include <xtest.h>
#include <public/sched.h>

#define PSCI_CPU_OFF         0x84000002UL
#define PSCI_CPU_ON_64       0xc4000003UL
#define PSCI_AFFINITY_INFO64 0xc4000004UL

#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_ALREADY_ON         (-4)
#define AFFINITY_ON             0
#define AFFINITY_OFF            1

#define ROUNDS  200
#define CONTEXT 0xc0de0000UL /* + the round */
#define WAIT_S  2            /* per step, before vCPU 1 counts as lost */
#define SPINS   10000        /* checks between two yields */

/* Written by vCPU 1 only (and hold by vCPU 0 only), read by the other. */
static volatile unsigned long arrivals, last_context, off_returned;
static volatile bool hold;

static long psci(unsigned long fn, unsigned long a1, unsigned long a2,
                 unsigned long a3)
{
    return (long)arm64_psci(fn, a1, a2, a3);
}

static long affinity_info(unsigned long mpidr)
{
    return psci(PSCI_AFFINITY_INFO64, mpidr, 0, 0);
}

static long cpu_on(unsigned long mpidr, unsigned long context)
{
    return psci(PSCI_CPU_ON_64, mpidr, (unsigned long)arm64_secondary_entry,
                context);
}

static void yield(void)
{
    hypercall_sched_op(SCHEDOP_yield, NULL);
}

static void barrier(void)
{
    __asm__ __volatile__("dmb sy" ::: "memory");
}

/* vCPU 1: report in (the context id, then the count), then go off. */
static void secondary(unsigned long context)
{
    last_context = context;
    barrier();
    arrivals = arrivals + 1;
    barrier();
    while ( hold )
        yield();
    psci(PSCI_CPU_OFF, 0, 0, 0);
    off_returned = off_returned + 1; /* CPU_OFF must not return */
}

static unsigned long counter_hz(void)
{
    unsigned long f;

    __asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(f));
    return f;
}

static bool arrived(unsigned long n)
{
    return arrivals >= n;
}

static bool vcpu1_off(unsigned long unused)
{
    return affinity_info(1) == AFFINITY_OFF;
}

/*
 * Until cond(arg): check it SPINS times in a row (vCPU 1 may be on
 * another pCPU: see the change as it happens, as Linux's poll does),
 * then yield (it may need this pCPU). False after WAIT_S seconds.
 */
static bool wait_for(bool (*cond)(unsigned long), unsigned long arg)
{
    unsigned long start = arch_cycles(), limit = WAIT_S * counter_hz();
    unsigned int i;

    for ( ;; )
    {
        for ( i = 0; i < SPINS; i++ )
            if ( cond(arg) )
            {
                barrier();
                return true;
            }
        if ( arch_cycles() - start > limit )
            return false;
        yield();
    }
}

XTEST(psci_hotplug, "psci-hotplug",
      "PSCI CPU_OFF, AFFINITY_INFO until OFF, CPU_ON: the vCPU comes back")
{
    unsigned long self;
    unsigned int round, bad_context = 0;
    long rc;

    __asm__ __volatile__("mrs %0, mpidr_el1" : "=r"(self));
    self &= 0xff00ffffffUL;
    CHECK_EQ("self.affinity_info", affinity_info(self), AFFINITY_ON);
    CHECK_EQ("self.cpu_on", cpu_on(self, 0), PSCI_ALREADY_ON);

    arm64_secondary_fn = secondary;
    hold = true;
    barrier();
    rc = cpu_on(1, CONTEXT);
    if ( rc == PSCI_INVALID_PARAMETERS )
    {
        xtest_info("vcpu1", 0);
        return;
    }
    xtest_info("vcpu1", 1);

    for ( round = 0; round < ROUNDS; round++ )
    {
        if ( round )
            rc = cpu_on(1, CONTEXT + round);
        if ( rc )
        {
            xtest_failure("round %u: CPU_ON returned %ld", round, rc);
            break;
        }
        if ( !wait_for(arrived, round + 1) )
        {
            xtest_failure("round %u: vCPU 1 did not come back after CPU_ON",
                          round);
            break;
        }
        if ( last_context != CONTEXT + round )
            bad_context++;

        if ( round == 0 )
        {
            CHECK_EQ("up.affinity_info", affinity_info(1), AFFINITY_ON);
            CHECK_EQ("up.cpu_on", cpu_on(1, 0), PSCI_ALREADY_ON);
            hold = false;
            barrier();
        }

        if ( !wait_for(vcpu1_off, 0) )
        {
            xtest_failure("round %u: AFFINITY_INFO did not say OFF", round);
            break;
        }
    }

    CHECK_EQ("rounds", round, ROUNDS);
    CHECK_EQ("bad_context_ids", bad_context, 0);
    CHECK_EQ("cpu_off_returned", off_returned, 0);
    CHECK_EQ("end.affinity_info", affinity_info(1), AFFINITY_OFF);
}
