/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The configuration host unit tests build common code with. Sizes differ
 * from both architectures' defaults on purpose (small tables make the
 * "table full" paths reachable).
 */
/* test-lock-order-release builds without them, as a release build does. */
#ifndef HARNESS_NO_DEBUG
#define CONFIG_DEBUG 1
#define CONFIG_DEBUG_LOCKS 1
#define CONFIG_TEST_HYPERCALLS 1
#endif
#define CONFIG_TLB_GENERATION 1
#define CONFIG_GRANT_TABLE 1
#define CONFIG_GRANT_TABLE_V2 1
#define CONFIG_NR_CPUS 8
#define CONFIG_NR_MEM_BANKS 8
#define CONFIG_NR_BOOT_MODULES 12
#define CONFIG_MAX_DOM0LESS_DOMAINS 12
#define CONFIG_CONRING_SIZE 4096
/* test-static-off builds without it. */
#ifndef HARNESS_NO_STATIC_MEMORY
#define CONFIG_STATIC_MEMORY 1
#endif
