/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ticket spinlocks: fair (first come, first served), one 32-bit word.
 * The low half is the ticket being served, the high half the next ticket
 * to hand out. Both architectures are little-endian.
 *
 * Every lock has a class from the lock order (xen/lock-order.h), given
 * where it is defined or initialised; debug builds check the order.
 */
#ifndef XEN_SPINLOCK_H
#define XEN_SPINLOCK_H

#include <xen/lock-order.h>
#include <xen/types.h>
#include <asm/processor.h>
#include <asm/system.h>

typedef struct spinlock {
    uint32_t tickets;
#ifdef CONFIG_DEBUG_LOCKS
    struct lock_debug debug;
#endif
} spinlock_t;

/* A lock of a global class (key 0). */
#define SPIN_LOCK_UNLOCKED(cls)                                                \
    {                                                                          \
        .tickets = 0 LOCK_DEBUG_INIT(cls, 0)                                   \
    }
#define DEFINE_SPINLOCK(l, cls) spinlock_t l = SPIN_LOCK_UNLOCKED(cls)

#define TICKET_SHIFT 16

/* key: the domain id for a per-domain class, else 0. */
static inline void spin_lock_init(spinlock_t *l, unsigned int cls,
                                  unsigned int key)
{
    l->tickets = 0;
    lock_debug_init(LOCK_DEBUG_OF(l), cls, key);
}

static inline void spin_lock(spinlock_t *l)
{
    uint32_t old;
    uint16_t mine;

    lock_order_acquire(LOCK_DEBUG_OF(l));
    old = __atomic_fetch_add(&l->tickets, 1U << TICKET_SHIFT, __ATOMIC_ACQUIRE);
    mine = old >> TICKET_SHIFT;

    while ( (uint16_t)__atomic_load_n(&l->tickets, __ATOMIC_ACQUIRE) != mine )
        arch_cpu_relax();
}

static inline bool spin_trylock(spinlock_t *l)
{
    uint32_t old = __atomic_load_n(&l->tickets, __ATOMIC_RELAXED);

    if ( (uint16_t)old != (uint16_t)(old >> TICKET_SHIFT) )
        return false;

    if ( !__atomic_compare_exchange_n(&l->tickets, &old,
                                      old + (1U << TICKET_SHIFT), false,
                                      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED) )
        return false;

    lock_order_acquired_try(LOCK_DEBUG_OF(l));

    return true;
}

static inline void spin_unlock(spinlock_t *l)
{
    /* Only the holder writes the low half: bump it without a carry out. */
    uint32_t cur = __atomic_load_n(&l->tickets, __ATOMIC_RELAXED);
    uint16_t next = (uint16_t)cur + 1;

    lock_order_release(LOCK_DEBUG_OF(l));
    __atomic_store_n((uint16_t *)&l->tickets, next, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(const spinlock_t *l)
{
    uint32_t v = __atomic_load_n(&l->tickets, __ATOMIC_RELAXED);

    return (uint16_t)v != (uint16_t)(v >> TICKET_SHIFT);
}

#define spin_lock_irqsave(l, flags)                                            \
    do                                                                         \
    {                                                                          \
        (flags) = arch_local_irq_save();                                       \
        spin_lock(l);                                                          \
    } while ( 0 )

#define spin_unlock_irqrestore(l, flags)                                       \
    do                                                                         \
    {                                                                          \
        spin_unlock(l);                                                        \
        arch_local_irq_restore(flags);                                         \
    } while ( 0 )

#endif /* XEN_SPINLOCK_H */
