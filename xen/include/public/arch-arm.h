/* SPDX-License-Identifier: MIT */
/*
 * The guest interface, arm64 part. Included by xen.h; including it first
 * works too.
 *
 * Making a hypercall:
 *  - "hvc #0xEA1" (the immediate is XEN_HYPERCALL_TAG; "hvc #0" is SMCCC,
 *    i.e. PSCI and friends, and any other immediate is undefined);
 *  - hypercall number in x16, arguments in x0..x4, result in x0
 *    (a negative value is -XEN_Exxx, see errno.h);
 *  - x16 and the argument registers the call takes are clobbered, except
 *    x0 which holds the result;
 *  - a preempted call is restarted by re-executing the hvc, so the guest
 *    sees one call.
 * Structs passed by address use the AAPCS64 layout, little-endian, and
 * live in Normal, inner-shareable, write-back cacheable memory, as must
 * everything shared with the hypervisor or other guests (shared_info,
 * vcpu_info, grant table frames, I/O rings).
 *
 * What an Arm guest has instead of x86's start_info: it maps shared_info
 * and the grant table with XENMEM_add_to_physmap (target frames from the
 * grant-table region of the /hypervisor DT node), registers every vCPU's
 * vcpu_info with VCPUOP_register_vcpu_info, reads the xenstore and console
 * rings from HVM params (hvm/params.h) and gets event upcalls on the PPI
 * named by the /hypervisor node.
 */
#ifndef __aarch64__
#error "arch-arm.h is for arm64 guests"
#endif

#include "xen.h"

#ifndef __XEN_PUBLIC_ARCH_ARM_H__
#define __XEN_PUBLIC_ARCH_ARM_H__

#define XEN_HYPERCALL_TAG 0xEA1

#ifndef __ASSEMBLY__

/* Guest frame numbers and "register sized" values: 64 bits on Arm. */
typedef uint64_t xen_pfn_t;
typedef uint64_t xen_ulong_t;
#define PRI_xen_pfn   "lx"
#define PRI_xen_ulong "lx"

/* shared_info holds vcpu_info for vCPU 0 only; the rest register theirs. */
#define XEN_LEGACY_MAX_VCPUS 1

/* Nothing arch-specific in vcpu_info or shared_info on Arm: 0 bytes. */
struct arch_vcpu_info {};
typedef struct arch_vcpu_info arch_vcpu_info_t;

struct arch_shared_info {};
typedef struct arch_shared_info arch_shared_info_t;

typedef uint64_t xen_callback_t;

#endif /* !__ASSEMBLY__ */

/*
 * The guest physical memory map Xen gives domains it builds (dom0less
 * domUs, toolstack domUs; not direct-mapped ones). The domain's device
 * tree is the authority: guests should read it rather than rely on these.
 * Addresses are bytes.
 */

/* virtio-mmio transports */
#define GUEST_VIRTIO_MMIO_BASE xen_mk_ullong(0x02000000)
#define GUEST_VIRTIO_MMIO_SIZE xen_mk_ullong(0x00100000)

/* GICv2 distributor and CPU interface */
#define GUEST_GICD_BASE xen_mk_ullong(0x03001000)
#define GUEST_GICD_SIZE xen_mk_ullong(0x00001000)
#define GUEST_GICC_BASE xen_mk_ullong(0x03002000)
#define GUEST_GICC_SIZE xen_mk_ullong(0x00002000)

/* GICv3 distributor and one redistributor region (vCPUs 0..127) */
#define GUEST_GICV3_GICD_BASE     xen_mk_ullong(0x03001000)
#define GUEST_GICV3_GICD_SIZE     xen_mk_ullong(0x00010000)
#define GUEST_GICV3_RDIST_STRIDE  xen_mk_ullong(0x00020000)
#define GUEST_GICV3_RDIST_REGIONS 1
#define GUEST_GICV3_GICR0_BASE    xen_mk_ullong(0x03020000)
#define GUEST_GICV3_GICR0_SIZE    xen_mk_ullong(0x01000000)

