/* Unit tests for src/host-path.c: the rule that says which symlinks on a
 * host path may be followed (pure), and the walk that applies it, on a
 * temporary tree (no privilege needed: the tree's owner plays root). */
#include <check.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host-path.h"
#include "mount.h"
#include "path.h"
#include "profile.h"
#include "unit.h"
#include "util.h"

/* ---- the rule ---- */

static struct stat st_of(uid_t uid, mode_t mode)
{
        struct stat st;
        memset(&st, 0, sizeof(st));
        st.st_uid = uid;
        st.st_mode = mode;
        return st;
}

static void trust_is(uid_t link_uid, uid_t dir_uid, mode_t dir_mode,
                     const char *want)
{
        struct stat link = st_of(link_uid, S_IFLNK | 0777);
        struct stat dir = st_of(dir_uid, S_IFDIR | dir_mode);
        char buf[96];
        const char *why = host_link_untrusted(&link, &dir, 0, buf,
                                              sizeof(buf));
        if (!want)
                ck_assert_msg(!why, "refused: %s", why);
        else
                ck_assert_msg(why && strcmp(why, want) == 0,
                              "got '%s', want '%s'", why ? why : "(trusted)",
                              want);
}

START_TEST(rule)
{
        /* /lib -> usr/lib, /etc/alternatives/x: root's, in root's
         * directories that only root may write to. */
        trust_is(0, 0, 0755, NULL);
        trust_is(0, 0, 0555, NULL);
        trust_is(0, 0, 0700, NULL);
        /* Anyone else's link, wherever it is. */
        trust_is(1000, 0, 0755, "owned by uid 1000");
        trust_is(65534, 0, 0755, "owned by uid 65534");
        trust_is(1000, 1000, 0700, "owned by uid 1000");
        /* Root's link in a directory someone else could have put it in
         * (renamed from elsewhere, or swapped for another). */
        trust_is(0, 1000, 0755, "in a directory owned by uid 1000");
        trust_is(0, 0, 0775,
                 "in a directory others may write to (mode 0775)");
        trust_is(0, 0, 0757,
                 "in a directory others may write to (mode 0757)");
        trust_is(0, 0, 01777,
                 "in a directory others may write to (mode 1777)");
        trust_is(0, 0, 02755, NULL);
}
END_TEST

/* ---- the walk ---- */

static char *tree;
static int root_fd = -1;

static void sh(const char *cmd)
{
        char *full = xasprintf("cd '%s' && %s", tree, cmd);
        ck_assert_msg(system(full) == 0, "%s", cmd);
        free(full);
}

static void setup_tree(void)
{
        char tmpl[] = "/tmp/sb-test-hostpath-XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(tmpl));
        tree = xstrdup(tmpl);
        ck_assert_int_eq(chmod(tree, 0755), 0);
        sh("umask 022 && mkdir -p usr/lib/x open && chmod 0777 open &&"
           " echo f >usr/lib/x/file &&"
           " ln -s usr/lib lib &&"              /* relative */
           " ln -s /usr/lib abs &&"             /* absolute: from the root */
           " ln -s ../usr/lib usr/up &&"        /* '..' in the text */
           " ln -s ../../../../usr usr/esc &&"  /* '..' above the root */
           " ln -s /usr open/l &&"              /* in a writable directory */
           " ln -s loop2 loop1 && ln -s loop1 loop2 &&"
           " ln -s lib chain");                 /* a link to a link */
        root_fd = open(tree, O_PATH | O_DIRECTORY | O_CLOEXEC);
        ck_assert_int_ge(root_fd, 0);
}

static int remove_one(const char *p, const struct stat *st, int type,
                      struct FTW *f)
{
        return remove(p);
}

static void teardown_tree(void)
{
        close(root_fd);
        nftw(tree, remove_one, 16, FTW_DEPTH | FTW_PHYS);
        free(tree);
}

/* The tree's owner is the trusted one here, as root is for real. */
static void resolves(const char *path, const char *want)
{
        char *out = NULL, *why = NULL;
        int r = host_path_resolve(root_fd, path, getuid(), &out, &why);
        ck_assert_msg(r == 0, "'%s': %d %s", path, r, why ? why : "");
        ck_assert_str_eq(out, want);
        free(out);
}

static void refused(const char *path, uid_t trusted, const char *want_why)
{
        char *out = NULL, *why = NULL;
        int r = host_path_resolve(root_fd, path, trusted, &out, &why);
        ck_assert_int_eq(r, -EPERM);
        ck_assert_ptr_null(out);
        ck_assert_str_eq(why, want_why);
        free(why);
}

START_TEST(walk_follows_trusted_links)
{
        resolves("/", "/");
        resolves("/usr/lib/x", "/usr/lib/x");
        resolves("/lib/x/file", "/usr/lib/x/file");
        resolves("/abs/x", "/usr/lib/x");
        resolves("/usr/up/x", "/usr/lib/x");
        resolves("/usr/esc/lib", "/usr/lib");
        resolves("/chain/x", "/usr/lib/x");
        resolves("/lib", "/usr/lib");
}
END_TEST

