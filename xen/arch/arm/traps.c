/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exceptions taken to EL2. Nothing is expected to trap yet, so every
 * exception prints the full register state, ESR and FAR, and panics.
 */
#include <xen/arch-hooks.h>
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <asm/processor.h>

void do_unexpected_trap(const struct cpu_user_regs *regs, unsigned int vector);

static const char *const vector_names[16] = {
    "synchronous (EL2, SP_EL0)",
    "IRQ (EL2, SP_EL0)",
    "FIQ (EL2, SP_EL0)",
    "SError (EL2, SP_EL0)",
    "synchronous (EL2)",
    "IRQ (EL2)",
    "FIQ (EL2)",
    "SError (EL2)",
    "synchronous (lower EL, AArch64)",
    "IRQ (lower EL, AArch64)",
    "FIQ (lower EL, AArch64)",
    "SError (lower EL, AArch64)",
    "synchronous (lower EL, AArch32)",
    "IRQ (lower EL, AArch32)",
    "FIQ (lower EL, AArch32)",
    "SError (lower EL, AArch32)",
};

static const char *esr_class_name(unsigned int ec)
{
    switch ( ec )
    {
    case 0x00: return "unknown reason (e.g. undefined instruction)";
    case 0x01: return "WFI/WFE";
    case 0x07: return "SVE/SIMD/FP access";
    case 0x0e: return "illegal execution state";
    case 0x15: return "SVC (AArch64)";
    case 0x16: return "HVC (AArch64)";
    case 0x17: return "SMC (AArch64)";
    case 0x18: return "MSR/MRS/system instruction";
    case 0x20: return "instruction abort (lower EL)";
    case 0x21: return "instruction abort (EL2)";
    case 0x22: return "PC alignment fault";
    case 0x24: return "data abort (lower EL)";
    case 0x25: return "data abort (EL2)";
    case 0x26: return "SP alignment fault";
    case 0x2f: return "SError";
    case 0x30:
    case 0x31: return "breakpoint";
    case 0x32:
    case 0x33: return "software step";
    case 0x34:
    case 0x35: return "watchpoint";
    case 0x3c: return "BRK instruction";
    default: return "other";
    }
}

void do_unexpected_trap(const struct cpu_user_regs *regs, unsigned int vector)
{
    unsigned int ec = regs->esr >> 26, i;

    /* The fault may have hit while this CPU held the console lock. */
    console_force_unlock();

    printk(XENLOG_ERR "Unexpected %s exception on CPU%u\n",
           vector < 16 ? vector_names[vector] : "?", smp_processor_id());
    printk(XENLOG_ERR "ESR_EL2: 0x%016llx  class 0x%02x: %s\n",
           (unsigned long long)regs->esr, ec, esr_class_name(ec));
    printk(XENLOG_ERR "FAR_EL2: 0x%016llx\n", (unsigned long long)regs->far);
    printk(XENLOG_ERR "PC:      0x%016llx  SPSR: 0x%08llx  SP: 0x%016llx\n",
           (unsigned long long)regs->pc, (unsigned long long)regs->cpsr,
           (unsigned long long)regs->sp);
    for ( i = 0; i < 30; i += 3 )
        printk(XENLOG_ERR
               "x%-2u: 0x%016llx  x%-2u: 0x%016llx  x%-2u: 0x%016llx\n",
               i, (unsigned long long)regs->x[i], i + 1,
               (unsigned long long)regs->x[i + 1], i + 2,
               (unsigned long long)regs->x[i + 2]);
    printk(XENLOG_ERR "x30: 0x%016llx\n", (unsigned long long)regs->x[30]);

    panic("Unexpected exception (%s) at PC 0x%llx", esr_class_name(ec),
          (unsigned long long)regs->pc);
}

void arch_selftest_fault(void)
{
    __asm__ __volatile__("udf #0xfa");
}
