/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_LIB_H
#define XEN_LIB_H

#include <xen/types.h>
#include <xen/string.h>

#define ARRAY_SIZE(a)      (sizeof(a) / sizeof((a)[0]))
#define ROUNDUP(x, a)      (((x) + (a)-1) & ~((__typeof__(x))(a)-1))
#define ROUNDDOWN(x, a)    ((x) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a)   (((x) & ((__typeof__(x))(a)-1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))

#define min(a, b)                                                              \
    ({                                                                         \
        __typeof__(a) a_ = (a);                                                \
        __typeof__(b) b_ = (b);                                                \
        a_ < b_ ? a_ : b_;                                                     \
    })
#define max(a, b)                                                              \
    ({                                                                         \
        __typeof__(a) a_ = (a);                                                \
        __typeof__(b) b_ = (b);                                                \
        a_ > b_ ? a_ : b_;                                                     \
    })

#define container_of(ptr, type, member)                                        \
    ((type *)((char *)(ptr)-offsetof(type, member)))

/* Number of bits set (no libgcc helper in the hypervisor). */
static inline unsigned int hweight64(uint64_t v)
{
    v = v - ((v >> 1) & 0x5555555555555555ULL);
    v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
    v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0fULL;

    return (v * 0x0101010101010101ULL) >> 56;
}

#define KB(x) ((uint64_t)(x) << 10)
#define MB(x) ((uint64_t)(x) << 20)
#define GB(x) ((uint64_t)(x) << 30)

/* Log levels: a printk() format may start with one of these. */
#define XENLOG_ERR     "<0>"
#define XENLOG_WARNING "<1>"
#define XENLOG_INFO    "<2>"
#define XENLOG_DEBUG   "<3>"

#define XENLOG_LVL_ERR     0
#define XENLOG_LVL_WARNING 1
#define XENLOG_LVL_INFO    2
#define XENLOG_LVL_DEBUG   3

void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list args);
void __noreturn panic(const char *fmt, ...) __printf(1, 2);

#define dprintk(lvl, fmt, ...)                                                 \
    printk(lvl "%s:%d: " fmt, __FILE__, __LINE__, ##__VA_ARGS__)

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
    __printf(3, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
    __printf(3, 0);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/*
 * What ends a console message or line that was cut because it did not fit
 * its buffer: the cut is visible, and what follows starts a line of its own.
 */
#define TRUNCATION_MARKER "[...]"

/*
 * vscnprintf() for a whole console message: when it does not fit in buf,
 * its last bytes become TRUNCATION_MARKER, then a newline if newline is
 * set. Returns the number of bytes stored (without the NUL).
 */
int vscnprintf_marked(char *buf, size_t size, bool newline, const char *fmt,
                      va_list args) __printf(4, 0);

unsigned long long simple_strtoull(const char *cp, const char **endp,
                                   unsigned int base);
unsigned long simple_strtoul(const char *cp, const char **endp,
                             unsigned int base);
long long simple_strtoll(const char *cp, const char **endp, unsigned int base);
uint64_t parse_size_and_unit(const char *s, const char **ps);
int parse_bool(const char *s, const char *e);

/* "1536 MiB", "4 KiB", "2 GiB": a short human size into buf. */
const char *format_size(char *buf, size_t len, uint64_t bytes);

void __noreturn __bug(const char *file, unsigned int line);
void __noreturn __assert_failed(const char *expr, const char *file,
                                unsigned int line);

#define BUG() __bug(__FILE__, __LINE__)
#define BUG_ON(cond)                                                           \
    do                                                                         \
    {                                                                          \
        if ( unlikely(cond) )                                                  \
            BUG();                                                             \
    } while ( 0 )

#ifdef CONFIG_DEBUG
#define ASSERT(p)                                                              \
    do                                                                         \
    {                                                                          \
        if ( unlikely(!(p)) )                                                  \
            __assert_failed(#p, __FILE__, __LINE__);                           \
    } while ( 0 )
#define ASSERT_UNREACHABLE() __assert_failed("unreachable", __FILE__, __LINE__)
#else
#define ASSERT(p)                                                              \
    do                                                                         \
    {                                                                          \
        if ( 0 && (p) )                                                        \
        {}                                                                     \
    } while ( 0 )
#define ASSERT_UNREACHABLE()                                                   \
    do                                                                         \
    {                                                                          \
    } while ( 0 )
#endif

#endif /* XEN_LIB_H */
