/* Unit tests for the pure helpers of src/util.c. */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

/* write_full and read_full through a pipe: every byte arrives, also
 * more than one write(2) may take at once for a pipe (64 KiB). */
START_TEST(write_full_then_read_full)
{
        int p[2];
        ck_assert_int_eq(pipe(p), 0);
        ck_assert_int_eq(fcntl(p[1], F_SETPIPE_SZ, 4096) >= 0, 1);
        size_t len = 3 * 4096 + 17;
        char *out = malloc(len), *in = malloc(len + 1);
        for (size_t i = 0; i < len; i++)
                out[i] = (char)('a' + i % 26);
        pid_t pid = fork();
        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
                close(p[0]);
                _exit(write_full(p[1], out, len) == 0 ? 0 : 1);
        }
        close(p[1]);
        ck_assert_int_eq(read_full(p[0], in, len + 1), (ssize_t)len);
        ck_assert_int_eq(memcmp(in, out, len), 0);
        int st;
        ck_assert_int_eq(waitpid(pid, &st, 0), pid);
        ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
        close(p[0]);
        /* A closed reader is an error, not a silent success. */
        ck_assert_int_eq(pipe(p), 0);
        close(p[0]);
        signal(SIGPIPE, SIG_IGN);
        ck_assert_int_eq(write_full(p[1], "x", 1), -EPIPE);
        close(p[1]);
        free(out);
        free(in);
}
END_TEST

START_TEST(parse_u64_accepts_plain_digits)
{
        uint64_t v = 1;
        ck_assert_int_eq(parse_u64("0", &v), 0);
        ck_assert_uint_eq(v, 0);
        ck_assert_int_eq(parse_u64("123", &v), 0);
        ck_assert_uint_eq(v, 123);
        ck_assert_int_eq(parse_u64("007", &v), 0);
        ck_assert_uint_eq(v, 7);
        ck_assert_int_eq(parse_u64("18446744073709551615", &v), 0);
        ck_assert_uint_eq(v, UINT64_MAX);
}
END_TEST

START_TEST(parse_u64_is_strict)
{
        static const char *const bad[] = { "", "-1", "+1", " 1", "1 ",
                                           "1a", "0x10", "1.0", "1K" };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                uint64_t v = 42;
                ck_assert_msg(parse_u64(bad[i], &v) == -EINVAL, "'%s'",
                              bad[i]);
                ck_assert_uint_eq(v, 42);       /* untouched on failure */
        }
        uint64_t v = 42;
        ck_assert_int_eq(parse_u64(NULL, &v), -EINVAL);
        ck_assert_int_eq(parse_u64("18446744073709551616", &v), -ERANGE);
        ck_assert_int_eq(parse_u64("99999999999999999999999", &v), -ERANGE);
        ck_assert_uint_eq(v, 42);
}
END_TEST

START_TEST(parse_size_suffixes)
{
        uint64_t v;
        ck_assert_int_eq(parse_size("0", &v), 0);
        ck_assert_uint_eq(v, 0);
        ck_assert_int_eq(parse_size("512", &v), 0);
        ck_assert_uint_eq(v, 512);
        ck_assert_int_eq(parse_size("4K", &v), 0);
        ck_assert_uint_eq(v, 4096);
        ck_assert_int_eq(parse_size("4k", &v), 0);
        ck_assert_uint_eq(v, 4096);
        ck_assert_int_eq(parse_size("3M", &v), 0);
        ck_assert_uint_eq(v, 3ull << 20);
        ck_assert_int_eq(parse_size("2G", &v), 0);
        ck_assert_uint_eq(v, 2ull << 30);
        ck_assert_int_eq(parse_size("1T", &v), 0);
        ck_assert_uint_eq(v, 1ull << 40);
        ck_assert_int_eq(parse_size("16777215T", &v), 0);
        ck_assert_uint_eq(v, 16777215ull << 40);
}
END_TEST

START_TEST(parse_size_refuses)
{
        static const char *const bad[] = { "", "K", "1KB", "1.5G", "-1K",
                                           "1 K", "G1", "1P", "+4K",
                                           "123456789012345678901" };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                uint64_t v = 42;
                ck_assert_msg(parse_size(bad[i], &v) == -EINVAL, "'%s'",
                              bad[i]);
                ck_assert_uint_eq(v, 42);
        }
        uint64_t v = 42;
        ck_assert_int_eq(parse_size(NULL, &v), -EINVAL);
        /* 2^24 T is 2^64 bytes: one too many. */
        ck_assert_int_eq(parse_size("16777216T", &v), -ERANGE);
        ck_assert_int_eq(parse_size("18446744073709551616", &v), -ERANGE);
        ck_assert_uint_eq(v, 42);
}
END_TEST

