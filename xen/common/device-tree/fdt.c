/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Flattened device tree reader (see xen/fdt.h for the contract).
 *
 * Layout reminders (DT specification, version 17):
 *   header: 10 big-endian u32s: magic, totalsize, off_dt_struct,
 *           off_dt_strings, off_mem_rsvmap, version, last_comp_version,
 *           boot_cpuid_phys, size_dt_strings, size_dt_struct
 *   rsvmap: (u64 address, u64 size) pairs ending with (0, 0)
 *   struct: tokens, each 4-byte aligned:
 *           BEGIN_NODE name\0 (padded) | END_NODE |
 *           PROP u32 len, u32 nameoff, value (padded) | NOP | END
 */
#include <xen/errno.h>
#include <xen/fdt.h>
#include <xen/lib.h>

#define HDR_MAGIC        0
#define HDR_TOTALSIZE    1
#define HDR_OFF_STRUCT   2
#define HDR_OFF_STRINGS  3
#define HDR_OFF_RSVMAP   4
#define HDR_VERSION      5
#define HDR_LAST_COMP    6
#define HDR_SIZE_STRINGS 8
#define HDR_SIZE_STRUCT  9

#define FDT_VERSION 17

static uint32_t hdr(const void *blob, unsigned int field)
{
    return fdt_be32((const uint8_t *)blob + field * 4);
}

static const uint8_t *sptr(const struct fdt *fdt, uint32_t off)
{
    return fdt->blob + fdt->struct_off + off;
}

/*
 * Decode the token at off. Returns the token and sets *next to the offset
 * of the following one; returns -EINVAL if the token or what it carries
 * does not fit in the structure block.
 */
static int token_at(const struct fdt *fdt, int off, int *next)
{
    uint32_t size = fdt->struct_size;
    uint64_t end;
    uint32_t tok;

    if ( off < 0 || (off & 3) || (uint32_t)off > size || size - off < 4 )
        return -EINVAL;

    tok = fdt_be32(sptr(fdt, off));
    switch ( tok )
    {
    case FDT_BEGIN_NODE:
    {
        const uint8_t *name = sptr(fdt, off + 4);
        const uint8_t *nul = memchr(name, '\0', size - off - 4);

        if ( !nul )
            return -EINVAL;
        end = (uint64_t)off + 4 + (nul - name) + 1;
        break;
    }

    case FDT_PROP:
        if ( size - off < 12 )
            return -EINVAL;
        end = (uint64_t)off + 12 + fdt_be32(sptr(fdt, off + 4));
        if ( end > size )
            return -EINVAL;
        break;

    case FDT_END_NODE:
    case FDT_NOP:
    case FDT_END: end = (uint64_t)off + 4; break;

    default: return -EINVAL;
    }

    end = ROUNDUP(end, 4);
    if ( end > size && tok != FDT_END )
        return -EINVAL;

    *next = end;

    return tok;
}

static const char *string_at(const struct fdt *fdt, uint32_t nameoff)
{
    const char *s;

    if ( nameoff >= fdt->strings_size )
        return NULL;

    s = (const char *)fdt->blob + fdt->strings_off + nameoff;
    if ( !memchr(s, '\0', fdt->strings_size - nameoff) )
        return NULL;

    return s;
}

static int check_rsvmap(struct fdt *fdt, const char **why)
{
    uint32_t off = fdt->rsvmap_off;
    unsigned int n;

    for ( n = 0;; n++, off += 16 )
    {
        if ( fdt->totalsize - off < 16 )
        {
            *why = "memory reservation block runs past the end";
            return -EINVAL;
        }
        if ( !fdt_be64(fdt->blob + off) && !fdt_be64(fdt->blob + off + 8) )
            break;
        if ( n == FDT_MAX_RSV )
        {
            *why = "too many memory reservations";
            return -E2BIG;
        }
    }
    fdt->nr_rsv = n;

    return 0;
}

