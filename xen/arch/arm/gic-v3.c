/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough GICv3 for the hypervisor's own interrupts: the distributor
 * with affinity routing, each CPU's redistributor awake, the EL2 physical
 * timer's PPI (the scheduler's tick) and SGI 0 (kicks from other CPUs)
 * enabled in group 1, and the system-register CPU interface, through
 * which SGIs are sent (ICC_SGI1R_EL1). Guests get no virtual interrupts
 * yet.
 */
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/sysregs.h>
#include <asm/system.h>

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
#define ICC_SGI1R_EL1   S3_0_C12_C11_5

/* ICC_SGI1R_EL1 fields. */
#define SGI1R_AFF1_SHIFT  16
#define SGI1R_INTID_SHIFT 24
#define SGI1R_AFF2_SHIFT  32
#define SGI1R_RS_SHIFT    44
#define SGI1R_AFF3_SHIFT  48

/* Group 1, priority 0xa0: what the tick and the kick SGI are given. */
#define IRQ_PRIORITY 0xa0U

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
    printk("Idle CPUs wait in WFI; kicks are SGI %u\n", SGI_KICK);

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

/* An SGI or PPI of this CPU in group 1 with IRQ_PRIORITY, enabled. */
static void enable_private_irq(uint8_t *sgi, unsigned int irq)
{
    uint8_t *prio = sgi + GICR_IPRIORITYR + (irq & ~3U);
    unsigned int shift = (irq & 3) * 8;

    writel(readl(sgi + GICR_IGROUPR0) | (1U << irq), sgi + GICR_IGROUPR0);
    /* A byte-wide priority field in a 32-bit register. */
    writel((readl(prio) & ~(0xffU << shift)) | (IRQ_PRIORITY << shift), prio);
    writel(1U << irq, sgi + GICR_ISENABLER0);
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

    enable_private_irq(sgi, IRQ_HYP_TIMER);
    enable_private_irq(sgi, SGI_KICK);

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

void gic_send_sgi(uint64_t mpidr, unsigned int sgi)
{
    uint64_t aff0 = mpidr & 0xff;
    uint64_t v = ((uint64_t)sgi << SGI1R_INTID_SHIFT) |
                 (((mpidr >> 8) & 0xff) << SGI1R_AFF1_SHIFT) |
                 (((mpidr >> 16) & 0xff) << SGI1R_AFF2_SHIFT) |
                 (((mpidr >> 32) & 0xff) << SGI1R_AFF3_SHIFT) |
                 ((aff0 >> 4) << SGI1R_RS_SHIFT) | (1UL << (aff0 & 0xf));

    /* Earlier stores are seen by the target before it takes the SGI. */
    dsb(ishst);
    WRITE_SYSREG(v, ICC_SGI1R_EL1);
    isb();
}
