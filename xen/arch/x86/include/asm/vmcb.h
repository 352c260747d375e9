/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The AMD SVM virtual machine control block (AMD APM vol. 2, appendix B):
 * a 4 KiB page, the control area at 0x000 and the state-save area at
 * 0x400. Offsets are checked in vcpu.c.
 */
#ifndef ASM_X86_VMCB_H
#define ASM_X86_VMCB_H

#include <xen/types.h>

/* Intercept vector 3 (offset 0x00c). */
#define VMCB_I3_INTR     (1u << 0)
#define VMCB_I3_NMI      (1u << 1)
#define VMCB_I3_SMI      (1u << 2)
#define VMCB_I3_INIT     (1u << 3)
#define VMCB_I3_CPUID    (1u << 18)
#define VMCB_I3_HLT      (1u << 24)
#define VMCB_I3_INVLPGA  (1u << 26)
#define VMCB_I3_IOIO     (1u << 27)
#define VMCB_I3_MSR      (1u << 28)
#define VMCB_I3_SHUTDOWN (1u << 31)

/* Intercept vector 4 (offset 0x010). */
#define VMCB_I4_VMRUN   (1u << 0)
#define VMCB_I4_VMMCALL (1u << 1)
#define VMCB_I4_VMLOAD  (1u << 2)
#define VMCB_I4_VMSAVE  (1u << 3)
#define VMCB_I4_STGI    (1u << 4)
#define VMCB_I4_CLGI    (1u << 5)
#define VMCB_I4_SKINIT  (1u << 6)
#define VMCB_I4_XSETBV  (1u << 13)

/* TLB control (offset 0x05c). */
#define VMCB_TLB_NONE      0
#define VMCB_TLB_FLUSH_ALL 1

/* int_ctl (offset 0x060). */
#define VMCB_V_INTR_MASKING (1ull << 24)

/* Exit codes. */
#define VMEXIT_EXCP_BASE 0x040
#define VMEXIT_INTR      0x060
#define VMEXIT_NMI       0x061
#define VMEXIT_SMI       0x062
#define VMEXIT_INIT      0x063
#define VMEXIT_CPUID     0x072
#define VMEXIT_HLT       0x078
#define VMEXIT_INVLPGA   0x07a
#define VMEXIT_IOIO      0x07b
#define VMEXIT_MSR       0x07c
#define VMEXIT_SHUTDOWN  0x07f
#define VMEXIT_VMRUN     0x080
#define VMEXIT_VMMCALL   0x081
#define VMEXIT_VMLOAD    0x082
#define VMEXIT_VMSAVE    0x083
#define VMEXIT_STGI      0x084
#define VMEXIT_CLGI      0x085
#define VMEXIT_SKINIT    0x086
#define VMEXIT_XSETBV    0x08d
#define VMEXIT_NPF       0x400
/* QEMU stores -1 as 32 bits: compare the low half only. */
#define VMEXIT_INVALID   0xffffffffu

/* EXITINFO1 of an NPF: the error code. */
#define NPF_P          (1ull << 0)
#define NPF_WRITE      (1ull << 1)
#define NPF_FETCH      (1ull << 4)
#define NPF_FINAL_GPA  (1ull << 32)
#define NPF_GUEST_WALK (1ull << 33)

/* EXITINFO1 of an IOIO exit. */
#define IOIO_IN       (1u << 0)
#define IOIO_STRING   (1u << 2)
#define IOIO_REP      (1u << 3)
#define IOIO_SZ_SHIFT 4
#define IOIO_SZ_MASK  (7u << IOIO_SZ_SHIFT)
#define IOIO_PORT(i)  (((i) >> 16) & 0xffff)

/* EVENTINJ. */
#define EVENTINJ_VALID     (1ull << 31)
#define EVENTINJ_ERR_VALID (1ull << 11)
#define EVENTINJ_TYPE_EXC  (3ull << 8)

/* Segment attributes: descriptor bits 47:40 in 7:0, bits 55:52 in 11:8. */
#define SEG_ATTR_L  (1u << 9)
#define SEG_ATTR_DB (1u << 10)

struct vmcb_seg {
    uint16_t sel;
    uint16_t attr;
    uint32_t limit;
    uint64_t base;
};

