/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small vsnprintf: %d %i %u %x %X %p %s %c %%, with the flags '-', '0',
 * '#', a width, a precision (also '*') and the length modifiers l, ll, z.
 */
#include <xtest.h>

struct out {
    char *buf;
    size_t size, len;
};

static void put(struct out *o, char c)
{
    if ( o->len + 1 < o->size )
        o->buf[o->len] = c;
    o->len++;
}

static void pad(struct out *o, char c, int n)
{
    while ( n-- > 0 )
        put(o, c);
}

static void number(struct out *o, unsigned long v, bool neg, unsigned int base,
                   bool upper, bool alt, bool zero, bool left, int width)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0, extra;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while ( v );

    extra = neg + (alt ? 2 : 0);
    if ( !left && !zero )
        pad(o, ' ', width - n - extra);
    if ( neg )
        put(o, '-');
    if ( alt )
    {
        put(o, '0');
        put(o, upper ? 'X' : 'x');
    }
    if ( !left && zero )
        pad(o, '0', width - n - extra);
    while ( n )
        put(o, tmp[--n]);
}

int xtest_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { .buf = buf, .size = size, .len = 0 };

    for ( ; *fmt; fmt++ )
    {
        bool left = false, zero = false, alt = false;
        int width = 0, prec = -1, lng = 0;
        size_t start;

        if ( *fmt != '%' )
        {
            put(&o, *fmt);
            continue;
        }

        for ( ;; )
        {
            fmt++;
            if ( *fmt == '-' )
                left = true;
            else if ( *fmt == '0' )
                zero = true;
            else if ( *fmt == '#' )
                alt = true;
            else
                break;
        }
        if ( *fmt == '*' )
        {
            width = va_arg(ap, int);
            fmt++;
        }
        while ( *fmt >= '0' && *fmt <= '9' )
            width = width * 10 + *fmt++ - '0';
        if ( *fmt == '.' )
        {
            fmt++;
            prec = 0;
            if ( *fmt == '*' )
            {
                prec = va_arg(ap, int);
                fmt++;
            }
            while ( *fmt >= '0' && *fmt <= '9' )
                prec = prec * 10 + *fmt++ - '0';
        }
        while ( *fmt == 'l' || *fmt == 'z' )
        {
            lng++;
            fmt++;
        }

        start = o.len;
        switch ( *fmt )
        {
        case 'd':
        case 'i':
        {
            long v = lng ? va_arg(ap, long) : va_arg(ap, int);

            number(&o, v < 0 ? -(unsigned long)v : (unsigned long)v, v < 0,
                   10, false, false, zero, false, left ? 0 : width);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        {
            unsigned long v = lng ? va_arg(ap, unsigned long)
                                  : va_arg(ap, unsigned int);

            number(&o, v, false, *fmt == 'u' ? 10 : 16, *fmt == 'X',
                   alt && v, zero, false, left ? 0 : width);
            break;
        }
        case 'p':
            number(&o, (unsigned long)va_arg(ap, void *), false, 16, false,
                   true, zero, false, left ? 0 : width);
            break;
        case 's':
        {
            const char *s = va_arg(ap, const char *);
            size_t n;

            if ( !s )
                s = "(null)";
            n = prec >= 0 ? strnlen(s, prec) : strlen(s);
            if ( !left )
                pad(&o, ' ', width - (int)n);
            while ( n-- )
                put(&o, *s++);
            break;
        }
        case 'c':
            if ( !left )
                pad(&o, ' ', width - 1);
            put(&o, (char)va_arg(ap, int));
            break;
        case '%':
            put(&o, '%');
            break;
        case '\0':
            fmt--;
            break;
        default:
            put(&o, '%');
            put(&o, *fmt);
            break;
        }
        if ( left )
            pad(&o, ' ', width - (int)(o.len - start));
    }

    if ( o.size )
        o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';

    return o.len;
}

int xtest_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = xtest_vsnprintf(buf, size, fmt, ap);
    va_end(ap);

    return n;
}

int xtest_printf(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = xtest_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    xtest_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);

    return n;
}
