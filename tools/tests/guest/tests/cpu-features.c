/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a guest sees of the CPU, and whether it can use it (arm64).
 *
 * 1. Every register of ID group 3 (op0 3, op1 0, CRn 0, CRm 1-7) is
 *    printed; SVE (and its ZFR0), MTE, AMU, RAS and MPAM must be hidden,
 *    as on upstream Xen 4.17, and the encodings no architecture version
 *    uses read as zero.
 * 2. For each feature that can be hidden and trapped, what the ID
 *    registers show is compared with what happens when it is used: shown
 *    means it works, hidden means an undefined-instruction exception.
 *    With "cpu-features=strict" on the command line (our hypervisor's
 *    runs) each of these is a check; without it (the runs on upstream,
 *    which shows SME but traps it) they are printed for comparison only.
 * 3. Features shown that need no hypervisor support are used once each
 *    (CRC32, atomics, RNDR, SB, ...), and pointer authentication, when
 *    shown, signs and authenticates a pointer, with a key that survives
 *    another vCPU using a different one on the same pCPU.
 * 4. The debug and PMU registers a Linux guest touches at boot can be
 *    read and written without a fault (upstream: read as zero, writes
 *    ignored).
 */
#include <xtest.h>
#include <public/sched.h>

/* arch/arm64/cpu.S */
typedef void probe_fn(void *);
unsigned long arm64_read_id(unsigned long slot);
probe_fn arm64_rd_mdscr, arm64_wr_mdscr, arm64_rd_oslsr, arm64_wr_oslar,
    arm64_rd_osdlr, arm64_wr_osdlr, arm64_rd_mdrar, arm64_rd_dbgbcr0,
    arm64_wr_dbgbcr0, arm64_rd_dbgbvr0, arm64_wr_dbgbvr0, arm64_rd_dbgwcr0,
    arm64_wr_dbgwcr0, arm64_rd_dbgwvr0, arm64_wr_dbgwvr0, arm64_rd_mdccsr;
probe_fn arm64_rd_pmcr, arm64_wr_pmcr, arm64_rd_pmccntr, arm64_rd_pmceid0,
    arm64_wr_pmcntenclr, arm64_wr_pmovsclr, arm64_rd_pmselr, arm64_wr_pmselr,
    arm64_rd_pmuserenr, arm64_wr_pmuserenr, arm64_wr_pmintenclr;
probe_fn arm64_rd_gcr, arm64_rd_amcr, arm64_rd_erridr, arm64_rd_lorid,
    arm64_rd_scxtnum, arm64_wr_apiakeylo, arm64_wr_apiakeyhi,
    arm64_rd_apiakeylo, arm64_wr_apgakeylo, arm64_wr_apgakeyhi;
probe_fn arm64_sve_rdvl, arm64_sme_start, arm64_crc32, arm64_ldadd,
    arm64_rndr, arm64_sb, arm64_dc_cvap, arm64_ldapr, arm64_pan, arm64_dit,
    arm64_ssbs, arm64_cfinv, arm64_tlbi_os, arm64_pacga_probe;
unsigned long arm64_pacia(unsigned long ptr, unsigned long modifier);
unsigned long arm64_autia(unsigned long ptr, unsigned long modifier);

#define NR_SLOTS 56
#define SLOT(crm, op2) (((crm) - 1) * 8 + (op2))

