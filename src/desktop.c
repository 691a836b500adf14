/* The desktop keys at launch. Everything the plan needs from the host is
 * checked before clone, so that a missing socket refuses the launch with
 * its name rather than failing a mount inside.
 *
 * Files the launcher makes for the sandbox (the Xauthority copy, the
 * proxy's socket) live in a fresh mkdtemp directory: the caller's runtime
 * directory when the sandbox runs as the caller, else /tmp (the sandbox's
 * host user, nobody when root starts it, could not enter root's). Once
 * the program runs they are bound inside and removed from the host, so a
 * launcher killed later leaves nothing behind.
 *
 * The proxy is the one helper process the launcher ever starts, and only
 * for dbus = "filtered". It gets the write end of a pipe (--fd): it
 * writes there when it listens and exits when the launcher's read end
 * closes, which the kernel does when the launcher dies however it dies;
 * PR_SET_PDEATHSIG is the second line. */
#include "desktop.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "desktop-plan.h"
#include "log.h"
#include "priv.h"
#include "syscall.h"
#include "util.h"

#define DRM_MAJOR 226
#define XAUTH_MAX (1024 * 1024)
/* How long the proxy may take to listen. */
#define PROXY_READY_MS 5000

static const char *const proxy_paths[] = {
        "/usr/bin/xdg-dbus-proxy",
        "/usr/local/bin/xdg-dbus-proxy",
        "/usr/libexec/xdg-dbus-proxy",
};

struct desktop {
        struct desktop_plan plan;
        uid_t uid;                      /* owner of what we make */
        gid_t gid;
        bool give;                      /* chown to uid/gid */
        char *dir;                      /* the mkdtemp directory, or NULL */
        char *base;                     /* where it was made */
        int dir_fd;
        bool xauth_made, socket_made;
        const char *proxy_bin;
        pid_t proxy_pid;
        int proxy_fd;                   /* our end of the --fd pipe */
};

static int check_dri(const struct desktop_check *c, struct sb_error *err)
{
        DIR *dir = opendir_at(AT_FDCWD, c->path, 0);
        if (!dir)
                return sb_error_errno(err, errno, "%s: this machine has no "
                                      "GPU device directory '%s'",
                                      c->where, c->path);
        unsigned nodes = 0;
        for (struct dirent *e; (e = readdir(dir));) {
                struct stat st;
                if (fstatat(dirfd(dir), e->d_name, &st,
                            AT_SYMLINK_NOFOLLOW) == 0 &&
                    S_ISCHR(st.st_mode) && major(st.st_rdev) == DRM_MAJOR)
                        nodes++;
        }
        closedir(dir);
        if (nodes == 0)
                return sb_error_set(err, -ENODEV, "%s: '%s' holds no DRM "
                                    "device node", c->where, c->path);
        return 0;
}

static int check_one(const struct desktop_check *c, struct sb_error *err)
{
        if (c->kind == DESKTOP_CHECK_DRI)
                return check_dri(c, err);
        struct stat st;
        if (stat(c->path, &st) < 0 && errno == ENOENT)
                return sb_error_set(err, -ENOENT, "%s: %s '%s' does not "
                                    "exist", c->where, c->what, c->path);
        if (stat(c->path, &st) < 0)
                return sb_error_errno(err, errno, "%s: %s '%s'", c->where,
                                      c->what, c->path);
        if (!S_ISSOCK(st.st_mode))
                return sb_error_set(err, -ENOTSOCK, "%s: %s '%s' is not a "
                                    "socket", c->where, c->what, c->path);
        return 0;
}

#define DIR_PREFIX "sandbox-desktop-"
/* How long a directory nobody holds must have been left alone before it
 * counts as abandoned: a launcher takes its lock microseconds after
 * mkdtemp, so only a directory in that window is ever unlocked and
 * young. */
#define STALE_AFTER_S 60
/* At most this many directory entries are looked at per launch: a /tmp
 * that someone filled must not slow every launch down. */
