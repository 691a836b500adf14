/* Unit tests for the profile loader (src/profile.c, profile-keys.c).
 *
 * Fixtures: every NAME.profile in tests/data/profiles/valid must load with
 * no diagnostic; every NAME.profile in tests/data/profiles/invalid starts
 * with one or more "# expect: <diagnostic>" lines and must produce exactly
 * those.
 * Fixtures are loaded by file name after a chdir into their directory, so
 * the expected diagnostics hold paths relative to it. */
#include <check.h>

#include "unit.h"
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "profile.h"
#include "util.h"

#define DATA SB_TEST_DATADIR "/profiles"

static const char *const no_dirs[] = { NULL };

static struct sb_profile_env make_env(const char *const *dirs)
{
        return (struct sb_profile_env){
                .home = "/home/tester",
                .user = "tester",
                .uid = 1000,
                .gid = 1000,
                .xdg_runtime_dir = "/run/user/1000",
                .app = "app",
                .search_dirs = dirs,
        };
}

struct result {
        struct sb_config cfg;
        struct sb_diags d;
        int r;
};

/* Every diagnostic on its own line, for failure messages. */
static char *joined(const struct sb_diags *d)
{
        char *out = xstrdup("");
        for (size_t i = 0; i < d->n; i++) {
                char *next = xasprintf("%s\n  %s", out, d->msgs[i]);
                free(out);
                out = next;
        }
        return out;
}

static bool has_diag(const struct sb_diags *d, const char *msg)
{
        for (size_t i = 0; i < d->n; i++)
                if (strcmp(d->msgs[i], msg) == 0)
                        return true;
        return false;
}

#define assert_diag(res, msg)                                                  \
        ck_assert_msg(has_diag(&(res)->d, msg), "missing '%s'; got:%s", msg,  \
                      joined(&(res)->d))

#define assert_ok(res)                                                         \
        ck_assert_msg((res)->r == 0 && (res)->d.n == 0, "r=%d:%s", (res)->r,   \
                      joined(&(res)->d))

/* The profile text as "test.profile", with the given search dirs. */
static void load_text(struct result *res, const char *text,
                      const char *const *dirs)
{
        struct sb_profile_env env = make_env(dirs);
        memset(res, 0, sizeof(*res));
        sb_config_init(&res->cfg);
        res->r = profile_load_string(text, "test.profile", &env, &res->cfg,
                                     &res->d);
}

static void load_file(struct result *res, const char *path,
                      const char *const *dirs)
{
        struct sb_profile_env env = make_env(dirs);
        memset(res, 0, sizeof(*res));
        sb_config_init(&res->cfg);
        res->r = profile_load(path, &env, &res->cfg, &res->d);
}

static void result_free(struct result *res)
{
        sb_config_free(&res->cfg);
        sb_diags_free(&res->d);
}

/* One diagnostic exactly, and the load failed. */
static void expect_one(const char *text, const char *msg)
{
        struct result res;
        load_text(&res, text, no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, msg);
        ck_assert_msg(res.d.n == 1, "expected one diagnostic, got:%s",
                      joined(&res.d));
        result_free(&res);
}

static const char *env_set(const struct sb_config *cfg, const char *name)
{
        for (size_t i = 0; i < cfg->env.n_set; i++)
                if (strcmp(cfg->env.set[i].name, name) == 0)
                        return cfg->env.set[i].value;
        return NULL;
}

/* ---- temporary trees ---- */

static char *make_tmpdir(void)
{
        char tmpl[] = "/tmp/sb-test-profile-XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(tmpl));
        return xstrdup(tmpl);
}

static void write_file(const char *dir, const char *name, const char *text)
{
        char *path = xasprintf("%s/%s", dir, name);
        FILE *f = fopen(path, "w");
        ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
        fputs(text, f);
        ck_assert_int_eq(fclose(f), 0);
        free(path);
}

static char *sub_dir(const char *dir, const char *name)
{
        char *path = xasprintf("%s/%s", dir, name);
        ck_assert_int_eq(mkdir(path, 0700), 0);
        return path;
}

static int remove_one(const char *path, const struct stat *st, int type,
                      struct FTW *ftw)
{
        return remove(path);
}

static void remove_tree(char *dir)
{
        nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
        free(dir);
}

/* ---- fixtures ---- */

static bool is_profile(const char *name)
{
        return name[0] != '.' && str_has_suffix(name, ".profile");
}

START_TEST(valid_fixtures)
{
        ck_assert_int_eq(chdir(DATA "/valid"), 0);
        DIR *dir = opendir(".");
        ck_assert_ptr_nonnull(dir);
        unsigned n = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
                if (!is_profile(de->d_name))
                        continue;
                struct result res;
                load_file(&res, de->d_name, no_dirs);
                ck_assert_msg(res.r == 0 && res.d.n == 0, "%s: r=%d:%s",
                              de->d_name, res.r, joined(&res.d));
                result_free(&res);
                n++;
        }
        closedir(dir);
        ck_assert_uint_ge(n, 8);
}
END_TEST

/* The "# expect: " lines at the top of a fixture. */
static char **read_expects(const char *path)
{
        FILE *f = fopen(path, "r");
        ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
        char **exp = NULL;
        char *line = NULL;
        size_t size = 0;
        ssize_t len;
        while ((len = getline(&line, &size, f)) > 0 &&
               str_has_prefix(line, "# expect: ")) {
                if (line[len - 1] == '\n')
                        line[len - 1] = '\0';
                strv_push(&exp, xstrdup(line + strlen("# expect: ")));
        }
        free(line);
        fclose(f);
        return exp;
}

