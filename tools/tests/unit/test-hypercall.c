/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of hypercall preemption (common/hypercall.c, schedule.c):
 * domains built on the memory-core test machine, their vCPUs entered by
 * the scheduler, hypercalls trapped the way an architecture does it
 * (harness_hypercall(), with the harness's own register convention), and
 * a clock the test moves. A console write forced to stop after every
 * chunk must rewrite its arguments, leave the result and every other
 * register alone, and complete its whole output exactly once; a vCPU that
 * waits gets the pCPU in the middle of a long call.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/lock-order.h>
#include <xen/sched.h>
#include <public/sched.h>
#include <public/test-op.h>
#include <public/vcpu.h>
#include <public/version.h>
#include <public/xen.h>
#include "harness.h"
#include "domain-fixture.h"
#include "mm-fixture.h"

#define CHUNK    128        /* what console_io writes per step */
#define PC0      0x4000     /* where the guest's trapping instruction is */
#define RAM_GPA  0x3000000  /* the "heap" domain's first RAM bank ... */
#define RAM_END  0x3800000  /* ... and its end */
#define GVA(gpa) (HARNESS_GVA_OFFSET + (gpa))

static const unsigned int arg_reg[] = HARNESS_REG_ARGS;

/* Domain building's last step: vCPU 0 up and on the run queue. */
static void start(struct domain *d)
{
    CHECK_EQ(vcpu_up(d->vcpu[0], NULL, NULL), 0);
}

/*
 * A "heap" domain d1, started and entered on the (only) pCPU; built as the
 * hardware domain if hardware is set.
 */
static struct vcpu *boot_one_as(struct domain **d, bool hardware)
{
    unsigned int i;

    domain_fixture_boot();
    for ( i = 0; i < boot_domains.nr; i++ )
        if ( !strcmp(boot_domains.cfg[i].name, "/chosen/heap") )
            boot_domains.cfg[i].hardware = hardware;
    *d = domain_fixture_build(1, "/chosen/heap");
    CHECK(*d != NULL);
    if ( !*d )
        exit(1);
    start(*d);
    HARNESS_RUN(schedule(false));
    CHECK(current_vcpu() == (*d)->vcpu[0]);

    return current_vcpu();
}

static struct vcpu *boot_one(struct domain **d)
{
    return boot_one_as(d, false);
}

static uint64_t sentinel(unsigned int i)
{
    return 0x5a5a000000000000ULL | i;
}

/* Every register a sentinel, then the call: number and three arguments. */
static void set_call(struct vcpu *v, unsigned long nr, unsigned long a0,
                     unsigned long a1, unsigned long a2)
{
    uint64_t *r = v->arch.regs.r;
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(v->arch.regs.r); i++ )
        r[i] = sentinel(i);
    r[HARNESS_REG_NR] = nr;
    r[arg_reg[0]] = a0;
    r[arg_reg[1]] = a1;
    r[arg_reg[2]] = a2;
    r[HARNESS_REG_PC] = PC0;
}

/* Registers that are neither number, result, PC nor the first nr args. */
static void check_others_kept(const struct vcpu *v, unsigned int nr_args)
{
    unsigned int i, a;

    for ( i = 0; i < ARRAY_SIZE(v->arch.regs.r); i++ )
    {
        bool used = i == HARNESS_REG_NR || i == HARNESS_REG_RES ||
                    i == HARNESS_REG_PC;

        for ( a = 0; a < nr_args; a++ )
            used |= i == arg_reg[a];
        if ( !used )
            CHECK_EQ(v->arch.regs.r[i], sentinel(i));
    }
}

static uint64_t reg_arg(const struct vcpu *v, unsigned int a)
{
    return v->arch.regs.r[arg_reg[a]];
}

/* Trap until the call completes (the PC moves past the trap): the count. */
static unsigned int complete(struct vcpu *v)
{
    unsigned int traps = 0;

    do
    {
        harness_hypercall(v);
        traps++;
    } while ( v->arch.regs.r[HARNESS_REG_PC] == PC0 && traps < 1000000 );

    return traps;
}

/*
 * About 1000 bytes of numbered lines; as much as the guest's RAM from gpa
 * up to ram_end holds is written there.
 */
