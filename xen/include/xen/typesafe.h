/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Frame numbers and addresses are distinct types, always (not only in
 * debug builds): a machine frame cannot be passed where a guest frame is
 * wanted without saying so.
 */
#ifndef XEN_TYPESAFE_H
#define XEN_TYPESAFE_H

#define TYPE_SAFE(_type, _name)                                                \
    typedef struct {                                                           \
        _type _name;                                                           \
    } _name##_t;                                                               \
    static inline _name##_t _##_name(_type n)                                  \
    {                                                                          \
        return (_name##_t){ n };                                               \
    }                                                                          \
    static inline _type _name##_x(_name##_t n)                                 \
    {                                                                          \
        return n._name;                                                        \
    }

TYPE_SAFE(uint64_t, paddr);
TYPE_SAFE(unsigned long, mfn);
TYPE_SAFE(unsigned long, gfn);

#define INVALID_PADDR _paddr(~(uint64_t)0)
#define INVALID_MFN   _mfn(~0UL)
#define INVALID_GFN   _gfn(~0UL)

static inline paddr_t paddr_add(paddr_t p, uint64_t off)
{
    return _paddr(paddr_x(p) + off);
}

static inline bool paddr_eq(paddr_t a, paddr_t b)
{
    return paddr_x(a) == paddr_x(b);
}

static inline mfn_t mfn_add(mfn_t m, unsigned long i)
{
    return _mfn(mfn_x(m) + i);
}

static inline bool mfn_eq(mfn_t a, mfn_t b)
{
    return mfn_x(a) == mfn_x(b);
}

static inline gfn_t gfn_add(gfn_t g, unsigned long i)
{
    return _gfn(gfn_x(g) + i);
}

static inline bool gfn_eq(gfn_t a, gfn_t b)
{
    return gfn_x(a) == gfn_x(b);
}

#endif /* XEN_TYPESAFE_H */