START_TEST(invalid_fixtures)
{
        /* No value for ${APP} and ${XDG_RUNTIME_DIR} here, so that a
         * fixture can show that error too. */
        struct sb_profile_env env = make_env(no_dirs);
        env.app = NULL;
        env.xdg_runtime_dir = NULL;
        ck_assert_int_eq(chdir(DATA "/invalid"), 0);
        DIR *dir = opendir(".");
        ck_assert_ptr_nonnull(dir);
        unsigned n = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
                if (!is_profile(de->d_name))
                        continue;
                char **exp = read_expects(de->d_name);
                ck_assert_msg(exp != NULL, "%s: no '# expect:' first line",
                              de->d_name);
                struct sb_config cfg;
                struct sb_diags d = { 0 };
                sb_config_init(&cfg);
                int r = profile_load(de->d_name, &env, &cfg, &d);
                ck_assert_msg(r == -EINVAL, "%s: r=%d", de->d_name, r);
                for (size_t i = 0; exp[i]; i++)
                        ck_assert_msg(has_diag(&d, exp[i]),
                                      "%s: missing '%s'; got:%s", de->d_name,
                                      exp[i], joined(&d));
                ck_assert_msg(d.n == strv_length(exp),
                              "%s: unexpected extra diagnostics:%s",
                              de->d_name, joined(&d));
                strv_free(exp);
                sb_config_free(&cfg);
                sb_diags_free(&d);
                n++;
        }
        closedir(dir);
        ck_assert_uint_ge(n, 60);
}
END_TEST

/* ---- targeted tests ---- */

START_TEST(defaults_and_source)
{
        struct result res;
        load_file(&res, DATA "/valid/minimal.profile", no_dirs);
        assert_ok(&res);
        ck_assert_str_eq(res.cfg.source, DATA "/valid/minimal.profile");
        ck_assert_str_eq(res.cfg.hostname, "sandbox");
        ck_assert_uint_eq(res.cfg.namespaces, SB_NS_DEFAULT);
        ck_assert(res.cfg.env.clear);
        ck_assert(strv_contains(res.cfg.env.keep, "TERM"));
        ck_assert_uint_eq(res.cfg.process.umask, 022);
        ck_assert(!res.cfg.process.id.user_set);
        ck_assert(!res.cfg.rlimits[RLIMIT_NOFILE].set);
        result_free(&res);
}
END_TEST

START_TEST(full_profile_values)
{
        struct result res;
        load_file(&res, DATA "/valid/full.profile", no_dirs);
        assert_ok(&res);
        struct sb_config *c = &res.cfg;
        ck_assert_str_eq(c->description, "Everything supported, once");
        ck_assert_uint_eq(c->namespaces, SB_NS_DEFAULT | SB_NS_TIME);
        ck_assert_str_eq(c->hostname, "build-box.local");
        ck_assert_uint_eq(strv_length(c->env.keep), 4);
        ck_assert_str_eq(c->env.keep[2], "LC_*");
        ck_assert_uint_eq(c->env.n_set, 3);
        ck_assert_str_eq(env_set(c, "PATH"), "/usr/bin:/bin");
        ck_assert_str_eq(env_set(c, "UNDER_"), "");
        ck_assert(c->process.id.user_set);
        ck_assert_uint_eq(c->process.id.uid, 0);
        ck_assert_uint_eq(c->process.id.gid, 0);
        ck_assert(c->process.id.host_user_set);
        ck_assert_uint_eq(c->process.id.host_uid, 0);
        ck_assert_str_eq(c->process.cwd, "/");
        ck_assert(c->process.new_session);
        ck_assert(!c->process.die_with_parent);
        ck_assert(sb_caps_has(c->caps_keep, 10));       /* net_bind_service */
        ck_assert(sb_caps_has(c->caps_keep, 0));        /* chown */
        ck_assert(sb_caps_has(c->caps_keep, 19));       /* sys_ptrace */
        ck_assert(!sb_caps_has(c->caps_keep, 1));
        const struct sb_cgroup_config *g = &c->cgroup;
        ck_assert(g->set);
        ck_assert_uint_eq(g->memory, 1024ULL * 1024 * 1024);
        ck_assert(g->memory_swap_set);
        ck_assert(g->memory_swap == SB_CG_UNLIMITED);
        ck_assert_uint_eq(g->pids, 256);
        ck_assert_uint_eq(g->millicpus, 1500);
        ck_assert_uint_eq(g->cpu_weight, 200);
        ck_assert_uint_eq(g->io_weight, 50);
        ck_assert(g->devices_set);
        ck_assert_uint_eq(g->n_devices, 2);
        ck_assert_int_eq(g->devices[0].type, 'c');
        ck_assert_int_eq(g->devices[0].minor, 3);
        ck_assert_int_eq(g->devices[1].major, SB_CG_DEV_ANY);
        ck_assert_uint_eq(g->devices[1].access, SB_CG_DEV_MKNOD);
        ck_assert_str_eq(g->parent, "jobs/build");
        result_free(&res);
}
END_TEST

/* The cgroup key: absent, empty (a cgroup without limits), and the
 * other spellings of its values. */
