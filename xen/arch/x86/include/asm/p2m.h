/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AMD nested page tables (NPT) as the common P2M walker sees them
 * (xen/p2m.h): ordinary long-mode page tables, 48-bit guest-physical
 * addresses, four levels (PML4 = level 0 ... PT = level 3), large pages of
 * 1 GiB (level 1) and 2 MiB (level 2).
 *
 * Entry:
 *   bit 0 present, bit 1 writable, bit 2 user (NPT requires it for every
 *   guest access), bits 3-4 PWT/PCD (uncached MMIO), bit 7 large page,
 *   bits 51:12 address, bits 55:52 (available) the p2m type, bit 63 NX.
 */
#ifndef ASM_X86_P2M_H
#define ASM_X86_P2M_H

#include <xen/lib.h>
#include <xen/tlb-generation.h>

#define P2M_ROOT_LEVEL 0
#define P2M_ROOT_ORDER 0
#define P2M_GFN_BITS   (48 - PAGE_SHIFT)

#define NPT_P          (1ULL << 0)
#define NPT_RW         (1ULL << 1)
#define NPT_US         (1ULL << 2)
#define NPT_PWT        (1ULL << 3)
#define NPT_PCD        (1ULL << 4)
#define NPT_PS         (1ULL << 7)
#define NPT_TYPE_SHIFT 52
#define NPT_TYPE_MASK  (0xfULL << NPT_TYPE_SHIFT)
#define NPT_NX         (1ULL << 63)
#define NPT_ADDR_MASK  (((1ULL << 52) - 1) & ~((1ULL << PAGE_SHIFT) - 1))

struct arch_p2m {
    bool need_flush;
    uint32_t asid;
    /* Bumped by each flush; every pCPU flushes before it runs the guest. */
    struct tlb_generation tlb;
};

struct p2m_domain;

static inline bool arch_p2m_pte_valid(uint64_t pte)
{
    return pte & NPT_P;
}

static inline bool arch_p2m_pte_is_table(uint64_t pte, unsigned int level)
{
    return level < 3 && (pte & NPT_P) && !(pte & NPT_PS);
}

static inline mfn_t arch_p2m_pte_mfn(uint64_t pte)
{
    return _mfn((pte & NPT_ADDR_MASK) >> PAGE_SHIFT);
}

static inline p2m_type_t arch_p2m_pte_type(uint64_t pte)
{
    return (pte & NPT_TYPE_MASK) >> NPT_TYPE_SHIFT;
}

static inline uint64_t arch_p2m_make_leaf(mfn_t mfn, p2m_type_t t,
                                          unsigned int level)
{
    uint64_t pte = NPT_P | NPT_US | ((uint64_t)t << NPT_TYPE_SHIFT) |
                   ((uint64_t)mfn_x(mfn) << PAGE_SHIFT);

    if ( level < 3 )
        pte |= NPT_PS;
    if ( p2m_is_writable(t) )
        pte |= NPT_RW;
    if ( t == p2m_mmio_direct_dev )
        pte |= NPT_PCD | NPT_PWT;
    if ( t != p2m_ram_rw && t != p2m_ram_ro )
        pte |= NPT_NX;

    return pte;
}

static inline uint64_t arch_p2m_make_table(mfn_t mfn)
{
    return NPT_P | NPT_RW | NPT_US | ((uint64_t)mfn_x(mfn) << PAGE_SHIFT);
}

static inline bool arch_p2m_block_allowed(unsigned int level)
{
    return level == 1 || level == 2;
}

static inline void arch_p2m_write_pte(uint64_t *entry, uint64_t pte)
{
    __atomic_store_n(entry, pte, __ATOMIC_RELEASE);
}

int arch_p2m_init(struct p2m_domain *p2m);
void arch_p2m_destroy(struct p2m_domain *p2m);
void arch_p2m_flush(struct p2m_domain *p2m);

/*
 * XENMEM_add_to_physmap, as upstream x86 does it (common/physmap.c): a
 * mapped xenheap frame moves to the new GFN, XENMAPSPACE_gmfn moves a
 * RAM page, no XENMAPSPACE_dev_mmio.
 */
#define ARCH_XENHEAP_FRAME_MOVES true
#define ARCH_PHYSMAP_GMFN        true
#define ARCH_PHYSMAP_DEV_MMIO    false

#endif /* ASM_X86_P2M_H */
