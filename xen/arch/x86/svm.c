/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AMD SVM: find out whether the CPU has it and nested paging (NPT), and
 * make every CPU ready for VMRUN: EFER.SVME set and a host save area of
 * its own in VM_HSAVE_PA.
 */
#include <xen/init.h>
#include <xen/lib.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/svm.h>

struct svm_caps svm_caps;

/* One 4 KiB host save area per CPU, which VMRUN and #VMEXIT use. */
static uint8_t hsave_area[CONFIG_NR_CPUS][PAGE_SIZE] __aligned(PAGE_SIZE);

/* NULL if SVM can be used on this CPU, else why not. */
static const char *svm_unusable(void)
{
    struct cpuid_regs r;

    uint32_t max_leaf;

    cpuid(0x80000000, &r);
    max_leaf = r.eax;
    if ( max_leaf < 0x80000001 )
        return "no CPUID leaf 0x80000001";

    cpuid(0x80000001, &r);
    if ( !(r.ecx & CPUID_EXT_ECX_SVM) )
        return "CPUID 0x80000001 ECX.SVM clear";

    if ( max_leaf < 0x8000000a )
        return "no CPUID leaf 0x8000000a";

    if ( rdmsr(MSR_VM_CR) & VM_CR_SVMDIS )
        return "disabled by firmware (VM_CR.SVMDIS)";

    return NULL;
}

static void svm_enable_cpu(unsigned int cpu)
{
    memset(hsave_area[cpu], 0, sizeof(hsave_area[cpu]));
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
    /* Identity map: the area's virtual address is its physical address. */
    wrmsr(MSR_VM_HSAVE_PA, (uintptr_t)hsave_area[cpu]);
}

void __init svm_init_bsp(void)
{
    const char *why = svm_unusable();
    struct cpuid_regs r;

    if ( why )
    {
        printk(XENLOG_WARNING
               "SVM: not available (%s); NPT: no; guests cannot run\n",
               why);
        return;
    }

    cpuid(0x8000000a, &r);
    svm_caps.revision = r.eax & 0xff;
    svm_caps.nr_asids = r.ebx;
    svm_caps.features = r.edx;
    svm_caps.npt = r.edx & CPUID_SVM_EDX_NP;
    svm_caps.svm = true;

    svm_enable_cpu(0);

    printk(
        "SVM: revision %u, %u ASIDs, NRIPS %s, enabled with a host save area per CPU; NPT: %s\n",
        svm_caps.revision, svm_caps.nr_asids,
        svm_caps.features & CPUID_SVM_EDX_NRIPS ? "yes" : "no",
        svm_caps.npt ? "yes" : "no (guests cannot run)");
}

void svm_init_ap(unsigned int cpu)
{
    const char *why;

    if ( !svm_caps.svm )
        return;

    why = svm_unusable();
    if ( why )
    {
        printk(XENLOG_ERR
               "CPU%u: SVM not available (%s) although the boot CPU has it\n",
               cpu, why);
        return;
    }

    svm_enable_cpu(cpu);
}