#define SWEEP_MAX_ENTRIES 4096

/* The directory `name` in bfd if it is one `owner` abandoned: owned by
 * them, held by no launcher (every launcher keeps an flock on its own
 * until it ends, whatever namespace it runs in), untouched for
 * STALE_AFTER_S. Opened without following a link or entering another
 * mount (a FUSE server could stall us), then locked: returns the fd, or
 * -1 when it is not to be removed. */
static int open_abandoned(int bfd, const char *name, uid_t owner)
{
        struct open_how how = {
                .flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC,
                .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
                           RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV,
        };
        int fd = sys_openat2(bfd, name, &how);
        if (fd < 0)
                return -1;
        struct stat st;
        if (fstat(fd, &st) < 0 || st.st_uid != owner ||
            st.st_mtime > time(NULL) - STALE_AFTER_S ||
            flock(fd, LOCK_EX | LOCK_NB) < 0) {
                close(fd);
                return -1;
        }
        return fd;
}

/* A launcher killed (SIGKILL) between making its directory and the
 * sandbox's start leaves the directory behind, with a copy of the X
 * cookie or the proxy's socket in it; the next launcher of the same user
 * removes it, once its own sandbox runs. Only directories of `owner`, never through a link (in /tmp,
 * sticky, nobody else can rename or replace what is theirs). */
static void sweep_stale(const char *base, uid_t owner)
{
        DIR *list = opendir_at(AT_FDCWD, base, 0);
        if (!list)
                return;
        int bfd = dirfd(list);
        struct dirent *de;
        for (int seen = 0; seen < SWEEP_MAX_ENTRIES && (de = readdir(list));
             seen++) {
                if (strncmp(de->d_name, DIR_PREFIX, strlen(DIR_PREFIX)) != 0 ||
                    (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN))
                        continue;
                _cleanup_close_ int dfd = open_abandoned(bfd, de->d_name,
                                                         owner);
                if (dfd < 0)
                        continue;
                unlinkat(dfd, "Xauthority", 0);
                unlinkat(dfd, "bus", 0);
                if (unlinkat(bfd, de->d_name, AT_REMOVEDIR) == 0)
                        log_debug("desktop: removed '%s/%s', left by a "
                                  "killed launcher", base, de->d_name);
        }
        closedir(list);
}

/* The directory for our files, made on first use. */
static int make_dir(struct desktop *d, const struct sb_config *cfg,
                    struct sb_error *err)
{
        if (d->dir)
                return 0;
        const char *rt = cfg->desktop.world.runtime_dir;
        const char *base = !d->give && rt && rt[0] == '/' ? rt : "/tmp";
        d->base = xstrdup(base);
        char *dir = xasprintf("%s/" DIR_PREFIX "XXXXXX", base);
        if (!mkdtemp(dir)) {
                int e = errno;
                free(dir);
                return sb_error_errno(err, e, "make a directory in '%s' for "
                                      "the desktop sockets", base);
        }
        d->dir = dir;
        d->dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
                                      O_CLOEXEC);
        if (d->dir_fd < 0)
                return sb_error_errno(err, errno, "open '%s'", dir);
        /* Held until we end: the sign that it is in use (sweep_stale). */
        if (flock(d->dir_fd, LOCK_EX | LOCK_NB) < 0)
                return sb_error_errno(err, errno, "lock '%s'", dir);
        if (d->give && fchownat(d->dir_fd, "", d->uid, d->gid,
                                AT_EMPTY_PATH) < 0)
                return sb_error_errno(err, errno, "give '%s' to uid %u", dir,
                                      (unsigned)d->uid);
        return 0;
}

