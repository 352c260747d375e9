/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * #VMEXIT handling for PVH guests: hypercalls (VMMCALL), CPUID (the Xen
 * leaves at 0x40000000), MSRs (the hypercall page, EFER, PAT), port I/O
 * (nothing there: reads give all ones, writes are dropped, port 0xe9
 * prints), HLT, physical interrupts (the scheduler's tick, vcpu.c), and
 * accesses to guest-physical addresses with nothing mapped, completed as
 * unmapped MMIO as Xen does for HVM guests: the faulting mov is decoded,
 * reads return all ones, writes are dropped. Anything else crashes the
 * domain with a line saying what it did.
 *
 * QEMU's SVM has no next-RIP and no decode assists, so instruction
 * lengths are known (VMMCALL 3, CPUID 2, RDMSR/WRMSR 2, HLT 1), taken
 * from EXITINFO2 (port I/O) or decoded (MMIO).
 */
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <asm/svm.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/vmcb.h>

#define XEN_CPUID_BASE    0x40000000u
#define XEN_CPUID_MAX     (XEN_CPUID_BASE + 4)
#define XEN_VERSION_VALUE ((4u << 16) | 17)
#define HYPERCALL_MSR     0x40000000u
#define HYPERCALL_IRET    23

#define HVM_CPUID_VCPU_ID_PRESENT (1u << 3)
#define HVM_CPUID_DOMID_PRESENT   (1u << 4)

#define CPUID1_ECX_VMX        (1u << 5)
#define CPUID1_ECX_MONITOR    (1u << 3)
#define CPUID1_ECX_HYPERVISOR (1u << 31)
/* XSAVE-managed state is not switched between vCPUs: not offered. */
#define CPUID1_ECX_XSAVE_STATE                                                 \
    ((1u << 12) /* FMA */ | (1u << 26) /* XSAVE */ |                           \
     (1u << 27) /* OSXSAVE */ | (1u << 28) /* AVX */ | (1u << 29) /* F16C */)

#define MSR_TSC       0x10
#define MSR_MTRRCAP   0xfe
#define MSR_PAT       0x277
#define MSR_MTRR_DEF  0x2ff
#define EFER_WRITABLE (EFER_SCE | EFER_LME | EFER_NXE | (1 << 14) | (1 << 15))

#define X86_EXC_UD 6
#define X86_EXC_GP 13

static bool guest_long_mode(const struct vmcb_save *s)
{
    return (s->efer & EFER_LMA) && (s->cs.attr & SEG_ATTR_L);
}

static void inject_exception(struct vmcb *vmcb, unsigned int vec, bool err)
{
    vmcb->eventinj = EVENTINJ_VALID | EVENTINJ_TYPE_EXC | vec |
                     (err ? EVENTINJ_ERR_VALID : 0);
}

/* The domain crashes (a state change): the caller returns at once. */
static void crash(struct vcpu *v, const char *what, const struct vmcb *vmcb)
{
    char why[128];

    snprintf(
        why, sizeof(why), "%s at rip 0x%llx (exit 0x%llx, info 0x%llx/0x%llx)",
        what, (unsigned long long)vmcb->save.rip,
        (unsigned long long)vmcb->exitcode, (unsigned long long)vmcb->exitinfo1,
        (unsigned long long)vmcb->exitinfo2);
    domain_crash(v->domain, why);
}

/* The 64-bit slot of general register n (x86 encoding order). */
static uint64_t *gpr(struct vcpu *v, struct vmcb *vmcb, unsigned int n)
{
    struct svm_gprs *g = &v->arch.gprs;

    switch ( n )
    {
    case 0: return &vmcb->save.rax;
    case 1: return &g->rcx;
    case 2: return &g->rdx;
    case 3: return &g->rbx;
    case 4: return &vmcb->save.rsp;
    case 5: return &g->rbp;
    case 6: return &g->rsi;
    case 7: return &g->rdi;
    case 8: return &g->r8;
    case 9: return &g->r9;
    case 10: return &g->r10;
    case 11: return &g->r11;
    case 12: return &g->r12;
    case 13: return &g->r13;
    case 14: return &g->r14;
    default: return &g->r15;
    }
}

/*
 * Hypercall argument registers, as gpr() numbers them: rdi, rsi, rdx,
 * r10, r8 in long mode; ebx, ecx, edx, esi, edi for 32-bit guests.
 */
static const unsigned int hc_args64[] = { 7, 6, 2, 10, 8 };
static const unsigned int hc_args32[] = { 3, 1, 2, 6, 7 };
BUILD_BUG_ON(ARRAY_SIZE(hc_args64) != HYPERCALL_MAX_ARGS);
BUILD_BUG_ON(ARRAY_SIZE(hc_args32) != HYPERCALL_MAX_ARGS);

/*
 * VMMCALL: number in rax, arguments in rdi, rsi, rdx, r10, r8 (32-bit
 * guests: ebx, ecx, edx, esi, edi), result in rax. RIP moves past the
 * 3-byte VMMCALL before the call; a continued call goes back to it
 * (hypercall_trap(), through the accessors below).
 */
static void do_vmmcall(struct vcpu *v, struct vmcb *vmcb)
{
    vmcb->save.rip += 3;
    hypercall_trap(v);
}

static bool hypercall_mode64(const struct vcpu *v)
{
    return guest_long_mode(&svm_current_vmcb()->save);
}

unsigned long arch_hypercall_op(const struct vcpu *v)
{
    uint64_t rax = svm_current_vmcb()->save.rax;

    return hypercall_mode64(v) ? rax : (uint32_t)rax;
}

unsigned long arch_hypercall_arg(const struct vcpu *v, unsigned int i)
{
    bool mode64 = hypercall_mode64(v);
    uint64_t val = *gpr((struct vcpu *)v, svm_current_vmcb(),
                        mode64 ? hc_args64[i] : hc_args32[i]);

    return mode64 ? val : (uint32_t)val;
}

void arch_hypercall_set_result(struct vcpu *v, long rc)
{
    svm_current_vmcb()->save.rax =
        hypercall_mode64(v) ? (uint64_t)rc : (uint32_t)rc;
}

void arch_hypercall_set_op(struct vcpu *v, unsigned long op)
{
    svm_current_vmcb()->save.rax = op;
}

void arch_hypercall_set_arg(struct vcpu *v, unsigned int i, unsigned long val)
{
    bool mode64 = hypercall_mode64(v);

    *gpr(v, svm_current_vmcb(), mode64 ? hc_args64[i] : hc_args32[i]) =
        mode64 ? val : (uint32_t)val;
}

void arch_hypercall_rewind(struct vcpu *v)
{
    svm_current_vmcb()->save.rip -= 3;
}

static void do_cpuid(struct vcpu *v, struct vmcb *vmcb)
{
    uint32_t leaf = vmcb->save.rax, sub = v->arch.gprs.rcx;
    struct cpuid_regs r = { 0, 0, 0, 0 };

    if ( (leaf & 0xf0000000u) == XEN_CPUID_BASE )
    {
        switch ( leaf )
        {
        case XEN_CPUID_BASE:
            r.eax = XEN_CPUID_MAX;
            r.ebx = 0x566e6558; /* "XenVMMXenVMM" */
            r.ecx = 0x65584d4d;
            r.edx = 0x4d4d566e;
            break;
        case XEN_CPUID_BASE + 1: r.eax = XEN_VERSION_VALUE; break;
        case XEN_CPUID_BASE + 2:
            r.eax = 1; /* hypercall pages */
            r.ebx = HYPERCALL_MSR;
            break;
        case XEN_CPUID_BASE + 4:
            r.eax = HVM_CPUID_VCPU_ID_PRESENT | HVM_CPUID_DOMID_PRESENT;
            r.ebx = v->vcpu_id;
            r.ecx = v->domain->domain_id;
            break;
        }
    }
    else
    {
        cpuid_count(leaf, sub, &r);
        switch ( leaf )
        {
        case 1:
            r.ecx &=
                ~(CPUID1_ECX_VMX | CPUID1_ECX_MONITOR | CPUID1_ECX_XSAVE_STATE);
            r.ecx |= CPUID1_ECX_HYPERVISOR;
            r.ebx = (r.ebx & 0x00ffffff) | (v->vcpu_id << 24);
            break;
        case 7:
            /* AVX2, AVX-512 and AMX need XSAVE: hidden with it. */
            if ( sub == 0 )
            {
                r.ebx &= ~((1u << 5) | (1u << 16) | (1u << 17) | (1u << 21) |
                           (1u << 26) | (1u << 27) | (1u << 28) | (1u << 30) |
                           (1u << 31));
                r.ecx &= ~((1u << 1) | (1u << 6) | (1u << 11) | (1u << 12) |
                           (1u << 14));
                r.edx &= ~((1u << 2) | (1u << 3) | (1u << 8) | (1u << 22) |
                           (1u << 23) | (1u << 24));
            }
            break;
        case 0xd: r.eax = r.ebx = r.ecx = r.edx = 0; break;
        case 0x80000001: r.ecx &= ~CPUID_EXT_ECX_SVM; break;
        case 0x8000000a: r.eax = r.ebx = r.ecx = r.edx = 0; break;
        }
    }

    vmcb->save.rax = r.eax;
    v->arch.gprs.rbx = r.ebx;
    v->arch.gprs.rcx = r.ecx;
    v->arch.gprs.rdx = r.edx;
    vmcb->save.rip += 2;
}

/*
 * Turn the guest page at gpa into the hypercall page: for each hypercall
 * a 32-byte slot "mov $nr, %eax; vmmcall; ret", the iret slot "ud2".
 */
static int write_hypercall_page(struct domain *d, uint64_t gpa)
{
    uint8_t slot[32];
    unsigned int nr;
    int rc;

    for ( nr = 0; nr < PAGE_SIZE / sizeof(slot); nr++ )
    {
        memset(slot, 0xcc, sizeof(slot)); /* int3 in the padding */
        if ( nr == HYPERCALL_IRET )
        {
            slot[0] = 0x0f;
            slot[1] = 0x0b;
        }
        else
        {
            slot[0] = 0xb8;
            slot[1] = nr;
            slot[2] = slot[3] = slot[4] = 0;
            slot[5] = 0x0f;
            slot[6] = 0x01;
            slot[7] = 0xd9;
            slot[8] = 0xc3;
        }
        rc = copy_to_guest_phys(d, gpa + nr * sizeof(slot), slot, sizeof(slot));
        if ( rc )
            return rc;
    }

    return 0;
}

/* false: the access raises #GP in the guest. */
static bool msr_read(struct vcpu *v, struct vmcb *vmcb, uint32_t msr,
                     uint64_t *val)
{
    switch ( msr )
    {
    case MSR_EFER: *val = vmcb->save.efer & ~(uint64_t)EFER_SVME; return true;
    case MSR_PAT: *val = vmcb->save.g_pat; return true;
    case MSR_TSC: *val = rdtsc(); return true;
    case MSR_APIC_BASE:
        /* No local APIC is emulated: report it disabled. */
        *val = 0xfee00000 | (v->vcpu_id ? 0 : APIC_BASE_BSP);
        return true;
    case MSR_MTRRCAP:
    case MSR_MTRR_DEF: *val = 0; return true;
    case HYPERCALL_MSR: *val = v->arch.hypercall_msr; return true;
    }

    if ( msr >= 0x200 && msr < 0x270 ) /* MTRRs: none */
    {
        *val = 0;
        return true;
    }

    return false;
}

static bool msr_write(struct vcpu *v, struct vmcb *vmcb, uint32_t msr,
                      uint64_t val)
{
    struct domain *d = v->domain;

    switch ( msr )
    {
    case MSR_EFER:
        if ( val & ~(uint64_t)(EFER_WRITABLE | EFER_LMA | EFER_SVME) )
            return false;
        vmcb->save.efer =
            (val & EFER_WRITABLE) | (vmcb->save.efer & EFER_LMA) | EFER_SVME;
        return true;

    case MSR_PAT: vmcb->save.g_pat = val; return true;

    case MSR_APIC_BASE:
    case MSR_MTRR_DEF: return true;

    case HYPERCALL_MSR:
        if ( val & (PAGE_SIZE - 1) ) /* page index: there is one page */
            return false;
        if ( write_hypercall_page(d, val) )
        {
            printk(XENLOG_WARNING
                   "d%u: hypercall page at 0x%llx is not the domain's RAM\n",
                   d->domain_id, (unsigned long long)val);
            return false;
        }
        v->arch.hypercall_msr = val;
        return true;
    }

    return msr >= 0x200 && msr < 0x270;
}

static void do_msr(struct vcpu *v, struct vmcb *vmcb)
{
    struct svm_gprs *g = &v->arch.gprs;
    uint32_t msr = g->rcx;
    uint64_t val;
    bool ok;

    if ( vmcb->exitinfo1 )
        ok = msr_write(v, vmcb, msr,
                       ((g->rdx & 0xffffffff) << 32) |
                           (vmcb->save.rax & 0xffffffff));
    else
    {
        ok = msr_read(v, vmcb, msr, &val);
        if ( ok )
        {
            vmcb->save.rax = (uint32_t)val;
            g->rdx = val >> 32;
        }
    }

    if ( ok )
        vmcb->save.rip += 2;
    else
        inject_exception(vmcb, X86_EXC_GP, true);
}

static void do_ioio(struct vcpu *v, struct vmcb *vmcb)
{
    uint64_t info = vmcb->exitinfo1, next = vmcb->exitinfo2;
    unsigned int port = IOIO_PORT(info);
    unsigned int size = (info & IOIO_SZ_MASK) >> IOIO_SZ_SHIFT; /* 1, 2, 4 */
    char c;

    if ( info & IOIO_STRING )
    {
        crash(v, "string port I/O (ins/outs) is not emulated", vmcb);
        return;
    }
    if ( next <= vmcb->save.rip || next > vmcb->save.rip + 15 )
    {
        crash(v, "port I/O exit without a usable next rip", vmcb);
        return;
    }

    if ( info & IOIO_IN )
    {
        if ( size == 4 )
            vmcb->save.rax = 0xffffffff;
        else
            vmcb->save.rax |= size == 2 ? 0xffff : 0xff;
    }
    else if ( port == 0xe9 && size == 1 )
    {
        /* As upstream's debug port: filtered for every domain, dom0 too. */
        c = vmcb->save.rax;
        if ( guest_console_printable(c) )
            guest_console_write(v->domain, &c, 1);
    }

    vmcb->save.rip = next;
}

/* Up to 15 bytes at the guest's rip; how many could be read. */
static unsigned int fetch_insn(struct vcpu *v, struct vmcb *vmcb, uint8_t *buf)
{
    const struct vmcb_save *s = &vmcb->save;
    uint64_t la = guest_long_mode(s) ? s->rip : (uint32_t)(s->cs.base + s->rip);
    unsigned int n = 0;

    while ( n < 15 )
    {
        unsigned int chunk = min(
            15 - n, (unsigned int)(PAGE_SIZE - ((la + n) & (PAGE_SIZE - 1))));
        uint64_t gpa;
        p2m_type_t t;
        mfn_t mfn;

        if ( arch_gva_to_gpa(v, la + n, false, &gpa) )
            break;
        mfn = p2m_lookup(v->domain, _gfn(gpa >> PAGE_SHIFT), &t);
        if ( !p2m_is_ram(t) )
            break;
        memcpy(buf + n,
               (const uint8_t *)maddr_to_virt(mfn_to_maddr(mfn)) +
                   (gpa & (PAGE_SIZE - 1)),
               chunk);
        n += chunk;
    }

    return n;
}

/*
 * Complete a mov to or from an unmapped guest-physical address: decode
 * the instruction (mov r/m<->reg, mov r/m,imm, mov moffs, movzx, movsx),
 * give a read all ones, drop a write, and step over it. false: not one
 * of those.
 */
static bool emulate_unmapped_mov(struct vcpu *v, struct vmcb *vmcb)
{
    const struct vmcb_save *s = &vmcb->save;
    bool mode64 = guest_long_mode(s), addr_override = false;
    unsigned int n, i = 0, opsz = 4, size, reg = 0, imm = 0, rex = 0;
    unsigned int extend = 0; /* 1 zero-extend, 2 sign-extend */
    bool read, modrm = true, moffs = false;
    uint8_t b[15], op;
    uint64_t *r, ones;

    if ( !mode64 && !(s->cs.attr & SEG_ATTR_DB) )
        return false; /* 16-bit code */

    n = fetch_insn(v, vmcb, b);

    for ( ; i < n; i++ )
    {
        if ( b[i] == 0x66 )
            opsz = 2;
        else if ( b[i] == 0x67 )
            addr_override = true;
        else if ( b[i] == 0x26 || b[i] == 0x2e || b[i] == 0x36 ||
                  b[i] == 0x3e || b[i] == 0x64 || b[i] == 0x65 || b[i] == 0xf0 )
            continue;
        else
            break;
    }
    if ( i < n && mode64 && (b[i] & 0xf0) == 0x40 )
        rex = b[i++];
    if ( rex & 8 )
        opsz = 8;
    if ( !mode64 && addr_override )
        return false; /* 16-bit addressing */
    if ( i >= n )
        return false;

    op = b[i++];
    size = opsz;
    switch ( op )
    {
    case 0x88: size = 1; /* fall through */
    case 0x89: read = false; break;
    case 0x8a: size = 1; /* fall through */
    case 0x8b: read = true; break;
    case 0xc6:
        size = 1;
        imm = 1;
        read = false;
        break;
    case 0xc7:
        imm = opsz == 2 ? 2 : 4;
        read = false;
        break;
    case 0xa0: size = 1; /* fall through */
    case 0xa1:
        read = true;
        modrm = false;
        moffs = true;
        break;
    case 0xa2: size = 1; /* fall through */
    case 0xa3:
        read = false;
        modrm = false;
        moffs = true;
        break;
    case 0x0f:
        if ( i >= n )
            return false;
        op = b[i++];
        if ( op != 0xb6 && op != 0xb7 && op != 0xbe && op != 0xbf )
            return false;
        read = true;
        extend = (op & 8) ? 2 : 1;
        size = (op & 1) ? 2 : 1; /* source size; the destination is opsz */
        break;
    default: return false;
    }

    if ( modrm )
    {
        uint8_t m, mod, rm;

        if ( i >= n )
            return false;
        m = b[i++];
        mod = m >> 6;
        rm = m & 7;
        reg = ((m >> 3) & 7) | ((rex & 4) ? 8 : 0);
        if ( mod == 3 )
            return false; /* a register operand cannot fault on memory */
        if ( (op == 0xc6 || op == 0xc7) && (m & 0x38) )
            return false;
        if ( rm == 4 )
        {
            if ( i >= n )
                return false;
            if ( mod == 0 && (b[i] & 7) == 5 )
                i += 4;
            i++;
        }
        if ( mod == 0 && rm == 5 )
            i += 4;
        else if ( mod == 1 )
            i += 1;
        else if ( mod == 2 )
            i += 4;
    }
    if ( moffs )
        i += mode64 ? (addr_override ? 4 : 8) : 4;
    i += imm;
    if ( i > n )
        return false;

    if ( read )
    {
        r = gpr(v, vmcb, reg);
        if ( extend == 2 )
            size = opsz; /* movsx of all ones is all ones */
        else if ( extend == 1 )
        {
            /* movzx: the destination gets the zero-extended ones */
            ones = size == 1 ? 0xff : 0xffff;
            if ( opsz == 2 )
                *r = (*r & ~0xffffULL) | ones;
            else
                *r = ones;
            goto done;
        }

        switch ( size )
        {
        case 1:
            if ( !rex && reg >= 4 && reg < 8 )
                *gpr(v, vmcb, reg - 4) |= 0xff00; /* ah, ch, dh, bh */
            else
                *r |= 0xff;
            break;
        case 2: *r |= 0xffff; break;
        case 4: *r = 0xffffffff; break;
        default: *r = ~0ULL; break;
        }
    }

done:
    vmcb->save.rip += i;

    return true;
}

static void do_npf(struct vcpu *v, struct vmcb *vmcb)
{
    struct domain *d = v->domain;
    uint64_t gpa = vmcb->exitinfo2, err = vmcb->exitinfo1;
    p2m_type_t t;
    char what[96];

    p2m_lookup(d, _gfn(gpa >> PAGE_SHIFT), &t);

    /*
     * Nothing was mapped when the guest looked, but something is now: it
     * raced with a change of the entry, which break-before-make leaves
     * not present for a moment (common/p2m.c); the lookup waited for the
     * change to finish. The guest tries again.
     */
    if ( !(err & NPF_P) && t != p2m_invalid )
        return;

    if ( t != p2m_invalid )
    {
        snprintf(what, sizeof(what), "%s of GFN 0x%llx (%s) not allowed",
                 (err & NPF_WRITE) ? "write" : "access",
                 (unsigned long long)(gpa >> PAGE_SHIFT), p2m_type_name(t));
        crash(v, what, vmcb);
        return;
    }
    if ( err & NPF_GUEST_WALK )
    {
        snprintf(what, sizeof(what),
                 "its page tables point at GFN 0x%llx, where nothing is mapped",
                 (unsigned long long)(gpa >> PAGE_SHIFT));
        crash(v, what, vmcb);
        return;
    }
    if ( err & NPF_FETCH )
    {
        snprintf(what, sizeof(what),
                 "instruction fetch from GFN 0x%llx, where nothing is mapped",
                 (unsigned long long)(gpa >> PAGE_SHIFT));
        crash(v, what, vmcb);
        return;
    }

    if ( !emulate_unmapped_mov(v, vmcb) )
    {
        snprintf(what, sizeof(what),
                 "access to unmapped GFN 0x%llx by an instruction not emulated",
                 (unsigned long long)(gpa >> PAGE_SHIFT));
        crash(v, what, vmcb);
        return;
    }

    printk(
        XENLOG_DEBUG
        "d%u: %s at guest-physical 0x%llx (GFN 0x%llx): nothing mapped, %s\n",
        d->domain_id, (err & NPF_WRITE) ? "write" : "read",
        (unsigned long long)gpa, (unsigned long long)(gpa >> PAGE_SHIFT),
        (err & NPF_WRITE) ? "dropped" : "read as all ones");
}

void svm_handle_exit(struct vcpu *v, struct vmcb *vmcb)
{
    uint32_t code = vmcb->exitcode;

    switch ( code )
    {
    case VMEXIT_VMMCALL: do_vmmcall(v, vmcb); break;
    case VMEXIT_CPUID: do_cpuid(v, vmcb); break;
    case VMEXIT_MSR: do_msr(v, vmcb); break;
    case VMEXIT_IOIO: do_ioio(v, vmcb); break;
    case VMEXIT_NPF: do_npf(v, vmcb); break;

    case VMEXIT_HLT:
        vmcb->save.rip += 1;
        vcpu_ask_yield(v);
        break;

    case VMEXIT_INTR: svm_intr_exit(v); break;

    case VMEXIT_NMI:
    case VMEXIT_SMI:
    case VMEXIT_INIT: break; /* the host takes it once GIF is set again */

    case VMEXIT_VMRUN:
    case VMEXIT_VMLOAD:
    case VMEXIT_VMSAVE:
    case VMEXIT_STGI:
    case VMEXIT_CLGI:
    case VMEXIT_SKINIT:
    case VMEXIT_INVLPGA:
        inject_exception(vmcb, X86_EXC_UD, false); /* no nested SVM */
        break;

    case VMEXIT_XSETBV:
        /* XSAVE is not offered (see do_cpuid): as if CR4.OSXSAVE were 0. */
        inject_exception(vmcb, X86_EXC_UD, false);
        break;

    case VMEXIT_SHUTDOWN: crash(v, "triple fault", vmcb); break;

    case VMEXIT_INVALID:
        crash(v, "VMRUN refused its state (VMEXIT_INVALID)", vmcb);
        break;

    default: crash(v, "unhandled #VMEXIT", vmcb); break;
    }
}

/*
 * Upstream tells HVM/PVH guests of its event-channel callback vector and
 * its pvclock (XENFEAT_hvm_callback_vector, XENFEAT_hvm_safe_pvclock);
 * neither exists here yet, so nothing is added.
 */
uint32_t arch_feature_submap0(const struct domain *d)
{
    return 0;
}
