/* Unit tests for Desktop Entry files (src/desktop-entry.c): Exec
 * splitting and quoting by the specification's rules, field codes,
 * actions, DBusActivatable, the marks, and files that must be refused. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "desktop-entry.h"
#include "util.h"

#define SB "/usr/bin/sandbox"

static char **split_ok(const char *value)
{
        char **argv = NULL;
        const char *why = NULL;
        ck_assert_msg(desktop_exec_split(value, &argv, &why) == 0, "%s: %s",
                      value, why ? why : "");
        return argv;
}

static void expect_split(const char *value, const char *const *want)
{
        char **argv = split_ok(value);
        size_t n = 0;
        for (; want[n]; n++) {
                ck_assert_msg(argv[n] != NULL, "%s: missing arg %zu", value, n);
                ck_assert_str_eq(argv[n], want[n]);
        }
        ck_assert_msg(argv[n] == NULL, "%s: extra '%s'", value, argv[n]);
        strv_free(argv);
}

START_TEST(split_plain_and_field_codes)
{
        expect_split("firefox %u", (const char *[]){ "firefox", "%u", NULL });
        expect_split("  a   b\tc  ", (const char *[]){ "a", "b", "c", NULL });
        expect_split("/usr/bin/x %F --name=%c %%",
                     (const char *[]){ "/usr/bin/x", "%F", "--name=%c", "%%",
                                       NULL });
}
END_TEST

START_TEST(split_quoting)
{
        /* In the file: \\ is one backslash (string escape), then the
         * Exec quoting takes \" \` \$ \\ inside double quotes. */
        expect_split("sh -c \"echo \\\\\"hi\\\\\" \\\\$HOME\"",
                     (const char *[]){ "sh", "-c", "echo \"hi\" $HOME",
                                       NULL });
        expect_split("\"/opt/My App/run\" --x", (const char *[]){
                             "/opt/My App/run", "--x", NULL });
        expect_split("a\"b c\"d", (const char *[]){ "ab cd", NULL });
        expect_split("\"\"", (const char *[]){ "", NULL });
        /* \s is a space, undone before the quoting rule: it separates. */
        expect_split("a\\sb", (const char *[]){ "a", "b", NULL });
        expect_split("\"a\\sb\"", (const char *[]){ "a b", NULL });
        /* A backslash before an unknown letter stays. */
        expect_split("a\\qb", (const char *[]){ "a\\qb", NULL });
        /* The common sloppy form: \" directly in the file. */
        expect_split("sh -c \"x \\\"y\\\"\"", (const char *[]){ "sh", "-c",
                                                          "x \"y\"", NULL });
}
END_TEST

START_TEST(split_refusals)
{
        char **argv;
        const char *why;
        ck_assert_int_eq(desktop_exec_split("a \"b", &argv, &why), -EINVAL);
        ck_assert_str_eq(why, "a quote is not closed");
        ck_assert_int_eq(desktop_exec_split("", &argv, &why), -EINVAL);
        ck_assert_int_eq(desktop_exec_split("   ", &argv, &why), -EINVAL);
        ck_assert_int_eq(desktop_exec_split("\"x\\\\\"", &argv, &why),
                         -EINVAL);      /* the quote is escaped */
}
END_TEST

START_TEST(quote_round_trip)
{
        const char *args[] = { "plain", "with space", "q\"uote", "back\\slash",
                               "dollar$x", "back`tick", "100%", "%f",
                               "tab\there", "", "new\nline", "semi;colon",
                               "~home", "a*b?c", NULL };
        for (size_t i = 0; args[i]; i++) {
                char *q = desktop_exec_quote(args[i]);
                char *value = xasprintf("prog %s", q);
                char **argv = split_ok(value);
                ck_assert_ptr_nonnull(argv[1]);
                /* % comes back doubled: the desktop undoes that when it
                 * expands field codes, not the splitter. */
                char *want = xstrdup(args[i]);
                if (strchr(args[i], '%')) {
                        free(want);
                        want = xstrdup(strcmp(args[i], "%f") == 0 ? "%%f"
                                                                 : "100%%");
                }
                ck_assert_str_eq(argv[1], want);
                ck_assert_ptr_null(argv[2]);
                free(want);
                strv_free(argv);
                free(value);
                free(q);
        }
        char *q = desktop_exec_quote("plain");
        ck_assert_str_eq(q, "plain");
        free(q);
        q = desktop_exec_quote("a b");
        ck_assert_str_eq(q, "\"a b\"");
        free(q);
        q = desktop_exec_quote("a\\b c");
        /* Exec quoting doubles it, then the string escape doubles both. */
        ck_assert_str_eq(q, "\"a\\\\\\\\b c\"");
        free(q);
}
END_TEST

