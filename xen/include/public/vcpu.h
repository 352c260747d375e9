/* SPDX-License-Identifier: MIT */
/*
 * vcpu_op(cmd, vcpuid, arg): per-vCPU operations. vcpuid names a vCPU of
 * the calling domain. Arm implements register_vcpu_info and the runstate
 * area calls; the others are x86 (or unused by our guests).
 */
#ifndef __XEN_PUBLIC_VCPU_H__
#define __XEN_PUBLIC_VCPU_H__

#include "xen.h"

#define VCPUOP_initialise                     0 /* arch register state */
#define VCPUOP_up                             1
#define VCPUOP_down                           2
#define VCPUOP_is_up                          3  /* returns 0 or 1 */
#define VCPUOP_get_runstate_info              4  /* vcpu_runstate_info */
#define VCPUOP_register_runstate_memory_area  5  /* by virtual address */
#define VCPUOP_set_periodic_timer             6  /* vcpu_set_periodic_timer */
#define VCPUOP_stop_periodic_timer            7  /* arg NULL */
#define VCPUOP_set_singleshot_timer           8  /* vcpu_set_singleshot_timer */
#define VCPUOP_stop_singleshot_timer          9  /* arg NULL */
#define VCPUOP_register_vcpu_info             10 /* vcpu_register_vcpu_info */
#define VCPUOP_send_nmi                       11 /* arg NULL */
#define VCPUOP_get_physid                     12 /* vcpu_get_physid */
#define VCPUOP_register_vcpu_time_memory_area 13 /* by virtual address */
#define VCPUOP_register_runstate_phys_area    14 /* by guest-physical addr */
#define VCPUOP_register_vcpu_time_phys_area   15 /* by guest-physical addr */

/* vcpu_runstate_info.state */
#define RUNSTATE_running  0 /* on a physical CPU */
#define RUNSTATE_runnable 1 /* waiting for a physical CPU */
#define RUNSTATE_blocked  2 /* waiting for an event */
#define RUNSTATE_offline  3 /* neither: paused, down, ... */

/*
 * With VMASST_TYPE_runstate_update_flag on, the hypervisor sets this bit
 * of state_entry_time while it rewrites a registered runstate area.
 */
#define XEN_RUNSTATE_UPDATE (xen_mk_ullong(1) << 63)

/* VCPUOP_set_singleshot_timer flags */
#define _VCPU_SSHOTTMR_future 0
/* Fail with -XEN_ETIME instead of firing at once if the time is past. */
#define VCPU_SSHOTTMR_future  (1U << _VCPU_SSHOTTMR_future)

#ifndef __ASSEMBLY__

/* Time (ns) spent in each state; the sum follows system time. 48 bytes. */
struct vcpu_runstate_info {
    int32_t state; /* RUNSTATE_* */
    uint64_t state_entry_time;
    uint64_t time[4]; /* indexed by RUNSTATE_* */
};
typedef struct vcpu_runstate_info vcpu_runstate_info_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_runstate_info_t);

/*
 * Where the hypervisor keeps a copy of the runstate up to date: a guest
 * virtual address for register_runstate_memory_area, a guest-physical one
 * (in .p) for register_runstate_phys_area. 8 bytes.
 */
struct vcpu_register_runstate_memory_area {
    union {
        XEN_GUEST_HANDLE(vcpu_runstate_info_t) h;
        struct vcpu_runstate_info *v;
        uint64_t p;
    } addr;
};
typedef struct vcpu_register_runstate_memory_area
    vcpu_register_runstate_memory_area_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_runstate_memory_area_t);

/* 8 bytes */
struct vcpu_set_periodic_timer {
    uint64_t period_ns;
};
typedef struct vcpu_set_periodic_timer vcpu_set_periodic_timer_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_set_periodic_timer_t);

/* 16 bytes */
struct vcpu_set_singleshot_timer {
    uint64_t timeout_abs_ns; /* absolute system time */
    uint32_t flags;          /* VCPU_SSHOTTMR_* */
};
typedef struct vcpu_set_singleshot_timer vcpu_set_singleshot_timer_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_set_singleshot_timer_t);

/*
 * Move this vCPU's vcpu_info to guest frame mfn (a GFN for translated
 * guests) at offset. The area must not cross a page and must be 8-byte
 * aligned. Once per vCPU. 16 bytes.
 */
struct vcpu_register_vcpu_info {
    uint64_t mfn;
    uint32_t offset;
    uint32_t rsvd; /* 0 */
};
typedef struct vcpu_register_vcpu_info vcpu_register_vcpu_info_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_vcpu_info_t);

/* x86: APIC id in bits 31:0, ACPI id in bits 63:32. 8 bytes. */
struct vcpu_get_physid {
    uint64_t phys_id;
};
typedef struct vcpu_get_physid vcpu_get_physid_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_get_physid_t);
#define xen_vcpu_physid_to_x86_apicid(physid) ((uint32_t)(physid))
#define xen_vcpu_physid_to_x86_acpiid(physid) ((uint32_t)((physid) >> 32))

DEFINE_XEN_GUEST_HANDLE(vcpu_time_info_t);

/* A second copy of vcpu_info.time, kept in step with it. 8 bytes. */
struct vcpu_register_time_memory_area {
    union {
        XEN_GUEST_HANDLE(vcpu_time_info_t) h;
        struct vcpu_time_info *v;
        uint64_t p;
    } addr;
};
typedef struct vcpu_register_time_memory_area vcpu_register_time_memory_area_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_time_memory_area_t);

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_VCPU_H__ */
