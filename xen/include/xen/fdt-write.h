/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writing flattened device trees (version 17): guests' device trees are
 * built with this. Errors are sticky: after the first one (buffer too
 * small, unbalanced nodes) every call does nothing and fdt_write_finish()
 * returns it.
 */
#ifndef XEN_FDT_WRITE_H
#define XEN_FDT_WRITE_H

#include <xen/types.h>

#define FDT_WRITER_STRINGS 2048

struct fdt_writer {
    uint8_t *buf;
    size_t size;
    size_t pos; /* end of the structure block so far */
    unsigned int depth;
    int error;
    size_t strings_len;
    char strings[FDT_WRITER_STRINGS];
};

/* Start a tree in buf (size bytes, 8-byte aligned). */
void fdt_write_begin(struct fdt_writer *w, void *buf, size_t size);

void fdt_write_node(struct fdt_writer *w, const char *name);
void fdt_write_end_node(struct fdt_writer *w);
void fdt_write_prop(struct fdt_writer *w, const char *name, const void *val,
                    uint32_t len);
void fdt_write_prop_empty(struct fdt_writer *w, const char *name);
void fdt_write_prop_u32(struct fdt_writer *w, const char *name, uint32_t v);
void fdt_write_prop_u64(struct fdt_writer *w, const char *name, uint64_t v);
void fdt_write_prop_string(struct fdt_writer *w, const char *name,
                           const char *s);
/* A string list: n NUL-terminated strings, one after the other. */
void fdt_write_prop_strings(struct fdt_writer *w, const char *name,
                            const char *const *s, unsigned int n);
/* cells: n values, each written as 1 or 2 big-endian cells. */
void fdt_write_prop_cells(struct fdt_writer *w, const char *name,
                          const uint64_t *vals, const uint32_t *cells,
                          unsigned int n);
/* reg = <addr size> pairs with the given cell counts. */
void fdt_write_prop_reg(struct fdt_writer *w, uint32_t ac, uint32_t sc,
                        const uint64_t *pairs, unsigned int nr_pairs);

/* Close the tree: its total size, or a negative errno. */
int fdt_write_finish(struct fdt_writer *w);

#endif /* XEN_FDT_WRITE_H */
