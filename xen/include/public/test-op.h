/* SPDX-License-Identifier: MIT */
/*
 * Ours, not Xen's, and only in debug builds (CONFIG_TEST_HYPERCALLS):
 * test_op(cmd, a1, a2), hooks the test guests use to reach what no
 * guest interface reaches yet. Its number is outside upstream's table
 * (which has 64 entries), so it can never collide with a Xen hypercall;
 * release builds answer -ENOSYS, as for any unknown number. Acts on the
 * calling domain only.
 */
#ifndef __XEN_PUBLIC_TEST_OP_H__
#define __XEN_PUBLIC_TEST_OP_H__

#define __HYPERVISOR_test_op 126

/*
 * Kick vCPU a1 of the calling domain (what an event for it will do): a
 * blocked vCPU (SCHEDOP_block) runs again; one that is not blocked has
 * its next SCHEDOP_block return at once; one running on another pCPU is
 * made to exit there. 0, or -ENOENT if there is no such vCPU.
 */
#define TESTOP_vcpu_kick 0

/*
 * Swap the frames behind guest frames a1 and a2 of the caller's own RAM
 * (both 4 KiB-or-larger RAM mappings, split as needed): a P2M change of
 * two entries while the domain's vCPUs run, as memory_op will make
 * them. When the call returns, no vCPU can reach either page through its
 * old mapping. 0, -EINVAL if a1 == a2 or either is not plain writable
 * RAM, or -ENOMEM (the domain's P2M pool is empty).
 */
#define TESTOP_swap_gfns 1

#endif /* __XEN_PUBLIC_TEST_OP_H__ */
