/* SPDX-License-Identifier: MIT */
/*
 * The guest interface, core part: hypercall numbers, guest handles, domain
 * ids, the shared_info page and the commands too small for a header of
 * their own.
 *
 * Every number, flag and struct layout in xen/include/public/ is upstream
 * Xen's, so a guest built against upstream's headers runs unchanged; the
 * text is this tree's own. docs/misc/public-abi.md says what is covered,
 * what is ours (XENMEM_get_safe_ranges) and how the layouts are tested.
 *
 * Rules for every public header:
 *  - only fixed-width integer types in structs, so sizes do not depend on
 *    the compiler's idea of "long";
 *  - pointers to guest memory are guest handles, 8 bytes on every arch;
 *  - constants are usable from assembly (__ASSEMBLY__ hides the C parts);
 *  - headers include each other by relative path, so the directory can be
 *    copied into a guest as it is.
 *
 * Supported guest ABIs: arm64 (AAPCS64) and x86_64 (SysV). Both are
 * little-endian LP64.
 */
#ifndef __XEN_PUBLIC_XEN_H__
#define __XEN_PUBLIC_XEN_H__

#include "xen-compat.h"

#if !defined(__aarch64__) && !defined(__x86_64__)
#error "public headers: only arm64 and x86_64 guests are supported"
#endif

/* Numeric suffixes that vanish in assembly. */
#ifdef __ASSEMBLY__
#define xen_mk_uint(x)   x
#define xen_mk_ulong(x)  x
#define xen_mk_ullong(x) x
#else
#define __xen_mk_uint(x)   x##U
#define __xen_mk_ulong(x)  x##UL
#define __xen_mk_ullong(x) x##ULL
#define xen_mk_uint(x)     __xen_mk_uint(x)
#define xen_mk_ulong(x)    __xen_mk_ulong(x)
#define xen_mk_ullong(x)   __xen_mk_ullong(x)
#endif

#ifndef __ASSEMBLY__

/*
 * Environments that bring their own fixed-width types (a kernel with its
 * own headers) define XEN_PUBLIC_NO_STDINT; everyone else gets the
 * compiler's <stdint.h>, which exists even when freestanding.
 */
#ifndef XEN_PUBLIC_NO_STDINT
#include <stdint.h>
#endif

/* 64-bit integers with 8-byte alignment whatever the psABI says. */
#ifndef uint64_aligned_t
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#endif
#ifndef int64_aligned_t
#define int64_aligned_t int64_t __attribute__((__aligned__(8)))
#endif

/*
 * Guest handles.
 *
 * A handle is a guest address (virtual, as the guest's own page tables
 * translate it) kept in a struct the hypervisor reads, or passed as a
 * hypercall argument. Here it is the same on both architectures: a union
 * of the typed pointer and a 64-bit integer, 8 bytes long and 8-byte
 * aligned. Upstream's Arm handle is exactly this; upstream's x86_64 handle
 * is a struct holding only the pointer, which has the same size, the same
 * alignment and the same bytes. Guests fill handles with
 * set_xen_guest_handle() and read them through .p; the hypervisor reads
 * the address as .q.
 */
#define __XEN_DECLARE_HANDLE(name, type)                                       \
    typedef union {                                                            \
        type *p;                                                               \
        uint64_aligned_t q;                                                    \
    } __xen_guest_handle_##name

