/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_SETUP_H
#define XEN_SETUP_H

#include <xen/types.h>

struct bootinfo;

/* Print the command line and where it came from, then apply it. */
void boot_parse_cmdline(const struct bootinfo *bi);

/*
 * Build the frame table and the heap from bi (see common/setup-mm.c).
 * Panics with the reason when the boot cannot go on.
 */
void setup_mm(struct bootinfo *bi);

/* End of boot: say what is left to run, then power off. */
void __noreturn boot_finish(struct bootinfo *bi);

#endif /* XEN_SETUP_H */
