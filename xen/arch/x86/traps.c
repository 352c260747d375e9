/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IDT and each CPU's TSS, and what happens on an exception: the
 * hypervisor expects none, so any exception is reported with the
 * registers and CR2, and then the system panics. The one exception is an
 * NMI sent by arch_stop_other_cpus(), which just stops the CPU.
 *
 * Interrupts: the hypervisor runs with them masked and lets them in only
 * where it asks for them (local_irq_take_pending(), and the idle loop's
 * sti; hlt). The APIC timer (the scheduler's tick) is acknowledged and
 * noted; a kick is acknowledged; a spurious interrupt is ignored; any
 * other vector is unexpected, like an exception.
 */
#include <xen/arch-hooks.h>
#include <xen/console.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define IST_STACK_SIZE 4096

#define X86_EXC_NMI 2
#define X86_EXC_DF  8
#define X86_EXC_PF  14
#define X86_EXC_MC  18

#define GATE_INTR_DPL0 0x8e /* present, DPL 0, 64-bit interrupt gate */
#define TSS_TYPE_AVAIL 0x89 /* present, 64-bit TSS (available) */

BUILD_BUG_ON(offsetof(struct cpu_user_regs, entry_vector) != 15 * 8);
BUILD_BUG_ON(offsetof(struct cpu_user_regs, rip) != 17 * 8);
BUILD_BUG_ON(sizeof(struct cpu_user_regs) % 16 != 0);
BUILD_BUG_ON(sizeof(struct tss64) != 104);
BUILD_BUG_ON(sizeof(struct idt_gate) != 16);

static struct idt_gate idt[IDT_ENTRIES] __aligned(16);
static struct tss64 tss[CONFIG_NR_CPUS] __aligned(16);
static uint8_t
    ist_stacks[CONFIG_NR_CPUS][IST_COUNT][IST_STACK_SIZE] __aligned(16);

static const char *const exception_names[32] = {
    [0] = "#DE divide error",
    [1] = "#DB debug",
    [2] = "NMI",
    [3] = "#BP breakpoint",
    [4] = "#OF overflow",
    [5] = "#BR bound range",
    [6] = "#UD invalid opcode",
    [7] = "#NM device not available",
    [8] = "#DF double fault",
    [10] = "#TS invalid TSS",
    [11] = "#NP segment not present",
    [12] = "#SS stack fault",
    [13] = "#GP general protection",
    [14] = "#PF page fault",
    [16] = "#MF x87 error",
    [17] = "#AC alignment check",
    [18] = "#MC machine check",
    [19] = "#XM SIMD error",
    [20] = "#VE virtualisation",
    [21] = "#CP control protection",
    [28] = "#HV hypervisor injection",
    [29] = "#VC VMM communication",
    [30] = "#SX security",
};

static const char *vector_name(unsigned int vec)
{
    if ( vec < ARRAY_SIZE(exception_names) )
        return exception_names[vec] ?: "reserved exception";

    return "interrupt";
}

static void set_gate(unsigned int vec, unsigned int ist)
{
    uint64_t addr = (uintptr_t)&idt_stubs[vec * IDT_STUB_SIZE];
    struct idt_gate *g = &idt[vec];

    g->offset_lo = addr & 0xffff;
    g->selector = HYP_CS64;
    g->ist = ist;
    g->type_attr = GATE_INTR_DPL0;
    g->offset_mid = (addr >> 16) & 0xffff;
    g->offset_hi = addr >> 32;
    g->reserved = 0;
}

static void __init idt_init(void)
{
    unsigned int vec;

    for ( vec = 0; vec < IDT_ENTRIES; vec++ )
        set_gate(vec, 0);

    /* These may arrive on a broken stack: give them their own. */
    set_gate(X86_EXC_DF, IST_DF);
    set_gate(X86_EXC_NMI, IST_NMI);
    set_gate(X86_EXC_MC, IST_MC);
}

static void tss_init(unsigned int cpu)
{
    struct tss64 *t = &tss[cpu];
    uint64_t base = (uintptr_t)t, limit = sizeof(*t) - 1;
    unsigned int slot = TSS_SEL(cpu) / 8, i;

    memset(t, 0, sizeof(*t));
    t->rsp[0] = (uintptr_t)&cpu_stacks[cpu][STACK_SIZE];
    for ( i = 0; i < IST_COUNT; i++ )
        t->ist[i] = (uintptr_t)&ist_stacks[cpu][i][IST_STACK_SIZE];
    t->iomap_base = sizeof(*t); /* no I/O bitmap */

    gdt_table[slot] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                      ((uint64_t)TSS_TYPE_AVAIL << 40) |
                      (((limit >> 16) & 0xf) << 48) |
                      (((base >> 24) & 0xff) << 56);
    gdt_table[slot + 1] = base >> 32;
}

void traps_init_cpu(unsigned int cpu)
{
    struct __packed {
        uint16_t limit;
        uint64_t base;
    } idtr = { sizeof(idt) - 1, (uintptr_t)idt };

    if ( cpu == 0 )
        idt_init();

    tss_init(cpu);
    __asm__ __volatile__("lidt %0\n\t"
                         "ltr %w1" ::"m"(idtr),
                         "r"(TSS_SEL(cpu))
                         : "memory");
}

static void show_registers(const struct cpu_user_regs *r)
{
    printk(XENLOG_ERR "RIP:    %04llx:%016llx  RFLAGS: %016llx\n",
           (unsigned long long)r->cs, (unsigned long long)r->rip,
           (unsigned long long)r->rflags);
    printk(XENLOG_ERR "RSP:    %04llx:%016llx  error code: 0x%llx\n",
           (unsigned long long)r->ss, (unsigned long long)r->rsp,
           (unsigned long long)r->error_code);
    printk(XENLOG_ERR "rax: %016llx  rbx: %016llx  rcx: %016llx\n",
           (unsigned long long)r->rax, (unsigned long long)r->rbx,
           (unsigned long long)r->rcx);
    printk(XENLOG_ERR "rdx: %016llx  rsi: %016llx  rdi: %016llx\n",
           (unsigned long long)r->rdx, (unsigned long long)r->rsi,
           (unsigned long long)r->rdi);
    printk(XENLOG_ERR "rbp: %016llx  r8:  %016llx  r9:  %016llx\n",
           (unsigned long long)r->rbp, (unsigned long long)r->r8,
           (unsigned long long)r->r9);
    printk(XENLOG_ERR "r10: %016llx  r11: %016llx  r12: %016llx\n",
           (unsigned long long)r->r10, (unsigned long long)r->r11,
           (unsigned long long)r->r12);
    printk(XENLOG_ERR "r13: %016llx  r14: %016llx  r15: %016llx\n",
           (unsigned long long)r->r13, (unsigned long long)r->r14,
           (unsigned long long)r->r15);
    printk(XENLOG_ERR "cr0: %016lx  cr2: %016lx  cr3: %016lx  cr4: %016lx\n",
           read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

void do_trap(struct cpu_user_regs *regs);
void do_trap(struct cpu_user_regs *regs)
{
    unsigned int vec = regs->entry_vector, cpu = smp_processor_id();

    /* arch_stop_other_cpus() asks with an NMI. */
    if ( vec == X86_EXC_NMI && system_crashing )
        arch_cpu_halt();

    if ( vec == APIC_TIMER_VECTOR )
    {
        lapic_timer_interrupt();
        return;
    }

    /* A kick (cpu_kick()): taking it was the point. */
    if ( vec == APIC_KICK_VECTOR )
    {
        lapic_kick_interrupt();
        return;
    }

    /* Nothing to acknowledge (the APIC did not set it in service). */
    if ( vec == APIC_SPURIOUS_VECTOR )
        return;

    /*
     * The fault may have hit with the console lock held (by this CPU in
     * the middle of a printk); the system is going down either way.
     */
    console_force_unlock();

    printk(XENLOG_ERR "Unexpected %s %u (%s) on CPU%u\n",
           vec < 32 ? "exception" : "interrupt", vec, vector_name(vec), cpu);
    show_registers(regs);

    if ( vec == X86_EXC_PF )
        panic(
            "Page fault on CPU%u at RIP 0x%llx accessing 0x%lx (error 0x%llx)",
            cpu, (unsigned long long)regs->rip, read_cr2(),
            (unsigned long long)regs->error_code);

    panic("Unexpected %s %u (%s) on CPU%u at RIP 0x%llx",
          vec < 32 ? "exception" : "interrupt", vec, vector_name(vec), cpu,
          (unsigned long long)regs->rip);
}

void arch_selftest_fault(void)
{
    __asm__ __volatile__("ud2");
}
