/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of blocking and of kicking pCPUs (common/schedule.c,
 * common/smp.c): SCHEDOP_block and vcpu_unblock()/vcpu_kick() in every
 * order the harness can play on two pCPUs, idle pCPUs kicked when a vCPU
 * is queued for them, and the pCPUs of a domain that shuts down kicked
 * so that its vCPUs leave at once. The "heap" domain's two vCPUs run on
 * pCPUs 0 and 1, which the test plays in turn (harness_cpu); kicks are
 * counted per pCPU by the harness (harness_kicks[]).
 */
#include <string.h>

#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <public/sched.h>
#include <public/xen.h>
#include "harness.h"
#include "domain-fixture.h"

#define PC0 0x4000 /* where the guest's trapping instruction is */

/* The "heap" domain: vCPU 0 on pCPU 0, vCPU 1 on pCPU 1. */
static struct domain *two_running(void)
{
    struct domain *d;

    domain_fixture_boot();
    d = domain_fixture_build(1, "/chosen/heap");
    CHECK(d && d->max_vcpus == 2);
    if ( !d || d->max_vcpus != 2 )
        return NULL;

    CHECK_EQ(vcpu_up(d->vcpu[0], NULL, NULL), 0);
    CHECK(domain_fixture_schedule_on(0) == d->vcpu[0]);
    CHECK_EQ(vcpu_up(d->vcpu[1], NULL, NULL), 0);
    CHECK(domain_fixture_schedule_on(1) == d->vcpu[1]);

    return d;
}

/* v traps with SCHEDOP_block: the handler only (PC moved past the trap). */
static void block_handler(struct vcpu *v)
{
    uint64_t *r = v->arch.regs.r;
    static const unsigned int args[] = HARNESS_REG_ARGS;

    harness_cpu = v->processor;
    r[HARNESS_REG_NR] = __HYPERVISOR_sched_op;
    r[args[0]] = SCHEDOP_block;
    r[HARNESS_REG_RES] = 0x5a5a;
    r[HARNESS_REG_PC] = PC0 + HARNESS_TRAP_LEN;
    hypercall_trap(v);
}

/* The leave path of v's exit, on its pCPU: what runs there afterwards. */
static struct vcpu *leave(struct vcpu *v)
{
    harness_cpu = v->processor;
    HARNESS_RUN(harness_leave(v));

    return current_vcpu();
}

TEST(block_then_unblock_wakes)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;

    if ( !d )
        return;

    /* vCPU 1 blocks: off pCPU 1, not queued; pCPU 1 idles. */
    block_handler(v1);
    CHECK(leave(v1) == NULL);
    CHECK(v1->blocked && !v1->queued && !v1->running);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK(!schedule_has_waiting());

    /* Still blocked after another pass of pCPU 1. */
    CHECK(domain_fixture_schedule_on(1) == NULL);
    CHECK(v1->blocked);

    /* vCPU 0 (pCPU 0) wakes it: queued, and idle pCPU 1 is kicked. */
    harness_cpu = 0;
    vcpu_unblock(v1);
    CHECK(!v1->blocked && v1->queued);
    CHECK_EQ(harness_kicks[1], 1);
    CHECK_EQ(harness_kicks[0], 0);
    CHECK(domain_fixture_schedule_on(1) == v1);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], PC0 + HARNESS_TRAP_LEN);

    /* A second unblock, with nothing blocked, is only remembered. */
    harness_cpu = 0;
    vcpu_unblock(v1);
    CHECK(v1->wake_pending && v1->running && !v1->queued);
    CHECK_EQ(harness_kicks[1], 1);
}

TEST(unblock_before_block_does_not_block)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;

    if ( !d )
        return;

    harness_cpu = 0;
    vcpu_unblock(v1);
    CHECK(v1->wake_pending);

    /* The block consumes the wake-up and returns into the guest. */
    block_handler(v1);
    CHECK(!v1->blocked && !v1->wake_pending && !v1->yield_asked);
    CHECK(leave(v1) == v1);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_RES], 0);

    /* One wake-up, one return: the next block blocks. */
    block_handler(v1);
    CHECK(leave(v1) == NULL);
    CHECK(v1->blocked);
}

/*
 * vCPU 0 unblocks vCPU 1 at one point of vCPU 1's way off its pCPU:
 * before the SCHEDOP_block handler (0), between the handler and the leave
 * path (1), after the leave path (2); with vcpu_unblock() or with
 * vcpu_kick(). Whichever, vCPU 1 must run again, queued at most once,
 * and after that block for real when it next blocks.
 */
