/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_INIT_H
#define XEN_INIT_H

/*
 * Code and data used only while booting. Kept in their own sections so
 * that a later change can free them; today they stay.
 */
#define __init     __section(".init.text")
#define __initdata __section(".init.data")

#endif /* XEN_INIT_H */