static size_t put_text(struct domain *d, uint64_t gpa, uint64_t ram_end,
                       char *text, size_t max)
{
    size_t len = 0;
    unsigned int i;

    for ( i = 0; len < 1000; i++ )
        len += xen_snprintf(text + len, max - len,
                            "line %02u of a long console write\n", i);
    CHECK_EQ(copy_to_guest_phys(d, gpa, text, min(len, ram_end - gpa)), 0);

    return len;
}

/* From now on, every clock reading is a slice after the one before. */
static void preempt_at_every_check(void)
{
    harness_clock_step_ns = SCHED_SLICE_NS;
    harness_now_ns += SCHED_SLICE_NS;
}

/* What the console shows for the complete lines of text[0, len). */
static void expected_log(char *out, size_t max, unsigned int domid,
                         const char *text, size_t len)
{
    size_t n = 0;
    const char *line = text, *nl;

    out[0] = '\0';
    while ( (nl = memchr(line, '\n', text + len - line)) != NULL )
    {
        n += xen_snprintf(out + n, max - n, "(d%u) %.*s\n", domid,
                          (int)(nl - line), line);
        line = nl + 1;
    }
}

TEST(console_write_continued_after_every_chunk)
{
    static char text[1100], want[2000];
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    size_t len = put_text(d, RAM_GPA, RAM_END, text, sizeof(text));
    unsigned int traps;

    preempt_at_every_check();
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, len, GVA(RAM_GPA));
    harness_log_clear();

    /* One chunk, then the call is to be made again from further on. */
    harness_hypercall(v);
    CHECK(v->hcall.pending);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_PC], PC0);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_NR], __HYPERVISOR_console_io);
    CHECK_EQ(reg_arg(v, 0), CONSOLEIO_write);
    CHECK_EQ(reg_arg(v, 1), len - CHUNK);
    CHECK_EQ(reg_arg(v, 2), GVA(RAM_GPA) + CHUNK);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], sentinel(HARNESS_REG_RES));
    check_others_kept(v, 3);

    /* Made again and again, one chunk each time, until it is all out. */
    traps = 1 + complete(v);
    CHECK_EQ(traps, DIV_ROUND_UP(len, CHUNK));
    CHECK(!v->hcall.pending);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_PC], PC0 + HARNESS_TRAP_LEN);
    CHECK_EQ(reg_arg(v, 1), len - (traps - 1) * CHUNK);
    check_others_kept(v, 3);

    /* Every line exactly once, in order, and nothing else. */
    expected_log(want, sizeof(want), 1, text, len);
    CHECK_STR(harness_log(), want);
}

TEST(console_write_not_preempted_is_one_call)
{
    static char text[1100], want[2000];
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    size_t len = put_text(d, RAM_GPA, RAM_END, text, sizeof(text));

    harness_clock_step_ns = 0;
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, len, GVA(RAM_GPA));
    harness_log_clear();

    CHECK_EQ(complete(v), 1);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK_EQ(reg_arg(v, 1), len);
    CHECK_EQ(reg_arg(v, 2), GVA(RAM_GPA));
    check_others_kept(v, 3);
    expected_log(want, sizeof(want), 1, text, len);
    CHECK_STR(harness_log(), want);
}

/*
 * A buffer running off the end of RAM, 300 bytes in: what was before the
 * fault comes out, then -EFAULT, with or without continuations between.
 */
static void write_off_ram_end(bool preempt, unsigned int want_traps)
{
    static char text[1100], want[2000];
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    size_t len = put_text(d, RAM_END - 300, RAM_END, text, sizeof(text));

    if ( preempt )
        preempt_at_every_check();
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, len,
             GVA(RAM_END - 300));
    harness_log_clear();

    CHECK_EQ(complete(v), want_traps);
    CHECK(!v->hcall.pending);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], (uint64_t)-EFAULT);
    expected_log(want, sizeof(want), 1, text, 2 * CHUNK);
    CHECK_STR(harness_log(), want);
}

TEST(console_write_fault_after_continuations)
{
    write_off_ram_end(true, 3);
}

TEST(console_write_fault_without_continuations)
{
    write_off_ram_end(false, 1);
}