/* A handle type for "type", and one for "const type". */
#define __DEFINE_XEN_GUEST_HANDLE(name, type)                                  \
    __XEN_DECLARE_HANDLE(name, type);                                          \
    __XEN_DECLARE_HANDLE(const_##name, const type)
#define DEFINE_XEN_GUEST_HANDLE(name) __DEFINE_XEN_GUEST_HANDLE(name, name)

#define __XEN_GUEST_HANDLE(name)     __xen_guest_handle_##name
#define XEN_GUEST_HANDLE(name)       __XEN_GUEST_HANDLE(name)
/* Upstream spells a few fields this way; on 64-bit it is the same type. */
#define XEN_GUEST_HANDLE_64(name)    XEN_GUEST_HANDLE(name)
/* A handle passed in a register rather than in memory. */
#define XEN_GUEST_HANDLE_PARAM(name) XEN_GUEST_HANDLE(name)

/* Clear all 8 bytes first, then store the pointer. */
#define set_xen_guest_handle_raw(hnd, val)                                     \
    do                                                                         \
    {                                                                          \
        __typeof__(&(hnd)) sxgh_ = &(hnd);                                     \
        sxgh_->q = 0;                                                          \
        sxgh_->p = (val);                                                      \
    } while ( 0 )
#define set_xen_guest_handle(hnd, val) set_xen_guest_handle_raw(hnd, val)

#endif /* !__ASSEMBLY__ */

/*
 * The architecture part: xen_pfn_t, xen_ulong_t, arch_vcpu_info,
 * arch_shared_info, XEN_LEGACY_MAX_VCPUS and the calling convention.
 */
#if defined(__aarch64__)
#include "arch-arm.h"
#else
#include "arch-x86/xen.h"
#endif

#ifndef __ASSEMBLY__
/* Handles for the primitive types the interface passes around. */
DEFINE_XEN_GUEST_HANDLE(char);
__DEFINE_XEN_GUEST_HANDLE(uchar, unsigned char);
__DEFINE_XEN_GUEST_HANDLE(int, int32_t);
__DEFINE_XEN_GUEST_HANDLE(uint, uint32_t);
DEFINE_XEN_GUEST_HANDLE(void);
__DEFINE_XEN_GUEST_HANDLE(uint8, uint8_t);
__DEFINE_XEN_GUEST_HANDLE(uint16, uint16_t);
__DEFINE_XEN_GUEST_HANDLE(uint32, uint32_t);
__DEFINE_XEN_GUEST_HANDLE(uint64, uint64_t);
DEFINE_XEN_GUEST_HANDLE(uint64_t);
DEFINE_XEN_GUEST_HANDLE(xen_pfn_t);
DEFINE_XEN_GUEST_HANDLE(xen_ulong_t);
#endif

/*
 * Hypercall numbers.
 *
 * How to make the call is per architecture (arch-arm.h,
 * arch-x86/xen-x86_64.h). Numbers this tree does not implement return
 * -ENOSYS, as upstream does for calls an architecture lacks. Several are
 * for x86 PV guests only and listed so the table has no holes.
 */
#define __HYPERVISOR_set_trap_table                0 /* x86 PV */
#define __HYPERVISOR_mmu_update                    1 /* x86 PV */
#define __HYPERVISOR_set_gdt                       2 /* x86 PV */
#define __HYPERVISOR_stack_switch                  3 /* x86 PV */
#define __HYPERVISOR_set_callbacks                 4 /* x86 PV */
#define __HYPERVISOR_fpu_taskswitch                5 /* x86 PV */
#define __HYPERVISOR_sched_op_compat               6 /* superseded by 29 */
#define __HYPERVISOR_platform_op                   7
#define __HYPERVISOR_set_debugreg                  8  /* x86 PV */
#define __HYPERVISOR_get_debugreg                  9  /* x86 PV */
#define __HYPERVISOR_update_descriptor             10 /* x86 PV */
/* 11 has never been used. */
#define __HYPERVISOR_memory_op                     12 /* memory.h */
#define __HYPERVISOR_multicall                     13
#define __HYPERVISOR_update_va_mapping             14 /* x86 PV */
#define __HYPERVISOR_set_timer_op                  15
#define __HYPERVISOR_event_channel_op_compat       16 /* superseded by 32 */
#define __HYPERVISOR_xen_version                   17 /* version.h */
#define __HYPERVISOR_console_io                    18
#define __HYPERVISOR_physdev_op_compat             19 /* superseded by 33 */
#define __HYPERVISOR_grant_table_op                20 /* grant_table.h */
#define __HYPERVISOR_vm_assist                     21
#define __HYPERVISOR_update_va_mapping_otherdomain 22 /* x86 PV */
#define __HYPERVISOR_iret                          23 /* x86 PV */
#define __HYPERVISOR_vcpu_op                       24 /* vcpu.h */
#define __HYPERVISOR_set_segment_base              25 /* x86 PV, 64-bit */
#define __HYPERVISOR_mmuext_op                     26 /* x86 PV */
#define __HYPERVISOR_xsm_op                        27
#define __HYPERVISOR_nmi_op                        28
#define __HYPERVISOR_sched_op                      29 /* sched.h */
#define __HYPERVISOR_callback_op                   30
#define __HYPERVISOR_xenoprof_op                   31 /* dropped upstream */
#define __HYPERVISOR_event_channel_op              32 /* event_channel.h */
#define __HYPERVISOR_physdev_op                    33 /* physdev.h */
#define __HYPERVISOR_hvm_op                        34 /* hvm/hvm_op.h */
#define __HYPERVISOR_sysctl                        35
#define __HYPERVISOR_domctl                        36
#define __HYPERVISOR_kexec_op                      37
#define __HYPERVISOR_tmem_op                       38 /* no handler upstream */
#define __HYPERVISOR_argo_op                       39
#define __HYPERVISOR_xenpmu_op                     40
#define __HYPERVISOR_dm_op                         41
#define __HYPERVISOR_hypfs_op                      42

/* Eight numbers each architecture may use as it likes. */
#define __HYPERVISOR_arch_0 48
#define __HYPERVISOR_arch_1 49
#define __HYPERVISOR_arch_2 50
#define __HYPERVISOR_arch_3 51
#define __HYPERVISOR_arch_4 52
#define __HYPERVISOR_arch_5 53
#define __HYPERVISOR_arch_6 54
#define __HYPERVISOR_arch_7 55

/*
 * Virtual interrupts, bound to event channels with EVTCHNOP_bind_virq.
 * "Per vCPU" ones are bound once on each vCPU; the others once per domain,
 * on vCPU 0 first.
 */
#define VIRQ_TIMER      0 /* per vCPU: timer expired */
#define VIRQ_DEBUG      1 /* per vCPU: dump debug state */
#define VIRQ_CONSOLE    2 /* hardware domain: console input */
#define VIRQ_DOM_EXC    3 /* hardware domain: a domain crashed/died */
#define VIRQ_TBUF       4 /* hardware domain: trace records ready */
/* 5 is unused. */
#define VIRQ_DEBUGGER   6  /* hardware domain: a domain paused */
#define VIRQ_XENOPROF   7  /* per vCPU: profiling sample */
#define VIRQ_CON_RING   8  /* hardware domain: console ring has data */
#define VIRQ_PCPU_STATE 9  /* hardware domain: a pCPU changed state */
#define VIRQ_MEM_EVENT  10 /* hardware domain: memory event */
#define VIRQ_ARGO       11 /* Argo message pending */
#define VIRQ_ENOMEM     12 /* hardware domain: heap is low */
#define VIRQ_XENPMU     13 /* per vCPU: PMU interrupt */

#define VIRQ_ARCH_0 16
#define VIRQ_ARCH_1 17
#define VIRQ_ARCH_2 18
#define VIRQ_ARCH_3 19
#define VIRQ_ARCH_4 20
#define VIRQ_ARCH_5 21
#define VIRQ_ARCH_6 22
#define VIRQ_ARCH_7 23

#define NR_VIRQS 24

/*
 * console_io(cmd, count, buffer): write count bytes to, or read up to
 * count bytes from, the hypervisor console. A domain other than the
 * hardware domain may have its output filtered to printable characters
 * and line-buffered.
 */
#define CONSOLEIO_write 0
#define CONSOLEIO_read  1

/* vm_assist(cmd, type): switch optional behaviour on or off. */
#define VMASST_CMD_enable  0
#define VMASST_CMD_disable 1

#define VMASST_TYPE_4gb_segments         0 /* x86 PV, 32-bit */
#define VMASST_TYPE_4gb_segments_notify  1 /* x86 PV, 32-bit */
#define VMASST_TYPE_writable_pagetables  2 /* x86 PV */
#define VMASST_TYPE_pae_extended_cr3     3 /* x86 PV, 32-bit */
#define VMASST_TYPE_architectural_iopl   4 /* x86 PV */
/* Set bit 63 of state_entry_time while the runstate area is rewritten. */
#define VMASST_TYPE_runstate_update_flag 5
#define VMASST_TYPE_m2p_strict           32 /* x86 PV, 64-bit */

/*
 * Domain ids. Ordinary domains have ids below DOMID_FIRST_RESERVED; the
 * ones from there on name something else.
 */
#define DOMID_FIRST_RESERVED xen_mk_uint(0x7FF0)
#define DOMID_SELF           xen_mk_uint(0x7FF0) /* the calling domain */
#define DOMID_IO             xen_mk_uint(0x7FF1) /* owner of I/O memory */
#define DOMID_XEN            xen_mk_uint(0x7FF2) /* owner of Xen's pages */
#define DOMID_COW            xen_mk_uint(0x7FF3) /* owner of shared pages */
#define DOMID_INVALID        xen_mk_uint(0x7FF4) /* owner unknown */
#define DOMID_ANY            xen_mk_uint(0x7FF5) /* any id will do */
#define DOMID_IDLE           xen_mk_uint(0x7FFF) /* the idle domain */
#define DOMID_MASK           xen_mk_uint(0x7FFF) /* all valid id bits */

/* Flags of hvm_start_info.flags (and of the PV start_info). */
#define SIF_PRIVILEGED      (1 << 0)    /* the domain is privileged */
#define SIF_INITDOMAIN      (1 << 1)    /* the initial (hardware) domain */
#define SIF_MULTIBOOT_MOD   (1 << 2)    /* module is a multiboot module */
#define SIF_MOD_START_PFN   (1 << 3)    /* mod_start is a frame number */
#define SIF_VIRT_P2M_4TOOLS (1 << 4)    /* tools read a virtual p2m list */
#define SIF_PM_MASK         (0xFF << 8) /* reserved for power management */

/* vcpu_time_info.flags */
#define XEN_PVCLOCK_TSC_STABLE_BIT (1 << 0) /* TSC is the same on all CPUs */
#define XEN_PVCLOCK_GUEST_STOPPED  (1 << 1) /* guest was paused */

#ifndef __ASSEMBLY__

typedef uint16_t domid_t;

/* A domain's 128-bit handle (a UUID), as XENVER_guest_handle returns. */
typedef uint8_t xen_domain_handle_t[16];

/*
 * One entry of a multicall batch: op is a hypercall number, args its
 * arguments (only the first five are used), result what it returned.
 */
struct multicall_entry {
    xen_ulong_t op;
    xen_ulong_t result;
    xen_ulong_t args[6];
};
typedef struct multicall_entry multicall_entry_t;
DEFINE_XEN_GUEST_HANDLE(multicall_entry_t);

/*
 * Per-vCPU time, updated by the hypervisor. "version" is odd while an
 * update is in progress: read it, read the rest, read it again and retry
 * if it changed or was odd. System time now, in ns, is
 *   system_time + (((tsc - tsc_timestamp) << tsc_shift)
 *                  * tsc_to_system_mul >> 32)
 * with a negative tsc_shift meaning a right shift.
 */
struct vcpu_time_info {
    uint32_t version;
    uint32_t pad0;
    uint64_t tsc_timestamp;     /* TSC when the values were set */
    uint64_t system_time;       /* ns since boot at tsc_timestamp */
    uint32_t tsc_to_system_mul; /* 32.32 fixed-point multiplier */
    int8_t tsc_shift;
    uint8_t flags; /* XEN_PVCLOCK_* */
    uint8_t pad1[2];
};
typedef struct vcpu_time_info vcpu_time_info_t;

/*
 * Per-vCPU event and time state. evtchn_upcall_pending is set by the
 * hypervisor when an event is pending for this vCPU and cleared by the
 * guest before it scans; evtchn_pending_sel has one bit per word of
 * shared_info.evtchn_pending that may hold pending events. On x86 the
 * guest masks upcalls with evtchn_upcall_mask; Arm uses the GIC instead
 * and the byte is padding.
 *
 * Sizes: 64 bytes on x86_64, 48 on arm64.
 */
struct vcpu_info {
    uint8_t evtchn_upcall_pending;
#ifdef XEN_HAVE_PV_UPCALL_MASK
    uint8_t evtchn_upcall_mask;
#else
    uint8_t pad0;
#endif
    xen_ulong_t evtchn_pending_sel;
    struct arch_vcpu_info arch;
    struct vcpu_time_info time;
};
typedef struct vcpu_info vcpu_info_t;

/*
 * The shared_info page. The hypervisor writes it; the guest maps it (on
 * both of our architectures with XENMEM_add_to_physmap and
 * XENMAPSPACE_shared_info). vcpu_info[] covers only the first
 * XEN_LEGACY_MAX_VCPUS vCPUs; others register theirs with
 * VCPUOP_register_vcpu_info (Arm guests do it for every vCPU).
 *
 * evtchn_pending and evtchn_mask are the 2-level event channel bitmaps,
 * one bit per port. The wallclock (wc_*) gives the time of day at system
 * time 0: seconds in wc_sec_hi:wc_sec, nanoseconds in wc_nsec, with
 * wc_version working like vcpu_time_info.version.
 *
 * Sizes: 3136 bytes on x86_64, 1088 on arm64.
 */
struct shared_info {
    struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];
    xen_ulong_t evtchn_pending[sizeof(xen_ulong_t) * 8];
    xen_ulong_t evtchn_mask[sizeof(xen_ulong_t) * 8];
    uint32_t wc_version;
    uint32_t wc_sec;
    uint32_t wc_nsec;
    uint32_t wc_sec_hi;
    struct arch_shared_info arch;
};
typedef struct shared_info shared_info_t;
/* The name upstream code uses for the high word on 64-bit guests. */
#define xen_wc_sec_hi wc_sec_hi

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_XEN_H__ */
