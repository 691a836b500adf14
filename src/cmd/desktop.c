/* `sandbox desktop install APP`, `uninstall APP`, `list`. install finds
 * APP.desktop in the XDG data directories and writes an override with the
 * same name where the desktop looks first: $XDG_DATA_HOME/applications
 * for a user, /usr/local/share/applications for root (unless root sets
 * XDG_DATA_HOME: then root's own). The rewriting is
 * desktop-entry.c's; this file finds, reads and writes files.
 *
 * Only files we wrote (X-Sandbox-Wrapped=true) are ever replaced or
 * removed, a symlink at the target is never followed nor replaced, and
 * a file is written to a temporary name in the same directory and renamed
 * over the target, so a reader sees the old file or the new one. */
#include "cmd-desktop.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "desktop-entry.h"
#include "run.h"
#include "sandbox.h"
#include "util.h"
#include "verbs.h"

#define VERB "desktop"

/* Where the desktop looks for applications/, most important first. */
struct dirs {
        char *data_home;        /* $XDG_DATA_HOME or ~/.local/share */
        char **data_dirs;       /* $XDG_DATA_DIRS or the spec's default */
        char *install;          /* where our overrides go */
};

static void dirs_init(struct dirs *d)
{
        struct passwd *pw = getpwuid(getuid());
        const char *home = pw ? pw->pw_dir : secure_getenv("HOME");
        const char *dh = secure_getenv("XDG_DATA_HOME");
        d->data_home = dh && dh[0] == '/'
                               ? xstrdup(dh)
                               : xasprintf("%s/.local/share", home ? home : "");
        /* Relative entries are invalid (the spec says to ignore them). */
        const char *dd = secure_getenv("XDG_DATA_DIRS");
        if (!dd || !*dd)
                dd = "/usr/local/share:/usr/share";
        d->data_dirs = xcalloc(1, sizeof(char *));
        for (const char *p = dd; *p;) {
                size_t n = strcspn(p, ":");
                if (n && p[0] == '/')
                        strv_push(&d->data_dirs, xstrndup(p, n));
                p += n + (p[n] == ':');
        }
        /* Root's overrides are for every user, unless root asks for its
         * own with XDG_DATA_HOME. */
        d->install = getuid() == 0 && !(dh && dh[0] == '/')
                             ? xstrdup("/usr/local/share/applications")
                             : xasprintf("%s/applications", d->data_home);
}

static void dirs_free(struct dirs *d)
{
        free(d->data_home);
        strv_free(d->data_dirs);
        free(d->install);
}

/* A file of at most DESKTOP_ENTRY_MAX bytes, not following a final
 * symlink when nofollow; -errno. */
static ssize_t read_file(int dirfd, const char *path, bool nofollow,
                         char **ret)
{
        _cleanup_close_ int fd = openat(dirfd, path,
                                        O_RDONLY | O_CLOEXEC | O_NONBLOCK |
                                                (nofollow ? O_NOFOLLOW : 0));
        if (fd < 0)
                return -errno;
        struct stat st;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (!S_ISREG(st.st_mode))
                return -EINVAL;
        if (st.st_size > DESKTOP_ENTRY_MAX)
                return -EFBIG;
        char *buf = xmalloc((size_t)st.st_size + 1);
        ssize_t n = read_full(fd, buf, (size_t)st.st_size + 1);
        if (n < 0) {
                free(buf);
                return n;
        }
        *ret = buf;
        return n;
}

/* "firefox" or "firefox.desktop" -> "firefox.desktop"; NULL if it is not
 * a desktop file name. */
static char *file_name(const char *app)
{
        size_t n = strlen(app);
        if (str_has_suffix(app, ".desktop"))
                n -= 8;
        if (n == 0 || app[0] == '.' || app[0] == '-' || memchr(app, '/', n))
                return NULL;
        return xasprintf("%.*s.desktop", (int)n, app);
}

/* The directory we install into, made if missing, as an fd that does not
 * follow a symlink at its last component. */
