/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The formatter behind printk(): a C99 printf subset.
 *
 *   flags     - + space 0 #
 *   width     N or *            precision  .N or .*
 *   length    hh h l ll z t j
 *   convert   d i u x X o c s p %
 *
 * %p prints "0x" and 16 hex digits, a NULL %s prints "(null)", and an
 * unknown conversion is copied out as it was written. The return value is
 * the length the whole output would have had (C99), whatever the buffer
 * size; the output is always NUL-terminated when size > 0.
 */
#include <xen/ctype.h>
#include <xen/lib.h>

#define F_LEFT   0x01
#define F_PLUS   0x02
#define F_SPACE  0x04
#define F_ZERO   0x08
#define F_ALT    0x10
#define F_UPPER  0x20
#define F_SIGNED 0x40
#define F_PTR    0x80 /* %p: "0x" even for NULL */

struct out {
    char *buf;
    size_t size;
    size_t pos; /* characters produced so far, stored or not */
};

static void put(struct out *o, char c)
{
    if ( o->pos + 1 < o->size )
        o->buf[o->pos] = c;
    o->pos++;
}

static void put_repeat(struct out *o, char c, int n)
{
    while ( n-- > 0 )
        put(o, c);
}

static void put_str(struct out *o, const char *s, int width, int prec,
                    unsigned int flags)
{
    int len;

    if ( !s )
        s = "(null)";

    len = prec >= 0 ? (int)strnlen(s, prec) : (int)strlen(s);

    if ( !(flags & F_LEFT) )
        put_repeat(o, ' ', width - len);
    for ( int i = 0; i < len; i++ )
        put(o, s[i]);
    if ( flags & F_LEFT )
        put_repeat(o, ' ', width - len);
}

