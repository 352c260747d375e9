/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 stage-2 specifics: VMIDs and TLB maintenance. The table format is
 * in asm/p2m.h; the walker is common (common/p2m.c).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/spinlock.h>
#include <asm/processor.h>
#include <asm/sysregs.h>

/* 8-bit VMIDs; 0 is never given to a domain. */
#define NR_VMIDS 256

static DEFINE_SPINLOCK(vmid_lock, LOCK_VMID);
static uint64_t vmid_used[NR_VMIDS / 64] = { 1 };

static uint64_t vttbr_of(const struct p2m_domain *p2m)
{
    return ((uint64_t)p2m->arch.vmid << 48) | paddr_x(mfn_to_maddr(p2m->root));
}

int arch_p2m_init(struct p2m_domain *p2m)
{
    unsigned int v;
    int rc = -ENOSPC;

    spin_lock(&vmid_lock);
    for ( v = 1; v < NR_VMIDS; v++ )
        if ( !(vmid_used[v / 64] & (1ULL << (v % 64))) )
        {
            vmid_used[v / 64] |= 1ULL << (v % 64);
            p2m->arch.vmid = v;
            rc = 0;
            break;
        }
    spin_unlock(&vmid_lock);

    if ( rc )
        printk(XENLOG_ERR "P2M: all %u VMIDs in use\n", NR_VMIDS - 1);

    return rc;
}

void arch_p2m_destroy(struct p2m_domain *p2m)
{
    unsigned int v = p2m->arch.vmid;

    if ( !v )
        return;
    arch_p2m_flush(p2m);
    spin_lock(&vmid_lock);
    vmid_used[v / 64] &= ~(1ULL << (v % 64));
    spin_unlock(&vmid_lock);
    p2m->arch.vmid = 0;
}

/* Invalidate the domain's stage-1+2 TLB entries on every CPU. */
void arch_p2m_flush(struct p2m_domain *p2m)
{
    unsigned long flags = arch_local_irq_save();
    uint64_t old = READ_SYSREG(vttbr_el2);

    WRITE_SYSREG(vttbr_of(p2m), vttbr_el2);
    isb();
    __asm__ __volatile__("dsb ishst\n\t"
                         "tlbi vmalls12e1is\n\t"
                         "dsb ish\n\t"
                         "isb" ::
                             : "memory");
    WRITE_SYSREG(old, vttbr_el2);
    isb();
    arch_local_irq_restore(flags);

    p2m->arch.need_flush = false;
}
