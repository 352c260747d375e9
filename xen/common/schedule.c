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
 * Also here: domain shutdown, and the end of everything when the last
 * domain has gone.
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/spinlock.h>

static DEFINE_SPINLOCK(runq_lock);
static struct vcpu *runq_head, *runq_tail;
static struct vcpu *running_on[CONFIG_NR_CPUS];
/* Domains that shut down, taken apart a step at a time (runq_lock). */
static struct domain *dying_head, *dying_tail;
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
    return READ_ONCE(runq_head) != NULL || READ_ONCE(dying_head) != NULL;
}

/* runq_lock held */
static void dying_add(struct domain *d)
{
    d->next_dying = NULL;
    if ( dying_tail )
        dying_tail->next_dying = d;
    else
        dying_head = d;
    dying_tail = d;
}

/*
 * One teardown step for the first domain waiting for one, if any (taken
 * off the queue meanwhile, so one pCPU works on a domain at a time).
 * Whether there was one. The last domain's last step powers off.
 */
static bool teardown_step(void)
{
    struct domain *d;
    unsigned long flags;
    int rc;

    spin_lock_irqsave(&runq_lock, flags);
    d = dying_head;
    if ( d )
    {
        dying_head = d->next_dying;
        if ( !dying_head )
            dying_tail = NULL;
    }
    spin_unlock_irqrestore(&runq_lock, flags);
    if ( !d )
        return false;

    rc = domain_teardown_step(d);
    if ( rc == -ERESTART )
    {
        spin_lock_irqsave(&runq_lock, flags);
        dying_add(d);
        spin_unlock_irqrestore(&runq_lock, flags);
    }
    else
        domain_gone();

    return true;
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

/*
 * runq_lock held. v, whose state is saved, leaves this pCPU; a vCPU that
 * was stopping is now off.
 */
static void leave_pcpu(struct vcpu *v)
{
    v->running = false;
    running_on[smp_processor_id()] = NULL;
    if ( v->power == VCPU_STOPPING )
        v->power = VCPU_OFF;
}

void schedule(bool yield)
{
    unsigned int cpu = smp_processor_id();
    struct vcpu *prev = running_on[cpu], *next;
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    if ( prev )
    {
        leave_pcpu(prev);
        if ( yield )
            wake_locked(prev);
    }
    spin_unlock_irqrestore(&runq_lock, flags);
    /* Whoever waits for prev to stop running (domain_shutdown) may go on. */
    if ( prev )
        arch_wake_idle_cpus();

    /*
     * Each pass: at most one teardown step, then a vCPU if one waits, so a
     * domain being taken apart delays a waiting vCPU by one step at most;
     * with nothing to run, the steps go on until every dying domain is
     * gone, and only then does the pCPU idle.
     */
    for ( ;; )
    {
        bool worked = teardown_step();

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

static const char *shutdown_name(unsigned int reason)
{
    static const char *const names[] = { "poweroff", "reboot",   "suspend",
                                         "crash",    "watchdog", "soft_reset" };

    return reason < ARRAY_SIZE(names) ? names[reason] : "unknown reason";
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
    struct vcpu *self = current_vcpu();
    unsigned int i;
    unsigned long flags;
    bool first;

    spin_lock_irqsave(&runq_lock, flags);
    first = !d->is_shutting_down;
    d->is_shutting_down = true;
    d->shutdown_reason = reason;
    spin_unlock_irqrestore(&runq_lock, flags);

    /* Another of its vCPUs got here first: it takes the domain down. */
    if ( !first )
        schedule(false);

    printk("d%u: shut down (%s)\n", d->domain_id, shutdown_name(reason));

    /* Wait until none of its other vCPUs is on a pCPU. */
    for ( i = 0; i < d->max_vcpus; i++ )
        while ( d->vcpu[i] && d->vcpu[i] != self &&
                READ_ONCE(d->vcpu[i]->running) )
            arch_cpu_idle();

    spin_lock_irqsave(&runq_lock, flags);
    if ( self && self->domain == d )
        leave_pcpu(self);
    /* Taken apart a step at a time, between other vCPUs (schedule()). */
    dying_add(d);
    spin_unlock_irqrestore(&runq_lock, flags);

    schedule(false);
}

void domain_crash(struct domain *d, const char *why)
{
    printk(XENLOG_ERR "d%u: crashed: %s\n", d->domain_id, why);
    domain_shutdown(d, 3 /* crash */);
}

void guest_console_write(struct domain *d, const char *s, size_t len)
{
    char prefix[12];
    unsigned long flags;

    snprintf(prefix, sizeof(prefix), "(d%u) ", d->domain_id);
    spin_lock_irqsave(&d->console_lock, flags);
    for ( ; len; len--, s++ )
    {
        if ( *s == '\n' || d->console_len == sizeof(d->console_buf) )
        {
            console_write_line(prefix, d->console_buf, d->console_len);
            d->console_len = 0;
            if ( *s == '\n' )
                continue;
        }
        if ( *s != '\r' )
            d->console_buf[d->console_len++] = *s;
    }
    spin_unlock_irqrestore(&d->console_lock, flags);
}
