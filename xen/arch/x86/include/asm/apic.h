/* SPDX-License-Identifier: GPL-2.0-only */
/* The local APIC, in xAPIC (MMIO) mode. */
#ifndef ASM_X86_APIC_H
#define ASM_X86_APIC_H

#include <xen/types.h>

#define APIC_DEFAULT_BASE 0xfee00000UL

/* Register offsets. */
#define APIC_ID         0x020
#define APIC_VERSION    0x030
#define APIC_EOI        0x0b0
#define APIC_SVR        0x0f0
#define APIC_SVR_ENABLE (1 << 8)
#define APIC_ESR        0x280
#define APIC_ICR_LO     0x300
#define APIC_ICR_HI     0x310
#define APIC_LVT_TIMER  0x320
#define APIC_LVT_LINT0  0x350
#define APIC_LVT_LINT1  0x360
#define APIC_LVT_ERROR  0x370
#define APIC_LVT_MASKED (1 << 16)
#define APIC_TMICT      0x380 /* timer initial count */
#define APIC_TMCCT      0x390 /* timer current count */
#define APIC_TDCR       0x3e0 /* timer divide configuration */
#define APIC_TDCR_DIV16 0x3

/* ICR low word. */
#define ICR_DM_NMI        (4 << 8)
#define ICR_DM_INIT       (5 << 8)
#define ICR_DM_STARTUP    (6 << 8)
#define ICR_BUSY          (1 << 12)
#define ICR_LEVEL_ASSERT  (1 << 14)
#define ICR_TRIGGER_LEVEL (1 << 15)
#define ICR_DEST_OTHERS   (3 << 18)

/*
 * The vectors the hypervisor takes. The timer's is high so that it is
 * never mistaken for an exception or a remapped 8259 line (0x20-0x2f).
 */
#define APIC_TIMER_VECTOR    0xf0
#define APIC_KICK_VECTOR     0xf1
#define APIC_SPURIOUS_VECTOR 0xff

/* Map and software-enable this CPU's local APIC. */
void lapic_init_cpu(void);
bool lapic_ready(void);
uint32_t lapic_read_id(void);
/* Send an IPI; dest is an APIC ID (ignored with ICR_DEST_OTHERS). */
int lapic_send_ipi(uint32_t dest, uint32_t icr_lo);

/*
 * The scheduler tick: this CPU's APIC timer in one-shot mode, one slice
 * (SCHED_SLICE_MS) per arming. lapic_timer_calibrate() measures it once,
 * on the boot CPU after lapic_init_cpu(); until then, or if it does not
 * count, there is no tick and the other calls do nothing.
 */
void lapic_timer_calibrate(void);
/* Start a fresh slice: stop the timer, drop any tick pending, arm it. */
void lapic_tick_start(void);
/* Arm the timer for one more slice. */
void lapic_tick_arm(void);
/* Whether the tick fired since the last call (and forget that it did). */
bool lapic_tick_take(void);
/* The timer vector's handler (traps.c): acknowledge, remember. */
void lapic_timer_interrupt(void);

/*
 * Kicks (cpu_kick()): a fixed IPI on APIC_KICK_VECTOR to a CPU's APIC ID,
 * and its handler (traps.c), which only acknowledges and counts it.
 */
void lapic_send_kick(uint32_t apic_id);
void lapic_kick_interrupt(void);

#endif /* ASM_X86_APIC_H */
