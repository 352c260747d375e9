/* SPDX-License-Identifier: GPL-2.0-only */
/* Recording and printing what the boot loader handed us. */
#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>
#include <asm/page.h>

struct bootinfo bootinfo;

int bootinfo_add_bank(struct membanks *banks, uint64_t start, uint64_t size,
                      const char *what)
{
    if ( !size || start + size < start )
    {
        printk(XENLOG_WARNING "%s: bad range 0x%llx + 0x%llx; ignored\n", what,
               (unsigned long long)start, (unsigned long long)size);
        return -EINVAL;
    }

    if ( banks->nr == ARRAY_SIZE(banks->bank) )
    {
        printk(
            XENLOG_WARNING "%s: more than %u ranges; 0x%llx-0x%llx ignored\n",
            what, (unsigned int)ARRAY_SIZE(banks->bank),
            (unsigned long long)start, (unsigned long long)(start + size - 1));
        return -ENOSPC;
    }

    banks->bank[banks->nr].start = _paddr(start);
    banks->bank[banks->nr].size = size;
    banks->nr++;

    return 0;
}

static bool overlaps(paddr_t a, uint64_t asize, paddr_t b, uint64_t bsize)
{
    return asize && bsize && paddr_x(a) < paddr_x(b) + bsize &&
           paddr_x(b) < paddr_x(a) + asize;
}

/* The first bank from index `from` on overlapping [start, start + size). */
static int overlap_from(const struct membanks *banks, unsigned int from,
                        uint64_t start, uint64_t size)
{
    unsigned int i;

    for ( i = from; i < banks->nr; i++ )
        if ( overlaps(banks->bank[i].start, banks->bank[i].size, _paddr(start),
                      size) )
            return i;

    return -1;
}

const struct membank *membanks_find_overlap(const struct membanks *banks,
                                            uint64_t start, uint64_t size)
{
    int i = overlap_from(banks, 0, start, size);

    return i < 0 ? NULL : &banks->bank[i];
}

/* Grow bank b to cover [start, end) too. */
static void bank_cover(struct membank *b, uint64_t start, uint64_t end)
{
    uint64_t lo = min(paddr_x(b->start), start);
    uint64_t hi = max(paddr_x(b->start) + b->size, end);

    b->start = _paddr(lo);
    b->size = hi - lo;
}

int bootinfo_add_ram(struct membanks *mem, uint64_t start, uint64_t size,
                     const char *what)
{
    struct membank old, *b;
    int i, j;

    if ( !size || start + size < start ||
         (i = overlap_from(mem, 0, start, size)) < 0 )
        return bootinfo_add_bank(mem, start, size, what ?: "RAM");

    b = &mem->bank[i];
    old = *b;
    bank_cover(b, start, start + size);

    /* Grown, it may reach banks after it: they become part of it. */
    while ( (j = overlap_from(mem, i + 1, paddr_x(b->start), b->size)) >= 0 )
    {
        bank_cover(b, paddr_x(mem->bank[j].start),
                   paddr_x(mem->bank[j].start) + mem->bank[j].size);
        memmove(&mem->bank[j], &mem->bank[j + 1],
                (mem->nr - j - 1) * sizeof(mem->bank[0]));
        mem->nr--;
    }

    if ( !what )
        return 0;
    if ( paddr_x(old.start) == start && old.size == size )
        printk(XENLOG_WARNING
               "%s: RAM 0x%llx-0x%llx is listed twice; counted once\n",
               what, (unsigned long long)start,
               (unsigned long long)(start + size - 1));
    else
        printk(
            XENLOG_WARNING
            "%s: RAM 0x%llx-0x%llx overlaps RAM 0x%llx-0x%llx; merged into 0x%llx-0x%llx\n",
            what, (unsigned long long)start,
            (unsigned long long)(start + size - 1),
            (unsigned long long)paddr_x(old.start),
            (unsigned long long)(paddr_x(old.start) + old.size - 1),
            (unsigned long long)paddr_x(b->start),
            (unsigned long long)(paddr_x(b->start) + b->size - 1));

    return 0;
}

