/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loading an arm64 guest: the kernel (a Linux arm64 Image, or a raw
 * binary entered at its first byte) at the start of its first RAM bank
 * plus the Image's text_offset, the ramdisk and the guest's device tree
 * near the end of that bank, and vCPU 0 set to enter the kernel with
 * x0 = the device tree, as Linux's arm64 boot protocol says.
 *
 * The guest DT has: memory, /chosen (bootargs, initrd), cpus, psci
 * (method "hvc"), the interrupt controller (a GICv3 at Xen's guest
 * addresses) and the architected timer, and the /hypervisor node
 * (grant-table region, event channel interrupt). The GIC and timer nodes
 * describe the guest's layout the way Xen does; their interrupts are not
 * delivered yet (no virtual GIC: an access to its frames is an abort).
 */
#include <xen/arch-hooks.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/fdt-write.h>
#include <xen/fdt.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <asm/cache.h>
#include <asm/hwdom.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/vcpu.h>
#include <public/xen.h>

#define DT_MAX   0x40000UL /* what we reserve for the DT */
#define DT_ORDER 6         /* DT_MAX in pages, as an order */
BUILD_BUG_ON((PAGE_SIZE << DT_ORDER) != DT_MAX);
#define IMAGE_MAGIC_OFF 56

struct image_info {
    uint64_t text_offset;
    uint64_t image_size;
    bool is_image;
};

static void read_image_header(const struct bootmodule *k, struct image_info *ii)
{
    const uint8_t *p = ioremap(k->start);

    ii->is_image = k->size >= 64 && !memcmp(p + IMAGE_MAGIC_OFF, "ARM\x64", 4);
    ii->text_offset = 0;
    ii->image_size = k->size;
    if ( ii->is_image )
    {
        memcpy(&ii->text_offset, p + 8, 8); /* little-endian fields */
        memcpy(&ii->image_size, p + 16, 8);
        if ( !ii->image_size )
        {
            ii->text_offset = 0x80000; /* pre-3.17 Images */
            ii->image_size = k->size;
        }
    }
}

/* A PPI in a 3-cell GIC specifier: <1 (INTID - 16) level-low, all CPUs>. */
#define PPI_CELLS(intid) 1, (intid)-16, 0xf08

static void write_gic_timer(struct fdt_writer *w)
{
    static const uint64_t timer_irqs[] = {
        PPI_CELLS(GUEST_TIMER_PHYS_S_PPI),
        PPI_CELLS(GUEST_TIMER_PHYS_NS_PPI),
        PPI_CELLS(GUEST_TIMER_VIRT_PPI),
    };
    static const uint32_t one_cell[ARRAY_SIZE(timer_irqs)] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1,
    };
    static const uint64_t gic_reg[] = {
        GUEST_GICV3_GICD_BASE,
        GUEST_GICV3_GICD_SIZE,
        GUEST_GICV3_GICR0_BASE,
        GUEST_GICV3_GICR0_SIZE,
    };

    fdt_write_node(w, "interrupt-controller@3001000");
    fdt_write_prop_string(w, "compatible", "arm,gic-v3");
    fdt_write_prop_u32(w, "#interrupt-cells", 3);
    fdt_write_prop_u32(w, "#address-cells", 0);
    fdt_write_prop_empty(w, "interrupt-controller");
    fdt_write_prop_u32(w, "#redistributor-regions", GUEST_GICV3_RDIST_REGIONS);
    fdt_write_prop_reg(w, 2, 2, gic_reg, 2);
    fdt_write_prop_u32(w, "phandle", GUEST_PHANDLE_GIC);
    fdt_write_end_node(w);

    /* Secure physical, non-secure physical, virtual (as Xen lists them). */
    fdt_write_node(w, "timer");
    fdt_write_prop_string(w, "compatible", "arm,armv8-timer");
    fdt_write_prop_cells(w, "interrupts", timer_irqs, one_cell,
                         ARRAY_SIZE(timer_irqs));
    fdt_write_end_node(w);
}

/* ---- Nodes every guest DT has (the hardware domain's too: hwdom.c) ---- */

void guest_dt_write_chosen_props(struct fdt_writer *w, const struct domain *d,
                                 const struct guest_dt_extra *extra)
{
    const struct domain_config *c = d->config;

    if ( c->kernel->cmdline )
        fdt_write_prop_string(w, "bootargs", c->kernel->cmdline);
    if ( extra->initrd_size )
    {
        fdt_write_prop_u64(w, "linux,initrd-start", extra->initrd_start);
        fdt_write_prop_u64(w, "linux,initrd-end",
                           extra->initrd_start + extra->initrd_size);
    }
}

