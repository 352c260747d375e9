/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 probes for the cpu-features test: reading any ID group 3
 * register by number, and one small function per register access or
 * instruction, each of the form void fn(unsigned long *arg) so that
 * xtest_expect_fault() can run it. Registers and newer instructions are
 * written by encoding, so that the assembler's -march does not matter.
 */
    .text

/*
 * unsigned long arm64_read_id(unsigned long slot): the ID group 3
 * register op0 3, op1 0, CRn 0, CRm = slot / 8 + 1, op2 = slot % 8
 * (slot < 56; the caller checks).
 */
    .global arm64_read_id
arm64_read_id:
    adr     x1, 1f
    add     x1, x1, x0, lsl #3
    br      x1
1:
    .irp    crm, 1, 2, 3, 4, 5, 6, 7
    .irp    op2, 0, 1, 2, 3, 4, 5, 6, 7
    mrs     x0, s3_0_c0_c\crm\()_\op2
    ret
    .endr
    .endr

/* arm64_rd_NAME(unsigned long *out): *out = the register. */
    .macro  rd name, reg
    .global arm64_rd_\name
arm64_rd_\name:
    mrs     x1, \reg
    str     x1, [x0]
    ret
    .endm

/* arm64_wr_NAME(unsigned long *in): the register = *in. */
    .macro  wr name, reg
    .global arm64_wr_\name
arm64_wr_\name:
    ldr     x1, [x0]
    msr     \reg, x1
    isb
    ret
    .endm

/* Debug registers (MDCR_EL2.TDA/TDOSA/TDRA on Xen). */
    rd      mdscr, s2_0_c0_c2_2
    wr      mdscr, s2_0_c0_c2_2
    rd      oslsr, s2_0_c1_c1_4
    wr      oslar, s2_0_c1_c0_4
    rd      osdlr, s2_0_c1_c3_4
    wr      osdlr, s2_0_c1_c3_4
    rd      mdrar, s2_0_c1_c0_0
    rd      dbgbcr0, s2_0_c0_c0_5
    wr      dbgbcr0, s2_0_c0_c0_5
    rd      dbgbvr0, s2_0_c0_c0_4
    wr      dbgbvr0, s2_0_c0_c0_4
    rd      dbgwcr0, s2_0_c0_c0_7
    wr      dbgwcr0, s2_0_c0_c0_7
    rd      dbgwvr0, s2_0_c0_c0_6
    wr      dbgwvr0, s2_0_c0_c0_6
    rd      mdccsr, s2_3_c0_c1_0

/* PMU registers (MDCR_EL2.TPM/TPMCR). */
    rd      pmcr, s3_3_c9_c12_0
    wr      pmcr, s3_3_c9_c12_0
    rd      pmccntr, s3_3_c9_c13_0
    rd      pmceid0, s3_3_c9_c12_6
    wr      pmcntenclr, s3_3_c9_c12_2
    wr      pmovsclr, s3_3_c9_c12_3
    rd      pmselr, s3_3_c9_c12_5
    wr      pmselr, s3_3_c9_c12_5
    rd      pmuserenr, s3_3_c9_c14_0
    wr      pmuserenr, s3_3_c9_c14_0
    wr      pmintenclr, s3_0_c9_c14_2

/* Registers of features a hypervisor may hide. */
    rd      gcr, s3_0_c1_c0_6               /* MTE: GCR_EL1 */
    rd      amcr, s3_3_c13_c2_0             /* AMU: AMCR_EL0 */
    rd      erridr, s3_0_c5_c3_0            /* RAS: ERRIDR_EL1 */
    rd      lorid, s3_0_c10_c4_7            /* LOR: LORID_EL1 */
    rd      scxtnum, s3_0_c13_c0_7          /* CSV2_2: SCXTNUM_EL1 */
    wr      apiakeylo, s3_0_c2_c1_0         /* PAuth keys */
    wr      apiakeyhi, s3_0_c2_c1_1
    rd      apiakeylo, s3_0_c2_c1_0
    wr      apgakeylo, s3_0_c2_c3_0
    wr      apgakeyhi, s3_0_c2_c3_1

/* void arm64_sve_rdvl(unsigned long *out): RDVL X1, #1 (SVE). */
    .global arm64_sve_rdvl
arm64_sve_rdvl:
    .inst   0x04bf5021
    str     x1, [x0]
    ret

/* void arm64_sme_start(unsigned long *unused): SMSTART then SMSTOP. */
    .global arm64_sme_start
arm64_sme_start:
    .inst   0xd503477f
    .inst   0xd503467f
    ret

/* Instructions that need no system register (each: void fn(arg)). */
    .global arm64_crc32
arm64_crc32:                                /* CRC32X W1, W1, X1 */
    ldr     x1, [x0]
    .inst   0x9ac14c21
    str     x1, [x0]
    ret

    .global arm64_ldadd
arm64_ldadd:                                /* LDADD X1, X2, [X0] */
    mov     x1, #1
    .inst   0xf8210002
    ret

    .global arm64_rndr
arm64_rndr:                                 /* MRS X1, RNDR */
    mrs     x1, s3_3_c2_c4_0
    str     x1, [x0]
    ret

    .global arm64_sb
arm64_sb:                                   /* SB */
    .inst   0xd50330ff
    ret

    .global arm64_dc_cvap
arm64_dc_cvap:                              /* DC CVAP, X0 */
    .inst   0xd50b7c20
    ret

    .global arm64_ldapr
arm64_ldapr:                                /* LDAPR X1, [X0] */
    .inst   0xf8bfc001
    ret

    .global arm64_pan
arm64_pan:                                  /* MSR PAN, #1; MSR PAN, #0 */
    .inst   0xd500419f
    .inst   0xd500409f
    ret

    .global arm64_dit
arm64_dit:                                  /* MSR DIT, #1; MSR DIT, #0 */
    .inst   0xd503415f
    .inst   0xd503405f
    ret

    .global arm64_ssbs
arm64_ssbs:                                 /* MSR SSBS, #1; MSR SSBS, #0 */
    .inst   0xd503413f
    .inst   0xd503403f
    ret

    .global arm64_cfinv
arm64_cfinv:                                /* CFINV twice */
    .inst   0xd500401f
    .inst   0xd500401f
    ret

    .global arm64_tlbi_os
arm64_tlbi_os:                              /* TLBI VMALLE1OS; DSB ISH */
    .inst   0xd508811f
    dsb     ish
    ret

/*
 * Pointer authentication: unsigned long fn(ptr, modifier), with the
 * instruction key A (PACIA/AUTIA X0, X1) and the generic key (PACGA X0,
 * X0, X1).
 */
    .global arm64_pacia
arm64_pacia:
    .inst   0xdac10020
    ret

    .global arm64_autia
arm64_autia:
    .inst   0xdac11020
    ret

    .global arm64_pacga
arm64_pacga:
    .inst   0x9ac13000
    ret

/* void arm64_pacga_probe(unsigned long *io): *io = PACGA(*io, 1). */
    .global arm64_pacga_probe
arm64_pacga_probe:
    ldr     x1, [x0]
    mov     x2, #1
    .inst   0x9ac23021                      /* PACGA X1, X1, X2 */
    str     x1, [x0]
    ret

    .section .note.GNU-stack, "", %progbits