/* Drop mount i of the plan, and the variable that points to it. */
static void drop_xauth(struct desktop *d)
{
        struct desktop_plan *p = &d->plan;
        size_t i = (size_t)p->xauth_mount;
        sb_mount_free(&p->mounts[i]);
        memmove(&p->mounts[i], &p->mounts[i + 1],
                (p->n_mounts - i - 1) * sizeof(*p->mounts));
        p->n_mounts--;
        if (p->proxy_mount > (int)i)
                p->proxy_mount--;
        p->xauth_mount = -1;
        for (size_t k = 0; k < p->n_set; k++) {
                if (strcmp(p->set[k].name, "XAUTHORITY") != 0)
                        continue;
                free(p->set[k].name);
                free(p->set[k].value);
                memmove(&p->set[k], &p->set[k + 1],
                        (p->n_set - k - 1) * sizeof(*p->set));
                p->n_set--;
                break;
        }
}

/* The caller's cookie, read as the caller, rewritten (desktop-plan.c) and
 * written to our directory; without a file or a cookie for the display
 * there is nothing to bind, and the X server must take the connection
 * without one. */
static int prepare_xauth(struct desktop *d, const struct sb_config *cfg,
                         struct sb_error *err)
{
        struct desktop_plan *p = &d->plan;
        struct sb_mount *m = &p->mounts[p->xauth_mount];
        _cleanup_free_ char *src = xstrdup(m->source);
        _cleanup_free_ char *data = NULL;
        ssize_t len = read_all_at(AT_FDCWD, src, O_NOFOLLOW | O_NONBLOCK,
                                  &data);
        if (len == -ENOENT) {
                log_debug("desktop: no Xauthority file '%s'; connecting "
                          "without a cookie", src);
                drop_xauth(d);
                return 0;
        }
        if (len < 0)
                return sb_error_errno(err, (int)len, "%s: the Xauthority "
                                      "file '%s'", m->origin, src);
        if (len > XAUTH_MAX)
                return sb_error_set(err, -EFBIG, "%s: the Xauthority file "
                                    "'%s' is larger than 1 MiB", m->origin,
                                    src);
        _cleanup_free_ unsigned char *out = NULL;
        long n;
        if (p->display_number) {
                n = desktop_xauth_rewrite((unsigned char *)data, (size_t)len,
                                          p->display_number, &out);
        } else {        /* a TCP display: the entries are the host's own */
                out = xmalloc((size_t)len + 1);
                memcpy(out, data, (size_t)len);
                n = len;
        }
        if (n < 0)
                return sb_error_set(err, -EINVAL, "%s: the Xauthority file "
                                    "'%s' is truncated or not one",
                                    m->origin, src);
        if (n == 0) {
                log_debug("desktop: '%s' has no cookie for display %s; "
                          "connecting without one", src,
                          p->display_number ? p->display_number : "?");
                drop_xauth(d);
                return 0;
        }
        int r = make_dir(d, cfg, err);
        if (r < 0)
                return r;
        _cleanup_close_ int dfd = openat(d->dir_fd, ".", O_RDONLY |
                                                 O_DIRECTORY | O_CLOEXEC);
        _cleanup_close_ int fd = dfd < 0 ? -1 : openat(dfd, "Xauthority",
                                        O_WRONLY | O_CREAT | O_EXCL |
                                                O_NOFOLLOW | O_CLOEXEC,
                                        0600);
        if (fd < 0)
                return sb_error_errno(err, errno, "write '%s/Xauthority'",
                                      d->dir);
        d->xauth_made = true;
        r = write_full(fd, out, (size_t)n);
        if (r >= 0 && d->give && fchown(fd, d->uid, d->gid) < 0)
                r = -errno;
        if (r < 0)
                return sb_error_errno(err, r, "write '%s/Xauthority'",
                                      d->dir);
        free(m->source);
        m->source = xasprintf("%s/Xauthority", d->dir);
        log_debug("desktop: Xauthority '%s' (the cookie of display %s) "
                  "as '%s'", src, p->display_number ? p->display_number : "",
                  m->source);
        return 0;
}

