/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The life of a domain: creating it (struct domain, its P2M, and its
 * RAM, which comes from the heap, from its static pool, or (direct map)
 * from its static banks at gfn == mfn), shutting it down or crashing it
 * (state changes that return), the queue of stopped domains that the
 * scheduler takes apart a step at a time, and the end of everything when
 * the last one has gone. Destroying gives every page back to where it
 * came from. Also the vcpu_op hypercall.
 */
#include <xen/arch-hooks.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/static-memory.h>
#include <asm/page.h>
#include <public/sched.h>
#include <public/vcpu.h>

BUILD_BUG_ON(sizeof(struct domain) > PAGE_SIZE);

/* ---- The domain list and references ------------------------------------ */

/*
 * Every domain from domain_create() until its last teardown step, by id.
 * A short list (the boot domains); the lock is held only to walk or
 * change it and to take a reference.
 */
static DEFINE_SPINLOCK(domlist_lock, LOCK_DOMLIST);
static struct domain *domain_list;

static void domain_free(struct domain *d);
static void domain_gone(void);

bool get_domain(struct domain *d)
{
    unsigned int x = __atomic_load_n(&d->refcnt, __ATOMIC_RELAXED);

    /* Never from 0: a domain being freed stays freed. */
    do
    {
        if ( !x )
            return false;
    } while ( !__atomic_compare_exchange_n(
        &d->refcnt, &x, x + 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED) );

    return true;
}

void put_domain(struct domain *d)
{
    unsigned int x = __atomic_sub_fetch(&d->refcnt, 1, __ATOMIC_ACQ_REL);

    ASSERT(x != ~0U); /* underflow */
    if ( !x )
        domain_free(d);
}

struct domain *get_domain_by_id(uint16_t domid)
{
    struct domain *d;
    unsigned long flags;

    spin_lock_irqsave(&domlist_lock, flags);
    for ( d = domain_list; d; d = d->next_in_list )
        if ( d->domain_id == domid )
            break;
    if ( d && !get_domain(d) )
        d = NULL;
    spin_unlock_irqrestore(&domlist_lock, flags);

    return d;
}

/* Into the list, with the existence reference; -EEXIST if the id is taken. */
static int domain_list_add(struct domain *d)
{
    struct domain *e;
    unsigned long flags;
    int rc = 0;

    spin_lock_irqsave(&domlist_lock, flags);
    for ( e = domain_list; e; e = e->next_in_list )
        if ( e->domain_id == d->domain_id )
            rc = -EEXIST;
    if ( !rc )
    {
        d->refcnt = 1;
        d->next_in_list = domain_list;
        domain_list = d;
    }
    spin_unlock_irqrestore(&domlist_lock, flags);

    return rc;
}

/* Out of the list: get_domain_by_id() no longer finds it. */
static void domain_list_del(struct domain *d)
{
    struct domain **pp;
    unsigned long flags;

    spin_lock_irqsave(&domlist_lock, flags);
    for ( pp = &domain_list; *pp; pp = &(*pp)->next_in_list )
        if ( *pp == d )
        {
            *pp = d->next_in_list;
            break;
        }
    spin_unlock_irqrestore(&domlist_lock, flags);
}

/*
 * Table pages for a domain's P2M: a few, plus two per 2 MiB of RAM; a
 * direct-mapped hardware domain also maps the host's devices (2 MiB more).
 */
static unsigned long p2m_pool_pages(const struct domain_config *c,
                                    unsigned long ram_pages)
{
    return 16 + DIV_ROUND_UP(ram_pages, 512) * 2 +
           (c->hardware && c->direct_map ? 512 : 0);
}

/*
 * Record that [gfn, gfn + n) now holds RAM: the banks stay sorted, and a
 * range next to a bank joins it. -ENOSPC when a new bank does not fit.
 */
