/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host harness P2M format, deliberately unlike both real ones, so that the
 * common walker cannot lean on either:
 *
 *   bit 63     valid           bits 61:60  level the entry was made for
 *   bit 62     table           bits 59:56  type
 *   bits 47:4  mfn (shifted by 4, not 12)
 *
 * Three levels (root level 1, eight concatenated root pages), blocks at
 * level 2 only. Decoding an entry at a level it was not made for fails an
 * assertion: a walker that confuses levels is caught.
 */
#ifndef ASM_HARNESS_P2M_H
#define ASM_HARNESS_P2M_H

#include <xen/lib.h>

#define P2M_ROOT_LEVEL 1
#define P2M_ROOT_ORDER 3
#define P2M_GFN_BITS   30

#define HP_VALID      (1ULL << 63)
#define HP_TABLE      (1ULL << 62)
#define HP_LEVEL(l)   ((uint64_t)(l) << 60)
#define HP_LEVEL_OF(p) (((p) >> 60) & 3)
#define HP_TYPE(t)    ((uint64_t)(t) << 56)
#define HP_TYPE_OF(p) (((p) >> 56) & 0xf)
#define HP_MFN_SHIFT  4
#define HP_MFN_MASK   (((1ULL << 44) - 1) << HP_MFN_SHIFT)

struct arch_p2m {
    bool need_flush;
    unsigned long flushes;
};

struct p2m_domain;

static inline bool arch_p2m_pte_valid(uint64_t pte)
{
    return pte & HP_VALID;
}

static inline bool arch_p2m_pte_is_table(uint64_t pte, unsigned int level)
{
    /* A leaf is only ever looked at at the level it was made for. */
    ASSERT(!(pte & HP_VALID) || (pte & HP_TABLE) || HP_LEVEL_OF(pte) == level);
    return (pte & HP_VALID) && (pte & HP_TABLE);
}

static inline mfn_t arch_p2m_pte_mfn(uint64_t pte)
{
    return _mfn((pte & HP_MFN_MASK) >> HP_MFN_SHIFT);
}

static inline p2m_type_t arch_p2m_pte_type(uint64_t pte)
{
    ASSERT(!(pte & HP_TABLE));
    return HP_TYPE_OF(pte);
}

static inline uint64_t arch_p2m_make_leaf(mfn_t mfn, p2m_type_t t,
                                          unsigned int level)
{
    ASSERT(level == 2 || level == 3);
    return HP_VALID | HP_LEVEL(level) | HP_TYPE(t) |
           ((uint64_t)mfn_x(mfn) << HP_MFN_SHIFT);
}

static inline uint64_t arch_p2m_make_table(mfn_t mfn)
{
    return HP_VALID | HP_TABLE | ((uint64_t)mfn_x(mfn) << HP_MFN_SHIFT);
}

static inline bool arch_p2m_block_allowed(unsigned int level)
{
    return level == 2;
}

void harness_p2m_record(char what, const uint64_t *entry, uint64_t value);

static inline void arch_p2m_write_pte(uint64_t *entry, uint64_t pte)
{
    __atomic_store_n(entry, pte, __ATOMIC_RELEASE);
    harness_p2m_record('W', entry, pte);
}

int arch_p2m_init(struct p2m_domain *p2m);
void arch_p2m_destroy(struct p2m_domain *p2m);
void arch_p2m_flush(struct p2m_domain *p2m);

/*
 * XENMEM_add_to_physmap's arch choices (common/physmap.c): the harness
 * has both, chosen by the test (harness-mm.c).
 */
extern bool harness_xenheap_frame_moves;
#define ARCH_XENHEAP_FRAME_MOVES harness_xenheap_frame_moves
#define ARCH_PHYSMAP_GMFN        harness_xenheap_frame_moves
#define ARCH_PHYSMAP_DEV_MMIO    (!harness_xenheap_frame_moves)

#endif
