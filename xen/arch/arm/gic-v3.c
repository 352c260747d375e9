/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough GICv3 for the hypervisor's own timer tick: the distributor
 * with affinity routing, each CPU's redistributor awake, the EL2 physical
 * timer's PPI enabled in group 1, and the system-register CPU interface.
 * Guests get no virtual interrupts yet.
 */
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/sysregs.h>

#define GICD_CTLR         0x0000
#define GICD_CTLR_RWP     (1U << 31)
#define GICD_CTLR_ARE     (1U << 4)
#define GICD_CTLR_ENABLE1 (1U << 1)

#define GICR_FRAME_SIZE   0x20000
#define GICR_TYPER        0x0008
#define GICR_TYPER_LAST   (1U << 4)
#define GICR_WAKER        0x0014
#define GICR_WAKER_SLEEP  (1U << 1)
#define GICR_WAKER_ASLEEP (1U << 2)
#define GICR_SGI_BASE     0x10000
#define GICR_IGROUPR0     0x0080
#define GICR_ISENABLER0   0x0100
#define GICR_IPRIORITYR   0x0400

/* GICv3 CPU-interface registers, by encoding (older assemblers lack names). */
#define ICC_SRE_EL2     S3_4_C12_C9_5
#define ICC_PMR_EL1     S3_0_C4_C6_0
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_BPR1_EL1    S3_0_C12_C12_3
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7

static uint8_t *dist;
static uint8_t *rdist;
static uint64_t rdist_size;

bool gic_present(void)
{
    return dist != NULL;
}

static uint64_t readq(const uint8_t *p)
{
    return readl(p) | ((uint64_t)readl(p + 4) << 32);
}

int gic_init(const struct fdt *fdt)
{
    int node = fdt_root(fdt), depth = 0;
    uint64_t base, size;

    for ( ; node >= 0; node = fdt_next_node(fdt, node, &depth) )
        if ( fdt_node_is_compatible(fdt, node, "arm,gic-v3") )
            break;
    if ( node < 0 || fdt_get_reg(fdt, node, 0, &base, &size) )
    {
        printk(XENLOG_WARNING
               "GIC: no GICv3 in the device tree: no scheduler tick\n");
        return -ENODEV;
    }
    dist = ioremap(_paddr(base));
    if ( fdt_get_reg(fdt, node, 1, &base, &rdist_size) )
    {
        dist = NULL;
        printk(XENLOG_WARNING
               "GIC: no redistributor region: no scheduler tick\n");
        return -ENODEV;
    }
    rdist = ioremap(_paddr(base));

    writel(readl(dist + GICD_CTLR) | GICD_CTLR_ARE | GICD_CTLR_ENABLE1,
           dist + GICD_CTLR);
    while ( readl(dist + GICD_CTLR) & GICD_CTLR_RWP )
        arch_cpu_relax();

    printk("GIC: GICv3, distributor at 0x%llx, redistributors at 0x%llx\n",
           (unsigned long long)(uintptr_t)dist, (unsigned long long)base);

    return 0;
}

/* The redistributor frame whose affinity is this CPU's. */
static uint8_t *my_rdist(void)
{
    uint64_t mpidr = READ_SYSREG(mpidr_el1);
    uint32_t aff = ((mpidr >> 32) & 0xff) << 24 | (mpidr & 0xffffff);
    uint64_t off;

    for ( off = 0; off + GICR_FRAME_SIZE <= rdist_size; off += GICR_FRAME_SIZE )
    {
        uint64_t typer = readq(rdist + off + GICR_TYPER);

        if ( (typer >> 32) == aff )
            return rdist + off;
        if ( typer & GICR_TYPER_LAST )
            break;
    }

    return NULL;
}

void gic_cpu_init(void)
{
    uint8_t *r, *sgi;

    if ( !dist || (r = my_rdist()) == NULL )
        return;
    sgi = r + GICR_SGI_BASE;

    writel(readl(r + GICR_WAKER) & ~GICR_WAKER_SLEEP, r + GICR_WAKER);
    while ( readl(r + GICR_WAKER) & GICR_WAKER_ASLEEP )
        arch_cpu_relax();

    writel(readl(sgi + GICR_IGROUPR0) | (1U << IRQ_HYP_TIMER),
           sgi + GICR_IGROUPR0);
    /* Byte-wide priority field of INTID 26, in a 32-bit register. */
    writel((readl(sgi + GICR_IPRIORITYR + (IRQ_HYP_TIMER & ~3)) &
            ~(0xffU << ((IRQ_HYP_TIMER & 3) * 8))) |
               (0xa0U << ((IRQ_HYP_TIMER & 3) * 8)),
           sgi + GICR_IPRIORITYR + (IRQ_HYP_TIMER & ~3));
    writel(1U << IRQ_HYP_TIMER, sgi + GICR_ISENABLER0);

    WRITE_SYSREG(READ_SYSREG(ICC_SRE_EL2) | 0x9, ICC_SRE_EL2); /* SRE, Enable */
    isb();
    WRITE_SYSREG(0xff, ICC_PMR_EL1);
    WRITE_SYSREG(0, ICC_BPR1_EL1);
    WRITE_SYSREG(1, ICC_IGRPEN1_EL1);
    isb();
}

uint32_t gic_ack(void)
{
    uint32_t iar = READ_SYSREG(ICC_IAR1_EL1);

    __asm__ __volatile__("dsb sy" ::: "memory");

    return iar;
}

void gic_eoi(uint32_t iar)
{
    WRITE_SYSREG(iar, ICC_EOIR1_EL1);
    isb();
}
