/* SPDX-License-Identifier: MIT */
/*
 * sched_op(cmd, arg): give up the CPU, wait for events, shut down.
 */
#ifndef __XEN_PUBLIC_SCHED_H__
#define __XEN_PUBLIC_SCHED_H__

#include "event_channel.h"

/* arg NULL: let another vCPU run; stay runnable. */
#define SCHEDOP_yield           0
/* arg NULL: sleep until an event is pending (Arm guests use wfi). */
#define SCHEDOP_block           1
/* arg struct sched_shutdown: stop this domain. */
#define SCHEDOP_shutdown        2
/* arg struct sched_poll: sleep until one of some ports is pending. */
#define SCHEDOP_poll            3
/* arg struct sched_remote_shutdown: stop another domain (privileged). */
#define SCHEDOP_remote_shutdown 4
/* arg struct sched_shutdown: record the reason without shutting down. */
#define SCHEDOP_shutdown_code   5
/* arg struct sched_watchdog: create, feed or remove a domain watchdog. */
#define SCHEDOP_watchdog        6
/* arg struct sched_pin_override: temporary pinning (hardware domain). */
#define SCHEDOP_pin_override    7

/* Shutdown reasons */
#define SHUTDOWN_poweroff   0 /* stop, do not restart */
#define SHUTDOWN_reboot     1 /* restart */
#define SHUTDOWN_suspend    2 /* save for later resume */
#define SHUTDOWN_crash      3 /* the guest crashed */
#define SHUTDOWN_watchdog   4 /* the watchdog fired */
#define SHUTDOWN_soft_reset 5 /* reset state, keep memory */
#define SHUTDOWN_MAX        5

#ifndef __ASSEMBLY__

/* 4 bytes */
struct sched_shutdown {
    uint32_t reason; /* SHUTDOWN_* */
};
typedef struct sched_shutdown sched_shutdown_t;
DEFINE_XEN_GUEST_HANDLE(sched_shutdown_t);

/* 24 bytes */
struct sched_poll {
    XEN_GUEST_HANDLE(evtchn_port_t) ports;
    uint32_t nr_ports;
    uint64_t timeout; /* absolute system time, ns; 0 = none */
};
typedef struct sched_poll sched_poll_t;
DEFINE_XEN_GUEST_HANDLE(sched_poll_t);

/* 8 bytes */
struct sched_remote_shutdown {
    domid_t domain_id;
    uint32_t reason; /* SHUTDOWN_* */
};
typedef struct sched_remote_shutdown sched_remote_shutdown_t;
DEFINE_XEN_GUEST_HANDLE(sched_remote_shutdown_t);

/*
 * id 0 creates a watchdog and returns its id; a non-zero id feeds it
 * (timeout seconds from now) or, with timeout 0, removes it. 8 bytes.
 */
struct sched_watchdog {
    uint32_t id;
    uint32_t timeout;
};
typedef struct sched_watchdog sched_watchdog_t;
DEFINE_XEN_GUEST_HANDLE(sched_watchdog_t);

/* pcpu -1 ends the override. 4 bytes. */
struct sched_pin_override {
    int32_t pcpu;
};
typedef struct sched_pin_override sched_pin_override_t;
DEFINE_XEN_GUEST_HANDLE(sched_pin_override_t);

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_SCHED_H__ */
