/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The arm64 hardware domain on the host's own layout, as upstream builds
 * it: its RAM is 1:1 (common/domain.c), its device tree is the host's
 * with what belongs to the hypervisor taken out and what it needs put in,
 * and the host's devices are passed through to it.
 *
 * From the host DT, every node is copied but:
 *   - /chosen, /cpus, /psci, the memory nodes: written anew (the domain's
 *     command line and initrd, its vCPUs, PSCI through HVC, its RAM);
 *   - the GIC: written anew from the host's, at the host's addresses,
 *     with only the distributor and redistributor frames and no ITS;
 *   - the architected timer: without the hypervisor's own PPI;
 *   - what the hypervisor keeps: its console UART (/chosen/stdout-path),
 *     SMMUs, and nodes marked xen,passthrough (those are for domUs):
 *     left out, and not mapped;
 *   - and /hypervisor is added: the grant-table region, in a hole of the
 *     host's physical map (neither RAM, nor reserved, nor any device's
 *     registers or bus window), and the event-channel PPI.
 * Every other device's registers (reg of nodes whose buses translate 1:1,
 * and PCI host bridges' windows) are mapped at gfn == mfn as device
 * memory, and its SPIs recorded, so that they can be routed to the domain
 * once the virtual GIC exists.
 */
#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/fdt-write.h>
#include <xen/fdt.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <asm/hwdom.h>
#include <asm/page.h>
#include <public/xen.h>

/* What the hardware domain was given, for the virtual GIC to come. */
#define NR_HWDOM_SPIS 1024
static unsigned long hwdom_spis[NR_HWDOM_SPIS / (8 * sizeof(long))];

bool hwdom_spi_passed_through(unsigned int intid)
{
    return intid >= 32 && intid < NR_HWDOM_SPIS &&
           (hwdom_spis[intid / (8 * sizeof(long))] >>
            (intid % (8 * sizeof(long)))) &
               1;
}

/* Ranges of the host's physical map something occupies (the hole search). */
#define MAX_BUSY 256

struct hwdom_ctx {
    const struct fdt *fdt;
    struct domain *d;
    struct fdt_writer *w;
    int uart; /* the hypervisor's console node, or -1 */
    uint32_t root_ac, root_sc;
    uint32_t gic_phandle;
    unsigned int nr_devices, nr_ranges, nr_spis, nr_kept;
    int rc;
    unsigned int nr_busy;
    struct membank busy[MAX_BUSY];
};

static const char *const kept_compatibles[] = {
    "arm,smmu-v3", "arm,mmu-500", "arm,smmu-v2",
    "arm,smmu-v1", "arm,mmu-400", "arm,mmu-401",
};

static void busy_add(struct hwdom_ctx *c, uint64_t start, uint64_t size)
{
    if ( size && c->nr_busy < MAX_BUSY )
    {
        c->busy[c->nr_busy].start = _paddr(start);
        c->busy[c->nr_busy].size = size;
        c->nr_busy++;
    }
}

/* Whether [s, s + n) overlaps host RAM. */
static bool is_ram(uint64_t s, uint64_t n)
{
    unsigned int i;

    for ( i = 0; i < bootinfo.mem.nr; i++ )
    {
        uint64_t bs = paddr_x(bootinfo.mem.bank[i].start);

        if ( s < bs + bootinfo.mem.bank[i].size && bs < s + n )
            return true;
    }

    return false;
}

/* Map [addr, addr + size) 1:1 as device memory, whole pages. */
static void map_mmio(struct hwdom_ctx *c, uint64_t addr, uint64_t size)
{
    uint64_t s = ROUNDDOWN(addr, (uint64_t)PAGE_SIZE);
    uint64_t e = ROUNDUP(addr + size, (uint64_t)PAGE_SIZE);
    int rc;

    if ( !size || addr + size < addr || e <= s || is_ram(s, e - s) )
        return;
    p2m_write_lock(&c->d->p2m);
    rc = p2m_set_entry(&c->d->p2m, _gfn(s >> PAGE_SHIFT), (e - s) >> PAGE_SHIFT,
                       maddr_to_mfn(_paddr(s)), p2m_mmio_direct_dev);
    p2m_write_unlock(&c->d->p2m);
    if ( rc )
    {
        printk(XENLOG_ERR "d0: could not map MMIO 0x%llx-0x%llx (%d)\n",
               (unsigned long long)s, (unsigned long long)e - 1, rc);
        c->rc = rc;
        return;
    }
    c->nr_ranges++;
}

