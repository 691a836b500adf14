/* The state directories of sandboxes: finding and checking the caller's
 * state root, the lock, reading a sandbox's state safely (every open
 * relative to a checked directory fd, O_NOFOLLOW, owner and mode checked
 * on the open fd), liveness by pid and start time, removing stale state,
 * listing, and the pidfd that join and kill use. The launcher's side
 * (reserve, commit, release) is in state-run.c. */
#include "state-internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "proc.h"
#include "util.h"

#define ROOT_STATE_PARENT "/run"
#define USERS_RUNTIME "/run/user"

/* A directory we may trust: owned by uid, and no one else may enter it
 * (want_private) or at least write to it. */
static int check_dir(int fd, const char *path, uid_t uid, bool want_private,
                     struct sb_error *err)
{
        struct stat st;
        if (fstat(fd, &st) < 0)
                return sb_error_errno(err, errno, "stat %s", path);
        if (!S_ISDIR(st.st_mode))
                return sb_error_set(err, -ENOTDIR, "%s is not a directory",
                                    path);
        mode_t bad = want_private ? 077 : 022;
        if (st.st_uid != uid || (st.st_mode & bad))
                return sb_error_set(err, -EPERM, "%s must be owned by uid %u "
                                    "with mode %s (it is uid %u, mode %04o); "
                                    "refusing to keep sandbox state there",
                                    path, (unsigned)uid,
                                    want_private ? "0700" : "0755 or stricter",
                                    (unsigned)st.st_uid,
                                    (unsigned)(st.st_mode & 07777));
        return 0;
}

int state_open_dir(int at, const char *name, const char *path, uid_t uid,
                   int *ret, struct sb_error *err)
{
        _cleanup_close_ int fd = openat(at, name, O_RDONLY | O_DIRECTORY |
                                                          O_NOFOLLOW |
                                                          O_CLOEXEC);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s", path);
        int r = check_dir(fd, path, uid, true, err);
        if (r < 0)
                return r;
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        *ret = TAKE_FD(fd);
        return 0;
}

/* The state root below parent_fd (a checked directory): made if missing. */
static int open_root_below(int parent_fd, const char *parent, uid_t uid,
                           int *ret_fd, char **ret_path, struct sb_error *err)
{
        _cleanup_free_ char *path = xasprintf("%s/sandbox", parent);
        if (mkdirat(parent_fd, "sandbox", 0700) < 0 && errno != EEXIST)
                return sb_error_errno(err, errno, "create %s", path);
        int r = state_open_dir(parent_fd, "sandbox", path, uid, ret_fd, err);
        if (r < 0 || !ret_path)
                return r;
        /* The path as the kernel reached it, without the symlinks
         * XDG_RUNTIME_DIR may hold: the sandbox's view is built from
         * resolved paths, and the state root is masked there by this one
         * (mount_prepare_hide). */
        char link[64], real[PATH_MAX];
        snprintf(link, sizeof(link), "/proc/self/fd/%d", *ret_fd);
        ssize_t n = readlink(link, real, sizeof(real) - 1);
        if (n <= 0 || real[0] != '/') {
                int e = n < 0 ? errno : EINVAL;
                close(*ret_fd);
                *ret_fd = -1;
                return sb_error_errno(err, e, "resolve the path of %s", path);
        }
        real[n] = '\0';
        *ret_path = xstrdup(real);
        return 0;
}

int sb_state_root(int *ret_fd, char **ret_path, struct sb_error *err)
{
        uid_t uid = getuid();
        const char *parent = ROOT_STATE_PARENT;
        char fallback[64];
        if (uid != 0) {
                parent = secure_getenv("XDG_RUNTIME_DIR");
                /* A setuid launcher reads no such variable; the runtime
                 * directory logind makes is the same place, and
                 * check_dir below decides whether it is the user's. */
                if (!parent) {
                        snprintf(fallback, sizeof(fallback), "/run/user/%u",
                                 (unsigned)uid);
                        if (access(fallback, F_OK) == 0)
                                parent = fallback;
                }
                if (!parent || parent[0] != '/')
                        return sb_error_set(err, -ENOENT, "XDG_RUNTIME_DIR is "
                                            "not set (or not an absolute "
                                            "path): named sandboxes keep "
                                            "their state there");
        }
        _cleanup_close_ int pfd = open(parent, O_RDONLY | O_DIRECTORY |
                                                       O_NOFOLLOW | O_CLOEXEC);
        if (pfd < 0)
                return sb_error_errno(err, errno, "open %s", parent);
        /* A user's runtime directory is theirs alone (the XDG spec says
         * 0700); /run is root's and writable by no one else. */
        int r = check_dir(pfd, uid ? "XDG_RUNTIME_DIR" : parent, uid,
                          uid != 0, err);
        if (r < 0)
                return r;
        return open_root_below(pfd, parent, uid, ret_fd, ret_path, err);
}

