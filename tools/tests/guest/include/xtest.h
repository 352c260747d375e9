/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xtest: the test-guest library, as tests see it.
 *
 * A test is declared with XTEST(id, "name", "title") { ... } and prints
 * one line per check through the CHECK_* helpers:
 *
 *     CHECK <test>.<check> = <value> [ok]
 *     CHECK <test>.<check> = <value> [FAIL: want <what>]
 *     CHECK <test>.<check> = <value> [info]
 *
 * <value> is one token: a number (decimal when small, 0x-hex otherwise)
 * or a double-quoted string, so runs on two hypervisors can be diffed.
 * Statuses follow XTF: SUCCESS < SKIP < ERROR < FAILURE, the most severe
 * wins, and the image prints exactly one "Test result: ..." line.
 */
#ifndef XTEST_H
#define XTEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/xen.h>
#include <public/errno.h>

#include <arch-xtest.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/**** Test registry ****/

struct xtest_desc {
    const char *name;
    const char *title;
    void (*fn)(void);
};

/*
 * Each descriptor goes to its own section ".xtest.<name>"; the linker
 * script sorts them by name between __start_xtests and __stop_xtests.
 */
#define XTEST(id, name_, title_)                                          \
    static void xtest_fn_##id(void);                                      \
    static const struct xtest_desc xtest_desc_##id                        \
        __attribute__((used, aligned(8), section(".xtest." name_))) = {   \
        .name = name_,                                                    \
        .title = title_,                                                  \
        .fn = xtest_fn_##id,                                              \
    };                                                                    \
    static void xtest_fn_##id(void)

extern const struct xtest_desc __start_xtests[], __stop_xtests[];

/**** Reporting ****/

enum xtest_status {
    XTEST_NONE,     /* nothing reported yet */
    XTEST_SUCCESS,
    XTEST_SKIP,
    XTEST_ERROR,    /* bug in the test or its environment */
    XTEST_FAILURE,  /* bug in what is tested */
};

void xtest_success(const char *fmt, ...);
void xtest_skip(const char *fmt, ...);
void xtest_error(const char *fmt, ...);
void xtest_failure(const char *fmt, ...);
const char *xtest_status_name(enum xtest_status s);

/* Checks. Each prints one CHECK line and fails the test when not ok. */
void xtest_check_eq(const char *name, long val, long want);
void xtest_check(const char *name, long val, bool ok, const char *want);
void xtest_check_str(const char *name, const char *val, bool ok,
                     const char *want);
void xtest_info(const char *name, long val);
void xtest_info_str(const char *name, const char *val);
void xtest_info_hex(const char *name, unsigned long val);
void xtest_info_bytes(const char *name, const void *p, size_t len);

#define CHECK_EQ(name, val, want) \
    xtest_check_eq(name, (long)(val), (long)(want))
#define CHECK_RC(name, rc, err)   xtest_check_eq(name, rc, -(long)(err))
#define CHECK_TRUE(name, val, cond, want) \
    xtest_check(name, (long)(val), (cond), want)

/**** Output ****/

void xtest_puts(const char *s);
void xtest_write(const char *s, size_t len);
int xtest_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
int xtest_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int xtest_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/**** Faults ****/

struct xtest_fault {
    bool taken;
    unsigned int kind;      /* XTEST_FAULT_* */
    unsigned long syndrome; /* arm64: ESR_EL1; x86: vector << 32 | error */
    unsigned long addr;     /* arm64: FAR_EL1; x86: CR2 for #PF */
    unsigned long pc;       /* where it was taken */
};

#define XTEST_FAULT_OTHER   0
#define XTEST_FAULT_UNDEF   1 /* undefined instruction / #UD */
#define XTEST_FAULT_DATA    2 /* data abort / #PF / #GP on an access */

/*
 * Run fn(arg); if it takes a synchronous exception, stop it there and
 * describe the exception in *f. Returns f->taken.
 */
bool xtest_expect_fault(void (*fn)(void *), void *arg, struct xtest_fault *f);

/* For the architecture's trap handler: where to resume, or 0. */
unsigned long xtest_trap_recover(unsigned int kind, unsigned long syndrome,
                                 unsigned long addr, unsigned long pc);
/* Report ERROR with why, print the result line and power off. */
void xtest_fatal(const char *why) __attribute__((noreturn));

/**** Hypercalls (lib/hypercall.c) ****/

long hypercall_console_io(unsigned int cmd, unsigned int count,
                          const void *buf);
long hypercall_xen_version(unsigned int cmd, void *arg);
long hypercall_sched_op(unsigned int cmd, void *arg);
long hypercall_memory_op(unsigned int cmd, void *arg);
long hypercall_grant_table_op(unsigned int cmd, void *arg,
                              unsigned int count);
