/* Unit tests for the state of named sandboxes: names, the state file's
 * format (round trip, escaping, bounds, malformed files), /proc parsing,
 * and the state directory itself (as an unprivileged uid, in a temporary
 * XDG_RUNTIME_DIR). */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc.h"
#include "state.h"
#include "util.h"

START_TEST(names)
{
        static const char *const good[] = { "a", "web", "Web-1.x_2", "0",
                "a234567890123456789012345678901234567890123456789012345678901234"
                        + 0 };
        for (size_t i = 0; i < ARRAY_SIZE(good) - 1; i++)
                ck_assert_msg(sb_state_name_valid(good[i]), "%s", good[i]);
        char max[SB_NAME_MAX + 2];
        memset(max, 'a', SB_NAME_MAX);
        max[SB_NAME_MAX] = '\0';
        ck_assert(sb_state_name_valid(max));
        max[SB_NAME_MAX] = 'a';
        max[SB_NAME_MAX + 1] = '\0';
        ck_assert(!sb_state_name_valid(max));
        static const char *const bad[] = { "", ".", "..", ".a", "-a", "_a",
                                           "a/b", "a b", "a\n", "é", "a:b",
                                           "a*", "/" };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
                ck_assert_msg(!sb_state_name_valid(bad[i]), "'%s'", bad[i]);
        ck_assert(!sb_state_name_valid(NULL));
        struct sb_error e = { 0 };
        ck_assert_int_eq(sb_state_name_check("a/b", &e), -EINVAL);
        ck_assert_msg(strstr(e.msg, "'a/b' is not a valid sandbox name"),
                      "%s", e.msg);
        ck_assert_int_eq(sb_state_name_check("a\033[2J", &e), -EINVAL);
        ck_assert_msg(!strchr(e.msg, '\033'), "%s", e.msg);
        ck_assert_int_eq(sb_state_name_check(max, &e), -EINVAL);
        ck_assert_msg(strstr(e.msg, "longer than 64"), "%s", e.msg);
}
END_TEST

static struct sb_state *sample(void)
{
        struct sb_state *st = xcalloc(1, sizeof(*st));
        st->name = xstrdup("web-1");
        st->owner = 1000;
        st->launcher_pid = 4321;
        st->launcher_start = 123456;
        st->init_pid = 4322;
        st->init_start = 123457;
        st->ns[SB_STATE_NS_PID] = (struct sb_ns_ident){ 4, 4026532001 };
        st->ns[SB_STATE_NS_NET] = (struct sb_ns_ident){ 4, 4026532002 };
        st->cgroup = xstrdup("sandbox-4321-123456-4026531836");
        st->profile = xstrdup("/etc/sandbox/odd\nname\\with=\ttabs\x01.profile");
        st->joinable = true;
        st->created = 1700000000;
        strv_push(&st->command, xstrdup("sh"));
        strv_push(&st->command, xstrdup("-c"));
        strv_push(&st->command, xstrdup("echo 'a=b'\nexit 3\x7f"));
        strv_push(&st->command, xstrdup(""));
        strv_push(&st->net_links, xstrdup("sb4321"));
        return st;
}

START_TEST(round_trip)
{
        struct sb_state *st = sample();
        char *text = sb_state_format(st);
        /* One line per setting: no raw control byte is written. */
        for (const char *p = text; *p; p++)
                ck_assert(*p == '\n' || (unsigned char)*p >= 0x20);
        ck_assert(strstr(text, "profile=/etc/sandbox/odd\\nname\\\\with=\\t"
                                "tabs\\x01.profile\n"));
        struct sb_state *back = NULL;
        ck_assert_int_eq(sb_state_parse(text, strlen(text), &back), 0);
        ck_assert_str_eq(back->name, st->name);
        ck_assert_uint_eq(back->owner, 1000);
        ck_assert_int_eq(back->launcher_pid, 4321);
        ck_assert_uint_eq(back->launcher_start, 123456);
        ck_assert_int_eq(back->init_pid, 4322);
        ck_assert_uint_eq(back->init_start, 123457);
        ck_assert_uint_eq(back->ns[SB_STATE_NS_PID].ino, 4026532001);
        ck_assert_uint_eq(back->ns[SB_STATE_NS_NET].ino, 4026532002);
        ck_assert_uint_eq(back->ns[SB_STATE_NS_USER].ino, 0);
        ck_assert_str_eq(back->cgroup, st->cgroup);
        ck_assert_str_eq(back->profile, st->profile);
        ck_assert(back->joinable);
        ck_assert_int_eq(back->created, 1700000000);
        ck_assert_uint_eq(strv_length(back->command), 4);
        for (size_t i = 0; i < 4; i++)
                ck_assert_str_eq(back->command[i], st->command[i]);
        ck_assert_str_eq(back->net_links[0], "sb4321");
        ck_assert_ptr_null(back->net_links[1]);
        /* The copy's path comes from the directory, never the file. */
        ck_assert_ptr_null(back->profile_copy);
        char *again = sb_state_format(back);
        ck_assert_str_eq(again, text);
        free(again);
        free(text);
        sb_state_free(back);
        sb_state_free(st);
}
END_TEST

