/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 set-up and the hooks common code needs: the command line from
 * /chosen/bootargs, the trap handler, PSCI power-off, and what the
 * device tree says about memory.
 */
#include <xtest.h>

/* The state arch/arm64/head.S saves on an exception. */
struct arm64_frame {
    unsigned long x[31];
    unsigned long elr, spsr, esr, far;
    unsigned long pad;
};

#define ESR_EC(esr)         (((esr) >> 26) & 0x3f)
#define EC_UNKNOWN          0x00
#define EC_DABT_CUR         0x25
#define EC_IABT_CUR         0x21
#define VEC_SYNC_CUR_SPX    4

#define PSCI_SYSTEM_OFF     0x84000008UL
#define PSCI_CPU_OFF        0x84000002UL
#define PSCI_CPU_ON_64      0xc4000003UL

void xtest_arch_start(const void *fdt);
void arm64_secondary(unsigned long context);
void arm64_trap(struct arm64_frame *f, unsigned long idx);
void arm64_regdump_call(unsigned long nr, unsigned long a0, unsigned long a1,
                        unsigned long a2, unsigned long out[33]);
void xtest_main(void);

extern const char _start[];

static const void *boot_fdt;
static const char *cmdline = "";

void xtest_arch_start(const void *fdt)
{
    int node;
    const char *args;
    int len;

    if ( fdt_valid(fdt) )
    {
        boot_fdt = fdt;
        node = fdt_path(fdt, "/chosen");
        args = node >= 0 ? fdt_prop(fdt, node, "bootargs", &len) : NULL;
        if ( args && len > 0 && args[len - 1] == '\0' )
            cmdline = args;
    }

    xtest_main();
}

void (*volatile arm64_secondary_fn)(unsigned long context);

/* head.S's secondary entry, on the secondary stack. */
void arm64_secondary(unsigned long context)
{
    if ( arm64_secondary_fn )
        arm64_secondary_fn(context);
}

/* vCPU 1 (MPIDR 1): PSCI CPU_ON at the secondary entry, with fn. */
long xtest_start_vcpu1(void (*fn)(unsigned long), unsigned long context)
{
    arm64_secondary_fn = fn;

    return (long)arm64_psci(PSCI_CPU_ON_64, 1,
                            (unsigned long)arm64_secondary_entry, context);
}

void xtest_vcpu1_stop(void)
{
    arm64_psci(PSCI_CPU_OFF, 0, 0, 0);
    xtest_fatal("PSCI CPU_OFF returned");
}

unsigned long arch_cycles_per_ms(void)
{
    unsigned long f;

    asm volatile ( "mrs %0, cntfrq_el0" : "=r" (f) );

    return f / 1000;
}

const char *arch_cmdline(void)
{
    return cmdline;
}

const void *arch_fdt(void)
{
    return boot_fdt;
}

const char *arch_environment(void)
{
    return boot_fdt ? "arm64 (EL1, MMU off, device tree)"
                    : "arm64 (EL1, MMU off, no valid device tree in x0)";
}

void arch_power_off(void)
{
    arm64_psci(PSCI_SYSTEM_OFF, 0, 0, 0);
}

void arm64_trap(struct arm64_frame *f, unsigned long idx)
{
    unsigned int kind = XTEST_FAULT_OTHER;
    unsigned long resume;

    if ( idx == VEC_SYNC_CUR_SPX )
    {
        switch ( ESR_EC(f->esr) )
        {
        case EC_UNKNOWN:
            kind = XTEST_FAULT_UNDEF;
            break;
        case EC_DABT_CUR:
            kind = XTEST_FAULT_DATA;
            break;
        }
    }
    else
        xtest_printf("xtest: exception vector %lu (not a synchronous one)\n",
                     idx);

    resume = xtest_trap_recover(kind, f->esr, f->far, f->elr);
    if ( !resume )
        xtest_fatal("unexpected exception");
    f->elr = resume;
}