static int check_struct(struct fdt *fdt, const char **why)
{
    int off = 0, next, tok, depth = 0;
    bool seen_root = false;

    for ( ;; off = next )
    {
        tok = token_at(fdt, off, &next);
        if ( tok < 0 )
        {
            *why = "structure block: token or its data out of bounds";
            return -EINVAL;
        }

        switch ( tok )
        {
        case FDT_BEGIN_NODE:
            if ( depth == 0 )
            {
                if ( seen_root )
                {
                    *why = "structure block: more than one root node";
                    return -EINVAL;
                }
                seen_root = true;
                fdt->root_off = off;
            }
            if ( ++depth > FDT_MAX_DEPTH )
            {
                *why = "structure block: nodes nested too deep";
                return -EINVAL;
            }
            break;

        case FDT_END_NODE:
            if ( depth-- == 0 )
            {
                *why = "structure block: unbalanced END_NODE";
                return -EINVAL;
            }
            break;

        case FDT_PROP:
            if ( depth == 0 )
            {
                *why = "structure block: property outside any node";
                return -EINVAL;
            }
            if ( !string_at(fdt, fdt_be32(sptr(fdt, off + 8))) )
            {
                *why = "property name outside the strings block";
                return -EINVAL;
            }
            break;

        case FDT_NOP: break;

        case FDT_END:
            if ( depth || !seen_root )
            {
                *why = "structure block ends inside a node";
                return -EINVAL;
            }
            return 0;
        }
    }
}

int fdt_open(struct fdt *fdt, const void *blob, size_t avail, const char **why)
{
    const char *dummy;
    uint32_t total, off, size;

    if ( !why )
        why = &dummy;
    *why = NULL;
    memset(fdt, 0, sizeof(*fdt));

    if ( !blob || avail < FDT_HEADER_SIZE )
    {
        *why = "truncated header";
        return -EINVAL;
    }
    if ( hdr(blob, HDR_MAGIC) != FDT_MAGIC )
    {
        *why = "bad magic";
        return -EINVAL;
    }

    total = hdr(blob, HDR_TOTALSIZE);
    if ( total < FDT_HEADER_SIZE || total > avail )
    {
        *why = "totalsize is larger than the blob";
        return -EINVAL;
    }
    if ( hdr(blob, HDR_VERSION) < FDT_VERSION ||
         hdr(blob, HDR_LAST_COMP) > FDT_VERSION )
    {
        *why = "unsupported version (need 17)";
        return -EOPNOTSUPP;
    }

    fdt->blob = blob;
    fdt->totalsize = total;

    off = hdr(blob, HDR_OFF_STRUCT);
    size = hdr(blob, HDR_SIZE_STRUCT);
    if ( (off & 3) || off < FDT_HEADER_SIZE || off > total ||
         size > total - off || size < 16 )
    {
        *why = "structure block out of bounds";
        return -EINVAL;
    }
    fdt->struct_off = off;
    fdt->struct_size = size;

    off = hdr(blob, HDR_OFF_STRINGS);
    size = hdr(blob, HDR_SIZE_STRINGS);
    if ( off < FDT_HEADER_SIZE || off > total || size > total - off )
    {
        *why = "strings block out of bounds";
        return -EINVAL;
    }
    fdt->strings_off = off;
    fdt->strings_size = size;

    off = hdr(blob, HDR_OFF_RSVMAP);
    if ( (off & 7) || off < FDT_HEADER_SIZE || off > total )
    {
        *why = "memory reservation block out of bounds";
        return -EINVAL;
    }
    fdt->rsvmap_off = off;

    if ( check_rsvmap(fdt, why) || check_struct(fdt, why) )
    {
        memset(fdt, 0, sizeof(*fdt));
        return -EINVAL;
    }

    return 0;
}

int fdt_root(const struct fdt *fdt)
{
    return fdt->root_off;
}

