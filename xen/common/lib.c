/* SPDX-License-Identifier: GPL-2.0-only */
/* Number and size parsing and formatting shared by the whole hypervisor. */
#include <xen/ctype.h>
#include <xen/lib.h>

static unsigned int digit_value(int c)
{
    if ( isdigit(c) )
        return c - '0';
    if ( isxdigit(c) )
        return tolower(c) - 'a' + 10;

    return 16;
}

unsigned long long simple_strtoull(const char *cp, const char **endp,
                                   unsigned int base)
{
    unsigned long long result = 0;
    unsigned int v;

    if ( base == 0 )
    {
        base = 10;
        if ( cp[0] == '0' )
        {
            base = 8;
            if ( tolower(cp[1]) == 'x' && isxdigit(cp[2]) )
            {
                base = 16;
                cp += 2;
            }
        }
    }
    else if ( base == 16 && cp[0] == '0' && tolower(cp[1]) == 'x' &&
              isxdigit(cp[2]) )
        cp += 2;

    /* A number too large for 64 bits saturates at ULLONG_MAX. */
    while ( (v = digit_value(*cp)) < base )
    {
        if ( result > (ULLONG_MAX - v) / base )
            result = ULLONG_MAX;
        else
            result = result * base + v;
        cp++;
    }

    if ( endp )
        *endp = cp;

    return result;
}

unsigned long simple_strtoul(const char *cp, const char **endp,
                             unsigned int base)
{
    return simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, const char **endp, unsigned int base)
{
    if ( *cp == '-' )
        return (long long)(0ULL - simple_strtoull(cp + 1, endp, base));

    return simple_strtoull(cp, endp, base);
}

/*
 * "<number>[KkMmGgTt]" as Xen reads it: a number with no suffix counts
 * KiB; a 'B' suffix means bytes.
 */
uint64_t parse_size_and_unit(const char *s, const char **ps)
{
    const char *e;
    uint64_t v = simple_strtoull(s, &e, 0);
    unsigned int shift;

    if ( e == s )
    {
        /* No number at all: consume nothing. */
        if ( ps )
            *ps = s;
        return 0;
    }

    switch ( *e )
    {
    case 'T':
    case 't':
        shift = 40;
        e++;
        break;
    case 'G':
    case 'g':
        shift = 30;
        e++;
        break;
    case 'M':
    case 'm':
        shift = 20;
        e++;
        break;
    case 'K':
    case 'k':
        shift = 10;
        e++;
        break;
    case 'B':
    case 'b':
        shift = 0;
        e++;
        break;
    default: shift = 10; break;
    }

    /* Too large to express: saturate, as simple_strtoull() does. */
    v = v > (ULLONG_MAX >> shift) ? ULLONG_MAX : v << shift;

    if ( ps )
        *ps = e;

    return v;
}

/*
 * Returns 1 or 0 for a boolean word in [s, e) (e == NULL: up to the NUL),
 * -1 if it is not one.
 */
int parse_bool(const char *s, const char *e)
{
    static const char *const yes[] = { "1", "yes", "on", "true", "enable" };
    static const char *const no[] = { "0", "no", "off", "false", "disable" };
    size_t len = e ? (size_t)(e - s) : strlen(s);
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(yes); i++ )
    {
        if ( strlen(yes[i]) == len && !strncmp(s, yes[i], len) )
            return 1;
        if ( strlen(no[i]) == len && !strncmp(s, no[i], len) )
            return 0;
    }

    return -1;
}

/*
 * A short human-readable size: "1 GiB", "1536 KiB", "33.5 MiB". Exact
 * multiples use the largest unit that divides them; anything else gets one
 * decimal in the largest unit not above it.
 */
const char *format_size(char *buf, size_t len, uint64_t bytes)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    unsigned int u = 0;
    uint64_t scale = 1;

    while ( u + 1 < ARRAY_SIZE(units) && bytes >= (scale << 10) )
    {
        scale <<= 10;
        u++;
    }

    if ( bytes % scale == 0 )
        snprintf(buf, len, "%llu %s", (unsigned long long)(bytes / scale),
                 units[u]);
    else
    {
        /* Largest exact unit below the display unit, if the value fits. */
        unsigned int e = 0;
        uint64_t escale = 1;

        while ( e < u && bytes % (escale << 10) == 0 )
        {
            escale <<= 10;
            e++;
        }

        if ( bytes / escale < 10000 )
            snprintf(buf, len, "%llu %s", (unsigned long long)(bytes / escale),
                     units[e]);
        else
            snprintf(
                buf, len, "%llu.%llu %s", (unsigned long long)(bytes / scale),
                (unsigned long long)((bytes % scale) * 10 / scale), units[u]);
    }

    return buf;
}
