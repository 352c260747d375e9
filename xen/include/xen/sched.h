/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct domain: what the memory core needs of a domain. Domain building,
 * vCPUs and scheduling add to it.
 */
#ifndef XEN_SCHED_H
#define XEN_SCHED_H

#include <xen/domain.h>
#include <xen/hypercall.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/spinlock.h>
#include <xen/types.h>
#include <asm/domain.h>

struct static_pool;

#define MAX_VIRT_CPUS 8

/*
 * The time slice: a vCPU that has run this long gives its pCPU to one
 * that waits, at the next preemption point (below).
 */
#define SCHED_SLICE_MS 10

/*
 * Whether a vCPU is started (PSCI CPU_ON/CPU_OFF/AFFINITY_INFO,
 * VCPUOP_up/is_up), a state machine under the run-queue lock
 * (schedule.c, "Starting and stopping vCPUs"):
 *
 *   OFF --vcpu_up()--> STARTING --reset done--> ON --vcpu_down()--> STOPPING
 *    ^                                                                  |
 *    +---------- schedule() has taken it off its pCPU, state saved -----+
 */
enum vcpu_power {
    VCPU_OFF,      /* not started, or stopped: on no pCPU, not queued */
    VCPU_STARTING, /* vcpu_up() is setting its state: on no pCPU */
    VCPU_ON,       /* started: queued, running or (shutting down) neither */
    VCPU_STOPPING, /* vcpu_down() called: still on its pCPU */
};

/* A virtual CPU. Scheduling state is guarded by the run-queue lock. */
struct vcpu {
    unsigned int vcpu_id;
    struct domain *domain;
    enum vcpu_power power;  /* started? vCPU 0 at boot, others by PSCI */
    bool queued;            /* on the run queue */
    bool running;           /* on a pCPU now */
    bool blocked;           /* SCHEDOP_block: not queued until unblocked */
    bool wake_pending;      /* unblocked while not blocked: the next block
                               returns at once */
    unsigned int processor; /* the pCPU it last ran on */
    struct vcpu *next;      /* run-queue link */
    /* The hypercall it is making asked to be made again (hypercall.h). */
    struct hypercall_continuation hcall;
    /*
     * What the handlers of its current exit asked of the leave path
     * (vcpu_leave_action()); only the pCPU it runs on touches them.
     */
    bool yield_asked;   /* give the pCPU away (WFI, HLT, SCHEDOP_yield) */
    bool preempt_asked; /* a preemption point (a continued hypercall) */
    bool tick_taken;    /* the scheduler's tick came */
    struct arch_vcpu arch;
};

struct domain {
    uint16_t domain_id;
    /*
     * References: one for the domain's existence (dropped by the last
     * teardown step), one per holder (get_domain()). The struct is freed
     * when the count reaches 0, never before (domain.c).
     */
    unsigned int refcnt;
    bool is_live;                /* started: its end counts (domain.c) */
    bool is_unlisted;            /* teardown done, out of the domain list */
    struct domain *next_in_list; /* the domain list (domain.c) */
    bool is_dying;
    bool p2m_relinquished;     /* teardown: the P2M is empty */
    bool is_stopped;           /* shutting down, no vCPU on a pCPU (runq) */
    struct domain *next_dying; /* teardown queue (domain.c) */

    /* Guarded by page_alloc_lock. */
    spinlock_t page_alloc_lock;
    struct page_list_head page_list;    /* pages the domain owns */
    unsigned long tot_pages;            /* counted pages it owns */
    unsigned long max_pages;            /* the limit on tot_pages */
    unsigned long xenheap_pages;        /* xenheap pages shared with it */
    struct page_list_head xenpage_list; /* those pages */

    /*
     * Its shared_info page: a xenheap page shared with it (one of
     * xenpage_list), mapped with XENMAPSPACE_shared_info.
     */
    void *shared_info;

    /* Static memory: the pool its static pages come from and go back to. */
    struct static_pool *static_pool;

    struct p2m_domain p2m;

    /* What it was built from, and where its RAM is (guest-physical). */
    const struct domain_config *config;
    struct guest_ram ram;

    unsigned int max_vcpus;
    struct vcpu *vcpu[MAX_VIRT_CPUS];