/*
 * Next FDT_BEGIN_NODE after node in document order; *depth goes up by one
 * for it and down by one for every END_NODE passed on the way.
 */
int fdt_next_node(const struct fdt *fdt, int node, int *depth)
{
    int off, next, tok;

    tok = token_at(fdt, node, &off);
    if ( tok != FDT_BEGIN_NODE )
        return -EINVAL;

    for ( ;; off = next )
    {
        tok = token_at(fdt, off, &next);
        if ( tok < 0 )
            return tok;

        switch ( tok )
        {
        case FDT_BEGIN_NODE: (*depth)++; return off;
        case FDT_END_NODE: (*depth)--; break;
        case FDT_END: return -ENOENT;
        }
    }
}

int fdt_first_child(const struct fdt *fdt, int node)
{
    int depth = 0;
    int n = fdt_next_node(fdt, node, &depth);

    return (n >= 0 && depth == 1) ? n : -ENOENT;
}

int fdt_next_sibling(const struct fdt *fdt, int node)
{
    int depth = 0;

    do
    {
        node = fdt_next_node(fdt, node, &depth);
        if ( node < 0 )
            return node;
    } while ( depth > 0 );

    return depth == 0 ? node : -ENOENT;
}

const char *fdt_node_name(const struct fdt *fdt, int node)
{
    int next;

    if ( token_at(fdt, node, &next) != FDT_BEGIN_NODE )
        return "";

    return (const char *)sptr(fdt, node + 4);
}

/*
 * Fill chain[0..*len) with the nodes from the root down to node. Returns 0
 * or -ENOENT if node is not the start of a node.
 */
static int node_chain(const struct fdt *fdt, int node, int *chain,
                      unsigned int *len)
{
    int cur = fdt_root(fdt), depth = 0;

    chain[0] = cur;
    while ( cur != node )
    {
        cur = fdt_next_node(fdt, cur, &depth);
        if ( cur < 0 || depth < 0 || depth >= FDT_MAX_DEPTH )
            return -ENOENT;
        chain[depth] = cur;
    }
    *len = depth + 1;

    return 0;
}

int fdt_parent(const struct fdt *fdt, int node)
{
    int chain[FDT_MAX_DEPTH];
    unsigned int len;

    if ( node_chain(fdt, node, chain, &len) || len < 2 )
        return -ENOENT;

    return chain[len - 2];
}

const char *fdt_node_path(const struct fdt *fdt, int node, char *buf,
                          size_t size)
{
    int chain[FDT_MAX_DEPTH];
    unsigned int len, i;
    size_t pos = 0, need = 0;

    if ( !size )
        return "<?>";
    if ( node_chain(fdt, node, chain, &len) )
        return "<?>";

    if ( len == 1 )
        return strlcpy(buf, "/", size), buf;

    buf[0] = '\0';
    for ( i = 1; i < len; i++ )
    {
        const char *name = fdt_node_name(fdt, chain[i]);

        need += 1 + strlen(name);
        if ( pos < size )
            pos += scnprintf(buf + pos, size - pos, "/%s", name);
    }

    /*
     * Too long for buf: the end is replaced by the node's offset, so that
     * two long paths with the same beginning are never printed alike.
     */
    if ( need >= size )
    {
        char cut[24];
        size_t n = scnprintf(cut, sizeof(cut), "...<node@0x%x>", node);

        if ( size > n )
            memcpy(buf + size - 1 - n, cut, n + 1);
    }

    return buf;
}

static bool name_matches(const char *node_name, const char *name, size_t len)
{
    /*
     * name is len bytes, not NUL-terminated, and may hold a NUL: compare
     * exactly len bytes, and only read node_name[len] if node_name really
     * is that long (it is NUL-terminated inside the blob).
     */
    if ( strnlen(node_name, len) != len || memcmp(node_name, name, len) )
        return false;
    if ( node_name[len] == '\0' )
        return true;

    /* "memory" matches "memory@40000000" when no unit address is given. */
    return node_name[len] == '@' && !memchr(name, '@', len);
}

