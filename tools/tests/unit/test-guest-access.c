/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of copies to and from guest memory (common/guest-access.c)
 * while the P2M changes under them, with real threads: a copy either
 * sees the page whole or fails with -EFAULT, never a page that was freed
 * (scrubbed) meanwhile.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/setup.h>
#include <asm/page.h>
#include "harness.h"
#include "mm-fixture.h"

#define GFN     0x40UL
#define PATTERN 0x5a
#define ROUNDS  20000

/* Only guest-physical copies here: no vCPU makes a hypercall. */
struct vcpu *current_vcpu(void)
{
    return NULL;
}

int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa)
{
    return -EFAULT;
}

static struct domain *dom;
static volatile bool stop;
static unsigned long copies_ok, copies_faulted, copies_torn;

/* A page of dom filled with the pattern, mapped at gfn. */
static struct page_info *map_fresh(unsigned long gfn)
{
    struct page_info *pg = alloc_domheap_page(dom, 0);

    if ( !pg )
        return NULL;
    memset(maddr_to_virt(page_to_maddr(pg)), PATTERN, PAGE_SIZE);
    if ( guest_physmap_add_entry(dom, _gfn(gfn), page_to_mfn(pg), 0,
                                 p2m_ram_rw) )
        return NULL;

    return pg;
}

/* Unmap and free the second page, map a new one there, over and over. */
static void *remapper(void *arg)
{
    struct page_info *pg = arg;
    unsigned int i;

    for ( i = 0; i < ROUNDS && pg; i++ )
    {
        if ( guest_physmap_remove_page(dom, _gfn(GFN + 1), page_to_mfn(pg),
                                       0) )
            break;
        put_page_alloc_ref(pg); /* freed and scrubbed, unless a copy holds it */
        pg = map_fresh(GFN + 1);
    }
    stop = true;

    return NULL;
}

/* Read across both pages until the remapper is done. */
static void *reader(void *arg)
{
    static uint8_t buf[2 * PAGE_SIZE];
    unsigned long i;

    while ( !stop )
    {
        int rc = copy_from_guest_phys(buf, dom, GFN << PAGE_SHIFT,
                                      sizeof(buf));

        if ( rc )
        {
            copies_faulted += rc == -EFAULT;
            continue;
        }
        copies_ok++;
        for ( i = 0; i < sizeof(buf); i++ )
            if ( buf[i] != PATTERN )
            {
                copies_torn++;
                break;
            }
    }

    return NULL;
}

TEST(copy_races_with_unmap)
{
    pthread_t r, w;
    struct page_info *second;

    layout();
    setup_mm(&bootinfo);
    dom = new_domain(1, 64);
    CHECK_EQ(p2m_init(dom, 16), 0);
    CHECK(map_fresh(GFN) != NULL);
    second = map_fresh(GFN + 1);
    CHECK(second != NULL);

    CHECK_EQ(pthread_create(&r, NULL, reader, NULL), 0);
    CHECK_EQ(pthread_create(&w, NULL, remapper, second), 0);
    pthread_join(w, NULL);
    pthread_join(r, NULL);

    CHECK_EQ(copies_torn, 0);
    CHECK(copies_ok > 0);
}

TEST(copy_outside_ram_faults)
{
    uint8_t b[16];

    layout();
    setup_mm(&bootinfo);
    dom = new_domain(1, 64);
    CHECK_EQ(p2m_init(dom, 16), 0);
    CHECK(map_fresh(GFN) != NULL);

    CHECK_EQ(copy_from_guest_phys(b, dom, GFN << PAGE_SHIFT, sizeof(b)), 0);
    CHECK_EQ(b[3], PATTERN);
    /* Running off the end of the mapped page. */
    CHECK_EQ(copy_from_guest_phys(b, dom, ((GFN + 1) << PAGE_SHIFT) - 8,
                                  sizeof(b)),
             -EFAULT);
    CHECK_EQ(copy_to_guest_phys(dom, (GFN + 5) << PAGE_SHIFT, b, sizeof(b)),
             -EFAULT);
}

HARNESS_MAIN("guest-access")