START_TEST(edit_distance_values)
{
        ck_assert_uint_eq(edit_distance("kitten", "sitting", 10), 3);
        ck_assert_uint_eq(edit_distance("hostname", "hostname", 10), 0);
        ck_assert_uint_eq(edit_distance("hostnme", "hostname", 10), 1);
        ck_assert_uint_eq(edit_distance("", "abc", 10), 3);
        ck_assert_uint_eq(edit_distance("abc", "", 10), 3);
        ck_assert_uint_eq(edit_distance("ab", "ba", 10), 2);
        /* Case matters. */
        ck_assert_uint_eq(edit_distance("Net", "net", 10), 1);
}
END_TEST

START_TEST(edit_distance_is_capped)
{
        ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 3), 3);
        ck_assert_uint_eq(edit_distance("kitten", "sitting", 2), 2);
        char a[80], b[80];
        memset(a, 'a', sizeof(a) - 1);
        memset(b, 'a', sizeof(b) - 1);
        a[79] = b[79] = '\0';
        /* Over 64 characters: treated as far apart, never computed. */
        ck_assert_uint_eq(edit_distance(a, b, 3), 3);
}
END_TEST

START_TEST(strv_operations)
{
        char **v = NULL;
        ck_assert_uint_eq(strv_length(NULL), 0);
        ck_assert(!strv_contains(NULL, "x"));
        strv_push(&v, xstrdup("one"));
        strv_push(&v, xstrdup("two"));
        ck_assert_uint_eq(strv_length(v), 2);
        ck_assert_ptr_null(v[2]);
        ck_assert(strv_contains(v, "two"));
        ck_assert(!strv_contains(v, "tw"));

        char **c = strv_copy(v);
        ck_assert_uint_eq(strv_length(c), 2);
        ck_assert_str_eq(c[0], "one");
        ck_assert_ptr_ne(c[0], v[0]);           /* a deep copy */
        strv_free(v);
        ck_assert_str_eq(c[1], "two");
        strv_free(c);

        char **empty = strv_copy(NULL);
        ck_assert_ptr_nonnull(empty);
        ck_assert_ptr_null(empty[0]);
        strv_free(empty);
        strv_free(NULL);
}
END_TEST

START_TEST(string_helpers)
{
        ck_assert(str_has_prefix("RLIMIT_NOFILE", "RLIMIT_"));
        ck_assert(!str_has_prefix("RLIM", "RLIMIT_"));
        ck_assert(str_has_prefix("x", ""));
        ck_assert(str_has_suffix("a.profile", ".profile"));
        ck_assert(!str_has_suffix("profile", ".profile"));
        ck_assert(str_has_suffix("x", ""));
        char *s = xasprintf("%s-%d", "a", 7);
        ck_assert_str_eq(s, "a-7");
        free(s);
        s = xstrndup("abcdef", 3);
        ck_assert_str_eq(s, "abc");
        free(s);
}
END_TEST

START_TEST(printable)
{
        static const struct {
                const char *in, *out;
        } cases[] = {
                { "plain text", "plain text" },
                { "a\033[2Jb", "a?[2Jb" },
                { "tab\there\x7f", "tab?here?" },
                { "caf\xc3\xa9", "caf\xc3\xa9" },        /* UTF-8 stays */
                { "csi\xc2\x9b" "1m", "csi??1m" },       /* C1 control */
                { "raw\x9b" "1m", "raw?1m" },             /* not UTF-8 */
                { "cut\xe2\x82", "cut??" },
                { "\xe2\x82\xac euro", "\xe2\x82\xac euro" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                char *s = xstrdup(cases[i].in);
                str_make_printable(s);
                ck_assert_str_eq(s, cases[i].out);
                free(s);
        }
}
END_TEST

int main(void)
{
        Suite *s = suite_create("util");
        TCase *tc = tcase_create("util");
        tcase_add_test(tc, write_full_then_read_full);
        tcase_add_test(tc, parse_u64_accepts_plain_digits);
        tcase_add_test(tc, parse_u64_is_strict);
        tcase_add_test(tc, parse_size_suffixes);
        tcase_add_test(tc, parse_size_refuses);
        tcase_add_test(tc, edit_distance_values);
        tcase_add_test(tc, edit_distance_is_capped);
        tcase_add_test(tc, strv_operations);
        tcase_add_test(tc, string_helpers);
        tcase_add_test(tc, printable);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
