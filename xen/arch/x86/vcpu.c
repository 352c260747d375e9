/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 vCPUs under AMD SVM with nested paging: the VMCB, the VMRUN
 * loop, the idle loop (hlt, woken by a kick), and guest-virtual to
 * guest-physical translation.
 *
 * Each pCPU owns one VMCB page. A vCPU scheduled in gets its state-save
 * area copied into that VMCB and the control area rebuilt (intercepts,
 * nested CR3, ASID); when it leaves the pCPU the state-save area is
 * copied back into struct arch_vcpu. Its other general registers always
 * live in v->arch.gprs (svm_vmrun() loads and stores them).
 *
 * Time slices: the pCPU's APIC timer is armed for one slice when a vCPU
 * is scheduled in. Physical interrupts are intercepted, so the tick makes
 * the guest exit whatever its own RFLAGS.IF; the exit handler takes the
 * interrupt and, as arm64 does on its timer, gives the pCPU to a waiting
 * vCPU or arms the timer for another slice.
 *
 * TLB: every VMRUN of a vCPU just scheduled in flushes the whole TLB
 * (TCG offers no flush-by-ASID), and so does each VMRUN after the
 * domain's P2M generation moved: the pCPU publishes that it is in the
 * guest, then reads the generation (tlb_gen_enter()), right before
 * VMRUN, and says it left right after the exit (tlb_gen_exit()). A P2M
 * change kicks the pCPUs in the guest and waits for them to exit
 * (common/tlb-generation.c).
 */
#include <xen/arch-hooks.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <asm/apic.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/vmcb.h>

BUILD_BUG_ON(sizeof(struct vmcb_save) != 0x298);
BUILD_BUG_ON(offsetof(struct vmcb_save, efer) != 0x0d0);
BUILD_BUG_ON(offsetof(struct vmcb_save, cr4) != 0x148);
BUILD_BUG_ON(offsetof(struct vmcb_save, rip) != 0x178);
BUILD_BUG_ON(offsetof(struct vmcb_save, rsp) != 0x1d8);
BUILD_BUG_ON(offsetof(struct vmcb_save, rax) != 0x1f8);
BUILD_BUG_ON(offsetof(struct vmcb_save, cr2) != 0x240);
BUILD_BUG_ON(offsetof(struct vmcb_save, g_pat) != 0x268);
BUILD_BUG_ON(offsetof(struct vmcb, iopm_base_pa) != 0x040);
BUILD_BUG_ON(offsetof(struct vmcb, asid) != 0x058);
BUILD_BUG_ON(offsetof(struct vmcb, exitcode) != 0x070);
BUILD_BUG_ON(offsetof(struct vmcb, np_enable) != 0x090);
BUILD_BUG_ON(offsetof(struct vmcb, eventinj) != 0x0a8);
BUILD_BUG_ON(offsetof(struct vmcb, n_cr3) != 0x0b0);
BUILD_BUG_ON(offsetof(struct vmcb, insn_len) != 0x0d0);
BUILD_BUG_ON(offsetof(struct vmcb, save) != 0x400);
BUILD_BUG_ON(sizeof(struct vmcb) != PAGE_SIZE);

#define MSR_SYSENTER_CS  0x174
#define MSR_SYSENTER_ESP 0x175
#define MSR_SYSENTER_EIP 0x176
#define MSR_STAR         0xc0000081
#define MSR_LSTAR        0xc0000082
#define MSR_CSTAR        0xc0000083
#define MSR_SFMASK       0xc0000084
#define MSR_KERNEL_GS    0xc0000102

#define GUEST_PAT 0x0007040600070406ULL

/* The pCPU's VMCB, and where the host's VMSAVE state goes around VMRUN. */
static struct vmcb vmcb_area[CONFIG_NR_CPUS] __aligned(PAGE_SIZE);
static uint8_t host_area[CONFIG_NR_CPUS][PAGE_SIZE] __aligned(PAGE_SIZE);

/* Shared by every VMCB: every port and most MSRs are intercepted. */
static uint8_t iopm[3 * PAGE_SIZE] __aligned(PAGE_SIZE);
static uint8_t msrpm[2 * PAGE_SIZE] __aligned(PAGE_SIZE);
static bool bitmaps_ready;