static int note_ram(struct domain *d, gfn_t gfn, unsigned long n)
{
    struct guest_ram *r = &d->ram;
    unsigned int i, j;

    for ( i = 0; i < r->nr && gfn_x(r->bank[i].start) < gfn_x(gfn); i++ )
        ;
    /* Joins the bank before it, the one after it, or both. */
    if ( i &&
         gfn_eq(gfn_add(r->bank[i - 1].start, r->bank[i - 1].nr_pages), gfn) )
    {
        r->bank[i - 1].nr_pages += n;
        if ( i < r->nr && gfn_eq(gfn_add(gfn, n), r->bank[i].start) )
        {
            r->bank[i - 1].nr_pages += r->bank[i].nr_pages;
            for ( j = i; j + 1 < r->nr; j++ )
                r->bank[j] = r->bank[j + 1];
            r->nr--;
        }
        return 0;
    }
    if ( i < r->nr && gfn_eq(gfn_add(gfn, n), r->bank[i].start) )
    {
        r->bank[i].start = gfn;
        r->bank[i].nr_pages += n;
        return 0;
    }

    if ( r->nr == ARRAY_SIZE(r->bank) )
        return -ENOSPC;
    for ( j = r->nr; j > i; j-- )
        r->bank[j] = r->bank[j - 1];
    r->bank[i].start = gfn;
    r->bank[i].nr_pages = n;
    r->nr++;

    return 0;
}

static int map_ram(struct domain *d, gfn_t gfn, mfn_t mfn, unsigned long n)
{
    int rc;

    p2m_write_lock(&d->p2m);
    rc = p2m_set_entry(&d->p2m, gfn, n, mfn, p2m_ram_rw);
    p2m_write_unlock(&d->p2m);

    return rc ? rc : note_ram(d, gfn, n);
}

/* A cursor over the guest-physical regions RAM may go to. */
struct placer {
    struct guest_ram regions;
    unsigned int idx;
    unsigned long used; /* pages used in regions.bank[idx] */
};

static bool place(struct placer *p, unsigned long n, gfn_t *gfn)
{
    while ( p->idx < p->regions.nr )
    {
        unsigned long room = p->regions.bank[p->idx].nr_pages - p->used;

        if ( room >= n )
        {
            *gfn = gfn_add(p->regions.bank[p->idx].start, p->used);
            p->used += n;
            return true;
        }
        p->idx++;
        p->used = 0;
    }

    return false;
}

/* Largest order that fits n pages, the room left and gfn alignment. */
static unsigned int chunk_order(const struct placer *p, unsigned long n)
{
    unsigned int order = 9;
    unsigned long room;
    gfn_t next;

    if ( p->idx >= p->regions.nr )
        return 0;
    room = p->regions.bank[p->idx].nr_pages - p->used;
    next = gfn_add(p->regions.bank[p->idx].start, p->used);

    while ( order && ((1UL << order) > n || (1UL << order) > room ||
                      !IS_ALIGNED(gfn_x(next), 1UL << order)) )
        order--;

    return order;
}

static int populate_from_heap(struct domain *d, unsigned long nr)
{
    struct placer p = { .idx = 0, .used = 0 };

    arch_guest_ram_regions(&p.regions);
    while ( nr )
    {
        unsigned int order = chunk_order(&p, nr);
        struct page_info *pg;
        gfn_t gfn;
        int rc;

        while ( !(pg = alloc_domheap_pages(d, order, 0)) && order )
            order--;
        if ( !pg )
            return -ENOMEM;
        if ( !place(&p, 1UL << order, &gfn) )
            return -ENOSPC;
        if ( (rc = map_ram(d, gfn, page_to_mfn(pg), 1UL << order)) != 0 )
            return rc;
        nr -= 1UL << order;
    }

    return 0;
}

/*
 * Heap pages at gfn == mfn (the Arm hardware domain, as upstream): the
 * largest chunks the heap has, so that the RAM comes in as few banks as
 * it allows.
 */
static int populate_direct_from_heap(struct domain *d, unsigned long nr)
{
    unsigned int order = MAX_ORDER;
    int rc;

    while ( nr )
    {
        struct page_info *pg;
        mfn_t mfn;

        while ( (1UL << order) > nr )
            order--;
        while ( !(pg = alloc_domheap_pages(d, order, 0)) && order )
            order--;
        if ( !pg )
            return -ENOMEM;
        mfn = page_to_mfn(pg);
        if ( (rc = map_ram(d, _gfn(mfn_x(mfn)), mfn, 1UL << order)) != 0 )
            return rc;
        nr -= 1UL << order;
    }

    return 0;
}

