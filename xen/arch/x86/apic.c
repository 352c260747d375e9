/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The local APIC in xAPIC mode (QEMU's TCG has no x2APIC): enabling it on
 * each CPU and sending IPIs through the ICR. Its registers are reached
 * through the identity map at the address IA32_APIC_BASE gives.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>

#define APIC_BASE_ADDR_MASK 0x000ffffffffff000ULL

/* A delivery that takes longer than this many polls has failed. */
#define ICR_POLL_LIMIT 1000000

static uint8_t *lapic_base;

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

    /* Nothing is wanted from the LVT inputs: mask them all. */
    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
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
