/* SPDX-License-Identifier: MIT */
/*
 * ELF notes a guest kernel carries to tell the domain builder how to load
 * it. They sit in a PT_NOTE segment with name "Xen"; numeric values are 4
 * or 8 bytes (the note's size says which), strings are NUL-terminated.
 * A PVH guest needs only XEN_ELFNOTE_PHYS32_ENTRY.
 */
#ifndef __XEN_PUBLIC_ELFNOTE_H__
#define __XEN_PUBLIC_ELFNOTE_H__

#define XEN_ELFNOTE_INFO               0  /* string: NAME=VALUE */
#define XEN_ELFNOTE_ENTRY              1  /* PV: virtual entry point */
#define XEN_ELFNOTE_HYPERCALL_PAGE     2  /* PV: where the page goes */
#define XEN_ELFNOTE_VIRT_BASE          3  /* PV: virtual load base */
#define XEN_ELFNOTE_PADDR_OFFSET       4  /* PV: paddr fix-up */
#define XEN_ELFNOTE_XEN_VERSION        5  /* string */
#define XEN_ELFNOTE_GUEST_OS           6  /* string, e.g. "linux" */
#define XEN_ELFNOTE_GUEST_VERSION      7  /* string */
#define XEN_ELFNOTE_LOADER             8  /* string, e.g. "generic" */
#define XEN_ELFNOTE_PAE_MODE           9  /* x86-32 PV: string */
#define XEN_ELFNOTE_FEATURES           10 /* string: XENFEAT names, '|' */
#define XEN_ELFNOTE_BSD_SYMTAB         11 /* string: "yes" or "no" */
#define XEN_ELFNOTE_HV_START_LOW       12 /* PV */
#define XEN_ELFNOTE_L1_MFN_VALID       13 /* PV */
#define XEN_ELFNOTE_SUSPEND_CANCEL     14 /* numeric */
#define XEN_ELFNOTE_INIT_P2M           15 /* PV */
#define XEN_ELFNOTE_MOD_START_PFN      16 /* PV */
#define XEN_ELFNOTE_SUPPORTED_FEATURES 17 /* numeric XENFEAT bitmap */
/*
 * PVH: 32-bit physical entry point. Entered in 32-bit protected mode,
 * paging off, ebx = struct hvm_start_info (arch-x86/hvm/start_info.h).
 */
#define XEN_ELFNOTE_PHYS32_ENTRY       18
/*
 * PVH: the kernel may be loaded elsewhere. Up to three 32-bit values:
 * alignment (default 0x200000), lowest start, highest last byte
 * (default 0xffffffff).
 */
#define XEN_ELFNOTE_PHYS32_RELOC       19

#define XEN_ELFNOTE_MAX XEN_ELFNOTE_PHYS32_RELOC

/* Notes in crash dumps and core files, not in kernels. */
#define XEN_ELFNOTE_CRASH_INFO              0x1000001
#define XEN_ELFNOTE_CRASH_REGS              0x1000002
#define XEN_ELFNOTE_DUMPCORE_NONE           0x2000000
#define XEN_ELFNOTE_DUMPCORE_HEADER         0x2000001
#define XEN_ELFNOTE_DUMPCORE_XEN_VERSION    0x2000002
#define XEN_ELFNOTE_DUMPCORE_FORMAT_VERSION 0x2000003

#endif /* __XEN_PUBLIC_ELFNOTE_H__ */
