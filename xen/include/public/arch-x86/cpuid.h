/* SPDX-License-Identifier: MIT */
/*
 * How an x86 guest finds the hypervisor: CPUID leaves.
 *
 * The leaves start at XEN_CPUID_FIRST_LEAF, or at the next multiple of
 * 0x100 above it when another interface (e.g. Viridian) occupies the
 * first block: scan 0x40000000, 0x40000100, ... for the signature.
 * Relative to that base:
 *   +0  EAX = the largest leaf offered; EBX, ECX, EDX = "XenVMMXenVMM"
 *   +1  EAX = version, major in bits 31:16, minor in bits 15:0
 *   +2  EAX = number of hypercall pages (1);
 *       EBX = MSR to write with the guest-physical address of the page to
 *       turn into the hypercall page;
 *       ECX, EDX = feature flags (XEN_CPUID_FEAT1_*)
 *   +3  time and TSC parameters (sub-leaves)
 *   +4  HVM features in EAX (XEN_HVM_CPUID_*); EBX = vCPU id and
 *       ECX = domain id when the matching *_PRESENT flag is set
 *   +5  PV parameters
 */
#ifndef __XEN_PUBLIC_ARCH_X86_CPUID_H__
#define __XEN_PUBLIC_ARCH_X86_CPUID_H__

#define XEN_CPUID_FIRST_LEAF 0x40000000
#define XEN_CPUID_LEAF(i)    (XEN_CPUID_FIRST_LEAF + (i))

/* "XenVMMXenVMM", little-endian, in EBX, ECX, EDX */
#define XEN_CPUID_SIGNATURE_EBX 0x566e6558 /* "XenV" */
#define XEN_CPUID_SIGNATURE_ECX 0x65584d4d /* "MMXe" */
#define XEN_CPUID_SIGNATURE_EDX 0x4d4d566e /* "nVMM" */

/* Leaf +2, ECX */
#define _XEN_CPUID_FEAT1_MMU_PT_UPDATE_PRESERVE_AD 0
#define XEN_CPUID_FEAT1_MMU_PT_UPDATE_PRESERVE_AD  (1u << 0)

/* Leaf +4, EAX */
#define XEN_HVM_CPUID_APIC_ACCESS_VIRT (1u << 0) /* APIC regs virtualised */
#define XEN_HVM_CPUID_X2APIC_VIRT      (1u << 1) /* x2APIC MSRs virtualised */
#define XEN_HVM_CPUID_IOMMU_MAPPINGS   (1u << 2) /* foreign maps are in IOMMU */
#define XEN_HVM_CPUID_VCPU_ID_PRESENT  (1u << 3) /* EBX holds the vCPU id */
#define XEN_HVM_CPUID_DOMID_PRESENT    (1u << 4) /* ECX holds the domain id */
#define XEN_HVM_CPUID_EXT_DEST_ID      (1u << 5) /* 15-bit MSI/IO-APIC dest */
#define XEN_HVM_CPUID_UPCALL_VECTOR    (1u << 6) /* per-vCPU upcall vectors */

#endif /* __XEN_PUBLIC_ARCH_X86_CPUID_H__ */
