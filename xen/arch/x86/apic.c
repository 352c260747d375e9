/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The local APIC in xAPIC mode (QEMU's TCG has no x2APIC): enabling it on
 * each CPU, sending IPIs through the ICR (kicks among them), and its
 * timer as the scheduler's tick. Its registers are reached through the identity map at
 * the address IA32_APIC_BASE gives.
 *
 * The timer runs in one-shot mode, from the bus clock divided by 16. Its
 * rate is measured once against the TSC (itself measured against the
 * PIT) and is the same on every CPU. Each CPU arms its own timer when it
 * starts running a vCPU and again after each tick that does not end the
 * slice; a tick that fires while the CPU is in the hypervisor (interrupts
 * masked) waits in the APIC until the next VMRUN lets it in.
 */
#include <xen/errno.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>

#define APIC_BASE_ADDR_MASK 0x000ffffffffff000ULL

/* A delivery that takes longer than this many polls has failed. */
#define ICR_POLL_LIMIT 1000000

/* How long the timer is measured for, and the divider it runs with. */
#define TIMER_CALIBRATE_MS 10
#define TIMER_DIVIDER      16

static uint8_t *lapic_base;

/* Timer counts per millisecond (after the divider); 0: no tick. */
static uint32_t timer_per_ms;

/* Per CPU: the tick fired and nobody has looked yet. */
static bool tick_fired[CONFIG_NR_CPUS];

static uint32_t apic_read(unsigned int reg)
{
    return readl(lapic_base + reg);
}

static void apic_write(unsigned int reg, uint32_t v)
{
    writel(v, lapic_base + reg);
}

bool lapic_ready(void)
{
    return lapic_base != NULL;
}

void lapic_init_cpu(void)
{
    uint64_t base = rdmsr(MSR_APIC_BASE);

    if ( !(base & APIC_BASE_ENABLE) )
    {
        base |= APIC_BASE_ENABLE;
        wrmsr(MSR_APIC_BASE, base);
    }

    /* The identity map covers it; every CPU's APIC is at the same address. */
    if ( !lapic_base )
        lapic_base = ioremap(_paddr(base & APIC_BASE_ADDR_MASK));

    /*
     * Nothing is wanted from the LVT inputs but the timer, which stays
     * stopped until armed (and masked until it has been measured).
     */
    apic_write(APIC_TMICT, 0);
    apic_write(APIC_TDCR, APIC_TDCR_DIV16);
    apic_write(APIC_LVT_TIMER,
               timer_per_ms ? APIC_TIMER_VECTOR : APIC_LVT_MASKED);
    apic_write(APIC_LVT_LINT0, APIC_LVT_MASKED);
    apic_write(APIC_LVT_LINT1, APIC_LVT_MASKED);
    apic_write(APIC_LVT_ERROR, APIC_LVT_MASKED);

    apic_write(APIC_SVR, APIC_SVR_ENABLE | APIC_SPURIOUS_VECTOR);
    apic_write(APIC_ESR, 0);
}

uint32_t lapic_read_id(void)
{
    return apic_read(APIC_ID) >> 24;
}

static int icr_wait_idle(void)
{
    unsigned int i;

    for ( i = 0; i < ICR_POLL_LIMIT; i++ )
    {
        if ( !(apic_read(APIC_ICR_LO) & ICR_BUSY) )
            return 0;
        arch_cpu_relax();
    }

    return -ETIMEDOUT;
}

int lapic_send_ipi(uint32_t dest, uint32_t icr_lo)
{
    int rc = icr_wait_idle();

    if ( rc )
        return rc;

    apic_write(APIC_ICR_HI, dest << 24);
    apic_write(APIC_ICR_LO, icr_lo);

    return icr_wait_idle();
}

void lapic_send_kick(uint32_t apic_id)
{
    /* Fixed delivery, edge, physical destination. */
    if ( lapic_send_ipi(apic_id, APIC_KICK_VECTOR | ICR_LEVEL_ASSERT) )
        printk(XENLOG_ERR "APIC: kick to APIC ID 0x%x not delivered\n",
               apic_id);
}

void lapic_kick_interrupt(void)
{
    apic_write(APIC_EOI, 0);
    cpu_kick_taken();
}

/*
 * Count the timer down, masked, for TIMER_CALIBRATE_MS of TSC time. The
 * APIC is read on both sides of the TSC reads, so the count covers at
 * least the time measured; the error is a few register reads.
 */
void __init lapic_timer_calibrate(void)
{
    uint64_t tsc_per_ms = tsc_ticks_per_ms(), t0, t1, counted, per_ms;
    uint32_t c0, c1;

    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
    apic_write(APIC_TDCR, APIC_TDCR_DIV16);
    apic_write(APIC_TMICT, 0xffffffff);

    c0 = apic_read(APIC_TMCCT);
    t0 = rdtsc();
    do
        t1 = rdtsc();
    while ( t1 - t0 < TIMER_CALIBRATE_MS * tsc_per_ms );
    c1 = apic_read(APIC_TMCCT);
    apic_write(APIC_TMICT, 0);

    counted = c0 - c1;
    per_ms = c1 && c0 > c1 ? counted * tsc_per_ms / (t1 - t0) : 0;
    if ( !per_ms || per_ms * SCHED_SLICE_MS > 0xffffffffULL )
    {
        printk(XENLOG_WARNING
               "APIC timer: counted %llu in %u ms; no scheduler tick\n",
               (unsigned long long)counted, TIMER_CALIBRATE_MS);
        return;
    }

    timer_per_ms = per_ms;
    apic_write(APIC_LVT_TIMER, APIC_TIMER_VECTOR); /* one-shot */

    printk("APIC timer: %u ms tick, vector 0x%x, %llu MHz bus clock\n",
           SCHED_SLICE_MS, APIC_TIMER_VECTOR,
           (unsigned long long)((per_ms * TIMER_DIVIDER + 500) / 1000));
}

void lapic_tick_arm(void)
{
    if ( timer_per_ms )
        apic_write(APIC_TMICT, timer_per_ms * SCHED_SLICE_MS);
}

void lapic_tick_start(void)
{
    if ( !timer_per_ms )
        return;

    /* A tick left from an earlier slice (one that fired while idle). */
    apic_write(APIC_TMICT, 0);
    local_irq_take_pending();
    WRITE_ONCE(tick_fired[smp_processor_id()], false);

    lapic_tick_arm();
}

bool lapic_tick_take(void)
{
    unsigned int cpu = smp_processor_id();
    bool fired = READ_ONCE(tick_fired[cpu]);

    WRITE_ONCE(tick_fired[cpu], false);

    return fired;
}

void lapic_timer_interrupt(void)
{
    apic_write(APIC_EOI, 0);
    WRITE_ONCE(tick_fired[smp_processor_id()], true);
}
