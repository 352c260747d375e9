/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the lock-order checker (xen/lock-order.h,
 * common/lock-order.c): the documented order nests, every inversion
 * panics naming both locks, two locks of one class go in domain-id order,
 * recursion panics, releases come in any order, trylocks are recorded but
 * not checked, each CPU (host thread) has its own held locks, and the
 * order table is the one docs/designs/lock-order.md shows.
 *
 * Built twice: as a debug build (test-lock-order) and as a release build
 * (test-lock-order-release, no CONFIG_DEBUG): there, no checker and locks
 * of one 32-bit word, as before the checker existed.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/lib.h>
#include <xen/lock-order.h>
#include <xen/rwlock.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include "harness.h"

#define CLASS_NAME(c, n, pd)       [LOCK_##c] = n,
#define CLASS_PER_DOMAIN(c, n, pd) [LOCK_##c] = pd,

static const char *const class_name[LOCK_NR_CLASSES] = {
    [LOCK_UNCLASSIFIED] = "unclassified lock", LOCK_CLASSES(CLASS_NAME)
};
static const bool class_per_domain[LOCK_NR_CLASSES] = {
    [LOCK_UNCLASSIFIED] = false, LOCK_CLASSES(CLASS_PER_DOMAIN)
};

/* The order DESIGN.md section 3 states. */
BUILD_BUG_ON(!(LOCK_GRANT_TABLE < LOCK_P2M && LOCK_P2M < LOCK_PAGE_ALLOC &&
               LOCK_PAGE_ALLOC < LOCK_HEAP));

/* The order table of the design note, row by row, and nothing else. */
TEST(design_note_has_the_order)
{
    size_t size;
    char *doc = harness_read_file("../../../docs/designs/lock-order.md", &size);
    char row[128];
    unsigned int c, rows = 0;
    const char *p;

    doc = realloc(doc, size + 1);
    doc[size] = '\0';
    for ( c = 1; c < LOCK_NR_CLASSES; c++ )
    {
        snprintf(row, sizeof(row), "\n| %u | `%s` | %s |", c, class_name[c],
                 class_per_domain[c] ? "domain" : "global");
        if ( !strstr(doc, row) )
            harness_check_failed(__FILE__, __LINE__, row + 1);
    }
    for ( p = doc; (p = strstr(p, "\n| ")) != NULL; p++ )
        if ( p[3] >= '0' && p[3] <= '9' )
            rows++;
    CHECK_EQ(rows, LOCK_NR_CLASSES - 1);
    free(doc);
}

#ifdef CONFIG_DEBUG_LOCKS

/* The message for taking a while holding b, as far as both are named. */
static bool reported(const char *taking, const char *holding)
{
    char want[256];

    snprintf(want, sizeof(want),
             "Lock order violation on CPU0: taking %s while holding %s", taking,
             holding);

    return harness_log_contains(want);
}

TEST(locks_carry_a_class)
{
    DEFINE_SPINLOCK(s, LOCK_HEAP);
    DEFINE_RWLOCK(r, LOCK_VMID);

    CHECK_EQ(sizeof(spinlock_t), 8);
    CHECK_EQ(sizeof(rwlock_t), 8);
    CHECK_EQ(s.debug.class, LOCK_HEAP);
    CHECK_EQ(s.debug.key, 0);
    CHECK_EQ(r.debug.class, LOCK_VMID);
    rwlock_init(&r, LOCK_P2M, 7);
    CHECK_EQ(r.debug.class, LOCK_P2M);
    CHECK_EQ(r.debug.key, 7);
}