void guest_dt_write_memory(struct fdt_writer *w, const struct domain *d,
                           uint32_t ac, uint32_t sc)
{
    uint64_t reg[2 * NR_GUEST_RAM_BANKS];
    unsigned int i;

    for ( i = 0; i < d->ram.nr; i++ )
    {
        reg[2 * i] = (uint64_t)gfn_x(d->ram.bank[i].start) << PAGE_SHIFT;
        reg[2 * i + 1] = (uint64_t)d->ram.bank[i].nr_pages << PAGE_SHIFT;
    }
    fdt_write_node(w, "memory");
    fdt_write_prop_string(w, "device_type", "memory");
    fdt_write_prop_reg(w, ac, sc, reg, d->ram.nr);
    fdt_write_end_node(w);
}

void guest_dt_write_cpus(struct fdt_writer *w, const struct domain *d)
{
    unsigned int i;

    fdt_write_node(w, "cpus");
    fdt_write_prop_u32(w, "#address-cells", 1);
    fdt_write_prop_u32(w, "#size-cells", 0);
    for ( i = 0; i < d->max_vcpus; i++ )
    {
        char name[16];

        snprintf(name, sizeof(name), "cpu@%u", i);
        fdt_write_node(w, name);
        fdt_write_prop_string(w, "device_type", "cpu");
        fdt_write_prop_string(w, "compatible", "arm,armv8");
        fdt_write_prop_u32(w, "reg", i);
        fdt_write_prop_string(w, "enable-method", "psci");
        fdt_write_end_node(w);
    }
    fdt_write_end_node(w);
}

void guest_dt_write_psci(struct fdt_writer *w)
{
    static const char *const psci_compat[] = { "arm,psci-1.0", "arm,psci-0.2",
                                               "arm,psci" };

    fdt_write_node(w, "psci");
    fdt_write_prop_strings(w, "compatible", psci_compat, 3);
    fdt_write_prop_string(w, "method", "hvc");
    fdt_write_end_node(w);
}

void guest_dt_write_hypervisor(struct fdt_writer *w, uint32_t ac, uint32_t sc,
                               uint64_t gnttab_base, uint64_t gnttab_size,
                               uint32_t gic_phandle)
{
    static const char *const hyp_compat[] = { "xen,xen-" XEN_ABI_VERSION_STR,
                                              "xen,xen" };
    uint64_t irq[3] = { PPI_CELLS(GUEST_EVTCHN_PPI) };
    uint32_t irq_cells[3] = { 1, 1, 1 };
    uint64_t gnttab[2] = { gnttab_base, gnttab_size };

    fdt_write_node(w, "hypervisor");
    fdt_write_prop_strings(w, "compatible", hyp_compat, 2);
    fdt_write_prop_reg(w, ac, sc, gnttab, 1);
    if ( gic_phandle )
        fdt_write_prop_u32(w, "interrupt-parent", gic_phandle);
    fdt_write_prop_cells(w, "interrupts", irq, irq_cells, 3);
    fdt_write_end_node(w);
}

/* A domU's DT, on Xen's guest layout. */
static int write_guest_dt(struct domain *d, void *buf, size_t size,
                          const struct guest_dt_extra *extra)
{
    struct fdt_writer *w = alloc_xenheap_page();
    int rc;

    BUILD_BUG_ON(sizeof(*w) > PAGE_SIZE);
    if ( !w )
        return -ENOMEM;

    fdt_write_begin(w, buf, size);
    fdt_write_node(w, "");
    fdt_write_prop_u32(w, "#address-cells", 2);
    fdt_write_prop_u32(w, "#size-cells", 2);
    fdt_write_prop_string(w, "compatible", "xen,xenvm");
    fdt_write_prop_string(w, "model", "Xen-ABI hypervisor guest");
    fdt_write_prop_u32(w, "interrupt-parent", GUEST_PHANDLE_GIC);

    fdt_write_node(w, "chosen");
    guest_dt_write_chosen_props(w, d, extra);
    fdt_write_end_node(w);

    guest_dt_write_memory(w, d, 2, 2);
    guest_dt_write_cpus(w, d);
    guest_dt_write_psci(w);
    write_gic_timer(w);
    guest_dt_write_hypervisor(w, 2, 2, GUEST_GNTTAB_BASE, GUEST_GNTTAB_SIZE, 0);

    fdt_write_end_node(w);
    rc = fdt_write_finish(w);
    free_xenheap_page(w);

    return rc;
}

/*
 * The guest starts with its MMU and caches off: its reads go straight to
 * memory, past the caches that our copies went through. Clean what was
 * copied to the point of coherency (and drop it from the caches, so that
 * no clean stale line is hit once the guest turns its caches on), and
 * drop any stale instructions, as Linux's boot protocol asks.
 */
