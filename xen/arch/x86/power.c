/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stopping CPUs and powering off.
 *
 * Power-off tries, in order: QEMU's isa-debug-exit device (QEMU exits at
 * once with status (value << 1) | 1), ACPI S5 through the FADT's PM1
 * control registers (which QEMU's q35 and pc machines implement), and
 * last a halt. The isa-debug-exit value tells the test harness how the
 * run ended: 0x10 (status 33) after a clean power-off, 0x11 (status 35)
 * after a panic.
 */
#include <xen/arch-hooks.h>
#include <xen/lib.h>
#include <xen/domain.h>
#include <xen/guest-access.h>
#include <xen/errno.h>
#include <xen/mm.h>
#include <xen/smp.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>

#define DEBUG_EXIT_PORT  0xf4
#define DEBUG_EXIT_OK    0x10
#define DEBUG_EXIT_CRASH 0x11

/* Set when another CPU has asked everyone to stop (panic). */
bool system_crashing;

void arch_cpu_halt(void)
{
    for ( ;; )
    {
        local_irq_disable();
        halt();
    }
}

void arch_stop_other_cpus(void)
{
    unsigned int cpu, self = smp_processor_id();

    WRITE_ONCE(system_crashing, true);
    smp_mb();

    if ( !lapic_ready() )
        return;

    /*
     * Parked CPUs sit in hlt with interrupts masked; an NMI still gets in.
     * Only online CPUs are asked: one still on its way up has no IDT yet,
     * and an NMI there would reset the machine.
     */
    for_each_online_cpu(cpu) if ( cpu != self )
        lapic_send_ipi(cpu_info[cpu].apic_id, ICR_DM_NMI);
}

void arch_machine_power_off(bool failed)
{
    local_irq_disable();

    outl(failed ? DEBUG_EXIT_CRASH : DEBUG_EXIT_OK, DEBUG_EXIT_PORT);

    acpi_power_off();

    printk(XENLOG_ERR
           "No way to power off (no isa-debug-exit, no ACPI S5): halting\n");
    arch_cpu_halt();
}

void arch_reserve_boot_memory(void)
{
    /*
     * The first MiB: real-mode IVT and BDA, the AP trampoline page, the
     * EBDA and the BIOS. Nothing there goes to the heap.
     */
    bootmem_remove_range(_paddr(0), _paddr(MB(1)));
}

/* A PVH hardware domain gets the guest layout, as upstream's. */
bool arch_hwdom_direct_mapped(void)
{
    return false;
}

void arch_guest_ram_regions(struct guest_ram *r)
{
    /*
     * PVH guests: RAM from 1 MiB up to the MMIO hole below 4 GiB, then
     * above 4 GiB. The first MiB is left for the start-of-day structures
     * (start info, memory map) the domain builder puts there.
     */
    r->nr = 2;
    r->bank[0].start = _gfn(MB(1) >> PAGE_SHIFT);
    r->bank[0].nr_pages = (0xf0000000UL - MB(1)) >> PAGE_SHIFT;
    r->bank[1].start = _gfn(GB(4) >> PAGE_SHIFT);
    r->bank[1].nr_pages = (GB(1024) - GB(4)) >> PAGE_SHIFT;
}
