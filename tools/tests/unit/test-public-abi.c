/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Layout and value checks of the guest ABI headers (xen/include/public/)
 * against upstream Xen's numbers: sizes and offsets measured on upstream's
 * own headers, and the values read from them (docs/misc/public-abi.md).
 *
 * Almost everything is a _Static_assert: a wrong size, offset, field width
 * or constant stops the build. The same file is compiled twice:
 *  - for the host (x86_64) as the test binary test-public-abi, whose
 *    runtime cases check what a static assert cannot (handle stores, byte
 *    images, message tables, errno against the host's Linux values);
 *  - by abi-arm64-check.c with the aarch64 cross compiler, checks only
 *    (ABI_CHECKS_ONLY), so the arm64 layouts are checked too.
 * The architecture-specific sections follow __x86_64__ / __aarch64__.
 */
#include <stddef.h>
#include <stdint.h>

#include <public/xen.h>
#include <public/errno.h>
#include <public/version.h>
#include <public/features.h>
#include <public/event_channel.h>
#include <public/sched.h>
#include <public/vcpu.h>
#include <public/physdev.h>
#include <public/memory.h>
#include <public/grant_table.h>
#include <public/hvm/hvm_op.h>
#include <public/hvm/params.h>
#include <public/elfnote.h>
#include <public/test-op.h>
#ifdef __x86_64__
#include <public/arch-x86/cpuid.h>
#include <public/arch-x86/hvm/start_info.h>
#include <public/hvm/hvm_vcpu.h>
#endif

/*
 * Each check also takes a __COUNTER__ value, so NR_STATIC_CHECKS at the
 * end says how many ran.
 */
#define ABI_ASSERT(cond, what) \
    _Static_assert((cond) && __COUNTER__ >= 0, what)

/* Value of a constant. */
#define EQ(name, val)     ABI_ASSERT((name) == (val), #name " == " #val)
/* Size and alignment of a type. */
#define SIZE(t, n)        ABI_ASSERT(sizeof(t) == (n), "sizeof(" #t ")")
#define ALIGN(t, n)       ABI_ASSERT(_Alignof(t) == (n), "alignof(" #t ")")
/* Offset and size of a field. */
#define FIELD(t, f, off, sz)                                            \
    ABI_ASSERT(offsetof(t, f) == (off), #t "." #f " offset");           \
    ABI_ASSERT(sizeof(((t *)0)->f) == (sz), #t "." #f " size")
/* A field is signed (status codes) or unsigned. */
#define SIGNED(t, f)      ABI_ASSERT((__typeof__(((t *)0)->f))-1 < 0,   \
                                     #t "." #f " signed")
#define UNSIGNED(t, f)    ABI_ASSERT((__typeof__(((t *)0)->f))-1 > 0,   \
                                     #t "." #f " unsigned")

/* ---------------------------------------------------------------- */
/* Scalar types and guest handles                                    */

SIZE(domid_t, 2);
SIZE(xen_pfn_t, 8);
SIZE(xen_ulong_t, 8);
SIZE(xen_domain_handle_t, 16);
SIZE(XEN_GUEST_HANDLE(void), 8);
ALIGN(XEN_GUEST_HANDLE(void), 8);
SIZE(XEN_GUEST_HANDLE(xen_pfn_t), 8);
ALIGN(XEN_GUEST_HANDLE(xen_pfn_t), 8);
SIZE(XEN_GUEST_HANDLE_64(xen_mem_safe_range_t), 8);
ALIGN(XEN_GUEST_HANDLE_64(xen_mem_safe_range_t), 8);
SIZE(XEN_GUEST_HANDLE(int), 8);
SIZE(XEN_GUEST_HANDLE(const_uint8), 8);
SIZE(XEN_GUEST_HANDLE_PARAM(void), 8);
SIZE(uint64_aligned_t, 8);
ALIGN(uint64_aligned_t, 8);

/* ---------------------------------------------------------------- */
/* xen.h                                                             */

EQ(__HYPERVISOR_set_trap_table, 0);
EQ(__HYPERVISOR_mmu_update, 1);
EQ(__HYPERVISOR_set_gdt, 2);
EQ(__HYPERVISOR_stack_switch, 3);
EQ(__HYPERVISOR_set_callbacks, 4);
EQ(__HYPERVISOR_fpu_taskswitch, 5);
EQ(__HYPERVISOR_sched_op_compat, 6);
EQ(__HYPERVISOR_platform_op, 7);
EQ(__HYPERVISOR_set_debugreg, 8);
EQ(__HYPERVISOR_get_debugreg, 9);
EQ(__HYPERVISOR_update_descriptor, 10);
EQ(__HYPERVISOR_memory_op, 12);
EQ(__HYPERVISOR_multicall, 13);
EQ(__HYPERVISOR_update_va_mapping, 14);
EQ(__HYPERVISOR_set_timer_op, 15);
EQ(__HYPERVISOR_event_channel_op_compat, 16);
EQ(__HYPERVISOR_xen_version, 17);
EQ(__HYPERVISOR_console_io, 18);
EQ(__HYPERVISOR_physdev_op_compat, 19);
EQ(__HYPERVISOR_grant_table_op, 20);
EQ(__HYPERVISOR_vm_assist, 21);
EQ(__HYPERVISOR_update_va_mapping_otherdomain, 22);
EQ(__HYPERVISOR_iret, 23);
EQ(__HYPERVISOR_vcpu_op, 24);
EQ(__HYPERVISOR_set_segment_base, 25);
EQ(__HYPERVISOR_mmuext_op, 26);
EQ(__HYPERVISOR_xsm_op, 27);
EQ(__HYPERVISOR_nmi_op, 28);
EQ(__HYPERVISOR_sched_op, 29);
EQ(__HYPERVISOR_callback_op, 30);
EQ(__HYPERVISOR_xenoprof_op, 31);
EQ(__HYPERVISOR_event_channel_op, 32);
EQ(__HYPERVISOR_physdev_op, 33);
EQ(__HYPERVISOR_hvm_op, 34);
EQ(__HYPERVISOR_sysctl, 35);
EQ(__HYPERVISOR_domctl, 36);
EQ(__HYPERVISOR_kexec_op, 37);
EQ(__HYPERVISOR_tmem_op, 38);
EQ(__HYPERVISOR_argo_op, 39);
EQ(__HYPERVISOR_xenpmu_op, 40);
EQ(__HYPERVISOR_dm_op, 41);
EQ(__HYPERVISOR_hypfs_op, 42);
EQ(__HYPERVISOR_arch_0, 48);
EQ(__HYPERVISOR_arch_1, 49);
EQ(__HYPERVISOR_arch_2, 50);
EQ(__HYPERVISOR_arch_3, 51);
EQ(__HYPERVISOR_arch_4, 52);
EQ(__HYPERVISOR_arch_5, 53);
EQ(__HYPERVISOR_arch_6, 54);
EQ(__HYPERVISOR_arch_7, 55);

EQ(VIRQ_TIMER, 0);
EQ(VIRQ_DEBUG, 1);
EQ(VIRQ_CONSOLE, 2);
EQ(VIRQ_DOM_EXC, 3);
EQ(VIRQ_TBUF, 4);
EQ(VIRQ_DEBUGGER, 6);
EQ(VIRQ_XENOPROF, 7);
EQ(VIRQ_CON_RING, 8);
EQ(VIRQ_PCPU_STATE, 9);
EQ(VIRQ_MEM_EVENT, 10);
EQ(VIRQ_ARGO, 11);
EQ(VIRQ_ENOMEM, 12);
EQ(VIRQ_XENPMU, 13);
EQ(VIRQ_ARCH_0, 16);
EQ(VIRQ_ARCH_1, 17);
EQ(VIRQ_ARCH_2, 18);
EQ(VIRQ_ARCH_3, 19);
EQ(VIRQ_ARCH_4, 20);
EQ(VIRQ_ARCH_5, 21);
EQ(VIRQ_ARCH_6, 22);
EQ(VIRQ_ARCH_7, 23);
EQ(NR_VIRQS, 24);

EQ(CONSOLEIO_write, 0);
EQ(CONSOLEIO_read, 1);

EQ(VMASST_CMD_enable, 0);
EQ(VMASST_CMD_disable, 1);
EQ(VMASST_TYPE_4gb_segments, 0);
EQ(VMASST_TYPE_4gb_segments_notify, 1);
EQ(VMASST_TYPE_writable_pagetables, 2);
EQ(VMASST_TYPE_pae_extended_cr3, 3);
EQ(VMASST_TYPE_architectural_iopl, 4);
EQ(VMASST_TYPE_runstate_update_flag, 5);
EQ(VMASST_TYPE_m2p_strict, 32);

EQ(DOMID_FIRST_RESERVED, 0x7FF0);
EQ(DOMID_SELF, 0x7FF0);
EQ(DOMID_IO, 0x7FF1);
EQ(DOMID_XEN, 0x7FF2);
EQ(DOMID_COW, 0x7FF3);
EQ(DOMID_INVALID, 0x7FF4);
EQ(DOMID_ANY, 0x7FF5);
EQ(DOMID_IDLE, 0x7FFF);
EQ(DOMID_MASK, 0x7FFF);

EQ(SIF_PRIVILEGED, 1 << 0);
EQ(SIF_INITDOMAIN, 1 << 1);
EQ(SIF_MULTIBOOT_MOD, 1 << 2);
EQ(SIF_MOD_START_PFN, 1 << 3);
EQ(SIF_VIRT_P2M_4TOOLS, 1 << 4);
EQ(SIF_PM_MASK, 0xFF00);

EQ(XEN_PVCLOCK_TSC_STABLE_BIT, 1);
EQ(XEN_PVCLOCK_GUEST_STOPPED, 2);

SIZE(struct multicall_entry, 64);
FIELD(struct multicall_entry, op, 0, 8);
FIELD(struct multicall_entry, result, 8, 8);
FIELD(struct multicall_entry, args, 16, 48);

SIZE(struct vcpu_time_info, 32);
FIELD(struct vcpu_time_info, version, 0, 4);
FIELD(struct vcpu_time_info, pad0, 4, 4);
FIELD(struct vcpu_time_info, tsc_timestamp, 8, 8);
FIELD(struct vcpu_time_info, system_time, 16, 8);
FIELD(struct vcpu_time_info, tsc_to_system_mul, 24, 4);
FIELD(struct vcpu_time_info, tsc_shift, 28, 1);
SIGNED(struct vcpu_time_info, tsc_shift);
FIELD(struct vcpu_time_info, flags, 29, 1);
FIELD(struct vcpu_time_info, pad1, 30, 2);

FIELD(struct vcpu_info, evtchn_upcall_pending, 0, 1);
FIELD(struct vcpu_info, evtchn_pending_sel, 8, 8);
FIELD(struct vcpu_info, arch, 16, sizeof(struct arch_vcpu_info));

FIELD(struct shared_info, vcpu_info, 0,
      XEN_LEGACY_MAX_VCPUS * sizeof(struct vcpu_info));
FIELD(struct shared_info, evtchn_pending[0], XEN_LEGACY_MAX_VCPUS *
      sizeof(struct vcpu_info), 8);
SIZE(((struct shared_info *)0)->evtchn_pending, 512);
SIZE(((struct shared_info *)0)->evtchn_mask, 512);

#if defined(__x86_64__)
EQ(XEN_LEGACY_MAX_VCPUS, 32);
EQ(__HYPERVISOR_mca, 48);
EQ(__HYPERVISOR_paging_domctl_cont, 49);

SIZE(struct arch_vcpu_info, 16);
FIELD(struct arch_vcpu_info, cr2, 0, 8);
FIELD(struct arch_vcpu_info, pad, 8, 8);

SIZE(struct vcpu_info, 64);
FIELD(struct vcpu_info, evtchn_upcall_mask, 1, 1);
FIELD(struct vcpu_info, arch.cr2, 16, 8);
FIELD(struct vcpu_info, time, 32, 32);

SIZE(struct arch_shared_info, 48);
FIELD(struct arch_shared_info, max_pfn, 0, 8);
FIELD(struct arch_shared_info, pfn_to_mfn_frame_list_list, 8, 8);
FIELD(struct arch_shared_info, nmi_reason, 16, 8);
FIELD(struct arch_shared_info, p2m_cr3, 24, 8);
FIELD(struct arch_shared_info, p2m_vaddr, 32, 8);
FIELD(struct arch_shared_info, p2m_generation, 40, 8);

SIZE(struct shared_info, 3136);
FIELD(struct shared_info, vcpu_info, 0, 2048);
FIELD(struct shared_info, evtchn_pending, 2048, 512);
FIELD(struct shared_info, evtchn_mask, 2560, 512);
FIELD(struct shared_info, wc_version, 3072, 4);
FIELD(struct shared_info, wc_sec, 3076, 4);
FIELD(struct shared_info, wc_nsec, 3080, 4);
FIELD(struct shared_info, wc_sec_hi, 3084, 4);
FIELD(struct shared_info, arch, 3088, 48);

EQ(XEN_HYPERCALL_STUB_SIZE, 32);

#elif defined(__aarch64__)
EQ(XEN_HYPERCALL_TAG, 0xEA1);
EQ(XEN_LEGACY_MAX_VCPUS, 1);

SIZE(struct arch_vcpu_info, 0);
SIZE(struct arch_shared_info, 0);

SIZE(struct vcpu_info, 48);
FIELD(struct vcpu_info, pad0, 1, 1);
FIELD(struct vcpu_info, time, 16, 32);

SIZE(struct shared_info, 1088);
FIELD(struct shared_info, vcpu_info, 0, 48);
FIELD(struct shared_info, evtchn_pending, 48, 512);
FIELD(struct shared_info, evtchn_mask, 560, 512);
FIELD(struct shared_info, wc_version, 1072, 4);
FIELD(struct shared_info, wc_sec, 1076, 4);
FIELD(struct shared_info, wc_nsec, 1080, 4);
FIELD(struct shared_info, wc_sec_hi, 1084, 4);
FIELD(struct shared_info, arch, 1088, 0);

/* Guest memory map and interrupts */
EQ(GUEST_VIRTIO_MMIO_BASE, 0x02000000ULL);
EQ(GUEST_VIRTIO_MMIO_SIZE, 0x00100000ULL);
EQ(GUEST_GICD_BASE, 0x03001000ULL);
EQ(GUEST_GICD_SIZE, 0x00001000ULL);
EQ(GUEST_GICC_BASE, 0x03002000ULL);
EQ(GUEST_GICC_SIZE, 0x00002000ULL);
EQ(GUEST_GICV3_GICD_BASE, 0x03001000ULL);
EQ(GUEST_GICV3_GICD_SIZE, 0x00010000ULL);
EQ(GUEST_GICV3_RDIST_STRIDE, 0x00020000ULL);
EQ(GUEST_GICV3_RDIST_REGIONS, 1);
EQ(GUEST_GICV3_GICR0_BASE, 0x03020000ULL);
EQ(GUEST_GICV3_GICR0_SIZE, 0x01000000ULL);
EQ(GUEST_VPCI_ECAM_BASE, 0x10000000ULL);
EQ(GUEST_VPCI_ECAM_SIZE, 0x10000000ULL);
EQ(GUEST_ACPI_BASE, 0x20000000ULL);
EQ(GUEST_ACPI_SIZE, 0x02000000ULL);
EQ(GUEST_PL011_BASE, 0x22000000ULL);
EQ(GUEST_PL011_SIZE, 0x00001000ULL);
EQ(GUEST_VPCI_MEM_TYPE, 0x02000000ULL);
EQ(GUEST_VPCI_MEM_ADDR, 0x23000000ULL);
EQ(GUEST_VPCI_MEM_SIZE, 0x10000000ULL);
EQ(GUEST_VPCI_PREFETCH_MEM_TYPE, 0x43000000ULL);
EQ(GUEST_VPCI_PREFETCH_MEM_ADDR, 0x100000000ULL);
EQ(GUEST_VPCI_PREFETCH_MEM_SIZE, 0x100000000ULL);
EQ(GUEST_GNTTAB_BASE, 0x38000000ULL);
EQ(GUEST_GNTTAB_SIZE, 0x01000000ULL);
EQ(GUEST_MAGIC_BASE, 0x39000000ULL);
EQ(GUEST_MAGIC_SIZE, 0x01000000ULL);
EQ(GUEST_RAM_BANKS, 2);
EQ(GUEST_RAM0_BASE, 0x40000000ULL);
EQ(GUEST_RAM0_SIZE, 0xC0000000ULL);
EQ(GUEST_RAM1_BASE, 0x200000000ULL);
EQ(GUEST_RAM1_SIZE, 0xFE00000000ULL);
EQ(GUEST_RAM1_BASE + GUEST_RAM1_SIZE, 1ULL << 40);
EQ(GUEST_RAM_BASE, GUEST_RAM0_BASE);
EQ(GUEST_RAM_MAX, 0xC0000000ULL + 0xFE00000000ULL);
EQ(GUEST_MAX_VCPUS, 128);
EQ(GUEST_TIMER_VIRT_PPI, 27);
EQ(GUEST_TIMER_PHYS_S_PPI, 29);
EQ(GUEST_TIMER_PHYS_NS_PPI, 30);
EQ(GUEST_EVTCHN_PPI, 31);
EQ(GUEST_VPL011_SPI, 32);
EQ(GUEST_VIRTIO_MMIO_SPI_FIRST, 33);
EQ(GUEST_VIRTIO_MMIO_SPI_LAST, 43);
EQ(GUEST_PHANDLE_GIC, 65000);
EQ(GUEST_PHANDLE_IOMMU, 65001);
EQ(GUEST_ROOT_ADDRESS_CELLS, 2);
EQ(GUEST_ROOT_SIZE_CELLS, 2);
EQ(PSCI_cpu_suspend, 0);
EQ(PSCI_cpu_off, 1);
EQ(PSCI_cpu_on, 2);
EQ(PSCI_migrate, 3);
#else
#error "unexpected architecture"
#endif

/* ---------------------------------------------------------------- */
/* errno.h                                                           */

#define ERRNO_CHECK(name, value) EQ(XEN_##name, value);
XEN_ERRNO_LIST(ERRNO_CHECK)
EQ(XEN_EPERM, 1);
EQ(XEN_ENOENT, 2);
EQ(XEN_ESRCH, 3);
EQ(XEN_EIO, 5);
EQ(XEN_ENXIO, 6);
EQ(XEN_E2BIG, 7);
EQ(XEN_ENOEXEC, 8);
EQ(XEN_EBADF, 9);
EQ(XEN_ECHILD, 10);
EQ(XEN_EAGAIN, 11);
EQ(XEN_EWOULDBLOCK, 11);
EQ(XEN_ENOMEM, 12);
EQ(XEN_EACCES, 13);
EQ(XEN_EFAULT, 14);
EQ(XEN_EBUSY, 16);
EQ(XEN_EEXIST, 17);
EQ(XEN_EXDEV, 18);
EQ(XEN_ENODEV, 19);
EQ(XEN_ENOTDIR, 20);
EQ(XEN_EISDIR, 21);
EQ(XEN_EINVAL, 22);
EQ(XEN_ENFILE, 23);
EQ(XEN_EMFILE, 24);
EQ(XEN_ENOSPC, 28);
EQ(XEN_EROFS, 30);
EQ(XEN_EMLINK, 31);
EQ(XEN_EDOM, 33);
EQ(XEN_ERANGE, 34);
EQ(XEN_EDEADLK, 35);
EQ(XEN_EDEADLOCK, 35);
EQ(XEN_ENAMETOOLONG, 36);
EQ(XEN_ENOLCK, 37);
EQ(XEN_ENOSYS, 38);
EQ(XEN_ENOTEMPTY, 39);
EQ(XEN_ENODATA, 61);
EQ(XEN_ETIME, 62);
EQ(XEN_EBADMSG, 74);
EQ(XEN_EOVERFLOW, 75);
EQ(XEN_EILSEQ, 84);
EQ(XEN_ENOTSOCK, 88);
EQ(XEN_EMSGSIZE, 90);
EQ(XEN_EOPNOTSUPP, 95);
EQ(XEN_EADDRINUSE, 98);
EQ(XEN_EADDRNOTAVAIL, 99);
EQ(XEN_ENOBUFS, 105);
EQ(XEN_EISCONN, 106);
EQ(XEN_ENOTCONN, 107);
EQ(XEN_ETIMEDOUT, 110);
EQ(XEN_ECONNREFUSED, 111);

/* ---------------------------------------------------------------- */
/* version.h, features.h                                             */

EQ(XENVER_version, 0);
EQ(XENVER_extraversion, 1);
EQ(XENVER_compile_info, 2);
EQ(XENVER_capabilities, 3);
EQ(XENVER_changeset, 4);
EQ(XENVER_platform_parameters, 5);
EQ(XENVER_get_features, 6);
EQ(XENVER_pagesize, 7);
EQ(XENVER_guest_handle, 8);
EQ(XENVER_commandline, 9);
EQ(XENVER_build_id, 10);
EQ(XENVER_extraversion2, 11);
EQ(XENVER_capabilities2, 12);
EQ(XENVER_changeset2, 13);
EQ(XENVER_commandline2, 14);

SIZE(xen_extraversion_t, 16);
SIZE(struct xen_compile_info, 144);
FIELD(struct xen_compile_info, compiler, 0, 64);
FIELD(struct xen_compile_info, compile_by, 64, 16);
FIELD(struct xen_compile_info, compile_domain, 80, 32);
FIELD(struct xen_compile_info, compile_date, 112, 32);
SIZE(xen_capabilities_info_t, 1024);
SIZE(xen_changeset_info_t, 64);
SIZE(struct xen_platform_parameters, 8);
FIELD(struct xen_platform_parameters, virt_start, 0, 8);
SIZE(struct xen_feature_info, 8);
FIELD(struct xen_feature_info, submap_idx, 0, 4);
FIELD(struct xen_feature_info, submap, 4, 4);
SIZE(xen_commandline_t, 1024);
SIZE(struct xen_varbuf, 4);
FIELD(struct xen_varbuf, len, 0, 4);
ABI_ASSERT(offsetof(struct xen_varbuf, buf) == 4, "xen_varbuf.buf");
SIZE(struct xen_build_id, 4);
ABI_ASSERT(offsetof(struct xen_build_id, buf) == 4, "xen_build_id.buf");

EQ(XENFEAT_writable_page_tables, 0);
EQ(XENFEAT_writable_descriptor_tables, 1);
EQ(XENFEAT_auto_translated_physmap, 2);
EQ(XENFEAT_supervisor_mode_kernel, 3);
EQ(XENFEAT_pae_pgdir_above_4gb, 4);
EQ(XENFEAT_mmu_pt_update_preserve_ad, 5);
EQ(XENFEAT_highmem_assist, 6);
EQ(XENFEAT_gnttab_map_avail_bits, 7);
EQ(XENFEAT_hvm_callback_vector, 8);
EQ(XENFEAT_hvm_safe_pvclock, 9);
EQ(XENFEAT_hvm_pirqs, 10);
EQ(XENFEAT_dom0, 11);
EQ(XENFEAT_memory_op_vnode_supported, 13);
EQ(XENFEAT_ARM_SMCCC_supported, 14);
EQ(XENFEAT_linux_rsdp_unrestricted, 15);
EQ(XENFEAT_not_direct_mapped, 16);
EQ(XENFEAT_direct_mapped, 17);
EQ(XENFEAT_runstate_phys_area, 18);
EQ(XENFEAT_vcpu_time_phys_area, 19);
EQ(XENFEAT_dm_msix_all_writes, 20);
EQ(XENFEAT_NR_SUBMAPS, 1);

/* ---------------------------------------------------------------- */
/* event_channel.h, sched.h                                          */

EQ(EVTCHNOP_bind_interdomain, 0);
EQ(EVTCHNOP_bind_virq, 1);
EQ(EVTCHNOP_bind_pirq, 2);
EQ(EVTCHNOP_close, 3);
EQ(EVTCHNOP_send, 4);
EQ(EVTCHNOP_status, 5);
EQ(EVTCHNOP_alloc_unbound, 6);
EQ(EVTCHNOP_bind_ipi, 7);
EQ(EVTCHNOP_bind_vcpu, 8);
EQ(EVTCHNOP_unmask, 9);
EQ(EVTCHNOP_reset, 10);
EQ(EVTCHNOP_init_control, 11);
EQ(EVTCHNOP_expand_array, 12);
EQ(EVTCHNOP_set_priority, 13);
EQ(EVTCHNOP_reset_cont, 14);
EQ(EVTCHN_2L_NR_CHANNELS, 4096);
EQ(EVTCHNSTAT_closed, 0);
EQ(EVTCHNSTAT_unbound, 1);
EQ(EVTCHNSTAT_interdomain, 2);
EQ(EVTCHNSTAT_pirq, 3);
EQ(EVTCHNSTAT_virq, 4);
EQ(EVTCHNSTAT_ipi, 5);
EQ(BIND_PIRQ__WILL_SHARE, 1);
EQ(EVTCHN_FIFO_PRIORITY_MAX, 0);
EQ(EVTCHN_FIFO_PRIORITY_DEFAULT, 7);
EQ(EVTCHN_FIFO_PRIORITY_MIN, 15);
EQ(EVTCHN_FIFO_MAX_QUEUES, 16);
EQ(EVTCHN_FIFO_PENDING, 31);
EQ(EVTCHN_FIFO_MASKED, 30);
EQ(EVTCHN_FIFO_LINKED, 29);
EQ(EVTCHN_FIFO_BUSY, 28);
EQ(EVTCHN_FIFO_LINK_BITS, 17);
EQ(EVTCHN_FIFO_NR_CHANNELS, 1 << 17);

SIZE(evtchn_port_t, 4);
SIZE(struct evtchn_alloc_unbound, 8);
FIELD(struct evtchn_alloc_unbound, dom, 0, 2);
FIELD(struct evtchn_alloc_unbound, remote_dom, 2, 2);
FIELD(struct evtchn_alloc_unbound, port, 4, 4);
SIZE(struct evtchn_bind_interdomain, 12);
FIELD(struct evtchn_bind_interdomain, remote_dom, 0, 2);
FIELD(struct evtchn_bind_interdomain, remote_port, 4, 4);
FIELD(struct evtchn_bind_interdomain, local_port, 8, 4);
SIZE(struct evtchn_bind_virq, 12);
FIELD(struct evtchn_bind_virq, virq, 0, 4);
FIELD(struct evtchn_bind_virq, vcpu, 4, 4);
FIELD(struct evtchn_bind_virq, port, 8, 4);
SIZE(struct evtchn_bind_pirq, 12);
FIELD(struct evtchn_bind_pirq, pirq, 0, 4);
FIELD(struct evtchn_bind_pirq, flags, 4, 4);
FIELD(struct evtchn_bind_pirq, port, 8, 4);
SIZE(struct evtchn_bind_ipi, 8);
FIELD(struct evtchn_bind_ipi, vcpu, 0, 4);
FIELD(struct evtchn_bind_ipi, port, 4, 4);
SIZE(struct evtchn_close, 4);
SIZE(struct evtchn_send, 4);
SIZE(struct evtchn_status, 24);
FIELD(struct evtchn_status, dom, 0, 2);
FIELD(struct evtchn_status, port, 4, 4);
FIELD(struct evtchn_status, status, 8, 4);
FIELD(struct evtchn_status, vcpu, 12, 4);
FIELD(struct evtchn_status, u, 16, 8);
FIELD(struct evtchn_status, u.unbound.dom, 16, 2);
FIELD(struct evtchn_status, u.interdomain.dom, 16, 2);
FIELD(struct evtchn_status, u.interdomain.port, 20, 4);
FIELD(struct evtchn_status, u.pirq, 16, 4);
FIELD(struct evtchn_status, u.virq, 16, 4);
SIZE(struct evtchn_bind_vcpu, 8);
FIELD(struct evtchn_bind_vcpu, port, 0, 4);
FIELD(struct evtchn_bind_vcpu, vcpu, 4, 4);
SIZE(struct evtchn_unmask, 4);
SIZE(struct evtchn_reset, 2);
SIZE(struct evtchn_init_control, 24);
FIELD(struct evtchn_init_control, control_gfn, 0, 8);
FIELD(struct evtchn_init_control, offset, 8, 4);
FIELD(struct evtchn_init_control, vcpu, 12, 4);
FIELD(struct evtchn_init_control, link_bits, 16, 1);
FIELD(struct evtchn_init_control, _pad, 17, 7);
SIZE(struct evtchn_expand_array, 8);
SIZE(struct evtchn_set_priority, 8);
FIELD(struct evtchn_set_priority, port, 0, 4);
FIELD(struct evtchn_set_priority, priority, 4, 4);
SIZE(event_word_t, 4);
SIZE(struct evtchn_fifo_control_block, 72);
FIELD(struct evtchn_fifo_control_block, ready, 0, 4);
FIELD(struct evtchn_fifo_control_block, head, 8, 64);

EQ(SCHEDOP_yield, 0);
EQ(SCHEDOP_block, 1);
EQ(SCHEDOP_shutdown, 2);
EQ(SCHEDOP_poll, 3);
EQ(SCHEDOP_remote_shutdown, 4);
EQ(SCHEDOP_shutdown_code, 5);
EQ(SCHEDOP_watchdog, 6);
EQ(SCHEDOP_pin_override, 7);
EQ(SHUTDOWN_poweroff, 0);
EQ(SHUTDOWN_reboot, 1);
EQ(SHUTDOWN_suspend, 2);
EQ(SHUTDOWN_crash, 3);
EQ(SHUTDOWN_watchdog, 4);
EQ(SHUTDOWN_soft_reset, 5);
EQ(SHUTDOWN_MAX, 5);

SIZE(struct sched_shutdown, 4);
FIELD(struct sched_shutdown, reason, 0, 4);
SIZE(struct sched_poll, 24);
FIELD(struct sched_poll, ports, 0, 8);
FIELD(struct sched_poll, nr_ports, 8, 4);
FIELD(struct sched_poll, timeout, 16, 8);
SIZE(struct sched_remote_shutdown, 8);
FIELD(struct sched_remote_shutdown, domain_id, 0, 2);
FIELD(struct sched_remote_shutdown, reason, 4, 4);
SIZE(struct sched_watchdog, 8);
FIELD(struct sched_watchdog, id, 0, 4);
FIELD(struct sched_watchdog, timeout, 4, 4);
SIZE(struct sched_pin_override, 4);
SIGNED(struct sched_pin_override, pcpu);

/* ---------------------------------------------------------------- */
/* vcpu.h                                                            */

EQ(VCPUOP_initialise, 0);
EQ(VCPUOP_up, 1);
EQ(VCPUOP_down, 2);
EQ(VCPUOP_is_up, 3);
EQ(VCPUOP_get_runstate_info, 4);
EQ(VCPUOP_register_runstate_memory_area, 5);
EQ(VCPUOP_set_periodic_timer, 6);
EQ(VCPUOP_stop_periodic_timer, 7);
EQ(VCPUOP_set_singleshot_timer, 8);
EQ(VCPUOP_stop_singleshot_timer, 9);
EQ(VCPUOP_register_vcpu_info, 10);
EQ(VCPUOP_send_nmi, 11);
EQ(VCPUOP_get_physid, 12);
EQ(VCPUOP_register_vcpu_time_memory_area, 13);
EQ(VCPUOP_register_runstate_phys_area, 14);
EQ(VCPUOP_register_vcpu_time_phys_area, 15);
EQ(RUNSTATE_running, 0);
EQ(RUNSTATE_runnable, 1);
EQ(RUNSTATE_blocked, 2);
EQ(RUNSTATE_offline, 3);
EQ(XEN_RUNSTATE_UPDATE, 1ULL << 63);
EQ(VCPU_SSHOTTMR_future, 1);

SIZE(struct vcpu_runstate_info, 48);
FIELD(struct vcpu_runstate_info, state, 0, 4);
SIGNED(struct vcpu_runstate_info, state);
FIELD(struct vcpu_runstate_info, state_entry_time, 8, 8);
FIELD(struct vcpu_runstate_info, time, 16, 32);
SIZE(struct vcpu_register_runstate_memory_area, 8);
ALIGN(struct vcpu_register_runstate_memory_area, 8);
SIZE(struct vcpu_set_periodic_timer, 8);
SIZE(struct vcpu_set_singleshot_timer, 16);
FIELD(struct vcpu_set_singleshot_timer, timeout_abs_ns, 0, 8);
FIELD(struct vcpu_set_singleshot_timer, flags, 8, 4);
SIZE(struct vcpu_register_vcpu_info, 16);
FIELD(struct vcpu_register_vcpu_info, mfn, 0, 8);
FIELD(struct vcpu_register_vcpu_info, offset, 8, 4);
FIELD(struct vcpu_register_vcpu_info, rsvd, 12, 4);
SIZE(struct vcpu_get_physid, 8);
SIZE(struct vcpu_register_time_memory_area, 8);

/* ---------------------------------------------------------------- */
/* physdev.h, memory.h                                               */

EQ(PHYSDEVOP_pci_device_add, 25);
EQ(PHYSDEVOP_pci_device_remove, 26);
EQ(XEN_PCI_DEV_EXTFN, 1);
EQ(XEN_PCI_DEV_VIRTFN, 2);
EQ(XEN_PCI_DEV_PXM, 4);
SIZE(struct physdev_pci_device, 4);
FIELD(struct physdev_pci_device, seg, 0, 2);
FIELD(struct physdev_pci_device, bus, 2, 1);
FIELD(struct physdev_pci_device, devfn, 3, 1);
SIZE(struct physdev_pci_device_add, 12);
FIELD(struct physdev_pci_device_add, flags, 4, 4);
FIELD(struct physdev_pci_device_add, physfn.bus, 8, 1);
FIELD(struct physdev_pci_device_add, physfn.devfn, 9, 1);
ABI_ASSERT(offsetof(struct physdev_pci_device_add, optarr) == 12,
           "physdev_pci_device_add.optarr");

EQ(XENMEMOP_EXTENT_SHIFT, 6);
EQ(XENMEMOP_CMD_MASK, 0x3f);
EQ(XENMEM_increase_reservation, 0);
EQ(XENMEM_decrease_reservation, 1);
EQ(XENMEM_maximum_ram_page, 2);
EQ(XENMEM_current_reservation, 3);
EQ(XENMEM_maximum_reservation, 4);
EQ(XENMEM_machphys_mfn_list, 5);
EQ(XENMEM_populate_physmap, 6);
EQ(XENMEM_add_to_physmap, 7);
EQ(XENMEM_memory_map, 9);
EQ(XENMEM_machine_memory_map, 10);
EQ(XENMEM_exchange, 11);
EQ(XENMEM_machphys_mapping, 12);
EQ(XENMEM_set_memory_map, 13);
EQ(XENMEM_maximum_gpfn, 14);
EQ(XENMEM_remove_from_physmap, 15);
EQ(XENMEM_set_pod_target, 16);
EQ(XENMEM_get_pod_target, 17);
EQ(XENMEM_get_sharing_freed_pages, 18);
EQ(XENMEM_get_sharing_shared_pages, 19);
EQ(XENMEM_paging_op, 20);
EQ(XENMEM_access_op, 21);
EQ(XENMEM_sharing_op, 22);
EQ(XENMEM_add_to_physmap_batch, 23);
EQ(XENMEM_claim_pages, 24);
EQ(XENMEM_machphys_compat_mfn_list, 25);
EQ(XENMEM_get_vnumainfo, 26);
EQ(XENMEM_reserved_device_memory_map, 27);
EQ(XENMEM_acquire_resource, 28);
/* Ours: the first number after upstream's last (28; "next is 29"). */
EQ(XENMEM_get_safe_ranges, 29);
EQ(XENMEM_get_safe_ranges & ~XENMEMOP_CMD_MASK, 0);

EQ(XENMEMF_address_bits(32), 32);
EQ(XENMEMF_get_address_bits(0x1234), 0x34);
EQ(XENMEMF_node(0), 0x100);
EQ(XENMEMF_node(3), 0x400);
EQ(XENMEMF_get_node(XENMEMF_node(5)), 5);
EQ(XENMEMF_populate_on_demand, 0x10000);
EQ(XENMEMF_exact_node_request, 0x20000);
EQ(XENMEMF_exact_node(1), 0x20200);
EQ(XENMEMF_vnode, 0x40000);

EQ(XENMAPSPACE_shared_info, 0);
EQ(XENMAPSPACE_grant_table, 1);
EQ(XENMAPSPACE_gmfn, 2);
EQ(XENMAPSPACE_gmfn_range, 3);
EQ(XENMAPSPACE_gmfn_foreign, 4);
EQ(XENMAPSPACE_dev_mmio, 5);
EQ(XENMAPIDX_grant_table_status, 0x80000000U);

EQ(XENMEM_paging_op_nominate, 0);
EQ(XENMEM_paging_op_evict, 1);
EQ(XENMEM_paging_op_prep, 2);
EQ(XENMEM_access_op_set_access, 0);
EQ(XENMEM_access_op_get_access, 1);
EQ(XENMEM_access_op_set_access_multi, 4);
EQ(XENMEM_access_n, 0);
EQ(XENMEM_access_rwx, 7);
EQ(XENMEM_access_rx2rw, 8);
EQ(XENMEM_access_n2rwx, 9);
EQ(XENMEM_access_r_pw, 10);
EQ(XENMEM_access_default, 11);
EQ(XENMEM_sharing_op_nominate_gfn, 0);
EQ(XENMEM_sharing_op_nominate_gref, 1);
EQ(XENMEM_sharing_op_share, 2);
EQ(XENMEM_sharing_op_debug_gfn, 3);
EQ(XENMEM_sharing_op_debug_mfn, 4);
EQ(XENMEM_sharing_op_debug_gref, 5);
EQ(XENMEM_sharing_op_add_physmap, 6);
EQ(XENMEM_sharing_op_audit, 7);
EQ(XENMEM_sharing_op_range_share, 8);
EQ(XENMEM_sharing_op_fork, 9);
EQ(XENMEM_sharing_op_fork_reset, 10);
EQ(XENMEM_SHARING_OP_S_HANDLE_INVALID, -10);
EQ(XENMEM_SHARING_OP_C_HANDLE_INVALID, -9);
EQ(XENMEM_SHARING_OP_FIELD_IS_GREF_FLAG, 1ULL << 62);
EQ(XENMEM_FORK_WITH_IOMMU_ALLOWED, 1);
EQ(XENMEM_FORK_BLOCK_INTERRUPTS, 2);
EQ(XENMEM_FORK_RESET_STATE, 4);
EQ(XENMEM_FORK_RESET_MEMORY, 8);
EQ(XENMEM_RDM_ALL, 1);
EQ(XENMEM_resource_ioreq_server, 0);
EQ(XENMEM_resource_grant_table, 1);
EQ(XENMEM_resource_vmtrace_buf, 2);
EQ(XENMEM_resource_grant_table_id_shared, 0);
EQ(XENMEM_resource_grant_table_id_status, 1);
EQ(XENMEM_resource_ioreq_server_frame_bufioreq, 0);
EQ(XENMEM_resource_ioreq_server_frame_ioreq(0), 1);
EQ(XENMEM_resource_ioreq_server_frame_ioreq(3), 4);

SIZE(struct xen_memory_reservation, 32);
ALIGN(struct xen_memory_reservation, 8);
FIELD(struct xen_memory_reservation, extent_start, 0, 8);
FIELD(struct xen_memory_reservation, nr_extents, 8, 8);
FIELD(struct xen_memory_reservation, extent_order, 16, 4);
FIELD(struct xen_memory_reservation, mem_flags, 20, 4);
FIELD(struct xen_memory_reservation, domid, 24, 2);

SIZE(struct xen_memory_exchange, 72);
FIELD(struct xen_memory_exchange, in, 0, 32);
FIELD(struct xen_memory_exchange, out, 32, 32);
FIELD(struct xen_memory_exchange, nr_exchanged, 64, 8);

SIZE(struct xen_machphys_mfn_list, 24);
FIELD(struct xen_machphys_mfn_list, max_extents, 0, 4);
FIELD(struct xen_machphys_mfn_list, extent_start, 8, 8);
FIELD(struct xen_machphys_mfn_list, nr_extents, 16, 4);

SIZE(struct xen_machphys_mapping, 24);
FIELD(struct xen_machphys_mapping, v_start, 0, 8);
FIELD(struct xen_machphys_mapping, v_end, 8, 8);
FIELD(struct xen_machphys_mapping, max_mfn, 16, 8);

SIZE(struct xen_add_to_physmap, 24);
ALIGN(struct xen_add_to_physmap, 8);
FIELD(struct xen_add_to_physmap, domid, 0, 2);
FIELD(struct xen_add_to_physmap, size, 2, 2);
FIELD(struct xen_add_to_physmap, space, 4, 4);
FIELD(struct xen_add_to_physmap, idx, 8, 8);
FIELD(struct xen_add_to_physmap, gpfn, 16, 8);

SIZE(struct xen_add_to_physmap_batch, 32);
FIELD(struct xen_add_to_physmap_batch, domid, 0, 2);
FIELD(struct xen_add_to_physmap_batch, space, 2, 2);
FIELD(struct xen_add_to_physmap_batch, size, 4, 2);
FIELD(struct xen_add_to_physmap_batch, u, 6, 2);
FIELD(struct xen_add_to_physmap_batch, u.foreign_domid, 6, 2);
FIELD(struct xen_add_to_physmap_batch, u.res0, 6, 2);
FIELD(struct xen_add_to_physmap_batch, idxs, 8, 8);
FIELD(struct xen_add_to_physmap_batch, gpfns, 16, 8);
FIELD(struct xen_add_to_physmap_batch, errs, 24, 8);
SIZE(*((struct xen_add_to_physmap_batch *)0)->errs.p, 4);

SIZE(struct xen_remove_from_physmap, 16);
FIELD(struct xen_remove_from_physmap, domid, 0, 2);
FIELD(struct xen_remove_from_physmap, gpfn, 8, 8);

SIZE(struct xen_memory_map, 16);
FIELD(struct xen_memory_map, nr_entries, 0, 4);
FIELD(struct xen_memory_map, buffer, 8, 8);

SIZE(struct xen_foreign_memory_map, 24);
FIELD(struct xen_foreign_memory_map, domid, 0, 2);
FIELD(struct xen_foreign_memory_map, map, 8, 16);
FIELD(struct xen_foreign_memory_map, map.buffer, 16, 8);

SIZE(struct xen_e820_entry, 20);
FIELD(struct xen_e820_entry, addr, 0, 8);
FIELD(struct xen_e820_entry, size, 8, 8);
FIELD(struct xen_e820_entry, type, 16, 4);

SIZE(struct xen_pod_target, 40);
FIELD(struct xen_pod_target, target_pages, 0, 8);
FIELD(struct xen_pod_target, tot_pages, 8, 8);
FIELD(struct xen_pod_target, pod_cache_pages, 16, 8);
FIELD(struct xen_pod_target, pod_entries, 24, 8);
FIELD(struct xen_pod_target, domid, 32, 2);

SIZE(struct xen_mem_paging_op, 24);
FIELD(struct xen_mem_paging_op, op, 0, 1);
FIELD(struct xen_mem_paging_op, domain, 2, 2);
FIELD(struct xen_mem_paging_op, buffer, 8, 8);
FIELD(struct xen_mem_paging_op, gfn, 16, 8);

SIZE(struct xen_mem_access_op, 32);
FIELD(struct xen_mem_access_op, op, 0, 1);
FIELD(struct xen_mem_access_op, access, 1, 1);
FIELD(struct xen_mem_access_op, domid, 2, 2);
FIELD(struct xen_mem_access_op, nr, 4, 4);
FIELD(struct xen_mem_access_op, pfn, 8, 8);
FIELD(struct xen_mem_access_op, pfn_list, 16, 8);
FIELD(struct xen_mem_access_op, access_list, 24, 8);

SIZE(struct xen_mem_sharing_op, 48);
FIELD(struct xen_mem_sharing_op, op, 0, 1);
FIELD(struct xen_mem_sharing_op, domain, 2, 2);
FIELD(struct xen_mem_sharing_op, u, 8, 40);
FIELD(struct xen_mem_sharing_op, u.nominate.u.gfn, 8, 8);
FIELD(struct xen_mem_sharing_op, u.nominate.u.grant_ref, 8, 4);
FIELD(struct xen_mem_sharing_op, u.nominate.handle, 16, 8);
FIELD(struct xen_mem_sharing_op, u.share.source_gfn, 8, 8);
FIELD(struct xen_mem_sharing_op, u.share.source_handle, 16, 8);
FIELD(struct xen_mem_sharing_op, u.share.client_gfn, 24, 8);
FIELD(struct xen_mem_sharing_op, u.share.client_handle, 32, 8);
FIELD(struct xen_mem_sharing_op, u.share.client_domain, 40, 2);
FIELD(struct xen_mem_sharing_op, u.range.first_gfn, 8, 8);
FIELD(struct xen_mem_sharing_op, u.range.last_gfn, 16, 8);
FIELD(struct xen_mem_sharing_op, u.range.opaque, 24, 8);
FIELD(struct xen_mem_sharing_op, u.range.client_domain, 32, 2);
FIELD(struct xen_mem_sharing_op, u.range._pad, 34, 6);
FIELD(struct xen_mem_sharing_op, u.debug.u.gfn, 8, 8);
FIELD(struct xen_mem_sharing_op, u.debug.u.gref, 8, 4);
FIELD(struct xen_mem_sharing_op, u.fork.parent_domain, 8, 2);
FIELD(struct xen_mem_sharing_op, u.fork.flags, 10, 2);
FIELD(struct xen_mem_sharing_op, u.fork.pad, 12, 4);

SIZE(struct xen_vmemrange, 24);
FIELD(struct xen_vmemrange, start, 0, 8);
FIELD(struct xen_vmemrange, end, 8, 8);
FIELD(struct xen_vmemrange, flags, 16, 4);
FIELD(struct xen_vmemrange, nid, 20, 4);

SIZE(struct xen_vnuma_topology_info, 40);
FIELD(struct xen_vnuma_topology_info, domid, 0, 2);
FIELD(struct xen_vnuma_topology_info, pad, 2, 2);
FIELD(struct xen_vnuma_topology_info, nr_vnodes, 4, 4);
FIELD(struct xen_vnuma_topology_info, nr_vcpus, 8, 4);
FIELD(struct xen_vnuma_topology_info, nr_vmemranges, 12, 4);
FIELD(struct xen_vnuma_topology_info, vdistance, 16, 8);
FIELD(struct xen_vnuma_topology_info, vcpu_to_vnode, 24, 8);
FIELD(struct xen_vnuma_topology_info, vmemrange, 32, 8);

SIZE(struct xen_reserved_device_memory, 16);
FIELD(struct xen_reserved_device_memory, start_pfn, 0, 8);
FIELD(struct xen_reserved_device_memory, nr_pages, 8, 8);

SIZE(struct xen_reserved_device_memory_map, 24);
FIELD(struct xen_reserved_device_memory_map, flags, 0, 4);
FIELD(struct xen_reserved_device_memory_map, nr_entries, 4, 4);
FIELD(struct xen_reserved_device_memory_map, buffer, 8, 8);
FIELD(struct xen_reserved_device_memory_map, dev, 16, 4);

SIZE(struct xen_mem_acquire_resource, 32);
FIELD(struct xen_mem_acquire_resource, domid, 0, 2);
FIELD(struct xen_mem_acquire_resource, type, 2, 2);
FIELD(struct xen_mem_acquire_resource, id, 4, 4);
FIELD(struct xen_mem_acquire_resource, nr_frames, 8, 4);
FIELD(struct xen_mem_acquire_resource, pad, 12, 4);
FIELD(struct xen_mem_acquire_resource, frame, 16, 8);
FIELD(struct xen_mem_acquire_resource, frame_list, 24, 8);

/* Ours: the same on every architecture. */
SIZE(struct xen_mem_safe_range, 16);
ALIGN(struct xen_mem_safe_range, 8);
FIELD(struct xen_mem_safe_range, first_gfn, 0, 8);
FIELD(struct xen_mem_safe_range, nr_frames, 8, 8);
SIZE(struct xen_mem_safe_ranges, 16);
ALIGN(struct xen_mem_safe_ranges, 8);
FIELD(struct xen_mem_safe_ranges, domid, 0, 2);
FIELD(struct xen_mem_safe_ranges, pad, 2, 2);
FIELD(struct xen_mem_safe_ranges, nr_ranges, 4, 4);
FIELD(struct xen_mem_safe_ranges, ranges, 8, 8);

/* ---------------------------------------------------------------- */
/* grant_table.h                                                     */

EQ(GNTTABOP_map_grant_ref, 0);
EQ(GNTTABOP_unmap_grant_ref, 1);
EQ(GNTTABOP_setup_table, 2);
EQ(GNTTABOP_dump_table, 3);
EQ(GNTTABOP_transfer, 4);
EQ(GNTTABOP_copy, 5);
EQ(GNTTABOP_query_size, 6);
EQ(GNTTABOP_unmap_and_replace, 7);
EQ(GNTTABOP_set_version, 8);
EQ(GNTTABOP_get_status_frames, 9);
EQ(GNTTABOP_get_version, 10);
EQ(GNTTABOP_swap_grant_ref, 11);
EQ(GNTTABOP_cache_flush, 12);
EQ(GNTTAB_NR_RESERVED_ENTRIES, 8);
EQ(GNTTAB_RESERVED_CONSOLE, 0);
EQ(GNTTAB_RESERVED_XENSTORE, 1);

EQ(GTF_invalid, 0);
EQ(GTF_permit_access, 1);
EQ(GTF_accept_transfer, 2);
EQ(GTF_transitive, 3);
EQ(GTF_type_mask, 3);
EQ(GTF_readonly, 1 << 2);
EQ(GTF_reading, 1 << 3);
EQ(GTF_writing, 1 << 4);
EQ(GTF_PWT, 1 << 5);
EQ(GTF_PCD, 1 << 6);
EQ(GTF_PAT, 1 << 7);
EQ(GTF_sub_page, 1 << 8);
EQ(GTF_transfer_committed, 1 << 2);
EQ(GTF_transfer_completed, 1 << 3);

EQ(GNTMAP_device_map, 1 << 0);
EQ(GNTMAP_host_map, 1 << 1);
EQ(GNTMAP_readonly, 1 << 2);
EQ(GNTMAP_application_map, 1 << 3);
EQ(GNTMAP_contains_pte, 1 << 4);
EQ(_GNTMAP_guest_avail0, 16);
EQ(GNTMAP_guest_avail_mask, 0xFFFF0000U);
EQ(GNTCOPY_source_gref, 1 << 0);
EQ(GNTCOPY_dest_gref, 1 << 1);
EQ(GNTTAB_CACHE_CLEAN, 1 << 0);
EQ(GNTTAB_CACHE_INVAL, 1 << 1);
EQ(GNTTAB_CACHE_SOURCE_GREF, 1U << 31);

EQ(GNTST_okay, 0);
EQ(GNTST_general_error, -1);
EQ(GNTST_bad_domain, -2);
EQ(GNTST_bad_gntref, -3);
EQ(GNTST_bad_handle, -4);
EQ(GNTST_bad_virt_addr, -5);
EQ(GNTST_bad_dev_addr, -6);
EQ(GNTST_no_device_space, -7);
EQ(GNTST_permission_denied, -8);
EQ(GNTST_bad_page, -9);
EQ(GNTST_bad_copy_arg, -10);
EQ(GNTST_address_too_big, -11);
EQ(GNTST_eagain, -12);
EQ(GNTST_no_space, -13);
SIZE((const char *[])GNTTABOP_error_msgs, 14 * sizeof(const char *));

SIZE(grant_ref_t, 4);
SIZE(grant_handle_t, 4);
SIZE(grant_status_t, 2);

SIZE(struct grant_entry_v1, 8);
ALIGN(struct grant_entry_v1, 4);
FIELD(struct grant_entry_v1, flags, 0, 2);
FIELD(struct grant_entry_v1, domid, 2, 2);
FIELD(struct grant_entry_v1, frame, 4, 4);
SIZE(struct grant_entry_header, 4);
FIELD(struct grant_entry_header, flags, 0, 2);
FIELD(struct grant_entry_header, domid, 2, 2);
SIZE(union grant_entry_v2, 16);
ALIGN(union grant_entry_v2, 8);
FIELD(union grant_entry_v2, hdr, 0, 4);
FIELD(union grant_entry_v2, full_page.pad0, 4, 4);
FIELD(union grant_entry_v2, full_page.frame, 8, 8);
FIELD(union grant_entry_v2, sub_page.page_off, 4, 2);
FIELD(union grant_entry_v2, sub_page.length, 6, 2);
FIELD(union grant_entry_v2, sub_page.frame, 8, 8);
FIELD(union grant_entry_v2, transitive.trans_domid, 4, 2);
FIELD(union grant_entry_v2, transitive.pad0, 6, 2);
FIELD(union grant_entry_v2, transitive.gref, 8, 4);
SIZE(((union grant_entry_v2 *)0)->transitive, 12);

SIZE(struct gnttab_map_grant_ref, 32);
FIELD(struct gnttab_map_grant_ref, host_addr, 0, 8);
FIELD(struct gnttab_map_grant_ref, flags, 8, 4);
FIELD(struct gnttab_map_grant_ref, ref, 12, 4);
FIELD(struct gnttab_map_grant_ref, dom, 16, 2);
FIELD(struct gnttab_map_grant_ref, status, 18, 2);
SIGNED(struct gnttab_map_grant_ref, status);
FIELD(struct gnttab_map_grant_ref, handle, 20, 4);
FIELD(struct gnttab_map_grant_ref, dev_bus_addr, 24, 8);

SIZE(struct gnttab_unmap_grant_ref, 24);
FIELD(struct gnttab_unmap_grant_ref, host_addr, 0, 8);
FIELD(struct gnttab_unmap_grant_ref, dev_bus_addr, 8, 8);
FIELD(struct gnttab_unmap_grant_ref, handle, 16, 4);
FIELD(struct gnttab_unmap_grant_ref, status, 20, 2);
SIGNED(struct gnttab_unmap_grant_ref, status);

SIZE(struct gnttab_setup_table, 24);
FIELD(struct gnttab_setup_table, dom, 0, 2);
FIELD(struct gnttab_setup_table, nr_frames, 4, 4);
FIELD(struct gnttab_setup_table, status, 8, 2);
SIGNED(struct gnttab_setup_table, status);
FIELD(struct gnttab_setup_table, frame_list, 16, 8);

SIZE(struct gnttab_dump_table, 4);
FIELD(struct gnttab_dump_table, dom, 0, 2);
FIELD(struct gnttab_dump_table, status, 2, 2);

SIZE(struct gnttab_transfer, 24);
FIELD(struct gnttab_transfer, mfn, 0, 8);
FIELD(struct gnttab_transfer, domid, 8, 2);
FIELD(struct gnttab_transfer, ref, 12, 4);
FIELD(struct gnttab_transfer, status, 16, 2);

SIZE(struct gnttab_copy_ptr, 16);
FIELD(struct gnttab_copy_ptr, u, 0, 8);
FIELD(struct gnttab_copy_ptr, u.ref, 0, 4);
FIELD(struct gnttab_copy_ptr, u.gmfn, 0, 8);
FIELD(struct gnttab_copy_ptr, domid, 8, 2);
FIELD(struct gnttab_copy_ptr, offset, 10, 2);
SIZE(struct gnttab_copy, 40);
FIELD(struct gnttab_copy, source, 0, 16);
FIELD(struct gnttab_copy, dest, 16, 16);
FIELD(struct gnttab_copy, dest.domid, 24, 2);
FIELD(struct gnttab_copy, len, 32, 2);
FIELD(struct gnttab_copy, flags, 34, 2);
FIELD(struct gnttab_copy, status, 36, 2);
SIGNED(struct gnttab_copy, status);

SIZE(struct gnttab_query_size, 16);
ALIGN(struct gnttab_query_size, 4);
FIELD(struct gnttab_query_size, dom, 0, 2);
FIELD(struct gnttab_query_size, nr_frames, 4, 4);
FIELD(struct gnttab_query_size, max_nr_frames, 8, 4);
FIELD(struct gnttab_query_size, status, 12, 2);

SIZE(struct gnttab_unmap_and_replace, 24);
FIELD(struct gnttab_unmap_and_replace, host_addr, 0, 8);
FIELD(struct gnttab_unmap_and_replace, new_addr, 8, 8);
FIELD(struct gnttab_unmap_and_replace, handle, 16, 4);
FIELD(struct gnttab_unmap_and_replace, status, 20, 2);

SIZE(struct gnttab_set_version, 4);
FIELD(struct gnttab_set_version, version, 0, 4);

SIZE(struct gnttab_get_status_frames, 16);
FIELD(struct gnttab_get_status_frames, nr_frames, 0, 4);
FIELD(struct gnttab_get_status_frames, dom, 4, 2);
FIELD(struct gnttab_get_status_frames, status, 6, 2);
FIELD(struct gnttab_get_status_frames, frame_list, 8, 8);

SIZE(struct gnttab_get_version, 8);
FIELD(struct gnttab_get_version, dom, 0, 2);
FIELD(struct gnttab_get_version, pad, 2, 2);
FIELD(struct gnttab_get_version, version, 4, 4);

SIZE(struct gnttab_swap_grant_ref, 12);
FIELD(struct gnttab_swap_grant_ref, ref_a, 0, 4);
FIELD(struct gnttab_swap_grant_ref, ref_b, 4, 4);
FIELD(struct gnttab_swap_grant_ref, status, 8, 2);

SIZE(struct gnttab_cache_flush, 16);
FIELD(struct gnttab_cache_flush, a, 0, 8);
FIELD(struct gnttab_cache_flush, a.dev_bus_addr, 0, 8);
FIELD(struct gnttab_cache_flush, a.ref, 0, 4);
FIELD(struct gnttab_cache_flush, offset, 8, 2);
FIELD(struct gnttab_cache_flush, length, 10, 2);
FIELD(struct gnttab_cache_flush, op, 12, 4);

/* ---------------------------------------------------------------- */
/* hvm/hvm_op.h, hvm/params.h                                        */

EQ(HVMOP_set_param, 0);
EQ(HVMOP_get_param, 1);
EQ(HVMOP_pagetable_dying, 9);
EQ(HVMOP_get_time, 10);
EQ(HVMOP_set_evtchn_upcall_vector, 23);
EQ(HVMOP_guest_request_vm_event, 24);
SIZE(struct xen_hvm_param, 16);
FIELD(struct xen_hvm_param, domid, 0, 2);
FIELD(struct xen_hvm_param, pad, 2, 2);
FIELD(struct xen_hvm_param, index, 4, 4);
FIELD(struct xen_hvm_param, value, 8, 8);
SIZE(struct xen_hvm_evtchn_upcall_vector, 8);
FIELD(struct xen_hvm_evtchn_upcall_vector, vcpu, 0, 4);
FIELD(struct xen_hvm_evtchn_upcall_vector, vector, 4, 1);

EQ(HVM_PARAM_CALLBACK_IRQ, 0);
EQ(HVM_PARAM_CALLBACK_IRQ_TYPE_MASK, 0xFF00000000000000ULL);
EQ(HVM_PARAM_CALLBACK_TYPE_GSI, 0);
EQ(HVM_PARAM_CALLBACK_TYPE_PCI_INTX, 1);
#if defined(__x86_64__)
EQ(HVM_PARAM_CALLBACK_TYPE_VECTOR, 2);
#else
EQ(HVM_PARAM_CALLBACK_TYPE_PPI, 2);
EQ(HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_MASK, 0xFF00);
EQ(HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL, 2);
#endif
EQ(HVM_PARAM_STORE_PFN, 1);
EQ(HVM_PARAM_STORE_EVTCHN, 2);
EQ(HVM_PARAM_PAE_ENABLED, 4);
EQ(HVM_PARAM_IOREQ_PFN, 5);
EQ(HVM_PARAM_BUFIOREQ_PFN, 6);
EQ(HVM_PARAM_VIRIDIAN, 9);
EQ(HVM_PARAM_TIMER_MODE, 10);
EQ(HVM_PARAM_HPET_ENABLED, 11);
EQ(HVM_PARAM_IDENT_PT, 12);
EQ(HVM_PARAM_DM_DOMAIN, 13);
EQ(HVM_PARAM_ACPI_S_STATE, 14);
EQ(HVM_PARAM_VM86_TSS, 15);
EQ(HVM_PARAM_VPT_ALIGN, 16);
EQ(HVM_PARAM_CONSOLE_PFN, 17);
EQ(HVM_PARAM_CONSOLE_EVTCHN, 18);
EQ(HVM_PARAM_ACPI_IOPORTS_LOCATION, 19);
EQ(HVM_PARAM_NESTEDHVM, 24);
EQ(HVM_PARAM_BUFIOREQ_EVTCHN, 26);
EQ(HVM_PARAM_PAGING_RING_PFN, 27);
EQ(HVM_PARAM_MONITOR_RING_PFN, 28);
EQ(HVM_PARAM_SHARING_RING_PFN, 29);
EQ(HVM_PARAM_TRIPLE_FAULT_REASON, 31);
EQ(HVM_PARAM_IOREQ_SERVER_PFN, 32);
EQ(HVM_PARAM_NR_IOREQ_SERVER_PAGES, 33);
EQ(HVM_PARAM_VM_GENERATION_ID_ADDR, 34);
EQ(HVM_PARAM_ALTP2M, 35);
EQ(HVM_PARAM_X87_FIP_WIDTH, 36);
EQ(HVM_PARAM_VM86_TSS_SIZED, 37);
EQ(HVM_PARAM_MCA_CAP, 38);
EQ(HVM_NR_PARAMS, 39);

/* ---------------------------------------------------------------- */
/* elfnote.h                                                         */

EQ(XEN_ELFNOTE_INFO, 0);
EQ(XEN_ELFNOTE_ENTRY, 1);
EQ(XEN_ELFNOTE_HYPERCALL_PAGE, 2);
EQ(XEN_ELFNOTE_VIRT_BASE, 3);
EQ(XEN_ELFNOTE_PADDR_OFFSET, 4);
EQ(XEN_ELFNOTE_XEN_VERSION, 5);
EQ(XEN_ELFNOTE_GUEST_OS, 6);
EQ(XEN_ELFNOTE_GUEST_VERSION, 7);
EQ(XEN_ELFNOTE_LOADER, 8);
EQ(XEN_ELFNOTE_PAE_MODE, 9);
EQ(XEN_ELFNOTE_FEATURES, 10);
EQ(XEN_ELFNOTE_BSD_SYMTAB, 11);
EQ(XEN_ELFNOTE_HV_START_LOW, 12);
EQ(XEN_ELFNOTE_L1_MFN_VALID, 13);
EQ(XEN_ELFNOTE_SUSPEND_CANCEL, 14);
EQ(XEN_ELFNOTE_INIT_P2M, 15);
EQ(XEN_ELFNOTE_MOD_START_PFN, 16);
EQ(XEN_ELFNOTE_SUPPORTED_FEATURES, 17);
EQ(XEN_ELFNOTE_PHYS32_ENTRY, 18);
EQ(XEN_ELFNOTE_PHYS32_RELOC, 19);
EQ(XEN_ELFNOTE_MAX, 19);
EQ(XEN_ELFNOTE_CRASH_INFO, 0x1000001);
EQ(XEN_ELFNOTE_CRASH_REGS, 0x1000002);
EQ(XEN_ELFNOTE_DUMPCORE_NONE, 0x2000000);
EQ(XEN_ELFNOTE_DUMPCORE_HEADER, 0x2000001);
EQ(XEN_ELFNOTE_DUMPCORE_XEN_VERSION, 0x2000002);
EQ(XEN_ELFNOTE_DUMPCORE_FORMAT_VERSION, 0x2000003);

/* ---------------------------------------------------------------- */
/* x86 only: PVH start of day and CPUID                              */

#ifdef __x86_64__
EQ(XEN_HVM_START_MAGIC_VALUE, 0x336ec578);
EQ(XEN_HVM_MEMMAP_TYPE_RAM, 1);
EQ(XEN_HVM_MEMMAP_TYPE_RESERVED, 2);
EQ(XEN_HVM_MEMMAP_TYPE_ACPI, 3);
EQ(XEN_HVM_MEMMAP_TYPE_NVS, 4);
EQ(XEN_HVM_MEMMAP_TYPE_UNUSABLE, 5);
EQ(XEN_HVM_MEMMAP_TYPE_DISABLED, 6);
EQ(XEN_HVM_MEMMAP_TYPE_PMEM, 7);

SIZE(struct hvm_start_info, 56);
FIELD(struct hvm_start_info, magic, 0, 4);
FIELD(struct hvm_start_info, version, 4, 4);
FIELD(struct hvm_start_info, flags, 8, 4);
FIELD(struct hvm_start_info, nr_modules, 12, 4);
FIELD(struct hvm_start_info, modlist_paddr, 16, 8);
FIELD(struct hvm_start_info, cmdline_paddr, 24, 8);
FIELD(struct hvm_start_info, rsdp_paddr, 32, 8);
FIELD(struct hvm_start_info, memmap_paddr, 40, 8);
FIELD(struct hvm_start_info, memmap_entries, 48, 4);
FIELD(struct hvm_start_info, reserved, 52, 4);
SIZE(struct hvm_modlist_entry, 32);
FIELD(struct hvm_modlist_entry, paddr, 0, 8);
FIELD(struct hvm_modlist_entry, size, 8, 8);
FIELD(struct hvm_modlist_entry, cmdline_paddr, 16, 8);
FIELD(struct hvm_modlist_entry, reserved, 24, 8);
SIZE(struct hvm_memmap_table_entry, 24);
FIELD(struct hvm_memmap_table_entry, addr, 0, 8);
FIELD(struct hvm_memmap_table_entry, size, 8, 8);
FIELD(struct hvm_memmap_table_entry, type, 16, 4);
FIELD(struct hvm_memmap_table_entry, reserved, 20, 4);

EQ(XEN_CPUID_FIRST_LEAF, 0x40000000);
EQ(XEN_CPUID_LEAF(2), 0x40000002);
EQ(XEN_CPUID_SIGNATURE_EBX, 0x566e6558);
EQ(XEN_CPUID_SIGNATURE_ECX, 0x65584d4d);
EQ(XEN_CPUID_SIGNATURE_EDX, 0x4d4d566e);
EQ(XEN_CPUID_FEAT1_MMU_PT_UPDATE_PRESERVE_AD, 1);
EQ(XEN_HVM_CPUID_APIC_ACCESS_VIRT, 1 << 0);
EQ(XEN_HVM_CPUID_X2APIC_VIRT, 1 << 1);
EQ(XEN_HVM_CPUID_IOMMU_MAPPINGS, 1 << 2);
EQ(XEN_HVM_CPUID_VCPU_ID_PRESENT, 1 << 3);
EQ(XEN_HVM_CPUID_DOMID_PRESENT, 1 << 4);
EQ(XEN_HVM_CPUID_EXT_DEST_ID, 1 << 5);
EQ(XEN_HVM_CPUID_UPCALL_VECTOR, 1 << 6);

/* hvm/hvm_vcpu.h: VCPUOP_initialise for HVM and PVH vCPUs. */
EQ(VCPU_HVM_MODE_32B, 0);
EQ(VCPU_HVM_MODE_64B, 1);
SIZE(struct vcpu_hvm_context, 128);
FIELD(struct vcpu_hvm_context, mode, 0, 4);
FIELD(struct vcpu_hvm_context, pad, 4, 4);
FIELD(struct vcpu_hvm_context, cpu_regs, 8, 120);
SIZE(struct vcpu_hvm_x86_32, 120);
FIELD(struct vcpu_hvm_x86_32, eax, 0, 4);
FIELD(struct vcpu_hvm_x86_32, edi, 28, 4);
FIELD(struct vcpu_hvm_x86_32, eip, 32, 4);
FIELD(struct vcpu_hvm_x86_32, eflags, 36, 4);
FIELD(struct vcpu_hvm_x86_32, cr0, 40, 4);
FIELD(struct vcpu_hvm_x86_32, cr3, 44, 4);
FIELD(struct vcpu_hvm_x86_32, cr4, 48, 4);
FIELD(struct vcpu_hvm_x86_32, pad1, 52, 4);
FIELD(struct vcpu_hvm_x86_32, efer, 56, 8);
FIELD(struct vcpu_hvm_x86_32, cs_base, 64, 4);
FIELD(struct vcpu_hvm_x86_32, tr_base, 80, 4);
FIELD(struct vcpu_hvm_x86_32, cs_limit, 84, 4);
FIELD(struct vcpu_hvm_x86_32, tr_limit, 100, 4);
FIELD(struct vcpu_hvm_x86_32, cs_ar, 104, 2);
FIELD(struct vcpu_hvm_x86_32, tr_ar, 112, 2);
FIELD(struct vcpu_hvm_x86_32, pad2, 114, 6);
SIZE(struct vcpu_hvm_x86_64, 112);
FIELD(struct vcpu_hvm_x86_64, rax, 0, 8);
FIELD(struct vcpu_hvm_x86_64, rsp, 32, 8);
FIELD(struct vcpu_hvm_x86_64, rdi, 56, 8);
FIELD(struct vcpu_hvm_x86_64, rip, 64, 8);
FIELD(struct vcpu_hvm_x86_64, rflags, 72, 8);
FIELD(struct vcpu_hvm_x86_64, cr0, 80, 8);
FIELD(struct vcpu_hvm_x86_64, cr3, 88, 8);
FIELD(struct vcpu_hvm_x86_64, cr4, 96, 8);
FIELD(struct vcpu_hvm_x86_64, efer, 104, 8);
#endif

/* test-op.h (ours, debug builds): outside upstream's 64 hypercalls. */
EQ(__HYPERVISOR_test_op, 126);
EQ(TESTOP_vcpu_kick, 0);
EQ(TESTOP_swap_gfns, 1);
ABI_ASSERT(__HYPERVISOR_test_op >= 64, "test_op beyond upstream's table");

enum { NR_STATIC_CHECKS = __COUNTER__ };

/* ---------------------------------------------------------------- */
/* Runtime part (host binary only)                                   */

#ifndef ABI_CHECKS_ONLY

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

TEST(static_checks_compiled)
{
    /* The asserts above ran when this file compiled; say how many. */
    printf("  %d layout and value checks passed at build time\n",
           NR_STATIC_CHECKS);
    fflush(stdout);
    CHECK(NR_STATIC_CHECKS > 900);
}

TEST(guest_handle_holds_the_pointer)
{
    struct xen_memory_reservation r;
    xen_pfn_t frames[4];
    uint64_t raw;

    memset(&r, 0xa5, sizeof(r));
    set_xen_guest_handle(r.extent_start, frames);
    CHECK(r.extent_start.p == frames);
    CHECK_EQ(r.extent_start.q, (uintptr_t)frames);
    /* The whole 8 bytes are the address: nothing of the 0xa5 is left. */
    memcpy(&raw, (char *)&r + offsetof(struct xen_memory_reservation,
                                       extent_start), 8);
    CHECK_EQ(raw, (uintptr_t)frames);

    set_xen_guest_handle(r.extent_start, NULL);
    CHECK_EQ(r.extent_start.q, 0);
}

/* Little-endian field at off of buf. */
static uint64_t le(const unsigned char *buf, size_t off, size_t len)
{
    uint64_t v = 0;

    while ( len-- )
        v = (v << 8) | buf[off + len];

    return v;
}

TEST(safe_ranges_byte_image)
{
    struct xen_mem_safe_ranges q;
    struct xen_mem_safe_range ranges[2];
    unsigned char img[sizeof(q)];

    memset(&q, 0, sizeof(q));
    q.domid = DOMID_SELF;
    q.nr_ranges = 2;
    set_xen_guest_handle(q.ranges, ranges);
    memcpy(img, &q, sizeof(q));

    /* What a guest of either architecture puts in memory. */
    CHECK_EQ(le(img, 0, 2), 0x7FF0);
    CHECK_EQ(le(img, 2, 2), 0);
    CHECK_EQ(le(img, 4, 4), 2);
    CHECK_EQ(le(img, 8, 8), (uintptr_t)ranges);

    ranges[0].first_gfn = 0x80000ULL;
    ranges[0].nr_frames = 0x10000ULL;
    memcpy(img, &ranges[0], sizeof(ranges[0]));
    CHECK_EQ(le(img, 0, 8), 0x80000ULL);
    CHECK_EQ(le(img, 8, 8), 0x10000ULL);
}

TEST(add_to_physmap_batch_byte_image)
{
    struct xen_add_to_physmap_batch b;
    xen_ulong_t idxs[1] = { 7 };
    xen_pfn_t gpfns[1] = { 0x38000 };
    int errs[1];
    unsigned char img[sizeof(b)];

    memset(&b, 0, sizeof(b));
    b.domid = DOMID_SELF;
    b.space = XENMAPSPACE_gmfn_foreign;
    b.size = 1;
    b.u.foreign_domid = 3;
    set_xen_guest_handle(b.idxs, idxs);
    set_xen_guest_handle(b.gpfns, gpfns);
    set_xen_guest_handle(b.errs, errs);
    memcpy(img, &b, sizeof(b));

    CHECK_EQ(le(img, 0, 2), 0x7FF0);
    CHECK_EQ(le(img, 2, 2), 4);
    CHECK_EQ(le(img, 4, 2), 1);
    CHECK_EQ(le(img, 6, 2), 3);
    CHECK_EQ(le(img, 8, 8), (uintptr_t)idxs);
    CHECK_EQ(le(img, 16, 8), (uintptr_t)gpfns);
    CHECK_EQ(le(img, 24, 8), (uintptr_t)errs);
}

TEST(grant_status_messages)
{
    static const char *const msgs[] = GNTTABOP_error_msgs;
    unsigned int i;

    CHECK_EQ(sizeof(msgs) / sizeof(msgs[0]), 1 - GNTST_no_space);
    for ( i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++ )
        CHECK(msgs[i] && msgs[i][0]);
    CHECK_STR(msgs[-GNTST_okay], "okay");
}

TEST(errno_matches_linux)
{
    /* The host is x86_64 Linux, whose numbers upstream Xen copies. */
#define ERRNO_HOST(name, value) CHECK_EQ(XEN_##name, name);
    XEN_ERRNO_LIST(ERRNO_HOST)
#undef ERRNO_HOST
}

TEST(cpuid_signature_spells_xenvmm)
{
    uint32_t sig[3] = {
        XEN_CPUID_SIGNATURE_EBX, XEN_CPUID_SIGNATURE_ECX,
        XEN_CPUID_SIGNATURE_EDX,
    };
    char s[13];

    memcpy(s, sig, 12);
    s[12] = '\0';
    CHECK_STR(s, "XenVMMXenVMM");
}

HARNESS_MAIN("public-abi")

#endif /* !ABI_CHECKS_ONLY */