long hypercall_vcpu_op(unsigned int cmd, unsigned int vcpu, void *arg);
long hypercall_event_channel_op(unsigned int cmd, void *arg);
long hypercall_hvm_op(unsigned int cmd, void *arg);
long hypercall_physdev_op(unsigned int cmd, void *arg);
/* Our debug builds only (public/test-op.h); elsewhere -ENOSYS. */
long hypercall_test_op(unsigned int cmd, unsigned long a1, unsigned long a2);

/* An address as a pointer argument, for the hostile tests. */
#define BAD_PTR(a) ((void *)(uintptr_t)(a))

/**** Small libc ****/

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
const char *strstr(const char *h, const char *n);

/**** Flattened device tree (lib/fdt.c), arm64 guests ****/

bool fdt_valid(const void *fdt);
int fdt_path(const void *fdt, const char *path);
const void *fdt_prop(const void *fdt, int node, const char *name, int *len);
int fdt_next_subnode(const void *fdt, int parent, int prev);
const char *fdt_node_name(const void *fdt, int node);
uint32_t fdt32(const void *p);
uint64_t fdt_cells(const void *p, unsigned int cells);
/* Whether node's compatible list names want. */
bool fdt_has_compatible(const void *fdt, int node, const char *want);

/**** What the architecture tells common code (arch/<arch>/setup.c) ****/

/* The boot command line ("" when none). */
const char *arch_cmdline(void);
/* The guest's device tree, or NULL (x86). */
const void *arch_fdt(void);
/* One line saying where the guest runs. */
const char *arch_environment(void);
/* Output when console_io fails (x86: port 0xE9); may do nothing. */
void arch_fallback_write(const char *s, size_t len);
/*
 * Called with the final status just before SCHEDOP_shutdown (x86: with
 * "xtest-exit-port=N" on the command line, writes the status to QEMU's
 * isa-debug-exit port N, for hypervisors whose shutdown leaves QEMU
 * running).
 */
void arch_pre_shutdown(enum xtest_status s);
/* Power off without Xen (PSCI on arm64); may return. */
void arch_power_off(void);
/*
 * A guest-physical address where nothing is mapped, such that an access
 * faults; false when the architecture does not fault there (x86 NPT).
 */
bool arch_unmapped_addr(unsigned long *addr);
/*
 * A canonical address that the guest's own translation does not map
 * (arm64, MMU off: beyond the IPA space; x86: above the 4 GiB our page
 * tables map), for -EFAULT checks.
 */
unsigned long arch_untranslated_addr(void);
/* One past the last byte of the RAM bank holding the image, or 0. */
unsigned long arch_ram_end(void);
/* Whether addr is in the guest's RAM as its boot information says. */
bool arch_is_ram(unsigned long addr);

/*
 * FP/SIMD probes (arch/<arch>/fpsimd.S): enable the unit, fill every data
 * register and the rounding mode from a seed, and report (as a bit mask)
 * which ones no longer hold what fill wrote. arch_cycles() is a free-
 * running counter (arm64: CNTVCT_EL0; x86: the TSC).
 */
void arch_fp_enable(void);
void arch_fp_fill(unsigned long seed);
unsigned long arch_fp_check(unsigned long seed);
unsigned long arch_cycles(void);
/* arch_cycles() per millisecond (x86: an estimate, for generous bounds). */
unsigned long arch_cycles_per_ms(void);

/*
 * vCPU 1 of the domain starts at fn(context), on a stack of its own
 * (arm64: PSCI CPU_ON; x86: VCPUOP_initialise in 64-bit mode with our
 * page tables, then VCPUOP_up). 0, or the (negative) refusal: no vCPU 1,
 * or already up; on x86 a vCPU can be initialised once, so once a boot.
 * When fn is done, vCPU 1 calls xtest_vcpu1_stop() (arm64: PSCI CPU_OFF;
 * x86, which cannot stop a vCPU: SCHEDOP_block until the domain ends).
 */
long xtest_start_vcpu1(void (*fn)(unsigned long), unsigned long context);
void xtest_vcpu1_stop(void) __attribute__((noreturn));

/**** Runner internals (lib/report.c, lib/main.c) ****/

/* The value of "key=" on the command line, copied into buf, or NULL. */
const char *xtest_cmdline_value(const char *key, char *buf, size_t size);

/* The running test's name, the prefix of its CHECK lines. */
extern const char *xtest_current;
void xtest_test_begin(const char *name);
enum xtest_status xtest_test_end(unsigned int *checks, unsigned int *failed);
/* Raise the running test's status to at least s, with a message. */
void xtest_report(enum xtest_status s, const char *fmt, va_list ap);

#endif /* XTEST_H */

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * indent-tabs-mode: nil
 * End:
 */
