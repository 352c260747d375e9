/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TLB flush generations: for an architecture whose guest TLB entries are
 * flushed by each pCPU for itself when it enters a guest (x86 SVM: the
 * VMCB's TLB control), not by a broadcast instruction. The contract the
 * P2M relies on (xen/p2m.h): when tlb_gen_flush(t) returns, no pCPU can
 * still use a translation cached before it was called: every pCPU that
 * was in a guest of t has left it, or has read the new generation and
 * flushes before it enters again. A page the P2M released afterwards is
 * unreachable. The protocol and its memory ordering are described in
 * common/tlb-generation.c.
 */
#ifndef XEN_TLB_GENERATION_H
#define XEN_TLB_GENERATION_H

#include <xen/types.h>

/* One per set of translations flushed together (x86: one per P2M). */
struct tlb_generation {
    uint64_t gen; /* bumped by every tlb_gen_flush() */
};

static inline void tlb_gen_init(struct tlb_generation *t)
{
    t->gen = 0;
}

/*
 * The entering side, on the pCPU about to enter a guest of t, with
 * interrupts masked, after everything that may wait or take a lock:
 * publishes that this pCPU is in a guest of t and returns true if the
 * entry must flush the TLB (the generation moved since *flushed, which
 * the caller keeps per stay on the pCPU and which is updated). Start
 * *flushed at TLB_GEN_NEVER when the pCPU's TLB may hold anything.
 */
#define TLB_GEN_NEVER (~0ULL)
bool tlb_gen_enter(struct tlb_generation *t, uint64_t *flushed);

/* Right after the guest exit, before anything else: out of the guest. */
void tlb_gen_exit(void);

/*
 * After a change of t's translations (entries written): bump the
 * generation, kick every pCPU in a guest of t that has not seen it, and
 * wait until each has left the guest or seen it. Never waits for the
 * calling pCPU (it is not in a guest). Interrupts may be masked: the
 * pCPUs waited for are in guest mode, where the kick makes them exit.
 */
void tlb_gen_flush(struct tlb_generation *t);

/* How many tlb_gen_flush() calls had to kick and wait, since boot. */
#ifdef CONFIG_TLB_GENERATION
unsigned long tlb_gen_waits(void);
#else
static inline unsigned long tlb_gen_waits(void)
{
    return 0;
}
#endif

#endif /* XEN_TLB_GENERATION_H */
