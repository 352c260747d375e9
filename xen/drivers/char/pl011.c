/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARM PrimeCell PL011 UART, transmit only. The boot loader (or QEMU) has
 * set the baud rate; we only make sure the transmitter is enabled.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <asm/io.h>

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTCR 0x30

#define FR_TXFF   (1U << 5)
#define CR_UARTEN (1U << 0)
#define CR_TXE    (1U << 8)

/* The registers used here: up to and including UARTCR. */
#define PL011_REGS_SIZE (UARTCR + 4)

int pl011_init(paddr_t base, uint64_t size);

static uint8_t *pl011_base;
static bool pl011_stuck;

static bool pl011_tx_ready(void)
{
    return !(readl(pl011_base + UARTFR) & FR_TXFF);
}

static void pl011_tx(char c)
{
    if ( console_tx_ready(pl011_tx_ready, &pl011_stuck) )
        writel((unsigned char)c, pl011_base + UARTDR);
}

static void pl011_putc(char c)
{
    if ( c == '\n' )
        pl011_tx('\r');
    pl011_tx(c);
}

static const struct console_driver pl011_driver = {
    .name = "pl011",
    .putc = pl011_putc,
};

int pl011_init(paddr_t base, uint64_t size)
{
    uint8_t *regs = ioremap(base);

    if ( pl011_base == regs )
        return 0;

    writel(readl(regs + UARTCR) | CR_UARTEN | CR_TXE, regs + UARTCR);
    pl011_base = regs;
    pl011_stuck = false;
    console_register(&pl011_driver);

    printk("Console: PL011 UART at 0x%llx\n",
           (unsigned long long)paddr_x(base));

    return 0;
}

DT_CONSOLE(pl011, "arm,pl011", PL011_REGS_SIZE, pl011_init);