static int open_install_dir(const char *dir, bool create)
{
        if (create) {
                _cleanup_free_ char *p = xstrdup(dir);
                for (char *s = p + 1; *s; s++) {
                        if (*s != '/')
                                continue;
                        *s = '\0';
                        if (mkdir(p, 0755) < 0 && errno != EEXIST)
                                return -errno;
                        *s = '/';
                }
                if (mkdir(p, 0755) < 0 && errno != EEXIST)
                        return -errno;
        }
        int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        return fd < 0 ? -errno : fd;
}

/* The application's own entry: the first APP.desktop in the data
 * directories that is not one of ours. */
static char *find_original(const struct dirs *d, const char *name,
                           char **ret_text, size_t *ret_len)
{
        size_t n = strv_length(d->data_dirs);
        for (size_t i = 0; i <= n; i++) {
                const char *base = i == 0 ? d->data_home : d->data_dirs[i - 1];
                char *path = xasprintf("%s/applications/%s", base, name);
                char *text = NULL;
                ssize_t len = read_file(AT_FDCWD, path, false, &text);
                if (len >= 0 && !desktop_entry_is_wrapped(text, (size_t)len,
                                                          NULL)) {
                        *ret_text = text;
                        *ret_len = (size_t)len;
                        return path;
                }
                free(text);
                free(path);
        }
        return NULL;
}

/* May we write name in dirfd: nothing there, or a file of ours. */
static int check_target(int dirfd, const char *dir, const char *name)
{
        struct stat st;
        if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
                return errno == ENOENT ? 0 : -errno;
        if (S_ISLNK(st.st_mode)) {
                fprintf(stderr, "sandbox: desktop: '%s/%s' is a symlink; not "
                        "replacing it\n", dir, name);
                return -EEXIST;
        }
        _cleanup_free_ char *text = NULL;
        ssize_t len = read_file(dirfd, name, true, &text);
        if (len < 0 || !desktop_entry_is_wrapped(text, (size_t)len, NULL)) {
                fprintf(stderr, "sandbox: desktop: '%s/%s' exists and was not "
                        "written by sandbox; remove it first\n", dir, name);
                return -EEXIST;
        }
        return 0;
}

static int write_atomic(int dirfd, const char *name, const char *text)
{
        char tmp[NAME_MAX + 1];
        int fd = -1;
        for (int tries = 0; fd < 0 && tries < 100; tries++) {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                snprintf(tmp, sizeof(tmp), ".%.200s.%d-%ld", name,
                         (int)getpid(), (long)(ts.tv_nsec ^ tries));
                fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL |
                                                O_NOFOLLOW | O_CLOEXEC,
                            0644);
                if (fd < 0 && errno != EEXIST)
                        return -errno;
        }
        if (fd < 0)
                return -EEXIST;
        size_t len = strlen(text);
        int r = 0;
        for (size_t done = 0; done < len && r == 0;) {
                ssize_t n = write(fd, text + done, len - done);
                if (n < 0 && errno != EINTR)
                        r = -errno;
                else if (n > 0)
                        done += (size_t)n;
        }
        if (r == 0 && (fchmod(fd, 0644) < 0 || fsync(fd) < 0))
                r = -errno;
        if (close(fd) < 0 && r == 0)
                r = -errno;
        /* rename replaces the name itself, never what a link points to. */
        if (r == 0 && renameat(dirfd, tmp, dirfd, name) < 0)
                r = -errno;
        if (r < 0)
                unlinkat(dirfd, tmp, 0);
        return r;
}

/* The profile the entry runs with: --profile, else one named after the
 * application, else one named after its program. */
static char *choose_profile(const char *opt, const char *app,
                            const char *program)
{
        if (opt) {
                _cleanup_free_ char *found = cmd_find_profile(opt);
                if (!found) {
                        fprintf(stderr, "sandbox: desktop: profile '%s' not "
                                "found\n", opt);
                        return NULL;
                }
                /* A path must still name the file from the desktop's cwd. */
                if (strchr(opt, '/')) {
                        char *abs = realpath(found, NULL);
                        return abs ? abs : xstrdup(found);
                }
                return xstrdup(opt);
        }
        const char *slash = strrchr(program, '/');
        const char *prog = slash ? slash + 1 : program;
        const char *names[] = { app, prog };
        for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
                _cleanup_free_ char *found = cmd_find_profile(names[i]);
                if (found && !strchr(names[i], '/'))
                        return xstrdup(names[i]);
        }
        fprintf(stderr, "sandbox: desktop: no profile named '%s' or '%s'; "
                "name one with --profile\n", app, prog);
        return NULL;
}

