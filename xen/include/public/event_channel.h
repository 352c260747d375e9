/* SPDX-License-Identifier: MIT */
/*
 * event_channel_op(cmd, arg): event channels, the hypervisor's
 * notification mechanism. A port is a small number local to a domain; its
 * pending and mask bits live in shared_info (2-level ABI) or in guest
 * pages set up with EVTCHNOP_init_control (FIFO ABI).
 */
#ifndef __XEN_PUBLIC_EVENT_CHANNEL_H__
#define __XEN_PUBLIC_EVENT_CHANNEL_H__

#include "xen.h"

#define EVTCHNOP_bind_interdomain 0
#define EVTCHNOP_bind_virq        1
#define EVTCHNOP_bind_pirq        2
#define EVTCHNOP_close            3
#define EVTCHNOP_send             4
#define EVTCHNOP_status           5
#define EVTCHNOP_alloc_unbound    6
#define EVTCHNOP_bind_ipi         7
#define EVTCHNOP_bind_vcpu        8
#define EVTCHNOP_unmask           9
#define EVTCHNOP_reset            10
#define EVTCHNOP_init_control     11
#define EVTCHNOP_expand_array     12
#define EVTCHNOP_set_priority     13
#define EVTCHNOP_reset_cont       14

/* Ports of the 2-level ABI: bits in shared_info's two bitmaps. */
#define EVTCHN_2L_NR_CHANNELS (sizeof(xen_ulong_t) * sizeof(xen_ulong_t) * 64)

/* evtchn_status.status */
#define EVTCHNSTAT_closed      0 /* free */
#define EVTCHNSTAT_unbound     1 /* waiting for a remote domain */
#define EVTCHNSTAT_interdomain 2 /* connected to another domain */
#define EVTCHNSTAT_pirq        3 /* bound to a physical IRQ */
#define EVTCHNSTAT_virq        4 /* bound to a VIRQ */
#define EVTCHNSTAT_ipi         5 /* bound as an IPI */

/* evtchn_bind_pirq.flags */
#define BIND_PIRQ__WILL_SHARE 1

/* FIFO ABI */
#define EVTCHN_FIFO_PRIORITY_MAX     0
#define EVTCHN_FIFO_PRIORITY_DEFAULT 7
#define EVTCHN_FIFO_PRIORITY_MIN     15
#define EVTCHN_FIFO_MAX_QUEUES       (EVTCHN_FIFO_PRIORITY_MIN + 1)

/* Bits of an event word. */
#define EVTCHN_FIFO_PENDING     31
#define EVTCHN_FIFO_MASKED      30
#define EVTCHN_FIFO_LINKED      29
#define EVTCHN_FIFO_BUSY        28
#define EVTCHN_FIFO_LINK_BITS   17
#define EVTCHN_FIFO_LINK_MASK   ((1 << EVTCHN_FIFO_LINK_BITS) - 1)
#define EVTCHN_FIFO_NR_CHANNELS (1 << EVTCHN_FIFO_LINK_BITS)

#ifndef __ASSEMBLY__

typedef uint32_t evtchn_port_t;
DEFINE_XEN_GUEST_HANDLE(evtchn_port_t);

/* New port in dom that remote_dom may bind to. 8 bytes. */
struct evtchn_alloc_unbound {
    domid_t dom;        /* IN */
    domid_t remote_dom; /* IN */
    evtchn_port_t port; /* OUT */
};
typedef struct evtchn_alloc_unbound evtchn_alloc_unbound_t;

/* Connect to an unbound port of remote_dom. 12 bytes. */
struct evtchn_bind_interdomain {
    domid_t remote_dom;        /* IN */
    evtchn_port_t remote_port; /* IN */
    evtchn_port_t local_port;  /* OUT */
};
typedef struct evtchn_bind_interdomain evtchn_bind_interdomain_t;

/* Bind a VIRQ_* on a vCPU. 12 bytes. */
struct evtchn_bind_virq {
    uint32_t virq;      /* IN */
    uint32_t vcpu;      /* IN */
    evtchn_port_t port; /* OUT */
};
typedef struct evtchn_bind_virq evtchn_bind_virq_t;

/* Bind a physical IRQ (privileged). 12 bytes. */
struct evtchn_bind_pirq {
    uint32_t pirq;      /* IN */
    uint32_t flags;     /* IN: BIND_PIRQ__* */
    evtchn_port_t port; /* OUT */
};
typedef struct evtchn_bind_pirq evtchn_bind_pirq_t;

/* A port for IPIs to a vCPU. 8 bytes. */
struct evtchn_bind_ipi {
    uint32_t vcpu;      /* IN */
    evtchn_port_t port; /* OUT */
};
typedef struct evtchn_bind_ipi evtchn_bind_ipi_t;

struct evtchn_close {
    evtchn_port_t port; /* IN */
};
typedef struct evtchn_close evtchn_close_t;

struct evtchn_send {
    evtchn_port_t port; /* IN */
};
typedef struct evtchn_send evtchn_send_t;

/* What a port is bound to. 24 bytes. */
struct evtchn_status {
    domid_t dom;        /* IN */
    evtchn_port_t port; /* IN */
    uint32_t status;    /* OUT: EVTCHNSTAT_* */
    uint32_t vcpu;      /* OUT: vCPU notified */
    union {
        struct {
            domid_t dom;
        } unbound;
        struct {
            domid_t dom;
            evtchn_port_t port;
        } interdomain;
        uint32_t pirq;
        uint32_t virq;
    } u; /* OUT, by status */
};
typedef struct evtchn_status evtchn_status_t;

/* Move notifications of a port to another vCPU. 8 bytes. */
struct evtchn_bind_vcpu {
    evtchn_port_t port; /* IN */
    uint32_t vcpu;      /* IN */
};
typedef struct evtchn_bind_vcpu evtchn_bind_vcpu_t;

struct evtchn_unmask {
    evtchn_port_t port; /* IN */
};
typedef struct evtchn_unmask evtchn_unmask_t;

/* Close every port of dom. */
struct evtchn_reset {
    domid_t dom; /* IN */
};
typedef struct evtchn_reset evtchn_reset_t;

/* Switch to the FIFO ABI, giving this vCPU's control block. 24 bytes. */
struct evtchn_init_control {
    uint64_t control_gfn; /* IN: frame of the control block */
    uint32_t offset;      /* IN: its offset in the frame */
    uint32_t vcpu;        /* IN */
    uint8_t link_bits;    /* OUT: EVTCHN_FIFO_LINK_BITS */
    uint8_t _pad[7];
};
typedef struct evtchn_init_control evtchn_init_control_t;

/* Add a frame of event words (FIFO ABI). 8 bytes. */
struct evtchn_expand_array {
    uint64_t array_gfn; /* IN */
};
typedef struct evtchn_expand_array evtchn_expand_array_t;

/* FIFO queue of a port. 8 bytes. */
struct evtchn_set_priority {
    evtchn_port_t port; /* IN */
    uint32_t priority;  /* IN: EVTCHN_FIFO_PRIORITY_* */
};
typedef struct evtchn_set_priority evtchn_set_priority_t;

/* FIFO ABI: one per port, in the pages given by expand_array. */
typedef uint32_t event_word_t;

/* FIFO ABI: per-vCPU queue heads. 72 bytes. */
struct evtchn_fifo_control_block {
    uint32_t ready; /* bit n: queue n has events */
    uint32_t _rsvd;
    event_word_t head[EVTCHN_FIFO_MAX_QUEUES];
};
typedef struct evtchn_fifo_control_block evtchn_fifo_control_block_t;

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_EVENT_CHANNEL_H__ */
