/* SPDX-License-Identifier: MIT */
/*
 * Parameters read and written with HVMOP_get_param / HVMOP_set_param.
 * The ones a guest reads at boot: where xenstore and the PV console are
 * (a frame and an event channel each) and how event upcalls arrive.
 */
#ifndef __XEN_PUBLIC_HVM_PARAMS_H__
#define __XEN_PUBLIC_HVM_PARAMS_H__

#include "hvm_op.h"

/*
 * How vCPU 0's event upcalls are delivered. 0: not at all. Otherwise
 * bits 63:56 are the type:
 *  GSI       bits 55:0 are the GSI (x86);
 *  PCI_INTX  domain 47:32, bus 31:16, devfn 15:8, INTx 1:0 (x86);
 *  VECTOR    bits 7:0 are an IDT vector (x86, XENFEAT_hvm_callback_vector);
 *  PPI       Arm: bits 15:8 are flags (bit 8 edge-triggered, bit 9
 *            active-low), bits 7:0 the PPI number; 55:16 are 0.
 */
#define HVM_PARAM_CALLBACK_IRQ           0
#define HVM_PARAM_CALLBACK_IRQ_TYPE_MASK xen_mk_ullong(0xFF00000000000000)
#define HVM_PARAM_CALLBACK_TYPE_GSI      0
#define HVM_PARAM_CALLBACK_TYPE_PCI_INTX 1
#if defined(__x86_64__)
#define HVM_PARAM_CALLBACK_TYPE_VECTOR 2
#else
#define HVM_PARAM_CALLBACK_TYPE_PPI                2
#define HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_MASK      0xFF00
#define HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL 2
#endif

/* Xenstore ring: guest frame and event channel. */
#define HVM_PARAM_STORE_PFN    1
#define HVM_PARAM_STORE_EVTCHN 2

#define HVM_PARAM_PAE_ENABLED  4
#define HVM_PARAM_IOREQ_PFN    5
#define HVM_PARAM_BUFIOREQ_PFN 6
#define HVM_PARAM_VIRIDIAN     9
#define HVM_PARAM_TIMER_MODE   10
#define HVM_PARAM_HPET_ENABLED 11
#define HVM_PARAM_IDENT_PT     12
#define HVM_PARAM_DM_DOMAIN    13
#define HVM_PARAM_ACPI_S_STATE 14
#define HVM_PARAM_VM86_TSS     15
#define HVM_PARAM_VPT_ALIGN    16

/* PV console ring: guest frame and event channel. */
#define HVM_PARAM_CONSOLE_PFN    17
#define HVM_PARAM_CONSOLE_EVTCHN 18

#define HVM_PARAM_ACPI_IOPORTS_LOCATION 19
/* 20..23, 25 and 30 were memory-event parameters, retired. */
#define HVM_PARAM_NESTEDHVM             24
#define HVM_PARAM_BUFIOREQ_EVTCHN       26
#define HVM_PARAM_PAGING_RING_PFN       27
#define HVM_PARAM_MONITOR_RING_PFN      28
#define HVM_PARAM_SHARING_RING_PFN      29
#define HVM_PARAM_TRIPLE_FAULT_REASON   31 /* a SHUTDOWN_* reason */
#define HVM_PARAM_IOREQ_SERVER_PFN      32
#define HVM_PARAM_NR_IOREQ_SERVER_PAGES 33
#define HVM_PARAM_VM_GENERATION_ID_ADDR 34
#define HVM_PARAM_ALTP2M                35
#define HVM_PARAM_X87_FIP_WIDTH         36
#define HVM_PARAM_VM86_TSS_SIZED        37
#define HVM_PARAM_MCA_CAP               38

#define HVM_NR_PARAMS 39

#endif /* __XEN_PUBLIC_HVM_PARAMS_H__ */
