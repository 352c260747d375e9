/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Read/write spinlocks: many readers or one writer. A waiting writer
 * stops new readers from coming in, so writers are not starved.
 *
 * One 32-bit word: bit 31 = a writer holds the lock, bit 30 = a writer
 * waits, bits 29:0 = the number of readers.
 */
#ifndef XEN_RWLOCK_H
#define XEN_RWLOCK_H

#include <xen/types.h>
#include <asm/processor.h>

typedef struct rwlock {
    uint32_t cnts;
} rwlock_t;

#define RW_WRITER  (1U << 31)
#define RW_WAITING (1U << 30)
#define RW_READERS (RW_WAITING - 1)

#define RW_LOCK_UNLOCKED                                                       \
    {                                                                          \
        0                                                                      \
    }
#define DEFINE_RWLOCK(l) rwlock_t l = RW_LOCK_UNLOCKED

static inline void rwlock_init(rwlock_t *l)
{
    l->cnts = 0;
}

static inline bool read_trylock(rwlock_t *l)
{
    uint32_t v = __atomic_load_n(&l->cnts, __ATOMIC_RELAXED);

    return !(v & (RW_WRITER | RW_WAITING)) &&
           __atomic_compare_exchange_n(&l->cnts, &v, v + 1, false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void read_lock(rwlock_t *l)
{
    while ( !read_trylock(l) )
        arch_cpu_relax();
}

static inline void read_unlock(rwlock_t *l)
{
    __atomic_fetch_sub(&l->cnts, 1, __ATOMIC_RELEASE);
}

static inline bool write_trylock(rwlock_t *l)
{
    uint32_t v = __atomic_load_n(&l->cnts, __ATOMIC_RELAXED);

    return !(v & (RW_WRITER | RW_READERS)) &&
           __atomic_compare_exchange_n(&l->cnts, &v, RW_WRITER, false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void write_lock(rwlock_t *l)
{
    while ( !write_trylock(l) )
    {
        /* Say a writer waits, so that new readers hold back. */
        __atomic_fetch_or(&l->cnts, RW_WAITING, __ATOMIC_RELAXED);
        arch_cpu_relax();
    }
}

static inline void write_unlock(rwlock_t *l)
{
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
