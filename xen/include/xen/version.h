/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_VERSION_H
#define XEN_VERSION_H

void print_banner(void);

#endif /* XEN_VERSION_H */