/* The registers' names, by slot (ARMv8.8 / ARMv9.3 allocations). */
static const char *const id_names[NR_SLOTS] = {
    [SLOT(1, 0)] = "id_pfr0", [SLOT(1, 1)] = "id_pfr1",
    [SLOT(1, 2)] = "id_dfr0", [SLOT(1, 3)] = "id_afr0",
    [SLOT(1, 4)] = "id_mmfr0", [SLOT(1, 5)] = "id_mmfr1",
    [SLOT(1, 6)] = "id_mmfr2", [SLOT(1, 7)] = "id_mmfr3",
    [SLOT(2, 0)] = "id_isar0", [SLOT(2, 1)] = "id_isar1",
    [SLOT(2, 2)] = "id_isar2", [SLOT(2, 3)] = "id_isar3",
    [SLOT(2, 4)] = "id_isar4", [SLOT(2, 5)] = "id_isar5",
    [SLOT(2, 6)] = "id_mmfr4", [SLOT(2, 7)] = "id_isar6",
    [SLOT(3, 0)] = "mvfr0", [SLOT(3, 1)] = "mvfr1", [SLOT(3, 2)] = "mvfr2",
    [SLOT(3, 4)] = "id_pfr2", [SLOT(3, 5)] = "id_dfr1",
    [SLOT(3, 6)] = "id_mmfr5",
    [SLOT(4, 0)] = "aa64pfr0", [SLOT(4, 1)] = "aa64pfr1",
    [SLOT(4, 2)] = "aa64pfr2", [SLOT(4, 4)] = "aa64zfr0",
    [SLOT(4, 5)] = "aa64smfr0", [SLOT(4, 7)] = "aa64fpfr0",
    [SLOT(5, 0)] = "aa64dfr0", [SLOT(5, 1)] = "aa64dfr1",
    [SLOT(5, 2)] = "aa64dfr2", [SLOT(5, 4)] = "aa64afr0",
    [SLOT(5, 5)] = "aa64afr1",
    [SLOT(6, 0)] = "aa64isar0", [SLOT(6, 1)] = "aa64isar1",
    [SLOT(6, 2)] = "aa64isar2", [SLOT(6, 3)] = "aa64isar3",
    [SLOT(7, 0)] = "aa64mmfr0", [SLOT(7, 1)] = "aa64mmfr1",
    [SLOT(7, 2)] = "aa64mmfr2", [SLOT(7, 3)] = "aa64mmfr3",
    [SLOT(7, 4)] = "aa64mmfr4",
};

static unsigned long id[NR_SLOTS];
static bool strict;

static unsigned int field(unsigned int slot, unsigned int shift)
{
    return (id[slot] >> shift) & 0xf;
}

#define PFR0   SLOT(4, 0)
#define PFR1   SLOT(4, 1)
#define ZFR0   SLOT(4, 4)
#define SMFR0  SLOT(4, 5)
#define DFR0   SLOT(5, 0)
#define ISAR0  SLOT(6, 0)
#define ISAR1  SLOT(6, 1)
#define MMFR1  SLOT(7, 1)

