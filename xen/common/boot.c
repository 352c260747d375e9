/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The steps of booting that do not depend on the architecture: taking the
 * command line, reporting what the boot loader gave us, and deciding what
 * to do when there is nothing to run.
 */
#include <xen/arch-hooks.h>
#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/lock-order.h>
#include <xen/param.h>
#include <xen/setup.h>

#ifdef CONFIG_DEBUG
/* Debug builds: end the boot with an unexpected exception, on purpose. */
static bool __initdata opt_selftest_fault;
boolean_param("selftest-fault", opt_selftest_fault);
#endif

#ifdef CONFIG_DEBUG_LOCKS
/* Debug builds: end the boot with a lock-order violation, on purpose. */
static bool __initdata opt_selftest_lock_order;
boolean_param("selftest-lock-order", opt_selftest_lock_order);
#endif

void __init boot_parse_cmdline(const struct bootinfo *bi)
{
    if ( bi->cmdline_source )
        printk("Command line (%s): %s\n", bi->cmdline_source, bi->cmdline);
    else
        printk("Command line: (none)\n");

    cmdline_parse(bi->cmdline);
}

void __init boot_finish(struct bootinfo *bi)
{
#ifdef CONFIG_DEBUG
    if ( opt_selftest_fault )
    {
        printk(XENLOG_WARNING
               "selftest-fault: taking an unexpected exception on purpose\n");
        arch_selftest_fault();
    }
#endif
#ifdef CONFIG_DEBUG_LOCKS
    if ( opt_selftest_lock_order )
        lock_order_selftest();
#endif

    boot_domains_add_hardware(bi, &boot_domains);
    if ( boot_domains.nr )
        build_boot_domains(&boot_domains);
    else if ( bi->nr_mods )
        printk("Nothing to run: %u boot module%s but no kernel for a domain\n",
               bi->nr_mods, bi->nr_mods == 1 ? "" : "s");
    else
        printk("Nothing to run: no domains and no boot modules\n");

    printk("Powering off\n");
    arch_machine_power_off(false);
}
