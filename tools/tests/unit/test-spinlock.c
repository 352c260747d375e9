/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the ticket spinlock (xen/include/xen/spinlock.h): mutual
 * exclusion between real threads, trylock, and the ticket wrap at 16 bits.
 */
#include <pthread.h>
#include <stdlib.h>

#include <xen/spinlock.h>
#include "harness.h"

#define THREADS 3
#define ROUNDS  20000

static DEFINE_SPINLOCK(lock, LOCK_HEAP);
static volatile unsigned long counter;

static void *worker(void *arg)
{
    unsigned int i;

    for ( i = 0; i < ROUNDS; i++ )
    {
        spin_lock(&lock);
        /* A non-atomic read-modify-write: lost updates if not exclusive. */
        counter = counter + 1;
        spin_unlock(&lock);
    }

    return arg;
}

TEST(mutual_exclusion)
{
    pthread_t t[THREADS];
    unsigned int i;

    counter = 0;
    for ( i = 0; i < THREADS; i++ )
        CHECK_EQ(pthread_create(&t[i], NULL, worker, NULL), 0);
    for ( i = 0; i < THREADS; i++ )
        pthread_join(t[i], NULL);

    CHECK_EQ(counter, (unsigned long)THREADS * ROUNDS);
    CHECK(!spin_is_locked(&lock));
}

TEST(trylock)
{
    spinlock_t l;

    spin_lock_init(&l, LOCK_HEAP, 0);
    CHECK(spin_trylock(&l));
    CHECK(spin_is_locked(&l));
    CHECK(!spin_trylock(&l));
    spin_unlock(&l);
    CHECK(!spin_is_locked(&l));
    CHECK(spin_trylock(&l));
    spin_unlock(&l);
}

TEST(ticket_wraparound)
{
    spinlock_t l;
    unsigned int i;

    spin_lock_init(&l, LOCK_HEAP, 0);
    for ( i = 0; i < 70000; i++ )
    {
        spin_lock(&l);
        CHECK(spin_is_locked(&l));
        spin_unlock(&l);
        if ( spin_is_locked(&l) )
        {
            CHECK(!spin_is_locked(&l));
            break;
        }
    }
    CHECK(spin_trylock(&l));
    spin_unlock(&l);
}

TEST(irqsave_restores)
{
    unsigned long flags;

    harness_irq_disabled = 0;
    spin_lock_irqsave(&lock, flags);
    CHECK_EQ(harness_irq_disabled, 1);
    spin_unlock_irqrestore(&lock, flags);
    CHECK_EQ(harness_irq_disabled, 0);
}

HARNESS_MAIN("spinlock")