/* hostile.c's huge_count and friends: the first chunk faults, at once. */
TEST(console_write_bad_pointers_fault_at_once)
{
    static const uint64_t bad[] = { 0x1000, GVA(0x100000), GVA(~0ULL >> 24) };
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    unsigned int i;

    preempt_at_every_check();
    for ( i = 0; i < ARRAY_SIZE(bad); i++ )
    {
        set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, 0x80000000u,
                 bad[i]);
        harness_log_clear();
        CHECK_EQ(complete(v), 1);
        CHECK(!v->hcall.pending);
        CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], (uint64_t)-EFAULT);
        CHECK_EQ(reg_arg(v, 1), 0x80000000u);
        CHECK_EQ(reg_arg(v, 2), bad[i]);
        CHECK_STR(harness_log(), "");
    }
}

/*
 * 2 GiB from a valid pointer: each call does a slice's worth of chunks
 * (a few, with the clock moving a quarter slice a reading) and hands the
 * rest on in its arguments.
 */
TEST(console_write_huge_count_bounded_per_call)
{
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    uint64_t left = 0x80000000u, at = GVA(RAM_GPA);
    static char fill[4096];
    unsigned int call;

    memset(fill, '\r', sizeof(fill)); /* dropped: nothing to print */
    for ( call = 0; call < 64; call++ )
        copy_to_guest_phys(d, RAM_GPA + call * sizeof(fill), fill,
                           sizeof(fill));

    harness_clock_step_ns = SCHED_SLICE_NS / 4;
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, left, at);
    for ( call = 0; call < 16; call++ )
    {
        uint64_t done;

        harness_hypercall(v);
        CHECK(v->hcall.pending);
        CHECK_EQ(v->arch.regs.r[HARNESS_REG_PC], PC0);
        done = left - reg_arg(v, 1);
        CHECK(done >= CHUNK && done <= 8 * CHUNK);
        CHECK_EQ(done % CHUNK, 0);
        CHECK_EQ(reg_arg(v, 2) - at, done);
        left = reg_arg(v, 1);
        at = reg_arg(v, 2);
    }
    check_others_kept(v, 3);
}

/* A domain shutting down stops a long call at the first chance. */
TEST(console_write_stops_when_the_domain_shuts_down)
{
    static char text[1100];
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    size_t len = put_text(d, RAM_GPA, RAM_END, text, sizeof(text));

    harness_clock_step_ns = 0;
    d->is_shutting_down = true;
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, len, GVA(RAM_GPA));
    /* The call stops after a chunk; the vCPU then leaves its pCPU. */
    HARNESS_RUN(harness_hypercall(v));
    CHECK(current_vcpu() == NULL);
    CHECK(v->hcall.pending);
    CHECK_EQ(reg_arg(v, 1), len - CHUNK);
    CHECK_EQ(reg_arg(v, 2), GVA(RAM_GPA) + CHUNK);
}

/*
 * Two domains on one pCPU: d1's long write stops after its slice, d2
 * (waiting) runs and writes, and d1 then finishes from where it stopped.
 */
TEST(long_write_gives_way_to_a_waiting_vcpu)
{
    static char text[1100], want[2000], log[4000];
    static const char other[] = "d2 got the pCPU\n";
    static const char d2_line[] = "(d2) d2 got the pCPU\n";
    struct domain *d1, *d2;
    struct vcpu *v1, *v2;
    size_t len;
    const char *mid;

    domain_fixture_boot();
    if ( !domain_fixture_build_two(&d1, &d2) )
        return;
    v1 = d1->vcpu[0];
    v2 = d2->vcpu[0];
    len = put_text(d1, RAM_GPA, RAM_END, text, sizeof(text));
    CHECK_EQ(copy_to_guest_phys(d2, RAM_GPA, other, sizeof(other) - 1), 0);
    start(d1);
    start(d2);
    HARNESS_RUN(schedule(false));
    CHECK(current_vcpu() == v1);
    harness_log_clear();

    /* d1: one chunk, then its slice is over and d2 waits: d2 is entered. */
    preempt_at_every_check();
    set_call(v1, __HYPERVISOR_console_io, CONSOLEIO_write, len,
             GVA(RAM_GPA));
    HARNESS_RUN(harness_hypercall(v1));
    CHECK(current_vcpu() == v2);
    CHECK(v1->queued && !v1->running);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], PC0);
    CHECK_EQ(reg_arg(v1, 1), len - CHUNK);
    CHECK_EQ(reg_arg(v1, 2), GVA(RAM_GPA) + CHUNK);

    /* d2 writes its line in one go, then yields: d1 is entered again. */
    harness_clock_step_ns = 0;
    set_call(v2, __HYPERVISOR_console_io, CONSOLEIO_write,
             sizeof(other) - 1, GVA(RAM_GPA));
    CHECK_EQ(complete(v2), 1);
    CHECK_EQ(v2->arch.regs.r[HARNESS_REG_RES], 0);
    HARNESS_RUN(schedule(true));
    CHECK(current_vcpu() == v1);

    /* d1 makes its call again and finishes it. */
    CHECK_EQ(complete(v1), 1);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_RES], 0);
    check_others_kept(v1, 3);

    /* d2's line came in the middle; d1's lines are all there, once. */
    strcpy(log, harness_log());
    mid = strstr(log, d2_line);
    CHECK(mid != NULL);
    if ( !mid )
        return;
    CHECK(mid > log && mid[strlen(d2_line)] != '\0');
    memmove((char *)mid, mid + strlen(d2_line),
            strlen(mid + strlen(d2_line)) + 1);
    expected_log(want, sizeof(want), 1, text, len);
    CHECK_STR(log, want);
}