static char *wrap_ok(const char *text, const char *profile,
                     struct desktop_wrap *info)
{
        char *out = NULL, *why = NULL;
        int r = desktop_entry_wrap(text, strlen(text), SB, profile, &out,
                                   info, &why);
        ck_assert_msg(r == 0, "refused: %s", why ? why : "");
        return out;
}

static void wrap_refused(const char *text, const char *why_part)
{
        char *out = NULL, *why = NULL;
        struct desktop_wrap info;
        int r = desktop_entry_wrap(text, strlen(text), SB, "p", &out, &info,
                                   &why);
        ck_assert_msg(r == -EINVAL, "accepted: %s", text);
        ck_assert_msg(why && strstr(why, why_part), "why '%s', wanted '%s'",
                      why ? why : "(null)", why_part);
        ck_assert_ptr_null(out);
        free(why);
}

START_TEST(wrap_basic)
{
        const char *in = "[Desktop Entry]\n"
                         "# keep me\n"
                         "Type=Application\n"
                         "Name=Viewer\n"
                         "Name[fr]=Visionneuse\n"
                         "TryExec=viewer\n"
                         "Exec=viewer --new-window %U\n"
                         "\n"
                         "[X-Other]\n"
                         "Exec=not-touched\n";
        struct desktop_wrap info;
        char *out = wrap_ok(in, "viewer", &info);
        ck_assert_str_eq(out,
                         "[Desktop Entry]\n"
                         "# keep me\n"
                         "Type=Application\n"
                         "Name=Viewer\n"
                         "Name[fr]=Visionneuse\n"
                         "TryExec=viewer\n"
                         "Exec=" SB " --profile=viewer -- viewer --new-window %U\n"
                         "X-Sandbox-Wrapped=true\n"
                         "X-Sandbox-Profile=viewer\n"
                         "\n"
                         "[X-Other]\n"
                         "Exec=not-touched\n");
        ck_assert_str_eq(info.program, "viewer");
        ck_assert(!info.had_dbus_activatable);
        ck_assert_uint_eq(info.n_actions, 0);
        char *profile = NULL;
        ck_assert(desktop_entry_is_wrapped(out, strlen(out), &profile));
        ck_assert_str_eq(profile, "viewer");
        free(profile);
        ck_assert(!desktop_entry_is_wrapped(in, strlen(in), NULL));
        /* Our own output is refused as a source: no double wrapping. */
        wrap_refused(out, "written by sandbox already");
        desktop_wrap_free(&info);
        free(out);
}
END_TEST

