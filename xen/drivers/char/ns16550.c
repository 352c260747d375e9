/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * NS16550-compatible UART on an I/O port (the PC's COM1 at 0x3f8),
 * transmit only, polled. Programmed for 115200 baud, 8 data bits, no
 * parity, 1 stop bit, FIFOs on.
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <asm/io.h>

/* Registers, as offsets from the base port. */
#define UART_THR 0 /* transmit holding (DLAB = 0) */
#define UART_DLL 0 /* divisor latch low (DLAB = 1) */
#define UART_IER 1 /* interrupt enable (DLAB = 0) */
#define UART_DLM 1 /* divisor latch high (DLAB = 1) */
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7

#define LCR_8N1      0x03
#define LCR_DLAB     0x80
#define FCR_ENABLE   0x01
#define FCR_CLEAR_RX 0x02
#define FCR_CLEAR_TX 0x04
#define MCR_DTR      0x01
#define MCR_RTS      0x02
#define LSR_THRE     0x20

#define UART_CLOCK_HZ 1843200
#define UART_BAUD     115200

int ns16550_init(uint16_t io_base);

static uint16_t uart_port;
static bool uart_stuck;

static bool ns16550_tx_ready(void)
{
    return inb(uart_port + UART_LSR) & LSR_THRE;
}

static void ns16550_tx(char c)
{
    if ( console_tx_ready(ns16550_tx_ready, &uart_stuck) )
        outb((unsigned char)c, uart_port + UART_THR);
}

static void ns16550_putc(char c)
{
    if ( c == '\n' )
        ns16550_tx('\r');
    ns16550_tx(c);
}

static const struct console_driver ns16550_driver = {
    .name = "ns16550",
    .putc = ns16550_putc,
};

/* A UART is there if its scratch register keeps what is written to it. */
static bool ns16550_present(uint16_t base)
{
    static const uint8_t patterns[] = { 0x5a, 0xa5 };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(patterns); i++ )
    {
        outb(patterns[i], base + UART_SCR);
        if ( inb(base + UART_SCR) != patterns[i] )
            return false;
    }

    return true;
}

int ns16550_init(uint16_t io_base)
{
    unsigned int divisor = UART_CLOCK_HZ / (16 * UART_BAUD);

    if ( uart_port == io_base )
        return 0;

    if ( !ns16550_present(io_base) )
    {
        printk(XENLOG_WARNING "Console: no NS16550 UART at I/O port 0x%x\n",
               io_base);
        return -ENODEV;
    }

    outb(0, io_base + UART_IER); /* polled: no interrupts */
    outb(LCR_DLAB, io_base + UART_LCR);
    outb(divisor & 0xff, io_base + UART_DLL);
    outb(divisor >> 8, io_base + UART_DLM);
    outb(LCR_8N1, io_base + UART_LCR);
    outb(FCR_ENABLE | FCR_CLEAR_RX | FCR_CLEAR_TX, io_base + UART_FCR);
    outb(MCR_DTR | MCR_RTS, io_base + UART_MCR);

    uart_port = io_base;
    console_register(&ns16550_driver);

    printk("Console: NS16550 UART at I/O port 0x%x (%u 8n1)\n", io_base,
           UART_BAUD);

    return 0;
}
