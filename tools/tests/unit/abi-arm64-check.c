/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The public ABI checks of test-public-abi.c, compiled for arm64 with the
 * cross compiler: only the _Static_asserts (and the arm64 sections) run,
 * at build time. The object is never linked.
 */
#define ABI_CHECKS_ONLY
#include "test-public-abi.c"
