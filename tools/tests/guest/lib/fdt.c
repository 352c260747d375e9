/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough of a flattened-device-tree reader to find a node by path
 * and read its properties. Node "offsets" are byte offsets of the node's
 * FDT_BEGIN_NODE token in the structure block; every read is bounded by
 * the sizes in the header, so a hostile tree cannot send us astray.
 */
#include <xtest.h>

#define FDT_MAGIC       0xd00dfeed
#define FDT_BEGIN_NODE  1
#define FDT_END_NODE    2
#define FDT_PROP        3
#define FDT_NOP         4
#define FDT_END         9

#define HDR(fdt, i) fdt32((const uint8_t *)(fdt) + 4 * (i))
#define H_TOTALSIZE  1
#define H_OFF_STRUCT 2
#define H_OFF_STRS   3
#define H_SIZE_STRS  8
#define H_SIZE_STRUCT 9

uint32_t fdt32(const void *p)
{
    const uint8_t *b = p;

    return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) |
           ((uint32_t)b[2] << 8) | b[3];
}

uint64_t fdt_cells(const void *p, unsigned int cells)
{
    uint64_t v = 0;
    unsigned int i;

    for ( i = 0; i < cells; i++ )
        v = (v << 32) | fdt32((const uint8_t *)p + 4 * i);

    return v;
}

bool fdt_valid(const void *fdt)
{
    uint64_t total, structs, strs;

    if ( !fdt || ((uintptr_t)fdt & 7) || HDR(fdt, 0) != FDT_MAGIC )
        return false;
    total = HDR(fdt, H_TOTALSIZE);
    structs = (uint64_t)HDR(fdt, H_OFF_STRUCT) + HDR(fdt, H_SIZE_STRUCT);
    strs = (uint64_t)HDR(fdt, H_OFF_STRS) + HDR(fdt, H_SIZE_STRS);

    return structs <= total && strs <= total;
}

static const uint8_t *sblock(const void *fdt)
{
    return (const uint8_t *)fdt + HDR(fdt, H_OFF_STRUCT);
}

static uint32_t ssize(const void *fdt)
{
    return HDR(fdt, H_SIZE_STRUCT);
}

static uint32_t token(const void *fdt, int off)
{
    if ( off < 0 || (uint32_t)off + 4 > ssize(fdt) )
        return FDT_END;

    return fdt32(sblock(fdt) + off);
}

/* The offset just after the token at off (and its payload). */
static int skip(const void *fdt, int off)
{
    const uint8_t *s = sblock(fdt);
    uint32_t t = token(fdt, off), len;

    switch ( t )
    {
    case FDT_BEGIN_NODE:
        len = strnlen((const char *)s + off + 4, ssize(fdt) - off - 4) + 1;
        return (off + 4 + len + 3) & ~3;
    case FDT_PROP:
        if ( (uint32_t)off + 12 > ssize(fdt) )
            return -1;
        len = fdt32(s + off + 4);
        if ( len > ssize(fdt) - off - 12 )
            return -1;
        return (off + 12 + len + 3) & ~3;
    case FDT_END_NODE:
    case FDT_NOP:
        return off + 4;
    default:
        return -1;
    }
}

const char *fdt_node_name(const void *fdt, int node)
{
    return (const char *)sblock(fdt) + node + 4;
}

/* The offset after the END_NODE that closes node, or -1. */
static int node_end(const void *fdt, int node)
{
    int depth = 0, off = node;

    do {
        uint32_t t = token(fdt, off);

        if ( t == FDT_BEGIN_NODE )
            depth++;
        else if ( t == FDT_END_NODE )
            depth--;
        else if ( t != FDT_PROP && t != FDT_NOP )
            return -1;
        off = skip(fdt, off);
    } while ( off >= 0 && depth > 0 );

    return off;
}

/* The first token after node's properties. */
static int first_child_pos(const void *fdt, int node)
{
    int off = skip(fdt, node);

    while ( off >= 0 && (token(fdt, off) == FDT_PROP ||
                         token(fdt, off) == FDT_NOP) )
        off = skip(fdt, off);

    return off;
}

int fdt_next_subnode(const void *fdt, int parent, int prev)
{
    int off = prev < 0 ? first_child_pos(fdt, parent) : node_end(fdt, prev);

    while ( off >= 0 && token(fdt, off) == FDT_NOP )
        off = skip(fdt, off);
    if ( off < 0 || token(fdt, off) != FDT_BEGIN_NODE )
        return -1;

    return off;
}

static bool has_char(const char *s, char c, size_t len)
{
    while ( len-- )
        if ( *s++ == c )
            return true;

    return false;
}

/* "memory" matches "memory@40000000" unless the component has a '@'. */
static bool name_matches(const char *name, const char *comp, size_t len)
{
    if ( strncmp(name, comp, len) )
        return false;

    return name[len] == '\0' ||
           (name[len] == '@' && !has_char(comp, '@', len));
}

int fdt_path(const void *fdt, const char *path)
{
    int node = 0;

    while ( token(fdt, node) == FDT_NOP )
        node = skip(fdt, node);
    if ( token(fdt, node) != FDT_BEGIN_NODE || *path != '/' )
        return -1;

    while ( *path )
    {
        const char *comp;
        size_t len;
        int child = -1;

        while ( *path == '/' )
            path++;
        if ( !*path )
            break;
        comp = path;
        while ( *path && *path != '/' )
            path++;
        len = path - comp;

        while ( (child = fdt_next_subnode(fdt, node, child)) >= 0 )
            if ( name_matches(fdt_node_name(fdt, child), comp, len) )
                break;
        if ( child < 0 )
            return -1;
        node = child;
    }

    return node;
}

const void *fdt_prop(const void *fdt, int node, const char *name, int *lenp)
{
    const char *strs = (const char *)fdt + HDR(fdt, H_OFF_STRS);
    uint32_t strs_size = HDR(fdt, H_SIZE_STRS);
    int off;

    if ( node < 0 || token(fdt, node) != FDT_BEGIN_NODE )
        return NULL;

    for ( off = skip(fdt, node); off >= 0; off = skip(fdt, off) )
    {
        const uint8_t *p = sblock(fdt) + off;
        uint32_t t = token(fdt, off), nameoff;

        if ( t == FDT_NOP )
            continue;
        if ( t != FDT_PROP )
            break;
        nameoff = fdt32(p + 8);
        if ( nameoff < strs_size &&
             !strncmp(strs + nameoff, name, strs_size - nameoff) )
        {
            *lenp = fdt32(p + 4);
            return p + 12;
        }
    }

    return NULL;
}

bool fdt_has_compatible(const void *fdt, int node, const char *want)
{
    const char *c;
    int len, off = 0;

    c = fdt_prop(fdt, node, "compatible", &len);
    while ( c && off < len )
    {
        if ( !strcmp(c + off, want) )
            return true;
        off += strnlen(c + off, len - off) + 1;
    }

    return false;
}
