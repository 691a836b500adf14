/* Unit tests for the rlimit name table of src/rlimit.c. */
#include <check.h>

#include "unit.h"
#include <stdlib.h>
#include <sys/resource.h>

#include "rlimit.h"

START_TEST(names_in_every_spelling)
{
        ck_assert_int_eq(rlimit_from_name("nofile"), RLIMIT_NOFILE);
        ck_assert_int_eq(rlimit_from_name("NOFILE"), RLIMIT_NOFILE);
        ck_assert_int_eq(rlimit_from_name("RLIMIT_NOFILE"), RLIMIT_NOFILE);
        ck_assert_int_eq(rlimit_from_name("rlimit_nofile"), RLIMIT_NOFILE);
        ck_assert_int_eq(rlimit_from_name("Rlimit_NoFile"), RLIMIT_NOFILE);
        ck_assert_int_eq(rlimit_from_name("as"), RLIMIT_AS);
        ck_assert_int_eq(rlimit_from_name("sigpending"), RLIMIT_SIGPENDING);
}
END_TEST

START_TEST(unknown_names)
{
        ck_assert_int_eq(rlimit_from_name(""), -1);
        ck_assert_int_eq(rlimit_from_name("RLIMIT_"), -1);
        ck_assert_int_eq(rlimit_from_name("nofiles"), -1);
        ck_assert_int_eq(rlimit_from_name("RLIMIT_RLIMIT_NOFILE"), -1);
        ck_assert_int_eq(rlimit_from_name("7"), -1);
}
END_TEST

/* Every resource the kernel knows has a name, and the name maps back. */
START_TEST(table_covers_every_resource)
{
        for (int r = 0; r < RLIM_NLIMITS; r++) {
                const char *name = rlimit_name(r);
                ck_assert_msg(name != NULL, "resource %d has no name", r);
                ck_assert_int_eq(rlimit_from_name(name), r);
        }
        ck_assert_ptr_null(rlimit_name(-1));
        ck_assert_ptr_null(rlimit_name(RLIM_NLIMITS));
        ck_assert_str_eq(rlimit_name(RLIMIT_NOFILE), "nofile");
}
END_TEST

START_TEST(size_limits)
{
        static const int sizes[] = { RLIMIT_AS, RLIMIT_CORE, RLIMIT_DATA,
                                     RLIMIT_FSIZE, RLIMIT_MEMLOCK,
                                     RLIMIT_MSGQUEUE, RLIMIT_RSS,
                                     RLIMIT_STACK };
        static const int counts[] = { RLIMIT_CPU, RLIMIT_LOCKS, RLIMIT_NICE,
                                      RLIMIT_NOFILE, RLIMIT_NPROC,
                                      RLIMIT_RTPRIO, RLIMIT_RTTIME,
                                      RLIMIT_SIGPENDING };
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
                ck_assert_msg(rlimit_is_size(sizes[i]), "%s",
                              rlimit_name(sizes[i]));
        for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
                ck_assert_msg(!rlimit_is_size(counts[i]), "%s",
                              rlimit_name(counts[i]));
        ck_assert(!rlimit_is_size(-1));
        ck_assert(!rlimit_is_size(RLIM_NLIMITS));
}
END_TEST

int main(void)
{
        Suite *s = suite_create("rlimit");
        TCase *tc = tcase_create("rlimit");
        tcase_add_test(tc, names_in_every_spelling);
        tcase_add_test(tc, unknown_names);
        tcase_add_test(tc, table_covers_every_resource);
        tcase_add_test(tc, size_limits);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
