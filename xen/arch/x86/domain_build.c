/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loading an x86_64 PVH guest: the kernel is an ELF image (32- or 64-bit)
 * whose PT_LOAD segments go to their physical addresses (p_paddr) in the
 * guest's RAM, entered through its XEN_ELFNOTE_PHYS32_ENTRY note in
 * 32-bit protected mode with paging off and ebx = the hvm_start_info.
 *
 * Layout, in the guest's RAM (which starts at 1 MiB on x86): the kernel
 * where it asks to be, then, page aligned after its highest segment, the
 * ramdisk, then one or more pages of start-of-day data:
 *   +0x000 struct hvm_start_info
 *   +0x040 the module list (one entry: the ramdisk)
 *   +0x080 the memory map (E820 types)
 *   +0x300 the kernel command line
 * The first MiB of guest-physical space has nothing mapped: the memory
 * map says RAM is the domain's RAM banks, and the legacy hole
 * 0xa0000-0xfffff is reserved.
 */
#include <xen/arch-hooks.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/guest-access.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <asm/page.h>
#include <asm/vmcb.h>

#define XEN_PUBLIC_NO_STDINT
#include <public/xen.h>
#include <public/arch-x86/hvm/start_info.h>

#define PT_LOAD 1
#define PT_NOTE 4

#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define EM_386    3
#define EM_X86_64 62

#define INFO_MODLIST 0x040
#define INFO_MEMMAP  0x080
#define INFO_CMDLINE 0x300
#define MAX_MEMMAP                                                             \
    ((INFO_CMDLINE - INFO_MEMMAP) / sizeof(struct hvm_memmap_table_entry))

BUILD_BUG_ON(sizeof(struct hvm_start_info) > INFO_MODLIST);
BUILD_BUG_ON(INFO_MODLIST + sizeof(struct hvm_modlist_entry) > INFO_MEMMAP);
BUILD_BUG_ON(MAX_MEMMAP < NR_GUEST_RAM_BANKS + 1);

/* A program header, whichever the class. */
struct phdr {
    uint32_t type;
    uint64_t offset, paddr, filesz, memsz;
};

struct elf_image {
    const uint8_t *p;
    uint64_t size;
    bool is64;
    uint64_t phoff;
    unsigned int phentsize, phnum;
};

static uint64_t rd(const uint8_t *p, unsigned int size)
{
    uint64_t v = 0;

    memcpy(&v, p, size); /* little-endian fields */

    return v;
}

static const char *elf_open(struct elf_image *e, const uint8_t *p,
                            uint64_t size)
{
    unsigned int machine;

    if ( size < 52 || memcmp(p, "\177ELF", 4) )
        return "the kernel is not an ELF image (PVH guests are ELF)";
    if ( p[5] != 1 )
        return "the kernel ELF is not little-endian";
    if ( p[4] != 1 && p[4] != 2 )
        return "the kernel ELF has an unknown class";

    e->p = p;
    e->size = size;
    e->is64 = p[4] == 2;
    machine = rd(p + 18, 2);
    if ( machine != (e->is64 ? EM_X86_64 : EM_386) )
        return "the kernel ELF is not for x86";
    if ( e->is64 )
    {
        if ( size < 64 )
            return "the kernel ELF header is truncated";
        e->phoff = rd(p + 32, 8);
        e->phentsize = rd(p + 54, 2);
        e->phnum = rd(p + 56, 2);
    }
    else
    {
        e->phoff = rd(p + 28, 4);
        e->phentsize = rd(p + 42, 2);
        e->phnum = rd(p + 44, 2);
    }

    if ( !e->phnum )
        return "the kernel ELF has no program headers";
    if ( e->phentsize < (e->is64 ? 56 : 32) || e->phoff > size ||
         (uint64_t)e->phentsize * e->phnum > size - e->phoff )
        return "the kernel ELF program headers are outside the file";

    return NULL;
}