int fdt_subnode(const struct fdt *fdt, int parent, const char *name, size_t len)
{
    int child;

    for ( child = fdt_first_child(fdt, parent); child >= 0;
          child = fdt_next_sibling(fdt, child) )
        if ( name_matches(fdt_node_name(fdt, child), name, len) )
            return child;

    return -ENOENT;
}

int fdt_path(const struct fdt *fdt, const char *path, size_t len)
{
    const char *end = path + len, *p = path;
    int node = fdt_root(fdt);

    if ( !len )
        return -ENOENT;

    if ( *p != '/' )
    {
        /* An alias: its value is the path of the node it stands for. */
        const char *slash = memchr(p, '/', len);
        size_t alen = slash ? (size_t)(slash - p) : len;
        int aliases = fdt_subnode(fdt, node, "aliases", 7);
        struct fdt_prop prop;
        int rc;

        if ( aliases < 0 )
            return -ENOENT;

        for ( rc = fdt_first_prop(fdt, aliases, &prop); !rc;
              rc = fdt_next_prop(fdt, &prop) )
            if ( strlen(prop.name) == alen && !strncmp(prop.name, p, alen) )
                break;
        /* One NUL-terminated absolute path, nothing after it. */
        if ( rc || !prop.len || strnlen(prop.value, prop.len) != prop.len - 1 ||
             ((const char *)prop.value)[0] != '/' )
            return -ENOENT;

        node = fdt_path(fdt, prop.value, prop.len - 1);
        if ( node < 0 || !slash )
            return node;
        p = slash;
    }

    while ( p < end )
    {
        const char *q;

        while ( p < end && *p == '/' )
            p++;
        if ( p == end )
            break;
        q = p;
        while ( q < end && *q != '/' )
            q++;
        node = fdt_subnode(fdt, node, p, q - p);
        if ( node < 0 )
            return node;
        p = q;
    }

    return node;
}

/* Skip NOPs from off; fill prop if a property starts there. */
static int prop_from(const struct fdt *fdt, int off, struct fdt_prop *prop)
{
    int next, tok;

    while ( (tok = token_at(fdt, off, &next)) == FDT_NOP )
        off = next;

    if ( tok != FDT_PROP )
        return tok < 0 ? tok : -ENOENT;

    prop->offset = off;
    prop->len = fdt_be32(sptr(fdt, off + 4));
    prop->value = sptr(fdt, off + 12);
    prop->name = string_at(fdt, fdt_be32(sptr(fdt, off + 8)));

    return prop->name ? 0 : -EINVAL;
}

int fdt_first_prop(const struct fdt *fdt, int node, struct fdt_prop *prop)
{
    int next;

    if ( token_at(fdt, node, &next) != FDT_BEGIN_NODE )
        return -EINVAL;

    return prop_from(fdt, next, prop);
}

int fdt_next_prop(const struct fdt *fdt, struct fdt_prop *prop)
{
    int next;

    if ( token_at(fdt, prop->offset, &next) != FDT_PROP )
        return -EINVAL;

    return prop_from(fdt, next, prop);
}

const void *fdt_getprop(const struct fdt *fdt, int node, const char *name,
                        uint32_t *len)
{
    struct fdt_prop prop;
    int rc;

    for ( rc = fdt_first_prop(fdt, node, &prop); !rc;
          rc = fdt_next_prop(fdt, &prop) )
        if ( !strcmp(prop.name, name) )
        {
            if ( len )
                *len = prop.len;
            return prop.value;
        }

    return NULL;
}

const char *fdt_getprop_string(const struct fdt *fdt, int node,
                               const char *name)
{
    uint32_t len;
    const char *s = fdt_getprop(fdt, node, name, &len);

    if ( !s || !len || s[len - 1] != '\0' )
        return NULL;

    return s;
}