/* read_REG() and write_REG(v) for an EL1 system register. */
#define EL1_ACCESSORS(reg)                                                \
    static unsigned long read_##reg(void)                                 \
    {                                                                     \
        unsigned long v;                                                  \
                                                                          \
        asm volatile ( "mrs %0, " #reg : "=r" (v) );                      \
        return v;                                                         \
    }                                                                     \
    static void write_##reg(unsigned long v)                              \
    {                                                                     \
        asm volatile ( "msr " #reg ", %0; isb" :: "r" (v) : "memory" );   \
    }

EL1_ACCESSORS(cpacr_el1)
EL1_ACCESSORS(sctlr_el1)

#define CPACR_ZEN   (3UL << 16)
#define CPACR_FPEN  (3UL << 20)
#define CPACR_SMEN  (3UL << 24)
#define SCTLR_ENIA  (1UL << 31)

/* Run fn; 0 if it ran, 1 if undefined, 2 if any other exception. */
static unsigned int run(probe_fn *fn, unsigned long *arg,
                        unsigned long *syndrome)
{
    struct xtest_fault f;

    if ( !xtest_expect_fault(fn, arg, &f) )
        return 0;
    if ( syndrome )
        *syndrome = f.syndrome;

    return f.kind == XTEST_FAULT_UNDEF ? 1 : 2;
}

static void check_name(char *buf, size_t size, const char *a, const char *b)
{
    xtest_snprintf(buf, size, "%s.%s", a, b);
}

/**** 1. The registers ****/

static void read_ids(void)
{
    unsigned int slot, nonzero_unallocated = 0;
    char name[48];

    for ( slot = 0; slot < NR_SLOTS; slot++ )
    {
        id[slot] = arm64_read_id(slot);
        if ( id_names[slot] )
        {
            check_name(name, sizeof(name), "id", id_names[slot]);
            xtest_info_hex(name, id[slot]);
        }
        else if ( id[slot] )
        {
            xtest_snprintf(name, sizeof(name), "id.unallocated.c%u_%u",
                           slot / 8 + 1, slot % 8);
            CHECK_EQ(name, id[slot], 0);
            nonzero_unallocated++;
        }
    }
    CHECK_EQ("id.unallocated_nonzero", nonzero_unallocated, 0);
}

static void check_hidden(void)
{
    CHECK_EQ("hidden.sve", field(PFR0, 32), 0);
    CHECK_EQ("hidden.zfr0", id[ZFR0], 0);
    CHECK_EQ("hidden.mte", field(PFR1, 8), 0);
    CHECK_EQ("hidden.amu", field(PFR0, 44), 0);
    CHECK_EQ("hidden.ras", field(PFR0, 28), 0);
    CHECK_EQ("hidden.ras_frac", field(PFR1, 12), 0);
    CHECK_EQ("hidden.mpam", field(PFR0, 40), 0);
    CHECK_EQ("hidden.mpam_frac", field(PFR1, 16), 0);
}

/**** 2. Shown means usable, hidden means undefined ****/

struct trappable {
    const char *name;
    bool (*shown)(void);
    probe_fn *probe;
    /* Enabled in CPACR_EL1 around the probe (SVE and SME need FP too). */
    unsigned long cpacr;
};

static bool sve_shown(void) { return field(PFR0, 32) != 0; }
static bool sme_shown(void) { return field(PFR1, 24) != 0; }
/* MTE 1 is its instructions at EL0 only: no GCR_EL1. */
static bool mte_shown(void) { return field(PFR1, 8) >= 2; }
static bool amu_shown(void) { return field(PFR0, 44) != 0; }
static bool ras_shown(void) { return field(PFR0, 28) != 0; }
static bool lor_shown(void) { return field(MMFR1, 16) != 0; }
static bool scxtnum_shown(void) { return field(PFR0, 56) >= 2; }

static bool pauth_shown(void)
{
    return field(ISAR1, 4) || field(ISAR1, 8);
}

static bool pauth_generic_shown(void)
{
    return field(ISAR1, 24) || field(ISAR1, 28);
}

static const struct trappable trappables[] = {
    { "sve", sve_shown, arm64_sve_rdvl, CPACR_ZEN | CPACR_FPEN },
    { "sme", sme_shown, arm64_sme_start, CPACR_SMEN | CPACR_FPEN },
    { "mte", mte_shown, arm64_rd_gcr, 0 },
    { "amu", amu_shown, arm64_rd_amcr, 0 },
    { "ras", ras_shown, arm64_rd_erridr, 0 },
    { "lor", lor_shown, arm64_rd_lorid, 0 },
    { "scxtnum", scxtnum_shown, arm64_rd_scxtnum, 0 },
    { "pauth_keys", pauth_shown, arm64_rd_apiakeylo, 0 },
    { "pauth_generic", pauth_generic_shown, arm64_pacga_probe, 0 },
};

static void check_trappables(void)
{
    unsigned int i;
    char name[48];

    for ( i = 0; i < ARRAY_SIZE(trappables); i++ )
    {
        const struct trappable *t = &trappables[i];
        unsigned long cpacr = read_cpacr_el1(), arg = 0, esr = 0;
        bool shown = t->shown();
        unsigned int r;
        bool consistent;

        write_cpacr_el1(cpacr | t->cpacr);
        r = run(t->probe, &arg, &esr);
        write_cpacr_el1(cpacr);

        consistent = shown ? r == 0 : r == 1;
        check_name(name, sizeof(name), t->name, "shown");
        xtest_info(name, shown);
        check_name(name, sizeof(name), t->name, "use");
        xtest_info_str(name, r == 0 ? "works" : r == 1 ? "undefined"
                                                       : "other-exception");
        if ( r )
        {
            check_name(name, sizeof(name), t->name, "syndrome");
            xtest_info_hex(name, esr);
        }
        check_name(name, sizeof(name), t->name, "consistent");
        if ( strict )
            CHECK_TRUE(name, consistent, consistent,
                       shown ? "usable, as shown" : "undefined, as hidden");
        else
            xtest_info(name, consistent);
    }
}

/**** 3. Shown features work ****/

struct usable {
    const char *name;
    unsigned int slot, shift, min;
    probe_fn *probe;
};

static const struct usable usables[] = {
    { "crc32", ISAR0, 16, 1, arm64_crc32 },
    { "atomics", ISAR0, 20, 2, arm64_ldadd },
    { "rndr", ISAR0, 60, 1, arm64_rndr },
    { "flagm", ISAR0, 52, 1, arm64_cfinv },
    { "tlbi_os", ISAR0, 56, 1, arm64_tlbi_os },
    { "sb", ISAR1, 36, 1, arm64_sb },
    { "dpb", ISAR1, 0, 1, arm64_dc_cvap },
    { "lrcpc", ISAR1, 20, 1, arm64_ldapr },
    { "pan", MMFR1, 20, 1, arm64_pan },
    { "dit", PFR0, 48, 1, arm64_dit },
    { "ssbs", PFR1, 4, 2, arm64_ssbs },
};

static void fp_probe(void *unused)
{
    arch_fp_enable();
    arch_fp_fill(0x0123456789abcdefUL);
    if ( arch_fp_check(0x0123456789abcdefUL) )
        xtest_failure("FP/SIMD registers did not keep their values");
}

static void check_usables(void)
{
    unsigned int i;
    unsigned long arg;
    char name[48];

    for ( i = 0; i < ARRAY_SIZE(usables); i++ )
    {
        const struct usable *u = &usables[i];

        if ( field(u->slot, u->shift) < u->min )
            continue;
        arg = 0;
        check_name(name, sizeof(name), "works", u->name);
        CHECK_EQ(name, run(u->probe, &arg, NULL), 0);
    }

    /* FP and AdvSIMD: 0xf says not implemented. */
    if ( field(PFR0, 16) != 0xf && field(PFR0, 20) != 0xf )
        CHECK_EQ("works.fp_simd", run(fp_probe, NULL, NULL), 0);
}

/*
 * Pointer authentication with key A: a signed pointer differs from the
 * pointer, authenticates back to it, and fails with another modifier;
 * the key survives another vCPU of the domain (vCPU 1, started on the
 * same pCPU in our single-pCPU run) setting a different one.
 */
#define PAUTH_PTR  0x0000000040123450UL
#define PAUTH_MOD  0x5a5aUL
#define KEY_LO(v)  (0x1111111111111111UL * (v))
#define KEY_HI(v)  (0x0f0f0f0f0f0f0f0fUL ^ KEY_LO(v))

static volatile unsigned long vcpu1_signed;
static volatile bool vcpu1_done;

static void set_key_a(unsigned int v)
{
    unsigned long lo = KEY_LO(v), hi = KEY_HI(v);

    arm64_wr_apiakeylo(&lo);
    arm64_wr_apiakeyhi(&hi);
}

static void vcpu1_pauth(unsigned long unused)
{
    set_key_a(7);
    write_sctlr_el1(read_sctlr_el1() | SCTLR_ENIA);
    vcpu1_signed = arm64_pacia(PAUTH_PTR, PAUTH_MOD);
    arch_mb();
    vcpu1_done = true;
    xtest_vcpu1_stop();
}

static void auth_wrong(void *arg)
{
    unsigned long *p = arg;

    *p = arm64_autia(*p, PAUTH_MOD + 1);
}

static void check_pauth(void)
{
    unsigned long sctlr = read_sctlr_el1(), signed_ptr, again, bad;
    unsigned long start, per_s = arch_cycles_per_ms() * 1000;
    struct xtest_fault f;
    long rc;

    if ( !pauth_shown() )
    {
        xtest_printf("cpu-features: pointer authentication not shown; "
                     "not used\n");
        return;
    }

    set_key_a(3);
    write_sctlr_el1(sctlr | SCTLR_ENIA);
    signed_ptr = arm64_pacia(PAUTH_PTR, PAUTH_MOD);
    CHECK_TRUE("pauth.signed_differs", signed_ptr != PAUTH_PTR,
               signed_ptr != PAUTH_PTR, "a PAC in the top bits");
    CHECK_EQ("pauth.roundtrip", arm64_autia(signed_ptr, PAUTH_MOD),
             PAUTH_PTR);

    /* FEAT_FPAC faults on a failed authentication; without it, a bad ptr. */
    bad = signed_ptr;
    if ( xtest_expect_fault(auth_wrong, &bad, &f) )
        bad = ~PAUTH_PTR;
    CHECK_TRUE("pauth.wrong_modifier_fails", bad != PAUTH_PTR,
               bad != PAUTH_PTR, "not the pointer");

    rc = xtest_start_vcpu1(vcpu1_pauth, 0);
    if ( rc == 0 )
    {
        start = arch_cycles();
        while ( !vcpu1_done && arch_cycles() - start < 5 * per_s )
            hypercall_sched_op(SCHEDOP_yield, NULL);
        CHECK_EQ("pauth.vcpu1_done", vcpu1_done, 1);
        CHECK_TRUE("pauth.vcpu1_key_differs", vcpu1_signed != signed_ptr,
                   vcpu1_signed != signed_ptr, "another key, another PAC");
        again = arm64_pacia(PAUTH_PTR, PAUTH_MOD);
        CHECK_EQ("pauth.key_kept", again, signed_ptr);
    }
    else
        xtest_printf("cpu-features: no vCPU 1 (%ld); keys across vCPUs not "
                     "checked\n", rc);

    write_sctlr_el1(sctlr);

    if ( pauth_generic_shown() )
    {
        unsigned long lo = KEY_LO(5), hi = KEY_HI(5), g = PAUTH_PTR;

        arm64_wr_apgakeylo(&lo);
        arm64_wr_apgakeyhi(&hi);
        arm64_pacga_probe(&g);
        CHECK_TRUE("pauth.generic", g, g && !(g & 0xffffffffUL),
                   "a PAC in the top half only");
    }
}

/**** 4. Debug and PMU registers ****/

struct access {
    const char *name;
    probe_fn *fn;
    unsigned long value; /* for writes */
};

static const struct access debug_accesses[] = {
    { "mdscr.read", arm64_rd_mdscr, 0 },
    { "mdscr.write", arm64_wr_mdscr, 0 },
    { "oslsr.read", arm64_rd_oslsr, 0 },
    { "oslar.write", arm64_wr_oslar, 0 },
    { "osdlr.read", arm64_rd_osdlr, 0 },
    { "osdlr.write", arm64_wr_osdlr, 0 },
    { "mdrar.read", arm64_rd_mdrar, 0 },
    { "dbgbcr0.read", arm64_rd_dbgbcr0, 0 },
    { "dbgbcr0.write", arm64_wr_dbgbcr0, 0 },
    { "dbgbvr0.read", arm64_rd_dbgbvr0, 0 },
    { "dbgbvr0.write", arm64_wr_dbgbvr0, 0 },
    { "dbgwcr0.read", arm64_rd_dbgwcr0, 0 },
    { "dbgwcr0.write", arm64_wr_dbgwcr0, 0 },
    { "dbgwvr0.read", arm64_rd_dbgwvr0, 0 },
    { "dbgwvr0.write", arm64_wr_dbgwvr0, 0 },
    { "mdccsr.read", arm64_rd_mdccsr, 0 },
};

static const struct access pmu_accesses[] = {
    { "pmcr.read", arm64_rd_pmcr, 0 },
    { "pmcr.write", arm64_wr_pmcr, 0 },
    { "pmccntr.read", arm64_rd_pmccntr, 0 },
    { "pmceid0.read", arm64_rd_pmceid0, 0 },
    { "pmcntenclr.write", arm64_wr_pmcntenclr, ~0UL },
    { "pmovsclr.write", arm64_wr_pmovsclr, ~0UL },
    { "pmselr.read", arm64_rd_pmselr, 0 },
    { "pmselr.write", arm64_wr_pmselr, 0 },
    { "pmuserenr.read", arm64_rd_pmuserenr, 0 },
    { "pmuserenr.write", arm64_wr_pmuserenr, 0 },
    { "pmintenclr.write", arm64_wr_pmintenclr, ~0UL },
};

static void check_accesses(const char *group, const struct access *acc,
                           unsigned int nr)
{
    unsigned int i;
    char name[48];

    for ( i = 0; i < nr; i++ )
    {
        unsigned long arg = acc[i].value;

        xtest_snprintf(name, sizeof(name), "%s.%s.faults", group,
                       acc[i].name);
        CHECK_EQ(name, run(acc[i].fn, &arg, NULL), 0);
        if ( strstr(acc[i].name, ".read") )
        {
            xtest_snprintf(name, sizeof(name), "%s.%s", group, acc[i].name);
            xtest_info_hex(name, arg);
        }
    }
}

XTEST(cpu_features, "cpu-features",
      "ID registers: hidden features trap, shown ones work")
{
    char buf[16];
    const char *mode = xtest_cmdline_value("cpu-features", buf, sizeof(buf));

    strict = mode && !strcmp(mode, "strict");
    xtest_info("strict", strict);

    read_ids();
    check_hidden();
    check_trappables();
    check_usables();
    check_pauth();
    check_accesses("debug", debug_accesses, ARRAY_SIZE(debug_accesses));
    if ( field(DFR0, 8) && field(DFR0, 8) != 0xf )
        check_accesses("pmu", pmu_accesses, ARRAY_SIZE(pmu_accesses));
    else
        xtest_printf("cpu-features: no PMU shown; its registers not used\n");
}
