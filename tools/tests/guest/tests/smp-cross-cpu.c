/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Cross-CPU work, seen from an SMP guest. Needs a vCPU 1 and our debug
 * builds' test_op (public/test-op.h), which kicks a vCPU the way an
 * event will and changes the P2M the way memory_op will; without them
 * (upstream Xen, release builds, one vCPU) the test only says so.
 *
 * vCPU 1 is started and, with vCPU 0:
 * 1. blocks (SCHEDOP_block) after vCPU 0 kicked it: the pending wake-up
 *    makes the block return at once;
 * 2. blocks with nothing pending: it stays blocked while vCPU 0 waits,
 *    and runs again when vCPU 0 kicks it. vCPU 0 waits for it without
 *    giving up its pCPU first: with a second pCPU idle, that one must be
 *    woken to run vCPU 1 (reported as woken_on_another_pcpu; the runner,
 *    which knows the machine, checks it);
 * 3. blocks and is kicked ROUNDS times, the kick landing before, during
 *    or after the block: no wake-up may be lost;
 * 4. reads a page in a loop while vCPU 0 swaps the frames behind it and
 *    behind a second page SWAPS times, writing the round number into the
 *    frame that is to appear: once a swap has returned (and vCPU 0 said
 *    so), vCPU 1 must never read an older round: it would be reading
 *    through a stale translation (on x86, the flush generation's kick
 *    and wait prevent it; on arm64, the broadcast TLB invalidation).
 * Then vCPU 1 stops.
 */
#include <xtest.h>
#include <public/sched.h>
#include <public/test-op.h>

#define ROUNDS  100
#define SWAPS   200   /* even: the pages end where they started */
#define WAIT_MS 5000  /* per step, before the other vCPU counts as lost */
#define SPINS   1000  /* checks between two looks at the clock */

/* Shared between the vCPUs; each field written by one side only. */
static volatile unsigned long phase;     /* vCPU 0: what vCPU 1 does */
static volatile unsigned long announced; /* vCPU 1: about to block */
static volatile unsigned long returned;  /* vCPU 1: block returned */
static volatile unsigned long done;      /* vCPU 0: swaps finished */
static volatile unsigned long stop;      /* vCPU 0: stop reading */
static volatile unsigned long stale, reads, finished;

/* The two pages whose frames are swapped. */
static volatile unsigned long page_a[512] __attribute__((aligned(4096)));
static volatile unsigned long page_b[512] __attribute__((aligned(4096)));

static long block(void)
{
    return hypercall_sched_op(SCHEDOP_block, NULL);
}

static long kick_vcpu1(void)
{
    return hypercall_test_op(TESTOP_vcpu_kick, 1, 0);
}

static unsigned long gfn(volatile void *p)
{
    return (unsigned long)p >> 12; /* identity: MMU off, or 1:1 tables */
}

/*
 * Until *p >= want: spin, and (if may_yield) yield now and then, in case
 * the other vCPU needs this pCPU. False after WAIT_MS.
 */
static bool wait_for(volatile unsigned long *p, unsigned long want,
                     bool may_yield)
{
    unsigned long start = arch_cycles();
    unsigned long limit = WAIT_MS * arch_cycles_per_ms();
    unsigned int i;

    for ( ;; )
    {
        for ( i = 0; i < SPINS; i++ )
            if ( *p >= want )
            {
                arch_mb();
                return true;
            }
        if ( arch_cycles() - start > limit )
            return false;
        if ( may_yield )
            hypercall_sched_op(SCHEDOP_yield, NULL);
    }
}

/* A while, spinning and yielding, for vCPU 1 to do what it would. */
static void pause_ms(unsigned long ms)
{
    unsigned long start = arch_cycles(), limit = ms * arch_cycles_per_ms();

    while ( arch_cycles() - start < limit )
        hypercall_sched_op(SCHEDOP_yield, NULL);
}