START_TEST(cgroup_forms)
{
        struct result res;
        load_text(&res, "hostname = \"x\";", no_dirs);
        assert_ok(&res);
        ck_assert(!res.cfg.cgroup.set);
        ck_assert(!sb_cgroup_config_wanted(&res.cfg.cgroup));
        result_free(&res);

        load_text(&res, "cgroup = { };", no_dirs);
        assert_ok(&res);
        ck_assert(sb_cgroup_config_wanted(&res.cfg.cgroup));
        ck_assert_uint_eq(res.cfg.cgroup.memory, 0);
        ck_assert(!res.cfg.cgroup.devices_set);
        result_free(&res);

        load_text(&res, "cgroup = { memory = 1048576; memory_swap = 0; "
                        "cpus = 2; devices = [ ]; pids = 2; };", no_dirs);
        assert_ok(&res);
        ck_assert_uint_eq(res.cfg.cgroup.memory, 1048576);
        ck_assert(res.cfg.cgroup.memory_swap_set);
        ck_assert_uint_eq(res.cfg.cgroup.memory_swap, 0);
        ck_assert_uint_eq(res.cfg.cgroup.millicpus, 2000);
        ck_assert_uint_eq(res.cfg.cgroup.pids, 2);
        ck_assert(res.cfg.cgroup.devices_set);      /* deny every device */
        ck_assert_uint_eq(res.cfg.cgroup.n_devices, 0);
        result_free(&res);

        /* Every bad value is reported, each with its line. */
        load_text(&res, "cgroup = {\n memory = \"lots\";\n pids = -3;\n"
                        " cpus = 0.0;\n};", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "test.profile:2: cgroup.memory: 'lots' is not a "
                          "size like \"512M\"");
        assert_diag(&res, "test.profile:3: cgroup.pids: must not be negative");
        assert_diag(&res, "test.profile:4: cgroup.cpus: must be from 0.01 to "
                          "4096 CPUs");
        result_free(&res);
}
END_TEST

START_TEST(several_errors_all_reported)
{
        struct result res;
        load_text(&res,
                  "hostname = 1;\n"
                  "namespaces = [ \"foo\" ];\n"
                  "process = { umask = 22; user = \"1a\"; };\n"
                  "frob = 1;\n"
                  "rlimits = { nofile = [ 2, 1 ]; };\n",
                  no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "test.profile:1: hostname: expected a string, got "
                          "an integer");
        assert_diag(&res, "test.profile:2: namespaces[0]: unknown namespace "
                          "'foo'");
        assert_diag(&res, "test.profile:3: process.umask: write umask as an "
                          "octal string like \"022\"");
        assert_diag(&res, "test.profile:3: process.user: '1a' is neither a "
                          "name nor a number");
        assert_diag(&res, "test.profile:4: frob: unknown key");
        assert_diag(&res, "test.profile:5: rlimits.nofile: the soft limit is "
                          "above the hard limit");
        ck_assert_uint_eq(res.d.n, 6);
        result_free(&res);
}
END_TEST

/* Errors in several files of one load are all collected, and a syntax
 * error ends only its own file. */
