/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FP/SIMD registers belong to the vCPU: they survive a hypercall, a
 * yield, and time slices in which other vCPUs (in a dom0less run, the
 * other domains running this same test with their own values) use the
 * same pCPU. Each run picks its values from the counter, so two domains
 * never fill their registers with the same pattern.
 */
#include <xtest.h>
#include <public/sched.h>
#include <public/version.h>

/* Spinning long enough for several 10 ms time slices under TCG. */
#define ROUNDS      200000
#define YIELD_EVERY 2000

XTEST(fp_state, "fp-state", "FP/SIMD registers belong to the vCPU")
{
    unsigned long seed, bad = 0;
    unsigned int i;

    arch_fp_enable();
    seed = arch_cycles() * 0x9e3779b97f4a7c15UL;
    arch_fp_fill(seed);
    CHECK_EQ("after_fill", arch_fp_check(seed), 0);

    hypercall_xen_version(XENVER_version, NULL);
    CHECK_EQ("after_hypercall", arch_fp_check(seed), 0);

    hypercall_sched_op(SCHEDOP_yield, NULL);
    CHECK_EQ("after_yield", arch_fp_check(seed), 0);

    for ( i = 0; i < ROUNDS; i++ )
    {
        bad |= arch_fp_check(seed);
        if ( i % YIELD_EVERY == 0 )
            hypercall_sched_op(SCHEDOP_yield, NULL);
    }
    CHECK_EQ("after_sharing", bad, 0);
}
