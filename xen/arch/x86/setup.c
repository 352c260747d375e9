/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 boot: from head.S (long mode, identity map, boot CPU only) to a
 * system with every CPU online and SVM enabled. One line per decision
 * goes to the log, worded as on arm64 where the step is the same.
 */
#include <xen/bootinfo.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include <xen/smp.h>
#include <xen/version.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/multiboot.h>
#include <asm/setup.h>

#define COM1_PORT 0x3f8

#define PIC1_CMD        0x20
#define PIC1_DATA       0x21
#define PIC2_CMD        0xa0
#define PIC2_DATA       0xa1
#define PIC_VECTOR_BASE 0x20

const char arch_name[] = "x86_64";

struct cpu_info cpu_info[CONFIG_NR_CPUS];

/* Point GS at this CPU's cpu_info: smp_processor_id() works from here on. */
static void percpu_init(unsigned int cpu)
{
    cpu_info[cpu].cpu_id = cpu;
    wrmsr(MSR_GS_BASE, (uintptr_t)&cpu_info[cpu]);
}

/*
 * The BIOS leaves the 8259 pair with IRQs on vectors 8-15, where they
 * would look like exceptions. Move them to 0x20-0x2f, then mask them all:
 * the hypervisor does not use them.
 */
static void __init pic_mask_all(void)
{
    outb(0x11, PIC1_CMD); /* ICW1: init, ICW4 follows */
    outb(0x11, PIC2_CMD);
    outb(PIC_VECTOR_BASE, PIC1_DATA); /* ICW2: vector base */
    outb(PIC_VECTOR_BASE + 8, PIC2_DATA);
    outb(0x04, PIC1_DATA); /* ICW3: slave on IRQ2 */
    outb(0x02, PIC2_DATA);
    outb(0x01, PIC1_DATA); /* ICW4: 8086 mode */
    outb(0x01, PIC2_DATA);
    outb(0xff, PIC1_DATA); /* OCW1: mask everything */
    outb(0xff, PIC2_DATA);
}

void __init start_xen(uint32_t mb_magic, uint32_t mbi_paddr)
{
    char sz[24];
    uint32_t boot_apic_id;

    percpu_init(0);
    traps_init_cpu(0);
    pic_mask_all();
    cpu_mark_online(0);
    print_banner();

#ifdef CONFIG_NS16550
    ns16550_init(COM1_PORT);
#endif

    if ( mb_magic != MULTIBOOT_LOADER_MAGIC )
        panic("Not started by a multiboot loader (eax = 0x%x, want 0x%x)",
              mb_magic, MULTIBOOT_LOADER_MAGIC);

    printk("Hypervisor image at 0x%llx-0x%llx (%s)\n",
           (unsigned long long)(uintptr_t)_start,
           (unsigned long long)(uintptr_t)_end - 1,
           format_size(sz, sizeof(sz), _end - _start));

    multiboot_parse(&bootinfo, mbi_paddr);
    boot_parse_cmdline(&bootinfo);

    bootinfo.xen_image.start = _paddr((uintptr_t)_start);
    bootinfo.xen_image.size = _end - _start;
    bootinfo_print(&bootinfo);
    if ( !bootinfo.mem.nr )
        panic("The multiboot information describes no RAM");
    bootinfo_check_modules(&bootinfo);
    bootinfo_check_reserved(&bootinfo);
    multiboot_check_fdt_modules(&bootinfo);
    /* The modules the domain nodes of those device trees named. */
    bootinfo_check_modules(&bootinfo);
    setup_mm(&bootinfo);

    tsc_calibrate();
    svm_init_bsp();

    acpi_init();
    lapic_init_cpu();
    lapic_timer_calibrate();
    printk("Idle CPUs halt (hlt); kicks are IPIs on vector 0x%x\n",
           APIC_KICK_VECTOR);
    boot_apic_id = lapic_read_id();
    cpu_info[0].apic_id = boot_apic_id;
    acpi_scan_cpus(&bootinfo, boot_apic_id);
    printk("CPUs: %u described in the ACPI MADT, boot CPU APIC ID 0x%x\n",
           bootinfo.nr_cpus, boot_apic_id);
    smp_bring_up_cpus();

    boot_finish(&bootinfo);
}

void start_secondary(unsigned int cpu)
{
    percpu_init(cpu);
    traps_init_cpu(cpu);
    lapic_init_cpu();
    cpu_info[cpu].apic_id = lapic_read_id();
    svm_init_ap(cpu);

    printk("CPU%u online (APIC ID 0x%x)\n", cpu, cpu_info[cpu].apic_id);
    cpu_mark_online(cpu);

    /* Idle until there are vCPUs to run. */
    schedule(false);
}