TEST(sched_op_yield_gives_way)
{
    struct domain *d1, *d2;
    struct vcpu *v1, *v2;

    /* Alone on the pCPU: the yield returns 0 and the vCPU carries on. */
    v1 = boot_one(&d1);
    set_call(v1, __HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0);
    HARNESS_RUN(harness_hypercall(v1));
    CHECK(current_vcpu() == v1);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], PC0 + HARNESS_TRAP_LEN);
    check_others_kept(v1, 3);

    /* With d2 waiting: d2 gets the pCPU, d1 goes to the back. */
    d2 = domain_fixture_build(2, "/chosen/pool");
    CHECK(d2 != NULL);
    if ( !d2 )
        return;
    v2 = d2->vcpu[0];
    start(d2);
    set_call(v1, __HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0);
    HARNESS_RUN(harness_hypercall(v1));
    CHECK(current_vcpu() == v2);
    CHECK(v1->queued && !v1->running);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], PC0 + HARNESS_TRAP_LEN);
    check_others_kept(v1, 3);

    /* SCHEDOP_block gives the pCPU away too, and is not queued again. */
    set_call(v2, __HYPERVISOR_sched_op, SCHEDOP_block, 0, 0);
    HARNESS_RUN(harness_hypercall(v2));
    CHECK(current_vcpu() == v1);
    CHECK_EQ(v2->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK(v2->blocked && !v2->queued && !v2->running);

    /* The next call starts without the request. */
    set_call(v1, __HYPERVISOR_xen_version, XENVER_version, 0, 0);
    HARNESS_RUN(harness_hypercall(v1));
    CHECK(current_vcpu() == v1);
    CHECK(!v1->yield_asked);
}

/*
 * A domain that shuts down is taken apart a step at a time between other
 * vCPUs: the waiting vCPU runs after one step, each later pass of the
 * scheduler does one more (a bounded number of pages), and once nothing
 * is left to run the steps go on until every page is back.
 */
TEST(teardown_in_steps_between_vcpus)
{
    struct domain *d1, *d2;
    struct vcpu *v1, *v2;
    unsigned long h0, h1, h2;

    domain_fixture_boot();
    h0 = heap_free_pages();
    if ( !domain_fixture_build_two(&d1, &d2) )
        return;
    v1 = d1->vcpu[0];
    v2 = d2->vcpu[0];
    start(d1);
    start(d2);
    HARNESS_RUN(schedule(false));
    CHECK(current_vcpu() == v1);

    /* A handler shuts d1 down and returns; v1 leaves at its leave path. */
    domain_shutdown(d1, SHUTDOWN_poweroff);
    CHECK(current_vcpu() == v1);
    HARNESS_RUN(harness_leave(v1));
    CHECK(current_vcpu() == v2);
    CHECK(schedule_has_waiting()); /* d1's teardown is not done */
    h1 = heap_free_pages();

    HARNESS_RUN(schedule(true));
    CHECK(current_vcpu() == v2);
    h2 = heap_free_pages();
    CHECK(h2 - h1 <= 512);

    /* d2 goes too: nothing left to run, so teardown runs to the end. */
    domain_shutdown(d2, SHUTDOWN_poweroff);
    HARNESS_RUN(harness_leave(v2));
    CHECK(current_vcpu() == NULL);
    CHECK(!schedule_has_waiting());
    CHECK_EQ(heap_free_pages(), h0);
}

