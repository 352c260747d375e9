/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler, as simple as it can be: one global run queue, first come
 * first served. A vCPU runs until it yields, blocks or its domain shuts
 * down, or until a preemption point after its time slice (SCHED_SLICE_NS
 * from when it was put on its pCPU, or from the last renewal) finds
 * another vCPU waiting. Preemption points are each architecture's
 * tick and continued hypercalls. A vCPU that blocks (SCHEDOP_block) is
 * off the run queue until vcpu_unblock().
 *
 * pCPUs with nothing to run mark themselves idle under the run-queue lock
 * and wait in arch_cpu_idle() (x86 hlt, arm64 WFI) for an interrupt. Who
 * queues a vCPU takes one idle pCPU (clearing its mark, under the same
 * lock) and kicks it (cpu_kick(): an IPI) once the lock is dropped. No
 * wake-up is lost: either the idle pCPU's locked look at the queue comes
 * after the vCPU was queued and it finds it, or the queuer's comes after
 * the mark and it kicks; a kick that lands before the pCPU waits stays
 * pending in its interrupt controller, and the wait ends at once. A pCPU
 * that takes a vCPU and leaves others queued kicks the next idle one.
 *
 * Also here: what a vCPU does when it leaves the hypervisor
 * (vcpu_leave_action()), blocking and unblocking, taking a shutting-down
 * domain off the pCPUs (kicking the pCPUs its vCPUs run on; the shutdown
 * itself and teardown are domain.c's), and the sched_op hypercall.
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
#include <xen/tlb-generation.h>

static DEFINE_SPINLOCK(runq_lock, LOCK_RUNQ);
static struct vcpu *runq_head, *runq_tail;
static struct vcpu *running_on[CONFIG_NR_CPUS];
/* When the current slice of each pCPU's vCPU began (arch_now_ns()). */
static uint64_t slice_start[CONFIG_NR_CPUS];
/* pCPUs waiting (or about to wait) in arch_cpu_idle(): under runq_lock. */
static bool cpu_idle[CONFIG_NR_CPUS];
/* How often a pCPU went to wait in arch_cpu_idle() (reported at the end). */
static unsigned long idle_waits;

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

/*
 * runq_lock held: take an idle pCPU other than this one (it is no longer
 * marked idle; the caller kicks it once the lock is dropped), or NO_CPU.
 */
static unsigned int take_idle_cpu(void)
{
    unsigned int cpu, self = smp_processor_id();

    for ( cpu = 0; cpu < CONFIG_NR_CPUS; cpu++ )
        if ( cpu != self && cpu_idle[cpu] )
        {
            cpu_idle[cpu] = false;
            return cpu;
        }

    return NO_CPU;
}

/* runq_lock held. Whether v was put on the run queue. */
static bool wake_locked(struct vcpu *v)
{
    if ( v->power != VCPU_ON || v->queued || v->running || v->blocked ||
         v->domain->is_shutting_down )
        return false;
    enqueue(v);

    return true;
}

void vcpu_wake(struct vcpu *v)
{
    unsigned int idle = NO_CPU;
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    if ( wake_locked(v) )
        idle = take_idle_cpu();
    spin_unlock_irqrestore(&runq_lock, flags);
    cpu_kick(idle);
}

void sched_wake_idle_cpu(void)
{
    unsigned int idle;
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    idle = take_idle_cpu();
    spin_unlock_irqrestore(&runq_lock, flags);
    cpu_kick(idle);
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
    unsigned int idle = NO_CPU;
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
    if ( wake_locked(v) )
        idle = take_idle_cpu();
    spin_unlock_irqrestore(&runq_lock, flags);
    cpu_kick(idle);

    return 0;
}

/* runq_lock held: take a queued v off the run queue. */
static void runq_remove(struct vcpu *v)
{
    struct vcpu **pp, *prev = NULL;

    for ( pp = &runq_head; *pp; prev = *pp, pp = &(*pp)->next )
        if ( *pp == v )
        {
            *pp = v->next;
            if ( runq_tail == v )
                runq_tail = prev;
            v->next = NULL;
            v->queued = false;
            return;
        }
}

/*
 * A vCPU on a pCPU becomes STOPPING and leaves at its next exit (another
 * pCPU is kicked for it); one on no pCPU (queued, or blocked) has its
 * state saved already, so it is OFF at once.
 */
void vcpu_down(struct vcpu *v)
{
    unsigned int kick = NO_CPU;
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    if ( v->power == VCPU_ON )
    {
        if ( v->running )
        {
            v->power = VCPU_STOPPING;
            if ( v->processor != smp_processor_id() )
                kick = v->processor;
        }
        else
        {
            if ( v->queued )
                runq_remove(v);
            v->blocked = false;
            v->wake_pending = false;
            v->power = VCPU_OFF;
        }
    }
    spin_unlock_irqrestore(&runq_lock, flags);
    if ( kick != NO_CPU )
        cpu_kick(kick);
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
 * Blocking (sched.h). The race to close: a wake-up that comes after the
 * guest decided to block but before its vCPU is off its pCPU. Both sides
 * work under runq_lock: vcpu_block() either finds the wake pending (and
 * does not block) or marks the vCPU blocked; vcpu_unblock() either finds
 * it blocked (and unblocks it) or leaves the wake pending. An unblocked
 * vCPU still on its pCPU is put back on the queue by its own leave path
 * (schedule(true): wake_locked() no longer refuses it); one already off
 * is queued here. So whichever comes first, the vCPU runs again.
 */
bool vcpu_block(struct vcpu *v)
{
    unsigned long flags;
    bool block;

    spin_lock_irqsave(&runq_lock, flags);
    ASSERT(v->running && v->processor == smp_processor_id());
    block = !v->wake_pending;
    v->wake_pending = false;
    v->blocked = block;
    spin_unlock_irqrestore(&runq_lock, flags);

    if ( block )
        vcpu_ask_yield(v);

    return block;
}

/* runq_lock held: an idle pCPU to kick, or NO_CPU. */
static unsigned int unblock_locked(struct vcpu *v)
{
    if ( !v->blocked )
    {
        v->wake_pending = true;
        return NO_CPU;
    }
    v->blocked = false;

    return wake_locked(v) ? take_idle_cpu() : NO_CPU;
}

void vcpu_unblock(struct vcpu *v)
{
    unsigned int idle;
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    idle = unblock_locked(v);
    spin_unlock_irqrestore(&runq_lock, flags);
    cpu_kick(idle);
}

void vcpu_kick(struct vcpu *v)
{
    unsigned int idle, cpu = NO_CPU;
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    idle = unblock_locked(v);
    if ( v->running )
        cpu = v->processor;
    spin_unlock_irqrestore(&runq_lock, flags);
    cpu_kick(idle);
    cpu_kick(cpu);
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
    unsigned int kick[MAX_VIRT_CPUS], nr = 0, i;
    unsigned long flags;
    bool stopped;

    ASSERT(d->is_shutting_down);
    spin_lock_irqsave(&runq_lock, flags);
    stopped = now_stopped(d);
    for ( i = 0; i < d->max_vcpus; i++ )
        if ( d->vcpu[i] && d->vcpu[i]->running )
            kick[nr++] = d->vcpu[i]->processor;
    spin_unlock_irqrestore(&runq_lock, flags);

    /*
     * Its vCPUs on other pCPUs leave at once: the kick makes each exit to
     * its leave path, which finds the domain shutting down (set before
     * the lock was taken, so no vCPU dequeued after it runs either:
     * schedule() skips it). The calling pCPU is not kicked; it is on its
     * way to its own leave path.
     */
    for ( i = 0; i < nr; i++ )
        cpu_kick(kick[i]);

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
        unsigned int idle = NO_CPU;

        spin_lock_irqsave(&runq_lock, flags);
        while ( (next = dequeue()) != NULL && next->domain->is_shutting_down )
            ;
        if ( next )
        {
            next->running = true;
            next->processor = cpu;
            running_on[cpu] = next;
            /* Others wait as well: an idle pCPU can take the next one. */
            if ( runq_head )
                idle = take_idle_cpu();
        }
        /* Idle from here: a vCPU queued after this unlock kicks this pCPU. */
        cpu_idle[cpu] = !next && !worked;
        spin_unlock_irqrestore(&runq_lock, flags);
        cpu_kick(idle);

        if ( next )
        {
            schedule_new_slice();
            arch_run_vcpu(next);
        }
        if ( !worked )
        {
            __atomic_fetch_add(&idle_waits, 1, __ATOMIC_RELAXED);
            arch_cpu_idle();
        }
    }
}

void sched_report(void)
{
    printk(
        "Cross-CPU: %lu kicks sent, %lu taken; idle pCPUs waited %lu times\n",
        cpu_kicks_sent(), cpu_kicks_taken(),
        __atomic_load_n(&idle_waits, __ATOMIC_RELAXED));
    if ( IS_ENABLED(CONFIG_TLB_GENERATION) )
        printk("TLB flush generations: %lu flushes waited for pCPUs in the "
               "guest\n",
               tlb_gen_waits());
}

long do_sched_op(unsigned int cmd, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    struct vcpu *v = current_vcpu();
    struct sched_shutdown sd;

    switch ( cmd )
    {
    case SCHEDOP_yield:
        /*
         * Give the pCPU to a waiting vCPU, if any, on the way out (the
         * result is in the guest's registers by then).
         */
        vcpu_ask_yield(v);
        return 0;

    case SCHEDOP_block:
        /*
         * Off the pCPU until woken (vcpu_unblock(), vcpu_kick()), unless a
         * wake-up is already pending: then the call returns at once.
         * Upstream also enables event delivery first (evtchn_upcall_mask
         * = 0 in the vCPU's vcpu_info) and does not block while an event
         * is pending for the vCPU (local_events_need_delivery()). There
         * are no event channels yet; when they come, this is where the
         * mask is cleared, and a pending upcall counts as a pending wake.
         */
        vcpu_block(v);
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
