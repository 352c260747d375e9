/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Read/write spinlocks: many readers or one writer. A waiting writer
 * stops new readers from coming in, so writers are not starved.
 *
 * One 32-bit word: bit 31 = a writer holds the lock, bit 30 = a writer
 * waits, bits 29:0 = the number of readers.
 *
 * Every lock has a class from the lock order (xen/lock-order.h); readers
 * and writers alike obey it. A CPU that reads a lock it already holds
 * would wait behind a waiting writer for good, so that is a violation
 * too.
 */
#ifndef XEN_RWLOCK_H
#define XEN_RWLOCK_H

#include <xen/lock-order.h>
#include <xen/types.h>
#include <asm/processor.h>

typedef struct rwlock {
    uint32_t cnts;
#ifdef CONFIG_DEBUG_LOCKS
    struct lock_debug debug;
#endif
} rwlock_t;

#define RW_WRITER  (1U << 31)
#define RW_WAITING (1U << 30)
#define RW_READERS (RW_WAITING - 1)

/* A lock of a global class (key 0). */
#define RW_LOCK_UNLOCKED(cls)                                                  \
    {                                                                          \
        .cnts = 0 LOCK_DEBUG_INIT(cls, 0)                                      \
    }
#define DEFINE_RWLOCK(l, cls) rwlock_t l = RW_LOCK_UNLOCKED(cls)

/* key: the domain id for a per-domain class, else 0. */
static inline void rwlock_init(rwlock_t *l, unsigned int cls, unsigned int key)
{
    l->cnts = 0;
    lock_debug_init(LOCK_DEBUG_OF(l), cls, key);
}

/* The bare attempts, which the lock order does not see. */
static inline bool raw_read_trylock(rwlock_t *l)
{
    uint32_t v = __atomic_load_n(&l->cnts, __ATOMIC_RELAXED);

    return !(v & (RW_WRITER | RW_WAITING)) &&
           __atomic_compare_exchange_n(&l->cnts, &v, v + 1, false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline bool raw_write_trylock(rwlock_t *l)
{
    uint32_t v = __atomic_load_n(&l->cnts, __ATOMIC_RELAXED);

    return !(v & (RW_WRITER | RW_READERS)) &&
           __atomic_compare_exchange_n(&l->cnts, &v, RW_WRITER, false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline bool read_trylock(rwlock_t *l)
{
    if ( !raw_read_trylock(l) )
        return false;

    lock_order_acquired_try(LOCK_DEBUG_OF(l));

    return true;
}

static inline void read_lock(rwlock_t *l)
{
    lock_order_acquire(LOCK_DEBUG_OF(l));
    while ( !raw_read_trylock(l) )
        arch_cpu_relax();
}

static inline void read_unlock(rwlock_t *l)
{
    lock_order_release(LOCK_DEBUG_OF(l));
    __atomic_fetch_sub(&l->cnts, 1, __ATOMIC_RELEASE);
}

static inline bool write_trylock(rwlock_t *l)
{
    if ( !raw_write_trylock(l) )
        return false;

    lock_order_acquired_try(LOCK_DEBUG_OF(l));

    return true;
}

static inline void write_lock(rwlock_t *l)
{
    lock_order_acquire(LOCK_DEBUG_OF(l));
    while ( !raw_write_trylock(l) )
    {
        /* Say a writer waits, so that new readers hold back. */
        __atomic_fetch_or(&l->cnts, RW_WAITING, __ATOMIC_RELAXED);
        arch_cpu_relax();
    }
}

static inline void write_unlock(rwlock_t *l)
{
    lock_order_release(LOCK_DEBUG_OF(l));
    __atomic_store_n(&l->cnts, 0, __ATOMIC_RELEASE);
}

static inline bool rw_is_locked(const rwlock_t *l)
{
    return __atomic_load_n(&l->cnts, __ATOMIC_RELAXED) &
           (RW_WRITER | RW_READERS);
}

static inline bool rw_is_write_locked(const rwlock_t *l)
{
    return __atomic_load_n(&l->cnts, __ATOMIC_RELAXED) & RW_WRITER;
}

#endif /* XEN_RWLOCK_H */