START_TEST(errors_across_files)
{
        char *dir = make_tmpdir();
        write_file(dir, "bad.inc", "a = ;\n");
        write_file(dir, "wrong.inc", "hostname = true;\n");
        write_file(dir, "main.profile",
                   "include = [ \"bad.inc\", \"wrong.inc\" ];\n"
                   "description = 3;\n");
        ck_assert_int_eq(chdir(dir), 0);
        struct result res;
        load_file(&res, "main.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "bad.inc:1: syntax error");
        assert_diag(&res, "wrong.inc:1: hostname: expected a string, got a "
                          "boolean");
        assert_diag(&res, "main.profile:2: description: expected a string, "
                          "got an integer");
        ck_assert_uint_eq(res.d.n, 3);
        result_free(&res);
        remove_tree(dir);
}
END_TEST

START_TEST(include_order_and_override)
{
        ck_assert_int_eq(chdir(DATA "/valid"), 0);
        struct result res;
        load_file(&res, "override.profile", no_dirs);
        assert_ok(&res);
        struct sb_config *c = &res.cfg;
        /* second.inc came after first.inc; the profile itself last. */
        ck_assert_str_eq(c->hostname, "second");
        ck_assert_str_eq(c->description, "override");
        ck_assert_str_eq(c->process.cwd, "/srv");
        /* Arrays replace: namespaces and keep are the last ones given. */
        ck_assert_uint_eq(c->namespaces, SB_NS_USER | SB_NS_UTS);
        ck_assert_uint_eq(strv_length(c->env.keep), 1);
        ck_assert_str_eq(c->env.keep[0], "TERM");
        /* Groups merge member by member. */
        ck_assert(!c->env.clear);
        ck_assert_uint_eq(c->process.umask, 077);
        ck_assert_uint_eq(c->env.n_set, 3);
        ck_assert_str_eq(env_set(c, "FROM_FIRST"), "first");
        ck_assert_str_eq(env_set(c, "FROM_MAIN"), "main");
        ck_assert_str_eq(env_set(c, "SHARED"), "main");
        ck_assert(c->rlimits[RLIMIT_NOFILE].set);
        ck_assert_uint_eq(c->rlimits[RLIMIT_NOFILE].soft, 64);
        ck_assert_uint_eq(c->rlimits[RLIMIT_NPROC].hard, 100);
        result_free(&res);
}
END_TEST

START_TEST(include_cycle)
{
        char *dir = make_tmpdir();
        write_file(dir, "a.profile", "include = [ \"b.inc\" ];\n");
        write_file(dir, "b.inc", "# back to a\ninclude = [ \"a.profile\" ];\n");
        write_file(dir, "self.profile", "include = [ \"self\" ];\n");
        ck_assert_int_eq(chdir(dir), 0);

        struct result res;
        load_file(&res, "a.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "b.inc:2: include: include cycle: a.profile -> "
                          "b.inc -> a.profile");
        ck_assert_uint_eq(res.d.n, 1);
        result_free(&res);

        load_file(&res, "self.profile", no_dirs);
        assert_diag(&res, "self.profile:1: include: include cycle: "
                          "self.profile -> self.profile");
        ck_assert_uint_eq(res.d.n, 1);
        result_free(&res);
        remove_tree(dir);
}
END_TEST

/* l0.profile -> l1.inc -> ... -> l<last>.inc */
static void write_chain(const char *dir, unsigned last)
{
        write_file(dir, "l0.profile", "include = [ \"l1.inc\" ];\n");
        for (unsigned i = 1; i <= last; i++) {
                char *name = xasprintf("l%u.inc", i);
                char *text = i < last
                                     ? xasprintf("include = [ \"l%u.inc\" ];\n",
                                                 i + 1)
                                     : xstrdup("description = \"deep\";\n");
                write_file(dir, name, text);
                free(name);
                free(text);
        }
}

START_TEST(include_depth_limit)
{
        char *dir = make_tmpdir();
        ck_assert_int_eq(chdir(dir), 0);
        struct result res;

        write_chain(dir, 16);           /* 16 nested levels: fine */
        load_file(&res, "l0.profile", no_dirs);
        assert_ok(&res);
        ck_assert_str_eq(res.cfg.description, "deep");
        result_free(&res);

        write_chain(dir, 17);           /* one more: refused */
        load_file(&res, "l0.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "l16.inc:1: include: too deeply nested (more than "
                          "16 levels)");
        ck_assert_uint_eq(res.d.n, 1);
        result_free(&res);
        remove_tree(dir);
}
END_TEST

START_TEST(include_file_limit)
{
        char *dir = make_tmpdir();
        ck_assert_int_eq(chdir(dir), 0);
        /* The profile plus 64 includes: one file too many. Entry i is on
         * line i + 1; the last one shares its line with the "]" because
         * libconfig 1.5 gives an element the line of the token after it. */
        char *text = xstrdup("include = [\n");
        for (unsigned i = 1; i <= 64; i++) {
                char *name = xasprintf("f%u.inc", i);
                write_file(dir, name, "# empty\n");
                char *next = xasprintf("%s  \"%s\"%s", text, name,
                                       i < 64 ? ",\n" : " ];\n");
                free(text);
                text = next;
                free(name);
        }
        write_file(dir, "main.profile", text);
        free(text);

        struct result res;
        load_file(&res, "main.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "main.profile:65: include: too many included files "
                          "(more than 64)");
        ck_assert_uint_eq(res.d.n, 1);
        result_free(&res);
        remove_tree(dir);
}
END_TEST

START_TEST(include_lookup)
{
        char *dir = make_tmpdir();
        char *d1 = sub_dir(dir, "user");
        char *d2 = sub_dir(dir, "system");
        write_file(d1, "base.profile", "hostname = \"user-base\";\n");
        write_file(d2, "base.profile", "hostname = \"system-base\";\n");
        write_file(d2, "extra.inc", "description = \"extra\";\n");
        write_file(d2, "other.profile", "process = { cwd = \"/other\"; };\n");
        const char *dirs[] = { d1, d2, NULL };

        struct result res;
        /* A NAME is NAME.profile, found in the first dir that has it;
         * x.inc and x.profile are file names. */
        load_text(&res, "include = [ \"base\", \"extra.inc\", "
                        "\"other.profile\" ];\n",
                  dirs);
        assert_ok(&res);
        ck_assert_str_eq(res.cfg.hostname, "user-base");
        ck_assert_str_eq(res.cfg.description, "extra");
        ck_assert_str_eq(res.cfg.process.cwd, "/other");
        result_free(&res);

        /* A path with '/' is used as is, never searched for. */
        char *abs = xasprintf("include = [ \"%s/base.profile\" ];\n", d2);
        load_text(&res, abs, dirs);
        assert_ok(&res);
        ck_assert_str_eq(res.cfg.hostname, "system-base");
        result_free(&res);
        free(abs);

        load_text(&res, "include = [ \"nope\", \"sub/base.profile\" ];\n",
                  dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "test.profile:1: include: 'nope' not found");
        assert_diag(&res, "test.profile:1: include: 'sub/base.profile' not "
                          "found");
        result_free(&res);

        /* Includes take variables. */
        load_text(&res, "include = [ \"${HOME}/nope.inc\" ];\n", dirs);
        assert_diag(&res, "test.profile:1: include: '/home/tester/nope.inc' "
                          "not found");
        result_free(&res);

        free(d1);
        free(d2);
        remove_tree(dir);
}
END_TEST

START_TEST(local_overrides)
{
        char *dir = make_tmpdir();
        char *user = sub_dir(dir, "user");
        char *etc = sub_dir(dir, "etc");
        char *shipped = sub_dir(dir, "shipped");
        write_file(shipped, "app.profile",
                   "hostname = \"profile\";\n"
                   "description = \"profile\";\n"
                   "process = { cwd = \"/profile\"; };\n");
        write_file(shipped, "app.local", "hostname = \"shipped-local\";\n"
                                         "description = \"shipped-local\";\n");
        write_file(etc, "app.local", "include = [ \"etc.inc\" ];\n"
                                     "description = \"etc-local\";\n");
        write_file(etc, "etc.inc", "process = { cwd = \"/etc-inc\"; };\n");
        write_file(user, "app.local", "hostname = \"user-local\";\n");
        /* Only NAME.local counts, not the other profiles' locals. */
        write_file(user, "other.local", "hostname = \"wrong\";\n");
        const char *dirs[] = { user, etc, shipped, NULL };

        struct sb_profile_env env = make_env(dirs);
        char *path = profile_find("app", &env);
        ck_assert_ptr_nonnull(path);
        struct result res;
        load_file(&res, path, dirs);
        assert_ok(&res);
        /* Least specific first, the user's own file last. */
        ck_assert_str_eq(res.cfg.hostname, "user-local");
        ck_assert_str_eq(res.cfg.description, "etc-local");
        ck_assert_str_eq(res.cfg.process.cwd, "/etc-inc");
        ck_assert_str_eq(res.cfg.source, path);
        result_free(&res);

        /* Errors in a .local name the .local. */
        write_file(user, "app.local", "hostnam = \"x\";\n");
        load_file(&res, path, dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        char *msg = xasprintf("%s/app.local:1: hostnam: unknown key (did you "
                              "mean 'hostname'?)",
                              user);
        assert_diag(&res, msg);
        free(msg);
        result_free(&res);

        free(path);
        free(user);
        free(etc);
        free(shipped);
        remove_tree(dir);
}
END_TEST

START_TEST(variables_in_strings)
{
        struct result res;
        load_text(&res,
                  "hostname = \"${USER}-box\";\n"
                  "environment = { set = { BIN = \"${HOME}/bin\"; "
                  "RUN = \"${XDG_RUNTIME_DIR}\"; }; };\n"
                  "process = { cwd = \"${HOME}\"; user = \"${UID}\"; };\n"
                  "rlimits = { nofile = \"${UID}\"; };\n",
                  no_dirs);
        assert_ok(&res);
        ck_assert_str_eq(res.cfg.hostname, "tester-box");
        ck_assert_str_eq(env_set(&res.cfg, "BIN"), "/home/tester/bin");
        ck_assert_str_eq(env_set(&res.cfg, "RUN"), "/run/user/1000");
        ck_assert_str_eq(res.cfg.process.cwd, "/home/tester");
        ck_assert_uint_eq(res.cfg.process.id.uid, 1000);
        ck_assert_uint_eq(res.cfg.rlimits[RLIMIT_NOFILE].soft, 1000);
        result_free(&res);

        /* A profile in memory has no directory. */
        expect_one("description = \"${PROFILE_DIR}\";\n",
                   "test.profile:1: description: '${PROFILE_DIR}' has no "
                   "value here");
        expect_one("\n\nhostname = \"${USR}\";\n",
                   "test.profile:3: hostname: unknown variable '${USR}' (did "
                   "you mean '${USER}'?)");

        /* A file's ${PROFILE_DIR} is its absolute directory. */
        ck_assert_int_eq(chdir(DATA), 0);
        load_file(&res, "valid/vars.profile", no_dirs);
        assert_ok(&res);
        char *real = realpath(DATA "/valid", NULL);
        char *want = xasprintf("app for tester (1000:1000) from %s", real);
        ck_assert_str_eq(res.cfg.description, want);
        ck_assert_str_eq(env_set(&res.cfg, "PRICE"),
                         "$5 and $HOME stay as they are");
        free(want);
        free(real);
        result_free(&res);
}
END_TEST

START_TEST(rlimit_forms)
{
        struct result res;
        load_file(&res, DATA "/valid/rlimit-forms.profile", no_dirs);
        assert_ok(&res);
        const struct sb_rlimit *r = res.cfg.rlimits;
        ck_assert(r[RLIMIT_NOFILE].set);
        ck_assert_uint_eq(r[RLIMIT_NOFILE].soft, 1024);
        ck_assert_uint_eq(r[RLIMIT_NOFILE].hard, 1024);
        ck_assert_uint_eq(r[RLIMIT_NPROC].soft, 512);
        ck_assert_uint_eq(r[RLIMIT_CORE].soft, RLIM_INFINITY);
        ck_assert_uint_eq(r[RLIMIT_CORE].hard, RLIM_INFINITY);
        ck_assert_uint_eq(r[RLIMIT_AS].soft, 4ull << 30);
        ck_assert_uint_eq(r[RLIMIT_DATA].hard, 512ull << 20);
        ck_assert_uint_eq(r[RLIMIT_STACK].soft, 8ull << 20);
        ck_assert_uint_eq(r[RLIMIT_STACK].hard, RLIM_INFINITY);
        ck_assert_uint_eq(r[RLIMIT_CPU].soft, 10);
        ck_assert_uint_eq(r[RLIMIT_CPU].hard, 20);
        ck_assert_uint_eq(r[RLIMIT_FSIZE].soft, 5000000000ull);
        ck_assert_uint_eq(r[RLIMIT_MEMLOCK].soft, 64 << 10);
        ck_assert(r[RLIMIT_MSGQUEUE].set);
        ck_assert_uint_eq(r[RLIMIT_MSGQUEUE].soft, 0);
        ck_assert(!r[RLIMIT_RTPRIO].set);
        result_free(&res);

        expect_one("rlimits = { nofile = [ 1 ]; };",
                   "test.profile:1: rlimits.nofile: expected [soft, hard], "
                   "got 1 value");
        expect_one("rlimits = { nofile = ( 10, \"unlimited\" ); cpu = \"1M\"; };",
                   "test.profile:1: rlimits.cpu: '1M': cpu is not a size in "
                   "bytes");
        expect_one("rlimits = { stack = [ \"unlimited\", \"8M\" ]; };",
                   "test.profile:1: rlimits.stack: the soft limit is above "
                   "the hard limit");
        expect_one("rlimits = { as = 1.5; };",
                   "test.profile:1: rlimits.as: expected an integer, a string "
                   "or an array, got a number");
        expect_one("rlimits = { as = ( 1, { } ); };",
                   "test.profile:1: rlimits.as[1]: expected an integer or a "
                   "string, got a group");
        expect_one("rlimits = { as = \"16777216T\"; };",
                   "test.profile:1: rlimits.as: '16777216T' is out of range");
}
END_TEST

START_TEST(did_you_mean)
{
        expect_one("hostnme = \"x\";",
                   "test.profile:1: hostnme: unknown key (did you mean "
                   "'hostname'?)");
        expect_one("NAMESPACES = [ ];",
                   "test.profile:1: NAMESPACES: unknown key (did you mean "
                   "'namespaces'?)");
        expect_one("netwrk = { };",
                   "test.profile:1: netwrk: unknown key (did you mean "
                   "'network'?)");
        expect_one("process = { die_with_parnt = true; };",
                   "test.profile:1: process.die_with_parnt: unknown key (did "
                   "you mean 'die_with_parent'?)");
        expect_one("rlimits = { nofil = 1; };",
                   "test.profile:1: rlimits.nofil: unknown key (did you mean "
                   "'nofile'?)");
        expect_one("namespaces = [ \"Net\" ];",
                   "test.profile:1: namespaces[0]: unknown namespace 'Net' "
                   "(did you mean 'net'?)");
        expect_one("capabilities = { keep = [ \"CAP_SYS_ADMN\" ]; };",
                   "test.profile:1: capabilities.keep[0]: unknown capability "
                   "'CAP_SYS_ADMN' (did you mean 'sys_admin'?)");
        /* Nothing close: no suggestion. */
        expect_one("x = 1;", "test.profile:1: x: unknown key");
        expect_one("process = { shell = \"/bin/sh\"; };",
                   "test.profile:1: process.shell: unknown key");
}
END_TEST

START_TEST(syntax_errors)
{
        expect_one("hostname = \"a\";\n\nnamespaces = ;\n",
                   "test.profile:3: syntax error");
        expect_one("hostname = \"a\";\n\nhostname = \"b\";\n",
                   "test.profile:3: syntax error: duplicate setting name");
        expect_one("namespaces = [ \"user\", 1 ];\n",
                   "test.profile:1: syntax error: mismatched element type in "
                   "array");
        expect_one("as = 4294967296;",
                   "test.profile:1: integer out of range; write a large value "
                   "as a string (\"5000000000\", \"5G\")");
        /* Numbers inside strings, comments and names are not literals. */
        struct result res;
        load_text(&res,
                  "# 99999999999\n/* 99999999999\n */ // 99999999999\n"
                  "description = \"99999999999\";\n"
                  "rlimits = { as = 99999999999L; cpu = 2147483647; };\n",
                  no_dirs);
        assert_ok(&res);
        ck_assert_uint_eq(res.cfg.rlimits[RLIMIT_AS].soft, 99999999999ull);
        result_free(&res);
}
END_TEST

START_TEST(at_include_refused)
{
        expect_one("hostname = \"x\";\n  @include \"/etc/passwd\"\n",
                   "test.profile:2: @include is not supported; use the "
                   "'include' setting instead");
        /* Refused before libconfig could open anything. */
        expect_one("@include \"/nonexistent\"\n",
                   "test.profile:1: @include is not supported; use the "
                   "'include' setting instead");
}
END_TEST

START_TEST(process_identity)
{
        struct passwd *nobody = getpwnam("nobody");
        ck_assert_ptr_nonnull(nobody);
        uid_t nobody_uid = nobody->pw_uid;
        gid_t nobody_gid = nobody->pw_gid;
        struct result res;

        load_text(&res, "process = { user = \"nobody\"; };", no_dirs);
        assert_ok(&res);
        ck_assert(res.cfg.process.id.user_set);
        ck_assert_uint_eq(res.cfg.process.id.uid, nobody_uid);
        ck_assert_uint_eq(res.cfg.process.id.gid, nobody_gid);
        result_free(&res);

        /* A number with a passwd entry takes the entry's group. */
        char *text = xasprintf("process = { user = %u; };",
                               (unsigned)nobody_uid);
        load_text(&res, text, no_dirs);
        free(text);
        assert_ok(&res);
        ck_assert_uint_eq(res.cfg.process.id.gid, nobody_gid);
        result_free(&res);

        /* Without one, gid = uid. */
        if (!getpwuid(123456)) {
                load_text(&res, "process = { user = \"123456\"; };", no_dirs);
                assert_ok(&res);
                ck_assert_uint_eq(res.cfg.process.id.uid, 123456);
                ck_assert_uint_eq(res.cfg.process.id.gid, 123456);
                result_free(&res);
        }

        /* group wins over the primary group, in either order. */
        load_text(&res, "process = { group = \"root\"; user = \"nobody\"; };",
                  no_dirs);
        assert_ok(&res);
        ck_assert_uint_eq(res.cfg.process.id.uid, nobody_uid);
        ck_assert_uint_eq(res.cfg.process.id.gid, 0);
        result_free(&res);

        /* group alone keeps the caller's uid. */
        load_text(&res, "process = { group = 4242; };", no_dirs);
        assert_ok(&res);
        ck_assert(res.cfg.process.id.user_set);
        ck_assert_uint_eq(res.cfg.process.id.uid, 1000);
        ck_assert_uint_eq(res.cfg.process.id.gid, 4242);
        result_free(&res);

        load_text(&res, "process = { host_user = \"nobody\"; };", no_dirs);
        assert_ok(&res);
        ck_assert(!res.cfg.process.id.user_set);
        ck_assert(res.cfg.process.id.host_user_set);
        ck_assert_uint_eq(res.cfg.process.id.host_uid, nobody_uid);
        ck_assert_uint_eq(res.cfg.process.id.host_gid, nobody_gid);
        result_free(&res);

        expect_one("process = { user = \"+1\"; };",
                   "test.profile:1: process.user: '+1' is neither a name nor "
                   "a number");
        expect_one("process = { group = -5; };",
                   "test.profile:1: process.group: must not be negative");
}
END_TEST

/* Cross-key checks look at the merged result and name the line where the
 * setting was made, in whichever file. */
START_TEST(cross_checks_after_merge)
{
        char *dir = make_tmpdir();
        write_file(dir, "base.inc", "\nhostname = \"box\";\n"
                                    "process = { user = 0; };\n");
        write_file(dir, "main.profile", "include = [ \"base.inc\" ];\n"
                                        "namespaces = [ \"mount\" ];\n");
        write_file(dir, "fixed.profile", "include = [ \"base.inc\" ];\n"
                                         "namespaces = [ \"user\", \"uts\" ];\n");
        ck_assert_int_eq(chdir(dir), 0);
        struct result res;
        load_file(&res, "main.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "base.inc:2: hostname: needs the uts namespace");
        assert_diag(&res, "base.inc:3: process.user: without the user "
                          "namespace this is the host's root; write "
                          "process.host_user = \"root\" to mean that");
        ck_assert_uint_eq(res.d.n, 2);
        result_free(&res);

        load_file(&res, "fixed.profile", no_dirs);
        assert_ok(&res);
        result_free(&res);
        remove_tree(dir);
}
END_TEST

START_TEST(size_limits)
{
        char *big = xmalloc(4200);
        memset(big, 'a', 4097);
        big[4097] = '\0';
        char *text = xasprintf("environment = { set = { X = \"%s\"; }; };",
                               big);
        expect_one(text, "test.profile:1: environment.set.X: longer than 4096 "
                         "characters");
        free(text);
        free(big);

        /* Expansion can make a short string long. */
        char *home = xmalloc(3000);
        memset(home, 'h', 2999);
        home[2999] = '\0';
        struct sb_profile_env env = make_env(no_dirs);
        env.home = home;
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        ck_assert_int_eq(profile_load_string("process = { cwd = "
                                             "\"/${HOME}/${HOME}\"; };",
                                             "t", &env, &cfg, &d),
                         -EINVAL);
        ck_assert(has_diag(&d, "t:1: process.cwd: longer than 4096 characters "
                               "after expansion"));
        sb_config_free(&cfg);
        sb_diags_free(&d);
        free(home);

        text = xstrdup("environment = { keep = [ \"A0\"");
        for (unsigned i = 1; i <= 256; i++) {
                char *next = xasprintf("%s, \"A%u\"", text, i);
                free(text);
                text = next;
        }
        char *full = xasprintf("%s ]; };", text);
        expect_one(full, "test.profile:1: environment.keep: more than 256 "
                         "entries");
        free(full);
        free(text);
}
END_TEST

/* environment.set holds at most 256 names, counted after merging. */
START_TEST(env_set_limit_after_merge)
{
        char *dir = make_tmpdir();
        char *a = xstrdup("environment = { set = {");
        char *b = xstrdup("environment = { set = {");
        for (unsigned i = 0; i < 200; i++) {
                char *na = xasprintf("%s A%u = \"\";", a, i);
                char *nb = xasprintf("%s B%u = \"\";", b, i);
                free(a);
                free(b);
                a = na;
                b = nb;
        }
        char *ta = xasprintf("%s }; };\n", a);
        char *tb = xasprintf("include = [ \"a.inc\" ];\n%s }; };\n", b);
        write_file(dir, "a.inc", ta);
        write_file(dir, "b.profile", tb);
        ck_assert_int_eq(chdir(dir), 0);
        struct result res;
        load_file(&res, "b.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "b.profile:2: environment.set.B56: more than 256 "
                          "variables in environment.set");
        ck_assert_uint_eq(res.cfg.env.n_set, 256);
        result_free(&res);
        free(a);
        free(b);
        free(ta);
        free(tb);
        remove_tree(dir);
}
END_TEST

START_TEST(file_errors)
{
        char *dir = make_tmpdir();
        ck_assert_int_eq(chdir(dir), 0);
        struct result res;

        load_file(&res, "missing.profile", no_dirs);
        ck_assert_int_eq(res.r, -EINVAL);
        assert_diag(&res, "missing.profile: cannot open: No such file or "
                          "directory");
        ck_assert_uint_eq(res.d.n, 1);
        result_free(&res);

        ck_assert_int_eq(mkdir("dir.profile", 0700), 0);
        load_file(&res, "dir.profile", no_dirs);
        assert_diag(&res, "dir.profile: not a regular file");
        result_free(&res);

        ck_assert_int_eq(mkfifo("fifo.profile", 0600), 0);
        load_file(&res, "fifo.profile", no_dirs);    /* must not hang */
        assert_diag(&res, "fifo.profile: not a regular file");
        result_free(&res);

        /* Exactly 1 MiB is fine; one byte more is not. */
        char *text = xmalloc(1024 * 1024 + 2);
        memset(text, '#', 1024 * 1024);
        text[1024 * 1024 - 1] = '\n';
        text[1024 * 1024] = '\0';
        write_file(dir, "big.profile", text);
        load_file(&res, "big.profile", no_dirs);
        assert_ok(&res);
        result_free(&res);
        text[1024 * 1024] = '\n';
        text[1024 * 1024 + 1] = '\0';
        write_file(dir, "big.profile", text);
        load_file(&res, "big.profile", no_dirs);
        assert_diag(&res, "big.profile: file too large (more than 1 MiB)");
        result_free(&res);

        load_text(&res, text, no_dirs);
        assert_diag(&res, "test.profile: file too large (more than 1 MiB)");
        result_free(&res);
        free(text);

        /* A missing include file is reported, not a bare open error. */
        write_file(dir, "inc.profile", "include = [ \"sub/x.inc\" ];\n");
        load_file(&res, "inc.profile", no_dirs);
        assert_diag(&res, "inc.profile:1: include: 'sub/x.inc' not found");
        result_free(&res);
        remove_tree(dir);
}
END_TEST

START_TEST(find_profiles)
{
        char *dir = make_tmpdir();
        char *d1 = sub_dir(dir, "one");
        char *d2 = sub_dir(dir, "two");
        write_file(d2, "web.profile", "");
        write_file(d1, "mail.profile", "");
        write_file(d2, "mail.profile", "");
        const char *dirs[] = { d1, d2, NULL };
        struct sb_profile_env env = make_env(dirs);

        char *p = profile_find("web", &env);
        char *want = xasprintf("%s/web.profile", d2);
        ck_assert_str_eq(p, want);
        free(p);
        free(want);

        p = profile_find("mail", &env);
        want = xasprintf("%s/mail.profile", d1);
        ck_assert_str_eq(p, want);
        free(p);
        free(want);

        ck_assert_ptr_null(profile_find("nope", &env));
        ck_assert_ptr_null(profile_find("", &env));
        /* With a '/', the name is a path: found as is, or not at all. */
        want = xasprintf("%s/web.profile", d2);
        p = profile_find(want, &env);
        ck_assert_str_eq(p, want);
        free(p);
        free(want);
        ck_assert_int_eq(chdir(d1), 0);
        p = profile_find("./mail.profile", &env);
        ck_assert_str_eq(p, "./mail.profile");
        free(p);
        ck_assert_ptr_null(profile_find("./web.profile", &env));
        env.search_dirs = NULL;
        ck_assert_ptr_null(profile_find("web", &env));

        free(d1);
        free(d2);
        remove_tree(dir);
}
END_TEST

START_TEST(namespaces_empty_and_time)
{
        struct result res;
        load_text(&res, "namespaces = [ ];", no_dirs);
        assert_ok(&res);
        ck_assert_uint_eq(res.cfg.namespaces, 0);
        result_free(&res);
        load_text(&res, "namespaces = ( \"time\", \"uts\" );", no_dirs);
        assert_ok(&res);
        ck_assert_uint_eq(res.cfg.namespaces, SB_NS_TIME | SB_NS_UTS);
        result_free(&res);
}
END_TEST

/* diags may already hold messages: only this call's count for the
 * verdict; and a flood of problems is capped. */
START_TEST(diagnostics_bookkeeping)
{
        struct sb_profile_env env = make_env(no_dirs);
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        ck_assert_int_eq(profile_load_string("x = 1;", "a", &env, &cfg, &d),
                         -EINVAL);
        ck_assert_int_eq(profile_load_string("hostname = \"b\";", "b", &env,
                                             &cfg, &d),
                         0);
        ck_assert_uint_eq(d.n, 1);
        sb_config_free(&cfg);
        sb_diags_free(&d);
        ck_assert_uint_eq(d.n, 0);

        char *text = xstrdup("");
        for (unsigned i = 0; i < 1100; i++) {
                char *next = xasprintf("%sk%u = 1;\n", text, i);
                free(text);
                text = next;
        }
        sb_config_init(&cfg);
        ck_assert_int_eq(profile_load_string(text, "t", &env, &cfg, &d),
                         -EINVAL);
        ck_assert_uint_eq(d.n, 1001);
        ck_assert_str_eq(d.msgs[0], "t:1: k0: unknown key");
        ck_assert_str_eq(d.msgs[1000],
                         "too many problems; the rest are not shown");
        free(text);
        sb_config_free(&cfg);
        sb_diags_free(&d);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("profile");
        TCase *tc = tcase_create("profile");
        tcase_add_test(tc, valid_fixtures);
        tcase_add_test(tc, invalid_fixtures);
        tcase_add_test(tc, defaults_and_source);
        tcase_add_test(tc, full_profile_values);
        tcase_add_test(tc, several_errors_all_reported);
        tcase_add_test(tc, errors_across_files);
        tcase_add_test(tc, include_order_and_override);
        tcase_add_test(tc, include_cycle);
        tcase_add_test(tc, include_depth_limit);
        tcase_add_test(tc, include_file_limit);
        tcase_add_test(tc, include_lookup);
        tcase_add_test(tc, local_overrides);
        tcase_add_test(tc, variables_in_strings);
        tcase_add_test(tc, rlimit_forms);
        tcase_add_test(tc, did_you_mean);
        tcase_add_test(tc, syntax_errors);
        tcase_add_test(tc, at_include_refused);
        tcase_add_test(tc, process_identity);
        tcase_add_test(tc, cross_checks_after_merge);
        tcase_add_test(tc, size_limits);
        tcase_add_test(tc, env_set_limit_after_merge);
        tcase_add_test(tc, file_errors);
        tcase_add_test(tc, find_profiles);
        tcase_add_test(tc, namespaces_empty_and_time);
        tcase_add_test(tc, cgroup_forms);
        tcase_add_test(tc, diagnostics_bookkeeping);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