const char *fdt_getprop_string_checked(const struct fdt *fdt, int node,
                                       const char *name)
{
    char path[128];
    const char *s = fdt_getprop_string(fdt, node, name);

    if ( !s && fdt_getprop(fdt, node, name, NULL) )
        printk(XENLOG_WARNING
               "DT: %s: '%s' is not a NUL-terminated string; ignored\n",
               fdt_node_path(fdt, node, path, sizeof(path)), name);

    return s;
}

uint32_t fdt_getprop_u32(const struct fdt *fdt, int node, const char *name,
                         uint32_t dflt)
{
    uint32_t len;
    const void *p = fdt_getprop(fdt, node, name, &len);

    return (p && len == 4) ? fdt_be32(p) : dflt;
}

bool fdt_prop_has_string(const void *value, uint32_t len, const char *str)
{
    const char *s = value, *end = s + len;
    size_t want = strlen(str);

    while ( s < end )
    {
        const char *nul = memchr(s, '\0', end - s);
        size_t l = nul ? (size_t)(nul - s) : (size_t)(end - s);

        if ( l == want && !memcmp(s, str, l) )
            return true;
        s += l + 1;
    }

    return false;
}

bool fdt_node_is_compatible(const struct fdt *fdt, int node, const char *compat)
{
    uint32_t len;
    const void *p = fdt_getprop(fdt, node, "compatible", &len);

    return p && fdt_prop_has_string(p, len, compat);
}

void fdt_child_cells(const struct fdt *fdt, int node, uint32_t *addr_cells,
                     uint32_t *size_cells)
{
    int chain[FDT_MAX_DEPTH];
    unsigned int len, i;
    uint32_t ac = FDT_DEFAULT_ADDR_CELLS, sc = FDT_DEFAULT_SIZE_CELLS;

    if ( !node_chain(fdt, node, chain, &len) )
        for ( i = 0; i < len; i++ )
        {
            ac = fdt_getprop_u32(fdt, chain[i], "#address-cells", ac);
            sc = fdt_getprop_u32(fdt, chain[i], "#size-cells", sc);
        }

    *addr_cells = ac;
    *size_cells = sc;
}

uint64_t fdt_read_cells(const void *p, uint32_t n)
{
    return n == 2 ? fdt_be64(p) : n == 1 ? fdt_be32(p) : 0;
}

int fdt_get_reg_cells(const struct fdt *fdt, int node, uint32_t ac, uint32_t sc,
                      unsigned int idx, uint64_t *addr, uint64_t *size)
{
    uint32_t len, entry;
    const uint8_t *p;

    if ( ac < 1 || ac > 2 || sc > 2 )
        return -EINVAL;

    p = fdt_getprop(fdt, node, "reg", &len);
    if ( !p )
        return -ENOENT;

    entry = (ac + sc) * 4;
    if ( len % entry )
        return -EINVAL;
    if ( idx >= len / entry )
        return -ENOENT;

    p += idx * entry;
    *addr = fdt_read_cells(p, ac);
    *size = fdt_read_cells(p + ac * 4, sc);

    return 0;
}

int fdt_get_reg(const struct fdt *fdt, int node, unsigned int idx,
                uint64_t *addr, uint64_t *size)
{
    uint32_t ac, sc;
    int parent = fdt_parent(fdt, node);

    if ( parent < 0 )
        return -EINVAL;

    fdt_child_cells(fdt, parent, &ac, &sc);

    return fdt_get_reg_cells(fdt, node, ac, sc, idx, addr, size);
}

int fdt_get_rsv(const struct fdt *fdt, unsigned int idx, uint64_t *addr,
                uint64_t *size)
{
    const uint8_t *p;

    if ( idx >= fdt->nr_rsv )
        return -ENOENT;

    p = fdt->blob + fdt->rsvmap_off + idx * 16;
    *addr = fdt_be64(p);
    *size = fdt_be64(p + 8);

    return 0;
}