#ifdef CONFIG_STATIC_MEMORY
/* Any pages of the pool, packed into the guest RAM regions. */
static int populate_from_pool(struct domain *d, unsigned long nr)
{
    struct placer p = { .idx = 0, .used = 0 };
    struct page_info *pg, *run = NULL;
    unsigned long len = 0;
    int rc;

    arch_guest_ram_regions(&p.regions);
    if ( (rc = acquire_static_pages(d, nr, 0)) != 0 )
        return rc;

    /* Map runs of consecutive frames in one go (blocks where aligned). */
    for ( pg = page_list_first(&d->page_list);;
          pg = page_list_next(pg, &d->page_list) )
    {
        gfn_t gfn;

        if ( run && pg &&
             mfn_eq(page_to_mfn(pg), mfn_add(page_to_mfn(run), len)) )
        {
            len++;
            continue;
        }
        if ( run )
        {
            if ( !place(&p, len, &gfn) )
                return -ENOSPC;
            if ( (rc = map_ram(d, gfn, page_to_mfn(run), len)) != 0 )
                return rc;
        }
        if ( !pg )
            break;
        run = pg;
        len = 1;
    }

    return 0;
}

/* Every static bank of the owner, at gfn == mfn. */
static int populate_direct_map(struct domain *d, int owner)
{
    unsigned int i;
    int rc;

    for ( i = 0; i < bootinfo.nr_static_banks; i++ )
    {
        const struct static_bank *b = &bootinfo.static_banks[i];
        mfn_t smfn = maddr_to_mfn(b->start);
        unsigned long n = b->size >> PAGE_SHIFT;

        if ( (int)b->owner != owner )
            continue;
        if ( (rc = acquire_static_range(d, smfn, n, 0)) != 0 ||
             (rc = map_ram(d, _gfn(mfn_x(smfn)), smfn, n)) != 0 )
            return rc;
    }

    return 0;
}
#endif

struct domain *domain_create(uint16_t domid, const struct domain_config *c,
                             const char **why)
{
    unsigned long pages = c->memory >> PAGE_SHIFT;
    struct domain *d;
    unsigned int i;
    int rc;

    /* Before anything is sized from it (the P2M pool, for one). */
    if ( c->static_owner < 0 && pages > heap_free_pages() )
    {
        *why = "not enough free memory for its RAM";
        return NULL;
    }
    d = alloc_xenheap_page();
    if ( !d )
    {
        *why = "no memory for struct domain";
        return NULL;
    }
    memset(d, 0, sizeof(*d));
    domain_init_memory(d, domid, pages);
    d->config = c;
    spin_lock_init(&d->console_lock, LOCK_DOMAIN_CONSOLE, domid);

    if ( domain_list_add(d) )
    {
        *why = "its domain id is taken";
        free_xenheap_page(d);
        return NULL;
    }

    if ( (rc = p2m_init(d, p2m_pool_pages(c, pages))) != 0 )
    {
        *why = "no memory (or VMID/ASID) for its P2M";
        domain_list_del(d); /* p2m_init() left nothing behind */
        free_xenheap_page(d);
        return NULL;
    }

    d->shared_info = alloc_xenheap_page();
    if ( !d->shared_info )
    {
        *why = "no memory for its shared_info";
        domain_destroy(d);
        return NULL;
    }
    memset(d->shared_info, 0, PAGE_SIZE);
    share_xen_page_with_guest(
        mfn_to_page(maddr_to_mfn(virt_to_maddr(d->shared_info))), d);

    /* max_vcpus only grows as vCPUs exist: teardown frees exactly those. */
    for ( i = 0; i < min(c->nr_vcpus, (unsigned int)MAX_VIRT_CPUS); i++ )
    {
        struct vcpu *v = alloc_xenheap_page();

        if ( !v )
        {
            *why = "no memory for its vCPUs";
            domain_destroy(d);
            return NULL;
        }
        memset(v, 0, sizeof(*v));
        v->vcpu_id = i;
        v->domain = d;
        d->vcpu[i] = v;
        d->max_vcpus = i + 1;
        arch_vcpu_init(v);
    }

#ifdef CONFIG_STATIC_MEMORY
    if ( c->static_owner >= 0 )
    {
        /* No pool: the banks were refused after the node was read. */
        d->static_pool = static_pool_of_owner(c->static_owner);
        rc = !d->static_pool ? -ENODEV
             : c->direct_map ? populate_direct_map(d, c->static_owner)
                             : populate_from_pool(d, pages);
    }
    else
#endif
        rc = c->direct_map ? populate_direct_from_heap(d, pages)
                           : populate_from_heap(d, pages);

    if ( rc )
    {
        *why = rc == -ENOMEM ? "not enough free memory for its RAM"
               : rc == -ENOSPC
                   ? "its RAM does not fit the guest layout (or takes more "
                     "than " __stringify(NR_GUEST_RAM_BANKS) " banks)"
               : rc == -ENODEV ? "its xen,static-mem was refused (see above)"
                               : "its RAM could not be set up";
        domain_destroy(d);
        return NULL;
    }

    return d;
}

