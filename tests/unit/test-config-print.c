/* Unit tests for sb_config_print (src/config-print.c): what it writes for
 * known configs, and that every valid fixture and shipped profile prints
 * as a profile that loads back to the same text (the fuzzer checks the
 * same property on random input). */
#include <check.h>

#include "unit.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config-print.h"
#include "config.h"
#include "profile.h"
#include "seccomp-filter.h"
#include "util.h"

#define DATA SB_TEST_DATADIR "/profiles"

static const char *const no_dirs[] = { NULL };

static const struct sb_profile_env env = {
        .home = "/home/tester",
        .user = "tester",
        .uid = 1000,
        .gid = 1000,
        .xdg_runtime_dir = "/run/user/1000",
        .app = "app",
        .cwd = "/home/tester/work",
        .search_dirs = no_dirs,
};

static char *print(const struct sb_config *cfg)
{
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        ck_assert_ptr_nonnull(f);
        sb_config_print(cfg, f);
        ck_assert_int_eq(fclose(f), 0);
        return out;
}

/* Load text (or the file `path` when text is NULL); the printed config,
 * or a failure with the diagnostics. */
static char *load_print(const char *text, const char *path)
{
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        int r = text ? profile_load_string(text, "test.profile", &env, &cfg, &d)
                     : profile_load(path, &env, &cfg, &d);
        ck_assert_msg(r == 0, "%s: %s", text ? "text" : path,
                      d.n ? d.msgs[0] : "?");
        char *out = print(&cfg);
        sb_diags_free(&d);
        sb_config_free(&cfg);
        return out;
}

static void assert_fixed_point(const char *path)
{
        char *first = load_print(NULL, path);
        char *second = load_print(first, NULL);
        /* The first names its file, the second "test.profile". */
        const char *a = strchr(first, '\n'), *b = strchr(second, '\n');
        ck_assert_msg(a && b && strcmp(a, b) == 0,
                      "%s prints differently once reloaded:\n%s\n---\n%s",
                      path, first, second);
        free(first);
        free(second);
}

START_TEST(defaults)
{
        struct sb_config cfg;
        sb_config_init(&cfg);
        char *out = print(&cfg);
        ck_assert_str_eq(
                out,
                "namespaces = [ \"user\", \"mount\", \"pid\", \"uts\", "
                "\"ipc\", \"net\", \"cgroup\" ];\n"
                "hostname = \"sandbox\";\n"
                "environment = {\n  clear = true;\n  keep = [ \"TERM\", "
                "\"COLORTERM\", \"LANG\", \"LANGUAGE\", \"LC_*\", \"TZ\", "
                "\"HOME\", \"USER\", \"LOGNAME\", \"PATH\" ];\n  set = { };\n"
                "};\n"
                "rlimits = { };\n"
                "process = {\n  umask = \"022\";\n  new_session = true;\n"
                "  die_with_parent = true;\n};\n"
                "capabilities = { keep = [ ]; };\n"
                "filesystem = {\n  root = \"host\";\n  mounts = ( );\n"
                "  unmask = [ ];\n};\n"
                "devices = [ \"null\", \"zero\", \"full\", \"random\", "
                "\"urandom\", \"tty\" ];\n"
                "seccomp = {\n  enabled = true;\n  default = \"allow\";\n"
                "  action = \"errno\";\n  errno = 1;\n"
                "  foreign_abis = false;\n  deny = [ ];\n  allow = [ ];\n};\n"
                "network = {\n  mode = \"none\";\n};\n"
                "joinable = true;\n");
        free(out);
        sb_config_free(&cfg);
}
END_TEST

/* profile show: every setting with the FILE:LINE that made it, included
 * files' settings with the include's name, defaults marked so. */