    bool is_shutting_down;
    unsigned int shutdown_reason;

    /*
     * Console output not yet printed (up to a newline). A longer line is
     * printed in pieces, each but the last ending in TRUNCATION_MARKER.
     */
    spinlock_t console_lock;
    unsigned int console_len;
    char console_buf[320];
};

/* The vCPU running on this pCPU (NULL in the idle loop). */
struct vcpu *current_vcpu(void);

/* Whether some vCPU waits for a pCPU (the tick preempts only then). */
bool schedule_has_waiting(void);

/*
 * Time slices. A vCPU gets SCHED_SLICE_NS of its pCPU each time it is put
 * on one; at a preemption point after that (the architecture's tick, a
 * continued hypercall) it gives way to a waiting vCPU, or else starts a
 * new slice. The clock is arch_now_ns() of the pCPU.
 */
#define SCHED_SLICE_NS (SCHED_SLICE_MS * 1000 * 1000ULL)

/* A new slice starts now for the vCPU on this pCPU. */
void schedule_new_slice(void);

/* Whether the vCPU on this pCPU has used its slice. */
bool schedule_slice_over(void);

/*
 * At a preemption point of the vCPU on this pCPU (its state is whole, so
 * it could leave): true if it should give way now, because its slice is
 * over and another vCPU waits. A slice that is over with nobody waiting
 * is renewed.
 */
bool schedule_should_yield(void);

/*
 * Put v on the run queue if it is started, neither queued nor running,
 * not blocked and its domain is not shutting down; an idle pCPU is
 * kicked to run it.
 */
void vcpu_wake(struct vcpu *v);

/* Kick one idle pCPU, if any, so that it looks for work (teardown). */
void sched_wake_idle_cpu(void);

/*
 * Blocking: SCHEDOP_block. vcpu_block(v), by v's handler on its pCPU:
 * unless a wake-up is pending (which it consumes, returning false), v
 * is blocked and asks to yield: its leave path takes it off the pCPU and
 * it is not queued again until vcpu_unblock(v). vcpu_unblock(v), from
 * anywhere: a blocked v is queued (and an idle pCPU kicked to run it);
 * otherwise the wake-up stays pending for v's next vcpu_block(). None is
 * lost, however the two interleave (schedule.c). vcpu_kick(v): unblock v
 * and, if it runs on another pCPU, kick that pCPU so v passes its leave
 * path (where pending work will be delivered: event-channel upcalls).
 */
bool vcpu_block(struct vcpu *v);
void vcpu_unblock(struct vcpu *v);
void vcpu_kick(struct vcpu *v);

/* Print the cross-CPU counters (kicks, idle waits): at the end of a run. */
void sched_report(void);

/*
 * Starting and stopping vCPUs: PSCI CPU_ON, CPU_OFF and AFFINITY_INFO on
 * Arm, VCPUOP_up and VCPUOP_is_up. A vCPU reads as up (AFFINITY_INFO ON)
 * from the moment vcpu_up() takes it until it has left its pCPU after
 * vcpu_down(); whenever it reads as down, vcpu_up() can start it.
 *
 * vcpu_up(): start v, once reset(v, arg) (if not NULL) has set the state
 * it starts in (v is then on no pCPU and no other vcpu_up() can take
 * it); -EBUSY if it is not down. vcpu_down(): v stops: one on a pCPU
 * (the caller's own, or another's, which is kicked) at its leave path
 * (vcpu_must_stop()), one on no pCPU at once.
 */
typedef void vcpu_reset_fn_t(struct vcpu *v, const void *arg);
int vcpu_up(struct vcpu *v, vcpu_reset_fn_t *reset, const void *arg);
void vcpu_down(struct vcpu *v);
bool vcpu_is_up(const struct vcpu *v);

/*
 * Arch, for the vcpu_op hypercall (domain.c, do_vcpu_op()):
 * - whether a subop reaches the common code at all: Arm passes only
 *   registering a vcpu_info or runstate area on, as upstream, and the
 *   rest is -EINVAL (its vCPUs start with PSCI CPU_ON);
 * - VCPUOP_initialise: keep the state v is to start in, from the guest's
 *   context at arg (x86: struct vcpu_hvm_context), once (-EEXIST after);
 * - VCPUOP_up of a vCPU that is down: start it from that state (-EINVAL
 *   without one); 0 if it is up already.
 */
