/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler, as simple as it can be: one global run queue, first come
 * first served. A vCPU runs until it yields, blocks or its domain shuts
 * down, or until a preemption point after its time slice (SCHED_SLICE_NS
 * from when it was put on its pCPU, or from the last renewal) finds
 * another vCPU waiting. Preemption points are each architecture's
 * tick and continued hypercalls. pCPUs with nothing to run wait in
 * arch_cpu_idle().
 *
 * Also here: what a vCPU does when it leaves the hypervisor
 * (vcpu_leave_action()), taking a shutting-down domain off the pCPUs (the
 * shutdown itself and teardown are domain.c's), and the sched_op
 * hypercall.
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/domain.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <public/sched.h>

static DEFINE_SPINLOCK(runq_lock, LOCK_RUNQ);
static struct vcpu *runq_head, *runq_tail;
static struct vcpu *running_on[CONFIG_NR_CPUS];
/* When the current slice of each pCPU's vCPU began (arch_now_ns()). */
static uint64_t slice_start[CONFIG_NR_CPUS];

struct vcpu *current_vcpu(void)
{
    return running_on[smp_processor_id()];
}

/* runq_lock held */
static void enqueue(struct vcpu *v)
{
    v->next = NULL;
    v->queued = true;
    if ( runq_tail )
        runq_tail->next = v;
    else
        runq_head = v;
    runq_tail = v;
}

/* runq_lock held */
static struct vcpu *dequeue(void)
{
    struct vcpu *v = runq_head;

    if ( v )
    {
        runq_head = v->next;
        if ( !runq_head )
            runq_tail = NULL;
        v->queued = false;
        v->next = NULL;
    }

    return v;
}

bool schedule_has_waiting(void)
{
    return READ_ONCE(runq_head) != NULL || domain_teardown_pending();
}

void schedule_new_slice(void)
{
    slice_start[smp_processor_id()] = arch_now_ns();
}

bool schedule_slice_over(void)
{
    return arch_now_ns() - slice_start[smp_processor_id()] >= SCHED_SLICE_NS;
}

bool schedule_should_yield(void)
{
    if ( !schedule_slice_over() )
        return false;
    if ( schedule_has_waiting() )
        return true;
    schedule_new_slice();

    return false;
}

/* runq_lock held */
static void wake_locked(struct vcpu *v)
{
    if ( v->power == VCPU_ON && !v->queued && !v->running &&
         !v->domain->is_shutting_down )
        enqueue(v);
}

void vcpu_wake(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    wake_locked(v);
    spin_unlock_irqrestore(&runq_lock, flags);
    arch_wake_idle_cpus();
}

/*
 * Starting and stopping vCPUs (the state machine is drawn at enum
 * vcpu_power in sched.h). The rule that keeps CPU_ON, CPU_OFF and
 * AFFINITY_INFO consistent under any interleaving: a vCPU is down (OFF)
 * only once it is off its pCPU with its state saved, and only vcpu_up()
 * takes it out of OFF.
 *
 * So vcpu_down() only marks the running vCPU STOPPING: it still reads as
 * up, a CPU_ON now gets ALREADY_ON, and nothing else touches it while
 * its pCPU saves its registers and schedule() takes it off (STOPPING ->
 * OFF, never queued again). A CPU_ON that finds it OFF owns it in
 * STARTING: the reset writes its registers while no pCPU holds or saves
 * them and a second CPU_ON is refused; then ON, and it is queued. If
 * AFFINITY_INFO said OFF, CPU_ON can start it; if CPU_ON succeeds, it
 * runs from the entry point given.
 */
int vcpu_up(struct vcpu *v, vcpu_reset_fn_t *reset, const void *arg)
{
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    if ( v->power != VCPU_OFF )
    {
        spin_unlock_irqrestore(&runq_lock, flags);
        return -EBUSY;
    }
    ASSERT(!v->queued && !v->running);
    v->power = VCPU_STARTING;
    spin_unlock_irqrestore(&runq_lock, flags);

    if ( reset )
        reset(v, arg);

    spin_lock_irqsave(&runq_lock, flags);
    v->power = VCPU_ON;
    wake_locked(v);
    spin_unlock_irqrestore(&runq_lock, flags);
    arch_wake_idle_cpus();

    return 0;
}

void vcpu_down(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    ASSERT(v->running && v->processor == smp_processor_id());
    if ( v->power == VCPU_ON )
        v->power = VCPU_STOPPING;
    spin_unlock_irqrestore(&runq_lock, flags);
}

bool vcpu_is_up(const struct vcpu *v)
{
    return READ_ONCE(v->power) != VCPU_OFF;
}

bool vcpu_must_stop(const struct vcpu *v)
{
    return READ_ONCE(v->domain->is_shutting_down) ||
           READ_ONCE(v->power) == VCPU_STOPPING;
}

void vcpu_ask_yield(struct vcpu *v)
{
    v->yield_asked = true;
}

void vcpu_ask_preempt(struct vcpu *v)
{
    v->preempt_asked = true;
}

void vcpu_tick(struct vcpu *v)
{
    v->tick_taken = true;
}

/*
 * The one decision per exit (sched.h). Stopping wins over everything; a
 * yield asked for is a yield; the tick gives the pCPU away if a vCPU
 * waits and otherwise starts a new slice; any other preemption point
 * gives way only after a whole slice.
 */
enum leave_action vcpu_leave_action(struct vcpu *v, bool *new_tick)
{
    bool yield = v->yield_asked, tick = v->tick_taken;
    bool preempt = v->preempt_asked;

    v->yield_asked = v->tick_taken = v->preempt_asked = false;
    *new_tick = false;

    if ( vcpu_must_stop(v) )
        return LEAVE_STOP;
    if ( yield )
        return LEAVE_YIELD;
    if ( tick )
    {
        if ( schedule_has_waiting() )
            return LEAVE_YIELD;
        schedule_new_slice();
        *new_tick = true;
        return LEAVE_RESUME;
    }
    if ( preempt && schedule_should_yield() )
        return LEAVE_YIELD;

    return LEAVE_RESUME;
}

/* runq_lock held: whether any vCPU of d is on a pCPU. */
static bool domain_on_a_pcpu(const struct domain *d)
{
    unsigned int i;

    for ( i = 0; i < d->max_vcpus; i++ )
        if ( d->vcpu[i] && d->vcpu[i]->running )
            return true;

    return false;
}

/*
 * runq_lock held, d shutting down: true if d has just become stopped
 * (no vCPU on a pCPU); once per domain.
 */
static bool now_stopped(struct domain *d)
{
    if ( d->is_stopped || domain_on_a_pcpu(d) )
        return false;
    d->is_stopped = true;

    return true;
}

bool sched_stop_domain(struct domain *d)
{
    unsigned long flags;
    bool stopped;

    ASSERT(d->is_shutting_down);
    spin_lock_irqsave(&runq_lock, flags);
    stopped = now_stopped(d);
    spin_unlock_irqrestore(&runq_lock, flags);

    /*
     * Its vCPUs on other pCPUs leave at their next exit: the tick, at the
     * latest. Queued ones are skipped when dequeued.
     */
    return stopped;
}

/*
 * runq_lock held. v, whose state is saved, leaves this pCPU; a vCPU that
 * was stopping is now off. True if it was the last of a shutting-down
 * domain on a pCPU.
 */
static bool leave_pcpu(struct vcpu *v)
{
    v->running = false;
    running_on[smp_processor_id()] = NULL;
    if ( v->power == VCPU_STOPPING )
        v->power = VCPU_OFF;

    return v->domain->is_shutting_down && now_stopped(v->domain);
}

void schedule(bool yield)
{
    unsigned int cpu = smp_processor_id();
    struct vcpu *prev = running_on[cpu], *next;
    unsigned long flags;
    bool stopped = false;

    /* What this pCPU holds is its own: no lock may stay held across. */
    ASSERT(!lock_order_depth());

    spin_lock_irqsave(&runq_lock, flags);
    if ( prev )
    {
        stopped = leave_pcpu(prev);
        if ( yield )
            wake_locked(prev);
    }
    spin_unlock_irqrestore(&runq_lock, flags);
    if ( stopped )
        domain_stopped(prev->domain);

    /*
     * Each pass: at most one teardown step, then a vCPU if one waits, so a
     * domain being taken apart delays a waiting vCPU by one step at most;
     * with nothing to run, the steps go on until every dying domain is
     * gone, and only then does the pCPU idle.
     */
    for ( ;; )
    {
        bool worked = domain_teardown_work();

        spin_lock_irqsave(&runq_lock, flags);
        while ( (next = dequeue()) != NULL && next->domain->is_shutting_down )
            ;
        if ( next )
        {
            next->running = true;
            next->processor = cpu;
            running_on[cpu] = next;
        }
        spin_unlock_irqrestore(&runq_lock, flags);

        if ( next )
        {
            schedule_new_slice();
            arch_run_vcpu(next);
        }
        if ( !worked )
            arch_cpu_idle();
    }
}

long do_sched_op(unsigned int cmd, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    struct vcpu *v = current_vcpu();
    struct sched_shutdown sd;

    switch ( cmd )
    {
    case SCHEDOP_yield:
    case SCHEDOP_block:
        /*
         * Give the pCPU to a waiting vCPU, if any, on the way out (the
         * result is in the guest's registers by then). With no event
         * channels yet there is nothing to block on: block is a yield.
         */
        vcpu_ask_yield(v);
        return 0;

    case SCHEDOP_shutdown:
        if ( copy_from_guest(&sd, arg, 1) )
            return -EFAULT;
        if ( sd.reason > SHUTDOWN_MAX )
            return -EINVAL;
        /* The vCPU leaves at the leave path; the result is not seen. */
        domain_shutdown(v->domain, sd.reason);
        return 0;
    }

    return -ENOSYS;
}
