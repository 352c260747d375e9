/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What guests write to the console (the console_io hypercall, and port
 * 0xe9 on x86): gathered per domain into lines, each printed with "(dN) "
 * before it, under the domain's console lock.
 *
 * Only the hardware domain's output reaches the console as written (but
 * for '\r', which the UART driver adds before each newline itself).
 * Every other domain is filtered as upstream Xen filters a domU:
 * printable characters, tab and newline pass, everything else (escape
 * sequences, backspace, BEL, NUL, DEL, C1 controls) is dropped, so a
 * guest cannot drive the host's terminal. (x86's port 0xe9 filters every
 * domain's bytes before they get here, as upstream's debug port does.)
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/spinlock.h>

bool guest_console_printable(char c)
{
    unsigned char u = c;

    /* Xen's isprint(): ASCII and Latin-1 graphics, not the C1 controls. */
    return (u >= 0x20 && u < 0x7f) || u >= 0xa0 || u == '\t' || u == '\n';
}

void guest_console_write(struct domain *d, const char *s, size_t len)
{
    /* A longer line comes out in pieces, each but the last marked as cut. */
    const unsigned int cut = sizeof(d->console_buf) - strlen(TRUNCATION_MARKER);
    bool filter = !d->config->hardware;
    char prefix[12];
    unsigned long flags;

    snprintf(prefix, sizeof(prefix), "(d%u) ", d->domain_id);
    spin_lock_irqsave(&d->console_lock, flags);
    for ( ; len; len--, s++ )
    {
        if ( *s == '\n' )
        {
            console_write_line(prefix, d->console_buf, d->console_len);
            d->console_len = 0;
            continue;
        }
        if ( *s == '\r' || (filter && !guest_console_printable(*s)) )
            continue;
        if ( d->console_len == cut )
        {
            memcpy(d->console_buf + cut, TRUNCATION_MARKER,
                   strlen(TRUNCATION_MARKER));
            console_write_line(prefix, d->console_buf, sizeof(d->console_buf));
            d->console_len = 0;
        }
        d->console_buf[d->console_len++] = *s;
    }
    spin_unlock_irqrestore(&d->console_lock, flags);
}

/*
 * Writes go out in chunks of one buffer; between chunks the call may stop
 * and continue with the buffer and count advanced past what was written
 * (as upstream does), so a huge count does not hold the pCPU. Every call
 * writes at least one chunk, so each one makes progress.
 */
static long guest_write(struct domain *d, unsigned int count,
                        XEN_GUEST_HANDLE_PARAM(char) buffer)
{
    char buf[128];
    bool wrote = false;

    while ( count )
    {
        unsigned int n = min(count, (unsigned int)sizeof(buf));

        if ( wrote && hypercall_preempt_check() )
            return hypercall_create_continuation(
                __HYPERVISOR_console_io, CONSOLEIO_write, count, buffer.q);

        if ( copy_from_guest(buf, buffer, n) )
            return -EFAULT;
        guest_console_write(d, buf, n);
        wrote = true;
        guest_handle_add_offset(buffer, n);
        count -= n;
    }

    return 0;
}

long do_console_io(unsigned int cmd, unsigned int count,
                   XEN_GUEST_HANDLE_PARAM(char) buffer)
{
    struct domain *d = current_vcpu()->domain;

    switch ( cmd )
    {
    case CONSOLEIO_write: return guest_write(d, count, buffer);

    case CONSOLEIO_read: return 0; /* no console input yet */
    }

    return -ENOSYS;
}
