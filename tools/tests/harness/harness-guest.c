/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Harness for guests making hypercalls (for tests that link the
 * scheduler and the hypercall code): guest virtual addresses, and the
 * hypercall trap as an architecture's trap handler does it.
 */
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/sched.h>
#include "harness.h"

/* ---- Guest virtual addresses: RAM at a fixed offset, nothing else -------- */

int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa)
{
    if ( gva < HARNESS_GVA_OFFSET || gva - HARNESS_GVA_OFFSET >= (1ULL << 40) )
        return -EFAULT;
    *gpa = gva - HARNESS_GVA_OFFSET;

    return 0;
}

/* ---- The hypercall trap, as an architecture's trap handler does it ------- */

void harness_hypercall(struct vcpu *v)
{
    static const unsigned int args[] = HARNESS_REG_ARGS;
    const struct hypercall_continuation *c = &v->hcall;
    uint64_t *r = v->arch.regs.r;
    unsigned int i;
    long rc;

    r[HARNESS_REG_PC] += HARNESS_TRAP_LEN;
    rc = do_hypercall(r[HARNESS_REG_NR], r[args[0]], r[args[1]], r[args[2]],
                      r[args[3]], r[args[4]]);
    if ( !c->pending )
    {
        r[HARNESS_REG_RES] = rc;
        if ( c->give_way )
            schedule(true);
        return;
    }

    r[HARNESS_REG_NR] = c->op;
    for ( i = 0; i < c->nr_args; i++ )
        r[args[i]] = c->args[i];
    r[HARNESS_REG_PC] -= HARNESS_TRAP_LEN;

    if ( schedule_should_yield() )
        schedule(true);
}