/* One domain's locks and the global ones, every class. */
TEST(documented_order_nests)
{
    rwlock_t grant, p2m;
    spinlock_t event, page_alloc, evtchn, dom_console;
    DEFINE_SPINLOCK(static_pool, LOCK_STATIC_POOL);
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    DEFINE_SPINLOCK(vmid, LOCK_VMID);
    DEFINE_SPINLOCK(asid, LOCK_ASID);
    DEFINE_SPINLOCK(domlist, LOCK_DOMLIST);
    DEFINE_SPINLOCK(dying, LOCK_DYING);
    DEFINE_SPINLOCK(runq, LOCK_RUNQ);
    DEFINE_SPINLOCK(console, LOCK_CONSOLE);
    unsigned long flags;

    rwlock_init(&grant, LOCK_GRANT_TABLE, 1);
    spin_lock_init(&event, LOCK_EVENT, 1);
    rwlock_init(&p2m, LOCK_P2M, 1);
    spin_lock_init(&page_alloc, LOCK_PAGE_ALLOC, 1);
    spin_lock_init(&evtchn, LOCK_EVTCHN, 1);
    spin_lock_init(&dom_console, LOCK_DOMAIN_CONSOLE, 1);

    /* Eight at once is the most: two chains cover every class. */
    write_lock(&grant);
    spin_lock(&event);
    write_lock(&p2m);
    spin_lock(&page_alloc);
    spin_lock(&static_pool);
    spin_lock_irqsave(&heap, flags);
    spin_lock(&evtchn);
    spin_lock(&domlist);
    CHECK_EQ(lock_order_depth(), 8);
    spin_unlock(&domlist);
    spin_unlock(&evtchn);
    spin_unlock_irqrestore(&heap, flags);
    spin_unlock(&static_pool);
    spin_unlock(&page_alloc);
    write_unlock(&p2m);
    spin_unlock(&event);
    write_unlock(&grant);
    CHECK_EQ(lock_order_depth(), 0);

    read_lock(&p2m);
    spin_lock(&page_alloc);
    spin_lock(&vmid);
    spin_lock(&asid);
    spin_lock(&dying);
    spin_lock(&runq);
    spin_lock(&dom_console);
    spin_lock(&console);
    CHECK_EQ(lock_order_depth(), 8);
    spin_unlock(&console);
    spin_unlock(&dom_console);
    spin_unlock(&runq);
    spin_unlock(&dying);
    spin_unlock(&asid);
    spin_unlock(&vmid);
    spin_unlock(&page_alloc);
    read_unlock(&p2m);
    CHECK_EQ(lock_order_depth(), 0);
}

/* Every pair of classes: in order it nests, inverted it panics. */
TEST(every_inversion_panics)
{
    spinlock_t l[LOCK_NR_CLASSES];
    unsigned int i, j;

    for ( i = 1; i < LOCK_NR_CLASSES; i++ )
        for ( j = i + 1; j < LOCK_NR_CLASSES; j++ )
        {
            char taking[64], holding[64];

            spin_lock_init(&l[i], i, class_per_domain[i] ? 3 : 0);
            spin_lock_init(&l[j], j, class_per_domain[j] ? 3 : 0);

            CHECK(!HARNESS_PANICS(spin_lock(&l[i]); spin_lock(&l[j])));
            spin_unlock(&l[j]);
            spin_unlock(&l[i]);

            harness_log_clear();
            spin_lock(&l[j]);
            CHECK(HARNESS_PANICS(spin_lock(&l[i])));
            spin_unlock(&l[j]);
            CHECK_EQ(lock_order_depth(), 0);

            snprintf(taking, sizeof(taking),
                     class_per_domain[i] ? "%s (rank %u, d3)" : "%s (rank %u)",
                     class_name[i], i);
            snprintf(holding, sizeof(holding),
                     class_per_domain[j] ? "%s (rank %u, d3)" : "%s (rank %u)",
                     class_name[j], j);
            if ( !reported(taking, holding) )
            {
                fprintf(stderr, "  want %s / %s, log: %s", taking, holding,
                        harness_log());
                CHECK(false);
            }
        }
}

/* The classic one: the heap lock, then a domain's page_alloc_lock. */
TEST(heap_then_page_alloc_panics)
{
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    spinlock_t page_alloc;
    unsigned long flags;

    spin_lock_init(&page_alloc, LOCK_PAGE_ALLOC, 5);
    spin_lock_irqsave(&heap, flags);
    harness_log_clear();
    CHECK(HARNESS_PANICS(spin_lock(&page_alloc)));
    CHECK(reported("page_alloc_lock (rank 4, d5)", "heap_lock (rank 6)"));
    /* The lock was not taken, and the interrupt state is as it was. */
    CHECK(!spin_is_locked(&page_alloc));
    CHECK_EQ(harness_irq_disabled, flags + 1);
    spin_unlock_irqrestore(&heap, flags);
}