static int prepare_proxy(struct desktop *d, const struct sb_config *cfg,
                         struct sb_error *err)
{
        struct desktop_plan *p = &d->plan;
        /* A setuid launcher would start the proxy as root with the
         * caller's choice of bus address. */
        if (priv_mode() == SB_PRIV_SETUID)
                return sb_error_set(err, -EPERM, "%s: dbus = \"filtered\" is "
                                    "not available in a setuid-root "
                                    "install", p->dbus_where);
        for (size_t i = 0; i < ARRAY_SIZE(proxy_paths) && !d->proxy_bin; i++)
                if (access(proxy_paths[i], X_OK) == 0)
                        d->proxy_bin = proxy_paths[i];
        if (!d->proxy_bin)
                return sb_error_set(err, -ENOENT, "%s: dbus = \"filtered\" "
                                    "needs xdg-dbus-proxy, which is not "
                                    "installed (looked for %s)",
                                    p->dbus_where, proxy_paths[0]);
        int r = make_dir(d, cfg, err);
        if (r < 0)
                return r;
        struct sb_mount *m = &p->mounts[p->proxy_mount];
        m->source = xasprintf("%s/bus", d->dir);
        return 0;
}

int desktop_prepare(const struct sb_config *cfg, uid_t host_uid,
                    gid_t host_gid, struct desktop **ret,
                    struct sb_error *err)
{
        *ret = NULL;
        if (!sb_desktop_any(&cfg->desktop))
                return 0;
        struct desktop *d = xcalloc(1, sizeof(*d));
        d->dir_fd = -1;
        d->proxy_fd = -1;
        d->proxy_pid = -1;
        d->uid = host_uid;
        d->gid = host_gid;
        d->give = host_uid != getuid() || host_gid != getgid();
        _cleanup_free_ char *why = NULL;
        int r = desktop_plan_build(cfg, &d->plan, &why);
        if (r < 0) {
                sb_error_set(err, r, "%s", why);
                desktop_destroy(d);
                return r;
        }
        for (size_t i = 0; r >= 0 && i < d->plan.n_checks; i++)
                r = check_one(&d->plan.checks[i], err);
        if (r >= 0 && d->plan.xauth_mount >= 0)
                r = prepare_xauth(d, cfg, err);
        if (r >= 0 && d->plan.proxy_mount >= 0)
                r = prepare_proxy(d, cfg, err);
        if (r < 0) {
                desktop_destroy(d);
                return r;
        }
        for (size_t i = 0; i < d->plan.n_set; i++)
                log_debug("desktop: %s=%s", d->plan.set[i].name,
                          d->plan.set[i].value);
        for (size_t i = 0; d->plan.unset && d->plan.unset[i]; i++)
                log_debug("desktop: %s removed", d->plan.unset[i]);
        *ret = d;
        return 0;
}

const struct sb_mount *desktop_mounts(const struct desktop *d, size_t *ret_n)
{
        *ret_n = d ? d->plan.n_mounts : 0;
        return d ? d->plan.mounts : NULL;
}

void desktop_env(const struct desktop *d, char ***envp)
{
        desktop_plan_env(d ? &d->plan : NULL, envp);
}

/* In the forked child: only async-signal-safe calls until execve. */
__attribute__((noreturn)) static void proxy_child(const struct desktop *d,
                                                  char **argv, int wfd)
{
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        /* The launcher blocks every signal around clone; the proxy must
         * die of the SIGTERM we send it. */
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (getppid() == 1)
                _exit(127);
        /* Only the pipe's write end and stdio stay; stdout goes to
         * stderr so that the proxy's chatter is not the program's. */
        if (dup2(2, 1) < 0)
                _exit(127);
        if (fcntl(wfd, F_SETFD, 0) < 0)
                _exit(127);
        static char *const envp[] = { "PATH=/usr/bin:/bin", NULL };
        execve(d->proxy_bin, argv, envp);
        _exit(127);
}

