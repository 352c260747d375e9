/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of TLB flush generations (common/tlb-generation.c), the
 * protocol x86's P2M flush relies on: when tlb_gen_flush() returns, no
 * pCPU uses a translation cached before it was called.
 *
 * First step by step on pCPUs the test plays in turn (harness_cpu), a
 * kick played as the kicked pCPU's exit (harness_kick_hook). Then with
 * real host threads as pCPUs: each "guest" caches the translation of one
 * guest page (its TLB) and refills it only when its entry flushes; a
 * flusher remaps the page to a fresh frame, flushes and frees the old
 * frame. A guest that reads a freed frame has used a stale translation.
 * The same checker run on the protocol this replaced (one flag, consumed
 * by the first pCPU to enter) must catch it.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/tlb-generation.h>
#include "harness.h"

/* ---- Step by step ------------------------------------------------------- */

static unsigned int exits_played;

/* The kicked pCPU takes the interrupt: its guest exits. */
static void play_exit(unsigned int cpu)
{
    unsigned int me = harness_cpu;

    harness_cpu = cpu;
    tlb_gen_exit();
    harness_cpu = me;
    exits_played++;
}

/* The kicked pCPU exits and at once enters the same guest again. */
static struct tlb_generation *reenter_t;
static uint64_t reenter_flushed;
static bool reenter_flush;

static void play_exit_and_reenter(unsigned int cpu)
{
    unsigned int me = harness_cpu;

    harness_cpu = cpu;
    tlb_gen_exit();
    reenter_flush = tlb_gen_enter(reenter_t, &reenter_flushed);
    harness_cpu = me;
    exits_played++;
}

TEST(first_entry_flushes_then_only_after_a_flush)
{
    struct tlb_generation t;
    uint64_t flushed = TLB_GEN_NEVER;

    tlb_gen_init(&t);
    harness_cpu = 1;
    CHECK(tlb_gen_enter(&t, &flushed));
    tlb_gen_exit();
    CHECK(!tlb_gen_enter(&t, &flushed));
    tlb_gen_exit();

    /* pCPU 0 flushes while pCPU 1 is out of the guest: no kick. */
    harness_cpu = 0;
    tlb_gen_flush(&t);
    CHECK_EQ(harness_kicks[1], 0);
    CHECK_EQ(tlb_gen_waits(), 0);

    /* pCPU 1's next entry flushes, once. */
    harness_cpu = 1;
    CHECK(tlb_gen_enter(&t, &flushed));
    tlb_gen_exit();
    CHECK(!tlb_gen_enter(&t, &flushed));
    tlb_gen_exit();
}

TEST(flush_kicks_the_pcpus_in_the_guest_and_waits_for_their_exit)
{
    struct tlb_generation t;
    uint64_t f1 = TLB_GEN_NEVER, f2 = TLB_GEN_NEVER, f3 = TLB_GEN_NEVER;

    tlb_gen_init(&t);
    harness_kick_hook = play_exit;
    harness_cpu = 1;
    tlb_gen_enter(&t, &f1);
    harness_cpu = 2;
    tlb_gen_enter(&t, &f2);
    harness_cpu = 3;
    tlb_gen_enter(&t, &f3);
    tlb_gen_exit(); /* pCPU 3 is back in the hypervisor */

    harness_cpu = 0;
    tlb_gen_flush(&t);
    CHECK_EQ(harness_kicks[1], 1);
    CHECK_EQ(harness_kicks[2], 1);
    CHECK_EQ(harness_kicks[3], 0);
    CHECK_EQ(harness_kicks[0], 0);
    CHECK_EQ(exits_played, 2);
    CHECK_EQ(tlb_gen_waits(), 1);

    /* Every one of them flushes when it enters again. */
    harness_cpu = 1;
    CHECK(tlb_gen_enter(&t, &f1));
    harness_cpu = 2;
    CHECK(tlb_gen_enter(&t, &f2));
    harness_cpu = 3;
    CHECK(tlb_gen_enter(&t, &f3));
}

/* A pCPU in another domain's guest is none of this flush's business. */
TEST(flush_leaves_pcpus_in_other_guests_alone)
{
    struct tlb_generation t, other;
    uint64_t f = TLB_GEN_NEVER;

    tlb_gen_init(&t);
    tlb_gen_init(&other);
    harness_kick_hook = play_exit;
    harness_cpu = 1;
    tlb_gen_enter(&other, &f);

    harness_cpu = 0;
    tlb_gen_flush(&t);
    CHECK_EQ(harness_kicks[1], 0);
    CHECK_EQ(exits_played, 0);
}

/*
 * The kicked pCPU exits and enters again before the flusher looks: it
 * read the new generation, so it flushes at that entry, and the flusher
 * stops waiting although the pCPU is in the guest again.
 */
TEST(pcpu_that_reentered_with_the_new_generation_ends_the_wait)
{
    struct tlb_generation t;

    tlb_gen_init(&t);
    reenter_t = &t;
    reenter_flushed = TLB_GEN_NEVER;
    harness_kick_hook = play_exit_and_reenter;
    harness_cpu = 1;
    CHECK(tlb_gen_enter(&t, &reenter_flushed));

    harness_cpu = 0;
    tlb_gen_flush(&t);
    CHECK_EQ(harness_kicks[1], 1);
    CHECK(reenter_flush);
}