/*
 * A foreign mapping's put under the mapping domain's P2M lock takes the
 * owner's page_alloc_lock: a different class, inner, whatever the ids.
 */
TEST(put_under_p2m_takes_owner_page_alloc)
{
    rwlock_t p2m;
    spinlock_t owner_page_alloc;

    rwlock_init(&p2m, LOCK_P2M, 2);
    spin_lock_init(&owner_page_alloc, LOCK_PAGE_ALLOC, 1);
    write_lock(&p2m);
    CHECK(!HARNESS_PANICS(spin_lock(&owner_page_alloc)));
    spin_unlock(&owner_page_alloc);
    write_unlock(&p2m);
}

TEST(same_class_in_domain_id_order)
{
    rwlock_t p2m1, p2m2, p2m1_again;
    DEFINE_SPINLOCK(heap_a, LOCK_HEAP);
    DEFINE_SPINLOCK(heap_b, LOCK_HEAP);

    rwlock_init(&p2m1, LOCK_P2M, 1);
    rwlock_init(&p2m2, LOCK_P2M, 2);
    rwlock_init(&p2m1_again, LOCK_P2M, 1);

    /* Lower domain id first: fine, for readers and writers alike. */
    CHECK(!HARNESS_PANICS(write_lock(&p2m1); read_lock(&p2m2)));
    read_unlock(&p2m2);
    write_unlock(&p2m1);

    /* Higher first: a panic naming both domains. */
    harness_log_clear();
    read_lock(&p2m2);
    CHECK(HARNESS_PANICS(write_lock(&p2m1)));
    CHECK(reported("p2m lock (rank 3, d1)", "p2m lock (rank 3, d2)"));
    read_unlock(&p2m2);

    /* Two locks of one class and one key never nest. */
    harness_log_clear();
    write_lock(&p2m1);
    CHECK(HARNESS_PANICS(write_lock(&p2m1_again)));
    CHECK(reported("p2m lock (rank 3, d1)", "p2m lock (rank 3, d1)"));
    CHECK(!harness_log_contains("the same lock"));
    write_unlock(&p2m1);

    /* Nor do two of a global class. */
    harness_log_clear();
    spin_lock(&heap_a);
    CHECK(HARNESS_PANICS(spin_lock(&heap_b)));
    CHECK(reported("heap_lock (rank 6)", "heap_lock (rank 6)"));
    spin_unlock(&heap_a);
    CHECK_EQ(lock_order_depth(), 0);
}

/* Taking a lock this CPU holds: a panic, not a deadlock. */
TEST(recursion_panics)
{
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    rwlock_t p2m;

    rwlock_init(&p2m, LOCK_P2M, 4);

    harness_log_clear();
    spin_lock(&heap);
    CHECK(HARNESS_PANICS(spin_lock(&heap)));
    CHECK(harness_log_contains("taking heap_lock (rank 6) while holding "
                               "heap_lock (rank 6) (the same lock)"));
    spin_unlock(&heap);
    CHECK(!spin_is_locked(&heap));

    /* A second read would wait behind a waiting writer for good. */
    harness_log_clear();
    read_lock(&p2m);
    CHECK(HARNESS_PANICS(read_lock(&p2m)));
    CHECK(harness_log_contains("taking p2m lock (rank 3, d4) while holding "
                               "p2m lock (rank 3, d4) (the same lock)"));
    harness_log_clear();
    CHECK(HARNESS_PANICS(write_lock(&p2m)));
    CHECK(harness_log_contains("(the same lock)"));
    read_unlock(&p2m);
    CHECK(!rw_is_locked(&p2m));
    CHECK_EQ(lock_order_depth(), 0);
}