/* Whether the hypervisor keeps node (and its subtree) to itself. */
static bool kept_by_hypervisor(const struct hwdom_ctx *c, int node)
{
    unsigned int i;

    if ( node == c->uart || fdt_getprop(c->fdt, node, "xen,passthrough", NULL) )
        return true;
    for ( i = 0; i < ARRAY_SIZE(kept_compatibles); i++ )
        if ( fdt_node_is_compatible(c->fdt, node, kept_compatibles[i]) )
            return true;

    return false;
}

/* Written anew for the domain (at the root only). */
static bool written_anew(const struct hwdom_ctx *c, int node)
{
    const char *name = fdt_node_name(c->fdt, node);
    const char *type = fdt_getprop_string(c->fdt, node, "device_type");

    return !strcmp(name, "chosen") || !strcmp(name, "cpus") ||
           !strcmp(name, "hypervisor") ||
           fdt_node_is_compatible(c->fdt, node, "arm,psci") ||
           fdt_node_is_compatible(c->fdt, node, "arm,psci-0.2") ||
           fdt_node_is_compatible(c->fdt, node, "arm,psci-1.0") ||
           (type && !strcmp(type, "memory"));
}

static bool enabled(const struct fdt *fdt, int node)
{
    const char *status = fdt_getprop_string(fdt, node, "status");

    return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* node's interrupt parent: its own, or its nearest ancestor's. */
static uint32_t interrupt_parent(const struct fdt *fdt, int node)
{
    for ( ; node >= 0; node = fdt_parent(fdt, node) )
        if ( fdt_getprop(fdt, node, "interrupt-parent", NULL) )
            return fdt_getprop_u32(fdt, node, "interrupt-parent", 0);

    return 0;
}

/* The SPIs of node's interrupts (GIC specifiers: <type number flags>). */
static void record_spis(struct hwdom_ctx *c, int node)
{
    uint32_t len, i;
    const uint8_t *p = fdt_getprop(c->fdt, node, "interrupts", &len);

    if ( !c->gic_phandle || interrupt_parent(c->fdt, node) != c->gic_phandle )
        return;

    for ( i = 0; p && i + 12 <= len; i += 12 )
    {
        uint32_t intid = fdt_be32(p + i + 4) + 32;

        if ( fdt_be32(p + i) != 0 || intid >= NR_HWDOM_SPIS )
            continue;
        hwdom_spis[intid / (8 * sizeof(long))] |=
            1UL << (intid % (8 * sizeof(long)));
        c->nr_spis++;
    }
}

/* A PCI host bridge's windows: <pci-addr(3) cpu-addr(root) size(2)>. */
static void map_pci_windows(struct hwdom_ctx *c, int node, bool map)
{
    uint32_t len, off, entry;
    uint32_t sc = fdt_getprop_u32(c->fdt, node, "#size-cells", 2);
    const uint8_t *p = fdt_getprop(c->fdt, node, "ranges", &len);

    if ( !p || sc < 1 || sc > 2 )
        return;
    entry = (3 + c->root_ac + sc) * 4;
    for ( off = 0; off + entry <= len; off += entry )
    {
        uint64_t addr = fdt_read_cells(p + off + 12, c->root_ac);
        uint64_t size = fdt_read_cells(p + off + 12 + c->root_ac * 4, sc);

        busy_add(c, addr, size);
        if ( map )
            map_mmio(c, addr, size);
    }
}

/*
 * node's registers, if its bus translates 1:1 (identity): busy always,
 * mapped when map.
 */
static void node_regs(struct hwdom_ctx *c, int node, bool map)
{
    const char *type = fdt_getprop_string(c->fdt, node, "device_type");
    uint64_t addr, size;
    unsigned int i;

    for ( i = 0; !fdt_get_reg(c->fdt, node, i, &addr, &size); i++ )
    {
        busy_add(c, addr, size);
        if ( map )
            map_mmio(c, addr, size);
    }
    if ( type && !strcmp(type, "pci") )
        map_pci_windows(c, node, map);
}

/* Whether the buses above node (not the root) all translate 1:1. */
static bool identity_bus(const struct fdt *fdt, int node)
{
    int parent = fdt_parent(fdt, node);
    uint32_t len;

    while ( parent >= 0 && parent != fdt_root(fdt) )
    {
        if ( !fdt_getprop(fdt, parent, "ranges", &len) || len )
            return false;
        parent = fdt_parent(fdt, parent);
    }

    return true;
}

/* Everything of the host's map that is taken: RAM, reserved, devices. */
static void collect_busy(struct hwdom_ctx *c)
{
    int node = fdt_root(c->fdt), depth = 0;
    unsigned int i;

    for ( i = 0; i < bootinfo.mem.nr; i++ )
        busy_add(c, paddr_x(bootinfo.mem.bank[i].start),
                 bootinfo.mem.bank[i].size);
    for ( i = 0; i < bootinfo.reserved.nr; i++ )
        busy_add(c, paddr_x(bootinfo.reserved.bank[i].start),
                 bootinfo.reserved.bank[i].size);
    for ( node = fdt_next_node(c->fdt, node, &depth); node >= 0;
          node = fdt_next_node(c->fdt, node, &depth) )
        if ( identity_bus(c->fdt, node) )
            node_regs(c, node, false);
}

/*
 * The lowest 2 MiB-aligned hole of size bytes in the host's map at or
 * above the first RAM bank and below what a P2M maps: 0 if none.
 */
static uint64_t find_hole(struct hwdom_ctx *c, uint64_t size)
{
    uint64_t start = bootinfo.mem.nr ? paddr_x(bootinfo.mem.bank[0].start) : 0;
    uint64_t limit = 1ULL << (P2M_GFN_BITS + PAGE_SHIFT);
    unsigned int i;
    bool moved;

    for ( i = 0; i < bootinfo.mem.nr; i++ )
        start = min(start, paddr_x(bootinfo.mem.bank[i].start));
    start = ROUNDUP(start, (uint64_t)MB(2));

    /* Move past every busy range that overlaps, until none does. */
    do
    {
        moved = false;
        for ( i = 0; i < c->nr_busy; i++ )
        {
            uint64_t bs = paddr_x(c->busy[i].start), be = bs + c->busy[i].size;

            if ( start < be && bs < start + size )
            {
                start = ROUNDUP(be, (uint64_t)MB(2));
                moved = true;
            }
        }
    } while ( moved && start + size <= limit );

    return start + size <= limit ? start : 0;
}

/* The phandle of the host's GICv3, or 0. */
static uint32_t gic_phandle(const struct fdt *fdt)
{
    int node = fdt_root(fdt), depth = 0;

    for ( ; node >= 0; node = fdt_next_node(fdt, node, &depth) )
        if ( fdt_node_is_compatible(fdt, node, "arm,gic-v3") )
            return fdt_getprop_u32(fdt, node, "phandle", 0);

    return 0;
}

static void copy_props(struct hwdom_ctx *c, int node, const char *skip)
{
    struct fdt_prop prop;
    int rc;

    for ( rc = fdt_first_prop(c->fdt, node, &prop); !rc;
          rc = fdt_next_prop(c->fdt, &prop) )
        if ( !skip || strcmp(prop.name, skip) )
            fdt_write_prop(c->w, prop.name, prop.value, prop.len);
}

/* The GIC at the host's addresses: distributor and redistributors only. */
static void write_gic(struct hwdom_ctx *c, int node)
{
    uint32_t nr_rdist =
        fdt_getprop_u32(c->fdt, node, "#redistributor-regions", 1);
    uint64_t regs[2 * 9];
    unsigned int i, n = 0;

    for ( i = 0; i < 1 + min(nr_rdist, 8U); i++ )
        if ( !fdt_get_reg(c->fdt, node, i, &regs[2 * n], &regs[2 * n + 1]) )
            n++;

    fdt_write_node(c->w, fdt_node_name(c->fdt, node));
    copy_props(c, node, "reg");
    fdt_write_prop_reg(c->w, c->root_ac, c->root_sc, regs, n);
    fdt_write_end_node(c->w);
}

/*
 * The architected timer, as upstream gives it to the hardware domain:
 * the host's secure physical, non-secure physical and virtual PPIs; not
 * the hypervisor's own timer (the fourth).
 */
static void write_timer(struct hwdom_ctx *c, int node)
{
    uint32_t len;
    const void *irqs = fdt_getprop(c->fdt, node, "interrupts", &len);

    fdt_write_node(c->w, fdt_node_name(c->fdt, node));
    copy_props(c, node, "interrupts");
    if ( irqs )
        fdt_write_prop(c->w, "interrupts", irqs, min(len, 3U * 12));
    fdt_write_end_node(c->w);
}

static void copy_node(struct hwdom_ctx *c, int node, int depth)
{
    int child;

    if ( kept_by_hypervisor(c, node) )
    {
        c->nr_kept++;
        return;
    }
    if ( depth == 1 && written_anew(c, node) )
        return;
    if ( fdt_node_is_compatible(c->fdt, node, "arm,gic-v3") )
    {
        write_gic(c, node);
        return;
    }
    if ( fdt_node_is_compatible(c->fdt, node, "arm,armv8-timer") )
    {
        write_timer(c, node);
        return;
    }

    fdt_write_node(c->w, depth ? fdt_node_name(c->fdt, node) : "");
    copy_props(c, node, NULL);

    if ( depth && enabled(c->fdt, node) && identity_bus(c->fdt, node) &&
         fdt_getprop(c->fdt, node, "reg", NULL) &&
         strcmp(fdt_node_name(c->fdt, node), "reserved-memory") &&
         fdt_parent(c->fdt, node) != fdt_path(c->fdt, "/reserved-memory", 16) )
    {
        node_regs(c, node, true);
        record_spis(c, node);
        c->nr_devices++;
    }

    for ( child = fdt_first_child(c->fdt, node); child >= 0;
          child = fdt_next_sibling(c->fdt, child) )
        copy_node(c, child, depth + 1);

    if ( depth )
        fdt_write_end_node(c->w);
}

/* The hypervisor's console: the node /chosen/stdout-path names. */
static int console_node(const struct fdt *fdt)
{
    int chosen = fdt_path(fdt, "/chosen", 7);
    const char *path, *colon;

    if ( chosen < 0 )
        return -1;
    path = fdt_getprop_string(fdt, chosen, "stdout-path");
    if ( !path )
        path = fdt_getprop_string(fdt, chosen, "linux,stdout-path");
    if ( !path )
        return -1;
    colon = strchr(path, ':');

    return fdt_path(fdt, path, colon ? (size_t)(colon - path) : strlen(path));
}

int hwdom_write_dt(struct domain *d, const struct fdt *host, void *buf,
                   size_t size, const struct guest_dt_extra *extra)
{
    struct hwdom_ctx *c = alloc_xenheap_pages(2, 0); /* 16 KiB */
    struct fdt_writer *w = alloc_xenheap_page();
    int chosen = fdt_path(host, "/chosen", 7), rc;
    uint64_t gnttab[2];
    const void *seed;
    uint32_t seed_len;

    BUILD_BUG_ON(sizeof(*c) > 4 * PAGE_SIZE);
    if ( !c || !w )
    {
        free_xenheap_pages(c, 2);
        free_xenheap_page(w);
        return -ENOMEM;
    }
    memset(c, 0, sizeof(*c));
    c->fdt = host;
    c->d = d;
    c->w = w;
    c->uart = console_node(host);
    fdt_child_cells(host, fdt_root(host), &c->root_ac, &c->root_sc);

    collect_busy(c);
    c->gic_phandle = gic_phandle(host);
    gnttab[0] = find_hole(c, GUEST_GNTTAB_SIZE);
    gnttab[1] = GUEST_GNTTAB_SIZE;

    fdt_write_begin(w, buf, size);
    copy_node(c, fdt_root(host), 0);

    guest_dt_write_memory(w, d, c->root_ac, c->root_sc);
    guest_dt_write_cpus(w, d);
    guest_dt_write_psci(w);
    guest_dt_write_hypervisor(w, c->root_ac, c->root_sc, gnttab[0], gnttab[1],
                              c->gic_phandle);

    fdt_write_node(w, "chosen");
    guest_dt_write_chosen_props(w, d, extra);
    if ( chosen >= 0 &&
         (seed = fdt_getprop(host, chosen, "kaslr-seed", &seed_len)) != NULL )
        fdt_write_prop(w, "kaslr-seed", seed, seed_len);
    fdt_write_end_node(w);

    fdt_write_end_node(w); /* root */
    rc = c->rc ? c->rc : fdt_write_finish(w);

    if ( rc >= 0 )
    {
        printk("d0: devices passed through: %u (%u MMIO ranges, %u SPIs); "
               "%u node%s kept by the hypervisor\n",
               c->nr_devices, c->nr_ranges, c->nr_spis, c->nr_kept,
               c->nr_kept == 1 ? "" : "s");
        printk("d0: grant-table region 0x%llx-0x%llx (a hole of the host's "
               "map)\n",
               (unsigned long long)gnttab[0],
               (unsigned long long)(gnttab[0] + gnttab[1] - 1));
        if ( !gnttab[0] )
            rc = -ENOSPC;
    }

    free_xenheap_pages(c, 2);
    free_xenheap_page(w);

    return rc;
}
