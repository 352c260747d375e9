/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reaching guest memory. Hypercall arguments are guest *virtual*
 * addresses, translated through the guest's own page tables (identity
 * while its MMU is off) and then its P2M; they must land on the guest's
 * own RAM, or the copy fails with -EFAULT.
 */
#ifndef XEN_GUEST_ACCESS_H
#define XEN_GUEST_ACCESS_H

#include <xen/types.h>

struct domain;
struct vcpu;

/* For the vCPU making the hypercall (current_vcpu()). */
int copy_from_guest(void *dst, uint64_t gva, size_t len);
int copy_to_guest(uint64_t gva, const void *src, size_t len);

/*
 * A domain's RAM by guest-physical address (domain building). Each page
 * is held by a reference while it is copied: a page unmapped meanwhile is
 * either still read or written whole, or the copy fails with -EFAULT;
 * it is never touched once freed.
 */
int copy_to_guest_phys(struct domain *d, uint64_t gpa, const void *src,
                       size_t len);
int copy_from_guest_phys(void *dst, struct domain *d, uint64_t gpa, size_t len);

/* Arch: guest virtual to guest physical, for v, now. -EFAULT if unmapped. */
int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa);

#endif /* XEN_GUEST_ACCESS_H */