/* Root #address-cells / #size-cells (the spec's defaults: 2 and 1). */
static void root_cells(const void *fdt, unsigned int *ac, unsigned int *sc)
{
    int root = fdt_path(fdt, "/");
    const void *p;
    int len;

    *ac = 2;
    *sc = 1;
    p = fdt_prop(fdt, root, "#address-cells", &len);
    if ( p && len == 4 )
        *ac = fdt32(p);
    p = fdt_prop(fdt, root, "#size-cells", &len);
    if ( p && len == 4 )
        *sc = fdt32(p);
}

bool arch_unmapped_addr(unsigned long *addr)
{
    const void *fdt = boot_fdt;
    unsigned int ac, sc, stride;
    const uint8_t *reg;
    int node, len;

    if ( !fdt )
        return false;
    node = fdt_path(fdt, "/hypervisor");
    if ( node < 0 )
        return false;
    root_cells(fdt, &ac, &sc);
    stride = (ac + sc) * 4;
    reg = fdt_prop(fdt, node, "reg", &len);
    if ( !reg || len < (int)stride )
        return false;

    /*
     * Region 0 is where the guest maps its grant table, regions 1.. are
     * safe (extended) ranges: nothing is mapped in either until the
     * guest asks. Prefer the first safe range.
     */
    if ( len >= (int)(2 * stride) )
        reg += stride;
    *addr = fdt_cells(reg, ac);
    return true;
}

/* The end of the memory bank holding addr, or 0. */
static unsigned long bank_end(unsigned long addr)
{
    const void *fdt = boot_fdt;
    unsigned long me = addr;
    unsigned int ac, sc, stride;
    int root, node = -1, len, i;

    if ( !fdt )
        return 0;
    root_cells(fdt, &ac, &sc);
    stride = (ac + sc) * 4;
    root = fdt_path(fdt, "/");
    while ( (node = fdt_next_subnode(fdt, root, node)) >= 0 )
    {
        const uint8_t *reg;

        if ( strncmp(fdt_node_name(fdt, node), "memory", 6) )
            continue;
        reg = fdt_prop(fdt, node, "reg", &len);
        for ( i = 0; reg && i + (int)stride <= len; i += stride )
        {
            unsigned long base = fdt_cells(reg + i, ac);
            unsigned long size = fdt_cells(reg + i + ac * 4, sc);

            if ( me >= base && me - base < size )
                return base + size;
        }
    }

    return 0;
}

unsigned long arch_ram_end(void)
{
    return bank_end((unsigned long)_start);
}

bool arch_is_ram(unsigned long addr)
{
    return bank_end(addr) != 0;
}

/**** Register survival ****/

#define PATTERN(i) (0x5a5a000000000000UL | ((unsigned long)(i) * 0x01010101UL))

const char *const arch_regcheck_names[] = {
    "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
    "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26",
    "x27", "x28", "x29", "x30", "sp",
};
const unsigned int arch_regcheck_count = ARRAY_SIZE(arch_regcheck_names);

void arch_regcheck(unsigned long nr, unsigned long a0, unsigned long a1,
                   unsigned long a2, struct arch_regcheck *r)
{
    unsigned long out[33];
    unsigned int i, reg;

    arm64_regdump_call(nr, a0, a1, a2, out);
    r->ret = out[0];
    r->bad = 0;
    r->args = 0;
    for ( i = 0; i < arch_regcheck_count; i++ )
    {
        if ( i == arch_regcheck_count - 1 )
        {
            if ( out[31] != out[32] )
                r->bad |= 1UL << i;
            continue;
        }
        reg = i < 11 ? 5 + i : 6 + i;   /* skip x16, the number */
        if ( out[reg] != PATTERN(reg) )
            r->bad |= 1UL << i;
    }
    if ( out[1] != a1 )
        r->args |= 1UL << 0;
    if ( out[2] != a2 )
        r->args |= 1UL << 1;
    for ( reg = 3; reg <= 4; reg++ )
        if ( out[reg] != PATTERN(reg) )
            r->args |= 1UL << (reg - 1);
}

/* No other output channel: the console is the hypercall. */
void arch_fallback_write(const char *s, size_t len)
{
}

void arch_pre_shutdown(enum xtest_status s)
{
}

/* With the MMU off a VA is an IPA: 2^48 is beyond any IPA size Xen uses. */
unsigned long arch_untranslated_addr(void)
{
    return 1UL << 48;
}