TEST(release_in_any_order)
{
    rwlock_t grant, p2m;
    spinlock_t event;
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    DEFINE_SPINLOCK(console, LOCK_CONSOLE);

    rwlock_init(&grant, LOCK_GRANT_TABLE, 1);
    rwlock_init(&p2m, LOCK_P2M, 1);
    spin_lock_init(&event, LOCK_EVENT, 1);

    read_lock(&grant);
    write_lock(&p2m);
    spin_lock(&heap);

    /* The outermost goes first; what is left still bars the event lock. */
    read_unlock(&grant);
    CHECK_EQ(lock_order_depth(), 2);
    harness_log_clear();
    CHECK(HARNESS_PANICS(spin_lock(&event)));
    CHECK(reported("event_lock (rank 2, d1)", "heap_lock (rank 6)"));

    /* Then the middle one; what is left still counts. */
    write_unlock(&p2m);
    CHECK_EQ(lock_order_depth(), 1);
    CHECK(!HARNESS_PANICS(spin_lock(&console)));
    spin_unlock(&heap);
    harness_log_clear();
    CHECK(HARNESS_PANICS(spin_lock(&heap)));
    CHECK(reported("heap_lock (rank 6)", "console_lock (rank 15)"));
    spin_unlock(&console);
    CHECK_EQ(lock_order_depth(), 0);

    /* Nothing held: anything may be taken again. */
    CHECK(!HARNESS_PANICS(write_lock(&grant); spin_lock(&event)));
    spin_unlock(&event);
    write_unlock(&grant);
}

TEST(release_of_a_lock_not_held_panics)
{
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    DEFINE_SPINLOCK(runq, LOCK_RUNQ);

    spin_lock(&runq);
    harness_log_clear();
    CHECK(HARNESS_PANICS(spin_unlock(&heap)));
    CHECK(harness_log_contains("releasing heap_lock (rank 6), which it does "
                               "not hold"));
    CHECK_EQ(lock_order_depth(), 1);
    spin_unlock(&runq);
}

/*
 * A trylock cannot wait, so it may go against the order; what it took is
 * held, though, and what is taken under it is checked against it.
 */
TEST(trylock_is_recorded_not_checked)
{
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    spinlock_t page_alloc, event;
    rwlock_t p2m;

    spin_lock_init(&page_alloc, LOCK_PAGE_ALLOC, 1);
    spin_lock_init(&event, LOCK_EVENT, 1);
    rwlock_init(&p2m, LOCK_P2M, 1);

    spin_lock(&heap);
    CHECK(!HARNESS_PANICS(CHECK(spin_trylock(&page_alloc))));
    CHECK_EQ(lock_order_depth(), 2);
    spin_unlock(&heap);
    spin_unlock(&page_alloc);

    CHECK(write_trylock(&p2m));
    harness_log_clear();
    CHECK(HARNESS_PANICS(spin_lock(&event)));
    CHECK(reported("event_lock (rank 2, d1)", "p2m lock (rank 3, d1)"));
    /* A failed trylock records nothing. */
    CHECK(!read_trylock(&p2m));
    CHECK_EQ(lock_order_depth(), 1);
    write_unlock(&p2m);
    CHECK(read_trylock(&p2m));
    read_unlock(&p2m);
    CHECK_EQ(lock_order_depth(), 0);
}

/* A lock nobody gave a class (zeroed memory): a panic on first use. */
TEST(unclassified_lock_panics)
{
    spinlock_t s;
    rwlock_t r;
    char want[64];

    memset(&s, 0, sizeof(s));
    memset(&r, 0, sizeof(r));
    harness_log_clear();
    CHECK(HARNESS_PANICS(spin_lock(&s)));
    CHECK(harness_log_contains("taking an unclassified lock (class 0)"));
    CHECK(HARNESS_PANICS(read_lock(&r)));
    CHECK(HARNESS_PANICS(spin_trylock(&s)));
    r.debug.class = LOCK_NR_CLASSES;
    harness_log_clear();
    CHECK(HARNESS_PANICS(write_lock(&r)));
    snprintf(want, sizeof(want), "unclassified lock (class %u)",
             LOCK_NR_CLASSES);
    CHECK(harness_log_contains(want));
    CHECK_EQ(lock_order_depth(), 0);
}

