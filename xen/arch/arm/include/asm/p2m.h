/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 stage-2 translation (4 KiB granule) as the common P2M walker sees
 * it (xen/p2m.h). 40-bit IPA: walks start at level 1 with two
 * concatenated root tables (VTCR_EL2.T0SZ = 24, SL0 = 1); blocks of 1 GiB
 * (level 1) and 2 MiB (level 2).
 *
 * Descriptor:
 *   bits 1:0    0b11 table (levels 1-2) or page (level 3), 0b01 block
 *   bits 5:2    MemAttr: 0b1111 normal write-back, 0b0001 device nGnRE
 *   bits 7:6    S2AP: 0b01 read-only, 0b11 read/write
 *   bits 9:8    SH: inner shareable (normal memory)
 *   bit 10      AF
 *   bits 47:12  output address
 *   bit 54      XN (no execution)
 *   bits 58:55  software: the p2m type
 */
#ifndef ASM_ARM_P2M_H
#define ASM_ARM_P2M_H

#include <xen/lib.h>

#define P2M_ROOT_LEVEL 1
#define P2M_ROOT_ORDER 1
#define P2M_IPA_BITS   40
#define P2M_GFN_BITS   (P2M_IPA_BITS - PAGE_SHIFT)

#define S2_VALID      (1ULL << 0)
#define S2_TABLE      (1ULL << 1) /* or "page" at level 3 */
#define S2_MEM_NORMAL (0xfULL << 2)
#define S2_MEM_DEVICE (0x1ULL << 2)
#define S2_AP_RO      (1ULL << 6)
#define S2_AP_RW      (3ULL << 6)
#define S2_SH_INNER   (3ULL << 8)
#define S2_AF         (1ULL << 10)
#define S2_XN         (1ULL << 54)
#define S2_TYPE_SHIFT 55
#define S2_TYPE_MASK  (0xfULL << S2_TYPE_SHIFT)
#define S2_ADDR_MASK  (((1ULL << 48) - 1) & ~((1ULL << PAGE_SHIFT) - 1))

/* VTCR_EL2 for the layout above; PS is added from ID_AA64MMFR0_EL1. */
#define VTCR_T0SZ       (64 - P2M_IPA_BITS)
#define VTCR_SL0_L1     (1U << 6)
#define VTCR_IRGN0_WBWA (1U << 8)
#define VTCR_ORGN0_WBWA (1U << 10)
#define VTCR_SH0_INNER  (3U << 12)
#define VTCR_TG0_4K     (0U << 14)
#define VTCR_PS_SHIFT   16
#define VTCR_RES1       (1U << 31)

struct arch_p2m {
    bool need_flush;
    uint8_t vmid;
};

struct p2m_domain;

static inline bool arch_p2m_pte_valid(uint64_t pte)
{
    return pte & S2_VALID;
}

static inline bool arch_p2m_pte_is_table(uint64_t pte, unsigned int level)
{
    return level < 3 && (pte & (S2_VALID | S2_TABLE)) == (S2_VALID | S2_TABLE);
}

static inline mfn_t arch_p2m_pte_mfn(uint64_t pte)
{
    return _mfn((pte & S2_ADDR_MASK) >> PAGE_SHIFT);
}

static inline p2m_type_t arch_p2m_pte_type(uint64_t pte)
{
    return (pte & S2_TYPE_MASK) >> S2_TYPE_SHIFT;
}

static inline uint64_t arch_p2m_make_leaf(mfn_t mfn, p2m_type_t t,
                                          unsigned int level)
{
    uint64_t pte = S2_VALID | S2_AF | ((uint64_t)t << S2_TYPE_SHIFT) |
                   ((uint64_t)mfn_x(mfn) << PAGE_SHIFT);

    if ( level == 3 )
        pte |= S2_TABLE; /* "page" */

    if ( t == p2m_mmio_direct_dev )
        pte |= S2_MEM_DEVICE | S2_XN;
    else
        pte |= S2_MEM_NORMAL | S2_SH_INNER;

    pte |= p2m_is_writable(t) ? S2_AP_RW : S2_AP_RO;
    if ( t != p2m_ram_rw && t != p2m_ram_ro )
        pte |= S2_XN; /* only the domain's own RAM executes */

    return pte;
}

static inline uint64_t arch_p2m_make_table(mfn_t mfn)
{
    return S2_VALID | S2_TABLE | ((uint64_t)mfn_x(mfn) << PAGE_SHIFT);
}

static inline bool arch_p2m_block_allowed(unsigned int level)
{
    return level == 1 || level == 2;
}

static inline void arch_p2m_write_pte(uint64_t *entry, uint64_t pte)
{
    __atomic_store_n(entry, pte, __ATOMIC_RELEASE);
    __asm__ __volatile__("dsb ishst" ::: "memory");
}

int arch_p2m_init(struct p2m_domain *p2m);
void arch_p2m_destroy(struct p2m_domain *p2m);
void arch_p2m_flush(struct p2m_domain *p2m);

/*
 * XENMEM_add_to_physmap, as upstream Arm does it (common/physmap.c): a
 * mapped xenheap frame is not moved (mapping it again is -EBUSY), no
 * XENMAPSPACE_gmfn, XENMAPSPACE_dev_mmio for the hardware domain.
 */
#define ARCH_XENHEAP_FRAME_MOVES false
#define ARCH_PHYSMAP_GMFN        false
#define ARCH_PHYSMAP_DEV_MMIO    true

#endif /* ASM_ARM_P2M_H */
