/* SPDX-License-Identifier: MIT */
/*
 * Interface version.
 *
 * Upstream lets a guest ask for an older interface version and then
 * renames a few fields (address_bits for mem_flags, a bare foreign_domid
 * for the union in add_to_physmap_batch, ...). The bytes never change,
 * only the names. These headers carry the newest names only; the version
 * number is here so that code which tests it keeps compiling.
 */
#ifndef __XEN_PUBLIC_XEN_COMPAT_H__
#define __XEN_PUBLIC_XEN_COMPAT_H__

/* Upstream's current value (4.19 encoded; unchanged since then). */
#define __XEN_LATEST_INTERFACE_VERSION__ 0x00041300

#ifndef __XEN_INTERFACE_VERSION__
#define __XEN_INTERFACE_VERSION__ __XEN_LATEST_INTERFACE_VERSION__
#endif

#endif /* __XEN_PUBLIC_XEN_COMPAT_H__ */
