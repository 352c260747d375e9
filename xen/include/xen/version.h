/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_VERSION_H
#define XEN_VERSION_H

void print_banner(void);

/* What built this image, and when (for XENVER_compile_info). */
const char *xen_compiler(void);
const char *xen_compile_date(void);

#endif /* XEN_VERSION_H */
