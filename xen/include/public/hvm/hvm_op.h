/* SPDX-License-Identifier: MIT */
/*
 * hvm_op(cmd, arg): operations for HVM, PVH and Arm guests. Only the
 * subops our guests use are described; Arm has set_param, get_param and
 * guest_request_vm_event.
 */
#ifndef __XEN_PUBLIC_HVM_HVM_OP_H__
#define __XEN_PUBLIC_HVM_HVM_OP_H__

#include "../xen.h"

/* arg: struct xen_hvm_param. */
#define HVMOP_set_param                0
#define HVMOP_get_param                1
/* x86: the guest is about to stop using a page table. */
#define HVMOP_pagetable_dying          9
/* x86: the current system time, ns. */
#define HVMOP_get_time                 10
/* x86: arg struct xen_hvm_evtchn_upcall_vector. */
#define HVMOP_set_evtchn_upcall_vector 23
/* arg NULL: raise a vm_event for the domain's monitor. */
#define HVMOP_guest_request_vm_event   24

#ifndef __ASSEMBLY__

/* Read or write parameter index (HVM_PARAM_*) of domid. 16 bytes. */
struct xen_hvm_param {
    domid_t domid; /* IN: DOMID_SELF for the caller */
    uint16_t pad;
    uint32_t index; /* IN */
    uint64_t value; /* IN (set) / OUT (get) */
};
typedef struct xen_hvm_param xen_hvm_param_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_param_t);

/* Deliver vcpu's event upcalls on IDT vector "vector". 8 bytes. */
struct xen_hvm_evtchn_upcall_vector {
    uint32_t vcpu;
    uint8_t vector;
};
typedef struct xen_hvm_evtchn_upcall_vector xen_hvm_evtchn_upcall_vector_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_evtchn_upcall_vector_t);

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_HVM_HVM_OP_H__ */
