/* Unit tests for everything of checkpoint/restore up to CRIU itself
 * (src/criu.c): the command lines, running a program with a clean
 * environment, the message of a failed `criu check`, the image
 * directory's checks, and the recorded state and profile round trip.
 * Also the profile-copy checks of the join path (sb_join_config_load). */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config-print.h"
#include "criu.h"
#include "profile.h"
#include "sandbox.h"
#include "state.h"
#include "util.h"

static char *joined(char **v)
{
        char *s = xstrdup("");
        for (size_t i = 0; v[i]; i++) {
                char *n = xasprintf("%s%s%s", s, i ? " " : "", v[i]);
                free(s);
                s = n;
        }
        return s;
}

START_TEST(dump_argv)
{
        struct criu_dump_opts o = { .criu = "/usr/sbin/criu", .pid = 4242,
                                    .images_dir = "/srv/img" };
        char **v = criu_dump_argv(&o);
        char *s = joined(v);
        ck_assert_str_eq(s, "/usr/sbin/criu dump --images-dir /srv/img "
                            "--log-file dump.log --manage-cgroups=soft "
                            "--tcp-established --ext-unix-sk --file-locks "
                            "--tree 4242");
        free(s);
        strv_free(v);
        o.leave_running = true;
        o.shell_job = true;
        v = criu_dump_argv(&o);
        s = joined(v);
        ck_assert_ptr_nonnull(strstr(s, "--tree 4242 --leave-running "
                                        "--shell-job"));
        free(s);
        strv_free(v);
}
END_TEST

START_TEST(restore_argv)
{
        struct criu_restore_opts o = { .criu = "/usr/sbin/criu",
                                       .images_dir = "/srv/img",
                                       .pidfile = "/srv/img/restore.pid" };
        char **v = criu_restore_argv(&o);
        char *s = joined(v);
        ck_assert_str_eq(s, "/usr/sbin/criu restore --images-dir /srv/img "
                            "--log-file restore.log --manage-cgroups=soft "
                            "--tcp-established --ext-unix-sk --file-locks "
                            "--restore-detached --restore-sibling "
                            "--pidfile /srv/img/restore.pid");
        free(s);
        strv_free(v);
}
END_TEST

