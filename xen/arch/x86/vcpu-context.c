/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VCPUOP_initialise and VCPUOP_up for PVH vCPUs: a vCPU other than the
 * first starts from the state its guest gave (struct vcpu_hvm_context,
 * public/hvm/hvm_vcpu.h), in 32-bit protected mode or in 64-bit mode.
 *
 * The context is checked and kept once (a second VMCB-ready copy is not
 * needed: the state is built from it when the vCPU starts, by vcpu_up()'s
 * reset, while no pCPU holds the vCPU). What the checks leave to the CPU
 * (segment consistency, mostly) makes VMRUN refuse the state, which
 * crashes the domain with VMEXIT_INVALID: the guest's own doing.
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/vmcb.h>
#include <public/hvm/hvm_vcpu.h>

BUILD_BUG_ON(sizeof(struct vcpu_hvm_x86_32) != 120);
BUILD_BUG_ON(sizeof(struct vcpu_hvm_x86_64) != 112);
BUILD_BUG_ON(sizeof(struct vcpu_hvm_context) != 128);

/* Bits a guest may give (the rest are reserved, or features not offered). */
#define CR0_VALID    0xe005003fU
#define CR4_VALID    (0x7ffU | (1U << 16) | (1U << 17) | (1U << 20) | (1U << 21))
#define EFER_VALID   (EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE)
#define RFLAGS_VALID 0x3f7fd7ULL
#define RFLAGS_RES1  0x2ULL

#define SEG_AR_RESERVED 0xf000U
#define SEG_AR_P        (1U << 7)
#define SEG_AR_S        (1U << 4)
#define SEG_AR_CODE     (1U << 3)

/* Guards the once-only context of every vCPU. */
static DEFINE_SPINLOCK(context_lock, LOCK_VCPU_CONTEXT);

static bool control_valid(uint64_t cr0, uint64_t cr4, uint64_t efer)
{
    if ( (cr0 & ~(uint64_t)CR0_VALID) || (cr4 & ~(uint64_t)CR4_VALID) ||
         (efer & ~(uint64_t)EFER_VALID) )
        return false;
    if ( !(cr0 & X86_CR0_PE) )
        return false; /* protected mode at least */
    /* Long mode (64-bit or compatibility) needs paging with PAE. */
    if ( (efer & EFER_LME) && (!(cr0 & X86_CR0_PG) || !(cr4 & X86_CR4_PAE)) )
        return false;

    return true;
}

static bool context_valid(const struct vcpu_hvm_context *c)
{
    const struct vcpu_hvm_x86_32 *r32 = &c->cpu_regs.x86_32;
    const struct vcpu_hvm_x86_64 *r64 = &c->cpu_regs.x86_64;

    switch ( c->mode )
    {
    case VCPU_HVM_MODE_32B:
        if ( !control_valid(r32->cr0, r32->cr4, r32->efer) ||
             ((r32->cs_ar | r32->ds_ar | r32->ss_ar | r32->es_ar | r32->tr_ar) &
              SEG_AR_RESERVED) )
            return false;
        /* A present code segment, not a 64-bit one. */
        return (r32->cs_ar & (SEG_AR_P | SEG_AR_S | SEG_AR_CODE)) ==
                   (SEG_AR_P | SEG_AR_S | SEG_AR_CODE) &&
               !(r32->cs_ar & SEG_ATTR_L);

    case VCPU_HVM_MODE_64B:
        return control_valid(r64->cr0, r64->cr4, r64->efer) &&
               (r64->efer & EFER_LME);
    }

    return false;
}

static void set_seg(struct vmcb_seg *s, uint16_t sel, uint16_t ar,
                    uint32_t base, uint32_t limit)
{
    s->sel = sel;
    s->attr = ar;
    s->base = base;
    s->limit = limit;
}

