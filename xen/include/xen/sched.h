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

/* A virtual CPU. Scheduling state is guarded by the run-queue lock. */
struct vcpu {
    unsigned int vcpu_id;
    struct domain *domain;
    bool online;            /* started: vCPU 0 at boot, others by PSCI */
    bool queued;            /* on the run queue */
    bool running;           /* on a pCPU now */
    unsigned int processor; /* the pCPU it last ran on */
    struct vcpu *next;      /* run-queue link */
    /* The hypercall it is making asked to be made again (hypercall.h). */
    struct hypercall_continuation hcall;
    struct arch_vcpu arch;
};

struct domain {
    uint16_t domain_id;
    bool is_dying;
    bool p2m_relinquished;     /* teardown: the P2M is empty */
    struct domain *next_dying; /* teardown queue (schedule.c) */

    /* Guarded by page_alloc_lock. */
    spinlock_t page_alloc_lock;
    struct page_list_head page_list; /* pages the domain owns */
    unsigned long tot_pages;         /* counted pages it owns */
    unsigned long max_pages;         /* the limit on tot_pages */
    unsigned long xenheap_pages;     /* xenheap pages shared with it */

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

/* Put v on the run queue if it is online and neither queued nor running. */
void vcpu_wake(struct vcpu *v);

/*
 * Leave the current vCPU (its state saved by the caller) and run the next
 * one, or idle. Never returns. yield: put the current one back on the
 * queue first.
 */
void __noreturn schedule(bool yield);

/*
 * The domain shuts down (SCHEDOP_shutdown, PSCI SYSTEM_OFF...): its vCPUs
 * stop, it is destroyed, and when no domain is left the machine powers
 * off. Called on one of its vCPUs; never returns.
 */
void __noreturn domain_shutdown(struct domain *d, unsigned int reason);

/* Crash a misbehaving domain, with one line saying why. */
void __noreturn domain_crash(struct domain *d, const char *why);

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