static int install(const char *opt_profile, const char *app)
{
        _cleanup_free_ char *name = file_name(app);
        if (!name)
                return cmd_usage_error(VERB, "'%s' is not an application "
                                       "name", app);
        struct dirs d;
        dirs_init(&d);
        int status = 1;
        _cleanup_free_ char *text = NULL, *out = NULL, *why = NULL;
        _cleanup_free_ char *profile = NULL, *self = NULL, *src = NULL;
        struct desktop_wrap info = { 0 };
        size_t len = 0;
        /* What is at the target decides first: a file not ours (perhaps
         * the application's own entry, in the user's directory) is never
         * replaced. */
        _cleanup_close_ int dfd = open_install_dir(d.install, false);
        if (dfd >= 0 && check_target(dfd, d.install, name) < 0)
                goto out;
        src = find_original(&d, name, &text, &len);
        if (!src) {
                fprintf(stderr, "sandbox: desktop: no %s in %s/applications "
                        "or the applications/ of XDG_DATA_DIRS\n",
                        name, d.data_home);
                goto out;
        }
        /* Parsed once to find the program the profile may be named after,
         * then again with the profile's name in it. */
        char app_name[NAME_MAX + 1];
        snprintf(app_name, sizeof(app_name), "%.*s",
                 (int)(strlen(name) - 8), name);
        if (desktop_entry_wrap(text, len, "sandbox", "x", &out, &info,
                               &why) < 0) {
                fprintf(stderr, "sandbox: desktop: %s: %s\n", src, why);
                goto out;
        }
        profile = choose_profile(opt_profile, app_name, info.program);
        if (!profile)
                goto out;
        self = realpath("/proc/self/exe", NULL);
        free(TAKE_PTR(out));
        desktop_wrap_free(&info);
        if (desktop_entry_wrap(text, len, self ? self : "sandbox", profile,
                               &out, &info, &why) < 0) {
                fprintf(stderr, "sandbox: desktop: %s: %s\n", src, why);
                goto out;
        }
        if (dfd < 0)
                dfd = open_install_dir(d.install, true);
        if (dfd < 0) {
                fprintf(stderr, "sandbox: desktop: '%s': %s\n", d.install,
                        strerror(-dfd));
                goto out;
        }
        if (check_target(dfd, d.install, name) < 0)
                goto out;
        int r = write_atomic(dfd, name, out);
        if (r < 0) {
                fprintf(stderr, "sandbox: desktop: write '%s/%s': %s\n",
                        d.install, name, strerror(-r));
                goto out;
        }
        printf("%s/%s: runs %s with profile '%s' (from %s)\n", d.install,
               name, info.program, profile, src);
        if (info.n_actions)
                printf("  and its %zu action%s\n", info.n_actions,
                       info.n_actions == 1 ? "" : "s");
        if (info.had_dbus_activatable)
                printf("  DBusActivatable=true became false: started over "
                       "D-Bus, the desktop would bypass Exec and the "
                       "sandbox\n");
        status = 0;
out:
        desktop_wrap_free(&info);
        dirs_free(&d);
        return status;
}

