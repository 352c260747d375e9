/* SPDX-License-Identifier: GPL-2.0-only */
/* Linker script for the arm64 hypervisor image (preprocessed by cpp). */
#include <xen/xen.lds.h>

OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
    . = XEN_LINK_BASE;

    .text : {
        XEN_TEXT_INPUTS
    }

    . = ALIGN(4096);
    .rodata : {
        *(.rodata .rodata.*)
        XEN_RODATA_TABLES
    }

    . = ALIGN(4096);
    .data : {
        XEN_DATA_INPUTS
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

    XEN_BSS_SECTION

    _end = .;
    _image_size = _end - _start;

    /DISCARD/ : {
        XEN_DISCARD_INPUTS
    }
}