START_TEST(traced)
{
        char dir[] = "/tmp/sb-print-XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(dir));
        char *inc = xasprintf("%s/part.inc", dir);
        char *top = xasprintf("%s/top.profile", dir);
        FILE *f = fopen(inc, "w");
        ck_assert_ptr_nonnull(f);
        fputs("hostname = \"a\";\nrlimits = { nofile = 9; };\n"
              "filesystem = { home = { writable = [ \"x\" ]; }; };\n", f);
        ck_assert_int_eq(fclose(f), 0);
        f = fopen(top, "w");
        ck_assert_ptr_nonnull(f);
        fputs("include = [ \"part.inc\" ];\n\nhostname = \"b\";\n"
              "filesystem = { home = { writable = [ \"y\" ]; };\n"
              "  mounts = ( { type = \"tmpfs\"; target = \"/t\"; } ); };\n",
              f);
        ck_assert_int_eq(fclose(f), 0);

        struct sb_config cfg;
        struct sb_diags d = { 0 };
        struct sb_origins o = { 0 };
        sb_config_init(&cfg);
        ck_assert_int_eq(profile_load_traced(top, &env, &cfg, &d, &o), 0);
        char *out = NULL;
        size_t len = 0;
        f = open_memstream(&out, &len);
        sb_config_print_traced(&cfg, &o, f);
        ck_assert_int_eq(fclose(f), 0);
        char *want = xasprintf("hostname = \"b\";  # %s:3\n", top);
        ck_assert_msg(strstr(out, want), "%s", out);
        free(want);
        want = xasprintf("  nofile = [ \"9\", \"9\" ];  # %s:2\n", inc);
        ck_assert_msg(strstr(out, want), "%s", out);
        free(want);
        want = xasprintf("# %s:3, %s:4\n", inc, top);
        ck_assert_msg(strstr(out, want), "%s", out);
        free(want);
        want = xasprintf("optional = false; }  # %s:5\n", top);
        ck_assert_msg(strstr(out, want), "%s", out);
        free(want);
        ck_assert_ptr_nonnull(strstr(out, "  foreign_abis = false;  # default\n"));
        ck_assert_ptr_nonnull(strstr(out, "# files applied, in order:\n"));
        /* In the order they apply: the include first. */
        want = xasprintf("#   %s\n#   %s\n", inc, top);
        ck_assert_msg(strstr(out, want), "%s", out);
        free(want);
        free(out);
        sb_origins_free(&o);
        sb_diags_free(&d);
        sb_config_free(&cfg);
        unlink(inc);
        unlink(top);
        rmdir(dir);
        free(inc);
        free(top);
}
END_TEST

START_TEST(values)
{
        char *out = load_print(
                "description = \"say \\\"hi\\\"\\n\\x01\";\n"
                "namespaces = [ \"user\", \"pid\" ];\n"
                "rlimits = { nofile = [ 10, 20 ]; as = \"5G\"; "
                "core = \"unlimited\"; };\n"
                "process = { user = 12345; cwd = \"/srv\"; umask = \"7\"; };\n"
                "capabilities = { keep = [ \"CAP_CHOWN\" ]; };\n"
                "environment = { set = { A = \"x\"; }; };\n",
                NULL);
        /* Escapes; no hostname without the uts namespace; limits as
         * decimal strings; ids as numbers with the group explicit. */
        ck_assert_ptr_nonnull(
                strstr(out, "description = \"say \\\"hi\\\"\\n\\x01\";\n"));
        ck_assert_ptr_nonnull(strstr(out, "namespaces = [ \"user\", \"pid\" ];"));
        ck_assert_ptr_null(strstr(out, "hostname"));
        ck_assert_ptr_nonnull(strstr(out, "  core = [ \"unlimited\", \"unlimited\" ];"));
        ck_assert_ptr_nonnull(strstr(out, "  nofile = [ \"10\", \"20\" ];"));
        ck_assert_ptr_nonnull(strstr(out, "  as = [ \"5368709120\", \"5368709120\" ];"));
        ck_assert_ptr_nonnull(strstr(out, "  user = \"12345\";\n  group = \"12345\";\n"));
        ck_assert_ptr_nonnull(strstr(out, "  cwd = \"/srv\";\n  umask = \"007\";"));
        ck_assert_ptr_nonnull(strstr(out, "capabilities = { keep = [ \"chown\" ]; };"));
        ck_assert_ptr_nonnull(strstr(out, "    A = \"x\";"));
        free(out);
}
END_TEST