static void put_num(struct out *o, unsigned long long v, bool negative,
                    unsigned int base, int width, int prec, unsigned int flags)
{
    const char *digits =
        (flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0, zeros, pad;
    char sign = 0;
    const char *prefix = "";
    int plen;

    if ( negative )
        sign = '-';
    else if ( flags & F_SIGNED )
        sign = (flags & F_PLUS) ? '+' : (flags & F_SPACE) ? ' ' : 0;

    if ( (flags & F_ALT) && (v != 0 || (flags & F_PTR)) )
        prefix = base == 16  ? ((flags & F_UPPER) ? "0X" : "0x")
                 : base == 8 ? "0"
                             : "";
    plen = strlen(prefix);

    /* C99: precision 0 with value 0 prints no digits. */
    if ( !(v == 0 && prec == 0) )
        do
        {
            tmp[n++] = digits[v % base];
            v /= base;
        } while ( v );

    /* C99: "%#o" always prints at least one 0, even "%#.0o" of 0. */
    if ( base == 8 && (flags & F_ALT) && n == 0 )
        tmp[n++] = '0';

    zeros = prec > n ? prec - n : 0;
    if ( base == 8 && plen && zeros )
        plen = 0; /* the leading zeros already say "octal" */

    pad = width - (n + zeros + plen + (sign ? 1 : 0));

    /* '0' flag pads with zeros after the sign, unless a precision is given. */
    if ( (flags & F_ZERO) && !(flags & F_LEFT) && prec < 0 )
    {
        zeros += pad > 0 ? pad : 0;
        pad = 0;
    }

    if ( !(flags & F_LEFT) )
        put_repeat(o, ' ', pad);
    if ( sign )
        put(o, sign);
    for ( int i = 0; i < plen; i++ )
        put(o, prefix[i]);
    put_repeat(o, '0', zeros);
    while ( n )
        put(o, tmp[--n]);
    if ( flags & F_LEFT )
        put_repeat(o, ' ', pad);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
    struct out o = { .buf = buf, .size = size, .pos = 0 };
    va_list ap;

    va_copy(ap, args);

    while ( *fmt )
    {
        const char *start = fmt;
        unsigned int flags = 0, base = 10;
        int width = -1, prec = -1, lng = 0;
        unsigned long long uv = 0;
        bool neg = false;

        if ( *fmt != '%' )
        {
            put(&o, *fmt++);
            continue;
        }
        fmt++;

        for ( ;; fmt++ )
        {
            if ( *fmt == '-' )
                flags |= F_LEFT;
            else if ( *fmt == '+' )
                flags |= F_PLUS;
            else if ( *fmt == ' ' )
                flags |= F_SPACE;
            else if ( *fmt == '0' )
                flags |= F_ZERO;
            else if ( *fmt == '#' )
                flags |= F_ALT;
            else
                break;
        }

        if ( *fmt == '*' )
        {
            width = va_arg(ap, int);
            if ( width < 0 )
            {
                flags |= F_LEFT;
                width = -width;
            }
            fmt++;
        }
        else if ( isdigit(*fmt) )
            for ( width = 0; isdigit(*fmt); fmt++ )
                width = width * 10 + (*fmt - '0');

        if ( *fmt == '.' )
        {
            fmt++;
            if ( *fmt == '*' )
            {
                prec = va_arg(ap, int);
                fmt++;
            }
            else
                for ( prec = 0; isdigit(*fmt); fmt++ )
                    prec = prec * 10 + (*fmt - '0');
            if ( prec < 0 )
                prec = -1;
        }

        /* lng: -2 hh, -1 h, 0 int, 1 long, 2 long long, 3 size_t/ptrdiff. */
        switch ( *fmt )
        {
        case 'h':
            lng = -1;
            if ( *++fmt == 'h' )
            {
                lng = -2;
                fmt++;
            }
            break;
        case 'l':
            lng = 1;
            if ( *++fmt == 'l' )
            {
                lng = 2;
                fmt++;
            }
            break;
        case 'j':
            lng = 2;
            fmt++;
            break;
        case 'z':
        case 't':
            lng = 3;
            fmt++;
            break;
        }

        switch ( *fmt )
        {
        case 'c':
            if ( !(flags & F_LEFT) )
                put_repeat(&o, ' ', width - 1);
            put(&o, (char)va_arg(ap, int));
            if ( flags & F_LEFT )
                put_repeat(&o, ' ', width - 1);
            fmt++;
            continue;

        case 's':
            put_str(&o, va_arg(ap, const char *), width, prec, flags);
            fmt++;
            continue;

        case 'p':
            put_num(&o, (uintptr_t)va_arg(ap, void *), false, 16, width, 16,
                    flags | F_ALT | F_PTR);
            fmt++;
            continue;

        case '%':
            put(&o, '%');
            fmt++;
            continue;

        case 'd':
        case 'i':
        {
            long long sv;

            switch ( lng )
            {
            case -2: sv = (signed char)va_arg(ap, int); break;
            case -1: sv = (short)va_arg(ap, int); break;
            case 0: sv = va_arg(ap, int); break;
            case 1: sv = va_arg(ap, long); break;
            case 2: sv = va_arg(ap, long long); break;
            default: sv = va_arg(ap, ptrdiff_t); break;
            }
            neg = sv < 0;
            uv = neg ? -(unsigned long long)sv : (unsigned long long)sv;
            flags |= F_SIGNED;
            break;
        }

        case 'X':
            flags |= F_UPPER;
            /* fallthrough */
        case 'x': base = 16; goto unsigned_arg;
        case 'o': base = 8; goto unsigned_arg;
        case 'u':
        unsigned_arg:
            switch ( lng )
            {
            case -2: uv = (unsigned char)va_arg(ap, unsigned int); break;
            case -1: uv = (unsigned short)va_arg(ap, unsigned int); break;
            case 0: uv = va_arg(ap, unsigned int); break;
            case 1: uv = va_arg(ap, unsigned long); break;
            case 2: uv = va_arg(ap, unsigned long long); break;
            default: uv = va_arg(ap, size_t); break;
            }
            break;

        default:
            /* Unknown or truncated conversion: copy it out verbatim. */
            if ( *fmt )
                fmt++;
            while ( start < fmt )
                put(&o, *start++);
            continue;
        }

        put_num(&o, uv, neg, base, width, prec, flags);
        fmt++;
    }

    va_end(ap);

    if ( size )
        buf[o.pos < size ? o.pos : size - 1] = '\0';

    return o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vsnprintf(buf, size, fmt, args);
    va_end(args);

    return n;
}

/* Like vsnprintf(), but returns what was stored (without the NUL). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
    int n = vsnprintf(buf, size, fmt, args);

    if ( size == 0 )
        return 0;

    return (size_t)n < size ? n : (int)(size - 1);
}

int vscnprintf_marked(char *buf, size_t size, bool newline, const char *fmt,
                      va_list args)
{
    size_t tail = strlen(TRUNCATION_MARKER) + (newline ? 1 : 0);
    int n = vsnprintf(buf, size, fmt, args);

    if ( (size_t)n < size )
        return n;
    if ( size <= tail )
        return size ? (int)(size - 1) : 0;

    /* Cut: the marker (and newline) take the last bytes before the NUL. */
    memcpy(buf + size - 1 - tail, TRUNCATION_MARKER, strlen(TRUNCATION_MARKER));
    if ( newline )
        buf[size - 2] = '\n';

    return size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vscnprintf(buf, size, fmt, args);
    va_end(args);

    return n;
}
