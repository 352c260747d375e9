/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XENMEM_add_to_physmap / _batch / remove_from_physmap, one page at a
 * time (xen/physmap.h; docs/designs/physmap.md).
 *
 * The GFN protocol. A xenheap frame a domain maps (its shared_info, a
 * grant or status frame) keeps the GFN it is mapped at in its page_info
 * (page_get_xenheap_gfn()), read and written only under the P2M write
 * lock of that domain; there is no side array and no M2P. Mapping one:
 *
 *   [grant lock: gnttab_map_frame_begin(), for grant and status frames]
 *     P2M write lock
 *       look at the GFN the frame records;
 *       arm64: a frame mapped anywhere gives -EBUSY, even at this GFN;
 *       x86_64: a frame mapped elsewhere moves: its old entry (checked
 *               to still map this frame) is removed in the same step;
 *       map it at gfn (whatever was there is replaced; a xenheap frame
 *       that was there loses its GFN, common/p2m.c); record gfn
 *     P2M unlock (flush), references dropped
 *   [gnttab_map_frame_end(): page reference and grant lock dropped]
 *
 * Every way a mapping goes (remove_from_physmap, an entry replaced,
 * decrease_reservation, teardown) clears the recorded GFN in the P2M
 * code, under the same lock, so a GFN read under the lock is never stale
 * and can never unmap anything else.
 */
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/physmap.h>
#include <xen/sched.h>
#include <asm/page.h>
#include <public/memory.h>
#include <public/xen.h>

/* Both one page: gfn == the P2M's and the xenheap's idea of it. */
static int set_one(struct domain *d, gfn_t gfn, mfn_t mfn, p2m_type_t t)
{
    if ( d->is_dying )
        return -EINVAL; /* nothing new for a dying domain (XSA-410) */

    return p2m_set_entry(&d->p2m, gfn, 1, mfn, t);
}

/*
 * Map xenheap frame pg (d's, referenced by the caller) at gfn, under the
 * P2M write lock, by the GFN protocol above.
 */
static int map_xenheap_frame(struct domain *d, struct page_info *pg, gfn_t gfn)
{
    mfn_t mfn = page_to_mfn(pg);
    gfn_t old;
    p2m_type_t t;
    int rc;

    p2m_write_lock(&d->p2m);
    old = page_get_xenheap_gfn(pg);
    if ( !gfn_eq(old, INVALID_GFN) )
    {
        if ( !ARCH_XENHEAP_FRAME_MOVES )
        {
            rc = -EBUSY;
            goto out;
        }
        /* Moving: the old entry must still be this frame's. */
        if ( !gfn_eq(old, gfn) &&
             mfn_eq(p2m_get_entry(&d->p2m, old, &t, NULL), mfn) &&
             p2m_is_ram(t) && (rc = set_one(d, old, INVALID_MFN, p2m_invalid)) )
            goto out;
    }

    rc = set_one(d, gfn, mfn, p2m_ram_rw);
    if ( !rc )
        page_set_xenheap_gfn(pg, gfn);
out:
    p2m_write_unlock(&d->p2m);

    return rc;
}

/*
 * x86: move d's own RAM page from GFN idx to gfn. The page at gfn, if it
 * is d's RAM, is given back (as upstream frees it); an MMIO entry there
 * refuses the move.
 */
static int move_gmfn(struct domain *d, gfn_t idx, gfn_t gfn)
{
    struct page_info *pg = NULL, *freed = NULL;
    p2m_type_t t, tt;
    mfn_t mfn, target;
    int rc;

    p2m_write_lock(&d->p2m);
    mfn = p2m_get_entry(&d->p2m, idx, &t, NULL);
    if ( !p2m_is_ram(t) || !mfn_valid(mfn) ||
         !get_page(pg = mfn_to_page(mfn), d) )
    {
        pg = NULL;
        rc = -EINVAL;
        goto out;
    }
    if ( is_xen_heap_page(pg) )
    {
        rc = -EINVAL; /* a frame of the hypervisor's moves by its own space */
        goto out;
    }

    target = p2m_get_entry(&d->p2m, gfn, &tt, NULL);
    if ( tt == p2m_mmio_direct_dev )
    {
        rc = -EPERM;
        goto out;
    }
    if ( gfn_eq(idx, gfn) )
    {
        rc = 0;
        goto out;
    }
    if ( p2m_is_ram(tt) && mfn_valid(target) &&
         !is_xen_heap_page(mfn_to_page(target)) &&
         get_page(mfn_to_page(target), d) )
        freed = mfn_to_page(target);

    if ( (rc = set_one(d, idx, INVALID_MFN, p2m_invalid)) == 0 &&
         (rc = set_one(d, gfn, mfn, p2m_ram_rw)) != 0 )
        set_one(d, idx, mfn, p2m_ram_rw); /* put it back */
out:
    p2m_write_unlock(&d->p2m);

    /* After the flush: the page that was at gfn goes back to the heap. */
    if ( freed )
    {
        if ( !rc )
            put_page_alloc_ref(freed);
        put_page(freed);
    }
    if ( pg )
        put_page(pg);

    return rc;
}