struct bootmodule *bootinfo_add_module(struct bootinfo *bi,
                                       enum bootmodule_kind kind,
                                       uint64_t start, uint64_t size,
                                       const char *cmdline)
{
    struct bootmodule *mod;

    if ( !size || start + size < start )
    {
        printk(XENLOG_WARNING
               "Boot module at 0x%llx: bad size 0x%llx; ignored\n",
               (unsigned long long)start, (unsigned long long)size);
        return NULL;
    }

    if ( bi->nr_mods == ARRAY_SIZE(bi->mods) )
    {
        printk(XENLOG_WARNING
               "More than %u boot modules; the one at 0x%llx is ignored\n",
               (unsigned int)ARRAY_SIZE(bi->mods), (unsigned long long)start);
        return NULL;
    }

    mod = &bi->mods[bi->nr_mods++];
    mod->kind = kind;
    mod->start = _paddr(start);
    mod->size = size;
    mod->cmdline = cmdline;
    mod->owner = NULL;
    mod->problem = NULL;
    mod->checked = false;

    return mod;
}

const char *bootmodule_kind_name(enum bootmodule_kind kind)
{
    switch ( kind )
    {
    case BOOTMOD_KERNEL: return "kernel";
    case BOOTMOD_RAMDISK: return "ramdisk";
    case BOOTMOD_DTB: return "device-tree";
    default: return "module";
    }
}

static void print_banks(const struct membanks *banks, const char *what)
{
    char sz[24];
    unsigned int i;

    for ( i = 0; i < banks->nr; i++ )
    {
        const struct membank *b = &banks->bank[i];

        printk("%s %u: 0x%016llx-0x%016llx (%s)\n", what, i,
               (unsigned long long)paddr_x(b->start),
               (unsigned long long)(paddr_x(b->start) + b->size - 1),
               format_size(sz, sizeof(sz), b->size));
    }
}

void bootinfo_print(const struct bootinfo *bi)
{
    char sz[24];
    unsigned int i;
    uint64_t total = 0;

    for ( i = 0; i < bi->mem.nr; i++ )
        total += bi->mem.bank[i].size;

    print_banks(&bi->mem, "RAM bank");
    printk("RAM: %u bank%s, %s in all\n", bi->mem.nr,
           bi->mem.nr == 1 ? "" : "s", format_size(sz, sizeof(sz), total));

    if ( bi->reserved.nr )
        print_banks(&bi->reserved, "Reserved region");
    else
        printk("Reserved regions: none\n");

    for ( i = 0; i < bi->nr_mods; i++ )
    {
        const struct bootmodule *m = &bi->mods[i];

        printk(
            "Boot module %u: %s at 0x%016llx-0x%016llx (%s) cmdline \"%s\"%s%s\n",
            i, bootmodule_kind_name(m->kind),
            (unsigned long long)paddr_x(m->start),
            (unsigned long long)(paddr_x(m->start) + m->size - 1),
            format_size(sz, sizeof(sz), m->size), m->cmdline ? m->cmdline : "",
            m->owner ? " for " : "", m->owner ? m->owner : "");
    }
    if ( !bi->nr_mods )
        printk("Boot modules: none\n");
}

/* Wholly inside one RAM bank, and below what the hypervisor maps. */
static bool inside_ram(const struct membanks *mem, paddr_t start, uint64_t size)
{
    uint64_t s = paddr_x(start);
    unsigned int i;

    if ( s + size < s || s + size > DIRECTMAP_LIMIT )
        return false;

    for ( i = 0; i < mem->nr; i++ )
    {
        const struct membank *b = &mem->bank[i];

        if ( s >= paddr_x(b->start) && s - paddr_x(b->start) <= b->size &&
             size <= b->size - (s - paddr_x(b->start)) )
            return true;
    }

    return false;
}

/* One module given twice (several domains may share a kernel). */
static bool same_module(const struct bootmodule *a, const struct bootmodule *b)
{
    return a->kind == b->kind && paddr_x(a->start) == paddr_x(b->start) &&
           a->size == b->size;
}

