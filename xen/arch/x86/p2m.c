/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 NPT specifics: ASIDs and TLB maintenance. The table format is in
 * asm/p2m.h; the walker is common (common/p2m.c).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/spinlock.h>
#include <asm/svm.h>

/* One ASID per domain for now; 0 belongs to the host. */
#define NR_ASIDS 256

static DEFINE_SPINLOCK(asid_lock, LOCK_ASID);
static uint64_t asid_used[NR_ASIDS / 64] = { 1 };

int arch_p2m_init(struct p2m_domain *p2m)
{
    unsigned int a, limit = NR_ASIDS;
    int rc = -ENOSPC;

    /* What the CPU supports (QEMU's TCG: 16), when SVM is there. */
    if ( svm_caps.nr_asids && svm_caps.nr_asids < limit )
        limit = svm_caps.nr_asids;

    spin_lock(&asid_lock);
    for ( a = 1; a < limit; a++ )
        if ( !(asid_used[a / 64] & (1ULL << (a % 64))) )
        {
            asid_used[a / 64] |= 1ULL << (a % 64);
            p2m->arch.asid = a;
            rc = 0;
            break;
        }
    spin_unlock(&asid_lock);

    if ( rc )
        printk(XENLOG_ERR "P2M: all %u ASIDs in use\n", limit - 1);
    tlb_gen_init(&p2m->arch.tlb);

    return rc;
}

void arch_p2m_destroy(struct p2m_domain *p2m)
{
    unsigned int a = p2m->arch.asid;

    if ( !a )
        return;
    spin_lock(&asid_lock);
    asid_used[a / 64] &= ~(1ULL << (a % 64));
    spin_unlock(&asid_lock);
    p2m->arch.asid = 0;
}

/*
 * The guest's translations are cached under its ASID on every pCPU that
 * ran it, and each pCPU flushes its own TLB at VMRUN (VMCB TLB control):
 * a new generation that every pCPU honours before it enters the guest
 * again, and the pCPUs in the guest now kicked out of it and waited for
 * (tlb_gen_flush()). When this returns, no pCPU can use a translation
 * from before the call.
 */
void arch_p2m_flush(struct p2m_domain *p2m)
{
    p2m->arch.need_flush = false;
    tlb_gen_flush(&p2m->arch.tlb);
}