static int uninstall(const char *app)
{
        _cleanup_free_ char *name = file_name(app);
        if (!name)
                return cmd_usage_error(VERB, "'%s' is not an application "
                                       "name", app);
        struct dirs d;
        dirs_init(&d);
        int status = 1;
        _cleanup_free_ char *text = NULL;
        _cleanup_close_ int dfd = open_install_dir(d.install, false);
        ssize_t len = dfd < 0 ? dfd : read_file(dfd, name, true, &text);
        if (len == -ENOENT) {
                fprintf(stderr, "sandbox: desktop: %s is not wrapped (no "
                        "%s/%s)\n", app, d.install, name);
        } else if (len == -ELOOP) {
                fprintf(stderr, "sandbox: desktop: '%s/%s' is a symlink, "
                        "not written by sandbox; leaving it\n", d.install,
                        name);
        } else if (len < 0) {
                fprintf(stderr, "sandbox: desktop: '%s/%s': %s\n", d.install,
                        name, strerror((int)-len));
        } else if (!desktop_entry_is_wrapped(text, (size_t)len, NULL)) {
                fprintf(stderr, "sandbox: desktop: '%s/%s' was not written "
                        "by sandbox; leaving it\n", d.install, name);
        } else if (unlinkat(dfd, name, 0) < 0) {
                fprintf(stderr, "sandbox: desktop: remove '%s/%s': %s\n",
                        d.install, name, strerror(errno));
        } else {
                printf("%s/%s: removed\n", d.install, name);
                status = 0;
        }
        dirs_free(&d);
        return status;
}

static int cmp_str(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line per wrapped application: NAME, PROFILE, FILE, tab-separated. */
static int list(void)
{
        struct dirs d;
        dirs_init(&d);
        int fd = open_install_dir(d.install, false);
        DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
        if (!dir) {
                if (fd >= 0)
                        close(fd);
                dirs_free(&d);
                return 0;       /* nothing installed yet */
        }
        char **lines = xcalloc(1, sizeof(char *));
        for (struct dirent *e; (e = readdir(dir));) {
                if (e->d_name[0] == '.' || !str_has_suffix(e->d_name, ".desktop"))
                        continue;
                _cleanup_free_ char *text = NULL, *profile = NULL;
                ssize_t len = read_file(dirfd(dir), e->d_name, true, &text);
                if (len < 0 || !desktop_entry_is_wrapped(text, (size_t)len,
                                                         &profile))
                        continue;
                strv_push(&lines, xasprintf("%.*s\t%s\t%s/%s",
                                            (int)(strlen(e->d_name) - 8),
                                            e->d_name, profile, d.install,
                                            e->d_name));
        }
        closedir(dir);
        size_t n = strv_length(lines);
        qsort(lines, n, sizeof(char *), cmp_str);
        for (size_t i = 0; i < n; i++)
                printf("%s\n", lines[i]);
        strv_free(lines);
        dirs_free(&d);
        return fflush(stdout) == 0 ? 0 : 1;
}

int cmd_desktop(const struct cli_request *req, int argc, char **argv)
{
        if (argc < 2)
                return cmd_usage_error(VERB, "needs a subcommand (install, "
                                       "uninstall, list)");
        const char *sub = argv[1];
        static const struct option options[] = {
                { "profile", required_argument, NULL, 'p' },
                { NULL, 0, NULL, 0 },
        };
        const char *profile = req->profile;
        optind = 0;
        opterr = 0;
        int c;
        /* Options after the subcommand: argv[1..]. */
        while ((c = getopt_long(argc - 1, argv + 1, "+:p:", options,
                                NULL)) != -1) {
                if (c == 'p' && strcmp(sub, "install") == 0 && *optarg)
                        profile = optarg;
                else
                        return cmd_usage_error(VERB, "%s: bad option '%s'",
                                               sub, argv[optind] ? argv[optind] : "");
        }
        int left = argc - 1 - optind;
        char **ops = argv + 1 + optind;
        if (strcmp(sub, "list") == 0) {
                if (left)
                        return cmd_usage_error(VERB, "list takes no operand "
                                               "'%s'", ops[0]);
                return list();
        }
        if (strcmp(sub, "install") != 0 && strcmp(sub, "uninstall") != 0)
                return cmd_usage_error(VERB, "unknown subcommand '%s'", sub);
        if (left != 1)
                return cmd_usage_error(VERB, "%s needs one application name",
                                       sub);
        return sub[0] == 'i' ? install(profile, ops[0]) : uninstall(ops[0]);
}
