/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The command-line parser.
 *
 * Options are separated by spaces; a value may be quoted ("a b"). Option
 * names treat '-' and '_' alike, as Xen does. A boolean option can be
 * given as "opt", "no-opt" or "opt=<yes|no|on|off|true|false|1|0|...>".
 * A lone "--" ends the hypervisor's options.
 */
#include <xen/ctype.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>

#define MAX_OPTION_LEN 256

static bool names_match(const char *a, const char *b, size_t blen)
{
    size_t i;

    for ( i = 0; i < blen; i++ )
    {
        char x = a[i] == '_' ? '-' : a[i];
        char y = b[i] == '_' ? '-' : b[i];

        if ( x != y || !x )
            return false;
    }

    return a[i] == '\0';
}

static const struct kernel_param *find_param(const struct kernel_param *table,
                                             unsigned int n, const char *name,
                                             size_t len)
{
    unsigned int i;

    for ( i = 0; i < n; i++ )
        if ( names_match(table[i].name, name, len) )
            return &table[i];

    return NULL;
}

static int store_uint(const struct kernel_param *p, unsigned long long v)
{
    switch ( p->len )
    {
    case 1:
        if ( v > UINT8_MAX )
            return -ERANGE;
        *(uint8_t *)p->par.var = v;
        break;
    case 2:
        if ( v > UINT16_MAX )
            return -ERANGE;
        *(uint16_t *)p->par.var = v;
        break;
    case 4:
        if ( v > UINT32_MAX )
            return -ERANGE;
        *(uint32_t *)p->par.var = v;
        break;
    case 8: *(uint64_t *)p->par.var = v; break;
    default: return -EINVAL;
    }

    return 0;
}

/* Apply one option. value is NULL when there was no '='. */
static int apply(const struct kernel_param *p, const char *value, bool negated)
{
    const char *end;
    unsigned long long v;
    int b;

    switch ( p->type )
    {
    case OPT_BOOL:
        if ( negated )
            b = 0;
        else if ( !value )
            b = 1;
        else if ( (b = parse_bool(value, NULL)) < 0 )
            return -EINVAL;
        return store_uint(p, b);

    case OPT_UINT:
        if ( !value || !*value )
            return -EINVAL;
        v = simple_strtoull(value, &end, 0);
        if ( *end )
            return -EINVAL;
        if ( v == ULLONG_MAX )
            return -ERANGE; /* saturated: too large for anything */
        return store_uint(p, v);

    case OPT_SIZE:
        if ( !value || !*value )
            return -EINVAL;
        v = parse_size_and_unit(value, &end);
        if ( *end || end == value )
            return -EINVAL;
        if ( v == ULLONG_MAX )
            return -ERANGE;
        return store_uint(p, v);

    case OPT_STR:
        if ( !value )
            return -EINVAL;
        if ( strlen(value) >= p->len )
            return -E2BIG;
        strlcpy(p->par.var, value, p->len);
        return 0;

    case OPT_CUSTOM: return p->par.func(value);
    }

    return -EINVAL;
}

/*
 * Copy the next option from *pp into buf, removing quotes. Returns its
 * length (0 for an empty one such as ""), -ENOENT at the end of the line,
 * -E2BIG if it does not fit (it is skipped).
 */
static int next_option(const char **pp, char *buf, size_t size)
{
    const char *p = *pp;
    bool quoted = false;
    size_t n = 0;
    bool too_long = false;

    while ( isspace(*p) )
        p++;
    if ( !*p )
    {
        *pp = p;
        return -ENOENT;
    }

    for ( ; *p && (quoted || !isspace(*p)); p++ )
    {
        if ( *p == '"' )
        {
            quoted = !quoted;
            continue;
        }
        if ( n + 1 < size )
            buf[n++] = *p;
        else
            too_long = true;
    }
    buf[n] = '\0';
    *pp = p;

    return too_long ? -E2BIG : (int)n;
}

int cmdline_parse_table(const char *cmdline, const struct kernel_param *table,
                        unsigned int n)
{
    char opt[MAX_OPTION_LEN];
    const char *p = cmdline;
    int bad = 0, len;

    if ( !cmdline )
        return 0;

    while ( (len = next_option(&p, opt, sizeof(opt))) != -ENOENT )
    {
        const struct kernel_param *param;
        char *value;
        size_t name_len;
        bool negated = false;
        int rc;

        if ( len < 0 )
        {
            printk(XENLOG_WARNING
                   "Command line option '%.32s...' is too long; ignored\n",
                   opt);
            bad++;
            continue;
        }

        if ( !len )
            continue; /* "" */
        if ( !strcmp(opt, "--") )
            break;

        value = strchr(opt, '=');
        name_len = value ? (size_t)(value - opt) : strlen(opt);
        if ( value )
            *value++ = '\0';

        param = find_param(table, n, opt, name_len);
        if ( !param && !value && name_len > 3 && !strncmp(opt, "no", 2) &&
             (opt[2] == '-' || opt[2] == '_') )
        {
            param = find_param(table, n, opt + 3, name_len - 3);
            if ( param && param->type == OPT_BOOL )
                negated = true;
            else
                param = NULL;
        }

        if ( !param )
        {
            printk(XENLOG_WARNING "Unknown command line option '%s'; ignored\n",
                   opt);
            bad++;
            continue;
        }

        rc = apply(param, value, negated);
        if ( rc )
        {
            printk(XENLOG_WARNING
                   "Bad value %s%s%s for option '%s' (%s); ignored\n",
                   value ? "'" : "", value ? value : "(none)", value ? "'" : "",
                   param->name,
                   rc == -ERANGE  ? "out of range"
                   : rc == -E2BIG ? "too long"
                                  : "invalid");
            bad++;
        }
    }

    return bad;
}