/* Mark m unusable (the first problem is kept) and say why, one line. */
static void module_problem(const struct bootinfo *bi, struct bootmodule *m,
                           const char *what, const struct membank *other)
{
    char with[48] = "";

    if ( !m->problem )
        m->problem = what;
    if ( other )
        snprintf(with, sizeof(with), " at 0x%llx-0x%llx",
                 (unsigned long long)paddr_x(other->start),
                 (unsigned long long)(paddr_x(other->start) + other->size - 1));
    printk(XENLOG_WARNING
           "Boot module %u (%s) at 0x%llx-0x%llx %s%s; it will not be used\n",
           (unsigned int)(m - bi->mods), bootmodule_kind_name(m->kind),
           (unsigned long long)paddr_x(m->start),
           (unsigned long long)(paddr_x(m->start) + m->size - 1), what, with);
}

static unsigned int check_module(struct bootinfo *bi, unsigned int i)
{
    struct bootmodule *m = &bi->mods[i];
    unsigned int j, problems = 0;

    m->checked = true;
    if ( !inside_ram(&bi->mem, m->start, m->size) )
    {
        module_problem(bi, m, "is not inside a RAM bank", NULL);
        problems++;
    }
    if ( overlaps(m->start, m->size, bi->xen_image.start, bi->xen_image.size) )
    {
        module_problem(bi, m, "overlaps the hypervisor image", &bi->xen_image);
        problems++;
    }
    if ( overlaps(m->start, m->size, bi->fdt.start, bi->fdt.size) )
    {
        module_problem(bi, m, "overlaps the device tree", &bi->fdt);
        problems++;
    }
    for ( j = 0; j < bi->reserved.nr; j++ )
        if ( overlaps(m->start, m->size, bi->reserved.bank[j].start,
                      bi->reserved.bank[j].size) )
        {
            module_problem(bi, m, "overlaps reserved memory",
                           &bi->reserved.bank[j]);
            problems++;
            break;
        }

    /* Each pair once: against the modules before it. */
    for ( j = 0; j < i; j++ )
    {
        struct bootmodule *o = &bi->mods[j];
        struct membank other = { o->start, o->size };

        if ( !overlaps(m->start, m->size, o->start, o->size) ||
             same_module(m, o) )
            continue;
        module_problem(bi, m, "overlaps another boot module", &other);
        if ( !o->problem )
            o->problem = "overlaps another boot module";
        problems++;
    }

    return problems;
}

/* One line if reserved region r overlaps what (at b). */
static unsigned int reserved_problem(const struct membank *r,
                                     const struct membank *b, const char *what)
{
    if ( !overlaps(r->start, r->size, b->start, b->size) )
        return 0;

    printk(
        XENLOG_WARNING
        "Reserved region 0x%llx-0x%llx overlaps %s at 0x%llx-0x%llx; it cannot be honoured\n",
        (unsigned long long)paddr_x(r->start),
        (unsigned long long)(paddr_x(r->start) + r->size - 1), what,
        (unsigned long long)paddr_x(b->start),
        (unsigned long long)(paddr_x(b->start) + b->size - 1));

    return 1;
}

unsigned int bootinfo_check_reserved(const struct bootinfo *bi)
{
    unsigned int i, problems = 0;

    for ( i = 0; i < bi->reserved.nr; i++ )
    {
        const struct membank *r = &bi->reserved.bank[i];

        problems += reserved_problem(r, &bi->xen_image, "the hypervisor image");
        problems += reserved_problem(r, &bi->fdt, "the device tree");
    }

    return problems;
}

unsigned int bootinfo_check_modules(struct bootinfo *bi)
{
    unsigned int i, problems = 0;

    for ( i = 0; i < bi->nr_mods; i++ )
        if ( !bi->mods[i].checked )
            problems += check_module(bi, i);

    return problems;
}

int bootinfo_find_static_owner(const struct bootinfo *bi, const struct fdt *fdt,
                               int node)
{
    unsigned int i;

    for ( i = 0; i < bi->nr_static_owners; i++ )
        if ( bi->static_owners[i].fdt_blob == fdt->blob &&
             bi->static_owners[i].node == node )
            return i;

    return -1;
}