START_TEST(long_commands_are_bounded)
{
        struct sb_state *st = sample();
        char *big = xmalloc(100000);
        memset(big, '\x01', 99999);
        big[99999] = '\0';
        for (int i = 0; i < 300; i++)
                strv_push(&st->command, xstrdup(big));
        char *text = sb_state_format(st);
        ck_assert_uint_le(strlen(text), SB_STATE_FILE_MAX);
        struct sb_state *back = NULL;
        ck_assert_int_eq(sb_state_parse(text, strlen(text), &back), 0);
        ck_assert_uint_gt(strv_length(back->command), 4);
        ck_assert_uint_eq(strlen(back->command[4]), SB_STATE_ARG_MAX);
        sb_state_free(back);
        free(text);
        free(big);
        sb_state_free(st);
}
END_TEST

/* Replace the line starting with `key=` (or add `line` when key is NULL). */
static char *edit(const char *text, const char *key, const char *line)
{
        struct sb_state *unused = NULL;
        (void)unused;
        char *out = xstrdup("");
        const char *p = text;
        while (*p) {
                const char *nl = strchr(p, '\n');
                size_t len = (size_t)(nl - p) + 1;
                bool match = key && strncmp(p, key, strlen(key)) == 0 &&
                             p[strlen(key)] == '=';
                char *n;
                if (match)
                        n = line ? xasprintf("%s%s\n", out, line)
                                 : xstrdup(out);
                else
                        n = xasprintf("%s%.*s", out, (int)len, p);
                free(out);
                out = n;
                p += len;
        }
        if (!key) {
                char *n = xasprintf("%s%s\n", out, line);
                free(out);
                out = n;
        }
        return out;
}

