/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * test_op (public/test-op.h): debug builds only (CONFIG_TEST_HYPERCALLS),
 * for the test guests. It reaches what no guest interface reaches yet:
 * kicking a vCPU (what an event for it will do) and changing two P2M
 * entries of the caller while its vCPUs run (what memory_op will do).
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <public/test-op.h>

/*
 * Swap the frames behind two RAM GFNs of d: each entry is replaced
 * (break-before-make, common/p2m.c), so when the P2M lock is dropped no
 * vCPU can use the old translations any more.
 */
static long swap_gfns(struct domain *d, unsigned long a, unsigned long b)
{
    struct p2m_domain *p2m = &d->p2m;
    p2m_type_t ta, tb;
    mfn_t ma, mb;
    int rc = -EINVAL;

    if ( a == b )
        return -EINVAL;

    p2m_write_lock(p2m);
    ma = p2m_get_entry(p2m, _gfn(a), &ta, NULL);
    mb = p2m_get_entry(p2m, _gfn(b), &tb, NULL);
    if ( ta == p2m_ram_rw && tb == p2m_ram_rw )
    {
        rc = p2m_set_entry(p2m, _gfn(a), 1, mb, p2m_ram_rw);
        /* Both GFNs map mb if this fails: still the domain's pages. */
        if ( !rc )
            rc = p2m_set_entry(p2m, _gfn(b), 1, ma, p2m_ram_rw);
    }
    p2m_write_unlock(p2m);

    return rc;
}

long do_test_op(unsigned int cmd, unsigned long a1, unsigned long a2)
{
    struct domain *d = current_vcpu()->domain;

    switch ( cmd )
    {
    case TESTOP_vcpu_kick:
        if ( a1 >= d->max_vcpus || !d->vcpu[a1] )
            return -ENOENT;
        vcpu_kick(d->vcpu[a1]);
        return 0;

    case TESTOP_swap_gfns: return swap_gfns(d, a1, a2);
    }

    return -ENOSYS;
}