static void elf_phdr(const struct elf_image *e, unsigned int i, struct phdr *ph)
{
    const uint8_t *h = e->p + e->phoff + (uint64_t)i * e->phentsize;

    ph->type = rd(h, 4);
    if ( e->is64 )
    {
        ph->offset = rd(h + 8, 8);
        ph->paddr = rd(h + 24, 8);
        ph->filesz = rd(h + 32, 8);
        ph->memsz = rd(h + 40, 8);
    }
    else
    {
        ph->offset = rd(h + 4, 4);
        ph->paddr = rd(h + 12, 4);
        ph->filesz = rd(h + 16, 4);
        ph->memsz = rd(h + 20, 4);
    }
}

/* The PHYS32_ENTRY note in the PT_NOTE segments, if there is one. */
static bool elf_find_entry(const struct elf_image *e, uint32_t *entry)
{
    unsigned int i;
    struct phdr ph;

    for ( i = 0; i < e->phnum; i++ )
    {
        uint64_t off, end;

        elf_phdr(e, i, &ph);
        if ( ph.type != PT_NOTE || ph.offset > e->size ||
             ph.filesz > e->size - ph.offset )
            continue;

        for ( off = ph.offset, end = ph.offset + ph.filesz; off + 12 <= end; )
        {
            uint32_t namesz = rd(e->p + off, 4);
            uint32_t descsz = rd(e->p + off + 4, 4);
            uint32_t type = rd(e->p + off + 8, 4);
            uint64_t name = off + 12;
            uint64_t desc = name + ROUNDUP((uint64_t)namesz, 4);

            if ( desc > end || descsz > end - desc )
                break;
            if ( namesz == 4 && !memcmp(e->p + name, "Xen", 4) &&
                 type == XEN_ELFNOTE_PHYS32_ENTRY &&
                 (descsz == 4 || descsz == 8) )
            {
                *entry = rd(e->p + desc, 4);
                return true;
            }
            off = desc + ROUNDUP((uint64_t)descsz, 4);
        }
    }

    return false;
}

/* Zero [gpa, gpa + len) of the guest's RAM. */
static int clear_guest_phys(struct domain *d, uint64_t gpa, uint64_t len)
{
    static const uint8_t zero[256];
    int rc;

    while ( len )
    {
        size_t chunk = min(len, (uint64_t)sizeof(zero));

        if ( (rc = copy_to_guest_phys(d, gpa, zero, chunk)) != 0 )
            return rc;
        gpa += chunk;
        len -= chunk;
    }

    return 0;
}

static const char *load_segments(struct domain *d, const struct elf_image *e,
                                 uint64_t *end)
{
    unsigned int i, loaded = 0;
    struct phdr ph;

    *end = 0;
    for ( i = 0; i < e->phnum; i++ )
    {
        elf_phdr(e, i, &ph);
        if ( ph.type != PT_LOAD || !ph.memsz )
            continue;
        if ( ph.filesz > ph.memsz || ph.offset > e->size ||
             ph.filesz > e->size - ph.offset )
            return "a kernel ELF segment is outside the file";
        if ( ph.paddr + ph.memsz < ph.paddr )
            return "a kernel ELF segment wraps around";
        if ( copy_to_guest_phys(d, ph.paddr, e->p + ph.offset, ph.filesz) ||
             clear_guest_phys(d, ph.paddr + ph.filesz, ph.memsz - ph.filesz) )
            return "a kernel ELF segment lies outside the domain's RAM";
        *end = max(*end, ph.paddr + ph.memsz);
        loaded++;
    }

    return loaded ? NULL : "the kernel ELF has no loadable segment";
}

/* The E820-style map: the legacy hole reserved, then the RAM banks. */
static unsigned int build_memmap(const struct domain *d,
                                 struct hvm_memmap_table_entry *m)
{
    unsigned int i, n = 0;

    m[n].addr = 0xa0000;
    m[n].size = 0x100000 - 0xa0000;
    m[n].type = XEN_HVM_MEMMAP_TYPE_RESERVED;
    m[n++].reserved = 0;

