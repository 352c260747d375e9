/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A reader for flattened device trees (DTB, version 17).
 *
 * fdt_open() checks the header and walks the whole structure block once:
 * every token, name, property and string offset must lie inside the blob,
 * nodes must nest properly (at most FDT_MAX_DEPTH deep) and the block must
 * end with FDT_END. Only a tree that passes is used; the accessors still
 * check bounds, so a bug here cannot turn into a read past the blob.
 *
 * Nodes are named by their offset in the structure block (>= 0). Functions
 * that look a node up return a negative errno when there is none.
 */
#ifndef XEN_FDT_H
#define XEN_FDT_H

#include <xen/types.h>

#define FDT_MAGIC       0xd00dfeedU
#define FDT_HEADER_SIZE 40
#define FDT_MAX_DEPTH   32
#define FDT_MAX_RSV     64

#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP        4
#define FDT_END        9

/* Defaults when a node says nothing (the DT specification's values). */
#define FDT_DEFAULT_ADDR_CELLS 2
#define FDT_DEFAULT_SIZE_CELLS 1

struct fdt {
    const uint8_t *blob;
    uint32_t totalsize;
    uint32_t struct_off, struct_size;
    uint32_t strings_off, strings_size;
    uint32_t rsvmap_off;
    unsigned int nr_rsv;
    uint32_t root_off; /* first FDT_BEGIN_NODE (after any NOPs) */
};

/* A property, as fdt_first_prop()/fdt_next_prop() hand them out. */
struct fdt_prop {
    int offset; /* of the FDT_PROP token */
    const char *name;
    const void *value;
    uint32_t len;
};

/*
 * Check the blob at 'blob', of which 'avail' bytes may be read. Returns 0
 * or a negative errno; *why (if not NULL) gets a short reason on error.
 */
int fdt_open(struct fdt *fdt, const void *blob, size_t avail, const char **why);

static inline uint32_t fdt_be32(const void *p)
{
    const uint8_t *b = p;

    return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) |
           ((uint32_t)b[2] << 8) | b[3];
}

static inline uint64_t fdt_be64(const void *p)
{
    return ((uint64_t)fdt_be32(p) << 32) | fdt_be32((const uint8_t *)p + 4);
}

/* Tree walking. */
int fdt_root(const struct fdt *fdt);
int fdt_first_child(const struct fdt *fdt, int node);
int fdt_next_sibling(const struct fdt *fdt, int node);
/* Depth-first, pre-order; *depth is updated (root = 0). */
int fdt_next_node(const struct fdt *fdt, int node, int *depth);
const char *fdt_node_name(const struct fdt *fdt, int node);
int fdt_parent(const struct fdt *fdt, int node);
/* "name" matches "name" and "name@unit"; "name@unit" only itself. */
int fdt_subnode(const struct fdt *fdt, int parent, const char *name,
                size_t len);
/* An absolute path ("/chosen", "/cpus/cpu@1") or an alias name. */
int fdt_path(const struct fdt *fdt, const char *path, size_t len);
/*
 * Full path of node into buf; returns buf, or "<?>" if it cannot. A path
 * too long for buf ends in "...<node@0x<offset>>" instead, so that no two
 * nodes are ever named alike.
 */
const char *fdt_node_path(const struct fdt *fdt, int node, char *buf,
                          size_t size);

/* Properties. */
int fdt_first_prop(const struct fdt *fdt, int node, struct fdt_prop *prop);
int fdt_next_prop(const struct fdt *fdt, struct fdt_prop *prop);
const void *fdt_getprop(const struct fdt *fdt, int node, const char *name,
                        uint32_t *len);
/* The property as a C string, or NULL if absent or not NUL-terminated. */
const char *fdt_getprop_string(const struct fdt *fdt, int node,
                               const char *name);
/*
 * The same, for properties whose loss matters (command lines, the
 * console): one line names the node and property when the property is
 * there but not a NUL-terminated string (it is then not used at all).
 */
const char *fdt_getprop_string_checked(const struct fdt *fdt, int node,
                                       const char *name);
/* A single u32 property, or dflt when absent or malformed. */
uint32_t fdt_getprop_u32(const struct fdt *fdt, int node, const char *name,
                         uint32_t dflt);
bool fdt_prop_has_string(const void *value, uint32_t len, const char *str);
bool fdt_node_is_compatible(const struct fdt *fdt, int node,
                            const char *compat);

/*
 * #address-cells / #size-cells that apply to node's own children. A node
 * that does not say inherits from its parent (as Xen's boot parser does),
 * the root defaulting to 2 and 1.
 */
void fdt_child_cells(const struct fdt *fdt, int node, uint32_t *addr_cells,
                     uint32_t *size_cells);

/* Read n (1 or 2) big-endian cells. */
uint64_t fdt_read_cells(const void *p, uint32_t n);

/*
 * Entry idx of node's "reg", with the parent's cell counts. Returns 0,
 * -ENOENT past the last entry, -EINVAL for a malformed property.
 */
int fdt_get_reg(const struct fdt *fdt, int node, unsigned int idx,
                uint64_t *addr, uint64_t *size);

/*
 * The same, with the parent's cell counts given: a caller going through
 * many children of one node works them out once (fdt_child_cells()).
 */
int fdt_get_reg_cells(const struct fdt *fdt, int node, uint32_t ac, uint32_t sc,
                      unsigned int idx, uint64_t *addr, uint64_t *size);

/* Memory reservation block. */
int fdt_get_rsv(const struct fdt *fdt, unsigned int idx, uint64_t *addr,
                uint64_t *size);

#endif /* XEN_FDT_H */
