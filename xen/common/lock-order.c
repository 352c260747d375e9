/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The lock-order checker (CONFIG_DEBUG_LOCKS): the rules are in
 * xen/lock-order.h, the order and its reasons in
 * docs/designs/lock-order.md.
 *
 * Each CPU has a stack of the locks it holds, in the order it took them.
 * A blocking acquire is compared with every entry: each must rank below
 * the new lock, or be of its class with a lower key. Releases may come in
 * any order: the entry is found and those above it move down. Only its
 * own CPU touches a stack, with interrupts masked, so a handler's locks
 * nest on top of what the interrupted code held and are gone when it
 * returns.
 *
 * A violation panics. panic() turns the checker off before it prints, so
 * a report about the console lock (or taken under it) still gets out.
 */
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/lock-order.h>
#include <xen/rwlock.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/system.h>

#define LOCK_CLASS_INFO(c, n, pd) [LOCK_##c] = { .name = n, .per_domain = pd },

static const struct {
    const char *name;
    bool per_domain;
} lock_classes[LOCK_NR_CLASSES] = {
    [LOCK_UNCLASSIFIED] = { .name = "unclassified lock", .per_domain = false },
    LOCK_CLASSES(LOCK_CLASS_INFO)
};

#undef LOCK_CLASS_INFO

struct held_locks {
    unsigned int depth;
    const struct lock_debug *lock[LOCK_ORDER_DEPTH];
};

static struct held_locks held_locks[CONFIG_NR_CPUS];
static bool disabled;

static struct held_locks *this_cpu_locks(void)
{
    unsigned int cpu = smp_processor_id();

    if ( cpu >= CONFIG_NR_CPUS )
        panic("Lock order: CPU number %u out of range", cpu);

    return &held_locks[cpu];
}

static bool classified(const struct lock_debug *ld)
{
    return ld->class != LOCK_UNCLASSIFIED && ld->class < LOCK_NR_CLASSES;
}

/* "name (rank N, dK)" into buf. */
static const char *describe(char *buf, size_t size, const struct lock_debug *ld)
{
    unsigned int class = ld->class;

    if ( !classified(ld) )
        snprintf(buf, size, "an unclassified lock (class %u) at %p", class, ld);
    else if ( lock_classes[class].per_domain )
        snprintf(buf, size, "%s (rank %u, d%u)", lock_classes[class].name,
                 class, ld->key);
    else
        snprintf(buf, size, "%s (rank %u)", lock_classes[class].name, class);

    return buf;
}

static void __noreturn unclassified(const struct lock_debug *ld)
{
    char what[80];

    panic("Lock order violation on CPU%u: taking %s", smp_processor_id(),
          describe(what, sizeof(what), ld));
}

static void __noreturn violation(const struct lock_debug *ld,
                                 const struct lock_debug *held)
{
    char taking[80], holding[80];

    panic("Lock order violation on CPU%u: taking %s while holding %s%s",
          smp_processor_id(), describe(taking, sizeof(taking), ld),
          describe(holding, sizeof(holding), held),
          held == ld ? " (the same lock)" : "");
}

static void __noreturn too_deep(const struct lock_debug *ld)
{
    char taking[80];

    panic("Lock order violation on CPU%u: taking %s while holding %u locks, "
          "the most a CPU may",
          smp_processor_id(), describe(taking, sizeof(taking), ld),
          LOCK_ORDER_DEPTH);
}

/* Whether a CPU that holds held may wait for ld. */
static bool in_order(const struct lock_debug *held, const struct lock_debug *ld)
{
    if ( held->class != ld->class )
        return held->class < ld->class;

    return held->key < ld->key;
}

/* This CPU's held locks, with interrupts masked; NULL: not checking. */
static struct held_locks *begin(unsigned long *flags)
{
    if ( READ_ONCE(disabled) )
        return NULL;

    *flags = arch_local_irq_save();

    return this_cpu_locks();
}

/*
 * Check (unless only recording a trylock) and push. What is wrong is
 * found with interrupts masked and reported with them as they were.
 */
static void push(struct lock_debug *ld, bool check)
{
    const struct lock_debug *bad = NULL;
    unsigned long flags;
    struct held_locks *h = begin(&flags);
    unsigned int i;

    if ( !h )
        return;

    if ( !classified(ld) )
        bad = ld;
    else if ( check )
        for ( i = h->depth; i-- > 0; )
            if ( !in_order(h->lock[i], ld) )
            {
                bad = h->lock[i];
                break;
            }

    if ( !bad && h->depth < LOCK_ORDER_DEPTH )
    {
        h->lock[h->depth++] = ld;
        arch_local_irq_restore(flags);
        return;
    }

    arch_local_irq_restore(flags);
    if ( !classified(ld) )
        unclassified(ld);
    if ( bad )
        violation(ld, bad);
    too_deep(ld);
}

void lock_order_acquire(struct lock_debug *ld)
{
    push(ld, true);
}

void lock_order_acquired_try(struct lock_debug *ld)
{
    push(ld, false);
}

void lock_order_release(struct lock_debug *ld)
{
    char what[80];
    unsigned long flags;
    struct held_locks *h = begin(&flags);
    unsigned int i;

    if ( !h )
        return;

    for ( i = h->depth; i-- > 0; )
        if ( h->lock[i] == ld )
        {
            for ( ; i + 1 < h->depth; i++ )
                h->lock[i] = h->lock[i + 1];
            h->depth--;
            arch_local_irq_restore(flags);
            return;
        }

    arch_local_irq_restore(flags);
    panic("Lock order violation on CPU%u: releasing %s, which it does not "
          "hold",
          smp_processor_id(), describe(what, sizeof(what), ld));
}

unsigned int lock_order_depth(void)
{
    return this_cpu_locks()->depth;
}

void lock_order_unwind(unsigned int depth)
{
    struct held_locks *h = this_cpu_locks();

    if ( depth < h->depth )
        h->depth = depth;
}

void lock_order_disable(void)
{
    WRITE_ONCE(disabled, true);
}

/*
 * Two locks of its own, taken the wrong way round, with a printk() (the
 * console lock) under the first: what a QEMU test boots to see that the
 * checker is in the image and that its report gets out.
 */
void __init lock_order_selftest(void)
{
    spinlock_t page_alloc;
    rwlock_t p2m;

    spin_lock_init(&page_alloc, LOCK_PAGE_ALLOC, 0);
    rwlock_init(&p2m, LOCK_P2M, 0);

    spin_lock(&page_alloc);
    printk(XENLOG_WARNING "selftest-lock-order: taking a P2M lock under a "
                          "page_alloc_lock on purpose\n");
    write_lock(&p2m);

    panic("selftest-lock-order: the checker let an inversion through");
}