/* The registers both modes give, in the order both structs list them. */
static void set_regs(struct vcpu *v, uint64_t ax, uint64_t cx, uint64_t dx,
                     uint64_t bx, uint64_t sp, uint64_t bp, uint64_t si,
                     uint64_t di, uint64_t ip, uint64_t flags)
{
    struct vmcb_save *s = &v->arch.save;
    struct svm_gprs *g = &v->arch.gprs;

    s->rax = ax;
    g->rcx = cx;
    g->rdx = dx;
    g->rbx = bx;
    s->rsp = sp;
    g->rbp = bp;
    g->rsi = si;
    g->rdi = di;
    s->rip = ip;
    s->rflags = (flags & RFLAGS_VALID) | RFLAGS_RES1;
}

/* vcpu_up()'s reset: the state of v->arch.start, on no pCPU. */
static void start_from_context(struct vcpu *v, const void *arg)
{
    const struct vcpu_hvm_context *c = &v->arch.start;
    const struct vcpu_hvm_x86_32 *r32 = &c->cpu_regs.x86_32;
    const struct vcpu_hvm_x86_64 *r64 = &c->cpu_regs.x86_64;
    struct vmcb_save *s = &v->arch.save;

    /* Flat 32-bit segments, paging off, FPU reset: then the context. */
    vcpu_reset_pvh(v, 0, 0);
    vcpu_reset_fpu(v);

    if ( c->mode == VCPU_HVM_MODE_64B )
    {
        set_seg(&s->cs, 0x08, 0xa9b, 0, 0xffffffff); /* 64-bit code */
        s->cr0 = r64->cr0 | X86_CR0_ET;
        s->cr3 = r64->cr3;
        s->cr4 = r64->cr4;
        s->efer = r64->efer | EFER_LMA | EFER_SVME;
        set_regs(v, r64->rax, r64->rcx, r64->rdx, r64->rbx, r64->rsp, r64->rbp,
                 r64->rsi, r64->rdi, r64->rip, r64->rflags);
        return;
    }

    set_seg(&s->cs, 0x08, r32->cs_ar, r32->cs_base, r32->cs_limit);
    set_seg(&s->ds, 0x10, r32->ds_ar, r32->ds_base, r32->ds_limit);
    set_seg(&s->ss, 0x10, r32->ss_ar, r32->ss_base, r32->ss_limit);
    set_seg(&s->es, 0x10, r32->es_ar, r32->es_base, r32->es_limit);
    if ( r32->tr_ar )
        set_seg(&s->tr, 0, r32->tr_ar, r32->tr_base, r32->tr_limit);
    s->cr0 = r32->cr0 | X86_CR0_ET;
    s->cr3 = r32->cr3;
    s->cr4 = r32->cr4;
    s->efer = r32->efer | EFER_SVME;
    if ( (r32->efer & EFER_LME) && (r32->cr0 & X86_CR0_PG) )
        s->efer |= EFER_LMA; /* compatibility mode */
    set_regs(v, r32->eax, r32->ecx, r32->edx, r32->ebx, r32->esp, r32->ebp,
             r32->esi, r32->edi, r32->eip, r32->eflags);
}

long arch_vcpu_initialise(struct vcpu *v, XEN_GUEST_HANDLE_PARAM(void) arg)
{
    struct vcpu_hvm_context c;
    int rc = 0;

    if ( copy_from_guest(&c, arg, 1) )
        return -EFAULT;
    if ( !context_valid(&c) )
        return -EINVAL;

    spin_lock(&context_lock);
    if ( v->arch.initialised )
        rc = -EEXIST;
    else
    {
        v->arch.start = c;
        v->arch.initialised = true;
    }
    spin_unlock(&context_lock);

    return rc;
}

int arch_vcpu_op_up(struct vcpu *v)
{
    bool initialised;
    int rc;

    spin_lock(&context_lock);
    initialised = v->arch.initialised;
    spin_unlock(&context_lock);
    if ( !initialised )
        return -EINVAL;

    rc = vcpu_up(v, start_from_context, NULL);

    /* It is up already (another VCPUOP_up won): as upstream, 0. */
    return rc == -EBUSY ? 0 : rc;
}

bool arch_vcpu_op_passes(unsigned int cmd)
{
    return true; /* PVH guests reach every subop, as upstream's HVM ones */
}