bool arch_vcpu_op_passes(unsigned int cmd);
long arch_vcpu_initialise(struct vcpu *v, XEN_GUEST_HANDLE_PARAM(void) arg);
int arch_vcpu_op_up(struct vcpu *v);

/*
 * Leaving the hypervisor. Handlers never leave the stack they run on:
 * they change state (domain_shutdown(), vcpu_down()) or ask (the three
 * below), and return. Each architecture has one leave path, after the
 * handlers of an exit, that asks vcpu_leave_action() what happens next:
 *
 *   LEAVE_RESUME  back into v (new_tick: re-arm the tick, a slice began)
 *   LEAVE_YIELD   save v, to the back of the run queue, schedule(true)
 *   LEAVE_STOP    save v, not queued again, schedule(false): it stops, or
 *                 its domain shuts down (vcpu_must_stop())
 */
enum leave_action {
    LEAVE_RESUME,
    LEAVE_YIELD,
    LEAVE_STOP,
};

/* For handlers of v's exit, on v's pCPU. */
void vcpu_ask_yield(struct vcpu *v);   /* WFI, HLT, SCHEDOP_yield/block */
void vcpu_ask_preempt(struct vcpu *v); /* a preemption point */
void vcpu_tick(struct vcpu *v);        /* the scheduler's tick came */

enum leave_action vcpu_leave_action(struct vcpu *v, bool *new_tick);

/* True if v must leave its pCPU now and not be queued again (above). */
bool vcpu_must_stop(const struct vcpu *v);

/*
 * Leave the current vCPU (its state saved by the caller) and run the next
 * one, or idle. Never returns. yield: put the current one back on the
 * queue first. Only the leave paths, the idle loop and the boot CPU
 * call it.
 */
void __noreturn schedule(bool yield);

/*
 * For domain_shutdown(): take d off the pCPUs. True if none of its vCPUs
 * is on one any more (d is then stopped: domain_stopped() is up to the
 * caller); otherwise the pCPUs they run on are kicked, so they leave at
 * once, and the last one to leave its pCPU calls domain_stopped().
 * Exactly one of the two happens, once.
 */
bool sched_stop_domain(struct domain *d);

/*
 * The domain shuts down (SCHEDOP_shutdown, PSCI SYSTEM_OFF, a crash):
 * a state change that returns. Its vCPUs leave their pCPUs at their next
 * exit (vcpu_must_stop()); once the last has left, the domain is taken
 * apart a step at a time between other vCPUs, and when no domain is left
 * the machine powers off. A second call does nothing (the first reason
 * stays). domain.c.
 */
void domain_shutdown(struct domain *d, unsigned int reason);

/*
 * References to a domain (domain.c). get_domain_by_id() finds a domain
 * and takes a reference, or NULL if there is none or it is being freed;
 * a hypercall that names another domain holds it so until it ends, and
 * the struct stays valid however far its teardown has gone (is_dying
 * says it is going; nothing new may be given to it). get_domain() takes
 * another reference to a domain one already holds; put_domain() drops
 * one, and the last frees it.
 */
struct domain *get_domain_by_id(uint16_t domid);
bool get_domain(struct domain *d);
void put_domain(struct domain *d);

/* Crash a misbehaving domain, with one line saying why; returns. */
void domain_crash(struct domain *d, const char *why);

/* d shut down and none of its vCPUs is on a pCPU: queue its teardown. */
void domain_stopped(struct domain *d);

/*
 * For the scheduler: one teardown step of the first dying domain, if
 * any (whether there was one), and whether any waits for one.
 */
bool domain_teardown_work(void);
bool domain_teardown_pending(void);

/*
 * Print what a guest wrote (console_io), with "(dN) " before each line;
 * a domain other than the hardware domain is filtered to what
 * guest_console_printable() allows (common/guest-console.c).
 */
void guest_console_write(struct domain *d, const char *s, size_t len);

/* Printable characters (ASCII and Latin-1, as Xen's isprint()), tab, newline. */
bool guest_console_printable(char c);

void domain_init_memory(struct domain *d, uint16_t domid,
                        unsigned long max_pages);

#endif /* XEN_SCHED_H */
