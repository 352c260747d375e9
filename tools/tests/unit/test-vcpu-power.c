/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of starting and stopping vCPUs (common/schedule.c: vcpu_up,
 * vcpu_down, vcpu_is_up), which PSCI CPU_ON, CPU_OFF and AFFINITY_INFO
 * (and VCPUOP_up/is_up) are made of. A two-vCPU domain runs on two pCPUs
 * that the test plays in turn (harness_cpu), so that another vCPU's
 * calls can land at every point of a vCPU's way off its pCPU: the
 * handler's vcpu_down(), then the leave path's schedule(). Whatever the
 * interleaving, AFFINITY_INFO may say OFF only when CPU_ON can start the
 * vCPU, and a CPU_ON that succeeds must see the vCPU run again, from the
 * entry point it gave.
 */
#include <string.h>

#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/smp.h>
#include "harness.h"
#include "domain-fixture.h"

#define ENTRY   0x8000 /* where CPU_ON starts the vCPU */
#define RUNNING 0x4000 /* where the vCPU was when it called CPU_OFF */

static const unsigned int arg_reg[] = HARNESS_REG_ARGS;

/* What an architecture's CPU_ON does: PC = entry, first argument = *arg. */
static void cpu_on_reset(struct vcpu *v, const void *arg)
{
    memset(&v->arch.regs, 0, sizeof(v->arch.regs));
    v->arch.regs.r[HARNESS_REG_PC] = ENTRY;
    v->arch.regs.r[arg_reg[0]] = *(const uint64_t *)arg;
}

/* PSCI's answers, from the common calls. */
#define AFFINITY_ON  0
#define AFFINITY_OFF 1

static int affinity_info(const struct vcpu *v)
{
    return vcpu_is_up(v) ? AFFINITY_ON : AFFINITY_OFF;
}

static int cpu_on(struct vcpu *v, uint64_t context)
{
    return vcpu_up(v, cpu_on_reset, &context);
}

/*
 * The "heap" domain (two vCPUs) started: vCPU 0 on pCPU 0, vCPU 1 (with
 * CPU_ON, context 1) on pCPU 1.
 */
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

    /* Never started: OFF, and CPU_ON starts it. */
    CHECK_EQ(affinity_info(d->vcpu[1]), AFFINITY_OFF);
    CHECK_EQ(cpu_on(d->vcpu[1], 1), 0);
    CHECK_EQ(affinity_info(d->vcpu[1]), AFFINITY_ON);
    CHECK(domain_fixture_schedule_on(1) == d->vcpu[1]);
    CHECK_EQ(d->vcpu[1]->arch.regs.r[HARNESS_REG_PC], ENTRY);

    return d;
}

/* vCPU v, on pCPU 1, has just trapped with CPU_OFF at RUNNING. */
static void call_cpu_off(struct vcpu *v)
{
    CHECK(v->running && v->processor == 1);
    v->arch.regs.r[HARNESS_REG_PC] = RUNNING;
    harness_cpu = 1;
    vcpu_down(v);
}

/*
 * The defect as Linux's CPU hotplug meets it: vCPU 1 calls CPU_OFF; vCPU 0
 * polls AFFINITY_INFO until it says OFF and then at once calls CPU_ON,
 * which must succeed and bring vCPU 1 back. Here vCPU 0's polls come
 * while vCPU 1 is still on its pCPU (its handler has run, the leave path
 * has not), and again after it has left: whichever poll says OFF first,
 * the CPU_ON that follows must end with vCPU 1 running from its entry
 * point. (This protocol answers ON until vCPU 1 has left.)
 */
static void poll_then_cpu_on(struct vcpu *v, bool *started)
{
    harness_cpu = 0;
    if ( !*started && affinity_info(v) == AFFINITY_OFF )
    {
        CHECK_EQ(cpu_on(v, 0xc0ffee), 0);
        *started = true;
    }
}

TEST(cpu_on_right_after_affinity_info_says_off)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;
    bool started = false;

    if ( !d )
        return;

    call_cpu_off(v1);
    poll_then_cpu_on(v1, &started);
    poll_then_cpu_on(v1, &started);

    /* pCPU 1's leave path takes vCPU 1 off it. */
    harness_cpu = 1;
    HARNESS_RUN(schedule(false));
    poll_then_cpu_on(v1, &started);
    CHECK(started);

    /* Queued, and the idle pCPU 1 runs it: at the entry point, context. */
    CHECK(v1->queued);
    CHECK(domain_fixture_schedule_on(1) == v1);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], ENTRY);
    CHECK_EQ(v1->arch.regs.r[arg_reg[0]], 0xc0ffee);
    CHECK(!vcpu_must_stop(v1));
}