/* ---- Threads as pCPUs ---------------------------------------------------- */

#define GUESTS  3      /* pCPUs 1..GUESTS run the guest */
#define ROUNDS  3000   /* remaps of the guest page */
#define FRAMES  (ROUNDS + 1)
#define STAY    200    /* guest reads per stay, at most */

/* One way of keeping TLBs right: the new one, or the one it replaced. */
struct protocol {
    bool (*enter)(uint64_t *flushed);
    void (*exit)(void);
    void (*flush)(void);
};

static struct tlb_generation gen;
static uint64_t pte;             /* the frame the guest page maps */
static bool frame_live[FRAMES];  /* a frame is never reused once freed */
static bool irq_pending[CONFIG_NR_CPUS];
static bool stop;
static unsigned long stale_reads, guest_reads;
static const struct protocol *proto;

static bool gen_enter(uint64_t *flushed)
{
    return tlb_gen_enter(&gen, flushed);
}

static void gen_flush(void)
{
    tlb_gen_flush(&gen);
}

static const struct protocol generations = {
    .enter = gen_enter,
    .exit = tlb_gen_exit,
    .flush = gen_flush,
};

/* What x86 did before: a flag, cleared by the first pCPU that enters. */
static bool flush_on_entry;

static bool flag_enter(uint64_t *flushed)
{
    return __atomic_exchange_n(&flush_on_entry, false, __ATOMIC_ACQ_REL);
}

static void flag_exit(void)
{
}

static void flag_flush(void)
{
    __atomic_store_n(&flush_on_entry, true, __ATOMIC_RELEASE);
}

static const struct protocol one_flag = {
    .enter = flag_enter,
    .exit = flag_exit,
    .flush = flag_flush,
};

/* The kick: an interrupt the guest "takes" by exiting. */
static void kick_thread(unsigned int cpu)
{
    __atomic_store_n(&irq_pending[cpu], true, __ATOMIC_RELEASE);
}

static void *guest(void *arg)
{
    uint64_t flushed = TLB_GEN_NEVER, tlb = 0;
    bool tlb_valid = false;
    unsigned int i, stay = 1;

    harness_cpu = (uintptr_t)arg;
    while ( !__atomic_load_n(&stop, __ATOMIC_ACQUIRE) )
    {
        if ( proto->enter(&flushed) )
            tlb_valid = false;

        /* In the guest: until an interrupt is pending, or a while. */
        for ( i = 0; i < stay; i++ )
        {
            if ( __atomic_load_n(&irq_pending[harness_cpu], __ATOMIC_ACQUIRE) )
                break;
            if ( !tlb_valid )
            {
                tlb = __atomic_load_n(&pte, __ATOMIC_ACQUIRE); /* a walk */
                tlb_valid = true;
            }
            if ( !__atomic_load_n(&frame_live[tlb], __ATOMIC_ACQUIRE) )
                __atomic_fetch_add(&stale_reads, 1, __ATOMIC_RELAXED);
            __atomic_fetch_add(&guest_reads, 1, __ATOMIC_RELAXED);
        }

        proto->exit();
        __atomic_store_n(&irq_pending[harness_cpu], false, __ATOMIC_RELEASE);
        stay = stay % STAY + 7;
        sched_yield();
    }

    return NULL;
}

/* Remap the page ROUNDS times: new frame, flush, free the old one. */
static void run(const struct protocol *p)
{
    pthread_t th[GUESTS];
    unsigned int i, round;

    proto = p;
    tlb_gen_init(&gen);
    memset(frame_live, 0, sizeof(frame_live));
    frame_live[0] = true;
    pte = 0;
    harness_kick_hook = kick_thread;
    harness_cpu = 0;

    for ( i = 0; i < GUESTS; i++ )
        if ( pthread_create(&th[i], NULL, guest, (void *)(uintptr_t)(i + 1)) )
            abort();

    for ( round = 1; round < FRAMES; round++ )
    {
        uint64_t old = pte, reads = guest_reads + GUESTS;

        /* The guests read between any two remaps. */
        while ( __atomic_load_n(&guest_reads, __ATOMIC_ACQUIRE) < reads )
            sched_yield();

        __atomic_store_n(&frame_live[round], true, __ATOMIC_RELEASE);
        __atomic_store_n(&pte, round, __ATOMIC_RELEASE);
        p->flush();
        /* Released: nothing may reach it now. */
        __atomic_store_n(&frame_live[old], false, __ATOMIC_RELEASE);
    }

    __atomic_store_n(&stop, true, __ATOMIC_RELEASE);
    for ( i = 0; i < GUESTS; i++ )
        pthread_join(th[i], NULL);
}

TEST(threads_never_read_a_released_frame)
{
    run(&generations);
    CHECK(guest_reads > 0);
    CHECK_EQ(stale_reads, 0);
}

TEST(threads_catch_the_old_one_flag_protocol)
{
    run(&one_flag);
    CHECK(guest_reads > 0);
    CHECK(stale_reads > 0);
}

HARNESS_MAIN("tlb-generation")