static void clean_guest_range(struct domain *d, uint64_t gpa, uint64_t len)
{
    while ( len )
    {
        uint64_t off = gpa & (PAGE_SIZE - 1);
        uint64_t chunk = min(PAGE_SIZE - off, len);
        p2m_type_t t;
        mfn_t mfn = p2m_lookup(d, _gfn(gpa >> PAGE_SHIFT), &t);

        if ( p2m_is_ram(t) )
            flush_dcache_va_range(
                (uint8_t *)maddr_to_virt(mfn_to_maddr(mfn)) + off, chunk);
        gpa += chunk;
        len -= chunk;
    }
}

int arch_domain_load(struct domain *d, const char **why)
{
    const struct domain_config *c = d->config;
    struct vcpu *v = d->vcpu[0];
    uint64_t base, end, kernel_at, kernel_end, dt_at, initrd_at = 0;
    uint64_t initrd_size = c->ramdisk ? c->ramdisk->size : 0;
    struct guest_dt_extra extra;
    struct image_info ii;
    void *dt;
    int size;

    if ( !d->ram.nr || !v )
    {
        *why = "no RAM or no vCPU";
        return -EINVAL;
    }
    base = (uint64_t)gfn_x(d->ram.bank[0].start) << PAGE_SHIFT;
    end = base + ((uint64_t)d->ram.bank[0].nr_pages << PAGE_SHIFT);

    read_image_header(c->kernel, &ii);
    /*
     * The header's numbers come from the image: each is checked against
     * the bank before it is added to anything, so that nothing wraps.
     */
    if ( c->kernel->size >= end - base )
    {
        *why = "its kernel is larger than its first RAM bank";
        return -ENOSPC;
    }
    if ( ii.text_offset >= end - base || ii.image_size >= end - base )
    {
        *why = "its kernel's Image header (text_offset or image_size) does "
               "not fit its first RAM bank";
        return -ENOSPC;
    }
    kernel_at = ROUNDUP(base, MB(2)) + ii.text_offset;
    kernel_end = kernel_at + max(ii.image_size, c->kernel->size);

    /* DT at the top of the first bank (below 512 MiB from its start). */
    if ( end - base < DT_MAX )
    {
        *why = "its first RAM bank is too small for its device tree";
        return -ENOSPC;
    }
    dt_at = min(end, base + MB(512)) - DT_MAX;
    if ( initrd_size > dt_at - base )
    {
        *why = "its ramdisk does not fit its first RAM bank";
        return -ENOSPC;
    }
    if ( initrd_size )
        initrd_at = ROUNDDOWN(dt_at - initrd_size, (uint64_t)PAGE_SIZE);
    if ( kernel_end > (initrd_size ? initrd_at : dt_at) )
    {
        *why =
            "its first RAM bank is too small for the kernel, ramdisk and device tree";
        return -ENOSPC;
    }

    if ( copy_to_guest_phys(d, kernel_at, ioremap(c->kernel->start),
                            c->kernel->size) ||
         (initrd_size &&
          copy_to_guest_phys(d, initrd_at, ioremap(c->ramdisk->start),
                             initrd_size)) )
    {
        *why = "could not copy the kernel or ramdisk into its RAM";
        return -EFAULT;
    }

    dt = alloc_xenheap_pages(DT_ORDER, 0);
    if ( !dt )
    {
        *why = "no memory for its device tree";
        return -ENOMEM;
    }
    extra.initrd_start = initrd_at;
    extra.initrd_size = initrd_size;
    size = c->hardware && c->direct_map
               ? hwdom_write_dt(d, &host_fdt, dt, DT_MAX, &extra)
               : write_guest_dt(d, dt, DT_MAX, &extra);
    if ( size < 0 || copy_to_guest_phys(d, dt_at, dt, size) )
    {
        free_xenheap_pages(dt, DT_ORDER);
        *why = "could not write its device tree";
        return size < 0 ? size : -EFAULT;
    }
    free_xenheap_pages(dt, DT_ORDER);

    clean_guest_range(d, kernel_at, c->kernel->size);
    clean_guest_range(d, initrd_at, initrd_size);
    clean_guest_range(d, dt_at, size);
    invalidate_icache_all();

    v->arch.regs.pc = kernel_at;
    v->arch.regs.x[0] = dt_at;
    v->arch.regs.cpsr = PSR_GUEST_INIT;

    printk("d%u: kernel (%s) at 0x%llx, device tree at 0x%llx%s\n",
           d->domain_id, ii.is_image ? "arm64 Image" : "raw binary",
           (unsigned long long)kernel_at, (unsigned long long)dt_at,
           initrd_size ? ", ramdisk below it" : "");

    return 0;
}