/*
 * Every place vCPU 0's AFFINITY_INFO and CPU_ON can take among vCPU 1's
 * two steps off its pCPU (0: before CPU_OFF, 1: between the handler and
 * the leave path, 2: after), the AFFINITY_INFO first. Each answer must
 * be the truth: ON until vCPU 1 has left, and a CPU_ON refused (the vCPU
 * untouched) until then; then OFF, and CPU_ON starts it. Linux retries a
 * refused CPU_ON once AFFINITY_INFO says OFF: vCPU 1 must always end up
 * running from the entry point of the CPU_ON that succeeded.
 */
TEST(cpu_off_and_cpu_on_in_every_interleaving)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;
    unsigned int probe_at, on_at, step;
    uint64_t context = 0x100;

    if ( !d )
        return;

    for ( probe_at = 0; probe_at <= 2; probe_at++ )
        for ( on_at = probe_at; on_at <= 2; on_at++ )
        {
            int probe = -1, on = -1;

            context++;
            for ( step = 0; step <= 2; step++ )
            {
                harness_cpu = 0;
                if ( step == probe_at )
                    probe = affinity_info(v1);
                if ( step == on_at )
                {
                    on = cpu_on(v1, context);
                    if ( on )
                        CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC],
                                 step ? RUNNING : ENTRY);
                }
                if ( step == 0 )
                {
                    call_cpu_off(v1);
                    CHECK(vcpu_must_stop(v1));
                }
                else if ( step == 1 )
                    CHECK(domain_fixture_schedule_on(1) == NULL);
            }

            CHECK_EQ(probe, probe_at < 2 ? AFFINITY_ON : AFFINITY_OFF);
            CHECK_EQ(on, on_at < 2 ? -EBUSY : 0);
            if ( probe == AFFINITY_OFF )
                CHECK_EQ(on, 0);

            /* A refused CPU_ON is made again, once vCPU 1 reads as OFF. */
            harness_cpu = 0;
            if ( on )
            {
                CHECK_EQ(affinity_info(v1), AFFINITY_OFF);
                CHECK_EQ(cpu_on(v1, context), 0);
            }
            CHECK(v1->queued);
            CHECK(domain_fixture_schedule_on(1) == v1);
            CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], ENTRY);
            CHECK_EQ(v1->arch.regs.r[arg_reg[0]], context);
        }
}

/*
 * Two CPU_ONs of one vCPU at once: while the first sets up the vCPU's
 * state (here, inside its reset), the vCPU reads as ON and the second is
 * refused without touching it.
 */
static struct vcpu *racing_target;
static int racing_on, racing_affinity;

static void reset_with_a_racing_cpu_on(struct vcpu *v, const void *arg)
{
    cpu_on_reset(v, arg);
    racing_affinity = affinity_info(racing_target);
    racing_on = cpu_on(racing_target, 0xbad);
}

TEST(racing_cpu_ons_start_the_vcpu_once)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;
    uint64_t context = 0x600d;

    if ( !d )
        return;

    call_cpu_off(v1);
    CHECK(domain_fixture_schedule_on(1) == NULL);

    harness_cpu = 0;
    racing_target = v1;
    CHECK_EQ(vcpu_up(v1, reset_with_a_racing_cpu_on, &context), 0);
    CHECK_EQ(racing_affinity, AFFINITY_ON);
    CHECK_EQ(racing_on, -EBUSY);
    CHECK(v1->queued);
    CHECK(domain_fixture_schedule_on(1) == v1);
    CHECK_EQ(v1->arch.regs.r[arg_reg[0]], 0x600d);
    CHECK(!schedule_has_waiting()); /* queued once, not twice */
}

/*
 * A vCPU that is stopping is not put back on the run queue by a yield on
 * its way out (a leave path that yields), and its domain shutting down
 * stops it as well.
 */
TEST(stopping_vcpu_is_not_requeued)
{
    struct domain *d = two_running();
    struct vcpu *v1 = d ? d->vcpu[1] : NULL;

    if ( !d )
        return;

    call_cpu_off(v1);
    HARNESS_RUN(schedule(true));
    CHECK(current_vcpu() == NULL);
    CHECK(!v1->queued && !v1->running);
    CHECK_EQ(affinity_info(v1), AFFINITY_OFF);

    harness_cpu = 0;
    CHECK(!vcpu_must_stop(d->vcpu[0]));
    d->is_shutting_down = true;
    CHECK(vcpu_must_stop(d->vcpu[0]));
}

HARNESS_MAIN("vcpu-power")