static void reader(void)
{
    unsigned long r, v;

    while ( !stop )
    {
        r = done;
        arch_mb(); /* done before the page: the swap it names is over */
        v = page_a[0];
        if ( v < r )
            stale = stale + 1;
        reads = reads + 1;
    }
}

/* vCPU 1. */
static void secondary(unsigned long context)
{
    unsigned long n = 0, r;

    /* 1 and 2: one block each, once vCPU 0 says. */
    for ( ; n < 2; n++ )
    {
        while ( phase <= n )
            ;
        arch_mb();
        announced = n + 1;
        arch_mb();
        block();
        returned = n + 1;
    }

    /* 3: a block per round, as fast as it goes. */
    for ( r = 1; r <= ROUNDS; r++ )
    {
        announced = 2 + r;
        arch_mb();
        block();
        arch_mb();
        returned = 2 + r;
    }

    /* 4 */
    while ( phase < 4 )
        ;
    reader();
    arch_mb();
    finished = 1;
    xtest_vcpu1_stop();
}

static void swap_rounds(void)
{
    unsigned int round, failed = 0;
    long rc;

    page_a[0] = 0;
    page_b[0] = 0;
    arch_mb();
    phase = 4;
    for ( round = 1; round <= SWAPS; round++ )
    {
        /* The frame behind B becomes A's: give it this round. */
        page_b[0] = round;
        arch_mb();
        rc = hypercall_test_op(TESTOP_swap_gfns, gfn(page_a), gfn(page_b));
        if ( rc )
            failed++;
        arch_mb();
        done = round;
        if ( round % 8 == 0 )
            pause_ms(1); /* on one pCPU, let vCPU 1 read too */
    }
    arch_mb();
    stop = 1;

    CHECK_EQ("swap.failed", failed, 0);
    CHECK_EQ("swap.reader_finished", wait_for(&finished, 1, true), 1);
    CHECK_EQ("swap.stale_reads", stale, 0);
    CHECK_EQ("swap.read", reads > 0, 1);
    CHECK_EQ("swap.page_a_back", page_a[0], SWAPS);
}

XTEST(smp_cross_cpu, "smp-cross-cpu",
      "SCHEDOP_block and kicks between vCPUs; P2M changes under a reader")
{
    unsigned long r;
    bool prompt;
    long rc;

    /* test_op probed with a vCPU that cannot exist. */
    if ( hypercall_test_op(TESTOP_vcpu_kick, 0xffff, 0) != -XEN_ENOENT ||
         xtest_start_vcpu1(secondary, 0) )
    {
        xtest_info("ran", 0);
        return;
    }

    /* 1: the kick comes first; the block returns at once. */
    CHECK_EQ("pending.kick", kick_vcpu1(), 0);
    arch_mb();
    phase = 1;
    CHECK_EQ("pending.block_returned", wait_for(&returned, 1, true), 1);

    /* 2: nothing pending: it stays blocked until kicked. */
    phase = 2;
    if ( !wait_for(&announced, 2, true) )
        xtest_failure("vCPU 1 did not get to its second block");
    pause_ms(50);
    CHECK_EQ("idle.stayed_blocked", returned, 1);
    rc = kick_vcpu1();
    prompt = wait_for(&returned, 2, false);
    CHECK_EQ("idle.kick_woke", prompt || wait_for(&returned, 2, true), 1);
    xtest_info("woken_on_another_pcpu", prompt);
    CHECK_EQ("idle.kick", rc, 0);

    /* 3: kicks racing blocks; varied delays move the kick around. */
    for ( r = 1; r <= ROUNDS; r++ )
    {
        if ( !wait_for(&announced, 2 + r, true) )
            break;
        if ( r % 3 == 1 )
            pause_ms(1);
        if ( kick_vcpu1() || !wait_for(&returned, 2 + r, true) )
            break;
    }
    CHECK_EQ("race.rounds", r - 1, ROUNDS);

    /* 4 */
    swap_rounds();
}
