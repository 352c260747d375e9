/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pieces of the linker scripts that every architecture shares: the tables
 * common code walks (command-line options, device-tree consoles) and .bss.
 * Included by arch/<arch>/xen.lds.S, which cpp preprocesses. This is
 * linker-script text, not C: clang-format keeps away.
 */
#ifndef XEN_XEN_LDS_H
#define XEN_XEN_LDS_H

/* clang-format off */

#define XEN_TEXT_INPUTS                                                 \
    *(.text.header)                                                     \
    *(.text .text.*)                                                    \
    *(.init.text)

/* Inside .rodata: arrays of descriptors with start/end symbols. */
#define XEN_RODATA_TABLES                                               \
    . = ALIGN(8);                                                       \
    __setup_start = .;                                                  \
    KEEP(*(.init.setup))                                                \
    __setup_end = .;                                                    \
    . = ALIGN(8);                                                       \
    __console_dt_start = .;                                             \
    KEEP(*(.dev.console))                                               \
    __console_dt_end = .;

#define XEN_DATA_INPUTS                                                 \
    *(.data .data.*)                                                    \
    *(.init.data)                                                       \
    *(.got .got.*)

/* .bss, page-aligned objects first; head code clears __bss_start..end. */
#define XEN_BSS_SECTION                                                 \
    . = ALIGN(4096);                                                    \
    .bss (NOLOAD) : {                                                   \
        __bss_start = .;                                                \
        *(.bss.page_aligned)                                            \
        *(.bss .bss.*)                                                  \
        *(COMMON)                                                       \
        . = ALIGN(8);                                                   \
        __bss_end = .;                                                  \
    }

#define XEN_DISCARD_INPUTS                                              \
    *(.comment)                                                         \
    *(.note .note.*)                                                    \
    *(.eh_frame)                                                        \
    *(.interp)                                                          \
    *(.gnu.hash)

/* clang-format on */

#endif /* XEN_XEN_LDS_H */
