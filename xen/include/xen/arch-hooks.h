/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The functions every architecture provides to common code. Common code
 * reaches the architecture only through these and through the asm/
 * headers that each architecture provides under the same names.
 */
#ifndef XEN_ARCH_HOOKS_H
#define XEN_ARCH_HOOKS_H

#include <xen/types.h>

/*
 * Power the machine off (QEMU exits). failed says the hypervisor stops
 * because of a panic: where the platform can report an exit status (QEMU's
 * isa-debug-exit on x86), it reports a failure. Never returns.
 */
void __noreturn arch_machine_power_off(bool failed);

/*
 * Debug builds: take an unexpected exception right here, so that tests can
 * check how the trap handlers report one (the selftest-fault option).
 */
void arch_selftest_fault(void);

/* Stop this CPU for good, with interrupts masked. */
void __noreturn arch_cpu_halt(void);

/* Ask the other online CPUs to stop (used by panic). Best effort. */
void arch_stop_other_cpus(void);

/*
 * Remove from the boot allocator what the architecture keeps for itself
 * beyond the image and the boot modules (x86: the first MiB).
 */
void arch_reserve_boot_memory(void);

struct guest_ram;

/*
 * Where a domain's RAM may go in guest-physical space, in the order it is
 * filled (arm64: GUEST_RAM0 then GUEST_RAM1; x86_64: below the 4 GiB hole,
 * then above 4 GiB). Direct-mapped domains ignore it.
 */
void arch_guest_ram_regions(struct guest_ram *regions);

/*
 * Whether the hardware domain is built 1:1 (gfn == mfn) from the heap, on
 * the host's own layout: Arm, as upstream, so that its devices can DMA
 * without an IOMMU.
 */
bool arch_hwdom_direct_mapped(void);

struct vcpu;
struct domain;

/* Set up a new vCPU's architectural state (registers start at zero). */
int arch_vcpu_init(struct vcpu *v);

/* vcpu_op hooks (arch_vcpu_op_passes() and the rest): xen/sched.h. */

/*
 * Put the domain's kernel (and ramdisk, device tree or start info) into
 * its memory and set vCPU 0 to start it. -EOPNOTSUPP where guests cannot
 * run yet.
 */
int arch_domain_load(struct domain *d, const char **why);

/* Enter v on this pCPU. Never returns: traps come back through the arch. */
void __noreturn arch_run_vcpu(struct vcpu *v);

/*
 * The idle loop's wait, with interrupts masked: until an interrupt is
 * pending (a kick, the tick), which it takes before returning (x86: sti;
 * hlt; arm64: WFI, then acknowledging what is pending). The scheduler
 * marked the pCPU idle before: a kick sent since then is already pending
 * and ends the wait at once. It may return early.
 */
void arch_cpu_idle(void);

/*
 * Send pCPU cpu (never the calling one) the kick interrupt (cpu_kick()
 * in xen/smp.h): x86 a fixed IPI through the local APIC, arm64 SGI 0.
 * Its handler only acknowledges it (cpu_kick_taken()): taking it is the
 * point, it makes a guest exit or an idle wait end.
 */
void arch_cpu_kick(unsigned int cpu);

/*
 * Nanoseconds from some point in the past, never going backwards on one
 * pCPU (arm64: the generic counter; x86_64: the TSC). Time slices are
 * measured with it.
 */
uint64_t arch_now_ns(void);

/* A short name for the architecture: "arm64", "x86_64". */
extern const char arch_name[];

#endif /* XEN_ARCH_HOOKS_H */
