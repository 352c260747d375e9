/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TLB flush generations (xen/tlb-generation.h).
 *
 * State: each set of translations t has a generation t->gen; each pCPU
 * publishes in_guest (the t whose guest it is in, or NULL) and seen (the
 * generation of t it read when it last entered).
 *
 *   enter (pCPU P):                    flush (pCPU F, after writing PTEs):
 *     E0 seen[P] = 0                     F1 g = ++t->gen (g >= 1)
 *     E1 in_guest[P] = t (release)       F2 full barrier
 *     E2 full barrier                    F3 for each P != F:
 *     E3 g' = t->gen                          if in_guest[P] == t and
 *     E4 seen[P] = g' (release)                  seen[P] < g: kick P
 *     E5 flush at entry if g' moved      F4 wait until, for each kicked P,
 *     ...guest...                             in_guest[P] != t or
 *     X1 in_guest[P] = NULL (release)         seen[P] >= g
 *
 * Why no stale translation survives F4. F stops caring about P only
 * once it has read in_guest[P] != t, or in_guest[P] == t with seen[P] >=
 * g (E0 before E1 makes sure that seen is the one of this entry, not a
 * value left from another t).
 * - seen[P] >= g: P's E3 read g or later, so P flushes at E5 before it
 *   runs guest code. The PTE writes come before F1, a sequentially
 *   consistent read-modify-write, so that flush also finds the new
 *   entries.
 * - in_guest[P] != t: either P is in the hypervisor, having left the
 *   guest (X1 is after the guest exit, which is serialising: P's guest
 *   accesses with old translations are over), or it never entered. In
 *   both cases F's read comes before P's next E1 (it reads an older
 *   value), and F1-F2-F3/F4 against E1-E2-E3 is the store-buffering
 *   pattern with a full barrier on each side: P's next E3 reads g or
 *   later, and P flushes before it runs guest code again.
 * F kicks every P it finds in t's guest with an older seen. The kick is
 * an interrupt, and physical interrupts make a guest exit (x86: INTR is
 * intercepted, and one pending at VMRUN makes it exit at once), so F4
 * ends. A pCPU that left t's guest for another keeps old entries of t
 * only until that entry's flush (TLB_GEN_NEVER at each stay on a pCPU:
 * the first entry after being scheduled in flushes everything).
 *
 * F never waits for a pCPU that is not in guest mode, so two pCPUs
 * flushing at once, or one waiting for the P2M lock that F holds, cannot
 * deadlock: those are in the hypervisor, with in_guest NULL.
 */
#include <xen/arch-hooks.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/tlb-generation.h>
#include <asm/processor.h>
#include <asm/system.h>

static struct {
    const struct tlb_generation *in_guest;
    uint64_t seen;
} tlb_cpu[CONFIG_NR_CPUS];

static unsigned long waits;

bool tlb_gen_enter(struct tlb_generation *t, uint64_t *flushed)
{
    unsigned int cpu = smp_processor_id();
    uint64_t gen;

    __atomic_store_n(&tlb_cpu[cpu].seen, 0, __ATOMIC_RELAXED);     /* E0 */
    __atomic_store_n(&tlb_cpu[cpu].in_guest, t, __ATOMIC_RELEASE); /* E1 */
    smp_mb();                                                      /* E2 */
    gen = __atomic_load_n(&t->gen, __ATOMIC_ACQUIRE);              /* E3 */
    __atomic_store_n(&tlb_cpu[cpu].seen, gen, __ATOMIC_RELEASE);   /* E4 */

    if ( gen == *flushed )
        return false;
    *flushed = gen;

    return true; /* E5 */
}

void tlb_gen_exit(void)
{
    __atomic_store_n(&tlb_cpu[smp_processor_id()].in_guest, NULL,
                     __ATOMIC_RELEASE); /* X1 */
}

/* Whether pCPU cpu may still use translations of t older than gen. */
static bool may_be_stale(unsigned int cpu, const struct tlb_generation *t,
                         uint64_t gen)
{
    return __atomic_load_n(&tlb_cpu[cpu].in_guest, __ATOMIC_ACQUIRE) == t &&
           __atomic_load_n(&tlb_cpu[cpu].seen, __ATOMIC_ACQUIRE) < gen;
}

void tlb_gen_flush(struct tlb_generation *t)
{
    unsigned int cpu, self = smp_processor_id();
    bool kicked[CONFIG_NR_CPUS] = { false };
    bool any = false;
    uint64_t gen;

    ASSERT(!tlb_cpu[self].in_guest);
    gen = __atomic_add_fetch(&t->gen, 1, __ATOMIC_SEQ_CST); /* F1 */
    smp_mb();                                               /* F2 */

    for ( cpu = 0; cpu < CONFIG_NR_CPUS; cpu++ ) /* F3 */
        if ( cpu != self && may_be_stale(cpu, t, gen) )
        {
            cpu_kick(cpu);
            kicked[cpu] = any = true;
        }
    if ( !any )
        return;

    __atomic_fetch_add(&waits, 1, __ATOMIC_RELAXED);
    for ( cpu = 0; cpu < CONFIG_NR_CPUS; cpu++ ) /* F4 */
        while ( kicked[cpu] && may_be_stale(cpu, t, gen) )
            arch_cpu_relax();
}

unsigned long tlb_gen_waits(void)
{
    return __atomic_load_n(&waits, __ATOMIC_RELAXED);
}
