/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SMCCC through "hvc #0" (arm64): the version (1.1), how a guest finds it
 * (PSCI_FEATURES of SMCCC_VERSION, which Linux asks before anything
 * else), and the answers of SMCCC_ARCH_FEATURES for the Arm
 * architecture calls (the Spectre workarounds, SOC_ID) and of the calls
 * themselves. The values are compared with upstream Xen 4.17's.
 */
#include <xtest.h>

#define SMCCC_VERSION         0x80000000UL
#define SMCCC_ARCH_FEATURES   0x80000001UL
#define SMCCC_ARCH_SOC_ID     0x80000002UL
#define SMCCC_ARCH_WORKAROUND_1 0x80008000UL
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffUL
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffUL
#define SMCCC_ARCH_UNUSED     0x80001234UL
#define PSCI_VERSION          0x84000000UL
#define PSCI_FEATURES         0x8400000aUL

#define SMCCC_VERSION_1_1     0x10001L

static long smccc(unsigned long fn, unsigned long a1)
{
    return (long)arm64_psci(fn, a1, 0, 0);
}

static const struct {
    const char *name;
    unsigned long fn;
} arch_calls[] = {
    { "version", SMCCC_VERSION },
    { "arch_features", SMCCC_ARCH_FEATURES },
    { "soc_id", SMCCC_ARCH_SOC_ID },
    { "workaround_1", SMCCC_ARCH_WORKAROUND_1 },
    { "workaround_2", SMCCC_ARCH_WORKAROUND_2 },
    { "workaround_3", SMCCC_ARCH_WORKAROUND_3 },
    { "unused", SMCCC_ARCH_UNUSED },
    { "psci_version", PSCI_VERSION },
};

XTEST(smccc, "smccc", "SMCCC 1.1: version, ARCH_FEATURES, arch calls")
{
    unsigned int i;
    char name[48];
    long v;

    CHECK_EQ("psci_features.smccc_version", smccc(PSCI_FEATURES, SMCCC_VERSION),
             0);
    v = smccc(SMCCC_VERSION, 0);
    CHECK_EQ("version", v, SMCCC_VERSION_1_1);

    for ( i = 0; i < ARRAY_SIZE(arch_calls); i++ )
    {
        xtest_snprintf(name, sizeof(name), "arch_features.%s",
                       arch_calls[i].name);
        xtest_info(name, smccc(SMCCC_ARCH_FEATURES, arch_calls[i].fn));
    }

    /* Calling them: what comes back in x0. */
    xtest_info("call.soc_id", smccc(SMCCC_ARCH_SOC_ID, 0));
    xtest_info_hex("call.workaround_1", smccc(SMCCC_ARCH_WORKAROUND_1, 0));
    xtest_info_hex("call.workaround_2", smccc(SMCCC_ARCH_WORKAROUND_2, 1));
    xtest_info_hex("call.workaround_3", smccc(SMCCC_ARCH_WORKAROUND_3, 0));
    xtest_info("call.unused", smccc(SMCCC_ARCH_UNUSED, 0));
}
