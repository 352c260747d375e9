/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Harness for the memory core and what runs on it: "machine RAM" backed
 * by host buffers, the architecture's boot-memory reservation set by each
 * test, P2M hooks, vCPUs the scheduler "enters" by jumping back to the
 * test, and a clock the test drives.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/domain.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <asm/page.h>
#include "harness.h"

#define MAX_RAM 16
static struct {
    uint64_t pa, size;
    uint8_t *host;
} ram[MAX_RAM];
static unsigned int nr_ram;
static uint64_t arch_res_start, arch_res_end;

void harness_ram_add(uint64_t pa, uint64_t size)
{
    void *p = NULL;

    if ( nr_ram == MAX_RAM || posix_memalign(&p, 4096, size) )
        abort();
    memset(p, 0, size);
    ram[nr_ram].pa = pa;
    ram[nr_ram].size = size;
    ram[nr_ram].host = p;
    nr_ram++;
}

void *maddr_to_virt(paddr_t ma)
{
    unsigned int i;

    for ( i = 0; i < nr_ram; i++ )
        if ( paddr_x(ma) - ram[i].pa < ram[i].size )
            return ram[i].host + (paddr_x(ma) - ram[i].pa);

    panic("maddr_to_virt(0x%llx): not harness RAM",
          (unsigned long long)paddr_x(ma));
}

paddr_t virt_to_maddr(const void *va)
{
    const uint8_t *p = va;
    unsigned int i;

    for ( i = 0; i < nr_ram; i++ )
        if ( p >= ram[i].host && p < ram[i].host + ram[i].size )
            return _paddr(ram[i].pa + (p - ram[i].host));

    panic("virt_to_maddr(%p): not harness RAM", va);
}

void harness_set_arch_reserved(uint64_t start, uint64_t end)
{
    arch_res_start = start;
    arch_res_end = end;
}

void arch_reserve_boot_memory(void)
{
    if ( arch_res_end > arch_res_start )
        bootmem_remove_range(_paddr(arch_res_start), _paddr(arch_res_end));
}


/* ---- P2M hooks (format in asm/p2m.h) --------------------------------------- */

int arch_p2m_init(struct p2m_domain *p2m)
{
    p2m->arch.flushes = 0;
    return 0;
}

void arch_p2m_destroy(struct p2m_domain *p2m)
{
}

struct harness_p2m_trace *harness_p2m_trace;

void harness_p2m_record(char what, const uint64_t *entry, uint64_t value)
{
    struct harness_p2m_trace *t = harness_p2m_trace;

    if ( t && t->nr < HARNESS_P2M_TRACE_MAX )
    {
        t->ev[t->nr].what = what;
        t->ev[t->nr].entry = entry;
        t->ev[t->nr].value = value;
        t->nr++;
    }
}

void arch_p2m_flush(struct p2m_domain *p2m)
{
    p2m->arch.flushes++;
    p2m->arch.need_flush = false;
    harness_p2m_record('F', NULL, 0);
}

/* ---- Guest layout: unlike both real ones --------------------------------- */

bool harness_hwdom_direct_mapped;
bool harness_xenheap_frame_moves;

bool arch_hwdom_direct_mapped(void)
{
    return harness_hwdom_direct_mapped;
}

void arch_guest_ram_regions(struct guest_ram *r)
{
    /* 8 MiB at 48 MiB, then from 1 GiB: a domain can span both. */
    r->nr = 2;
    r->bank[0].start = _gfn(0x3000);
    r->bank[0].nr_pages = 0x800;
    r->bank[1].start = _gfn(0x40000);
    r->bank[1].nr_pages = 0x100000;
}

/* ---- Domains and vCPUs --------------------------------------------------- */

int arch_vcpu_init(struct vcpu *v)
{
    return 0;
}

int arch_domain_load(struct domain *d, const char **why)
{
    *why = "the harness runs no guests";
    return -EOPNOTSUPP;
}

/*
 * Entering a vCPU, or idling, ends the scheduler's never-returning path:
 * back to the test's HARNESS_RUN() (see harness.h), if one waits.
 */
jmp_buf *harness_run_jmp;

void arch_run_vcpu(struct vcpu *v)
{
    if ( !harness_run_jmp )
        abort();
    longjmp(*harness_run_jmp, 1);
}

void arch_cpu_idle(void)
{
    if ( harness_run_jmp )
        longjmp(*harness_run_jmp, 2);
}


/* ---- Time: a clock the test sets, moving step ns at every reading -------- */

uint64_t harness_now_ns = 1000000000ULL;
uint64_t harness_clock_step_ns;

uint64_t arch_now_ns(void)
{
    uint64_t now = harness_now_ns;

    harness_now_ns += harness_clock_step_ns;

    return now;
}