/* Let the guest read and write msr directly (it is in the VMCB). */
static void msrpm_pass(uint32_t msr)
{
    unsigned int base, bit;

    if ( msr < 0x2000 )
        base = 0;
    else if ( msr - 0xc0000000 < 0x2000 )
        base = 0x800, msr -= 0xc0000000;
    else
        return;
    bit = msr * 2;
    msrpm[base + bit / 8] &= ~(3u << (bit % 8));
}

static void setup_bitmaps(void)
{
    /* Written once, before any vCPU runs, by the first pCPU that gets one. */
    if ( READ_ONCE(bitmaps_ready) )
        return;
    memset(iopm, 0xff, sizeof(iopm));
    memset(msrpm, 0xff, sizeof(msrpm));
    msrpm_pass(MSR_FS_BASE);
    msrpm_pass(MSR_GS_BASE);
    msrpm_pass(MSR_KERNEL_GS);
    msrpm_pass(MSR_STAR);
    msrpm_pass(MSR_LSTAR);
    msrpm_pass(MSR_CSTAR);
    msrpm_pass(MSR_SFMASK);
    msrpm_pass(MSR_SYSENTER_CS);
    msrpm_pass(MSR_SYSENTER_ESP);
    msrpm_pass(MSR_SYSENTER_EIP);
    smp_mb();
    WRITE_ONCE(bitmaps_ready, true);
}

static void set_seg(struct vmcb_seg *s, uint16_t sel, uint16_t attr,
                    uint32_t limit)
{
    s->sel = sel;
    s->attr = attr;
    s->limit = limit;
    s->base = 0;
}

/*
 * The PVH entry state: 32-bit protected mode with flat 4 GiB segments
 * (code 0x08, data 0x10 as upstream's start of day), paging off,
 * interrupts off, eip = entry, ebx = the start info.
 */
void vcpu_reset_pvh(struct vcpu *v, uint32_t entry, uint32_t ebx)
{
    struct vmcb_save *s = &v->arch.save;

    memset(s, 0, sizeof(*s));
    memset(&v->arch.gprs, 0, sizeof(v->arch.gprs));

    set_seg(&s->cs, 0x08, 0xc9b, 0xffffffff);
    set_seg(&s->ds, 0x10, 0xc93, 0xffffffff);
    set_seg(&s->es, 0x10, 0xc93, 0xffffffff);
    set_seg(&s->ss, 0x10, 0xc93, 0xffffffff);
    set_seg(&s->fs, 0x10, 0xc93, 0xffffffff);
    set_seg(&s->gs, 0x10, 0xc93, 0xffffffff);
    set_seg(&s->tr, 0, 0x8b, 0x67);
    set_seg(&s->ldtr, 0, 0x82, 0xffff);
    /* No IDT until the guest loads one: a fault before that triple-faults. */
    set_seg(&s->gdtr, 0, 0, 0);
    set_seg(&s->idtr, 0, 0, 0);

    s->cr0 = X86_CR0_PE | X86_CR0_ET;
    s->efer = EFER_SVME; /* VMRUN requires it; the guest never sees it */
    s->rflags = 2;
    s->rip = entry;
    s->dr6 = 0xffff0ff0;
    s->dr7 = 0x400;
    s->g_pat = GUEST_PAT;
    v->arch.gprs.rbx = ebx;
}

/* x87 control word and MXCSR a vCPU starts with (all exceptions masked). */
#define FCW_INIT   0x037f
#define MXCSR_INIT 0x1f80

static void fpu_save(struct fxsave_area *f)
{
    __asm__ __volatile__("fxsave64 %0" : "=m"(*f));
}

static void fpu_restore(const struct fxsave_area *f)
{
    __asm__ __volatile__("fxrstor64 %0" ::"m"(*f));
}

void vcpu_reset_fpu(struct vcpu *v)
{
    uint16_t fcw = FCW_INIT;
    uint32_t mxcsr = MXCSR_INIT;

    memset(&v->arch.fpu, 0, sizeof(v->arch.fpu));
    memcpy(&v->arch.fpu.bytes[0], &fcw, sizeof(fcw));
    memcpy(&v->arch.fpu.bytes[24], &mxcsr, sizeof(mxcsr));
}