BUILD_BUG_ON(sizeof(struct vcpu) > PAGE_SIZE);

/* What one teardown step may do: P2M entries visited, or pages put. */
#define TEARDOWN_BUDGET 512

/*
 * Drop the allocation reference of up to TEARDOWN_BUDGET pages of list
 * (each page at most once); true when the list is empty.
 */
static bool put_alloc_refs(struct page_list_head *list)
{
    struct page_info *pg, *next;
    unsigned int i = 0;

    for ( pg = page_list_first(list); pg && i < TEARDOWN_BUDGET;
          pg = next, i++ )
    {
        next = page_list_next(pg, list);
        put_page_alloc_ref(pg);
    }

    return page_list_empty(list);
}

int domain_teardown_step(struct domain *d)
{
    d->is_dying = true;
    if ( !d->p2m_relinquished )
    {
        if ( p2m_relinquish(d, TEARDOWN_BUDGET) == -ERESTART )
            return -ERESTART;
        d->p2m_relinquished = true;
    }

    /*
     * Every page's allocation reference, its RAM and the xenheap pages
     * shared with it. A page someone else still holds (a foreign mapping)
     * stays on its list until that reference goes, and teardown waits.
     */
    if ( !put_alloc_refs(&d->page_list) || !put_alloc_refs(&d->xenpage_list) )
        return -ERESTART;
    ASSERT(!d->tot_pages && !d->xenheap_pages);

    /* Found no more; freed when the last holder lets go. */
    if ( !d->is_unlisted )
    {
        d->is_unlisted = true;
        domain_list_del(d);
        put_domain(d);
    }

    return 0;
}

/* The last reference went: what is left of d goes back to the heap. */
static void domain_free(struct domain *d)
{
    bool live = d->is_live;
    unsigned int i;

    ASSERT(page_list_empty(&d->page_list) && page_list_empty(&d->xenpage_list));
    p2m_final_teardown(d);
    for ( i = 0; i < d->max_vcpus; i++ )
        free_xenheap_page(d->vcpu[i]);
    free_xenheap_page(d);

    if ( live )
        domain_gone();
}

void domain_destroy(struct domain *d)
{
    while ( domain_teardown_step(d) == -ERESTART )
        ;
}

/* ---- Shutdown, crash, and the dying queue -------------------------------- */

/* Shutdown decisions and the queue of stopped domains. */
static DEFINE_SPINLOCK(dying_lock, LOCK_DYING);
static struct domain *dying_head, *dying_tail;

static const char *shutdown_name(unsigned int reason)
{
    static const char *const names[] = {
        [SHUTDOWN_poweroff] = "poweroff", [SHUTDOWN_reboot] = "reboot",
        [SHUTDOWN_suspend] = "suspend",   [SHUTDOWN_crash] = "crash",
        [SHUTDOWN_watchdog] = "watchdog", [SHUTDOWN_soft_reset] = "soft_reset",
    };

    return reason < ARRAY_SIZE(names) ? names[reason] : "unknown reason";
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
    unsigned long flags;
    bool first;

    spin_lock_irqsave(&dying_lock, flags);
    first = !d->is_shutting_down;
    if ( first )
    {
        d->shutdown_reason = reason;
        WRITE_ONCE(d->is_shutting_down, true);
    }
    spin_unlock_irqrestore(&dying_lock, flags);
    if ( !first )
        return;

    printk("d%u: shut down (%s)\n", d->domain_id, shutdown_name(reason));
    if ( sched_stop_domain(d) )
        domain_stopped(d);
}

void domain_crash(struct domain *d, const char *why)
{
    printk(XENLOG_ERR "d%u: crashed: %s\n", d->domain_id, why);
    domain_shutdown(d, SHUTDOWN_crash);
}