/*
 * Typed guest handles (xen/guest-access.h): copies count in elements of
 * the buffer's type, offsets too; a range whose size or end wraps is
 * refused whole; a field copy writes that field and nothing else.
 */
TEST(guest_handles)
{
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    XEN_GUEST_HANDLE_PARAM(uint32) h =
        guest_handle_from_param(GVA(RAM_GPA), uint32);
    XEN_GUEST_HANDLE_PARAM(void) hv = guest_handle_cast(h, void);
    uint32_t in[8], out[3] = { 0 };
    struct sched_shutdown sd = { .reason = 0x77 };
    unsigned int i;

    (void)v;
    for ( i = 0; i < ARRAY_SIZE(in); i++ )
        in[i] = 0x1000 + i;
    CHECK_EQ(copy_to_guest(h, in, ARRAY_SIZE(in)), 0);
    CHECK_EQ(copy_from_guest_offset(out, h, 2, 3), 0);
    CHECK(out[0] == 0x1002 && out[1] == 0x1003 && out[2] == 0x1004);

    guest_handle_add_offset(h, 5);
    CHECK_EQ(copy_from_guest(out, h, 1), 0);
    CHECK_EQ(out[0], 0x1005);

    /* Wrapping sizes and ends: refused, nothing copied. */
    CHECK(copy_from_guest(out, h, ~0UL / 2) != 0);
    CHECK(copy_from_guest_offset(out, h, ~0UL / 4 + 1, 1) != 0);
    CHECK(guest_copy_from(out, ~0ULL - 3, 0, 2, 4) != 0);
    CHECK(guest_handle_is_null(guest_handle_from_param(0, void)));

    /* One field: the bytes around it stay as they were. */
    CHECK_EQ(__copy_field_to_guest(guest_handle_cast(hv, sched_shutdown_t),
                                   &sd, reason), 0);
    CHECK_EQ(copy_from_guest(in, hv, 2), 0);
    CHECK(in[0] == 0x77 && in[1] == 0x1001);
}

/*
 * A handler that crashes its domain while it holds a lock: the crash is a
 * state change that returns, the handler releases what it holds, and the
 * leave path (which the scheduler checks holds no lock) takes the vCPU
 * off its pCPU.
 */
TEST(crash_under_a_lock_leaves_no_lock_held)
{
    struct domain *d;
    struct vcpu *v = boot_one(&d);

    p2m_write_lock(&d->p2m);
    domain_crash(d, "a handler found something wrong");
    CHECK(d->is_shutting_down && current_vcpu() == v);
    p2m_write_unlock(&d->p2m);

    HARNESS_RUN(harness_leave(v));
    CHECK(current_vcpu() != v);
    CHECK(!rw_is_locked(&d->p2m.lock));
    CHECK_EQ(lock_order_depth(), 0);
    CHECK(harness_log_contains("d1: crashed: a handler found something wrong"));
    CHECK(harness_log_contains("d1: shut down (crash)"));
}

TEST(vcpu_op_initialise_up_down)
{
    struct domain *d;
    struct vcpu *v = boot_one(&d), *v1 = d->vcpu[1];
    uint64_t pc = 0x7000;

    CHECK(v1 != NULL);
    if ( !v1 )
        return;
    CHECK_EQ(copy_to_guest_phys(d, RAM_GPA, &pc, sizeof(pc)), 0);

    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_up, 1, 0);
    harness_hypercall(v);
    CHECK_EQ((long)v->arch.regs.r[HARNESS_REG_RES], -EINVAL);

    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_initialise, 1, GVA(RAM_GPA));
    harness_hypercall(v);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK(!vcpu_is_up(v1));
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_initialise, 1, GVA(RAM_GPA));
    harness_hypercall(v);
    CHECK_EQ((long)v->arch.regs.r[HARNESS_REG_RES], -EEXIST);
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_initialise, 1, 0x10);
    harness_hypercall(v);
    CHECK_EQ((long)v->arch.regs.r[HARNESS_REG_RES], -EFAULT);

    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_up, 1, 0);
    harness_hypercall(v);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK(vcpu_is_up(v1) && v1->queued);
    CHECK_EQ(v1->arch.regs.r[HARNESS_REG_PC], 0x7000);
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_up, 1, 0);
    harness_hypercall(v);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0); /* up already */
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_is_up, 1, 0);
    harness_hypercall(v);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 1);

    /* Another vCPU, queued: down at once, off the queue. */
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_down, 1, 0);
    harness_hypercall(v);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK(!vcpu_is_up(v1) && !v1->queued);
    CHECK(!d->is_shutting_down);

    /* No such vCPU. */
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_is_up, 7, 0);
    harness_hypercall(v);
    CHECK_EQ((long)v->arch.regs.r[HARNESS_REG_RES], -ENOENT);

    /* The last one up going down: the domain goes. */
    set_call(v, __HYPERVISOR_vcpu_op, VCPUOP_down, 0, 0);
    HARNESS_RUN(harness_hypercall(v));
    CHECK(d->is_shutting_down && current_vcpu() != v);
}


