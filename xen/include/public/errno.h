/* SPDX-License-Identifier: MIT */
/*
 * Error numbers. A failed hypercall returns the negated value, e.g.
 * -XEN_EINVAL. The values are the x86 Linux ones, so a Linux guest can
 * hand them on unchanged.
 *
 * Two forms:
 *  - constants XEN_EPERM, XEN_ENOENT, ... (C and assembly);
 *  - XEN_ERRNO_LIST(X), which calls X(name, value) once per error, for
 *    tables of names (name without the XEN_ prefix, e.g. EPERM).
 *
 * EINTR and ERESTART are the hypervisor's own and never reach a guest;
 * they are only listed for __XEN__.
 */
#ifndef __XEN_PUBLIC_ERRNO_H__
#define __XEN_PUBLIC_ERRNO_H__

#define XEN_EPERM  1 /* operation not permitted */
#define XEN_ENOENT 2 /* no such entry */
#define XEN_ESRCH  3 /* no such domain */
#ifdef __XEN__
#define XEN_EINTR 4 /* interrupted (internal) */
#endif
#define XEN_EIO          5  /* I/O error; partial work to undo */
#define XEN_ENXIO        6  /* no such device or address */
#define XEN_E2BIG        7  /* argument too big */
#define XEN_ENOEXEC      8  /* bad executable format */
#define XEN_EBADF        9  /* bad descriptor */
#define XEN_ECHILD       10 /* no child */
#define XEN_EAGAIN       11 /* try again */
#define XEN_EWOULDBLOCK  11 /* same as EAGAIN */
#define XEN_ENOMEM       12 /* out of memory */
#define XEN_EACCES       13 /* permission denied */
#define XEN_EFAULT       14 /* bad guest address */
#define XEN_EBUSY        16 /* busy / already in use */
#define XEN_EEXIST       17 /* already exists */
#define XEN_EXDEV        18 /* cross-domain request */
#define XEN_ENODEV       19 /* no such device */
#define XEN_ENOTDIR      20 /* not a directory */
#define XEN_EISDIR       21 /* is a directory */
#define XEN_EINVAL       22 /* invalid argument */
#define XEN_ENFILE       23 /* table overflow */
#define XEN_EMFILE       24 /* too many open */
#define XEN_ENOSPC       28 /* no space left */
#define XEN_EROFS        30 /* read-only */
#define XEN_EMLINK       31 /* too many links */
#define XEN_EDOM         33 /* argument out of domain */
#define XEN_ERANGE       34 /* result out of range */
#define XEN_EDEADLK      35 /* deadlock avoided */
#define XEN_EDEADLOCK    35 /* same as EDEADLK */
#define XEN_ENAMETOOLONG 36 /* name too long */
#define XEN_ENOLCK       37 /* no locks available */
#define XEN_ENOSYS       38 /* not implemented */
#define XEN_ENOTEMPTY    39 /* not empty */
#define XEN_ENODATA      61 /* no data */
#define XEN_ETIME        62 /* time expired */
#define XEN_EBADMSG      74 /* bad message */
#define XEN_EOVERFLOW    75 /* value too large */
#define XEN_EILSEQ       84 /* illegal sequence / mismatch */
#ifdef __XEN__
#define XEN_ERESTART 85 /* restart the call (internal) */
#endif
#define XEN_ENOTSOCK      88  /* not a socket */
#define XEN_EMSGSIZE      90  /* message too long */
#define XEN_EOPNOTSUPP    95  /* operation not supported */
#define XEN_EADDRINUSE    98  /* address in use */
#define XEN_EADDRNOTAVAIL 99  /* address not available */
#define XEN_ENOBUFS       105 /* buffer too small */
#define XEN_EISCONN       106 /* already connected */
#define XEN_ENOTCONN      107 /* not connected */
#define XEN_ETIMEDOUT     110 /* timed out */
#define XEN_ECONNREFUSED  111 /* connection refused */

#ifdef __XEN__
#define XEN_ERRNO_LIST_INTERNAL_(X) X(EINTR, 4) X(ERESTART, 85)
#else
#define XEN_ERRNO_LIST_INTERNAL_(X)
#endif

/* clang-format off */
#define XEN_ERRNO_LIST(X) \
    X(EPERM, 1) \
    X(ENOENT, 2) \
    X(ESRCH, 3) \
    X(EIO, 5) \
    X(ENXIO, 6) \
    X(E2BIG, 7) \
    X(ENOEXEC, 8) \
    X(EBADF, 9) \
    X(ECHILD, 10) \
    X(EAGAIN, 11) \
    X(EWOULDBLOCK, 11) \
    X(EACCES, 13) \
    X(EFAULT, 14) \
    X(EBUSY, 16) \
    X(EEXIST, 17) \
    X(EXDEV, 18) \
    X(ENODEV, 19) \
    X(ENOTDIR, 20) \
    X(EISDIR, 21) \
    X(EINVAL, 22) \
    X(ENFILE, 23) \
    X(EMFILE, 24) \
    X(ENOSPC, 28) \
    X(EROFS, 30) \
    X(EMLINK, 31) \
    X(EDOM, 33) \
    X(ERANGE, 34) \
    X(EDEADLK, 35) \
    X(EDEADLOCK, 35) \
    X(ENAMETOOLONG, 36) \
    X(ENOSYS, 38) \
    X(ENOTEMPTY, 39) \
    X(ENODATA, 61) \
    X(ETIME, 62) \
    X(EBADMSG, 74) \
    X(EILSEQ, 84) \
    X(ENOTSOCK, 88) \
    X(EOPNOTSUPP, 95) \
    X(EADDRINUSE, 98) \
    X(EADDRNOTAVAIL, 99) \
    X(EISCONN, 106) \
    X(ENOTCONN, 107) \
    X(ETIMEDOUT, 110) \
    X(ECONNREFUSED, 111) \
    XEN_ERRNO_LIST_INTERNAL_(X)
/* clang-format on */

#endif /* __XEN_PUBLIC_ERRNO_H__ */