TEST(more_than_eight_held_panics)
{
    rwlock_t p2m[LOCK_ORDER_DEPTH + 1];
    unsigned int i;

    for ( i = 0; i <= LOCK_ORDER_DEPTH; i++ )
        rwlock_init(&p2m[i], LOCK_P2M, i);
    for ( i = 0; i < LOCK_ORDER_DEPTH; i++ )
        read_lock(&p2m[i]);
    harness_log_clear();
    CHECK(HARNESS_PANICS(read_lock(&p2m[LOCK_ORDER_DEPTH])));
    CHECK(harness_log_contains("taking p2m lock (rank 3, d8) while holding 8 "
                               "locks, the most a CPU may"));
    while ( i-- > 0 )
        read_unlock(&p2m[i]);
    CHECK_EQ(lock_order_depth(), 0);
}

static spinlock_t held_elsewhere;
static int stage;
static unsigned int other_cpu;

static void *hold_heap(void *arg)
{
    other_cpu = smp_processor_id();
    spin_lock(&held_elsewhere);
    __atomic_store_n(&stage, 1, __ATOMIC_RELEASE);
    while ( __atomic_load_n(&stage, __ATOMIC_ACQUIRE) != 2 )
        sched_yield();
    spin_unlock(&held_elsewhere);

    return arg;
}

/* What another CPU holds does not constrain this one. */
TEST(each_cpu_has_its_own_locks)
{
    pthread_t t;
    rwlock_t p2m;

    spin_lock_init(&held_elsewhere, LOCK_HEAP, 0);
    rwlock_init(&p2m, LOCK_P2M, 1);
    stage = 0;
    CHECK_EQ(pthread_create(&t, NULL, hold_heap, NULL), 0);
    while ( __atomic_load_n(&stage, __ATOMIC_ACQUIRE) != 1 )
        sched_yield();

    CHECK(!HARNESS_PANICS(write_lock(&p2m)));
    CHECK_EQ(lock_order_depth(), 1);
    write_unlock(&p2m);
    __atomic_store_n(&stage, 2, __ATOMIC_RELEASE);
    pthread_join(t, NULL);

    CHECK_EQ(smp_processor_id(), 0);
    CHECK(other_cpu != 0);
    CHECK(!spin_is_locked(&held_elsewhere));
}

#else /* !CONFIG_DEBUG_LOCKS */

/* A release build: locks as they were before the checker, one word. */
BUILD_BUG_ON(sizeof(spinlock_t) != 4);
BUILD_BUG_ON(sizeof(rwlock_t) != 4);

TEST(release_build_has_no_checker)
{
    DEFINE_SPINLOCK(heap, LOCK_HEAP);
    spinlock_t page_alloc, zeroed;
    rwlock_t p2m;

    CHECK(!IS_ENABLED(CONFIG_DEBUG));
    CHECK_EQ(sizeof(spinlock_t), 4);
    CHECK_EQ(sizeof(rwlock_t), 4);

    spin_lock_init(&page_alloc, LOCK_PAGE_ALLOC, 1);
    rwlock_init(&p2m, LOCK_P2M, 1);
    memset(&zeroed, 0, sizeof(zeroed));

    /* Inverted, recursive (a read), unclassified: none of it is seen. */
    CHECK(!HARNESS_PANICS(spin_lock(&heap); spin_lock(&page_alloc);
                          read_lock(&p2m); read_lock(&p2m);
                          spin_lock(&zeroed)));
    CHECK_EQ(lock_order_depth(), 0);
    spin_unlock(&zeroed);
    read_unlock(&p2m);
    read_unlock(&p2m);
    spin_unlock(&page_alloc);
    spin_unlock(&heap);
    CHECK(!spin_is_locked(&heap) && !rw_is_locked(&p2m));
}

#endif /* CONFIG_DEBUG_LOCKS */

#ifdef CONFIG_DEBUG_LOCKS
HARNESS_MAIN("lock-order")
#else
HARNESS_MAIN("lock-order-release")
#endif
