/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compressed frame numbers ("pdx"). RAM banks are packed one after the
 * other, so a frame's pdx is its offset in the bank plus the pdx where the
 * bank starts: the frame table has one entry per RAM frame and nothing for
 * the holes between banks, however large.
 */
#ifndef XEN_PDX_H
#define XEN_PDX_H

#include <xen/types.h>

struct page_info;
struct membanks;

extern struct page_info *frame_table;
extern unsigned long max_pdx;

/*
 * Describe RAM (page-aligned inward; banks may come in any order and
 * touch each other). Returns the number of frames, 0 if there is no RAM.
 */
unsigned long pdx_init(const struct membanks *ram, paddr_t limit);

bool mfn_valid(mfn_t mfn);
unsigned long mfn_to_pdx(mfn_t mfn);
mfn_t pdx_to_mfn(unsigned long pdx);
unsigned int pdx_nr_groups(void);

#endif /* XEN_PDX_H */
