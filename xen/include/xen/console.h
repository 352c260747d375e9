/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_CONSOLE_H
#define XEN_CONSOLE_H

#include <xen/types.h>

struct console_driver {
    const char *name;
    void (*putc)(char c);
};

/*
 * Make drv the console. Whatever was printed before (kept in the console
 * ring) is written to it first, so no boot message is lost.
 */
void console_register(const struct console_driver *drv);

/* Raw output with the "(XEN) " line prefix, under the console lock. */
void console_write(const char *s, size_t len);

/* One whole line after a prefix other than "(XEN) " (guest output). */
void console_write_line(const char *prefix, const char *s, size_t len);

/*
 * For a UART driver, before it writes a byte: whether the UART can take
 * one, polling ready() up to CONSOLE_TX_POLLS times. A UART that never
 * gets ready must not hang the boot: after one wait that ran out, *stuck
 * is set and each byte gets a single poll (and is dropped if the UART is
 * still not ready; the console ring keeps it) until the UART takes one
 * again.
 */
#define CONSOLE_TX_POLLS 1000000
bool console_tx_ready(bool (*ready)(void), bool *stuck);

/* Panic path: take the console lock back from whoever holds it. */
void console_force_unlock(void);

/* Messages above this level (XENLOG_LVL_*) are not printed. */
extern unsigned int console_loglvl;

/*
 * A device-tree console driver: matched against the node that
 * /chosen/stdout-path names. min_size: the bytes of registers it uses from
 * the start of the node's 'reg' (a smaller 'reg' is refused).
 */
struct dt_console_match {
    const char *compatible;
    uint64_t min_size;
    int (*init)(paddr_t base, uint64_t size);
};

#define DT_CONSOLE(_name, _compat, _min_size, _init)                           \
    static const struct dt_console_match __used __section(".dev.console")      \
        __aligned(sizeof(void *)) __dt_console_##_name = {                     \
            .compatible = _compat, .min_size = _min_size, .init = _init        \
        }

#endif /* XEN_CONSOLE_H */
