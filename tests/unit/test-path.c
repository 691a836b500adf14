/* Unit tests for src/path.c: normalising what profiles write, and
 * resolving and making paths inside a root directory without leaving it
 * (on a temporary tree; no privilege needed). */
#include <check.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"
#include "unit.h"
#include "util.h"

/* ---- normalising ---- */

static void abs_ok(const char *in, const char *want)
{
        char *out = NULL;
        const char *why = NULL;
        ck_assert_msg(path_normalize_absolute(in, true, &out, &why) == 0,
                      "'%s': %s", in, why);
        ck_assert_str_eq(out, want);
        free(out);
}

static void abs_bad(const char *in, bool allow_root, const char *want_why)
{
        char *out = NULL;
        const char *why = NULL;
        ck_assert_int_eq(path_normalize_absolute(in, allow_root, &out, &why),
                         -EINVAL);
        ck_assert_ptr_null(out);
        ck_assert_str_eq(why, want_why);
}

START_TEST(normalize_absolute)
{
        abs_ok("/usr", "/usr");
        abs_ok("/usr/", "/usr");
        abs_ok("//usr///lib//", "/usr/lib");
        abs_ok("/./usr/./lib/.", "/usr/lib");
        abs_ok("/", "/");
        abs_ok("///", "/");
        abs_ok("/a..b/..c/d..", "/a..b/..c/d..");
        abs_ok("/.hidden/...", "/.hidden/...");
}
END_TEST

START_TEST(normalize_absolute_refused)
{
        abs_bad("usr", true, "is not an absolute path");
        abs_bad("", true, "is not an absolute path");
        abs_bad("./usr", true, "is not an absolute path");
        abs_bad("/usr/../etc", true, "must not contain '..'");
        abs_bad("/..", true, "must not contain '..'");
        abs_bad("/usr/..", true, "must not contain '..'");
        abs_bad("/", false, "must not be '/'");
        abs_bad("/./", false, "must not be '/'");
        char *long_path = xmalloc(PATH_MAX + 2);
        memset(long_path, 'a', PATH_MAX + 1);
        long_path[0] = '/';
        long_path[PATH_MAX + 1] = '\0';
        abs_bad(long_path, true, "is too long");
        free(long_path);
}
END_TEST

START_TEST(normalize_relative)
{
        char *out;
        const char *why;
        ck_assert_int_eq(path_normalize_relative("Downloads/", &out, &why), 0);
        ck_assert_str_eq(out, "Downloads");
        free(out);
        ck_assert_int_eq(path_normalize_relative("./.config//app", &out, &why),
                         0);
        ck_assert_str_eq(out, ".config/app");
        free(out);
        ck_assert_int_eq(path_normalize_relative("/etc", &out, &why), -EINVAL);
        ck_assert_str_eq(why, "must be relative to the home directory");
        ck_assert_int_eq(path_normalize_relative("../x", &out, &why), -EINVAL);
        ck_assert_str_eq(why, "must not contain '..'");
        ck_assert_int_eq(path_normalize_relative(".", &out, &why), -EINVAL);
        ck_assert_str_eq(why, "names no entry");
}
END_TEST

START_TEST(basename_split)
{
        size_t n;
        ck_assert_str_eq(path_basename("/a/b/c", &n), "c");
        ck_assert_uint_eq(n, 4);
        ck_assert_str_eq(path_basename("/a", &n), "a");
        ck_assert_uint_eq(n, 0);
}
END_TEST

/* ---- inside a root ---- */

static char *tree;      /* a temporary directory: tree/root is the root */
static int root_fd = -1;

static void sh(char *cmd)
{
        ck_assert_msg(system(cmd) == 0, "%s", cmd);
        free(cmd);
}

static void setup_tree(void)
{
        char tmpl[] = "/tmp/sb-test-path-XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(tmpl));
        tree = xstrdup(tmpl);
        /* root/ with a directory, a file, and links that try to leave:
         * absolute, climbing, and one to a place outside that exists. */
        const char *t = tree;
        sh(xasprintf("mkdir -p %s/root/dir/sub %s/outside "
                     "%s/root/in-root-target", t, t, t));
        sh(xasprintf("touch %s/root/dir/file %s/outside/secret", t, t));
        sh(xasprintf("ln -s %s/outside %s/root/abs", t, t));
        sh(xasprintf("ln -s ../../../../../../outside %s/root/dir/climb", t));
        sh(xasprintf("ln -s /in-root-target %s/root/to-inside", t));
        sh(xasprintf("ln -s ../../../../../in-root-target "
                     "%s/root/dir/climb-in", t));
        sh(xasprintf("ln -s /nowhere %s/root/dangling", t));
        char *root = xasprintf("%s/root", tree);
        root_fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
        ck_assert_int_ge(root_fd, 0);
        free(root);
}

static int remove_one(const char *p, const struct stat *st, int type,
                      struct FTW *ftw)
{
        return remove(p);
}

static void teardown_tree(void)
{
        close(root_fd);
        nftw(tree, remove_one, 16, FTW_DEPTH | FTW_PHYS);
        free(tree);
}

static bool exists(const char *rel)
{
        char *p = xasprintf("%s/%s", tree, rel);
        struct stat st;
        bool r = lstat(p, &st) == 0;
        free(p);
        return r;
}

/* The inode fd refers to is tree/rel. */
static bool is(int fd, const char *rel)
{
        char *p = xasprintf("%s/%s", tree, rel);
        struct stat a, b;
        bool r = fstat(fd, &a) == 0 && stat(p, &b) == 0 &&
                 a.st_dev == b.st_dev && a.st_ino == b.st_ino;
        free(p);
        return r;
}

