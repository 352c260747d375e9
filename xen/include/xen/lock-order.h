/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The lock order, and its checker (docs/designs/lock-order.md).
 *
 * Every spinlock and rwlock belongs to a class. A class's rank is its
 * place in LOCK_CLASSES below, outermost first: a CPU may take a lock only
 * while every lock it holds has a lower rank, or is of the same class with
 * a lower key. The key of a per-domain class is the domain id, so two
 * domains' locks of one class are taken lower domain id first; a global
 * class has key 0, so two of its locks never nest.
 *
 * With CONFIG_DEBUG_LOCKS each CPU keeps a stack of the locks it holds,
 * every blocking acquire is checked against it (before it spins, so an
 * inversion is reported, not deadlocked on), and a violation panics naming
 * both locks. A trylock is not checked, as it cannot wait, but the lock it
 * takes is recorded, so what is taken under it is checked. Without the
 * option the locks carry no class and these hooks compile to nothing.
 */
#ifndef XEN_LOCK_ORDER_H
#define XEN_LOCK_ORDER_H

#include <xen/types.h>

/*
 * The order, outermost first: X(class, name, per_domain). Locks that do
 * not exist yet have their rank already, so that the code adding them
 * fits in. Keep docs/designs/lock-order.md in step (a host test compares).
 */
/* clang-format off */
#define LOCK_CLASSES(X)                                                        \
    X(GRANT_TABLE,    "grant_table lock",    true)                             \
    X(EVENT,          "event_lock",          true)                             \
    X(P2M,            "p2m lock",            true)                             \
    X(PAGE_ALLOC,     "page_alloc_lock",     true)                             \
    X(STATIC_POOL,    "static_lock",         false)                            \
    X(HEAP,           "heap_lock",           false)                            \
    X(EVTCHN,         "evtchn lock",         true)                             \
    X(VMID,           "vmid_lock",           false)                            \
    X(ASID,           "asid_lock",           false)                            \
    X(VCPU_CONTEXT,   "vcpu context_lock",   false)                            \
    X(DOMLIST,        "domlist_lock",        false)                            \
    X(DYING,          "dying_lock",          false)                            \
    X(RUNQ,           "runq_lock",           false)                            \
    X(DOMAIN_CONSOLE, "domain console_lock", true)                             \
    X(CONSOLE,        "console_lock",        false)
/* clang-format on */

#define LOCK_CLASS_ENUM(c, name, per_domain) LOCK_##c,

enum lock_class {
    LOCK_UNCLASSIFIED, /* rank 0: what a zeroed lock has; never valid */
    LOCK_CLASSES(LOCK_CLASS_ENUM) LOCK_NR_CLASSES
};

#undef LOCK_CLASS_ENUM

/* What a lock carries in debug builds: its class and key. */
struct lock_debug {
    uint16_t class; /* enum lock_class, which is also the rank */
    uint16_t key;   /* per-domain classes: the domain id; else 0 */
};

/* How many locks each CPU may hold at once (more is a panic). */
#define LOCK_ORDER_DEPTH 8

#ifdef CONFIG_DEBUG_LOCKS

#define LOCK_DEBUG_INIT(cls, k) , .debug = { .class = (cls), .key = (k) }
#define LOCK_DEBUG_OF(l)        (&(l)->debug)

static inline void lock_debug_init(struct lock_debug *ld, unsigned int class,
                                   unsigned int key)
{
    ld->class = class;
    ld->key = key;
}

/* Before a blocking acquire: check the order, then record the lock. */
void lock_order_acquire(struct lock_debug *ld);
/* After a trylock succeeded: record the lock (no order check). */
void lock_order_acquired_try(struct lock_debug *ld);
/* Before a release: forget the lock, wherever it is in the stack. */
void lock_order_release(struct lock_debug *ld);

/* How many locks this CPU holds. */
unsigned int lock_order_depth(void);

/*
 * Forget what this CPU took after it held depth locks: only for a panic
 * that was caught (the host test harness), whose locks stay as they were.
 */
void lock_order_unwind(unsigned int depth);

/* Stop checking, on every CPU, for good (panic(), before it prints). */
void lock_order_disable(void);

/* Break the order on purpose, which panics (selftest-lock-order). */
void __noreturn lock_order_selftest(void);

#else /* !CONFIG_DEBUG_LOCKS */

#define LOCK_DEBUG_INIT(cls, k)
#define LOCK_DEBUG_OF(l) ((struct lock_debug *)NULL)

static inline void lock_debug_init(struct lock_debug *ld, unsigned int class,
                                   unsigned int key)
{}

static inline void lock_order_acquire(struct lock_debug *ld)
{}

static inline void lock_order_acquired_try(struct lock_debug *ld)
{}

static inline void lock_order_release(struct lock_debug *ld)
{}

static inline unsigned int lock_order_depth(void)
{
    return 0;
}

static inline void lock_order_disable(void)
{}

#endif /* CONFIG_DEBUG_LOCKS */

#endif /* XEN_LOCK_ORDER_H */
