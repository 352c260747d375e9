/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypervisor command-line options.
 *
 * A file declares an option with one of the *_param() macros; the
 * declarations are gathered in a linker section and cmdline_parse() walks
 * them. The parser itself (cmdline_parse_table()) takes an explicit table
 * so that it can be tested on the host.
 */
#ifndef XEN_PARAM_H
#define XEN_PARAM_H

#include <xen/init.h>
#include <xen/types.h>

enum param_type {
    OPT_BOOL,   /* "opt", "no-opt", "opt=<bool>" */
    OPT_UINT,   /* "opt=<number>" (decimal, 0x hex, 0 octal) */
    OPT_SIZE,   /* "opt=<number>[KMGT]" (no suffix: KiB, as Xen) */
    OPT_STR,    /* "opt=<string>", truncated to the buffer */
    OPT_CUSTOM, /* "opt[=...]": the handler parses the value */
};

struct kernel_param {
    const char *name;
    enum param_type type;
    unsigned int len; /* size of the variable */
    union {
        void *var;
        int (*func)(const char *value); /* value is NULL for "opt" */
    } par;
};

/* Where the declarations are gathered; host tests give it a C name. */
#ifndef PARAM_SECTION
#define PARAM_SECTION ".init.setup"
#endif

#define __param_entry(_name, _type, _var, _len)                                \
    static const struct kernel_param __used __section(PARAM_SECTION)           \
        __aligned(sizeof(void *)) __param_##_var = {                           \
            .name = _name, .type = _type, .len = _len, .par.var = &(_var)      \
        }

#define boolean_param(name, var) __param_entry(name, OPT_BOOL, var, sizeof(var))
#define integer_param(name, var) __param_entry(name, OPT_UINT, var, sizeof(var))
#define size_param(name, var)    __param_entry(name, OPT_SIZE, var, sizeof(var))
#define string_param(name, var)  __param_entry(name, OPT_STR, var, sizeof(var))
#define custom_param(_name, _fn)                                               \
    static const struct kernel_param __used __section(                         \
        PARAM_SECTION) __aligned(sizeof(void *))                               \
        __param_##_fn = { .name = _name, .type = OPT_CUSTOM, .par.func = _fn }

/*
 * Parse cmdline against table[0..n). Unknown options and bad values are
 * reported with one line each and skipped. Parsing stops at a lone "--"
 * (what follows belongs to the hardware domain). Returns the number of
 * options that were not accepted.
 */
int cmdline_parse_table(const char *cmdline, const struct kernel_param *table,
                        unsigned int n);

/* Parse against every option the hypervisor registered. */
int cmdline_parse(const char *cmdline);

#endif /* XEN_PARAM_H */