START_TEST(malformed_files)
{
        struct sb_state *st = sample();
        char *text = sb_state_format(st);
        sb_state_free(st);
        static const struct {
                const char *key, *line;
        } cases[] = {
                { "name", "name=../etc" },
                { "name", "name=a/b" },
                { "name", NULL },                    /* required */
                { "init_start", NULL },
                { "owner", "owner=-1" },
                { "owner", "owner=4294967295" },
                { "owner", "owner=01000" },          /* one spelling */
                { "init_pid", "init_pid=2147483648" },
                { "init_pid", "init_pid=0" },        /* start time, no pid */
                { "launcher_pid", "launcher_pid=0" },
                { "version", "version=2" },
                { "joinable", "joinable=2" },
                { "cgroup", "cgroup=/sys/fs/cgroup" },
                { "cgroup", "cgroup=a/../b" },
                { "ns.pid", "ns.pid=4" },
                { "ns.pid", "ns.pid=4:0" },
                { "ns.pid", "ns.pid=x:1" },
                { "profile", "profile=bad\\q" },      /* unknown escape */
                { "profile", "profile=bad\\x0" },
                { "profile", "profile=bad\\x00" },    /* no NUL */
                { "profile", "profile=bad\\" },
                { "profile", "profile=raw\ttab" },
                { NULL, "name=again" },              /* twice */
                { NULL, "=value" },
                { NULL, "no equals sign" },
                { NULL, "Key=upper" },
                { NULL, "net_link=a/b" },
                { NULL, "net_link=0123456789abcdef" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                char *t = edit(text, cases[i].key, cases[i].line);
                struct sb_state *s = NULL;
                ck_assert_msg(sb_state_parse(t, strlen(t), &s) == -EINVAL,
                              "case %zu: %s", i,
                              cases[i].line ? cases[i].line : cases[i].key);
                ck_assert_ptr_null(s);
                free(t);
        }
        /* Unknown keys of a newer launcher are skipped. */
        char *t = edit(text, NULL, "future_key=1");
        struct sb_state *s = NULL;
        ck_assert_int_eq(sb_state_parse(t, strlen(t), &s), 0);
        sb_state_free(s);
        free(t);
        /* Cut short, NUL inside, empty, too big. */
        ck_assert_int_eq(sb_state_parse(text, strlen(text) - 1, &s), -EINVAL);
        char *nul = xstrdup(text);
        nul[5] = '\0';
        ck_assert_int_eq(sb_state_parse(nul, strlen(text), &s), -EINVAL);
        free(nul);
        ck_assert_int_eq(sb_state_parse("", 0, &s), -EINVAL);
        char *huge = xmalloc(SB_STATE_FILE_MAX + 2);
        memset(huge, 'a', SB_STATE_FILE_MAX + 1);
        huge[SB_STATE_FILE_MAX] = '\n';
        ck_assert_int_eq(sb_state_parse(huge, SB_STATE_FILE_MAX + 1, &s),
                         -E2BIG);
        /* One value past the bound. */
        char *longv = xmalloc(SB_STATE_VALUE_MAX + 16);
        int n = snprintf(longv, 16, "profile=");
        memset(longv + n, 'p', SB_STATE_VALUE_MAX + 1);
        longv[n + SB_STATE_VALUE_MAX + 1] = '\0';
        t = edit(text, "profile", longv);
        ck_assert_int_eq(sb_state_parse(t, strlen(t), &s), -E2BIG);
        free(t);
        free(longv);
        free(huge);
        free(text);
}
END_TEST

START_TEST(stat_start_time)
{
        unsigned long long v = 0;
        ck_assert_int_eq(proc_stat_start_time(
                                 "12 (a) b) c) S 1 2 3 4 5 6 7 8 9 10 11 12 "
                                 "13 14 15 16 17 18 999 20 21",
                                 &v),
                         0);
        ck_assert_uint_eq(v, 999);
        ck_assert_int_eq(proc_stat_start_time("12 (a) S 1 2", &v), -EIO);
        ck_assert_int_eq(proc_stat_start_time("12 a S 1 2", &v), -EIO);
        ck_assert_int_eq(proc_start_time(getpid(), &v), 0);
        ck_assert_uint_gt(v, 0);
}
END_TEST

/* The state directory for real, as an unprivileged uid (the unit tests
 * may run as root, whose state root is the host's /run/sandbox). */
static char xdg[64];

static void become_user(void)
{
        snprintf(xdg, sizeof(xdg), "/tmp/sb-state-test.XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(xdg));
        if (getuid() == 0) {
                ck_assert_int_eq(chown(xdg, 65534, 65534), 0);
                ck_assert_int_eq(setresgid(65534, 65534, 65534), 0);
                ck_assert_int_eq(setresuid(65534, 65534, 65534), 0);
        }
        setenv("XDG_RUNTIME_DIR", xdg, 1);
}

START_TEST(directory_life)
{
        become_user();
        char *cmd[] = { "sleep", "1", NULL };
        struct sb_state_request req = { .name = "box", .profile = "/p",
                                        .command = cmd, .joinable = true };
        struct sb_state_lease *l = NULL;
        struct sb_error e = { 0 };
        ck_assert_int_eq(sb_state_reserve(&req, &l, &e), 0);
        char path[128];
        snprintf(path, sizeof(path), "%s/sandbox/box/state", xdg);
        struct stat st;
        ck_assert_int_eq(stat(path, &st), 0);
        ck_assert_uint_eq(st.st_mode & 07777, 0600);
        snprintf(path, sizeof(path), "%s/sandbox", xdg);
        ck_assert_int_eq(stat(path, &st), 0);
        ck_assert_uint_eq(st.st_mode & 07777, 0700);
        /* Starting: held (a second one is refused) but not loadable. */
        struct sb_state_lease *l2 = NULL;
        ck_assert_int_eq(sb_state_reserve(&req, &l2, &e), -EEXIST);
        ck_assert_msg(strstr(e.msg, "a sandbox named 'box' is already "
                                    "running (pid"), "%s", e.msg);
        struct sb_state *s = NULL;
        ck_assert_int_eq(sb_state_load("box", &s, &e), -ENOENT);
        /* Commit with ourselves as "init" (alive, so listed). */
        struct sb_config cfg;
        sb_config_init(&cfg);
        struct sb_state_run run = { .init_pid = getpid(), .cfg = &cfg };
        ck_assert_int_eq(sb_state_commit(l, &run, &e), 0);
        ck_assert_int_eq(sb_state_load("box", &s, &e), 0);
        ck_assert_int_eq(s->init_pid, getpid());
        ck_assert_uint_gt(s->ns[SB_STATE_NS_PID].ino, 0);
        ck_assert_int_eq(stat(s->profile_copy, &st), 0);
        ck_assert_uint_eq(st.st_mode & 07777, 0600);
        int pfd = -1;
        ck_assert_int_eq(sb_state_pidfd(s, &pfd, &e), 0);
        close(pfd);
        /* A recorded start time that is not init's: not that sandbox. */
        s->init_start++;
        ck_assert_int_eq(sb_state_pidfd(s, &pfd, &e), -ESRCH);
        sb_state_free(s);
        struct sb_state **v = NULL;
        size_t n = 0;
        ck_assert_int_eq(sb_state_list(&v, &n, &e), 0);
        ck_assert_uint_eq(n, 1);
        ck_assert_str_eq(v[0]->name, "box");
        sb_state_list_free(v, n);
        sb_config_free(&cfg);
        sb_state_release(l);
        snprintf(path, sizeof(path), "%s/sandbox/box", xdg);
        ck_assert_int_eq(stat(path, &st), -1);
        ck_assert_int_eq(sb_state_load("box", &s, &e), -ENOENT);
        ck_assert_str_eq(e.msg, "no sandbox named 'box'");
}
END_TEST

/* An unnamed sandbox leaves nothing on disk before it runs; its commit
 * makes the directory, profile and state at once, and release removes
 * them. */
START_TEST(unnamed_recorded_at_commit)
{
        become_user();
        char *cmd[] = { "true", NULL };
        struct sb_state_request req = { .profile = "/p", .command = cmd };
        struct sb_state_lease *l = NULL;
        struct sb_error e = { 0 };
        ck_assert_int_eq(sb_state_reserve(&req, &l, &e), 0);
        ck_assert_ptr_null(sb_state_lease_name(l));
        struct sb_state **v = NULL;
        size_t n = 0;
        ck_assert_int_eq(sb_state_list(&v, &n, &e), 0);
        ck_assert_uint_eq(n, 0);
        sb_state_list_free(v, n);
        struct sb_config cfg;
        sb_config_init(&cfg);
        struct sb_state_run run = { .init_pid = getpid(), .cfg = &cfg };
        ck_assert_int_eq(sb_state_commit(l, &run, &e), 0);
        const char *id = sb_state_lease_name(l);
        ck_assert_ptr_nonnull(id);
        char path[256];
        struct stat st;
        snprintf(path, sizeof(path), "%s/sandbox/%s/profile", xdg, id);
        ck_assert_int_eq(stat(path, &st), 0);
        snprintf(path, sizeof(path), "%s/sandbox/%s/state.tmp", xdg, id);
        ck_assert_int_eq(stat(path, &st), -1);
        struct sb_state *s = NULL;
        ck_assert_int_eq(sb_state_load(id, &s, &e), 0);
        ck_assert_int_eq(s->init_pid, getpid());
        ck_assert_int_eq(s->launcher_pid, getpid());
        sb_state_free(s);
        /* A second commit replaces the state (by exchange) and leaves no
         * temporary behind. */
        ck_assert_int_eq(sb_state_commit(l, &run, &e), 0);
        ck_assert_int_eq(stat(path, &st), -1);
        ck_assert_int_eq(sb_state_load(id, &s, &e), 0);
        sb_state_free(s);
        snprintf(path, sizeof(path), "%s/sandbox/%s", xdg, id);
        sb_state_release(l);
        ck_assert_int_eq(stat(path, &st), -1);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(stale_state_is_removed)
{
        become_user();
        char path[160];
        snprintf(path, sizeof(path), "%s/sandbox", xdg);
        ck_assert_int_eq(mkdir(path, 0700), 0);
        snprintf(path, sizeof(path), "%s/sandbox/old", xdg);
        ck_assert_int_eq(mkdir(path, 0700), 0);
        /* Our own pid with another start time: a recycled pid. */
        unsigned long long start;
        ck_assert_int_eq(proc_start_time(getpid(), &start), 0);
        snprintf(path, sizeof(path), "%s/sandbox/old/state", xdg);
        FILE *f = fopen(path, "w");
        fprintf(f, "version=1\nname=old\nowner=%u\nlauncher_pid=%d\n"
                   "launcher_start=%llu\ninit_pid=%d\ninit_start=%llu\n"
                   "created=1\n",
                (unsigned)getuid(), (int)getpid(), start + 1, (int)getpid(),
                start + 1);
        fclose(f);
        struct sb_state **v = NULL;
        size_t n = 9;
        struct sb_error e = { 0 };
        ck_assert_int_eq(sb_state_list(&v, &n, &e), 0);
        ck_assert_uint_eq(n, 0);
        free(v);
        struct stat st;
        snprintf(path, sizeof(path), "%s/sandbox/old", xdg);
        ck_assert_int_eq(stat(path, &st), -1);
        ck_assert_int_eq(errno, ENOENT);
}
END_TEST

START_TEST(unsafe_directories_are_refused)
{
        become_user();
        struct sb_error e = { 0 };
        int fd = -1;
        /* A runtime dir others may enter. */
        ck_assert_int_eq(chmod(xdg, 0755), 0);
        ck_assert_int_lt(sb_state_root(&fd, NULL, &e), 0);
        ck_assert_msg(strstr(e.msg, "XDG_RUNTIME_DIR must be owned by uid"),
                      "%s", e.msg);
        ck_assert_int_eq(chmod(xdg, 0700), 0);
        /* The state root a symlink. */
        char path[128];
        snprintf(path, sizeof(path), "%s/sandbox", xdg);
        ck_assert_int_eq(symlink("/tmp", path), 0);
        ck_assert_int_lt(sb_state_root(&fd, NULL, &e), 0);
        ck_assert_int_eq(unlink(path), 0);
        /* A sandbox's directory a symlink to another one: not read. */
        ck_assert_int_eq(sb_state_root(&fd, NULL, &e), 0);
        close(fd);
        snprintf(path, sizeof(path), "%s/sandbox/evil", xdg);
        ck_assert_int_eq(symlink("/etc", path), 0);
        struct sb_state *s = NULL;
        ck_assert_int_lt(sb_state_load("evil", &s, &e), 0);
        ck_assert_ptr_null(s);
        /* No XDG_RUNTIME_DIR at all. */
        unsetenv("XDG_RUNTIME_DIR");
        ck_assert_int_lt(sb_state_root(&fd, NULL, &e), 0);
        ck_assert_msg(strstr(e.msg, "XDG_RUNTIME_DIR is not set"), "%s",
                      e.msg);
}
END_TEST

static void remove_xdg(void)
{
        if (!xdg[0])
                return;
        char cmd[96];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", xdg);
        if (system(cmd) != 0)
                fprintf(stderr, "cannot remove %s\n", xdg);
}

int main(void)
{
        Suite *s = suite_create("state");
        TCase *tc = tcase_create("state");
        tcase_add_checked_fixture(tc, NULL, remove_xdg);
        tcase_add_test(tc, names);
        tcase_add_test(tc, round_trip);
        tcase_add_test(tc, long_commands_are_bounded);
        tcase_add_test(tc, malformed_files);
        tcase_add_test(tc, stat_start_time);
        tcase_add_test(tc, directory_life);
        tcase_add_test(tc, unnamed_recorded_at_commit);
        tcase_add_test(tc, stale_state_is_removed);
        tcase_add_test(tc, unsafe_directories_are_refused);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