int state_lock(int root_fd, const char *root_path, struct sb_error *err)
{
        int fd = openat(root_fd, ".lock", O_RDWR | O_CREAT | O_NOFOLLOW |
                                                  O_CLOEXEC | O_NONBLOCK,
                        0600);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s/.lock", root_path);
        while (flock(fd, LOCK_EX) < 0) {
                if (errno == EINTR)
                        continue;
                int e = errno;
                close(fd);
                return sb_error_errno(err, e, "lock %s/.lock", root_path);
        }
        return fd;
}

/* ---- reading ---- */

int state_read_at(int dir_fd, const char *dir_path, uid_t uid,
                  struct sb_state **ret)
{
        /* O_NONBLOCK: a FIFO planted in place of the file must not hang
         * us; it is refused below as not a regular file. */
        _cleanup_close_ int fd = openat(dir_fd, "state",
                                        O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
                                                O_NONBLOCK);
        if (fd < 0)
                return -errno;
        struct stat st;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (!S_ISREG(st.st_mode) || st.st_uid != uid)
                return -EPERM;
        if (st.st_size > SB_STATE_FILE_MAX)
                return -E2BIG;
        _cleanup_free_ char *buf = xmalloc(SB_STATE_FILE_MAX + 2);
        ssize_t n = read_full(fd, buf, SB_STATE_FILE_MAX + 2);
        if (n < 0)
                return (int)n;
        struct sb_state *s = NULL;
        int r = sb_state_parse(buf, (size_t)n, &s);
        if (r < 0)
                return r;
        if (s->owner != uid) {
                sb_state_free(s);
                return -EPERM;
        }
        s->dir = xasprintf("%s/%s", dir_path, s->name);
        s->profile_copy = xasprintf("%s/profile", s->dir);
        *ret = s;
        return 0;
}

/* Is at/name on the filesystem of at? Something mounted there (a FUSE
 * file system its user made) could hang whoever opens it, root's list
 * included: it is skipped. Cached attributes only (AT_STATX_DONT_SYNC):
 * asking a FUSE server would hang just the same. */
bool state_same_fs(int at, const char *name)
{
        struct stat parent;
        struct statx sx;
        /* What cannot be looked at fails the open that follows. */
        if (fstat(at, &parent) < 0 ||
            statx(at, name, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT |
                                    AT_STATX_DONT_SYNC,
                  STATX_TYPE, &sx) < 0)
                return true;
        return makedev(sx.stx_dev_major, sx.stx_dev_minor) == parent.st_dev;
}

/* The state of sandbox `name` below a checked root; the directory's name
 * and the recorded name must agree. */
int state_read(int root_fd, const char *root_path, const char *name,
               uid_t uid, struct sb_state **ret)
{
        if (!state_same_fs(root_fd, name))
                return -EXDEV;
        _cleanup_free_ char *path = xasprintf("%s/%s", root_path, name);
        struct sb_error e = { 0 };
        _cleanup_close_ int dfd = -1;
        int r = state_open_dir(root_fd, name, path, uid, &dfd, &e);
        if (r < 0)
                return r;
        struct sb_state *s = NULL;
        r = state_read_at(dfd, root_path, uid, &s);
        if (r < 0 || !s)
                return r < 0 ? r : -EIO;
        if (strcmp(s->name, name) != 0) {
                sb_state_free(s);
                return -EINVAL;
        }
        *ret = s;
        return 0;
}

static bool same_process(pid_t pid, unsigned long long start)
{
        unsigned long long now;
        return pid > 0 && proc_running_since(pid, &now) == 0 && now == start;
}

bool sb_state_alive(const struct sb_state *st)
{
        if (st->init_pid)
                return same_process(st->init_pid, st->init_start);
        return same_process(st->launcher_pid, st->launcher_start);
}

/* ---- removing ---- */

