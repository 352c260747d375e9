/* SPDX-License-Identifier: GPL-2.0-only */
/* panic(), BUG() and failed ASSERT()s: say what happened, then stop. */
#include <xen/arch-hooks.h>
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/lock-order.h>
#include <xen/smp.h>

static unsigned int panicking;

void panic(const char *fmt, ...)
{
    static const char rule[] = "****************************************\n";
    char buf[256];
    va_list args;

    /* A second panic (e.g. a fault while panicking) just stops this CPU. */
    if ( __atomic_fetch_add(&panicking, 1, __ATOMIC_RELAXED) )
        arch_cpu_halt();

    /* Locks are taken anyhow from here on: the console's first. */
    lock_order_disable();
    arch_stop_other_cpus();
    console_force_unlock();

    va_start(args, fmt);
    vscnprintf_marked(buf, sizeof(buf), false, fmt, args);
    va_end(args);

    printk(XENLOG_ERR "\n");
    printk(XENLOG_ERR "%s", rule);
    printk(XENLOG_ERR "Panic on CPU %u:\n", smp_processor_id());
    printk(XENLOG_ERR "%s\n", buf);
    printk(XENLOG_ERR "%s", rule);
    printk(XENLOG_ERR "\n");
    printk(XENLOG_ERR "Powering off.\n");

    arch_machine_power_off(true);
}

void __bug(const char *file, unsigned int line)
{
    panic("Xen BUG at %s:%u", file, line);
}

void __assert_failed(const char *expr, const char *file, unsigned int line)
{
    panic("Assertion '%s' failed at %s:%u", expr, file, line);
}
