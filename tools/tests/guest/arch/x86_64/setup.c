/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 set-up: exception handlers (IDT), finding Xen through CPUID,
 * installing the hypercall page through the MSR Xen names, and the
 * hooks common code needs (command line and memory map from the PVH
 * start info).
 */
#include <xtest.h>
#include <public/arch-x86/cpuid.h>
#include <public/arch-x86/hvm/start_info.h>
#include <public/hvm/hvm_vcpu.h>
#include <public/memory.h>
#include <public/sched.h>
#include <public/vcpu.h>

/* The state arch/x86_64/lowlevel.S saves on an exception. */
struct x86_frame {
    unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
    unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
    unsigned long vec, err;
    unsigned long rip, cs, rflags, rsp, ss;
};

struct idt_entry {
    uint16_t off_lo, sel;
    uint8_t ist, type;
    uint16_t off_mid;
    uint32_t off_hi, zero;
};

void xtest_arch_start(uint32_t start_info_pa);
void x86_secondary(unsigned long context);
void x86_secondary_entry(void);
void x86_trap(struct x86_frame *f);
void x86_regdump_call(const void *stub, unsigned long a0, unsigned long a1,
                      unsigned long a2, unsigned long out[17]);
void xtest_main(void);

extern const unsigned long x86_stubs[32];
extern const char _start_image[];

unsigned char hypercall_page[4096] __attribute__((aligned(4096)));
int x86_hypercall_ready;

static struct idt_entry idt[32] __attribute__((aligned(16)));
static const struct hvm_start_info *start_info;
static unsigned long start_info_pa;
static const char *cmdline = "";
static uint32_t xen_base, xen_msr;
static char environment[128];

/*
 * The memory map: from the start info (version >= 1), else (Xen 4.17's
 * PVH dom0 gives version 0) from XENMEM_memory_map.
 */
static struct hvm_memmap_table_entry memmap[32];
static unsigned int memmap_nr;
static const char *memmap_source = "none";

static void memmap_init(void)
{
    static xen_e820_entry_t e820[ARRAY_SIZE(memmap)];
    xen_memory_map_t mm = { .nr_entries = ARRAY_SIZE(e820) };
    unsigned int i;

    if ( start_info && start_info->version >= 1 && start_info->memmap_paddr )
    {
        const struct hvm_memmap_table_entry *m =
            (const void *)(uintptr_t)start_info->memmap_paddr;

        for ( i = 0; i < start_info->memmap_entries &&
                     i < ARRAY_SIZE(memmap); i++ )
            memmap[i] = m[i];
        memmap_nr = i;
        memmap_source = "start info";
        return;
    }

    set_xen_guest_handle(mm.buffer, e820);
    if ( hypercall_memory_op(XENMEM_memory_map, &mm) )
        return;
    for ( i = 0; i < mm.nr_entries && i < ARRAY_SIZE(memmap); i++ )
    {
        memmap[i].addr = e820[i].addr;
        memmap[i].size = e820[i].size;
        memmap[i].type = e820[i].type;
    }
    memmap_nr = i;
    memmap_source = "XENMEM_memory_map";
}

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c,
                         uint32_t *d)
{
    asm volatile ( "cpuid" : "=a" (*a), "=b" (*b), "=c" (*c), "=d" (*d)
                           : "0" (leaf), "2" (0) );
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
    asm volatile ( "wrmsr" :: "c" (msr), "a" ((uint32_t)v),
                              "d" ((uint32_t)(v >> 32)) );
}

static void idt_load(void)
{
    struct {
        uint16_t limit;
        uint64_t base;
    } __attribute__((packed)) idtr = { sizeof(idt) - 1, (uintptr_t)idt };

    asm volatile ( "lidt %0" :: "m" (idtr) );
}

static void idt_init(void)
{
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(idt); i++ )
    {
        unsigned long a = x86_stubs[i];

        idt[i] = (struct idt_entry){
            .off_lo = a & 0xffff,
            .sel = 0x08,
            .type = 0x8e,           /* present, DPL 0, interrupt gate */
            .off_mid = (a >> 16) & 0xffff,
            .off_hi = a >> 32,
        };
    }
    idt_load();
}

/* Xen's leaves start at 0x40000000 or a multiple of 0x100 above it. */
static bool find_xen(void)
{
    uint32_t base, a, b, c, d;

    for ( base = XEN_CPUID_FIRST_LEAF; base < XEN_CPUID_FIRST_LEAF + 0x10000;
          base += 0x100 )
    {
        cpuid(base, &a, &b, &c, &d);
        if ( b == XEN_CPUID_SIGNATURE_EBX && c == XEN_CPUID_SIGNATURE_ECX &&
             d == XEN_CPUID_SIGNATURE_EDX && a >= base + 2 )
        {
            xen_base = base;
            cpuid(base + 2, &a, &b, &c, &d);
            xen_msr = b;
            return a >= 1;
        }
    }

    return false;
}