int state_remove_dir(int root_fd, const char *name)
{
        DIR *d = opendir_at(root_fd, name, O_NOFOLLOW);
        if (!d)
                return errno == ENOENT ? 0 : -errno;
        struct dirent *de;
        /* unlinkat never follows a symlink: a planted one is removed
         * itself, not what it points to. */
        while ((de = readdir(d)))
                if (strcmp(de->d_name, ".") != 0 &&
                    strcmp(de->d_name, "..") != 0)
                        unlinkat(dirfd(d), de->d_name, 0);
        closedir(d);
        if (unlinkat(root_fd, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
                return -errno;
        return 0;
}

/* Remove st's directory if, under the lock, it still holds the same
 * dead sandbox (a new launcher may have taken the name meanwhile). */
static void remove_stale(int root_fd, const char *root_path,
                         const struct sb_state *st)
{
        struct sb_error e = { 0 };
        _cleanup_close_ int lock = state_lock(root_fd, root_path, &e);
        if (lock < 0) {
                log_debug("%s", e.msg);
                return;
        }
        struct sb_state *now = NULL;
        int r = state_read(root_fd, root_path, st->name, st->owner, &now);
        bool same = r >= 0 && now->launcher_pid == st->launcher_pid &&
                    now->launcher_start == st->launcher_start &&
                    !sb_state_alive(now);
        sb_state_free(now);
        if (!same)
                return;
        r = state_remove_dir(root_fd, st->name);
        if (r < 0)
                log_warn("cannot remove the stale state of '%s': %s",
                         st->name, strerror(-r));
        else
                log_debug("removed the stale state of '%s'", st->name);
}

int sb_state_load(const char *name, struct sb_state **ret,
                  struct sb_error *err)
{
        int r = sb_state_name_check(name, err);
        if (r < 0)
                return r;
        _cleanup_close_ int root = -1;
        _cleanup_free_ char *root_path = NULL;
        r = sb_state_root(&root, &root_path, err);
        if (r < 0)
                return r;
        struct sb_state *st = NULL;
        r = state_read(root, root_path, name, getuid(), &st);
        if (r == -ENOENT)
                return sb_error_set(err, -ENOENT, "no sandbox named '%s'",
                                    name);
        if (r < 0)
                return sb_error_errno(err, r, "the state of sandbox '%s' in "
                                      "%s/%s is not usable", name, root_path,
                                      name);
        if (!sb_state_alive(st)) {
                remove_stale(root, root_path, st);
                sb_state_free(st);
                return sb_error_set(err, -ENOENT, "no sandbox named '%s'",
                                    name);
        }
        if (!st->init_pid) {
                sb_state_free(st);
                return sb_error_set(err, -ENOENT, "no sandbox named '%s' "
                                    "(one is starting under that name)",
                                    name);
        }
        *ret = st;
        return 0;
}

int sb_state_open_dir(const struct sb_state *st, int *ret_fd,
                      struct sb_error *err)
{
        _cleanup_close_ int root = -1;
        _cleanup_free_ char *root_path = NULL;
        int r = sb_state_root(&root, &root_path, err);
        if (r < 0)
                return r;
        _cleanup_free_ char *path = xasprintf("%s/%s", root_path, st->name);
        if (!state_same_fs(root, st->name))
                return sb_error_set(err, -EXDEV, "%s is another file "
                                    "system's mount point; refusing it",
                                    path);
        return state_open_dir(root, st->name, path, st->owner, ret_fd, err);
}

int sb_state_forget(const struct sb_state *st)
{
        if (st->owner != getuid())
                return -EPERM;
        struct sb_error e = { 0 };
        _cleanup_close_ int root = -1;
        _cleanup_free_ char *root_path = NULL;
        int r = sb_state_root(&root, &root_path, &e);
        if (r < 0)
                return r;
        remove_stale(root, root_path, st);
        return 0;
}

/* ---- listing ---- */

struct list {
        struct sb_state **v;
        size_t n;
};

/* Another user's sandbox, seen by root: its init must run as that user
 * (the state file is the user's to write, so it could name any pid). */
static bool init_runs_as(const struct sb_state *st, uid_t uid)
{
        _cleanup_free_ char *ids = NULL;
        if (proc_status_value(st->init_pid, "Uid", &ids) < 0)
                return false;
        char want[16];
        int n = snprintf(want, sizeof(want), "%u\t", (unsigned)uid);
        return strncmp(ids, want, (size_t)n) == 0;
}

static void list_dir(struct list *l, int root_fd, const char *root_path,
                     uid_t uid, bool own)
{
        DIR *d = opendir_at(root_fd, ".", 0);
        if (!d)
                return;
        struct dirent *de;
        while ((de = readdir(d))) {
                if (!sb_state_name_valid(de->d_name))
                        continue;
                struct sb_state *st = NULL;
                if (state_read(root_fd, root_path, de->d_name, uid, &st) < 0)
                        continue;
                bool alive = sb_state_alive(st);
                if (alive && !own && st->init_pid &&
                    !init_runs_as(st, uid))
                        alive = false;
                if (!alive) {
                        if (own)
                                remove_stale(root_fd, root_path, st);
                        sb_state_free(st);
                        continue;
                }
                l->v = xrealloc(l->v,
                                (l->n + 1) * sizeof(struct sb_state *));
                l->v[l->n++] = st;
        }
        closedir(d);
}

/* root: every user's runtime directory, /run/user/UID/sandbox. */
static void list_users(struct list *l)
{
        _cleanup_close_ int ufd = open(USERS_RUNTIME, O_RDONLY | O_DIRECTORY |
                                                              O_NOFOLLOW |
                                                              O_CLOEXEC);
        if (ufd < 0)
                return;
        DIR *d = opendir_at(ufd, ".", 0);
        if (!d)
                return;
        struct dirent *de;
        while ((de = readdir(d))) {
                uint64_t uid;
                if (parse_u64(de->d_name, &uid) < 0 || uid == 0 ||
                    uid >= UINT32_MAX || de->d_name[0] == '0')
                        continue;
                _cleanup_free_ char *path = xasprintf(USERS_RUNTIME "/%s",
                                                      de->d_name);
                struct sb_error e = { 0 };
                _cleanup_close_ int pfd = -1, rfd = -1;
                if (state_open_dir(ufd, de->d_name, path, (uid_t)uid, &pfd,
                                   &e) < 0)
                        continue;
                _cleanup_free_ char *rpath = xasprintf("%s/sandbox", path);
                if (!state_same_fs(pfd, "sandbox") ||
                    state_open_dir(pfd, "sandbox", rpath, (uid_t)uid, &rfd,
                                   &e) < 0)
                        continue;
                list_dir(l, rfd, rpath, (uid_t)uid, false);
        }
        closedir(d);
}

static int by_creation(const void *a, const void *b)
{
        const struct sb_state *x = *(struct sb_state *const *)a;
        const struct sb_state *y = *(struct sb_state *const *)b;
        if (x->created != y->created)
                return x->created < y->created ? -1 : 1;
        if (x->owner != y->owner)
                return x->owner < y->owner ? -1 : 1;
        return strcmp(x->name, y->name);
}

int sb_state_list(struct sb_state ***ret, size_t *ret_n, struct sb_error *err)
{
        struct list l = { 0 };
        _cleanup_close_ int root = -1;
        _cleanup_free_ char *root_path = NULL;
        int r = sb_state_root(&root, &root_path, err);
        if (r < 0)
                return r;
        list_dir(&l, root, root_path, getuid(), true);
        if (getuid() == 0)
                list_users(&l);
        if (l.n)
                qsort(l.v, l.n, sizeof(struct sb_state *), by_creation);
        *ret = l.v;
        *ret_n = l.n;
        return 0;
}

void sb_state_list_free(struct sb_state **v, size_t n)
{
        for (size_t i = 0; i < n; i++)
                sb_state_free(v[i]);
        free(v);
}

/* ---- pidfd ---- */

int sb_state_pidfd(const struct sb_state *st, int *ret_fd,
                   struct sb_error *err)
{
        if (st->init_pid <= 0)
                return sb_error_set(err, -ESRCH, "the sandbox '%s' has not "
                                    "started", st->name);
        /* Without the identities its init recorded, nothing tells the
         * sandbox's init from another process that has its pid and start
         * time written into a forged or older state file. */
        for (int i = 0; i < SB_STATE_NS_MAX; i++)
                if (!st->ns[i].dev && !st->ns[i].ino)
                        return sb_error_set(err, -EPERM, "the state of "
                                            "sandbox '%s' records no %s "
                                            "namespace; refusing to act on "
                                            "it", st->name,
                                            sb_state_ns_name(i));
        _cleanup_close_ int fd = pidfd_open(st->init_pid, 0);
        if (fd < 0) {
                if (errno == ESRCH)
                        return sb_error_set(err, -ESRCH, "the sandbox '%s' "
                                            "has ended", st->name);
                return sb_error_errno(err, errno, "pidfd_open %d (init of "
                                      "'%s')", (int)st->init_pid, st->name);
        }
        /* The fd is for whatever had the pid when we opened it: only now
         * can the start time and pid namespace say it is the sandbox's
         * init and not a process that reuses its pid. */
        bool same = same_process(st->init_pid, st->init_start);
        const struct sb_ns_ident *want = &st->ns[SB_STATE_NS_PID];
        if (same) {
                /* A user may not see init's namespaces (it is not
                 * dumpable): then init must at least run as the state's
                 * owner -- the file is the user's to write and could name
                 * anyone's process. */
                uint64_t dev, ino;
                int r = proc_ns_ident(st->init_pid, "pid", &dev, &ino);
                if (r == 0)
                        same = dev == want->dev && ino == want->ino;
                else
                        same = (r == -EACCES || r == -EPERM) &&
                               init_runs_as(st, st->owner);
        }
        /* And it is still alive, so the checks above were about it. */
        if (same && pidfd_send_signal(fd, 0, NULL, 0) < 0)
                same = false;
        if (!same)
                return sb_error_set(err, -ESRCH, "the sandbox '%s' has ended",
                                    st->name);
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        *ret_fd = TAKE_FD(fd);
        return 0;
}
