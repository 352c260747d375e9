/* SPDX-License-Identifier: GPL-2.0-only */
/* The version banner. compile.h is regenerated on every build. */
#include <xen/arch-hooks.h>
#include <xen/lib.h>
#include <xen/version.h>
#include <generated/compile.h>

void print_banner(void)
{
    printk("%s %s (%s%s) built %s with %s\n", XEN_NAME, XEN_VERSION_STR,
           arch_name,
#ifdef CONFIG_DEBUG
           ", debug",
#else
           "",
#endif
           XEN_COMPILE_DATE, XEN_COMPILER);
}

const char *xen_compiler(void)
{
    return XEN_COMPILER;
}

const char *xen_compile_date(void)
{
    return XEN_COMPILE_DATE;
}
