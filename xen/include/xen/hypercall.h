/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall dispatcher: Xen's hypercall numbers, one handler each;
 * anything not implemented answers -ENOSYS, as Xen does for unknown
 * numbers and subops.
 *
 * Long hypercalls are preemptible (docs/designs/hypercalls.md): a handler
 * that finds hypercall_preempt_check() true at a point where it can stop
 * returns hypercall_create_continuation() with arguments that describe
 * the work left. The architecture's trap handler then leaves the result
 * register alone, writes the new number and arguments into the guest's
 * registers and rewinds its PC to the trapping instruction, so the guest
 * makes the call again the next time it runs.
 */
#ifndef XEN_HYPERCALL_H
#define XEN_HYPERCALL_H

#include <xen/types.h>

#define HYPERCALL_MAX_ARGS 5

/*
 * A call to be made again, kept in the calling vCPU (struct vcpu's hcall)
 * from hypercall_create_continuation() until the architecture has put it
 * into the guest's registers.
 */
struct hypercall_continuation {
    bool pending;    /* the current call asked to be continued */
    bool give_way;   /* after its result, the vCPU yields (SCHEDOP_yield) */
    unsigned int op; /* hypercall number to make again */
    unsigned int nr_args; /* how many argument registers to rewrite */
    unsigned long args[HYPERCALL_MAX_ARGS];
};

/*
 * For the architecture's trap handler: run hypercall nr for the current
 * vCPU. Afterwards current_vcpu()->hcall.pending says whether the call is
 * to be continued (the return value is then meaningless and must not be
 * written to the guest); otherwise the return value is the result, and
 * hcall.give_way says whether the vCPU then goes to the back of the run
 * queue (schedule(true)) instead of returning to the guest at once.
 */
long do_hypercall(unsigned long nr, unsigned long a1, unsigned long a2,
                  unsigned long a3, unsigned long a4, unsigned long a5);

/*
 * Whether a long hypercall should stop at its next safe point: the
 * calling vCPU has used its time slice, or its domain is shutting down.
 * Cheap enough to ask after every unit of work.
 */
bool hypercall_preempt_check(void);

/*
 * hypercall_create_continuation(op, arg1, ...): make the current call
 * continue as hypercall op with these (at most five) arguments, each
 * converted to unsigned long; arguments not given keep their registers.
 * The handler returns what this returns, at once, with nothing left half
 * done: the guest will make the call again and the handler must be able
 * to finish from the new arguments alone.
 */
long hypercall_continue_with(unsigned int op, const unsigned long *args,
                             unsigned int nr_args);

#define HYPERCALL_ARGS_(...) ((const unsigned long[]){ __VA_ARGS__ })
#define HYPERCALL_NR_ARGS_(...)                                                \
    (sizeof(HYPERCALL_ARGS_(__VA_ARGS__)) / sizeof(unsigned long))
#define hypercall_create_continuation(op, ...)                                 \
    ({                                                                         \
        _Static_assert(HYPERCALL_NR_ARGS_(__VA_ARGS__) <= HYPERCALL_MAX_ARGS,  \
                       "at most five hypercall arguments");                    \
        hypercall_continue_with(op, HYPERCALL_ARGS_(__VA_ARGS__),              \
                                HYPERCALL_NR_ARGS_(__VA_ARGS__));              \
    })

long do_console_io(unsigned int cmd, unsigned int count, uint64_t buffer);
long do_xen_version(unsigned int cmd, uint64_t arg);
long do_sched_op(unsigned int cmd, uint64_t arg);
long do_vcpu_op(unsigned int cmd, unsigned int vcpuid, uint64_t arg);

#endif /* XEN_HYPERCALL_H */