int desktop_start(struct desktop *d, struct sb_error *err)
{
        if (!d || d->plan.proxy_mount < 0)
                return 0;
        const struct desktop_plan *p = &d->plan;
        int pfd[2];
        if (pipe2(pfd, O_CLOEXEC) < 0)
                return sb_error_errno(err, errno, "create the proxy's pipe");
        char fdarg[32];
        snprintf(fdarg, sizeof(fdarg), "--fd=%d", pfd[1]);
        const char *sock = p->mounts[p->proxy_mount].source;
        char **argv = xcalloc(1, sizeof(char *));
        strv_push(&argv, xstrdup("xdg-dbus-proxy"));
        strv_push(&argv, xstrdup(fdarg));
        strv_push(&argv, xstrdup(p->proxy_address));
        strv_push(&argv, xstrdup(sock));
        strv_push(&argv, xstrdup("--filter"));
        for (size_t i = 0; p->proxy_args[i]; i++)
                strv_push(&argv, xstrdup(p->proxy_args[i]));
        pid_t pid = fork();
        if (pid == 0) {
                close(pfd[0]);
                proxy_child(d, argv, pfd[1]);
        }
        int e = errno;
        strv_free(argv);
        close(pfd[1]);
        if (pid < 0) {
                close(pfd[0]);
                return sb_error_errno(err, e, "start xdg-dbus-proxy");
        }
        d->proxy_pid = pid;
        d->proxy_fd = pfd[0];
        d->socket_made = true;
        /* One byte when it listens; the end of the stream if it failed. */
        struct pollfd pf = { .fd = pfd[0], .events = POLLIN };
        int n;
        while ((n = poll(&pf, 1, PROXY_READY_MS)) < 0 && errno == EINTR)
                ;
        char byte;
        ssize_t got = n > 0 ? read(pfd[0], &byte, 1) : -1;
        if (got != 1)
                return sb_error_set(err, -EIO, "%s: xdg-dbus-proxy %s for "
                                    "the bus '%s'", p->dbus_where,
                                    n == 0 ? "did not get ready in time"
                                           : "failed to start",
                                    p->proxy_address);
        /* The sandbox's user connects to it (when root starts it). */
        if (d->give && (fchownat(d->dir_fd, "bus", d->uid, d->gid,
                                 AT_SYMLINK_NOFOLLOW) < 0))
                return sb_error_errno(err, errno, "give '%s' to uid %u", sock,
                                      (unsigned)d->uid);
        log_debug("desktop: xdg-dbus-proxy (pid %d) for '%s' on '%s'",
                  (int)pid, p->proxy_address, sock);
        return 0;
}

static void remove_files(struct desktop *d)
{
        if (!d->dir)
                return;
        _cleanup_close_ int dfd = openat(d->dir_fd, ".", O_RDONLY |
                                                 O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
                if (d->xauth_made)
                        unlinkat(dfd, "Xauthority", 0);
                if (d->socket_made)
                        unlinkat(dfd, "bus", 0);
        }
        if (rmdir(d->dir) < 0 && errno != ENOENT)
                log_debug("desktop: cannot remove '%s': %s, ignoring", d->dir,
                          strerror(errno));
        free(d->dir);
        d->dir = NULL;
}

void desktop_started(struct desktop *d)
{
        if (!d)
                return;
        remove_files(d);
        /* Off the launch's path: the program runs by now. Directories are
         * made with the caller's uid (the filesystem uid in setuid mode),
         * then given to the sandbox's user in give mode. */
        if (d->base)
                sweep_stale(d->base, d->give ? d->uid : getuid());
}

void desktop_destroy(struct desktop *d)
{
        if (!d)
                return;
        if (d->proxy_fd >= 0)
                close(d->proxy_fd);
        if (d->proxy_pid > 0) {
                kill(d->proxy_pid, SIGKILL);
                while (waitpid(d->proxy_pid, NULL, 0) < 0 && errno == EINTR)
                        ;
        }
        remove_files(d);
        if (d->dir_fd >= 0)
                close(d->dir_fd);
        desktop_plan_free(&d->plan);
        free(d->base);
        free(d);
}
