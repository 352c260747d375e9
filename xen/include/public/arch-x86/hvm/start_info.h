/* SPDX-License-Identifier: MIT */
/*
 * What a PVH guest is handed at its entry point (XEN_ELFNOTE_PHYS32_ENTRY,
 * 32-bit protected mode, paging off, ebx = physical address of
 * struct hvm_start_info).
 *
 * All addresses are guest-physical and 64 bits, little-endian; 0 means
 * "absent" (nothing is ever placed at address 0). The hypervisor keeps the
 * structure, the module list, the memory map and the strings below 4 GiB.
 *
 * Version 0 ends after rsdp_paddr (40 bytes). Version 1 adds the memory
 * map (56 bytes); a version 1 guest still checks memmap_entries != 0.
 */
#ifndef __XEN_PUBLIC_ARCH_X86_HVM_START_INFO_H__
#define __XEN_PUBLIC_ARCH_X86_HVM_START_INFO_H__

/* "xEn3" with the top bit of the 'E' set */
#define XEN_HVM_START_MAGIC_VALUE 0x336ec578

/* Memory map entry types: the ACPI address range types. */
#define XEN_HVM_MEMMAP_TYPE_RAM      1
#define XEN_HVM_MEMMAP_TYPE_RESERVED 2
#define XEN_HVM_MEMMAP_TYPE_ACPI     3
#define XEN_HVM_MEMMAP_TYPE_NVS      4
#define XEN_HVM_MEMMAP_TYPE_UNUSABLE 5
#define XEN_HVM_MEMMAP_TYPE_DISABLED 6
#define XEN_HVM_MEMMAP_TYPE_PMEM     7

#ifndef __ASSEMBLY__

/* Stands alone (loaders use it without xen.h). */
#ifndef XEN_PUBLIC_NO_STDINT
#include <stdint.h>
#endif

struct hvm_start_info {
    uint32_t magic;         /* XEN_HVM_START_MAGIC_VALUE */
    uint32_t version;       /* 0 or 1; later versions only append */
    uint32_t flags;         /* SIF_* (xen.h) */
    uint32_t nr_modules;    /* entries at modlist_paddr */
    uint64_t modlist_paddr; /* struct hvm_modlist_entry[nr_modules] */
    uint64_t cmdline_paddr; /* NUL-terminated kernel command line */
    uint64_t rsdp_paddr;    /* ACPI RSDP */
    /* version 1 and later */
    uint64_t memmap_paddr;   /* struct hvm_memmap_table_entry[] */
    uint32_t memmap_entries; /* 0: no map given */
    uint32_t reserved;       /* 0 */
};

struct hvm_modlist_entry {
    uint64_t paddr;         /* start of the module */
    uint64_t size;          /* bytes */
    uint64_t cmdline_paddr; /* NUL-terminated module command line */
    uint64_t reserved;
};

struct hvm_memmap_table_entry {
    uint64_t addr;     /* start */
    uint64_t size;     /* bytes */
    uint32_t type;     /* XEN_HVM_MEMMAP_TYPE_* */
    uint32_t reserved; /* 0 */
};

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_ARCH_X86_HVM_START_INFO_H__ */
