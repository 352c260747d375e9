/* SPDX-License-Identifier: GPL-2.0-only */
/* Copying to and from guest memory (see xen/guest-access.h). */
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <asm/page.h>

/*
 * The hypervisor pointer for guest-physical gpa in d, if it is the
 * domain's own RAM (writable, when write is asked for).
 */
static void *gpa_to_virt(struct domain *d, uint64_t gpa, bool write)
{
    p2m_type_t t;
    mfn_t mfn = p2m_lookup(d, _gfn(gpa >> PAGE_SHIFT), &t);

    if ( !p2m_is_ram(t) || (write && t != p2m_ram_rw) || !mfn_valid(mfn) ||
         page_get_owner(mfn_to_page(mfn)) != d )
        return NULL;

    return (uint8_t *)maddr_to_virt(mfn_to_maddr(mfn)) +
           (gpa & (PAGE_SIZE - 1));
}

/* dir: true = into the guest. */
static int copy_guest(struct vcpu *v, struct domain *d, uint64_t addr,
                      void *buf, size_t len, bool virt, bool to_guest)
{
    uint8_t *b = buf;

    while ( len )
    {
        size_t chunk = min((size_t)(PAGE_SIZE - (addr & (PAGE_SIZE - 1))), len);
        uint64_t gpa = addr;
        uint8_t *p;

        if ( virt && arch_gva_to_gpa(v, addr, to_guest, &gpa) )
            return -EFAULT;
        if ( (p = gpa_to_virt(d, gpa, to_guest)) == NULL )
            return -EFAULT;

        if ( to_guest )
            memcpy(p, b, chunk);
        else
            memcpy(b, p, chunk);

        addr += chunk;
        b += chunk;
        len -= chunk;
    }

    return 0;
}

int copy_from_guest(void *dst, uint64_t gva, size_t len)
{
    struct vcpu *v = current_vcpu();

    return copy_guest(v, v->domain, gva, dst, len, true, false);
}

int copy_to_guest(uint64_t gva, const void *src, size_t len)
{
    struct vcpu *v = current_vcpu();

    return copy_guest(v, v->domain, gva, (void *)src, len, true, true);
}

int copy_to_guest_phys(struct domain *d, uint64_t gpa, const void *src,
                       size_t len)
{
    return copy_guest(NULL, d, gpa, (void *)src, len, false, true);
}