START_TEST(walk_refuses_other_links)
{
        /* Owned by someone other than the trusted user. */
        char *want = xasprintf("component '/lib' is a symlink owned by uid "
                               "%u; refusing to follow it",
                               (unsigned)getuid());
        refused("/lib/x", getuid() + 1, want);
        free(want);
        /* The trusted user's own link, in a directory anyone may write. */
        refused("/open/l/lib", getuid(),
                "component '/open/l' is a symlink in a directory others "
                "may write to (mode 0777); refusing to follow it");
        /* A link reached through another is checked just the same. */
        sh("ln -s /open/l via");
        refused("/via/lib", getuid(),
                "component '/open/l' is a symlink in a directory others "
                "may write to (mode 0777); refusing to follow it");
}
END_TEST

START_TEST(walk_leaves_the_rest)
{
        /* What cannot be opened is left for the open that follows to
         * fail on in the same way (or to skip an optional entry). */
        resolves("/usr/nope/deeper", "/usr/nope/deeper");
        resolves("/lib/nope", "/usr/lib/nope");
        resolves("/usr/lib/x/file/more", "/usr/lib/x/file/more");
        char *out = NULL, *why = NULL;
        ck_assert_int_eq(host_path_resolve(root_fd, "/loop1", getuid(), &out,
                                           &why),
                         -ELOOP);
        ck_assert_ptr_null(out);
}
END_TEST

/* What init does with the result: a link that appears later fails. */
START_TEST(open_no_symlinks)
{
        int fd = path_open_no_symlinks(root_fd, "/usr/lib/x/file", 0);
        ck_assert_int_ge(fd, 0);
        close(fd);
        ck_assert_int_eq(path_open_no_symlinks(root_fd, "/lib/x", 0),
                         -ELOOP);
        ck_assert_int_eq(path_open_no_symlinks(root_fd, "/usr/up", 0),
                         -ELOOP);
        ck_assert_int_eq(path_open_no_symlinks(root_fd, "/usr/none", 0),
                         -ENOENT);
}
END_TEST

/* ---- the launcher's check of a profile's entries (mount_prepare) ---- */

static int prepare(const char *text, struct sb_error *err)
{
        static const char *const no_dirs[] = { NULL };
        struct sb_profile_env env = {
                .home = "/home/tester", .user = "tester", .uid = 1000,
                .gid = 1000, .app = "app", .search_dirs = no_dirs,
        };
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        ck_assert_int_eq(profile_load_string(text, "test.profile", &env,
                                             &cfg, &d),
                         0);
        struct mount_prep *prep = NULL;
        int r = mount_prepare(&cfg, NULL, 0, &prep, err);
        ck_assert(r < 0 ? prep == NULL : prep != NULL);
        mount_prep_free(prep);
        sb_config_free(&cfg);
        sb_diags_free(&d);
        return r;
}

START_TEST(prepare_names_entry_and_link)
{
        /* A link straight in /tmp: whoever runs this, it is either not
         * root's or in a directory everyone may write to. */
        char link[] = "/tmp/sb-test-link-XXXXXX";
        int fd = mkstemp(link);
        ck_assert_int_ge(fd, 0);
        close(fd);
        ck_assert_int_eq(unlink(link), 0);
        ck_assert_int_eq(symlink("/etc", link), 0);
        char *text = xasprintf("filesystem = { mounts = (\n"
                               "  { type = \"bind\"; source = \"%s/ssl\"; "
                               "target = \"/x\"; }\n"
                               "); };", link);
        struct sb_error err = { 0 };
        int r = prepare(text, &err);
        unlink(link);
        ck_assert_int_eq(r, -EPERM);
        char *want = xasprintf("mount entry at test.profile:2 (bind %s/ssl "
                               "on /x): source '%s/ssl': component '%s' is "
                               "a symlink ", link, link, link);
        ck_assert_msg(str_has_prefix(err.msg, want), "%s", err.msg);
        ck_assert(str_has_suffix(err.msg, "; refusing to follow it"));
        free(want);
        free(text);
}
END_TEST

START_TEST(prepare_follows_system_links)
{
        struct sb_error err = { 0 };
        struct stat st;
        if (lstat("/lib", &st) < 0 || !S_ISLNK(st.st_mode) || st.st_uid != 0)
                return; /* not a merged-/usr system */
        ck_assert_int_eq(prepare("filesystem = { mounts = (\n"
                                 "  { type = \"bind\"; source = \"/lib\"; "
                                 "target = \"/x\"; }\n"
                                 "); };",
                                 &err),
                         0);
        /* A missing optional source is left for init to skip. */
        ck_assert_int_eq(prepare("filesystem = { mounts = (\n"
                                 "  { type = \"bind\"; source = "
                                 "\"/nonexistent-sb/x\"; optional = true; }\n"
                                 "); };",
                                 &err),
                         0);
}
END_TEST

static Suite *suite(void)
{
        Suite *s = suite_create("hostpath");
        TCase *tc = tcase_create("rule");
        tcase_add_test(tc, rule);
        suite_add_tcase(s, tc);
        tc = tcase_create("walk");
        tcase_add_checked_fixture(tc, setup_tree, teardown_tree);
        tcase_add_test(tc, walk_follows_trusted_links);
        tcase_add_test(tc, walk_refuses_other_links);
        tcase_add_test(tc, walk_leaves_the_rest);
        tcase_add_test(tc, open_no_symlinks);
        suite_add_tcase(s, tc);
        tc = tcase_create("prepare");
        tcase_add_test(tc, prepare_names_entry_and_link);
        tcase_add_test(tc, prepare_follows_system_links);
        suite_add_tcase(s, tc);
        return s;
}

int main(void)
{
        return unit_run(suite());
}
