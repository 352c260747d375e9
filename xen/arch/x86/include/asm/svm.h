/* SPDX-License-Identifier: GPL-2.0-only */
/* AMD SVM: what CPUID reports (svm.c). */
#ifndef ASM_X86_SVM_H
#define ASM_X86_SVM_H

#include <xen/types.h>

#define CPUID_EXT_ECX_SVM   (1u << 2) /* leaf 0x80000001 */
#define CPUID_SVM_EDX_NP    (1u << 0) /* leaf 0x8000000a */
#define CPUID_SVM_EDX_NRIPS (1u << 3)

struct svm_caps {
    bool svm; /* SVM usable and enabled on the boot CPU */
    bool npt;
    uint8_t revision;
    uint32_t nr_asids;
    uint32_t features; /* CPUID 0x8000000a EDX */
};

extern struct svm_caps svm_caps;

#endif /* ASM_X86_SVM_H */
