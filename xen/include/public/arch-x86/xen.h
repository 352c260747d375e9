/* SPDX-License-Identifier: MIT */
/*
 * The guest interface, x86 part. Included by xen.h; including it first
 * works too. Only 64-bit guests are supported here, and of those only
 * HVM/PVH ones run on this hypervisor: the PV-only calls keep their
 * numbers in xen.h but have no structs here.
 *
 * Finding the hypervisor and making a hypercall (PVH):
 *  - CPUID leaves from 0x40000000 (arch-x86/cpuid.h) carry the signature
 *    "XenVMMXenVMM"; leaf base + 2 names, in EBX, the MSR to which the
 *    guest writes the guest-physical address of a page it wants turned
 *    into the hypercall page;
 *  - the hypercall page holds one 32-byte stub per hypercall number:
 *    "call hypercall_page + nr * 32";
 *  - or, without the page, load the number into rax and execute vmmcall
 *    (AMD) or vmcall (Intel) directly;
 *  - details of registers in arch-x86/xen-x86_64.h.
 */
#ifndef __x86_64__
#error "arch-x86/xen.h is for x86_64 guests"
#endif

#include "../xen.h"

#ifndef __XEN_PUBLIC_ARCH_X86_XEN_H__
#define __XEN_PUBLIC_ARCH_X86_XEN_H__

#include "xen-x86_64.h"

/* The x86 uses of the per-arch hypercall numbers. */
#define __HYPERVISOR_mca                __HYPERVISOR_arch_0
#define __HYPERVISOR_paging_domctl_cont __HYPERVISOR_arch_1

/* vcpu_info has an upcall mask byte on x86 (xen.h). */
#define XEN_HAVE_PV_UPCALL_MASK 1

/* shared_info holds vcpu_info for the first 32 vCPUs. */
#define XEN_LEGACY_MAX_VCPUS 32

/*
 * "ud2; .ascii 'xen'" before an instruction asks the hypervisor to
 * emulate it; XEN_CPUID is the forced-emulation form of cpuid.
 */
#ifdef __ASSEMBLY__
#define XEN_EMULATE_PREFIX .byte 0x0f, 0x0b, 0x78, 0x65, 0x6e;
#define XEN_CPUID          XEN_EMULATE_PREFIX cpuid
#else
#define XEN_EMULATE_PREFIX ".byte 0x0f, 0x0b, 0x78, 0x65, 0x6e ; "
#define XEN_CPUID          XEN_EMULATE_PREFIX "cpuid"
#endif

#ifndef __ASSEMBLY__

/* Guest frame numbers and register-sized values: 64 bits. */
typedef uint64_t xen_pfn_t;
typedef uint64_t xen_ulong_t;
#define PRI_xen_pfn   "lx"
#define PRI_xen_ulong "lx"

/*
 * The x86 tail of shared_info, 48 bytes. It describes a PV guest's
 * physical-to-machine list for tools and dumps; PVH guests leave it 0.
 */
struct arch_shared_info {
    /* number of valid p2m entries */
    uint64_t max_pfn;
    /* frame of the 3-level frame list tree; 0 = unset, ~0 = not used */
    xen_pfn_t pfn_to_mfn_frame_list_list;
    uint64_t nmi_reason;
    /* linear p2m list: the cr3 it is valid under, its address, and a
     * generation count that is odd while the guest changes it */
    uint64_t p2m_cr3;
    uint64_t p2m_vaddr;
    uint64_t p2m_generation;
};
typedef struct arch_shared_info arch_shared_info_t;

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_ARCH_X86_XEN_H__ */
