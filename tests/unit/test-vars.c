/* Unit tests for ${VAR} expansion (src/vars.c). */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <stdlib.h>

#include "vars.h"

static const struct sb_profile_env full_env = {
        .home = "/home/tester",
        .user = "tester",
        .uid = 1000,
        .gid = 100,
        .xdg_runtime_dir = "/run/user/1000",
        .app = "firefox",
        .cwd = "/home/tester/src",
};

static const struct sb_profile_env bare_env = {
        .home = "/root",
        .user = "root",
};

/* Expand with full_env and PROFILE_DIR=/etc/sandbox; must succeed. */
static void expect(const char *in, const char *out)
{
        char *res = NULL, *err = NULL;
        int r = vars_expand(in, &full_env, "/etc/sandbox", &res, &err);
        ck_assert_msg(r == 0, "'%s': %s", in, err ? err : "?");
        ck_assert_ptr_null(err);
        ck_assert_str_eq(res, out);
        free(res);
}

/* Expansion must fail with exactly `msg`, leaving *ret untouched. */
static void expect_error(const struct sb_profile_env *env, const char *in,
                         const char *msg)
{
        char sentinel = 0;
        char *res = &sentinel, *err = NULL;
        int r = vars_expand(in, env, NULL, &res, &err);
        ck_assert_msg(r == -EINVAL, "'%s' expanded", in);
        ck_assert_ptr_eq(res, &sentinel);
        ck_assert_ptr_nonnull(err);
        ck_assert_str_eq(err, msg);
        free(err);
}

START_TEST(no_variables)
{
        expect("", "");
        expect("plain text", "plain text");
        expect("/usr/bin:/bin", "/usr/bin:/bin");
}
END_TEST

START_TEST(every_variable)
{
        expect("${HOME}", "/home/tester");
        expect("${USER}", "tester");
        expect("${CWD}/out", "/home/tester/src/out");
        expect("${UID}", "1000");
        expect("${GID}", "100");
        expect("${XDG_RUNTIME_DIR}", "/run/user/1000");
        expect("${PROFILE_DIR}", "/etc/sandbox");
        expect("${APP}", "firefox");
}
END_TEST

START_TEST(several_and_adjacent)
{
        expect("${HOME}/Downloads", "/home/tester/Downloads");
        expect("${USER}${UID}:${GID}", "tester1000:100");
        expect("a ${APP} b ${APP} c", "a firefox b firefox c");
        expect("${XDG_RUNTIME_DIR}/pulse/native", "/run/user/1000/pulse/native");
}
END_TEST

START_TEST(dollar_without_brace_is_literal)
{
        expect("$HOME", "$HOME");
        expect("cost $5", "cost $5");
        expect("$", "$");
        expect("a$", "a$");
        expect("$$", "$$");
        expect("$${USER}", "$tester");
        expect("{HOME}", "{HOME}");
        expect("}${USER}}", "}tester}");
}
END_TEST

/* A value is inserted as is, never expanded again. */
START_TEST(values_not_reexpanded)
{
        struct sb_profile_env env = full_env;
        env.home = "/home/${USER}";
        char *res = NULL, *err = NULL;
        ck_assert_int_eq(vars_expand("${HOME}", &env, NULL, &res, &err), 0);
        ck_assert_str_eq(res, "/home/${USER}");
        free(res);
}
END_TEST

START_TEST(unknown_variable)
{
        expect_error(&full_env, "${HOEM}",
                     "unknown variable '${HOEM}' (did you mean '${HOME}'?)");
        expect_error(&full_env, "${home}",
                     "unknown variable '${home}' (did you mean '${HOME}'?)");
        expect_error(&full_env, "x ${UDI} y",
                     "unknown variable '${UDI}' (did you mean '${UID}'?)");
        expect_error(&full_env, "${SHELL}", "unknown variable '${SHELL}'");
        expect_error(&full_env, "${}", "unknown variable '${}'");
        expect_error(&full_env, "${X}", "unknown variable '${X}'");
        expect_error(&full_env, "${HOME}${NOPE}",
                     "unknown variable '${NOPE}' (did you mean '${HOME}'?)");
}
END_TEST

START_TEST(no_value_here)
{
        expect_error(&bare_env, "${XDG_RUNTIME_DIR}/bus",
                     "'${XDG_RUNTIME_DIR}' has no value here");
        expect_error(&bare_env, "${APP}", "'${APP}' has no value here");
        expect_error(&bare_env, "${CWD}", "'${CWD}' has no value here");
        expect_error(&bare_env, "${PROFILE_DIR}/x",
                     "'${PROFILE_DIR}' has no value here");
        /* The numbers always have one. */
        char *res = NULL, *err = NULL;
        ck_assert_int_eq(vars_expand("${UID}:${GID}", &bare_env, NULL, &res,
                                     &err),
                         0);
        ck_assert_str_eq(res, "0:0");
        free(res);
}
END_TEST

START_TEST(unterminated)
{
        expect_error(&full_env, "${HOME", "'${' without a closing '}'");
        expect_error(&full_env, "abc ${", "'${' without a closing '}'");
        expect_error(&full_env, "${USER} ${", "'${' without a closing '}'");
}
END_TEST

int main(void)
{
        Suite *s = suite_create("vars");
        TCase *tc = tcase_create("vars");
        tcase_add_test(tc, no_variables);
        tcase_add_test(tc, every_variable);
        tcase_add_test(tc, several_and_adjacent);
        tcase_add_test(tc, dollar_without_brace_is_literal);
        tcase_add_test(tc, values_not_reexpanded);
        tcase_add_test(tc, unknown_variable);
        tcase_add_test(tc, no_value_here);
        tcase_add_test(tc, unterminated);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
