/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reaching guest memory. Hypercall arguments are guest *virtual*
 * addresses, translated through the guest's own page tables (identity
 * while its MMU is off) and then its P2M; they must land on the guest's
 * own RAM, or the copy fails. Each page is held by a reference while it
 * is copied: a page unmapped meanwhile is either still read or written
 * whole, or the copy fails; it is never touched once freed.
 *
 * Handlers see guest pointers as typed handles, Xen's way: a
 * XEN_GUEST_HANDLE(type) (public/xen.h) holds the guest address (.q) and
 * says what it points to. Copies are counted in elements of what ptr
 * points to, and a handle of another type than ptr does not compile (a
 * void handle goes with anything, as upstream):
 *
 *   copy_from_guest(ptr, hnd, nr)             nr elements at hnd to ptr
 *   copy_to_guest(hnd, ptr, nr)               and back
 *   copy_{from,to}_guest_offset(..., off, nr) starting at element off
 *   __copy_field_{from,to}_guest(..., field)  one field of a struct
 *   guest_handle_add_offset(hnd, nr)          hnd moves on nr elements
 *   guest_handle_is_null(hnd)
 *   guest_handle_from_param(reg, type)        a handle from a hypercall
 *                                             argument register
 *   guest_handle_cast(hnd, type)              the same address, typed
 *
 * Each returns 0 on success and non-zero (-EFAULT) if any byte could not
 * be copied (a range that wraps, or is past what 64 bits can count, is
 * refused whole). The copies act for the vCPU making the hypercall.
 */
#ifndef XEN_GUEST_ACCESS_H
#define XEN_GUEST_ACCESS_H

#include <xen/types.h>
#include <public/xen.h>

struct domain;
struct vcpu;

/* Untyped: len bytes at guest virtual gva, for the current vCPU. */
int raw_copy_from_guest(void *dst, uint64_t gva, size_t len);
int raw_copy_to_guest(uint64_t gva, const void *src, size_t len);

/*
 * The same for element off of size bytes at base, nr of them; checks
 * that the arithmetic does not wrap (what the macros below call).
 */
int guest_copy_from(void *dst, uint64_t base, unsigned long off,
                    unsigned long nr, size_t size);
int guest_copy_to(uint64_t base, unsigned long off, const void *src,
                  unsigned long nr, size_t size);

#define guest_handle_from_param(reg, type)                                     \
    ((XEN_GUEST_HANDLE_PARAM(type)){ .q = (reg) })
#define guest_handle_cast(hnd, type)                                           \
    ((XEN_GUEST_HANDLE_PARAM(type)){ .q = (hnd).q })
#define guest_handle_is_null(hnd)        ((hnd).q == 0)
#define guest_handle_add_offset(hnd, nr) ((hnd).q += (nr) * sizeof(*(hnd).p))

/* Compile-time check that ptr and the handle point to the same type. */
#define guest_handle_check_(hnd, ptr) ((void)((hnd).p == (ptr)))

#define copy_from_guest_offset(ptr, hnd, off, nr)                              \
    ({                                                                         \
        guest_handle_check_(hnd, ptr);                                         \
        guest_copy_from(ptr, (hnd).q, off, nr, sizeof(*(ptr)));                \
    })
#define copy_to_guest_offset(hnd, off, ptr, nr)                                \
    ({                                                                         \
        guest_handle_check_(hnd, ptr);                                         \
        guest_copy_to((hnd).q, off, ptr, nr, sizeof(*(ptr)));                  \
    })
#define copy_from_guest(ptr, hnd, nr) copy_from_guest_offset(ptr, hnd, 0, nr)
#define copy_to_guest(hnd, ptr, nr)   copy_to_guest_offset(hnd, 0, ptr, nr)

/* One field of the struct the handle points at. */
#define __copy_field_to_guest(hnd, ptr, field)                                 \
    ({                                                                         \
        guest_handle_check_(hnd, ptr);                                         \
        raw_copy_to_guest((hnd).q + offsetof(__typeof__(*(ptr)), field),       \
                          &(ptr)->field, sizeof((ptr)->field));                \
    })
#define __copy_field_from_guest(ptr, hnd, field)                               \
    ({                                                                         \
        guest_handle_check_(hnd, ptr);                                         \
        raw_copy_from_guest(&(ptr)->field,                                     \
                            (hnd).q + offsetof(__typeof__(*(ptr)), field),     \
                            sizeof((ptr)->field));                             \
    })
#define copy_field_to_guest(hnd, ptr, field)                                   \
    __copy_field_to_guest(hnd, ptr, field)
#define copy_field_from_guest(ptr, hnd, field)                                 \
    __copy_field_from_guest(ptr, hnd, field)

/*
 * A domain's RAM by guest-physical address (domain building): the same
 * page references, no stage-1 translation.
 */
int copy_to_guest_phys(struct domain *d, uint64_t gpa, const void *src,
                       size_t len);
int copy_from_guest_phys(void *dst, struct domain *d, uint64_t gpa, size_t len);

/* Arch: guest virtual to guest physical, for v, now. -EFAULT if unmapped. */
int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa);

#endif /* XEN_GUEST_ACCESS_H */
