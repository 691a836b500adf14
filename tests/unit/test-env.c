/* Unit tests for the environment policy (src/env.c). */
#include <check.h>

#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "env.h"
#include "util.h"

static const char *lookup(char **v, const char *name)
{
        size_t n = strlen(name);
        for (size_t i = 0; v[i]; i++)
                if (strncmp(v[i], name, n) == 0 && v[i][n] == '=')
                        return v[i] + n + 1;
        return NULL;
}

static char *caller[] = { "HOME=/home/u", "SECRET=x", "LC_ALL=C",
                          "LC_TIME=C", "PATH=/opt/bin", "TERM=xterm",
                          "BROKEN", "=empty", NULL };

START_TEST(clear_keeps_only_listed)
{
        char *keep[] = { "HOME", "LC_*", NULL };
        struct sb_environment p = { .clear = true, .keep = keep };
        char **out = env_build(&p, caller);
        ck_assert_str_eq(lookup(out, "HOME"), "/home/u");
        ck_assert_str_eq(lookup(out, "LC_ALL"), "C");
        ck_assert_str_eq(lookup(out, "LC_TIME"), "C");
        ck_assert_ptr_null(lookup(out, "SECRET"));
        ck_assert_ptr_null(lookup(out, "TERM"));
        /* PATH was not kept, so the default is supplied. */
        ck_assert_str_eq(lookup(out, "PATH"), SB_DEFAULT_PATH);
        strv_free(out);
}
END_TEST

START_TEST(no_clear_keeps_everything_valid)
{
        struct sb_environment p = { .clear = false };
        char **out = env_build(&p, caller);
        ck_assert_str_eq(lookup(out, "SECRET"), "x");
        ck_assert_str_eq(lookup(out, "PATH"), "/opt/bin");
        for (size_t i = 0; out[i]; i++) {
                ck_assert_ptr_nonnull(strchr(out[i], '='));
                ck_assert(out[i][0] != '=');
        }
        strv_free(out);
}
END_TEST

START_TEST(set_replaces_and_adds)
{
        char *keep[] = { "PATH", "TERM", NULL };
        struct sb_env_assign set[] = { { "TERM", "dumb" }, { "NEW", "1" } };
        struct sb_environment p = { .clear = true, .keep = keep, .set = set,
                                    .n_set = 2 };
        char **out = env_build(&p, caller);
        ck_assert_str_eq(lookup(out, "TERM"), "dumb");
        ck_assert_str_eq(lookup(out, "NEW"), "1");
        ck_assert_str_eq(lookup(out, "PATH"), "/opt/bin");
        size_t terms = 0;
        for (size_t i = 0; out[i]; i++)
                terms += strncmp(out[i], "TERM=", 5) == 0;
        ck_assert_uint_eq(terms, 1);
        strv_free(out);
}
END_TEST

START_TEST(prefix_pattern_is_not_substring)
{
        char *keep[] = { "LC_*", NULL };
        char *env[] = { "XLC_ALL=1", "LC_=2", NULL };
        struct sb_environment p = { .clear = true, .keep = keep };
        char **out = env_build(&p, env);
        ck_assert_ptr_null(lookup(out, "XLC_ALL"));
        ck_assert_str_eq(lookup(out, "LC_"), "2");
        strv_free(out);
}
END_TEST

START_TEST(defaults_from_config_init)
{
        struct sb_config cfg;
        sb_config_init(&cfg);
        char **out = env_build(&cfg.env, caller);
        ck_assert_str_eq(lookup(out, "HOME"), "/home/u");
        ck_assert_str_eq(lookup(out, "TERM"), "xterm");
        ck_assert_ptr_null(lookup(out, "SECRET"));
        strv_free(out);
        sb_config_free(&cfg);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("env");
        TCase *tc = tcase_create("env");
        tcase_add_test(tc, clear_keeps_only_listed);
        tcase_add_test(tc, no_clear_keeps_everything_valid);
        tcase_add_test(tc, set_replaces_and_adds);
        tcase_add_test(tc, prefix_pattern_is_not_substring);
        tcase_add_test(tc, defaults_from_config_init);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
