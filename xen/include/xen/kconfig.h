/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IS_ENABLED(CONFIG_FOO): 1 if the boolean option is set, else 0, as an
 * expression, so that code for a disabled option is still compiled (and
 * checked) and then dropped. autoconf.h defines a set option as 1.
 */
#ifndef XEN_KCONFIG_H
#define XEN_KCONFIG_H

#define kc_probe_1           ~,
#define kc_join_(a, b)       a##b
#define kc_join(a, b)        kc_join_(a, b)
#define kc_second(a, b, ...) b
#define kc_second_(...)      kc_second(__VA_ARGS__)

#define IS_ENABLED(opt) kc_second_(kc_join(kc_probe_, opt) 1, 0)

#endif /* XEN_KCONFIG_H */
