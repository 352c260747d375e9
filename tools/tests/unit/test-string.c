/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the hypervisor's string and memory functions
 * (common/string.c, built here as xen_*), checked against the C library.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

void *xen_memcpy(void *dst, const void *src, size_t n);
void *xen_memmove(void *dst, const void *src, size_t n);
void *xen_memset(void *s, int c, size_t n);
int xen_memcmp(const void *a, const void *b, size_t n);
void *xen_memchr(const void *s, int c, size_t n);
size_t xen_strlen(const char *s);
size_t xen_strnlen(const char *s, size_t max);
int xen_strcmp(const char *a, const char *b);
int xen_strncmp(const char *a, const char *b, size_t n);
char *xen_strchr(const char *s, int c);
char *xen_strrchr(const char *s, int c);
char *xen_strstr(const char *h, const char *n);
size_t xen_strlcpy(char *dst, const char *src, size_t size);

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

TEST(memmove_overlaps_like_libc)
{
    unsigned int off, len, dir;

    for ( dir = 0; dir < 2; dir++ )
        for ( off = 0; off < 9; off++ )
            for ( len = 0; len < 24; len++ )
            {
                char a[48], b[48];
                unsigned int i;

                for ( i = 0; i < sizeof(a); i++ )
                    a[i] = b[i] = (char)('A' + i);
                if ( dir )
                {
                    xen_memmove(a + off, a + 4, len);
                    memmove(b + off, b + 4, len);
                }
                else
                {
                    xen_memmove(a + 4, a + off, len);
                    memmove(b + 4, b + off, len);
                }
                CHECK(!memcmp(a, b, sizeof(a)));
            }
}

TEST(memory_functions)
{
    char a[16], b[16];

    CHECK(xen_memset(a, 0x5a, sizeof(a)) == a);
    memset(b, 0x5a, sizeof(b));
    CHECK(!memcmp(a, b, sizeof(a)));
    CHECK(xen_memcpy(a, "hello", 6) == a);
    CHECK_STR(a, "hello");
    CHECK_EQ(xen_memcmp("abc", "abc", 3), 0);
    CHECK_EQ(sign(xen_memcmp("abc", "abd", 3)), -1);
    CHECK_EQ(sign(xen_memcmp("\xff", "\x01", 1)), 1);   /* unsigned bytes */
    CHECK_EQ(xen_memcmp("abc", "xyz", 0), 0);
    {
        static const char hello[] = "hello";

        CHECK(xen_memchr(hello, 'l', 5) == hello + 2);
    }
    CHECK(xen_memchr("hello", 'z', 5) == NULL);
    CHECK(xen_memchr("hello", 'o', 4) == NULL);
}

TEST(string_functions_match_libc)
{
    static const char *const s[] = { "", "a", "abc", "abd", "ab", "\xff",
                                     "hello world", "hello" };
    unsigned int i, j;

    for ( i = 0; i < sizeof(s) / sizeof(s[0]); i++ )
    {
        CHECK_EQ(xen_strlen(s[i]), strlen(s[i]));
        CHECK_EQ(xen_strnlen(s[i], 2), strnlen(s[i], 2));
        CHECK(xen_strchr(s[i], 'l') == strchr(s[i], 'l'));
        CHECK(xen_strchr(s[i], '\0') == strchr(s[i], '\0'));
        CHECK(xen_strrchr(s[i], 'l') == strrchr(s[i], 'l'));
        CHECK(xen_strrchr(s[i], '\0') == strrchr(s[i], '\0'));
        for ( j = 0; j < sizeof(s) / sizeof(s[0]); j++ )
        {
            CHECK_EQ(sign(xen_strcmp(s[i], s[j])), sign(strcmp(s[i], s[j])));
            CHECK_EQ(sign(xen_strncmp(s[i], s[j], 2)),
                     sign(strncmp(s[i], s[j], 2)));
            CHECK(xen_strstr(s[i], s[j]) == strstr(s[i], s[j]));
        }
    }
}

TEST(strlcpy_truncates_and_terminates)
{
    char buf[6];

    memset(buf, 'X', sizeof(buf));
    CHECK_EQ(xen_strlcpy(buf, "hello world", sizeof(buf)), 11);
    CHECK_STR(buf, "hello");
    CHECK_EQ(xen_strlcpy(buf, "hi", sizeof(buf)), 2);
    CHECK_STR(buf, "hi");
    memset(buf, 'X', sizeof(buf));
    CHECK_EQ(xen_strlcpy(buf, "hi", 0), 2);
    CHECK_EQ(buf[0], 'X');
    CHECK_EQ(xen_strlcpy(buf, "hi", 1), 2);
    CHECK_EQ(buf[0], '\0');
}

HARNESS_MAIN("string")
