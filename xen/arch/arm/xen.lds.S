/* SPDX-License-Identifier: GPL-2.0-only */
/* Linker script for the arm64 hypervisor image (preprocessed by cpp). */
OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
    . = XEN_LINK_BASE;

    .text : {
        *(.text.header)
        *(.text .text.*)
        *(.init.text)
    }

    . = ALIGN(4096);
    .rodata : {
        *(.rodata .rodata.*)

        . = ALIGN(8);
        __setup_start = .;
        KEEP(*(.init.setup))
        __setup_end = .;

        . = ALIGN(8);
        __console_dt_start = .;
        KEEP(*(.dev.console))
        __console_dt_end = .;
    }

    . = ALIGN(4096);
    .data : {
        *(.data .data.*)
        *(.init.data)
        *(.got .got.*)
    }

    .rela.dyn : {
        __rela_start = .;
        *(.rela .rela.*)
        __rela_end = .;
    }
    .dynamic : { *(.dynamic) }
    .dynsym : { *(.dynsym) }
    .dynstr : { *(.dynstr) }
    .hash : { *(.hash) }

    . = ALIGN(4096);
    .bss (NOLOAD) : {
        __bss_start = .;
        *(.bss.page_aligned)
        *(.bss .bss.*)
        *(COMMON)
        . = ALIGN(8);
        __bss_end = .;
    }

    _end = .;
    _image_size = _end - _start;

    /DISCARD/ : {
        *(.comment)
        *(.note .note.*)
        *(.eh_frame)
        *(.interp)
        *(.gnu.hash)
    }
}
