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
#include <public/xen.h>

#define HYPERCALL_MAX_ARGS 5

/*
 * A call to be made again, kept in the calling vCPU (struct vcpu's hcall)
 * from hypercall_create_continuation() until the architecture has put it
 * into the guest's registers.
 */
struct hypercall_continuation {
    bool pending;         /* the current call asked to be continued */
    unsigned int op;      /* hypercall number to make again */
    unsigned int nr_args; /* how many argument registers to rewrite */
    unsigned long args[HYPERCALL_MAX_ARGS];
};

/*
 * Run hypercall nr for the current vCPU. Afterwards
 * current_vcpu()->hcall.pending says whether the call is to be continued
 * (the return value is then meaningless); otherwise the return value is
 * the result. Architectures call hypercall_trap() instead.
 */
long do_hypercall(unsigned long nr, unsigned long a1, unsigned long a2,
                  unsigned long a3, unsigned long a4, unsigned long a5);

struct vcpu;

/*
 * The hypercall trap of v, on v's pCPU, for every architecture (and the
 * host harness): the number and arguments are read through the
 * accessors below, the call is made, and either the result is written,
 * or the continuation (new number and arguments, the PC rewound to the
 * trapping instruction) and a preemption point is asked for the leave
 * path (vcpu_ask_preempt()). The architecture has moved its PC past the
 * trapping instruction before.
 */
void hypercall_trap(struct vcpu *v);

/*
 * Arch: the registers of the hypercall v is making now, in the
 * architecture's convention (arm64: x16, x0..x4, result in x0; x86_64:
 * rax, rdi, rsi, rdx, r10, r8, or for 32-bit guests ebx, ecx, edx, esi,
 * edi, values truncated to 32 bits). i < HYPERCALL_MAX_ARGS.
 */
unsigned long arch_hypercall_op(const struct vcpu *v);
unsigned long arch_hypercall_arg(const struct vcpu *v, unsigned int i);
void arch_hypercall_set_result(struct vcpu *v, long rc);
void arch_hypercall_set_op(struct vcpu *v, unsigned long op);
void arch_hypercall_set_arg(struct vcpu *v, unsigned int i, unsigned long val);
/* PC back to the trapping instruction, so that the call is made again. */
void arch_hypercall_rewind(struct vcpu *v);

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

/*
 * The handlers, each in its subsystem's file, registered in the table in
 * hypercall.c. Guest pointers come as typed handles (xen/guest-access.h).
 */
long do_console_io(unsigned int cmd, unsigned int count,
                   XEN_GUEST_HANDLE_PARAM(char) buffer); /* guest-console.c */
long do_xen_version(unsigned int cmd,
                    XEN_GUEST_HANDLE_PARAM(void) arg); /* version.c */
long do_sched_op(unsigned int cmd,
                 XEN_GUEST_HANDLE_PARAM(void) arg); /* schedule.c */
long do_vcpu_op(unsigned int cmd, unsigned int vcpuid,
                XEN_GUEST_HANDLE_PARAM(void) arg); /* domain.c */
long do_memory_op(unsigned long cmd,
                  XEN_GUEST_HANDLE_PARAM(void) arg); /* memory.c */
long do_grant_table_op(unsigned int cmd, XEN_GUEST_HANDLE_PARAM(void) uop,
                       unsigned int count); /* grant_table.c */
/* Debug builds (CONFIG_TEST_HYPERCALLS): public/test-op.h. test-op.c. */
long do_test_op(unsigned int cmd, unsigned long a1, unsigned long a2);

#endif /* XEN_HYPERCALL_H */