/*
 * The hardware domain maps a page of another domain: a reference on it,
 * held by the P2M entry and dropped when the entry goes (common/p2m.c).
 */
static int map_foreign(struct domain *d, uint16_t foreign_domid,
                       unsigned long idx, gfn_t gfn)
{
    struct domain *od;
    struct page_info *pg;
    p2m_type_t t;
    mfn_t mfn;
    int rc;

    od = foreign_domid == DOMID_SELF ? (get_domain(d) ? d : NULL)
                                     : get_domain_by_id(foreign_domid);
    if ( !od )
        return -ESRCH;
    if ( od == d )
    {
        put_domain(od);
        return -EINVAL;
    }
    if ( !d->config->hardware )
    {
        put_domain(od);
        return -EPERM;
    }

    read_lock(&od->p2m.lock);
    mfn = p2m_get_entry(&od->p2m, _gfn(idx), &t, NULL);
    pg = p2m_is_ram(t) && mfn_valid(mfn) && get_page(mfn_to_page(mfn), od)
             ? mfn_to_page(mfn)
             : NULL;
    read_unlock(&od->p2m.lock);
    put_domain(od);
    if ( !pg )
        return -EINVAL;

    /* The entry owns the reference now; it is dropped if mapping fails. */
    p2m_write_lock(&d->p2m);
    rc = set_one(d, gfn, mfn,
                 t == p2m_ram_rw ? p2m_map_foreign_rw : p2m_map_foreign_ro);
    p2m_write_unlock(&d->p2m);
    if ( rc )
        put_page(pg);

    return rc;
}

/* Arm: a page of device memory for the hardware domain, 1:1 or not. */
static int map_dev_mmio(struct domain *d, unsigned long idx, gfn_t gfn)
{
    mfn_t mfn = _mfn(idx);
    int rc;

    if ( !d->config->hardware || mfn_valid(mfn) )
        return -EPERM; /* only devices, only the hardware domain */

    p2m_write_lock(&d->p2m);
    rc = set_one(d, gfn, mfn, p2m_mmio_direct_dev);
    p2m_write_unlock(&d->p2m);

    return rc;
}

int xenmem_add_to_physmap_one(struct domain *d, unsigned int space,
                              uint16_t foreign_domid, unsigned long idx,
                              gfn_t gfn)
{
    struct page_info *pg;
    mfn_t mfn;
    int rc;

    if ( gfn_x(gfn) >= (1UL << P2M_GFN_BITS) )
        return -EINVAL;

    switch ( space )
    {
    case XENMAPSPACE_shared_info:
        if ( idx != 0 )
            return -EINVAL;
        pg = mfn_to_page(maddr_to_mfn(virt_to_maddr(d->shared_info)));
        if ( !get_page(pg, d) )
            return -EINVAL;
        rc = map_xenheap_frame(d, pg, gfn);
        put_page(pg);
        return rc;

    case XENMAPSPACE_grant_table:
        /* The grant lock is held across the P2M update (XSA-486). */
        if ( (rc = gnttab_map_frame_begin(d, idx, &mfn)) != 0 )
            return rc;
        rc = map_xenheap_frame(d, mfn_to_page(mfn), gfn);
        gnttab_map_frame_end(d, mfn);
        return rc;

    case XENMAPSPACE_gmfn:
        return ARCH_PHYSMAP_GMFN ? move_gmfn(d, _gfn(idx), gfn) : -ENOSYS;

    case XENMAPSPACE_gmfn_foreign:
        return map_foreign(d, foreign_domid, idx, gfn);

    case XENMAPSPACE_dev_mmio:
        return ARCH_PHYSMAP_DEV_MMIO ? map_dev_mmio(d, idx, gfn) : -ENOSYS;
    }

    return -ENOSYS;
}

int xenmem_remove_from_physmap_one(struct domain *d, gfn_t gfn)
{
    struct page_info *pg = NULL;
    p2m_type_t t;
    mfn_t mfn;
    int rc;

    /* The page mapped there, held while it is taken out. */
    read_lock(&d->p2m.lock);
    mfn = p2m_get_entry(&d->p2m, gfn, &t, NULL);
    if ( (p2m_is_ram(t) || p2m_is_foreign(t)) && mfn_valid(mfn) &&
         get_page(mfn_to_page(mfn), page_get_owner(mfn_to_page(mfn))) )
        pg = mfn_to_page(mfn);
    read_unlock(&d->p2m.lock);
    if ( !pg )
        return -ENOENT;

    /* Only if it is still that page (-EILSEQ otherwise). */
    rc = guest_physmap_remove_page(d, gfn, mfn, 0);
    put_page(pg);

    return rc;
}