void xtest_arch_start(uint32_t pa)
{
    idt_init();

    start_info_pa = pa;
    if ( pa && ((const struct hvm_start_info *)(uintptr_t)pa)->magic ==
               XEN_HVM_START_MAGIC_VALUE )
    {
        start_info = (const struct hvm_start_info *)(uintptr_t)pa;
        if ( start_info->cmdline_paddr &&
             start_info->cmdline_paddr < (1UL << 32) )
            cmdline = (const char *)(uintptr_t)start_info->cmdline_paddr;
    }

    if ( !find_xen() )
        xtest_fatal("no Xen CPUID leaves (\"XenVMMXenVMM\") found");

    /* Pre-filled with "ret" so that a page Xen did not write shows. */
    memset(hypercall_page, 0xc3, sizeof(hypercall_page));
    wrmsr(xen_msr, (uintptr_t)hypercall_page);
    if ( hypercall_page[0] == 0xc3 )
        xtest_fatal("the hypercall page was not written");
    x86_hypercall_ready = 1;
    memmap_init();

    xtest_snprintf(environment, sizeof(environment),
                   "x86_64 PVH (long mode, Xen leaves at %#x, hypercall MSR "
                   "%#x, start info %s, memory map from %s)", xen_base,
                   xen_msr, start_info ? "valid" : "missing", memmap_source);
    xtest_main();
}

/**** vCPU 1: VCPUOP_initialise (64-bit mode, our page tables), VCPUOP_up ****/

static unsigned char vcpu1_stack[8192] __attribute__((aligned(16)));
static void (*volatile vcpu1_fn)(unsigned long context);

static unsigned long read_cr(unsigned int n)
{
    unsigned long v = 0;

    switch ( n )
    {
    case 0: asm volatile ( "mov %%cr0, %0" : "=r" (v) ); break;
    case 3: asm volatile ( "mov %%cr3, %0" : "=r" (v) ); break;
    case 4: asm volatile ( "mov %%cr4, %0" : "=r" (v) ); break;
    }

    return v;
}

static uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    asm volatile ( "rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr) );

    return ((uint64_t)hi << 32) | lo;
}

long xtest_start_vcpu1(void (*fn)(unsigned long), unsigned long context)
{
    static struct vcpu_hvm_context c;
    long rc;

    memset(&c, 0, sizeof(c));
    c.mode = VCPU_HVM_MODE_64B;
    c.cpu_regs.x86_64.rip = (uintptr_t)x86_secondary_entry;
    c.cpu_regs.x86_64.rsp = (uintptr_t)&vcpu1_stack[sizeof(vcpu1_stack)];
    c.cpu_regs.x86_64.rdi = context;
    c.cpu_regs.x86_64.rflags = 0x2;
    c.cpu_regs.x86_64.cr0 = read_cr(0);
    c.cpu_regs.x86_64.cr3 = read_cr(3);
    c.cpu_regs.x86_64.cr4 = read_cr(4);
    c.cpu_regs.x86_64.efer = rdmsr(0xc0000080);
    vcpu1_fn = fn;

    rc = hypercall_vcpu_op(VCPUOP_initialise, 1, &c);
    if ( rc )
        return rc;

    return hypercall_vcpu_op(VCPUOP_up, 1, NULL);
}

/* head.S's secondary entry, on vcpu1_stack with our GDT loaded. */
void x86_secondary(unsigned long context)
{
    idt_load();
    if ( vcpu1_fn )
        vcpu1_fn(context);
    xtest_vcpu1_stop();
}

/* No way to stop a vCPU on x86: block until the domain ends. */
void xtest_vcpu1_stop(void)
{
    for ( ;; )
        hypercall_sched_op(SCHEDOP_block, NULL);
}

unsigned long arch_cycles_per_ms(void)
{
    return 1000000; /* the TSC's rate is not known: 1 GHz assumed */
}

const char *arch_cmdline(void)
{
    return cmdline;
}

const void *arch_fdt(void)
{
    return NULL;
}

const char *arch_environment(void)
{
    return environment;
}

const struct hvm_start_info *x86_start_info(void)
{
    return start_info;
}

unsigned long x86_start_info_pa(void)
{
    return start_info_pa;
}

void arch_fallback_write(const char *s, size_t len)
{
    while ( len-- )
        asm volatile ( "outb %b0, $0xe9" :: "a" (*s++) );
}

