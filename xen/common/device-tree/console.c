/* SPDX-License-Identifier: GPL-2.0-only */
/* Start the console that /chosen/stdout-path names. */
#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>

extern const struct dt_console_match __console_dt_start[], __console_dt_end[];

int console_dt_init(const struct fdt *fdt)
{
    const struct dt_console_match *m;
    int chosen = fdt_path(fdt, "/chosen", 7), node;
    const char *path = NULL, *colon;
    uint64_t base, size;
    int rc;

    if ( chosen >= 0 )
    {
        path = fdt_getprop_string(fdt, chosen, "stdout-path");
        if ( !path )
            path = fdt_getprop_string(fdt, chosen, "linux,stdout-path");
    }
    if ( !path )
    {
        printk(XENLOG_WARNING "DT: no /chosen/stdout-path: no console\n");
        return -ENOENT;
    }

    /* "serial0:115200n8": the options after ':' are the UART's settings. */
    colon = strchr(path, ':');
    node = fdt_path(fdt, path, colon ? (size_t)(colon - path) : strlen(path));
    if ( node < 0 )
    {
        printk(XENLOG_WARNING
               "DT: stdout-path '%s' names no node: no console\n",
               path);
        return -ENOENT;
    }

    for ( m = __console_dt_start; m < __console_dt_end; m++ )
    {
        if ( !fdt_node_is_compatible(fdt, node, m->compatible) )
            continue;

        rc = fdt_get_reg(fdt, node, 0, &base, &size);
        if ( rc )
        {
            printk(XENLOG_WARNING "DT: console '%s' has no usable 'reg'\n",
                   path);
            return rc;
        }

        return m->init(_paddr(base), size);
    }

    printk(XENLOG_WARNING "DT: console '%s' is not a UART this build drives\n",
           path);

    return -ENODEV;
}
