/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Start the console that /chosen/stdout-path names.
 *
 * A UART driver writes its registers as soon as it starts and then polls
 * them, so its 'reg' is checked first: an address of 0 or in RAM would
 * have it write into flash or memory, and a block too small would have it
 * reach past its device. A UART whose 'reg' fails a check is not started;
 * one line names the node and the problem, and the boot goes on (on the
 * early console if there is one, else with only the console ring, which
 * a console started later replays).
 */
#include <xen/bootinfo.h>
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>

#define PATH_MAX_LEN 128

extern const struct dt_console_match __console_dt_start[], __console_dt_end[];

/*
 * Why 'reg' [base, base + size) of a UART whose registers take min_size
 * bytes cannot be used (in buf), or NULL if it can.
 */
static const char *reg_problem(const struct bootinfo *bi, uint64_t base,
                               uint64_t size, uint64_t min_size, char *buf,
                               size_t len)
{
    const struct membank *b = NULL;
    const char *what = NULL;

    if ( !base )
        return "its address is 0";
    if ( !size )
        return "its size is 0";
    if ( base + size < base )
        return "it runs past the end of the address space";
    if ( size < min_size )
    {
        snprintf(
            buf, len,
            "its size 0x%llx is smaller than the UART's registers (0x%llx)",
            (unsigned long long)size, (unsigned long long)min_size);
        return buf;
    }

    if ( (b = membanks_find_overlap(&bi->mem, base, size)) != NULL )
        what = "RAM";
    else if ( (b = membanks_find_overlap(&bi->reserved, base, size)) != NULL )
        what = "reserved memory";
    if ( !b )
        return NULL;

    snprintf(buf, len, "0x%llx-0x%llx overlaps %s at 0x%llx-0x%llx",
             (unsigned long long)base, (unsigned long long)(base + size - 1),
             what, (unsigned long long)paddr_x(b->start),
             (unsigned long long)(paddr_x(b->start) + b->size - 1));
    return buf;
}

int console_dt_start(const struct fdt *fdt, const struct bootinfo *bi,
                     const struct dt_console_match *table, unsigned int n)
{
    char path[PATH_MAX_LEN], why[112];
    const char *stdout_path = NULL, *colon, *problem;
    int chosen = fdt_path(fdt, "/chosen", 7), node;
    uint64_t base, size;
    unsigned int i;
    int rc;

    if ( chosen >= 0 )
    {
        stdout_path = fdt_getprop_string_checked(fdt, chosen, "stdout-path");
        if ( !stdout_path )
            stdout_path =
                fdt_getprop_string_checked(fdt, chosen, "linux,stdout-path");
    }
    if ( !stdout_path )
    {
        printk(XENLOG_WARNING "DT: no /chosen/stdout-path: no console\n");
        return -ENOENT;
    }

    /* "serial0:115200n8": the options after ':' are the UART's settings. */
    colon = strchr(stdout_path, ':');
    node =
        fdt_path(fdt, stdout_path,
                 colon ? (size_t)(colon - stdout_path) : strlen(stdout_path));
    if ( node < 0 )
    {
        printk(XENLOG_WARNING
               "DT: stdout-path '%s' names no node: no console\n",
               stdout_path);
        return -ENOENT;
    }

    for ( i = 0; i < n; i++ )
    {
        if ( !fdt_node_is_compatible(fdt, node, table[i].compatible) )
            continue;

        /* The parent's #address-cells/#size-cells, as for any device. */
        rc = fdt_get_reg(fdt, node, 0, &base, &size);
        if ( rc == -ENOENT )
            problem = "there is none";
        else if ( rc )
            problem = "it does not fit its parent's #address-cells and "
                      "#size-cells";
        else
            problem = reg_problem(bi, base, size, table[i].min_size, why,
                                  sizeof(why));
        if ( problem )
        {
            printk(XENLOG_WARNING
                   "DT: %s (stdout-path): bad 'reg': %s; console not started\n",
                   fdt_node_path(fdt, node, path, sizeof(path)), problem);
            return -EINVAL;
        }

        return table[i].init(_paddr(base), size);
    }

    printk(XENLOG_WARNING "DT: console '%s' is not a UART this build drives\n",
           stdout_path);

    return -ENODEV;
}

int console_dt_init(const struct fdt *fdt, const struct bootinfo *bi)
{
    return console_dt_start(fdt, bi, __console_dt_start,
                            __console_dt_end - __console_dt_start);
}