TEST(slice_rule)
{
    struct domain *d1, *d2;

    domain_fixture_boot();
    if ( !domain_fixture_build_two(&d1, &d2) )
        return;
    harness_clock_step_ns = 0;
    start(d1);
    HARNESS_RUN(schedule(false));
    CHECK(current_vcpu() == d1->vcpu[0]);

    /* Within the slice: carry on. */
    harness_now_ns += SCHED_SLICE_NS - 1;
    CHECK(!schedule_slice_over());
    CHECK(!hypercall_preempt_check());
    CHECK(!schedule_should_yield());

    /* Over, nobody waits: stop the call, but a new slice, no yield. */
    harness_now_ns += 1;
    CHECK(schedule_slice_over());
    CHECK(hypercall_preempt_check());
    CHECK(!schedule_should_yield());
    CHECK(!schedule_slice_over());

    /* Someone waits, but the slice is not over: carry on. */
    start(d2);
    CHECK(schedule_has_waiting());
    CHECK(!schedule_should_yield());

    /* Over and someone waits: give way. */
    harness_now_ns += SCHED_SLICE_NS;
    CHECK(schedule_should_yield());
}

TEST(continuation_state)
{
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    long rc;

    /* What a handler asks for is kept for the architecture. */
    rc = hypercall_create_continuation(__HYPERVISOR_vcpu_op, 7, ~0UL,
                                       (unsigned int)-1);
    CHECK_EQ(rc, 0);
    CHECK(v->hcall.pending);
    CHECK_EQ(v->hcall.op, __HYPERVISOR_vcpu_op);
    CHECK_EQ(v->hcall.nr_args, 3);
    CHECK_EQ(v->hcall.args[0], 7);
    CHECK_EQ(v->hcall.args[1], ~0UL);
    CHECK_EQ(v->hcall.args[2], 0xffffffffUL);

    /* The next call starts afresh: a result, nothing continued. */
    preempt_at_every_check();
    set_call(v, __HYPERVISOR_xen_version, 0 /* XENVER_version */, 0, 0);
    CHECK_EQ(complete(v), 1);
    CHECK(!v->hcall.pending);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], (4 << 16) | 17);

    /* Unknown numbers: -ENOSYS, nothing continued. */
    set_call(v, 63, 0, 0, 0);
    CHECK_EQ(complete(v), 1);
    CHECK(!v->hcall.pending);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], (uint64_t)-ENOSYS);
    check_others_kept(v, 3);
}

/*
 * A guest line longer than the domain's line buffer: printed in pieces,
 * each but the last cut with the marker and ended; nothing lost.
 */
TEST(console_long_guest_line_cut_with_marker)
{
    static char text[701], want[1000];
    const unsigned int piece = sizeof(((struct domain *)0)->console_buf) -
                               strlen(TRUNCATION_MARKER);
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    unsigned int i, n = 0;

    for ( i = 0; i < 700; i++ )
        text[i] = 'a' + i % 26;
    text[700] = '\n';
    CHECK_EQ(copy_to_guest_phys(d, RAM_GPA, text, sizeof(text)), 0);
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write, sizeof(text),
             GVA(RAM_GPA));
    harness_log_clear();
    CHECK_EQ(complete(v), 1);

    for ( i = 0; i < 700; i += piece )
        n += xen_snprintf(want + n, sizeof(want) - n, "(d1) %.*s%s\n",
                          (int)min(piece, 700 - i), text + i,
                          700 - i > piece ? TRUNCATION_MARKER : "");
    CHECK_STR(harness_log(), want);
}

