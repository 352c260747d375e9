/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Included first by every hypervisor source (after the generated
 * autoconf.h). Only definitions that every file may rely on live here.
 */
#ifndef XEN_CONFIG_H
#define XEN_CONFIG_H

#include <xen/kconfig.h>
#include <asm/config.h>

#define XEN_NAME        "Xen-ABI hypervisor"
#define XEN_VERSION_STR "0.1.0"

#ifndef __ASSEMBLY__
#include <xen/compiler.h>
#endif

#endif /* XEN_CONFIG_H */
