/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exceptions reach the guest: the library's own fault catching works
 * (an undefined instruction), an access where nothing is mapped is
 * reflected back as a data abort naming the address (where the
 * architecture faults there), and on arm64 an HVC with an unknown
 * immediate is turned into an undefined-instruction exception.
 */
#include <xtest.h>

static void no_fault(void *unused)
{
}

XTEST(faults, "faults", "Exceptions reflected to the guest")
{
    struct xtest_fault f;
    unsigned long addr;

    CHECK_EQ("no_fault.taken", xtest_expect_fault(no_fault, NULL, &f), 0);

    CHECK_EQ("undef.taken", xtest_expect_fault(arch_undef_insn, NULL, &f), 1);
    CHECK_EQ("undef.kind", f.kind, XTEST_FAULT_UNDEF);
    CHECK_EQ("undef.pc_offset", f.pc - (unsigned long)arch_undef_insn_pc, 0);
    xtest_info_hex("undef.syndrome", f.syndrome);

    /* And the same again: recovery leaves things usable. */
    CHECK_EQ("undef_again.taken",
             xtest_expect_fault(arch_undef_insn, NULL, &f), 1);

#if ARCH_HAS_BAD_HVC
    CHECK_EQ("bad_hvc.taken", xtest_expect_fault(arch_bad_hvc, NULL, &f), 1);
    CHECK_EQ("bad_hvc.kind", f.kind, XTEST_FAULT_UNDEF);
    xtest_info("bad_hvc.pc_offset", f.pc - (unsigned long)arch_bad_hvc_pc);
    xtest_info_hex("bad_hvc.syndrome", f.syndrome);
#endif

    if ( arch_unmapped_addr(&addr) )
    {
        xtest_info_hex("unmapped.addr", addr);
        CHECK_EQ("unmapped.taken",
                 xtest_expect_fault(arch_load, (void *)addr, &f), 1);
        CHECK_EQ("unmapped.kind", f.kind, XTEST_FAULT_DATA);
        CHECK_EQ("unmapped.addr_matches", f.addr == addr, 1);
        CHECK_EQ("unmapped.pc_offset",
                 f.pc - (unsigned long)arch_load_pc, 0);
        xtest_info_hex("unmapped.syndrome", f.syndrome);
    }
    else
        xtest_printf("faults: unmapped accesses do not fault on this "
                     "architecture; not checked\n");
}
