/* SPDX-License-Identifier: GPL-2.0-only */
/* Multiboot (version 1) structures, as the specification lays them out. */
#ifndef ASM_X86_MULTIBOOT_H
#define ASM_X86_MULTIBOOT_H

#define MULTIBOOT_HEADER_MAGIC 0x1badb002
#define MULTIBOOT_LOADER_MAGIC 0x2badb002

/* Header flags. */
#define MULTIBOOT_PAGE_ALIGN  (1 << 0)
#define MULTIBOOT_MEMORY_INFO (1 << 1)
#define MULTIBOOT_AOUT_KLUDGE (1 << 16)

/* Information flags. */
#define MBI_MEMLIMITS  (1 << 0)
#define MBI_CMDLINE    (1 << 2)
#define MBI_MODULES    (1 << 3)
#define MBI_MEMMAP     (1 << 6)
#define MBI_LOADERNAME (1 << 9)

#ifndef __ASSEMBLY__

#include <xen/types.h>

struct __packed multiboot_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper; /* KiB */
    uint32_t boot_device;
    uint32_t cmdline;
    uint32_t mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
    uint32_t drives_length, drives_addr;
    uint32_t config_table;
    uint32_t boot_loader_name;
};

struct __packed multiboot_module {
    uint32_t mod_start, mod_end; /* end is exclusive */
    uint32_t string;
    uint32_t reserved;
};

/* 'size' does not count itself: the next entry is size + 4 bytes on. */
struct __packed multiboot_mmap_entry {
    uint32_t size;
    uint64_t addr, len;
    uint32_t type;
};

#define MULTIBOOT_MEMORY_AVAILABLE 1

#endif /* __ASSEMBLY__ */

#endif /* ASM_X86_MULTIBOOT_H */