int arch_vcpu_init(struct vcpu *v)
{
    vcpu_reset_pvh(v, 0, 0);
    vcpu_reset_fpu(v);

    return 0;
}

struct vmcb_save *vcpu_save_area(struct vcpu *v)
{
    if ( v == current_vcpu() )
        return &vmcb_area[smp_processor_id()].save;

    return &v->arch.save;
}

struct vmcb *svm_current_vmcb(void)
{
    return &vmcb_area[smp_processor_id()];
}

/* Leave v (its state saved) for the next vCPU. */
static void __noreturn deschedule(struct vcpu *v, bool yield)
{
    v->arch.save = vmcb_area[smp_processor_id()].save;
    fpu_save(&v->arch.fpu);
    schedule(yield);
}

void svm_intr_exit(struct vcpu *v)
{
    /*
     * The interrupt waits in the APIC: let it in (traps.c handles it). A
     * kick needs nothing more: the leave path follows.
     */
    local_irq_take_pending();

    if ( lapic_tick_take() )
        vcpu_tick(v);
}

static void vmcb_prepare(struct vmcb *vmcb, struct vcpu *v)
{
    const struct p2m_domain *p2m = &v->domain->p2m;

    memset(vmcb, 0, offsetof(struct vmcb, save));
    vmcb->intercepts3 = VMCB_I3_INTR | VMCB_I3_NMI | VMCB_I3_SMI |
                        VMCB_I3_INIT | VMCB_I3_CPUID | VMCB_I3_HLT |
                        VMCB_I3_INVLPGA | VMCB_I3_IOIO | VMCB_I3_MSR |
                        VMCB_I3_SHUTDOWN;
    vmcb->intercepts4 = VMCB_I4_VMRUN | VMCB_I4_VMMCALL | VMCB_I4_VMLOAD |
                        VMCB_I4_VMSAVE | VMCB_I4_STGI | VMCB_I4_CLGI |
                        VMCB_I4_SKINIT | VMCB_I4_XSETBV;
    vmcb->iopm_base_pa = paddr_x(virt_to_maddr(iopm));
    vmcb->msrpm_base_pa = paddr_x(virt_to_maddr(msrpm));
    vmcb->asid = p2m->arch.asid;
    vmcb->tlb_control = VMCB_TLB_FLUSH_ALL;
    vmcb->int_ctl = VMCB_V_INTR_MASKING;
    vmcb->np_enable = 1;
    vmcb->n_cr3 = paddr_x(mfn_to_maddr(p2m->root));
    vmcb->save = v->arch.save;
}

static void __noreturn vcpu_loop(void *arg)
{
    struct vcpu *v = arg;
    unsigned int cpu = smp_processor_id();
    struct vmcb *vmcb = &vmcb_area[cpu];
    struct p2m_domain *p2m = &v->domain->p2m;
    uint64_t vmcb_pa = paddr_x(virt_to_maddr(vmcb));
    uint64_t host_pa = paddr_x(virt_to_maddr(host_area[cpu]));
    uint64_t flushed = TLB_GEN_NEVER; /* vmcb_prepare() flushes anyway */
    enum leave_action action;
    bool new_tick;

    setup_bitmaps();
    vmcb_prepare(vmcb, v);
    fpu_restore(&v->arch.fpu);
    lapic_tick_start();

    for ( ;; )
    {
        /* Last thing before VMRUN: nothing below waits or locks. */
        if ( tlb_gen_enter(&p2m->arch.tlb, &flushed) )
            vmcb->tlb_control = VMCB_TLB_FLUSH_ALL;

        svm_vmrun(vmcb_pa, &v->arch.gprs, host_pa);
        tlb_gen_exit();
        vmcb->tlb_control = VMCB_TLB_NONE;

        svm_handle_exit(v, vmcb);

        /* The leave path: the one decision about what runs next. */
        action = vcpu_leave_action(v, &new_tick);
        if ( action != LEAVE_RESUME )
            deschedule(v, action == LEAVE_YIELD);
        if ( new_tick )
            lapic_tick_arm();
    }
}

