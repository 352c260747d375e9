/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PSCI, the firmware interface that starts CPUs and powers off. At EL2
 * the only usable conduit is SMC (an HVC would trap to ourselves).
 */
#include <xen/fdt.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <asm/psci.h>

static bool psci_ok;

/* The firmware's SMCCC version, and whether SSBD is switched on for good. */
static uint32_t fw_smccc = SMCCC_VERSION_1_0;
static bool ssbd_forced;
static int guest_wa2;

static long psci_smc(uint32_t fn, uint64_t a0, uint64_t a1, uint64_t a2)
{
    register uint64_t x0 __asm__("x0") = fn;
    register uint64_t x1 __asm__("x1") = a0;
    register uint64_t x2 __asm__("x2") = a1;
    register uint64_t x3 __asm__("x3") = a2;

    __asm__ __volatile__("smc #0"
                         : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)::"x4", "x5",
                           "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
                           "x14", "x15", "x16", "x17", "memory");

    return x0;
}

/*
 * The firmware's SMCCC version (PSCI 1.0 and up say through
 * PSCI_FEATURES whether SMCCC_VERSION exists; without it, 1.0), and what
 * guests are told of ARCH_WORKAROUND_2 (speculative store bypass), as
 * upstream Xen 4.17 decides it:
 *
 *   firmware without SMCCC 1.1    0: there is nothing to ask the firmware
 *                                 for, the call does nothing (upstream's
 *                                 default "runtime" state)
 *   firmware: not supported       -1
 *   firmware: not required, or 1  -2 (not required)
 *   firmware: dynamic (0)         -2: switched on for good on every pCPU
 *                                 (upstream's ssbd=force-enable); guests
 *                                 cannot switch it per vCPU here
 */
static void smccc_init(uint32_t psci_ver)
{
    long r;

    if ( psci_ver >= 0x10000 &&
         psci_smc(PSCI_1_0_FN_FEATURES, SMCCC_VERSION_FID, 0, 0) == 0 )
    {
        r = psci_smc(SMCCC_VERSION_FID, 0, 0, 0);
        if ( (int32_t)r > 0 )
            fw_smccc = r;
    }

    if ( fw_smccc < SMCCC_VERSION_1_1 )
        guest_wa2 = SMCCC_SUCCESS;
    else
    {
        r = (int32_t)psci_smc(SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_WORKAROUND_2,
                              0, 0);
        ssbd_forced = r == SMCCC_SUCCESS;
        guest_wa2 = r == SMCCC_SUCCESS || r == SMCCC_NOT_REQUIRED || r == 1
                        ? SMCCC_NOT_REQUIRED
                        : SMCCC_NOT_SUPPORTED;
    }

    printk("SMCCC: version %u.%u in the firmware%s\n", fw_smccc >> 16,
           fw_smccc & 0xffff,
           ssbd_forced ? "; its SSBD mitigation is on for good" : "");
}

void psci_cpu_init(void)
{
    if ( ssbd_forced )
        psci_smc(SMCCC_ARCH_WORKAROUND_2, 1, 0, 0);
}

int psci_guest_workaround_2(void)
{
    return guest_wa2;
}

int psci_init(const struct fdt *fdt)
{
    int node = fdt_path(fdt, "/psci", 5);
    const char *method;
    uint32_t ver;

    if ( node < 0 || !(fdt_node_is_compatible(fdt, node, "arm,psci-0.2") ||
                       fdt_node_is_compatible(fdt, node, "arm,psci-1.0")) )
    {
        printk(
            XENLOG_WARNING
            "PSCI: no PSCI 0.2+ node in the DT: secondary CPUs stay offline\n");
        return -ENODEV;
    }

    method = fdt_getprop_string(fdt, node, "method");
    if ( !method || strcmp(method, "smc") )
    {
        printk(XENLOG_WARNING
               "PSCI: method '%s' is not usable at EL2 (need \"smc\")\n",
               method ? method : "(none)");
        return -ENODEV;
    }

    ver = psci_smc(PSCI_0_2_FN_VERSION, 0, 0, 0);
    printk("PSCI: version %u.%u via SMC\n", ver >> 16, ver & 0xffff);
    psci_ok = true;

    smccc_init(ver);
    psci_cpu_init();

    return 0;
}

bool psci_available(void)
{
    return psci_ok;
}

int psci_cpu_on(uint64_t mpidr, paddr_t entry, uint64_t context)
{
    if ( !psci_ok )
        return PSCI_NOT_SUPPORTED;

    return psci_smc(PSCI_0_2_FN64_CPU_ON, mpidr, paddr_x(entry), context);
}

void psci_system_off(void)
{
    if ( psci_ok )
        psci_smc(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

const char *psci_error_name(int err)
{
    switch ( err )
    {
    case PSCI_SUCCESS: return "success";
    case PSCI_NOT_SUPPORTED: return "not supported";
    case PSCI_INVALID_PARAMETERS: return "invalid parameters";
    case PSCI_DENIED: return "denied";
    case PSCI_ALREADY_ON: return "already on";
    case PSCI_ON_PENDING: return "on pending";
    case PSCI_INTERNAL_FAILURE: return "internal failure";
    default: return "unknown error";
    }
}