START_TEST(open_plain)
{
        int fd = path_open_in_root(root_fd, "/dir/file", 0);
        ck_assert_int_ge(fd, 0);
        ck_assert(is(fd, "root/dir/file"));
        close(fd);
        fd = path_open_in_root(root_fd, "/", O_DIRECTORY);
        ck_assert(is(fd, "root"));
        close(fd);
        ck_assert_int_eq(path_open_in_root(root_fd, "/dir/file", O_DIRECTORY),
                         -ENOTDIR);
        ck_assert_int_eq(path_open_in_root(root_fd, "/nope", 0), -ENOENT);
}
END_TEST

START_TEST(open_symlinks_stay_inside)
{
        /* An absolute link means the root's own path: there is no
         * tree/root/<tree>/outside, so it is not found, never the real
         * outside directory. */
        ck_assert_int_eq(path_open_in_root(root_fd, "/abs/secret", 0), -ENOENT);
        /* ".." stops at the root: climb leads to root/outside, missing. */
        ck_assert_int_eq(path_open_in_root(root_fd, "/dir/climb/secret", 0),
                         -ENOENT);
        int fd = path_open_in_root(root_fd, "/to-inside", O_DIRECTORY);
        ck_assert_int_ge(fd, 0);
        ck_assert(is(fd, "root/in-root-target"));
        close(fd);
        fd = path_open_in_root(root_fd, "/dir/climb", O_NOFOLLOW);
        ck_assert_int_ge(fd, 0);        /* the link itself */
        close(fd);
}
END_TEST

START_TEST(make_dirs_and_files)
{
        bool created;
        int fd = path_make_in_root(root_fd, "/a/b/c", PATH_KIND_DIR, 0700,
                                   &created);
        ck_assert_int_ge(fd, 0);
        ck_assert(created);
        ck_assert(is(fd, "root/a/b/c"));
        struct stat st;
        ck_assert_int_eq(fstat(fd, &st), 0);
        ck_assert(S_ISDIR(st.st_mode));
        close(fd);
        fd = path_make_in_root(root_fd, "/a/b/c", PATH_KIND_DIR, 0700,
                               &created);
        ck_assert_int_ge(fd, 0);
        ck_assert(!created);
        close(fd);
        fd = path_make_in_root(root_fd, "/x/y/file", PATH_KIND_FILE, 0600,
                               &created);
        ck_assert_int_ge(fd, 0);
        ck_assert(created);
        ck_assert_int_eq(fstat(fd, &st), 0);
        ck_assert(S_ISREG(st.st_mode));
        close(fd);
        ck_assert_int_eq(path_make_in_root(root_fd, "/missing", PATH_KIND_NONE,
                                           0, &created),
                         -ENOENT);
        ck_assert(!exists("root/missing"));
}
END_TEST

START_TEST(make_never_leaves_the_root)
{
        bool created;
        /* Through a link that exists inside the root: made there. */
        int fd = path_make_in_root(root_fd, "/to-inside/new", PATH_KIND_DIR,
                                   0755, &created);
        ck_assert_int_ge(fd, 0);
        ck_assert(exists("root/in-root-target/new"));
        close(fd);
        /* ".." beyond the root stops at it, like in a chroot. */
        fd = path_make_in_root(root_fd, "/dir/climb-in/deeper/new",
                               PATH_KIND_DIR, 0755, &created);
        ck_assert_int_ge(fd, 0);
        ck_assert(exists("root/in-root-target/deeper/new"));
        close(fd);
        /* Through links that lead outside, or nowhere: refused, and
         * nothing appears outside. */
        const char *bad[] = { "/abs/made", "/dir/climb/made", "/dangling/made",
                              "/abs", "/dangling" };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                fd = path_make_in_root(root_fd, bad[i], PATH_KIND_DIR, 0755,
                                       &created);
                ck_assert_msg(fd < 0, "%s was made", bad[i]);
                fd = path_make_in_root(root_fd, bad[i], PATH_KIND_FILE, 0644,
                                       &created);
                ck_assert_msg(fd < 0, "%s was made as a file", bad[i]);
        }
        ck_assert(!exists("outside/made"));
        ck_assert(!exists("nowhere"));
        ck_assert(!exists("root/nowhere"));
}
END_TEST

START_TEST(parent_of)
{
        const char *name;
        int fd = path_parent_in_root(root_fd, "/dir/sub/leaf", false, &name);
        ck_assert_int_ge(fd, 0);
        ck_assert_str_eq(name, "leaf");
        ck_assert(is(fd, "root/dir/sub"));
        close(fd);
        ck_assert_int_eq(path_parent_in_root(root_fd, "/p/q/leaf", false,
                                             &name),
                         -ENOENT);
        fd = path_parent_in_root(root_fd, "/p/q/leaf", true, &name);
        ck_assert_int_ge(fd, 0);
        ck_assert(exists("root/p/q"));
        close(fd);
}
END_TEST

static Suite *suite(void)
{
        Suite *s = suite_create("path");
        TCase *tc = tcase_create("normalize");
        tcase_add_test(tc, normalize_absolute);
        tcase_add_test(tc, normalize_absolute_refused);
        tcase_add_test(tc, normalize_relative);
        tcase_add_test(tc, basename_split);
        suite_add_tcase(s, tc);
        tc = tcase_create("in-root");
        tcase_add_checked_fixture(tc, setup_tree, teardown_tree);
        tcase_add_test(tc, open_plain);
        tcase_add_test(tc, open_symlinks_stay_inside);
        tcase_add_test(tc, make_dirs_and_files);
        tcase_add_test(tc, make_never_leaves_the_root);
        tcase_add_test(tc, parent_of);
        suite_add_tcase(s, tc);
        return s;
}

int main(void)
{
        return unit_run(suite());
}
