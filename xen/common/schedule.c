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

static DEFINE_SPINLOCK(runq_lock, LOCK_RUNQ);
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

void vcpu_wake(struct vcpu *v)
{
    unsigned long flags;

    spin_lock_irqsave(&runq_lock, flags);
    if ( v->online && !v->queued && !v->running &&
         !v->domain->is_shutting_down )
        enqueue(v);
    spin_unlock_irqrestore(&runq_lock, flags);
    arch_wake_idle_cpus();
}

void schedule(bool yield)
{
    unsigned int cpu = smp_processor_id();
    struct vcpu *prev = running_on[cpu], *next;
    unsigned long flags;

    /* What this pCPU holds is its own: no lock may stay held across. */
    ASSERT(!lock_order_depth());

    spin_lock_irqsave(&runq_lock, flags);
    if ( prev )
    {
        prev->running = false;
        if ( yield && !prev->domain->is_shutting_down )
            enqueue(prev);
        running_on[cpu] = NULL;
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
    {
        self->running = false;
        running_on[smp_processor_id()] = NULL;
    }
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