START_TEST(wrap_actions_quotes_and_dbus)
{
        const char *in = "[Desktop Entry]\r\n"
                         "Type = Application\n"
                         "Exec = \"/opt/My App/bin/app\" \"--title=a \\\\\"b\\\\\"\" %F\n"
                         "DBusActivatable=true\n"
                         "Actions=new;private;\n"
                         "[Desktop Action new]\n"
                         "Exec=/opt/app --new\n"
                         "[Desktop Action private]\n"
                         "Name=Private\n"
                         "Exec=app --private %u";      /* no final newline */
        struct desktop_wrap info;
        char *out = wrap_ok(in, "My Profile", &info);
        ck_assert_str_eq(info.program, "/opt/My App/bin/app");
        ck_assert(info.had_dbus_activatable);
        ck_assert_uint_eq(info.n_actions, 2);
        ck_assert_ptr_nonnull(strstr(out, "DBusActivatable=false\n"));
        ck_assert_ptr_null(strstr(out, "DBusActivatable=true"));
        /* The original Exec is kept exactly as written; the profile is
         * quoted since it has a space. */
        ck_assert_ptr_nonnull(strstr(out,
                "Exec=" SB " \"--profile=My Profile\" -- \"/opt/My App/bin/app\" "
                "\"--title=a \\\\\"b\\\\\"\" %F\n"));
        ck_assert_ptr_nonnull(strstr(out, "Exec=" SB " \"--profile=My Profile\" -- "
                                          "/opt/app --new\n"));
        ck_assert(str_has_suffix(out, "Exec=" SB " \"--profile=My Profile\" -- "
                                      "app --private %u"));
        /* The rewritten Exec splits into sandbox, its options, then the
         * original argv unchanged. */
        const char *e = strstr(out, "Exec=") + 5;
        char *line = xstrndup(e, strcspn(e, "\n"));
        char **argv = split_ok(line);
        ck_assert_str_eq(argv[0], SB);
        ck_assert_str_eq(argv[1], "--profile=My Profile");
        ck_assert_str_eq(argv[2], "--");
        ck_assert_str_eq(argv[3], "/opt/My App/bin/app");
        ck_assert_str_eq(argv[4], "--title=a \"b\"");
        ck_assert_str_eq(argv[5], "%F");
        ck_assert_ptr_null(argv[6]);
        strv_free(argv);
        free(line);
        /* The marks go into [Desktop Entry], not an action. */
        const char *mark = strstr(out, "X-Sandbox-Wrapped=true");
        ck_assert_ptr_nonnull(mark);
        ck_assert(mark < strstr(out, "[Desktop Action new]"));
        ck_assert(desktop_entry_is_wrapped(out, strlen(out), NULL));
        /* A CRLF line stays CRLF. */
        ck_assert(str_has_prefix(out, "[Desktop Entry]\r\n"));
        desktop_wrap_free(&info);
        free(out);
}
END_TEST

START_TEST(wrap_sandbox_path_and_percent)
{
        const char *in = "[Desktop Entry]\nType=Application\nExec=x\n";
        char *out = NULL, *why = NULL;
        struct desktop_wrap info;
        ck_assert_int_eq(desktop_entry_wrap(in, strlen(in), "/opt/sand box/sb",
                                            "50%", &out, &info, &why),
                         0);
        ck_assert_ptr_nonnull(strstr(out, "Exec=\"/opt/sand box/sb\" "
                                          "--profile=50%% -- x\n"));
        free(out);
        desktop_wrap_free(&info);
        ck_assert_int_eq(desktop_entry_wrap(in, strlen(in), SB, "a\nb", &out,
                                            &info, &why),
                         -EINVAL);
        free(why);
}
END_TEST

START_TEST(wrap_long_lines)
{
        /* No fixed line buffer: a 200 KiB Name and a 100 KiB Exec. */
        size_t big = 200 * 1024;
        char *name = xmalloc(big + 1);
        memset(name, 'n', big);
        name[big] = '\0';
        char *arg = xmalloc(big / 2 + 1);
        memset(arg, 'a', big / 2);
        arg[big / 2] = '\0';
        char *in = xasprintf("[Desktop Entry]\nType=Application\nName=%s\n"
                             "Exec=prog %s\n", name, arg);
        struct desktop_wrap info;
        char *out = wrap_ok(in, "p", &info);
        ck_assert_ptr_nonnull(strstr(out, name));
        char *want = xasprintf("Exec=" SB " --profile=p -- prog %s\n", arg);
        ck_assert_ptr_nonnull(strstr(out, want));
        free(want);
        free(out);
        desktop_wrap_free(&info);
        free(in);
        /* Over 1 MiB: refused without being parsed. */
        size_t huge = DESKTOP_ENTRY_MAX + 1;
        char *h = xmalloc(huge + 1);
        memset(h, '#', huge);
        h[huge] = '\0';
        wrap_refused(h, "larger than 1 MiB");
        free(h);
        free(name);
        free(arg);
}
END_TEST

