/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FDT writer (see xen/fdt-write.h). Layout of what it writes: header,
 * an empty memory reservation block, the structure block, the strings
 * block (names deduplicated).
 */
#include <xen/errno.h>
#include <xen/fdt-write.h>
#include <xen/fdt.h>
#include <xen/lib.h>

#define RSV_OFF ROUNDUP(FDT_HEADER_SIZE, 8)

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

static void emit(struct fdt_writer *w, const void *data, size_t len)
{
    size_t padded = ROUNDUP(len, 4);

    if ( w->error )
        return;
    if ( w->pos > w->size || padded > w->size - w->pos )
    {
        w->error = -ENOSPC;
        return;
    }
    if ( data )
        memcpy(w->buf + w->pos, data, len);
    else
        memset(w->buf + w->pos, 0, len);
    memset(w->buf + w->pos + len, 0, padded - len);
    w->pos += padded;
}

static void emit_u32(struct fdt_writer *w, uint32_t v)
{
    uint8_t b[4];

    put_be32(b, v);
    emit(w, b, 4);
}

void fdt_write_begin(struct fdt_writer *w, void *buf, size_t size)
{
    w->buf = buf;
    w->size = size;
    w->depth = 0;
    w->error = 0;
    w->strings_len = 0;
    w->pos = RSV_OFF + 16;
    if ( size < w->pos )
        w->error = -ENOSPC;
    else
        memset(w->buf, 0, w->pos);
}

void fdt_write_node(struct fdt_writer *w, const char *name)
{
    if ( w->depth == 0 && w->pos != RSV_OFF + 16 && !w->error )
        w->error = -EINVAL; /* a second root */
    emit_u32(w, FDT_BEGIN_NODE);
    emit(w, name, strlen(name) + 1);
    if ( !w->error )
        w->depth++;
}

void fdt_write_end_node(struct fdt_writer *w)
{
    if ( !w->error && !w->depth )
        w->error = -EINVAL;
    emit_u32(w, FDT_END_NODE);
    if ( !w->error )
        w->depth--;
}

static uint32_t string_offset(struct fdt_writer *w, const char *name)
{
    size_t len = strlen(name) + 1, off = 0;

    while ( off < w->strings_len )
    {
        if ( !strcmp(w->strings + off, name) )
            return off;
        off += strlen(w->strings + off) + 1;
    }

    if ( len > sizeof(w->strings) - w->strings_len )
    {
        w->error = -ENOSPC;
        return 0;
    }
    memcpy(w->strings + w->strings_len, name, len);
    w->strings_len += len;

    return off;
}

void fdt_write_prop(struct fdt_writer *w, const char *name, const void *val,
                    uint32_t len)
{
    uint32_t nameoff;

    if ( !w->error && !w->depth )
        w->error = -EINVAL;
    nameoff = string_offset(w, name);
    emit_u32(w, FDT_PROP);
    emit_u32(w, len);
    emit_u32(w, nameoff);
    if ( len )
        emit(w, val, len);
}

void fdt_write_prop_empty(struct fdt_writer *w, const char *name)
{
    fdt_write_prop(w, name, NULL, 0);
}

void fdt_write_prop_u32(struct fdt_writer *w, const char *name, uint32_t v)
{
    uint8_t b[4];

    put_be32(b, v);
    fdt_write_prop(w, name, b, 4);
}

void fdt_write_prop_u64(struct fdt_writer *w, const char *name, uint64_t v)
{
    uint8_t b[8];

    put_be32(b, v >> 32);
    put_be32(b + 4, v);
    fdt_write_prop(w, name, b, 8);
}

void fdt_write_prop_string(struct fdt_writer *w, const char *name,
                           const char *s)
{
    fdt_write_prop(w, name, s, strlen(s) + 1);
}

void fdt_write_prop_strings(struct fdt_writer *w, const char *name,
                            const char *const *s, unsigned int n)
{
    char buf[256];
    size_t len = 0;
    unsigned int i;

    for ( i = 0; i < n; i++ )
    {
        size_t l = strlen(s[i]) + 1;

        if ( l > sizeof(buf) - len )
        {
            w->error = w->error ?: -ENOSPC;
            return;
        }
        memcpy(buf + len, s[i], l);
        len += l;
    }
    fdt_write_prop(w, name, buf, len);
}

void fdt_write_prop_cells(struct fdt_writer *w, const char *name,
                          const uint64_t *vals, const uint32_t *cells,
                          unsigned int n)
{
    uint8_t buf[256];
    size_t len = 0;
    unsigned int i;

    for ( i = 0; i < n; i++ )
    {
        if ( cells[i] < 1 || cells[i] > 2 || len + 8 > sizeof(buf) )
        {
            w->error = w->error ?: -EINVAL;
            return;
        }
        if ( cells[i] == 2 )
        {
            put_be32(buf + len, vals[i] >> 32);
            len += 4;
        }
        put_be32(buf + len, vals[i]);
        len += 4;
    }
    fdt_write_prop(w, name, buf, len);
}

void fdt_write_prop_reg(struct fdt_writer *w, uint32_t ac, uint32_t sc,
                        const uint64_t *pairs, unsigned int nr_pairs)
{
    uint32_t cells[32];
    unsigned int i;

    if ( nr_pairs > ARRAY_SIZE(cells) / 2 )
    {
        w->error = w->error ?: -E2BIG;
        return;
    }
    for ( i = 0; i < nr_pairs; i++ )
    {
        cells[2 * i] = ac;
        cells[2 * i + 1] = sc;
    }
    fdt_write_prop_cells(w, "reg", pairs, cells, 2 * nr_pairs);
}

int fdt_write_finish(struct fdt_writer *w)
{
    size_t struct_off = RSV_OFF + 16, struct_size, strings_off;

    if ( !w->error && w->depth )
        w->error = -EINVAL; /* a node left open */
    emit_u32(w, FDT_END);
    if ( w->error )
        return w->error;

    struct_size = w->pos - struct_off;
    strings_off = w->pos;
    if ( w->strings_len > w->size - w->pos )
        return w->error = -ENOSPC;
    memcpy(w->buf + strings_off, w->strings, w->strings_len);
    w->pos += w->strings_len;

    put_be32(w->buf + 0, FDT_MAGIC);
    put_be32(w->buf + 4, w->pos);
    put_be32(w->buf + 8, struct_off);
    put_be32(w->buf + 12, strings_off);
    put_be32(w->buf + 16, RSV_OFF);
    put_be32(w->buf + 20, 17);
    put_be32(w->buf + 24, 16);
    put_be32(w->buf + 28, 0);
    put_be32(w->buf + 32, w->strings_len);
    put_be32(w->buf + 36, struct_size);

    return w->pos;
}