void arch_power_off(void)
{
}

void arch_pre_shutdown(enum xtest_status s)
{
    char buf[16];
    const char *v = xtest_cmdline_value("xtest-exit-port", buf, sizeof(buf));
    unsigned int port = 0;

    if ( !v )
        return;
    if ( v[0] == '0' && v[1] == 'x' )
        for ( v += 2; *v; v++ )
            port = port * 16 + (*v <= '9' ? *v - '0' : (*v | 0x20) - 'a' + 10);
    else
        for ( ; *v; v++ )
            port = port * 10 + *v - '0';
    /* QEMU exits with (s << 1) | 1. */
    asm volatile ( "outl %0, %w1" :: "a" ((uint32_t)s), "d" (port) );
}

void x86_trap(struct x86_frame *f)
{
    unsigned int kind = XTEST_FAULT_OTHER;
    unsigned long addr = 0, resume;

    if ( f->vec == 6 )
        kind = XTEST_FAULT_UNDEF;
    else if ( f->vec == 14 )
    {
        kind = XTEST_FAULT_DATA;
        asm volatile ( "mov %%cr2, %0" : "=r" (addr) );
    }

    resume = xtest_trap_recover(kind, f->vec << 32 | (f->err & 0xffffffff),
                                addr, f->rip);
    if ( !resume )
        xtest_fatal("unexpected exception");
    f->rip = resume;
}

/* With nested paging an unmapped access reads all-ones; no fault. */
bool arch_unmapped_addr(unsigned long *addr)
{
    return false;
}

/* The memory-map entry of any type holding addr, or NULL. */
static const struct hvm_memmap_table_entry *memmap_entry(unsigned long addr)
{
    unsigned int i;

    for ( i = 0; i < memmap_nr; i++ )
        if ( addr >= memmap[i].addr && addr - memmap[i].addr < memmap[i].size )
            return &memmap[i];

    return NULL;
}

const struct hvm_memmap_table_entry *x86_memmap(unsigned int *nr)
{
    *nr = memmap_nr;

    return memmap;
}

/* Anything in the memory map may be mapped (ACPI tables are RAM too). */
bool arch_is_ram(unsigned long addr)
{
    return memmap_entry(addr) != NULL;
}

/*
 * End of the RAM entry holding the image, if nothing else of the guest's
 * starts right there (ACPI tables and the like are mapped memory too).
 */
unsigned long arch_ram_end(void)
{
    const struct hvm_memmap_table_entry *m;
    unsigned long end;

    m = memmap_entry((unsigned long)_start_image);
    if ( !m || m->type != XEN_HVM_MEMMAP_TYPE_RAM )
        return 0;
    end = m->addr + m->size;

    return memmap_entry(end) ? 0 : end;
}

/**** Register survival ****/

#define PATTERN(i) (0x5a5a000000000000UL + (unsigned long)(i) * 0x01010101UL)

/* out[] index and pattern number of each register that must survive. */
static const struct {
    unsigned int out, pat;
} must[] = {
    { 1, 3 }, { 2, 1 }, { 6, 5 }, { 8, 9 }, { 10, 11 },
    { 11, 12 }, { 12, 13 }, { 13, 14 }, { 14, 15 },
};

const char *const arch_regcheck_names[] = {
    "rbx", "rcx", "rbp", "r9", "r11", "r12", "r13", "r14", "r15", "rsp",
};
const unsigned int arch_regcheck_count = ARRAY_SIZE(arch_regcheck_names);

void arch_regcheck(unsigned long nr, unsigned long a0, unsigned long a1,
                   unsigned long a2, struct arch_regcheck *r)
{
    unsigned long out[17];
    unsigned int i;

    x86_regdump_call(hypercall_page + (nr & 127) * 32, a0, a1, a2, out);
    r->ret = out[0];
    r->bad = 0;
    r->args = 0;
    for ( i = 0; i < ARRAY_SIZE(must); i++ )
        if ( out[must[i].out] != PATTERN(must[i].pat) )
            r->bad |= 1UL << i;
    if ( out[15] != out[16] )
        r->bad |= 1UL << i;
    if ( out[5] != a0 )
        r->args |= 1UL << 0;
    if ( out[4] != a1 )
        r->args |= 1UL << 1;
    if ( out[3] != a2 )
        r->args |= 1UL << 2;
    if ( out[9] != PATTERN(10) )
        r->args |= 1UL << 3;
    if ( out[7] != PATTERN(8) )
        r->args |= 1UL << 4;
}

/* head.S maps 0..4 GiB only; PDPT entry 4 is not present. */
unsigned long arch_untranslated_addr(void)
{
    return 1UL << 32;
}