/* Virtual PCI config space (ECAM) */
#define GUEST_VPCI_ECAM_BASE xen_mk_ullong(0x10000000)
#define GUEST_VPCI_ECAM_SIZE xen_mk_ullong(0x10000000)

/* ACPI tables, for guests booted with ACPI */
#define GUEST_ACPI_BASE xen_mk_ullong(0x20000000)
#define GUEST_ACPI_SIZE xen_mk_ullong(0x02000000)

/* Emulated PL011 UART */
#define GUEST_PL011_BASE xen_mk_ullong(0x22000000)
#define GUEST_PL011_SIZE xen_mk_ullong(0x00001000)

/* Virtual PCI memory windows; the TYPE is the DT "ranges" space code. */
#define GUEST_VPCI_MEM_TYPE          xen_mk_ullong(0x02000000)
#define GUEST_VPCI_MEM_ADDR          xen_mk_ullong(0x23000000)
#define GUEST_VPCI_MEM_SIZE          xen_mk_ullong(0x10000000)
#define GUEST_VPCI_PREFETCH_MEM_TYPE xen_mk_ullong(0x43000000)
#define GUEST_VPCI_PREFETCH_MEM_ADDR xen_mk_ullong(0x100000000)
#define GUEST_VPCI_PREFETCH_MEM_SIZE xen_mk_ullong(0x100000000)

/* Where the guest maps its grant table: 16 MiB, room for 4096 frames. */
#define GUEST_GNTTAB_BASE xen_mk_ullong(0x38000000)
#define GUEST_GNTTAB_SIZE xen_mk_ullong(0x01000000)

/* Console ring at page 0, xenstore ring at page 1. */
#define GUEST_MAGIC_BASE xen_mk_ullong(0x39000000)
#define GUEST_MAGIC_SIZE xen_mk_ullong(0x01000000)

/* RAM: 3 GiB at 1 GiB, then 1016 GiB at 8 GiB (up to 1 TiB). */
#define GUEST_RAM_BANKS 2
#define GUEST_RAM0_BASE xen_mk_ullong(0x40000000)
#define GUEST_RAM0_SIZE xen_mk_ullong(0xc0000000)
#define GUEST_RAM1_BASE xen_mk_ullong(0x0200000000)
#define GUEST_RAM1_SIZE xen_mk_ullong(0xfe00000000)
#define GUEST_RAM_BASE  GUEST_RAM0_BASE
#define GUEST_RAM_MAX   (GUEST_RAM0_SIZE + GUEST_RAM1_SIZE)
#define GUEST_RAM_BANK_BASES                                                   \
    {                                                                          \
        GUEST_RAM0_BASE, GUEST_RAM1_BASE                                       \
    }
#define GUEST_RAM_BANK_SIZES                                                   \
    {                                                                          \
        GUEST_RAM0_SIZE, GUEST_RAM1_SIZE                                       \
    }

#define GUEST_MAX_VCPUS 128

/* Interrupts (GIC INTIDs) */
#define GUEST_TIMER_VIRT_PPI        27
#define GUEST_TIMER_PHYS_S_PPI      29
#define GUEST_TIMER_PHYS_NS_PPI     30
#define GUEST_EVTCHN_PPI            31 /* event channel upcall */
#define GUEST_VPL011_SPI            32
#define GUEST_VIRTIO_MMIO_SPI_FIRST 33
#define GUEST_VIRTIO_MMIO_SPI_LAST  43

/* Device tree of a built guest */
#define GUEST_PHANDLE_GIC        65000
#define GUEST_PHANDLE_IOMMU      65001
#define GUEST_ROOT_ADDRESS_CELLS 2
#define GUEST_ROOT_SIZE_CELLS    2

/*
 * Function numbers of the pre-standard PSCI 0.1 interface, which a guest
 * finds through the DT "arm,psci" node. PSCI 0.2+ guests use the SMCCC
 * function ids instead.
 */
#define PSCI_cpu_suspend 0
#define PSCI_cpu_off     1
#define PSCI_cpu_on      2
#define PSCI_migrate     3

#endif /* __XEN_PUBLIC_ARCH_ARM_H__ */