/* What a guest that sends every kind of control byte gets printed. */
static const char hostile_line[] =
    "A\x1b[31mB\aC\0D\bE\x7f" "F\x9bG\xe9H\tI\r\n";

/* d1 writes hostile_line through console_io; as hardware domain or not. */
static void write_hostile_line(bool hardware)
{
    struct domain *d;
    struct vcpu *v = boot_one_as(&d, hardware);

    CHECK_EQ(copy_to_guest_phys(d, RAM_GPA, hostile_line,
                                sizeof(hostile_line) - 1), 0);
    set_call(v, __HYPERVISOR_console_io, CONSOLEIO_write,
             sizeof(hostile_line) - 1, GVA(RAM_GPA));
    harness_log_clear();
    CHECK_EQ(complete(v), 1);
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
}

/* A domU's output: printable characters (Latin-1 too), tab and newline. */
TEST(console_domu_output_filtered)
{
    write_hostile_line(false);
    CHECK_STR(harness_log(), "(d1) A[31mBCDEFG\xe9H\tI\n");
}

/* The hardware domain's goes out as written, '\r' aside (as upstream). */
TEST(console_hardware_domain_output_not_filtered)
{
    static const char want[] = "(d1) A\x1b[31mB\aC\0D\bE\x7f"
                               "F\x9bG\xe9H\tI\n";

    write_hostile_line(true);
    CHECK_EQ(harness_log_len(), sizeof(want) - 1);
    CHECK(!memcmp(harness_log(), want, sizeof(want) - 1));
}

/* The same set of bytes as Xen's isprint(), plus tab and newline. */
TEST(console_printable_set)
{
    unsigned int c;

    for ( c = 0; c < 256; c++ )
    {
        bool want = (c >= 0x20 && c <= 0x7e) || c >= 0xa0 || c == '\t' ||
                    c == '\n';

        CHECK_EQ(guest_console_printable(c), want);
    }
}

/*
 * test_op (debug builds): swapping two RAM GFNs of the caller replaces
 * both entries (flushing), and refuses what is not two distinct RAM
 * GFNs; kicking a vCPU that does not exist is -ENOENT.
 */
TEST(test_op_swaps_gfns_and_checks_its_arguments)
{
    struct domain *d;
    struct vcpu *v = boot_one(&d);
    unsigned long a = RAM_GPA >> PAGE_SHIFT, b = a + 0x123;
    unsigned long flushes = d->p2m.arch.flushes;
    mfn_t ma = p2m_lookup(d, _gfn(a), NULL), mb = p2m_lookup(d, _gfn(b), NULL);
    p2m_type_t t;

    set_call(v, __HYPERVISOR_test_op, TESTOP_swap_gfns, a, b);
    HARNESS_RUN(harness_hypercall(v));
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], 0);
    CHECK(mfn_eq(p2m_lookup(d, _gfn(a), &t), mb) && t == p2m_ram_rw);
    CHECK(mfn_eq(p2m_lookup(d, _gfn(b), &t), ma) && t == p2m_ram_rw);
    CHECK(d->p2m.arch.flushes > flushes);

    set_call(v, __HYPERVISOR_test_op, TESTOP_swap_gfns, a, a);
    HARNESS_RUN(harness_hypercall(v));
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], -EINVAL);
    set_call(v, __HYPERVISOR_test_op, TESTOP_swap_gfns, a,
             RAM_END >> PAGE_SHIFT);
    HARNESS_RUN(harness_hypercall(v));
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], -EINVAL);
    CHECK(mfn_eq(p2m_lookup(d, _gfn(a), NULL), mb));

    set_call(v, __HYPERVISOR_test_op, TESTOP_vcpu_kick, 99, 0);
    HARNESS_RUN(harness_hypercall(v));
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], -ENOENT);
    set_call(v, __HYPERVISOR_test_op, 99, 0, 0);
    HARNESS_RUN(harness_hypercall(v));
    CHECK_EQ(v->arch.regs.r[HARNESS_REG_RES], -ENOSYS);
}

HARNESS_MAIN("hypercall")
