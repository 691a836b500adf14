/* Unit tests for command-line parsing (src/cmd/cli.c). */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "verbs.h"

#define ARGV(...) ((char *[]){ "sandbox", __VA_ARGS__, NULL })

static int parse(char **argv, int argc, struct cli_request *req,
                 struct sb_error *err)
{
        return cli_parse(argc, argv, req, err);
}

START_TEST(profile_and_command)
{
        char **v = ARGV("--profile=browser", "firefox", "--new-window");
        struct cli_request req;
        struct sb_error err = { 0 };
        ck_assert_int_eq(parse(v, 4, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_RUN);
        ck_assert_str_eq(req.profile, "browser");
        ck_assert_str_eq(req.command[0], "firefox");
        /* Options after the command belong to the command. */
        ck_assert_str_eq(req.command[1], "--new-window");
}
END_TEST

START_TEST(double_dash_and_short_options)
{
        char **v = ARGV("-p", "./x.profile", "-v", "--", "-weird");
        struct cli_request req;
        struct sb_error err = { 0 };
        ck_assert_int_eq(parse(v, 6, &req, &err), 0);
        ck_assert_str_eq(req.profile, "./x.profile");
        ck_assert_int_eq(req.log_level, SB_LOG_DEBUG);
        ck_assert_str_eq(req.command[0], "-weird");
}
END_TEST

START_TEST(help_version_quiet)
{
        struct cli_request req;
        struct sb_error err = { 0 };
        ck_assert_int_eq(parse(ARGV("--help"), 2, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_HELP);
        ck_assert_int_eq(parse(ARGV("--version"), 2, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_VERSION);
        ck_assert_int_eq(parse(ARGV("-q", "true"), 3, &req, &err), 0);
        ck_assert_int_eq(req.log_level, SB_LOG_ERROR);
}
END_TEST

START_TEST(errors)
{
        struct cli_request req;
        struct sb_error err = { 0 };
        ck_assert_int_eq(parse(ARGV("--bogus", "true"), 3, &req, &err),
                         -EINVAL);
        ck_assert_str_eq(err.msg, "unknown option '--bogus'");
        ck_assert_int_eq(parse(ARGV("--profile"), 2, &req, &err), -EINVAL);
        ck_assert_str_eq(err.msg, "option '--profile' needs a value");
        ck_assert_int_eq(parse(ARGV("--profile="), 2, &req, &err), -EINVAL);
        ck_assert_str_eq(err.msg, "--profile needs a name or a path");
        ck_assert_int_eq(parse(ARGV("-v"), 2, &req, &err), -EINVAL);
        ck_assert_str_eq(err.msg, "no command given");
}
END_TEST

static bool is_verb(const struct cli_request *req, const char *name)
{
        return req->verb == VERB_CMD && strcmp(req->cmd->name, name) == 0;
}

START_TEST(verbs)
{
        /* The argument vectors live for the whole test: the request
         * points into them. */
        char **v1 = ARGV("seccomp", "groups");
        char **v2 = ARGV("-v", "seccomp", "groups");
        char **v3 = ARGV("--", "seccomp", "groups");
        char **v4 = ARGV("-q", "--", "seccomp");
        char **v5 = ARGV("./seccomp", "groups");
        char **v6 = ARGV("-p", "--", "seccomp", "groups");
        char **v7 = ARGV("ls", "seccomp");
        struct cli_request req;
        struct sb_error err = { 0 };
        ck_assert_int_eq(parse(v1, 3, &req, &err), 0);
        ck_assert(is_verb(&req, "seccomp"));
        ck_assert_int_eq(req.cmd_argc, 2);
        ck_assert_str_eq(req.cmd_argv[0], "seccomp");
        ck_assert_str_eq(req.cmd_argv[1], "groups");
        ck_assert_int_eq(parse(v2, 4, &req, &err), 0);
        ck_assert(is_verb(&req, "seccomp"));
        ck_assert_int_eq(req.log_level, SB_LOG_DEBUG);
        /* "--" or a path makes it a program named seccomp. */
        ck_assert_int_eq(parse(v3, 4, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_RUN);
        ck_assert_str_eq(req.command[0], "seccomp");
        ck_assert_str_eq(req.command[1], "groups");
        ck_assert_int_eq(parse(v4, 4, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_RUN);
        ck_assert_int_eq(parse(v5, 3, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_RUN);
        ck_assert_str_eq(req.command[0], "./seccomp");
        /* A "--" that is the value of -p does not end the options. */
        ck_assert_int_eq(parse(v6, 5, &req, &err), 0);
        ck_assert(is_verb(&req, "seccomp"));
        ck_assert_str_eq(req.profile, "--");
        /* Only the first operand can be a verb. */
        ck_assert_int_eq(parse(v7, 3, &req, &err), 0);
        ck_assert_int_eq(req.verb, VERB_RUN);
        ck_assert_str_eq(req.command[1], "seccomp");
}
END_TEST

START_TEST(names)
{
        char **v1 = ARGV("--name=web", "sleep", "1");
        char **v2 = ARGV("-n", "a.b_c-1", "--", "true");
        char **v3 = ARGV("--name=../x", "true");
        char **v4 = ARGV("-n", "", "true");
        char **v5 = ARGV("--name=web", "list");
        char **v6 = ARGV("--name", "x y", "true");
        struct cli_request req;
        struct sb_error err = { 0 };
        ck_assert_int_eq(parse(v1, 4, &req, &err), 0);
        ck_assert_str_eq(req.name, "web");
        ck_assert_int_eq(req.verb, VERB_RUN);
        ck_assert_int_eq(parse(v2, 5, &req, &err), 0);
        ck_assert_str_eq(req.name, "a.b_c-1");
        ck_assert_str_eq(req.command[0], "true");
        ck_assert_int_eq(parse(v3, 3, &req, &err), -EINVAL);
        ck_assert_msg(strstr(err.msg, "'../x' is not a valid sandbox name"),
                      "%s", err.msg);
        ck_assert_int_eq(parse(v4, 4, &req, &err), -EINVAL);
        ck_assert_msg(strstr(err.msg, "cannot be empty"), "%s", err.msg);
        /* A name is for running a command, not for a verb. */
        ck_assert_int_eq(parse(v5, 3, &req, &err), -EINVAL);
        ck_assert_msg(strstr(err.msg, "--name names a sandbox to run"), "%s",
                      err.msg);
        ck_assert_int_eq(parse(v6, 4, &req, &err), -EINVAL);
        /* Without it, no name. */
        char **v7 = ARGV("true");
        ck_assert_int_eq(parse(v7, 2, &req, &err), 0);
        ck_assert_ptr_null(req.name);
}
END_TEST

START_TEST(verb_table)
{
        /* Every row is complete, and each name is found as itself. */
        size_t n = 0;
        for (const struct cmd_verb *v = cmd_verbs; v->name; v++, n++) {
                ck_assert_ptr_nonnull(v->usage);
                ck_assert_ptr_nonnull(v->summary);
                ck_assert_ptr_nonnull(v->run);
                ck_assert_ptr_eq(cmd_verb_find(v->name), v);
        }
        ck_assert_uint_gt(n, 0);
        ck_assert_ptr_null(cmd_verb_find("no-such-verb"));
}
END_TEST

int main(void)
{
        Suite *s = suite_create("cli");
        TCase *tc = tcase_create("cli");
        tcase_add_test(tc, profile_and_command);
        tcase_add_test(tc, double_dash_and_short_options);
        tcase_add_test(tc, help_version_quiet);
        tcase_add_test(tc, errors);
        tcase_add_test(tc, verbs);
        tcase_add_test(tc, verb_table);
        tcase_add_test(tc, names);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