START_TEST(wrap_malformed)
{
        wrap_refused("", "no [Desktop Entry]");
        wrap_refused("# only a comment\n", "no [Desktop Entry]");
        wrap_refused("Exec=x\n[Desktop Entry]\n", "line 1: a key before");
        wrap_refused("[Other]\nExec=x\n", "line 1: the first group is not");
        wrap_refused("[Desktop Entry\nExec=x\n", "line 1: not a group header");
        wrap_refused("[Desktop Entry]\nType=Application\njust text\n",
                     "line 3: not a Key=Value line");
        wrap_refused("[Desktop Entry]\nType=Application\n=x\n",
                     "line 3: not a Key=Value");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=a \"b\n",
                     "line 3: Exec: a quote is not closed");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=\n",
                     "line 3: Exec: it is empty");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=%f\n",
                     "line 3: Exec: the program is a field code");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=a\nExec=b\n",
                     "line 4: a second Exec");
        wrap_refused("[Desktop Entry]\nType=Application\nExec[de]=a\n",
                     "line 3: Exec has no translations");
        wrap_refused("[Desktop Entry]\nType=Link\nURL=http://x\nExec=a\n",
                     "not an application");
        wrap_refused("[Desktop Entry]\nExec=a\n", "not an application");
        wrap_refused("[Desktop Entry]\nType=Application\nDBusActivatable=true\n",
                     "has no Exec: nothing to wrap");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=a\n"
                     "[Desktop Action x]\nName=X\n",
                     "a [Desktop Action] without Exec");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=a\n"
                     "[Desktop Entry]\n", "line 4: a second [Desktop Entry]");
        wrap_refused("[Desktop Entry]\nType=Application\nExec=a\n"
                     "X-Sandbox-Profile=x\n", "written by sandbox already");
        const char nul[] = "[Desktop Entry]\nType=Application\0\nExec=a\n";
        char *out, *why;
        struct desktop_wrap info;
        ck_assert_int_eq(desktop_entry_wrap(nul, sizeof(nul) - 1, SB, "p",
                                            &out, &info, &why),
                         -EINVAL);
        ck_assert_ptr_nonnull(strstr(why, "NUL"));
        free(why);
}
END_TEST

START_TEST(wrapped_detection)
{
        const char *ours = "[Desktop Entry]\nX-Sandbox-Wrapped=true\n"
                           "X-Sandbox-Profile=web\n";
        char *p = NULL;
        ck_assert(desktop_entry_is_wrapped(ours, strlen(ours), &p));
        ck_assert_str_eq(p, "web");
        free(p);
        /* Only in [Desktop Entry], and only "true". */
        const char *other = "[Desktop Entry]\nName=x\n[X-Foo]\n"
                            "X-Sandbox-Wrapped=true\n";
        ck_assert(!desktop_entry_is_wrapped(other, strlen(other), NULL));
        const char *no = "[Desktop Entry]\nX-Sandbox-Wrapped=false\n";
        ck_assert(!desktop_entry_is_wrapped(no, strlen(no), NULL));
        ck_assert(!desktop_entry_is_wrapped("", 0, NULL));
        const char *junk = "\x01\x02[[[\n=\n[Desktop Entry]\n"
                           "X-Sandbox-Wrapped=true";
        ck_assert(desktop_entry_is_wrapped(junk, strlen(junk), NULL));
}
END_TEST

int main(void)
{
        Suite *s = suite_create("desktop");
        TCase *tc = tcase_create("core");
        tcase_add_test(tc, split_plain_and_field_codes);
        tcase_add_test(tc, split_quoting);
        tcase_add_test(tc, split_refusals);
        tcase_add_test(tc, quote_round_trip);
        tcase_add_test(tc, wrap_basic);
        tcase_add_test(tc, wrap_actions_quotes_and_dbus);
        tcase_add_test(tc, wrap_sandbox_path_and_percent);
        tcase_add_test(tc, wrap_long_lines);
        tcase_add_test(tc, wrap_malformed);
        tcase_add_test(tc, wrapped_detection);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
