/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_TYPES_H
#define XEN_TYPES_H

/* Freestanding headers: the compiler provides them, hosted or not. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef ULLONG_MAX
#define ULLONG_MAX (~0ULL)
#endif

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef uint32_t be32;
typedef uint64_t be64;

#include <xen/typesafe.h>

#endif /* XEN_TYPES_H */