void arch_run_vcpu(struct vcpu *v)
{
    unsigned int cpu = smp_processor_id();

    /* What called schedule() is finished with: start on an empty stack. */
    reset_stack_and_call(vcpu_loop, v, (uintptr_t)&cpu_stacks[cpu][STACK_SIZE]);
}

/*
 * Halt until an interrupt. sti holds interrupts off for one more
 * instruction, so one pending already (a kick sent after the scheduler
 * marked this pCPU idle) is taken in the hlt, which then returns: no
 * wake-up slips in between.
 */
void arch_cpu_idle(void)
{
    __asm__ __volatile__("sti\n\thlt\n\tcli" ::: "memory");
}

void arch_cpu_kick(unsigned int cpu)
{
    lapic_send_kick(cpu_info[cpu].apic_id);
}

/* A guest page-table entry at gpa (size 4 or 8 bytes), if it is RAM. */
static int read_gpte(struct domain *d, uint64_t gpa, unsigned int size,
                     uint64_t *pte)
{
    p2m_type_t t;
    mfn_t mfn = p2m_lookup(d, _gfn(gpa >> PAGE_SHIFT), &t);
    const uint8_t *p;

    if ( !p2m_is_ram(t) )
        return -EFAULT;
    p = (const uint8_t *)maddr_to_virt(mfn_to_maddr(mfn)) +
        (gpa & (PAGE_SIZE - 1));
    *pte = 0;
    memcpy(pte, p, size);

    return 0;
}

#define PTE_P    (1ULL << 0)
#define PTE_RW   (1ULL << 1)
#define PTE_PS   (1ULL << 7)
#define PTE_ADDR 0x000ffffffffff000ULL

#define X86_CR4_PSE  (1 << 4)
#define X86_CR4_LA57 (1 << 12)

/*
 * Walk the guest's own page tables (long mode with 4 levels, PAE, or
 * 32-bit with 4 MiB pages), every table read through the P2M. No
 * accessed/dirty bits are set: the hypervisor only reads and copies.
 */
int arch_gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa)
{
    const struct vmcb_save *s = vcpu_save_area(v);
    struct domain *d = v->domain;
    unsigned int shift, size, bits, leaf_min;
    uint64_t table, pte;
    bool wp = s->cr0 & X86_CR0_WP;

    if ( !(s->cr0 & X86_CR0_PG) )
    {
        *gpa = gva;
        return 0;
    }

    if ( s->efer & EFER_LMA )
    {
        if ( s->cr4 & X86_CR4_LA57 )
            return -EFAULT; /* 5-level paging is not walked */
        shift = 39, size = 8, bits = 9, leaf_min = 21;
        table = s->cr3 & PTE_ADDR;
    }
    else if ( s->cr4 & X86_CR4_PAE )
    {
        if ( read_gpte(d, (s->cr3 & 0xffffffe0) + ((gva >> 30) & 3) * 8, 8,
                       &pte) ||
             !(pte & PTE_P) )
            return -EFAULT;
        shift = 21, size = 8, bits = 9, leaf_min = 21;
        table = pte & PTE_ADDR;
        gva &= 0xffffffff;
    }
    else
    {
        shift = 22, size = 4, bits = 10;
        leaf_min = (s->cr4 & X86_CR4_PSE) ? 22 : 12;
        table = s->cr3 & 0xfffff000;
        gva &= 0xffffffff;
    }

    for ( ;; )
    {
        uint64_t idx = (gva >> shift) & ((1ULL << bits) - 1);

        if ( read_gpte(d, table + idx * size, size, &pte) || !(pte & PTE_P) )
            return -EFAULT;
        if ( write && wp && !(pte & PTE_RW) )
            return -EFAULT;

        if ( shift == PAGE_SHIFT ||
             ((pte & PTE_PS) && shift >= leaf_min && shift <= 30) )
        {
            uint64_t mask = (1ULL << shift) - 1;
            uint64_t addr = size == 4 ? (pte & 0xfffff000) : (pte & PTE_ADDR);

            *gpa = (addr & ~mask) | (gva & mask);
            return 0;
        }

        table = size == 4 ? (pte & 0xfffff000) : (pte & PTE_ADDR);
        shift -= bits;
    }
}