static char *tmpdir(void)
{
        char *d = xstrdup("/tmp/sb-criu-test.XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(d));
        return d;
}

static void rmtree(const char *d)
{
        char *cmd = xasprintf("rm -rf '%s'", d);
        ck_assert_int_eq(system(cmd), 0);
        free(cmd);
}

static char *write_script(const char *dir, const char *body)
{
        char *path = xasprintf("%s/fake-criu", dir);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fprintf(f, "#!/bin/sh\n%s\n", body);
        fclose(f);
        ck_assert_int_eq(chmod(path, 0700), 0);
        return path;
}

START_TEST(spawn_clean_environment)
{
        setenv("SB_SHOULD_NOT_PASS", "1", 1);
        char *d = tmpdir();
        char *prog = write_script(d, "env; echo to-stderr >&2; exit 3");
        char *argv[] = { prog, NULL };
        int status = -1;
        char *out = NULL;
        struct sb_error e = { 0 };
        ck_assert_int_eq(criu_spawn(argv, &status, &out, &e), 0);
        ck_assert_int_eq(status, 3);
        ck_assert_ptr_null(strstr(out, "SB_SHOULD_NOT_PASS"));
        ck_assert_ptr_nonnull(strstr(out, "PATH=/usr/sbin:/usr/bin:/sbin:/bin"));
        ck_assert_ptr_nonnull(strstr(out, "to-stderr"));
        free(out);
        free(prog);
        rmtree(d);
        free(d);
}
END_TEST

START_TEST(check_failure_message)
{
        char *d = tmpdir();
        char *prog = write_script(
                d, "echo 'Error (criu/vdso.c:381): vdso: Unexpected rt vDSO "
                   "area bounds'; exit 1");
        struct sb_error e = { 0 };
        ck_assert_int_eq(criu_check(prog, &e), -ENOTSUP);
        ck_assert_msg(strstr(e.msg, "criu check failed: ") == e.msg, "%s",
                      e.msg);
        ck_assert_msg(strstr(e.msg, "vDSO area bounds; checkpoint/restore is "
                                    "not available on this host"),
                      "%s", e.msg);
        free(prog);
        prog = write_script(d, "exit 0");
        ck_assert_int_eq(criu_check(prog, &e), 0);
        free(prog);
        rmtree(d);
        free(d);
}
END_TEST

START_TEST(images_dir_checks)
{
        char *d = tmpdir();
        struct sb_error e = { 0 };
        int fd = -1;
        ck_assert_int_eq(chmod(d, 0700), 0);
        ck_assert_int_eq(criu_images_dir_open(d, &fd, &e), 0);
        ck_assert_int_ge(fd, 0);
        ck_assert(fcntl(fd, F_GETFD) & FD_CLOEXEC);
        close(fd);

        char *missing = xasprintf("%s/missing", d);
        ck_assert_int_eq(criu_images_dir_open(missing, &fd, &e), -ENOENT);

        char *link = xasprintf("%s/link", d);
        char *real = xasprintf("%s/real", d);
        ck_assert_int_eq(mkdir(real, 0700), 0);
        ck_assert_int_eq(symlink(real, link), 0);
        ck_assert_int_lt(criu_images_dir_open(link, &fd, &e), 0);

        ck_assert_int_eq(chmod(real, 0770), 0);
        ck_assert_int_eq(criu_images_dir_open(real, &fd, &e), -EPERM);
        ck_assert_msg(strstr(e.msg, "writable by others"), "%s", e.msg);
        ck_assert_int_eq(chmod(real, 0755), 0);
        ck_assert_int_eq(criu_images_dir_open(real, &fd, &e), 0);
        close(fd);

        if (geteuid() == 0) {
                ck_assert_int_eq(chown(real, 12345, 12345), 0);
                ck_assert_int_eq(criu_images_dir_open(real, &fd, &e), -EPERM);
                ck_assert_msg(strstr(e.msg, "belongs to uid 12345"), "%s",
                              e.msg);
        }
        free(missing);
        free(link);
        free(real);
        rmtree(d);
        free(d);
}
END_TEST

static char *print(const struct sb_config *cfg)
{
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        sb_config_print(cfg, f);
        fclose(f);
        return out;
}

static const char *const sample_profile =
        "namespaces = [ \"user\", \"mount\", \"pid\" ];\n"
        "rlimits = { nofile = [ 64, 128 ]; };\n"
        "process = { umask = \"027\"; new_session = false; };\n"
        "seccomp = { deny = [ \"@mount\", \"?nosuchcall\" ]; "
        "action = \"kill\"; };\n"
        "joinable = false;\n";

static void load_sample(struct sb_config *cfg)
{
        static const char *const no_dirs[] = { NULL };
        struct sb_profile_env env = { .home = "/", .user = "u", .uid = 1,
                                      .gid = 1, .app = "a",
                                      .search_dirs = no_dirs };
        struct sb_diags d = { 0 };
        sb_config_init(cfg);
        ck_assert_int_eq(profile_load_string(sample_profile, "s.profile",
                                             &env, cfg, &d), 0);
        sb_diags_free(&d);
}

START_TEST(record_round_trip)
{
        char *d = tmpdir();
        int dir = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ck_assert_int_ge(dir, 0);
        struct sb_state *st = xcalloc(1, sizeof(*st));
        st->name = xstrdup("web-1");
        st->owner = getuid();
        st->launcher_pid = 10;
        st->launcher_start = 11;
        st->init_pid = 12;
        st->init_start = 13;
        st->profile = xstrdup("/etc/sandbox/web.profile");
        st->joinable = false;
        st->created = 1700000000;
        st->command = xcalloc(3, sizeof(char *));
        st->command[0] = xstrdup("httpd");
        st->command[1] = xstrdup("-f");
        struct sb_config cfg;
        load_sample(&cfg);
        struct sb_error e = { 0 };
        ck_assert_msg(criu_record(dir, st, &cfg, &e) == 0, "%s", e.msg);

        struct stat s;
        ck_assert_int_eq(fstatat(dir, CRIU_PROFILE_FILE, &s, 0), 0);
        ck_assert_int_eq(s.st_mode & 0777, 0600);
        ck_assert_int_eq(fstatat(dir, CRIU_STATE_FILE, &s, 0), 0);
        ck_assert_int_eq(s.st_mode & 0777, 0600);

        struct sb_state *back = NULL;
        struct sb_config cfg2;
        sb_config_init(&cfg2);
        ck_assert_msg(criu_recorded(dir, d, &back, &cfg2, &e) == 0, "%s",
                      e.msg);
        ck_assert_str_eq(back->name, "web-1");
        ck_assert_str_eq(back->profile, "/etc/sandbox/web.profile");
        ck_assert_str_eq(back->command[0], "httpd");
        ck_assert_str_eq(back->command[1], "-f");
        ck_assert_ptr_null(back->command[2]);
        ck_assert(!back->joinable);
        ck_assert(!cfg2.joinable);
        /* Alike but for the first line, which names the file. */
        char *a = print(&cfg), *b = print(&cfg2);
        ck_assert_str_eq(strchr(a, '\n'), strchr(b, '\n'));
        free(a);
        free(b);
        sb_config_free(&cfg2);
        sb_state_free(back);

        /* A profile that others may write is refused. */
        ck_assert_int_eq(fchmodat(dir, CRIU_PROFILE_FILE, 0622, 0), 0);
        sb_config_init(&cfg2);
        ck_assert_int_eq(criu_recorded(dir, d, &back, &cfg2, &e), -EPERM);
        ck_assert_msg(strstr(e.msg, "writable by others"), "%s", e.msg);
        sb_config_free(&cfg2);
        /* So is a state file that is not a regular file of ours. */
        ck_assert_int_eq(fchmodat(dir, CRIU_PROFILE_FILE, 0600, 0), 0);
        ck_assert_int_eq(unlinkat(dir, CRIU_STATE_FILE, 0), 0);
        ck_assert_int_eq(symlinkat("/etc/passwd", dir, CRIU_STATE_FILE), 0);
        sb_config_init(&cfg2);
        ck_assert_int_lt(criu_recorded(dir, d, &back, &cfg2, &e), 0);
        sb_config_free(&cfg2);

        sb_state_free(st);
        sb_config_free(&cfg);
        close(dir);
        rmtree(d);
        free(d);
}
END_TEST

/* The profile copy a joined process is built from. */
START_TEST(profile_copy_checks)
{
        char *d = tmpdir();
        char *p = xasprintf("%s/profile", d);
        FILE *f = fopen(p, "w");
        fputs(sample_profile, f);
        fclose(f);
        ck_assert_int_eq(chmod(p, 0600), 0);
        struct sb_config cfg;
        struct sb_error e = { 0 };
        sb_config_init(&cfg);
        ck_assert_msg(sb_join_config_load(p, &cfg, &e) == 0, "%s", e.msg);
        ck_assert(!cfg.joinable);
        ck_assert(cfg.seccomp.action == SB_SECCOMP_KILL);
        ck_assert_uint_eq(cfg.rlimits[RLIMIT_NOFILE].hard, 128);
        sb_config_free(&cfg);

        ck_assert_int_eq(chmod(p, 0602), 0);
        sb_config_init(&cfg);
        ck_assert_int_eq(sb_join_config_load(p, &cfg, &e), -EPERM);
        ck_assert_msg(strstr(e.msg, "writable by others"), "%s", e.msg);
        sb_config_free(&cfg);
        ck_assert_int_eq(chmod(p, 0600), 0);

        char *l = xasprintf("%s/link", d);
        ck_assert_int_eq(symlink(p, l), 0);
        sb_config_init(&cfg);
        ck_assert_int_eq(sb_join_config_load(l, &cfg, &e), -ELOOP);
        sb_config_free(&cfg);

        if (geteuid() == 0) {
                ck_assert_int_eq(chown(p, 12345, 12345), 0);
                sb_config_init(&cfg);
                ck_assert_int_eq(sb_join_config_load(p, &cfg, &e), -EPERM);
                ck_assert_msg(strstr(e.msg, "belongs to uid 12345"), "%s",
                              e.msg);
                sb_config_free(&cfg);
        }
        f = fopen(p, "w");
        fputs("joinable = 3;\n", f);
        fclose(f);
        sb_config_init(&cfg);
        ck_assert_int_lt(sb_join_config_load(p, &cfg, &e), 0);
        sb_config_free(&cfg);
        free(l);
        free(p);
        rmtree(d);
        free(d);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("criu");
        TCase *tc = tcase_create("criu");
        tcase_add_test(tc, dump_argv);
        tcase_add_test(tc, restore_argv);
        tcase_add_test(tc, spawn_clean_environment);
        tcase_add_test(tc, check_failure_message);
        tcase_add_test(tc, images_dir_checks);
        tcase_add_test(tc, record_round_trip);
        tcase_add_test(tc, profile_copy_checks);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
