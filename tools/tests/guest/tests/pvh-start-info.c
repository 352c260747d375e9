/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a PVH guest is handed at entry: a struct hvm_start_info with the
 * right magic, a command line, and a memory map whose RAM holds the
 * image; SIF_INITDOMAIN agrees with XENFEAT_dom0.
 */
#include <xtest.h>
#include <public/version.h>
#include <public/features.h>
#include <public/arch-x86/hvm/start_info.h>

extern const char _start_image[];

XTEST(pvh_start_info, "pvh-start-info", "The PVH start info")
{
    const struct hvm_start_info *si = x86_start_info();
    const struct hvm_memmap_table_entry *m;
    unsigned long me = (unsigned long)_start_image;
    xen_feature_info_t fi = { .submap_idx = 0 };
    unsigned int i, nr;
    bool in_ram = false;

    xtest_info_hex("start_info_pa", x86_start_info_pa());
    CHECK_EQ("magic_ok", si != NULL, 1);
    if ( !si )
        return;
    /* Version 1 adds the memory map; Xen 4.17's PVH dom0 gets 0. */
    xtest_info("version", si->version);
    xtest_info_hex("flags", si->flags);
    xtest_info("nr_modules", si->nr_modules);
    CHECK_TRUE("cmdline_paddr", si->cmdline_paddr,
               si->cmdline_paddr && si->cmdline_paddr < (1UL << 32),
               "a command line below 4 GiB");
    xtest_info("memmap_entries", si->version >= 1 ? si->memmap_entries : 0);
    m = x86_memmap(&nr);
    CHECK_TRUE("memmap.nr", nr, nr > 0,
               "a memory map (start info or XENMEM_memory_map)");
    for ( i = 0; i < nr; i++ )
    {
        xtest_printf("pvh-start-info: memmap %u: %#lx-%#lx type %u\n", i,
                     (unsigned long)m[i].addr,
                     (unsigned long)(m[i].addr + m[i].size - 1), m[i].type);
        if ( m[i].type == XEN_HVM_MEMMAP_TYPE_RAM && me >= m[i].addr &&
             me - m[i].addr < m[i].size )
            in_ram = true;
    }
    CHECK_EQ("image_in_ram", in_ram, 1);

    CHECK_EQ("get_features.rc",
             hypercall_xen_version(XENVER_get_features, &fi), 0);
    CHECK_EQ("initdomain_matches_xenfeat_dom0",
             !!(si->flags & SIF_INITDOMAIN),
             !!(fi.submap & (1u << XENFEAT_dom0)));
}
