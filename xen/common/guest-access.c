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
 * The page of guest-physical gpa in d, with a reference taken, if it is
 * the domain's own RAM (writable, when write is asked for). The
 * reference is taken under the P2M lock, so the page cannot be freed
 * between the lookup and the copy, whatever the P2M does meanwhile.
 */
static struct page_info *get_guest_page(struct domain *d, uint64_t gpa,
                                        bool write)
{
    struct page_info *pg = NULL;
    p2m_type_t t;
    mfn_t mfn;

    read_lock(&d->p2m.lock);
    mfn = p2m_get_entry(&d->p2m, _gfn(gpa >> PAGE_SHIFT), &t, NULL);
    if ( p2m_is_ram(t) && (!write || t == p2m_ram_rw) && mfn_valid(mfn) &&
         get_page(mfn_to_page(mfn), d) )
        pg = mfn_to_page(mfn);
    read_unlock(&d->p2m.lock);

    return pg;
}

/* Page by page, each held by a reference while it is touched. */
static int copy_guest(struct vcpu *v, struct domain *d, uint64_t addr,
                      void *buf, size_t len, bool virt, bool to_guest)
{
    uint8_t *b = buf;

    while ( len )
    {
        size_t off = addr & (PAGE_SIZE - 1);
        size_t chunk = min((size_t)(PAGE_SIZE - off), len);
        uint64_t gpa = addr;
        struct page_info *pg;
        uint8_t *p;

        if ( virt && arch_gva_to_gpa(v, addr, to_guest, &gpa) )
            return -EFAULT;
        if ( (pg = get_guest_page(d, gpa, to_guest)) == NULL )
            return -EFAULT;

        p = (uint8_t *)maddr_to_virt(page_to_maddr(pg)) +
            (gpa & (PAGE_SIZE - 1));
        if ( to_guest )
            memcpy(p, b, chunk);
        else
            memcpy(b, p, chunk);
        put_page(pg);

        addr += chunk;
        b += chunk;
        len -= chunk;
    }

    return 0;
}

int raw_copy_from_guest(void *dst, uint64_t gva, size_t len)
{
    struct vcpu *v = current_vcpu();

    return copy_guest(v, v->domain, gva, dst, len, true, false);
}

int raw_copy_to_guest(uint64_t gva, const void *src, size_t len)
{
    struct vcpu *v = current_vcpu();

    return copy_guest(v, v->domain, gva, (void *)src, len, true, true);
}

/* base + off * size and nr * size, or false if either wraps. */
static bool element_range(uint64_t base, unsigned long off, unsigned long nr,
                          size_t size, uint64_t *start, size_t *len)
{
    uint64_t skip;

    if ( __builtin_mul_overflow(off, size, &skip) ||
         __builtin_add_overflow(base, skip, start) ||
         __builtin_mul_overflow(nr, size, len) || *start + *len < *start )
        return false;

    return true;
}

/* nr elements of size bytes from element off at base, either way. */
static int copy_elements(uint64_t base, unsigned long off, void *buf,
                         unsigned long nr, size_t size, bool to_guest)
{
    struct vcpu *v = current_vcpu();
    uint64_t start;
    size_t len;

    if ( !element_range(base, off, nr, size, &start, &len) )
        return -EFAULT;

    return copy_guest(v, v->domain, start, buf, len, true, to_guest);
}

int guest_copy_from(void *dst, uint64_t base, unsigned long off,
                    unsigned long nr, size_t size)
{
    return copy_elements(base, off, dst, nr, size, false);
}

int guest_copy_to(uint64_t base, unsigned long off, const void *src,
                  unsigned long nr, size_t size)
{
    return copy_elements(base, off, (void *)src, nr, size, true);
}

int copy_to_guest_phys(struct domain *d, uint64_t gpa, const void *src,
                       size_t len)
{
    return copy_guest(NULL, d, gpa, (void *)src, len, false, true);
}

int copy_from_guest_phys(void *dst, struct domain *d, uint64_t gpa, size_t len)
{
    return copy_guest(NULL, d, gpa, dst, len, false, false);
}
