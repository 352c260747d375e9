/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Delays and time. The TSC is measured once against PIT channel 2 (the
 * one wired to the speaker gate, which can be polled through port 0x61
 * without interrupts); udelay() then counts TSC ticks, and arch_now_ns()
 * converts them.
 */
#include <xen/arch-hooks.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define PIT_HZ           1193182
#define PIT_CH2_DATA     0x42
#define PIT_MODE         0x43
#define PIT_SPEAKER_PORT 0x61
#define SPK_GATE2        0x01
#define SPK_DATA         0x02
#define SPK_OUT2         0x20

#define CALIBRATE_MS    10
#define CALIBRATE_TRIES 3

/* A safe guess until calibrated: 1 GHz. */
static uint64_t tsc_per_ms = 1000000;

uint64_t tsc_ticks_per_ms(void)
{
    return tsc_per_ms;
}

uint64_t arch_now_ns(void)
{
    uint64_t tsc = rdtsc(), ms = tsc / tsc_per_ms, rest = tsc % tsc_per_ms;

    return ms * 1000000 + rest * 1000000 / tsc_per_ms;
}

void udelay(unsigned long us)
{
    uint64_t start = rdtsc(), ticks = us * tsc_per_ms / 1000;

    while ( rdtsc() - start < ticks )
        arch_cpu_relax();
}

/*
 * TSC ticks while PIT channel 2 counts CALIBRATE_MS down, or 0 if it does
 * not. The PIT starts on the second byte of the count.
 */
static uint64_t __init measure_once(void)
{
    uint32_t count = PIT_HZ * CALIBRATE_MS / 1000;
    unsigned long spins = 0;
    uint64_t start;

    /* Channel 2, low then high byte, mode 0 (OUT2 rises at terminal count). */
    outb(0xb0, PIT_MODE);
    if ( inb(PIT_SPEAKER_PORT) & SPK_OUT2 )
        return 0; /* mode 0 drives OUT2 low: no PIT there */

    outb(count & 0xff, PIT_CH2_DATA);
    start = rdtsc();
    outb(count >> 8, PIT_CH2_DATA);

    while ( !(inb(PIT_SPEAKER_PORT) & SPK_OUT2) )
        if ( ++spins > 100000000UL )
            return 0;

    return rdtsc() - start;
}

void __init tsc_calibrate(void)
{
    uint64_t best = 0;
    unsigned int i;
    uint8_t spk;

    /* Gate channel 2 on, speaker off. */
    spk = inb(PIT_SPEAKER_PORT);
    outb((spk & ~SPK_DATA) | SPK_GATE2, PIT_SPEAKER_PORT);

    /*
     * A delay between reading the TSC and the PIT starting (an emulator
     * busy elsewhere) only makes a measurement longer: keep the shortest.
     */
    for ( i = 0; i < CALIBRATE_TRIES; i++ )
    {
        uint64_t t = measure_once();

        if ( t && (!best || t < best) )
            best = t;
    }
    outb(spk, PIT_SPEAKER_PORT);

    if ( best < CALIBRATE_MS * 1000 )
    {
        printk(XENLOG_WARNING
               "TSC: PIT channel 2 did not count; assuming 1 GHz\n");
        return;
    }

    tsc_per_ms = best / CALIBRATE_MS;
    printk("TSC: %llu.%03llu MHz (measured against the PIT)\n",
           (unsigned long long)(tsc_per_ms / 1000),
           (unsigned long long)(tsc_per_ms % 1000));
}
