/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The multiboot (v1) information: memory map, command line and modules
 * go into struct bootinfo. Everything needed later is copied out here,
 * because the information sits in low memory that the hypervisor reuses
 * (the AP trampoline).
 *
 * Module 0 is the hardware domain's kernel, as with Xen; a module that
 * starts with the FDT magic is a device tree (domain configuration),
 * which is only looked at once the module is known to lie in RAM;
 * anything else is left for the domain builder to decide.
 *
 * Loaders other than GRUB 2 (QEMU's -kernel among them) put the image's
 * file name in front of each command line; it is dropped, as Xen does.
 */
#include <xen/bootinfo.h>
#include <xen/domain.h>
#include <xen/fdt.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <asm/io.h>
#include <asm/multiboot.h>
#include <asm/page.h>
#include <asm/setup.h>

#define MODULE_STRINGS_SIZE 4096

/* Module command lines, kept for as long as bootinfo is. */
static char module_strings[MODULE_STRINGS_SIZE];
static size_t module_strings_used;

static const void *phys(uint64_t pa)
{
    return ioremap(_paddr(pa));
}

/*
 * The NUL-terminated string at pa (named what in the line if not): it must
 * end inside the RAM it starts in, below 4 GiB. Reading on could reach
 * device memory, or run off the identity map of the first 4 GiB.
 */
static const char *__init mb_string(const struct bootinfo *bi, uint32_t pa,
                                    const char *what)
{
    uint64_t end = 0;
    unsigned int i;
    bool grew = true;

    /* The end of the RAM that holds pa, across banks that touch. */
    while ( grew )
    {
        grew = false;
        for ( i = 0; i < bi->mem.nr; i++ )
        {
            uint64_t s = paddr_x(bi->mem.bank[i].start);
            uint64_t e = s + bi->mem.bank[i].size;

            if ( (end ? s == end : (s <= pa && pa < e)) && e > end )
            {
                end = e;
                grew = true;
            }
        }
    }
    end = min(end, (uint64_t)DIRECTMAP_LIMIT);

    if ( end > pa && strnlen(phys(pa), end - pa) < end - pa )
        return phys(pa);

    printk(XENLOG_WARNING
           "Multiboot: %s at 0x%x does not end inside RAM; ignored\n",
           what, pa);

    return NULL;
}

static const char *skip_spaces(const char *s)
{
    while ( *s == ' ' || *s == '\t' )
        s++;

    return s;
}

static const char *__init cook_cmdline(const char *s, bool has_image_name)
{
    s = skip_spaces(s);
    if ( has_image_name )
    {
        while ( *s && *s != ' ' && *s != '\t' )
            s++;
        s = skip_spaces(s);
    }

    return s;
}

static const char *__init keep_string(const char *s, unsigned int mod)
{
    size_t len = strlen(s) + 1;
    char *copy;

    if ( len > sizeof(module_strings) - module_strings_used )
    {
        printk(XENLOG_WARNING
               "Boot module %u: no room for its command line; dropped\n",
               mod);
        return "";
    }

    copy = &module_strings[module_strings_used];
    memcpy(copy, s, len);
    module_strings_used += len;

    return copy;
}

static void __init parse_memory(struct bootinfo *bi,
                                const struct multiboot_info *mbi)
{
    uint64_t p, end;

    if ( !(mbi->flags & MBI_MEMMAP) )
    {
        if ( !(mbi->flags & MBI_MEMLIMITS) )
            return;

        printk(XENLOG_WARNING
               "Multiboot: no memory map; using mem_lower/mem_upper\n");
        bootinfo_add_bank(&bi->mem, 0, KB(mbi->mem_lower),
                          "Multiboot mem_lower");
        bootinfo_add_bank(&bi->mem, MB(1), KB(mbi->mem_upper),
                          "Multiboot mem_upper");
        return;
    }

    end = (uint64_t)mbi->mmap_addr + mbi->mmap_length;
    for ( p = mbi->mmap_addr; p + sizeof(struct multiboot_mmap_entry) <= end; )
    {
        const struct multiboot_mmap_entry *e = phys(p);

        if ( e->size < sizeof(*e) - sizeof(e->size) )
        {
            printk(
                XENLOG_WARNING
                "Multiboot: memory map entry of %u bytes; rest of the map ignored\n",
                e->size);
            break;
        }

        /* Overlapping RAM entries are merged, so none is counted twice. */
        if ( e->type == MULTIBOOT_MEMORY_AVAILABLE )
            bootinfo_add_ram(&bi->mem, e->addr, e->len, "Multiboot RAM");
        else
            bootinfo_add_bank(&bi->reserved, e->addr, e->len,
                              "Multiboot reserved region");

        p += (uint64_t)e->size + sizeof(e->size);
    }
}

static void __init parse_modules(struct bootinfo *bi,
                                 const struct multiboot_info *mbi,
                                 bool has_image_name)
{
    const struct multiboot_module *mods = phys(mbi->mods_addr);
    unsigned int i;

    if ( !(mbi->flags & MBI_MODULES) )
        return;

    for ( i = 0; i < mbi->mods_count; i++ )
    {
        const struct multiboot_module *m = &mods[i];
        const char *cmdline = "", *s;

        if ( m->mod_end < m->mod_start )
        {
            printk(
                XENLOG_WARNING
                "Boot module %u: ends (0x%x) before it starts (0x%x); ignored\n",
                i, m->mod_end, m->mod_start);
            continue;
        }

        if ( m->string &&
             (s = mb_string(bi, m->string, "a module's command line")) )
            cmdline = keep_string(cook_cmdline(s, has_image_name), i);

        /* What the others are is seen once they are known to be RAM. */
        bootinfo_add_module(bi, i ? BOOTMOD_UNKNOWN : BOOTMOD_KERNEL,
                            m->mod_start, m->mod_end - m->mod_start, cmdline);
    }
}

void __init multiboot_parse(struct bootinfo *bi, uint32_t mbi_paddr)
{
    const struct multiboot_info *mbi = phys(mbi_paddr);
    bool has_image_name = true;
    const char *s;

    /* RAM first: strings are read only inside it. */
    parse_memory(bi, mbi);

    if ( (mbi->flags & MBI_LOADERNAME) &&
         (s = mb_string(bi, mbi->boot_loader_name, "the boot loader's name")) )
        has_image_name = strncmp(s, "GRUB 2", 6) != 0;

    if ( (mbi->flags & MBI_CMDLINE) &&
         (s = mb_string(bi, mbi->cmdline, "the command line")) )
    {
        s = cook_cmdline(s, has_image_name);
        if ( *s )
        {
            if ( strlcpy(bi->cmdline, s, sizeof(bi->cmdline)) >=
                 sizeof(bi->cmdline) )
                printk(XENLOG_WARNING
                       "Command line longer than %u bytes; truncated\n",
                       (unsigned int)sizeof(bi->cmdline) - 1);
            bi->cmdline_source = "multiboot";
        }
    }

    parse_modules(bi, mbi, has_image_name);
}

void __init multiboot_check_fdt_modules(struct bootinfo *bi)
{
    unsigned int i;

    for ( i = 0; i < bi->nr_mods; i++ )
    {
        struct bootmodule *m = &bi->mods[i];
        const char *why = NULL;
        struct fdt fdt;
        char sz[24];

        if ( m->kind != BOOTMOD_UNKNOWN || m->problem || m->size < 4 ||
             fdt_be32(ioremap(m->start)) != FDT_MAGIC )
            continue;
        m->kind = BOOTMOD_DTB;

        if ( fdt_open(&fdt, ioremap(m->start), m->size, &why) )
            printk(XENLOG_WARNING
                   "Device tree module %u at 0x%llx rejected: %s\n",
                   i, (unsigned long long)paddr_x(m->start), why ?: "invalid");
        else
        {
            printk("Device tree module %u at 0x%llx (%s): valid\n", i,
                   (unsigned long long)paddr_x(m->start),
                   format_size(sz, sizeof(sz), fdt.totalsize));
            /* Domain configuration, hyperlaunch-style. */
            bootfdt_scan_static(bi, &fdt);
            bootfdt_scan_domains(bi, &fdt, &boot_domains);
        }
    }
}