static void queue_dying(struct domain *d)
{
    unsigned long flags;

    spin_lock_irqsave(&dying_lock, flags);
    d->next_dying = NULL;
    if ( dying_tail )
        dying_tail->next_dying = d;
    else
        dying_head = d;
    dying_tail = d;
    spin_unlock_irqrestore(&dying_lock, flags);
}

void domain_stopped(struct domain *d)
{
    queue_dying(d);
    /* An idle pCPU can take it apart. */
    sched_wake_idle_cpu();
}

bool domain_teardown_pending(void)
{
    return READ_ONCE(dying_head) != NULL;
}

/* ---- Nothing lost, and the end ------------------------------------------- */

static unsigned long heap_before, static_before;
static unsigned int nr_live;

static unsigned long static_free_pages(void)
{
    unsigned long total = 0;
#ifdef CONFIG_STATIC_MEMORY
    unsigned int i;

    for ( i = 0; i < static_pool_count(); i++ )
        total += static_pool_get(i)->free.count;
#endif

    return total;
}

void domain_memory_baseline(void)
{
    heap_before = heap_free_pages();
    static_before = static_free_pages();
}

void domain_memory_check(void)
{
    if ( heap_free_pages() == heap_before &&
         static_free_pages() == static_before )
        printk(
            "Memory check: every page came back (%lu free in the heap, %lu in static pools)\n",
            heap_before, static_before);
    else
    {
        printk(
            XENLOG_ERR
            "Memory check FAILED: heap %lu free (was %lu), static pools %lu free (were %lu)\n",
            heap_free_pages(), heap_before, static_free_pages(), static_before);
        if ( IS_ENABLED(CONFIG_DEBUG) )
            panic("Pages were lost tearing down the domains");
    }
}

void domain_started(struct domain *d)
{
    d->is_live = true;
    __atomic_add_fetch(&nr_live, 1, __ATOMIC_ACQ_REL);
}

/* A started domain's last reference went; after the last one, power off. */
static void domain_gone(void)
{
    if ( __atomic_sub_fetch(&nr_live, 1, __ATOMIC_ACQ_REL) )
        return;

    printk("All domains have shut down\n");
    sched_report();
    domain_memory_check();
    printk("Powering off\n");
    arch_machine_power_off(false);
}

/*
 * One teardown step for the first domain waiting for one, if any (taken
 * off the queue meanwhile, so one pCPU works on a domain at a time).
 * Whether there was one.
 */
bool domain_teardown_work(void)
{
    struct domain *d;
    unsigned long flags;

    spin_lock_irqsave(&dying_lock, flags);
    d = dying_head;
    if ( d )
    {
        dying_head = d->next_dying;
        if ( !dying_head )
            dying_tail = NULL;
    }
    spin_unlock_irqrestore(&dying_lock, flags);
    if ( !d )
        return false;

    /* Back in the queue, behind the others; this pCPU goes on with it. */
    if ( domain_teardown_step(d) == -ERESTART )
        queue_dying(d);

    return true;
}

/* ---- The vcpu_op hypercall ------------------------------------------------ */

long do_vcpu_op(unsigned int cmd, unsigned int vcpuid,
                XEN_GUEST_HANDLE_PARAM(void) arg)
{
    struct domain *d = current_vcpu()->domain;
    struct vcpu *v;
    unsigned int i;

    if ( !arch_vcpu_op_passes(cmd) )
        return -EINVAL;
    if ( vcpuid >= d->max_vcpus || !(v = d->vcpu[vcpuid]) )
        return -ENOENT;

    switch ( cmd )
    {
    case VCPUOP_initialise: return arch_vcpu_initialise(v, arg);

    case VCPUOP_up: return vcpu_is_up(v) ? 0 : arch_vcpu_op_up(v);

    case VCPUOP_down:
        /* The last vCPU going down takes the domain with it, as upstream. */
        for ( i = 0; i < d->max_vcpus; i++ )
            if ( i != vcpuid && d->vcpu[i] && vcpu_is_up(d->vcpu[i]) )
                break;
        if ( i == d->max_vcpus )
            domain_shutdown(d, SHUTDOWN_poweroff);
        else
            vcpu_down(v);
        return 0;

    case VCPUOP_is_up: return vcpu_is_up(v);
    }

    return -ENOSYS;
}
