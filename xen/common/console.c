/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk() and the console.
 *
 * Every message goes into the console ring (conring) and, once a driver is
 * registered, to the driver. Each line starts with "(XEN) ", as on Xen, so
 * logs read the same. A message may begin with a level (XENLOG_ERR,
 * XENLOG_WARNING, XENLOG_INFO, XENLOG_DEBUG); messages above loglvl= are
 * dropped. A whole message is written under the console lock, so lines
 * from several CPUs never interleave.
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/spinlock.h>
#include <asm/processor.h>

static DEFINE_SPINLOCK(console_lock, LOCK_CONSOLE);
static const struct console_driver *console_drv;
static bool at_line_start = true;

static char conring[CONFIG_CONRING_SIZE];
static size_t conring_prod; /* total bytes ever written */

#ifdef CONFIG_DEBUG
unsigned int console_loglvl = XENLOG_LVL_DEBUG;
#else
unsigned int console_loglvl = XENLOG_LVL_INFO;
#endif

static int __init parse_loglvl(const char *s)
{
    static const char *const names[] = { "error", "warning", "info", "debug" };
    unsigned int i;

    if ( !s )
        return -EINVAL;

    if ( !strcmp(s, "all") )
    {
        console_loglvl = XENLOG_LVL_DEBUG;
        return 0;
    }

    for ( i = 0; i < ARRAY_SIZE(names); i++ )
        if ( !strcmp(s, names[i]) )
        {
            console_loglvl = i;
            return 0;
        }

    return -EINVAL;
}
custom_param("loglvl", parse_loglvl);

static void emit(char c)
{
    conring[conring_prod++ % sizeof(conring)] = c;
    if ( console_drv )
        console_drv->putc(c);
}

static void write_locked(const char *s, size_t len)
{
    static const char prefix[] = "(XEN) ";

    for ( ; len; len--, s++ )
    {
        if ( at_line_start )
        {
            for ( const char *p = prefix; *p; p++ )
                emit(*p);
            at_line_start = false;
        }
        emit(*s);
        if ( *s == '\n' )
            at_line_start = true;
    }
}

void console_write(const char *s, size_t len)
{
    unsigned long flags;

    spin_lock_irqsave(&console_lock, flags);
    write_locked(s, len);
    spin_unlock_irqrestore(&console_lock, flags);
}

void console_write_line(const char *prefix, const char *s, size_t len)
{
    unsigned long flags;

    spin_lock_irqsave(&console_lock, flags);
    if ( !at_line_start )
        emit('\n');
    for ( ; *prefix; prefix++ )
        emit(*prefix);
    for ( ; len; len--, s++ )
        emit(*s);
    emit('\n');
    at_line_start = true;
    spin_unlock_irqrestore(&console_lock, flags);
}

void console_register(const struct console_driver *drv)
{
    unsigned long flags;
    size_t start, i;

    spin_lock_irqsave(&console_lock, flags);
    if ( !console_drv )
    {
        /* Replay what the ring still holds. */
        start =
            conring_prod > sizeof(conring) ? conring_prod - sizeof(conring) : 0;
        for ( i = start; i < conring_prod; i++ )
            drv->putc(conring[i % sizeof(conring)]);
    }
    console_drv = drv;
    spin_unlock_irqrestore(&console_lock, flags);
}

bool console_tx_ready(bool (*ready)(void), bool *stuck)
{
    unsigned long i, polls = *stuck ? 1 : CONSOLE_TX_POLLS;

    for ( i = 0; i < polls; i++ )
    {
        if ( ready() )
        {
            *stuck = false;
            return true;
        }
        arch_cpu_relax();
    }
    *stuck = true;

    return false;
}

void console_force_unlock(void)
{
    spin_lock_init(&console_lock, LOCK_CONSOLE, 0);
}

static unsigned int message_level(const char **fmt)
{
    const char *f = *fmt;

    if ( f[0] == '<' && f[1] >= '0' && f[1] <= '3' && f[2] == '>' )
    {
        *fmt = f + 3;
        return f[1] - '0';
    }

    return XENLOG_LVL_INFO;
}

void vprintk(const char *fmt, va_list args)
{
    char buf[512];
    unsigned int lvl = message_level(&fmt);
    int n;

    if ( lvl > console_loglvl )
        return;

    /* A message too long for buf ends in the marker and its own newline. */
    n = vscnprintf_marked(buf, sizeof(buf), true, fmt, args);
    console_write(buf, n);
}

void printk(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    vprintk(fmt, args);
    va_end(args);
}