    for ( i = 0; i < d->ram.nr; i++ )
    {
        m[n].addr = (uint64_t)gfn_x(d->ram.bank[i].start) << PAGE_SHIFT;
        m[n].size = (uint64_t)d->ram.bank[i].nr_pages << PAGE_SHIFT;
        m[n].type = XEN_HVM_MEMMAP_TYPE_RAM;
        m[n++].reserved = 0;
    }

    return n;
}

int arch_domain_load(struct domain *d, const char **why)
{
    const struct domain_config *c = d->config;
    const struct bootmodule *k = c->kernel, *rd_mod = c->ramdisk;
    struct vcpu *v = d->vcpu[0];
    struct hvm_memmap_table_entry memmap[MAX_MEMMAP];
    struct hvm_modlist_entry mod;
    struct hvm_start_info si;
    struct elf_image e;
    uint64_t end, info, ramdisk_at = 0;
    const char *cmdline = k && k->cmdline ? k->cmdline : "";
    uint32_t entry;

    if ( !d->ram.nr || !v )
    {
        *why = "no RAM or no vCPU";
        return -EINVAL;
    }
    if ( !k )
    {
        *why = "no kernel";
        return -EINVAL;
    }

    if ( (*why = elf_open(&e, maddr_to_virt(k->start), k->size)) != NULL )
        return -EINVAL;
    if ( !elf_find_entry(&e, &entry) )
    {
        *why =
            "the kernel ELF has no XEN_ELFNOTE_PHYS32_ENTRY note (not a PVH kernel)";
        return -EINVAL;
    }
    if ( (*why = load_segments(d, &e, &end)) != NULL )
        return -EINVAL;

    end = ROUNDUP(end, PAGE_SIZE);
    if ( rd_mod && rd_mod->size )
    {
        ramdisk_at = end;
        if ( copy_to_guest_phys(d, ramdisk_at, maddr_to_virt(rd_mod->start),
                                rd_mod->size) )
        {
            *why =
                "the ramdisk does not fit in the domain's RAM after the kernel";
            return -ENOSPC;
        }
        end = ROUNDUP(ramdisk_at + rd_mod->size, PAGE_SIZE);
    }

    info = end;
    memset(&si, 0, sizeof(si));
    si.magic = XEN_HVM_START_MAGIC_VALUE;
    si.version = 1;
    si.flags = c->hardware ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0;
    si.cmdline_paddr = info + INFO_CMDLINE;
    si.memmap_paddr = info + INFO_MEMMAP;
    si.memmap_entries = build_memmap(d, memmap);
    if ( ramdisk_at )
    {
        memset(&mod, 0, sizeof(mod));
        mod.paddr = ramdisk_at;
        mod.size = rd_mod->size;
        si.nr_modules = 1;
        si.modlist_paddr = info + INFO_MODLIST;
    }

    if ( info + INFO_CMDLINE + strlen(cmdline) + 1 > GB(4) ||
         clear_guest_phys(d, info, PAGE_SIZE) ||
         copy_to_guest_phys(d, info, &si, sizeof(si)) ||
         (ramdisk_at &&
          copy_to_guest_phys(d, info + INFO_MODLIST, &mod, sizeof(mod))) ||
         copy_to_guest_phys(d, info + INFO_MEMMAP, memmap,
                            si.memmap_entries * sizeof(memmap[0])) ||
         copy_to_guest_phys(d, info + INFO_CMDLINE, cmdline,
                            strlen(cmdline) + 1) )
    {
        *why = "no room for the start info in the domain's RAM below 4 GiB";
        return -ENOSPC;
    }

    vcpu_reset_pvh(v, entry, info);
    v->arch.initialised = true; /* VCPUOP_initialise of it: -EEXIST */

    printk(
        "d%u: PVH kernel (ELF%u) entry 0x%x, loaded up to 0x%llx; start info at 0x%llx%s\n",
        d->domain_id, e.is64 ? 64 : 32, entry, (unsigned long long)end - 1,
        (unsigned long long)info,
        ramdisk_at ? ", ramdisk after the kernel" : "");

    return 0;
}
