/* Unit tests for the capability names of src/caps.c (no capability is
 * changed here). */
#include <check.h>

#include "unit.h"
#include <linux/capability.h>
#include <stdlib.h>

#include "caps.h"

START_TEST(names_in_every_spelling)
{
        ck_assert_int_eq(caps_from_name("CAP_NET_BIND_SERVICE"),
                         CAP_NET_BIND_SERVICE);
        ck_assert_int_eq(caps_from_name("net_bind_service"),
                         CAP_NET_BIND_SERVICE);
        ck_assert_int_eq(caps_from_name("Cap_Chown"), CAP_CHOWN);
        ck_assert_int_eq(caps_from_name("chown"), CAP_CHOWN);
        ck_assert_int_eq(caps_from_name("SYS_ADMIN"), CAP_SYS_ADMIN);
}
END_TEST

START_TEST(unknown_names)
{
        ck_assert_int_eq(caps_from_name("net_bind_servce"), -1);
        ck_assert_int_eq(caps_from_name("CAP_"), -1);
        ck_assert_int_eq(caps_from_name(""), -1);
        ck_assert_int_eq(caps_from_name("cap_cap_chown"), -1);
        ck_assert_int_eq(caps_from_name(
                "a_name_far_too_long_to_be_any_capability_at_all_xxxxxxxxxxxxxxxx"),
                -1);
}
END_TEST

/* libcap-ng itself takes "12"; a profile must name the capability. */
START_TEST(numbers_refused)
{
        ck_assert_int_eq(caps_from_name("12"), -1);
        ck_assert_int_eq(caps_from_name("0"), -1);
        ck_assert_int_eq(caps_from_name("CAP_12"), -1);
}
END_TEST

START_TEST(names_round_trip)
{
        ck_assert_str_eq(caps_name(CAP_CHOWN), "chown");
        ck_assert_str_eq(caps_name(CAP_NET_BIND_SERVICE), "net_bind_service");
        for (unsigned cap = 0; cap <= CAP_LAST_CAP; cap++) {
                const char *name = caps_name(cap);
                ck_assert_msg(name != NULL, "capability %u has no name", cap);
                ck_assert_int_eq(caps_from_name(name), (int)cap);
        }
}
END_TEST

int main(void)
{
        Suite *s = suite_create("caps");
        TCase *tc = tcase_create("caps");
        tcase_add_test(tc, names_in_every_spelling);
        tcase_add_test(tc, unknown_names);
        tcase_add_test(tc, numbers_refused);
        tcase_add_test(tc, names_round_trip);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