START_TEST(desktop_group)
{
        char *out = load_print("desktop = { x11 = true; dbus = \"filtered\";\n"
                               "  dbus_talk = [ \"org.a.B\", \"org.c.*\" ]; };\n",
                               NULL);
        ck_assert_ptr_nonnull(strstr(out,
                "desktop = {\n  x11 = true;\n  wayland = false;\n"
                "  pulseaudio = false;\n  pipewire = false;\n"
                "  dbus = \"filtered\";\n"
                "  dbus_talk = [ \"org.a.B\", \"org.c.*\" ];\n"
                "  gpu = false;\n};\n"));
        ck_assert_ptr_null(strstr(out, "dbus_own"));
        char *again = load_print(out, NULL);
        ck_assert_str_eq(strchr(out, '\n'), strchr(again, '\n'));
        free(again);
        free(out);
        /* A profile without the group prints none. */
        out = load_print("hostname = \"x\";\n", NULL);
        ck_assert_ptr_null(strstr(out, "desktop"));
        free(out);
}
END_TEST

/* A joined process rebuilds its seccomp filter from the printed profile:
 * everything the filter depends on must come back unchanged. */
START_TEST(seccomp_and_joinable_round_trip)
{
        static const char *const texts[] = {
                "seccomp = { default = \"deny\"; allow = [ \"@chown\", "
                "\"?nosuchcall\", \"read\" ]; deny = [ \"mount\" ]; "
                "action = \"kill\"; errno = \"EACCES\"; "
                "foreign_abis = true; };\njoinable = false;\n",
                "seccomp = { enabled = false; };\n",
                "seccomp = { action = \"log\"; deny = [ \"@mount\" ]; };\n",
                "",
        };
        for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
                struct sb_config a, b;
                struct sb_diags d = { 0 };
                sb_config_init(&a);
                sb_config_init(&b);
                ck_assert_int_eq(profile_load_string(texts[i], "a.profile",
                                                     &env, &a, &d), 0);
                char *out = print(&a);
                ck_assert_msg(profile_load_string(out, "b.profile", &env, &b,
                                                  &d) == 0,
                              "%s: %s", out, d.n ? d.msgs[0] : "?");
                char *ka = seccomp_config_key(&a.seccomp);
                char *kb = seccomp_config_key(&b.seccomp);
                ck_assert_str_eq(ka, kb);
                ck_assert_int_eq(a.joinable, b.joinable);
                ck_assert_int_eq(a.joinable, i != 0);
                free(ka);
                free(kb);
                free(out);
                sb_diags_free(&d);
                sb_config_free(&a);
                sb_config_free(&b);
        }
}
END_TEST

static void each_profile_in(const char *dir)
{
        ck_assert_int_eq(chdir(dir), 0);
        DIR *d = opendir(".");
        ck_assert_ptr_nonnull(d);
        unsigned n = 0;
        struct dirent *de;
        while ((de = readdir(d))) {
                if (de->d_name[0] == '.' ||
                    !str_has_suffix(de->d_name, ".profile"))
                        continue;
                assert_fixed_point(de->d_name);
                n++;
        }
        closedir(d);
        ck_assert_uint_ge(n, 1);
}

START_TEST(valid_fixtures_round_trip)
{
        each_profile_in(DATA "/valid");
}
END_TEST

START_TEST(shipped_profiles_round_trip)
{
        each_profile_in(SB_TEST_DATADIR "/../../profiles");
}
END_TEST

int main(void)
{
        Suite *s = suite_create("config-print");
        TCase *tc = tcase_create("config-print");
        tcase_add_test(tc, defaults);
        tcase_add_test(tc, values);
        tcase_add_test(tc, traced);
        tcase_add_test(tc, desktop_group);
        tcase_add_test(tc, seccomp_and_joinable_round_trip);
        tcase_add_test(tc, valid_fixtures_round_trip);
        tcase_add_test(tc, shipped_profiles_round_trip);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
