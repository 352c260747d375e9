/* SPDX-License-Identifier: MIT */
/*
 * physdev_op(cmd, arg): physical devices. Only the PCI device
 * announcements the hardware domain makes are described here (the only
 * ones Arm has); the x86 interrupt-routing subops are left out.
 */
#ifndef __XEN_PUBLIC_PHYSDEV_H__
#define __XEN_PUBLIC_PHYSDEV_H__

#include "xen.h"

/* The hardware domain found a PCI device: struct physdev_pci_device_add. */
#define PHYSDEVOP_pci_device_add    25
/* A PCI device went away: struct physdev_pci_device. */
#define PHYSDEVOP_pci_device_remove 26

/* physdev_pci_device_add.flags */
#define XEN_PCI_DEV_EXTFN  0x1 /* an ARI extended function */
#define XEN_PCI_DEV_VIRTFN 0x2 /* an SR-IOV virtual function of physfn */
#define XEN_PCI_DEV_PXM    0x4 /* optarr[0] is the proximity domain */

#ifndef __ASSEMBLY__

/* A PCI function by segment, bus and devfn. 4 bytes. */
struct physdev_pci_device {
    uint16_t seg;
    uint8_t bus;
    uint8_t devfn;
};
typedef struct physdev_pci_device physdev_pci_device_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_device_t);

/* 12 bytes plus the optional words. */
struct physdev_pci_device_add {
    uint16_t seg;
    uint8_t bus;
    uint8_t devfn;
    uint32_t flags; /* XEN_PCI_DEV_* */
    struct {
        uint8_t bus;
        uint8_t devfn;
    } physfn; /* the parent, for XEN_PCI_DEV_VIRTFN */
    uint32_t optarr[];
};
typedef struct physdev_pci_device_add physdev_pci_device_add_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_device_add_t);

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_PHYSDEV_H__ */
