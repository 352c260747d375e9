/* SPDX-License-Identifier: GPL-2.0-only */
/* What the hypervisor's build generates, fixed for the host tests. */
#define XEN_COMPILER     "harness-cc"
#define XEN_COMPILE_DATE "today"
