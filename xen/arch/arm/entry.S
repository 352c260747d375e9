/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 exception vectors. Every entry saves the full register frame
 * (struct cpu_user_regs) on the current stack. Synchronous exceptions
 * and interrupts from a guest (lower EL: AArch64, or AArch32 at the
 * guest's EL0) go to their handlers and then to the one leave path;
 * anything else (from EL2 itself, FIQs, SErrors) goes to
 * do_unexpected_trap(regs, vector), which reports it and is fatal.
 */
#define FRAME_SIZE  288         /* sizeof(struct cpu_user_regs) */

.macro save_frame
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp, #16 * 0]
    stp     x2, x3, [sp, #16 * 1]
    stp     x4, x5, [sp, #16 * 2]
    stp     x6, x7, [sp, #16 * 3]
    stp     x8, x9, [sp, #16 * 4]
    stp     x10, x11, [sp, #16 * 5]
    stp     x12, x13, [sp, #16 * 6]
    stp     x14, x15, [sp, #16 * 7]
    stp     x16, x17, [sp, #16 * 8]
    stp     x18, x19, [sp, #16 * 9]
    stp     x20, x21, [sp, #16 * 10]
    stp     x22, x23, [sp, #16 * 11]
    stp     x24, x25, [sp, #16 * 12]
    stp     x26, x27, [sp, #16 * 13]
    stp     x28, x29, [sp, #16 * 14]
    add     x0, sp, #FRAME_SIZE
    stp     x30, x0, [sp, #16 * 15]     /* x30, sp before the trap */
    mrs     x0, elr_el2
    mrs     x1, spsr_el2
    stp     x0, x1, [sp, #16 * 16]      /* pc, cpsr */
    mrs     x0, esr_el2
    mrs     x1, far_el2
    stp     x0, x1, [sp, #16 * 17]      /* esr, far */
.endm

.macro unexpected, idx
    save_frame
    mov     x0, sp
    mov     x1, #\idx
    bl      do_unexpected_trap
    b       cpu_park
.endm

.macro ventry, label
    .balign 128
    b       \label
.endm

    .text
    .balign 2048
    .global hyp_vectors
hyp_vectors:
    ventry  trap_0      /* current EL, SP_EL0: sync */
    ventry  trap_1      /*                      irq */
    ventry  trap_2      /*                      fiq */
    ventry  trap_3      /*                      serror */
    ventry  trap_4      /* current EL, SP_ELx: sync */
    ventry  trap_5
    ventry  trap_6
    ventry  trap_7
    ventry  guest_sync  /* lower EL, AArch64: sync */
    ventry  guest_irq   /* lower EL, AArch64: IRQ */
    ventry  trap_10
    ventry  trap_11
    ventry  guest_sync  /* lower EL, AArch32 (a guest's EL0): sync */
    ventry  guest_irq   /*                                    IRQ */
    ventry  trap_14
    ventry  trap_15

trap_0:  unexpected 0
trap_1:  unexpected 1
trap_2:  unexpected 2
trap_3:  unexpected 3
trap_4:  unexpected 4
trap_5:  unexpected 5
trap_6:  unexpected 6
trap_7:  unexpected 7
/*
 * A synchronous exception from the guest. The frame goes on the pCPU's
 * stack (enter_guest left SP_EL2 at its top); the handler works on it and
 * returns, and the leave path below decides what runs next.
 */
guest_sync:
    save_frame
    mov     x0, sp
    bl      do_trap_guest_sync
    b       leave_to_guest

/* An interrupt while a guest ran (the tick): the same frame handling. */
guest_irq:
    save_frame
    mov     x0, sp
    bl      do_trap_guest_irq

/*
 * Every trap from a guest leaves here: leave_hypervisor_to_guest()
 * decides; it returns only to go back into the same guest.
 */
leave_to_guest:
    mov     x0, sp
    bl      leave_hypervisor_to_guest
    b       restore_frame

/* Restore the guest from the frame at sp and return into it. */
restore_frame:
    ldp     x0, x1, [sp, #16 * 16]      /* pc, cpsr */
    msr     elr_el2, x0
    msr     spsr_el2, x1
    ldp     x0, x1, [sp, #16 * 0]
    ldp     x2, x3, [sp, #16 * 1]
    ldp     x4, x5, [sp, #16 * 2]
    ldp     x6, x7, [sp, #16 * 3]
    ldp     x8, x9, [sp, #16 * 4]
    ldp     x10, x11, [sp, #16 * 5]
    ldp     x12, x13, [sp, #16 * 6]
    ldp     x14, x15, [sp, #16 * 7]
    ldp     x16, x17, [sp, #16 * 8]
    ldp     x18, x19, [sp, #16 * 9]
    ldp     x20, x21, [sp, #16 * 10]
    ldp     x22, x23, [sp, #16 * 11]
    ldp     x24, x25, [sp, #16 * 12]
    ldp     x26, x27, [sp, #16 * 13]
    ldp     x28, x29, [sp, #16 * 14]
    ldr     x30, [sp, #16 * 15]
    add     sp, sp, #FRAME_SIZE
    eret

/*
 * void enter_guest(const struct cpu_user_regs *regs, uint64_t stack_top)
 * Run the guest described by regs (its EL1 and stage-2 state already
 * loaded) with this pCPU's stack empty for the next trap.
 */
    .global enter_guest
enter_guest:
    mov     sp, x1
    ldp     x2, x3, [x0, #16 * 16]      /* pc, cpsr */
    msr     elr_el2, x2
    msr     spsr_el2, x3
    ldp     x2, x3, [x0, #16 * 1]
    ldp     x4, x5, [x0, #16 * 2]
    ldp     x6, x7, [x0, #16 * 3]
    ldp     x8, x9, [x0, #16 * 4]
    ldp     x10, x11, [x0, #16 * 5]
    ldp     x12, x13, [x0, #16 * 6]
    ldp     x14, x15, [x0, #16 * 7]
    ldp     x16, x17, [x0, #16 * 8]
    ldp     x18, x19, [x0, #16 * 9]
    ldp     x20, x21, [x0, #16 * 10]
    ldp     x22, x23, [x0, #16 * 11]
    ldp     x24, x25, [x0, #16 * 12]
    ldp     x26, x27, [x0, #16 * 13]
    ldp     x28, x29, [x0, #16 * 14]
    ldr     x30, [x0, #16 * 15]
    ldp     x0, x1, [x0, #16 * 0]
    eret

trap_8:  unexpected 8
trap_9:  unexpected 9
trap_10: unexpected 10
trap_11: unexpected 11
trap_14: unexpected 14
trap_15: unexpected 15