static void interleaving(unsigned int at, bool kick)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL, *on1 = NULL;
    unsigned int step;

    if ( !d )
        return;

    for ( step = 0; step <= 2; step++ )
    {
        if ( step == at )
        {
            harness_cpu = 0;
            if ( kick )
                vcpu_kick(v1);
            else
                vcpu_unblock(v1);
        }
        if ( step == 0 )
            block_handler(v1);
        else if ( step == 1 )
            on1 = leave(v1);
    }

    switch ( at )
    {
    case 0: /* the wake-up was pending: no block at all */
        CHECK(on1 == v1);
        CHECK(!v1->wake_pending);
        /* vcpu_kick() also kicked pCPU 1, where v1 was running. */
        CHECK_EQ(harness_kicks[1], kick);
        break;
    case 1: /* unblocked on its way out: its leave path requeues it */
        CHECK(on1 == v1);
        CHECK_EQ(harness_kicks[1], kick);
        break;
    case 2: /* off its pCPU: queued, and idle pCPU 1 kicked */
        CHECK(on1 == NULL);
        CHECK(v1->queued && !v1->blocked);
        CHECK_EQ(harness_kicks[1], 1);
        CHECK(domain_fixture_schedule_on(1) == v1);
        break;
    }
    CHECK(v1->running && !v1->queued && !v1->blocked);
    CHECK(!schedule_has_waiting()); /* queued once, not twice */
    CHECK_EQ(harness_kicks[0], 0);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_RES], 0);

    /* The wake-up was used up: the next block blocks. */
    block_handler(v1);
    CHECK(leave(v1) == NULL);
    CHECK(v1->blocked && !v1->queued);
}

TEST(unblock_before_the_block_handler)
{
    interleaving(0, false);
}

TEST(unblock_between_handler_and_leave_path)
{
    interleaving(1, false);
}

TEST(unblock_after_the_leave_path)
{
    interleaving(2, false);
}

TEST(kick_before_the_block_handler)
{
    interleaving(0, true);
}

TEST(kick_between_handler_and_leave_path)
{
    interleaving(1, true);
}

TEST(kick_after_the_leave_path)
{
    interleaving(2, true);
}

/*
 * A blocked vCPU is not queued again by anything but vcpu_unblock(): a
 * wake (vcpu_wake()) and a yielding leave path leave it alone.
 */
TEST(blocked_vcpu_stays_off_the_queue)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;

    if ( !d )
        return;

    block_handler(v1);
    CHECK(leave(v1) == NULL);
    harness_cpu = 0;
    vcpu_wake(v1);
    CHECK(!v1->queued);
    CHECK_EQ(harness_kicks[1], 0);
}

/*
 * An idle pCPU is kicked when a vCPU is queued for it, one idle pCPU per
 * vCPU (the calling pCPU never); with no idle pCPU left nobody is.
 */
TEST(idle_pcpus_kicked_when_vcpus_are_queued)
{
    struct domain *d1, *d2;

    domain_fixture_boot();
    if ( !domain_fixture_build_two(&d1, &d2) )
        return;

    /* pCPUs 0, 1 and 2 find nothing and idle. */
    CHECK(domain_fixture_schedule_on(0) == NULL);
    CHECK(domain_fixture_schedule_on(1) == NULL);
    CHECK(domain_fixture_schedule_on(2) == NULL);

    /* From pCPU 0 (woken by something else): each vCPU kicks one. */
    harness_cpu = 0;
    CHECK_EQ(vcpu_up(d1->vcpu[0], NULL, NULL), 0);
    CHECK_EQ(harness_kicks[1] + harness_kicks[2], 1);
    CHECK_EQ(vcpu_up(d2->vcpu[0], NULL, NULL), 0);
    CHECK_EQ(harness_kicks[1], 1);
    CHECK_EQ(harness_kicks[2], 1);

    /* A third vCPU finds no idle pCPU but this one: no kick. */
    CHECK_EQ(vcpu_up(d1->vcpu[1], NULL, NULL), 0);
    CHECK_EQ(harness_kicks[0] + harness_kicks[1] + harness_kicks[2], 2);

    /* The kicked pCPUs and this one run them, in queue order. */
    CHECK(domain_fixture_schedule_on(1) == d1->vcpu[0]);
    CHECK(domain_fixture_schedule_on(2) == d2->vcpu[0]);
    CHECK(domain_fixture_schedule_on(0) == d1->vcpu[1]);
    CHECK(!schedule_has_waiting());
}

/*
 * A domain shuts down while its vCPUs run on two pCPUs: the other pCPU
 * is kicked (so its vCPU leaves now, not at its next tick), the calling
 * one is not; each leave path then stops its vCPU, and the last to leave
 * makes the domain stopped.
 */
TEST(shutdown_kicks_the_pcpus_running_the_domain)
{
    struct domain *d = two_running();

    if ( !d )
        return;

    harness_cpu = 0;
    domain_shutdown(d, SHUTDOWN_poweroff);
    CHECK_EQ(harness_kicks[1], 1);
    CHECK_EQ(harness_kicks[0], 0);
    CHECK(!d->is_stopped);

    /* pCPU 1 takes the kick: its leave path stops vCPU 1. */
    CHECK(leave(d->vcpu[1]) == NULL);
    CHECK(!d->vcpu[1]->running && !d->vcpu[1]->queued);
    CHECK(!d->is_stopped);

    /* The last one: the domain stops, and is taken apart (and freed). */
    CHECK(leave(d->vcpu[0]) == NULL);
    CHECK(!schedule_has_waiting());
}

/* A vCPU kicked while it runs elsewhere: its pCPU gets the interrupt. */
TEST(kick_reaches_the_pcpu_a_vcpu_runs_on)
{
    struct domain *d = two_running();

    if ( !d )
        return;

    harness_cpu = 0;
    vcpu_kick(d->vcpu[1]);
    CHECK_EQ(harness_kicks[1], 1);
    vcpu_kick(d->vcpu[0]); /* itself: no interrupt */
    CHECK_EQ(harness_kicks[0], 0);
    CHECK(leave(d->vcpu[1]) == d->vcpu[1]);
}

HARNESS_MAIN("vcpu-block")
