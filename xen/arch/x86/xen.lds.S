/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linker script for the x86_64 hypervisor image (preprocessed by cpp).
 * Everything the loader copies (.text to .data) is one contiguous run
 * from XEN_LINK_BASE to _edata, which is what the multiboot header's
 * load_end_addr says; .bss follows up to _end (bss_end_addr).
 */
#include <xen/xen.lds.h>
#include <asm/desc.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(start32)

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
    _edata = .;

    XEN_BSS_SECTION

    _end = .;

    /DISCARD/ : {
        XEN_DISCARD_INPUTS
        *(.rela .rela.*)
        *(.dynamic .dynsym .dynstr .hash)
    }
}

ASSERT(_start == XEN_LINK_BASE, "the multiboot header must open the image")
ASSERT(trampoline_end - trampoline_start <= 4096,
       "the AP trampoline must fit in one page")
ASSERT(idt_stubs_end - idt_stubs == IDT_ENTRIES * IDT_STUB_SIZE,
       "an IDT stub is larger than IDT_STUB_SIZE")
ASSERT(_end <= 0x40000000, "the image must sit in the first GiB")
