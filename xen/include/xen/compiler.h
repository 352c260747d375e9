/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_COMPILER_H
#define XEN_COMPILER_H

#define __used          __attribute__((__used__))
#define __unused        __attribute__((__unused__))
#define __maybe_unused  __attribute__((__unused__))
#define __packed        __attribute__((__packed__))
#define __aligned(a)    __attribute__((__aligned__(a)))
#define __section(s)    __attribute__((__section__(s)))
#define __noreturn      __attribute__((__noreturn__))
#define __noinline      __attribute__((__noinline__))
#define __always_inline inline __attribute__((__always_inline__))
#define __printf(f, a)  __attribute__((__format__(__printf__, f, a)))
#define __weak          __attribute__((__weak__))
#define __must_check    __attribute__((__warn_unused_result__))

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Compiler-only barrier: no instruction, but no reordering across it. */
#define barrier() __asm__ __volatile__("" ::: "memory")

#define ACCESS_ONCE(x)   (*(volatile __typeof__(x) *)&(x))
#define READ_ONCE(x)     ACCESS_ONCE(x)
#define WRITE_ONCE(x, v) (ACCESS_ONCE(x) = (v))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#define __stringify_1(x) #x
#define __stringify(x)   __stringify_1(x)

#endif /* XEN_COMPILER_H */
