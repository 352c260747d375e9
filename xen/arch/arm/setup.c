/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 boot: from head.S (MMU on, identity map, boot CPU only) to a
 * system with every CPU online. One line per decision goes to the log.
 */
#include <xen/arch-hooks.h>
#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/fdt.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/setup.h>
#include <xen/smp.h>
#include <xen/version.h>
#include <asm/cpufeature.h>
#include <asm/io.h>
#include <asm/gic.h>
#include <asm/psci.h>
#include <asm/setup.h>

const char arch_name[] = "arm64";

/* The host's device tree, kept (its memory is never the heap's). */
struct fdt host_fdt;

extern int pl011_init(paddr_t base, uint64_t size);

void arch_machine_power_off(bool failed)
{
    psci_system_off();
    printk(XENLOG_ERR "PSCI SYSTEM_OFF unavailable: halting\n");
    arch_cpu_halt();
}

void arch_cpu_halt(void)
{
    for ( ;; )
        __asm__ __volatile__("msr daifset, #0xf\n\twfi" ::: "memory");
}

void arch_reserve_boot_memory(void)
{
    /* Nothing beyond the image, the DT and the modules (common code). */
}

/* The hardware domain is 1:1 on the host layout, as on upstream Arm. */
bool arch_hwdom_direct_mapped(void)
{
    return true;
}

void arch_guest_ram_regions(struct guest_ram *r)
{
    /* Xen's Arm guest memory map: GUEST_RAM0 (3 GiB), GUEST_RAM1. */
    r->nr = 2;
    r->bank[0].start = _gfn(0x40000000UL >> PAGE_SHIFT);
    r->bank[0].nr_pages = 0xc0000000UL >> PAGE_SHIFT;
    r->bank[1].start = _gfn(0x200000000UL >> PAGE_SHIFT);
    r->bank[1].nr_pages = 0xfe00000000UL >> PAGE_SHIFT;
}

void arch_stop_other_cpus(void)
{
    /*
     * Secondary CPUs only park in WFI with interrupts masked for now; there
     * is nothing running on them to stop.
     */
}

static void __init open_device_tree(struct fdt *fdt, paddr_t fdt_paddr)
{
    const char *why = NULL;
    char sz[24];

    if ( !paddr_x(fdt_paddr) || !IS_ALIGNED(paddr_x(fdt_paddr), 8) )
        panic(
            "No usable device tree: x0 = 0x%llx (want an 8-byte aligned address)",
            (unsigned long long)paddr_x(fdt_paddr));

    if ( fdt_open(fdt, ioremap(fdt_paddr), MAX_FDT_SIZE, &why) )
        panic("Device tree at 0x%llx rejected: %s",
              (unsigned long long)paddr_x(fdt_paddr), why);

    printk("Device tree at 0x%llx (%s)\n",
           (unsigned long long)paddr_x(fdt_paddr),
           format_size(sz, sizeof(sz), fdt->totalsize));
}

void __init start_xen(paddr_t fdt_paddr)
{
    uint64_t boot_mpidr = READ_SYSREG(mpidr_el1) & MPIDR_HWID_MASK;
    struct fdt *fdt = &host_fdt;
    char sz[24];

    cpu_mark_online(0);
    print_banner();

#ifdef CONFIG_EARLY_PRINTK
    pl011_init(_paddr(CONFIG_EARLY_UART_BASE_ADDRESS), 0x1000);
#endif

    open_device_tree(fdt, fdt_paddr);
    /* RAM and reserved memory first: the console's 'reg' must avoid them. */
    bootfdt_scan_memory(&bootinfo, fdt);
    bootfdt_scan_reserved(&bootinfo, fdt);
    console_dt_init(fdt, &bootinfo);

    printk("Hypervisor image at 0x%llx-0x%llx (%s)\n",
           (unsigned long long)(uintptr_t)_start,
           (unsigned long long)(uintptr_t)_end - 1,
           format_size(sz, sizeof(sz), _end - _start));

    bootfdt_scan_chosen(&bootinfo, fdt);
    boot_parse_cmdline(&bootinfo);

    bootinfo.xen_image.start = _paddr((uintptr_t)_start);
    bootinfo.xen_image.size = _end - _start;
    bootinfo.fdt.start = fdt_paddr;
    bootinfo.fdt.size = fdt->totalsize;
    bootfdt_scan_static(&bootinfo, fdt);
    bootfdt_scan_domains(&bootinfo, fdt, &boot_domains);
    bootinfo_print(&bootinfo);
    if ( !bootinfo.mem.nr )
        panic("The device tree describes no RAM");
    bootinfo_check_modules(&bootinfo);
    bootinfo_check_reserved(&bootinfo);
    setup_mm(&bootinfo);

    cpu_features_init();
    cpu_features_init_cpu();
    psci_init(fdt);
    if ( !gic_init(fdt) )
        gic_cpu_init();
    bootfdt_scan_cpus(&bootinfo, fdt, boot_mpidr);
    printk("CPUs: %u described in the device tree, boot CPU MPIDR 0x%llx\n",
           bootinfo.nr_cpus, (unsigned long long)boot_mpidr);
    smp_bring_up_cpus();

    boot_finish(&bootinfo);
}
