/* SPDX-License-Identifier: MIT */
/*
 * Feature bits, read with XENVER_get_features: bit n of submap idx is
 * feature idx * 32 + n. Only submap 0 exists.
 */
#ifndef __XEN_PUBLIC_FEATURES_H__
#define __XEN_PUBLIC_FEATURES_H__

/* x86 PV: page tables may be written directly */
#define XENFEAT_writable_page_tables       0
/* x86 PV: descriptor tables may be written directly */
#define XENFEAT_writable_descriptor_tables 1
/* the guest sees guest-physical frames, translated by the hypervisor */
#define XENFEAT_auto_translated_physmap    2
/* x86 PV: the kernel runs in ring 0 */
#define XENFEAT_supervisor_mode_kernel     3
/* x86 PV, PAE: page directories may live above 4 GiB */
#define XENFEAT_pae_pgdir_above_4gb        4
/* x86 PV: MMU_PT_UPDATE_PRESERVE_AD is available */
#define XENFEAT_mmu_pt_update_preserve_ad  5
/* x86 PV, 32-bit: highmem assist */
#define XENFEAT_highmem_assist             6
/* GNTMAP_guest_avail bits are honoured in grant maps */
#define XENFEAT_gnttab_map_avail_bits      7
/* x86 HVM: event upcalls through an IDT vector */
#define XENFEAT_hvm_callback_vector        8
/* x86 HVM: the pvclock is safe to use */
#define XENFEAT_hvm_safe_pvclock           9
/* x86 HVM: physical interrupts arrive as event channels */
#define XENFEAT_hvm_pirqs                  10
/* the domain is the hardware domain */
#define XENFEAT_dom0                       11
/* 12 was grant_map_identity, withdrawn */
/* XENMEMF_vnode is understood */
#define XENFEAT_memory_op_vnode_supported  13
/* Arm: SMCCC calls (hvc #0) are handled */
#define XENFEAT_ARM_SMCCC_supported        14
/* x86 PVH dom0: the RSDP may be anywhere */
#define XENFEAT_linux_rsdp_unrestricted    15
/* guest-physical != machine: do not bypass the IOMMU/swiotlb-xen */
#define XENFEAT_not_direct_mapped          16
/* guest-physical == machine (1:1 domain) */
#define XENFEAT_direct_mapped              17
/* VCPUOP_register_runstate_phys_area works */
#define XENFEAT_runstate_phys_area         18
/* VCPUOP_register_vcpu_time_phys_area works */
#define XENFEAT_vcpu_time_phys_area        19
/* x86: the device model sees all MSI-X table writes */
#define XENFEAT_dm_msix_all_writes         20

#define XENFEAT_NR_SUBMAPS 1

#endif /* __XEN_PUBLIC_FEATURES_H__ */