/* The state-save area: what a vCPU keeps while it is off a pCPU. */
struct vmcb_save {
    struct vmcb_seg es, cs, ss, ds, fs, gs, gdtr, ldtr, idtr, tr; /* 0x000 */
    uint8_t rsvd0[0x2b];                                          /* 0x0a0 */
    uint8_t cpl;                                                  /* 0x0cb */
    uint32_t rsvd1;                                               /* 0x0cc */
    uint64_t efer;                                                /* 0x0d0 */
    uint8_t rsvd2[0x70];                                          /* 0x0d8 */
    uint64_t cr4, cr3, cr0, dr7, dr6, rflags, rip;                /* 0x148 */
    uint8_t rsvd3[0x58];                                          /* 0x180 */
    uint64_t rsp;                                                 /* 0x1d8 */
    uint64_t s_cet, ssp, isst_addr;                               /* 0x1e0 */
    uint64_t rax;                                                 /* 0x1f8 */
    uint64_t star, lstar, cstar, sfmask, kernel_gs_base;          /* 0x200 */
    uint64_t sysenter_cs, sysenter_esp, sysenter_eip, cr2;        /* 0x228 */
    uint8_t rsvd4[0x20];                                          /* 0x248 */
    uint64_t g_pat, dbgctl, br_from, br_to, lastexcpfrom;         /* 0x268 */
    uint64_t lastexcpto;                                          /* 0x290 */
};

struct vmcb {
    uint32_t cr_intercepts;   /* 0x000 */
    uint32_t dr_intercepts;   /* 0x004 */
    uint32_t exc_intercepts;  /* 0x008 */
    uint32_t intercepts3;     /* 0x00c */
    uint32_t intercepts4;     /* 0x010 */
    uint32_t intercepts5;     /* 0x014 */
    uint8_t rsvd0[0x24];      /* 0x018 */
    uint16_t pause_threshold; /* 0x03c */
    uint16_t pause_count;     /* 0x03e */
    uint64_t iopm_base_pa;    /* 0x040 */
    uint64_t msrpm_base_pa;   /* 0x048 */
    uint64_t tsc_offset;      /* 0x050 */
    uint32_t asid;            /* 0x058 */
    uint8_t tlb_control;      /* 0x05c */
    uint8_t rsvd1[3];         /* 0x05d */
    uint64_t int_ctl;         /* 0x060 */
    uint64_t int_shadow;      /* 0x068 */
    uint64_t exitcode;        /* 0x070 */
    uint64_t exitinfo1;       /* 0x078 */
    uint64_t exitinfo2;       /* 0x080 */
    uint64_t exitintinfo;     /* 0x088 */
    uint64_t np_enable;       /* 0x090 */
    uint64_t avic_apic_bar;   /* 0x098 */
    uint64_t ghcb_pa;         /* 0x0a0 */
    uint64_t eventinj;        /* 0x0a8 */
    uint64_t n_cr3;           /* 0x0b0 */
    uint64_t lbr_virt;        /* 0x0b8 */
    uint32_t clean;           /* 0x0c0 */
    uint32_t rsvd2;           /* 0x0c4 */
    uint64_t nrip;            /* 0x0c8 */
    uint8_t insn_len;         /* 0x0d0 */
    uint8_t insn_bytes[15];   /* 0x0d1 */
    uint8_t rsvd3[0x320];     /* 0x0e0 */
    struct vmcb_save save;    /* 0x400 */
    uint8_t rsvd4[0x1000 - 0x400 - sizeof(struct vmcb_save)];
};

/*
 * The guest's general registers that VMRUN does not load from the VMCB
 * (rax and rsp live in the state-save area); svm-entry.S knows the order.
 */
struct svm_gprs {
    uint64_t rbx, rcx, rdx, rsi, rdi, rbp;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

/* svm-entry.S */
void svm_vmrun(uint64_t vmcb_pa, struct svm_gprs *regs, uint64_t host_pa);
void __noreturn reset_stack_and_call(void (*fn)(void *), void *arg,
                                     uint64_t stack_top);

struct vcpu;

/* vcpu.c: the state-save area of v, in the VMCB while it runs here. */
struct vmcb_save *vcpu_save_area(struct vcpu *v);
/* vcpu.c: this pCPU's VMCB (the running vCPU's state while it exits). */
struct vmcb *svm_current_vmcb(void);
/* vcpu.c: a physical interrupt made v exit; it may be the tick. */
void svm_intr_exit(struct vcpu *v);

/*
 * vmexit.c: handle the exit; returns always. What happens next is the
 * leave path's decision (vcpu.c, vcpu_loop()).
 */
void svm_handle_exit(struct vcpu *v, struct vmcb *vmcb);

/* domain_build.c */
void vcpu_reset_pvh(struct vcpu *v, uint32_t entry, uint32_t ebx);
/* The x87/SSE state a vCPU starts with (all exceptions masked). */
void vcpu_reset_fpu(struct vcpu *v);

#endif /* ASM_X86_VMCB_H */
