/* Cgroups, the part common to both versions: which hierarchies a sandbox
 * joins, where its cgroup goes (beneath the launcher's own, in every
 * hierarchy), creating, attaching and removing it, reaping the cgroups of
 * dead launchers in every hierarchy (the rules are in cgroup-name.c), and
 * dispatching freeze, kill and statistics to the v2 and v1 backends. */
#include "cgroup-internal.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "util.h"

#define EMPTY_TIMEOUT_MS 2000

/* ---- file helpers ---- */

int cg_write(const struct cg_dir *d, const char *file, const char *value,
             struct sb_error *err)
{
        /* O_TRUNC is a no-op on cgroupfs and keeps a fixture exact. */
        _cleanup_close_ int fd = openat(d->fd, file,
                                        O_WRONLY | O_TRUNC | O_CLOEXEC |
                                                O_NOFOLLOW);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s/%s", d->path, file);
        size_t n = strlen(value);
        ssize_t w = write(fd, value, n);
        if (w < 0 || (size_t)w != n)
                return sb_error_errno(err, w < 0 ? errno : EIO,
                                      "write '%s' to %s/%s", value, d->path,
                                      file);
        return 0;
}

ssize_t cg_read(const struct cg_dir *d, const char *file, char *buf,
                size_t size)
{
        _cleanup_close_ int fd =
                openat(d->fd, file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return -errno;
        return read_full(fd, buf, size);
}

ssize_t cg_read_all(const struct cg_dir *d, const char *file, char **ret)
{
        return read_all_at(d ? d->fd : AT_FDCWD, file, O_NOFOLLOW, ret);
}

int cg_read_u64(const struct cg_dir *d, const char *file, uint64_t *ret)
{
        char buf[64];
        ssize_t n = cg_read(d, file, buf, sizeof(buf));
        if (n < 0)
                return (int)n;
        buf[strcspn(buf, "\n")] = '\0';
        if (strcmp(buf, "max") == 0) {
                *ret = SB_CG_UNLIMITED;
                return 0;
        }
        return parse_u64(buf, ret);
}

int cg_read_key(const struct cg_dir *d, const char *file, const char *key,
                uint64_t *ret)
{
        /* Keyed files (memory.stat, cpu.stat) may outgrow a fixed buffer. */
        _cleanup_free_ char *buf = NULL;
        ssize_t n = cg_read_all(d, file, &buf);
        if (n < 0)
                return (int)n;
        size_t klen = strlen(key);
        for (char *line = buf; *line;) {
                char *end = strchrnul(line, '\n');
                if (strncmp(line, key, klen) == 0 && line[klen] == ' ') {
                        *end = '\0';
                        return parse_u64(line + klen + 1, ret);
                }
                line = *end ? end + 1 : end;
        }
        return -ENOENT;
}

int cg_has_procs(const struct cg_dir *d)
{
        char buf[16];
        ssize_t n = cg_read(d, "cgroup.procs", buf, sizeof(buf));
        return n < 0 ? (int)n : n > 0;
}

int cg_wait(const struct cg_dir *d, int (*done)(const struct cg_dir *d),
            int timeout_ms)
{
        long slept_us = 0, step_us = 500;
        for (;;) {
                int r = done(d);
                if (r != 0)
                        return r < 0 ? r : 0;
                if (slept_us >= timeout_ms * 1000L)
                        return -ETIMEDOUT;
                struct timespec ts = { 0, step_us * 1000 };
                nanosleep(&ts, NULL);
                slept_us += step_us;
                if (step_us < 32000)
                        step_us *= 2;
        }
}

/* ---- directories ---- */

/* A directory of a mounted cgroup filesystem: checked by its filesystem
 * type, so that nothing else mounted over a cgroup path is written to. */
static int open_cgroup_dir(int at, const char *name, const char *path,
                           bool v2, int *ret, struct sb_error *err)
{
        _cleanup_close_ int fd = openat(at, name,
                                        O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                                                O_NOFOLLOW);
        if (fd < 0)
                return sb_error_errno(err, errno, "open cgroup %s", path);
        struct statfs sf;
        if (fstatfs(fd, &sf) < 0)
                return sb_error_errno(err, errno, "statfs %s", path);
        if (sf.f_type != (v2 ? CGROUP2_SUPER_MAGIC : CGROUP_SUPER_MAGIC))
                return sb_error_set(err, -EXDEV, "%s is not a cgroup%s "
                                    "filesystem", path, v2 ? "2" : "");
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        *ret = TAKE_FD(fd);
        return 0;
}

static void dir_release(struct cg_dir *d)
{
        if (d->fd >= 0)
                close(d->fd);
        free(d->path);
        free(d->proc_path);
        d->fd = -1;
        d->path = NULL;
        d->proc_path = NULL;
}

/* MOUNT + the launcher's PATH there [+ "/" PARENT]. */
static char *join_path(const char *mount, const char *path,
                       const char *parent)
{
        const char *p = strcmp(path, "/") == 0 ? "" : path;
        return parent ? xasprintf("%s%s/%s", mount, p, parent)
                      : xasprintf("%s%s", mount, p);
}

/* Where the sandbox's cgroup goes in one hierarchy. */
struct target {
        const struct cgroup_backend *ops;
        const char *mount;
        const char *launcher_path;
        const char *launcher_self;      /* as /proc/self/cgroup shows it */
        const char *hier;               /* see struct cg_dir */
        unsigned ctrls;                 /* what it serves */
        unsigned required;              /* what the profile asked for */
};

/* A directory of target t named NAME (or PARENT/NAME) below the launcher's
 * cgroup, not opened yet. */
static struct cg_dir target_dir(const struct target *t, const char *name)
{
        return (struct cg_dir){
                .ops = t->ops,
                .fd = -1,
                .ctrls = t->ctrls,
                .hier = t->hier,
                .path = join_path(t->mount, t->launcher_path, name),
                .proc_path = join_path("", t->launcher_self, name),
        };
}

/* The controllers the config's limits need. */
static unsigned needed_ctrls(const struct sb_cgroup_config *g)
{
        unsigned m = 0;
        if (g->memory || g->memory_swap_set)
                m |= CG_BIT(CG_MEMORY);
        if (g->pids)
                m |= CG_BIT(CG_PIDS);
        if (g->millicpus || g->cpu_weight)
                m |= CG_BIT(CG_CPU);
        if (g->io_weight)
                m |= CG_BIT(CG_IO);
        if (g->devices_set)
                m |= CG_BIT(CG_DEVICES);
        return m;
}

/* One target per hierarchy. Each controller goes to its v1 hierarchy if it
 * has one, else to v2. On v1, the hierarchies that statistics and the
 * freezer use are joined too, when we may; on v2 those come with the
 * parent's cgroup.subtree_control, which is only changed for limits. */
static int plan(const struct cg_layout *l, const struct sb_cgroup_config *g,
                struct target *t, size_t *ret_n, struct sb_error *err)
{
        unsigned need = needed_ctrls(g);
        /* The v1 freezer too where there is a cgroup2 tree, whose core
         * freezer and cgroup.kill are used first: it keeps the v1 way to
         * freeze and kill working, and tested, on hybrid layouts. */
        unsigned want = need | CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS) |
                        CG_BIT(CG_CPUACCT) | CG_BIT(CG_IO) |
                        CG_BIT(CG_FREEZER);
        size_t n = 0;
        if (l->v2_mount)
                t[n++] = (struct target){ &cgroup_v2_backend, l->v2_mount,
                                          l->v2_path, l->v2_self, NULL, 0,
                                          0 };
        for (int c = 0; c < CG_CTRL_MAX; c++) {
                if (!(want & CG_BIT(c)))
                        continue;
                const char *mount = l->v1_mount[c];
                if (!mount) {
                        if (l->v2_mount) {
                                t[0].ctrls |= need & CG_BIT(c);
                                t[0].required |= need & CG_BIT(c);
                        } else if (need & CG_BIT(c)) {
                                return sb_error_set(err, -EOPNOTSUPP,
                                        "the cgroup %s controller is not "
                                        "mounted", cg_ctrl_v1_name(c));
                        }
                        continue;
                }
                size_t i = 0;       /* co-mounted controllers share one */
                while (i < n && strcmp(t[i].mount, mount) != 0)
                        i++;
                if (i == n)
                        t[n++] = (struct target){ &cgroup_v1_backend, mount,
                                                  l->v1_path[c],
                                                  l->v1_self[c],
                                                  cg_ctrl_v1_name(c), 0, 0 };
                t[i].ctrls |= CG_BIT(c);
                t[i].required |= need & CG_BIT(c);
        }
        if (n == 0)
                return sb_error_set(err, -EOPNOTSUPP,
                                    "no cgroup filesystem is mounted");
        *ret_n = n;
        return 0;
}

/* Reap next to where the new cgroup goes, in every hierarchy this
 * process is in, so that a hierarchy that this sandbox does not join is
 * cleaned too. */
static void reap_all(const struct cg_layout *l, const char *parent)
{
        const char *seen[CG_CTRL_MAX + 1] = { 0 };
        size_t n_seen = 0;
        for (int c = -1; c < CG_CTRL_MAX; c++) {
                const char *mount = c < 0 ? l->v2_mount : l->v1_mount[c];
                if (!mount)
                        continue;
                bool dup = false;
                for (size_t i = 0; i < n_seen; i++)
                        dup = dup || strcmp(seen[i], mount) == 0;
                if (dup)
                        continue;
                seen[n_seen++] = mount;
                _cleanup_free_ char *path = join_path(
                        mount, c < 0 ? l->v2_path : l->v1_path[c], parent);
                int fd = -1;
                struct sb_error e = { 0 };
                if (open_cgroup_dir(AT_FDCWD, path, path, c < 0, &fd, &e) < 0)
                        continue;
                cg_reap(fd, path, c < 0 ? &cgroup_v2_backend
                                        : &cgroup_v1_backend);
                close(fd);
        }
}

static bool is_permission_error(int e)
{
        return e == EACCES || e == EPERM || e == EROFS;
}

#define DELEGATION_HINT                                                        \
        "cgroup limits need root or a delegated cgroup (for example, start "   \
        "sandbox under 'systemd-run --user --scope -p Delegate=yes')"

/* Make the sandbox's directory in one hierarchy and write its limits. */
static int make_dir(struct cgroup *cg, const struct target *t,
                    const struct sb_cgroup_config *g, const char *leaf,
                    struct sb_error *err)
{
        bool v2 = t->ops == &cgroup_v2_backend;
        struct cg_dir parent = { .ops = t->ops, .fd = -1 };
        parent.path = join_path(t->mount, t->launcher_path, g->parent);
        int r = open_cgroup_dir(AT_FDCWD, parent.path, parent.path, v2,
                                &parent.fd, err);
        if (r == -ENOENT && g->parent)
                r = sb_error_set(err, r, "cgroup.parent: %s does not exist",
                                 parent.path);
        if (r >= 0 && t->ops->prepare_parent)
                r = t->ops->prepare_parent(&parent, t->ctrls, err);
        if (r < 0)
                goto out;

        struct cg_dir *d = &cg->dirs[cg->n_dirs];
        *d = target_dir(t, cg->name);
        /* The name is this launcher's own (pid and start time): one that
         * exists is someone else's, never removed to make room. */
        if (mkdirat(parent.fd, leaf, 0755) < 0) {
                r = -errno;
                if (is_permission_error(-r))
                        sb_error_set(err, r, "create cgroup %s: %s; "
                                     DELEGATION_HINT, d->path, strerror(-r));
                else if (r == -EEXIST)
                        sb_error_set(err, r, "create cgroup %s: %s (this "
                                     "launcher did not make it, so it is "
                                     "left alone)", d->path, strerror(-r));
                else
                        sb_error_errno(err, r, "create cgroup %s", d->path);
                dir_release(d);
                goto out;
        }
        d->made = true;
        r = open_cgroup_dir(parent.fd, leaf, d->path, v2, &d->fd, err);
        if (r >= 0)
                r = t->ops->write_limits(d, g, err);
        if (r < 0) {
                /* Empty still: nothing has joined it. */
                unlinkat(parent.fd, leaf, AT_REMOVEDIR);
                dir_release(d);
                goto out;
        }
        cg->n_dirs++;
        log_debug("cgroup %s", d->path);
out:
        dir_release(&parent);
        return r;
}

/* Remove the directories we made, the newest first. Best effort. */
static void remove_dirs(struct cgroup *cg)
{
        for (size_t i = cg->n_dirs; i-- > 0;) {
                struct cg_dir *d = &cg->dirs[i];
                if (d->made && rmdir(d->path) < 0 && errno != ENOENT)
                        log_warn("cannot remove cgroup %s: %s", d->path,
                                 strerror(errno));
        }
}

void cgroup_free(struct cgroup *cg)
{
        if (!cg)
                return;
        for (size_t i = 0; i < cg->n_dirs; i++)
                dir_release(&cg->dirs[i]);
        free(cg->name);
        free(cg);
}

/* Make the directories of every target; on failure, none is left. */
static int make_all(struct cgroup *cg, const struct target *t, size_t n,
                    const struct sb_cgroup_config *g, const char *leaf,
                    struct sb_error *err)
{
        for (size_t i = 0; i < n; i++) {
                struct sb_error e = { 0 };
                int r = make_dir(cg, &t[i], g, leaf, &e);
                if (r >= 0)
                        continue;
                /* A hierarchy joined only for statistics may be out of
                 * reach (v1 hierarchies are rarely delegated, and a
                 * cgroup.parent may exist only where limits go). */
                if (!t[i].required && t[i].ops == &cgroup_v1_backend) {
                        log_debug("%s, ignoring", e.msg);
                        continue;
                }
                *err = e;
                return r;
        }
        if (cg->n_dirs == 0)
                return sb_error_set(err, -EACCES, "no cgroup could be "
                                    "created; " DELEGATION_HINT);
        return 0;
}

int cgroup_prepare(const struct sb_config *cfg, struct cgroup **ret,
                   struct sb_error *err)
{
        const struct sb_cgroup_config *g = &cfg->cgroup;
        *ret = NULL;
        if (!sb_cgroup_config_wanted(g))
                return 0;

        struct cg_layout l;
        int r = cg_layout_read(&l, err);
        if (r < 0)
                return r;
        log_debug("cgroup layout: %s", cg_mode_name(cg_layout_mode(&l)));
        struct target t[CG_DIRS_MAX];
        size_t n = 0;
        r = plan(&l, g, t, &n, err);
        struct cg_name self;
        if (r >= 0)
                r = cg_name_self(false, &self, err);
        if (r >= 0) {
                char leaf[CG_NAME_MAX];
                cg_name_format(&self, leaf, sizeof(leaf));
                struct cgroup *cg = xcalloc(1, sizeof(*cg));
                cg->name = g->parent ? xasprintf("%s/%s", g->parent, leaf)
                                     : xstrdup(leaf);
                reap_all(&l, g->parent);
                r = make_all(cg, t, n, g, leaf, err);
                if (r < 0) {
                        remove_dirs(cg);
                        cgroup_free(cg);
                } else {
                        *ret = cg;
                }
        }
        cg_layout_free(&l);
        return r;
}

int cgroup_attach(struct cgroup *cg, pid_t pid, struct sb_error *err)
{
        if (!cg)
                return 0;
        char buf[16];
        snprintf(buf, sizeof(buf), "%d", (int)pid);
        for (size_t i = 0; i < cg->n_dirs; i++) {
                int r = cg_write(&cg->dirs[i], "cgroup.procs", buf, err);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int empty(const struct cg_dir *d)
{
        int r = d->ops->populated(d);
        return r < 0 ? r : !r;
}

void cgroup_destroy(struct cgroup *cg)
{
        if (!cg)
                return;
        bool populated = false;
        for (size_t i = 0; i < cg->n_dirs; i++)
                populated = populated || cg->dirs[i].ops->populated(
                                                 &cg->dirs[i]) > 0;
        if (populated) {
                struct sb_error err = { 0 };
                if (cgroup_kill(cg, &err) < 0)
                        log_warn("%s", err.msg);
        }
        for (size_t i = 0; i < cg->n_dirs; i++) {
                int r = cg_wait(&cg->dirs[i], empty, EMPTY_TIMEOUT_MS);
                if (r < 0)
                        log_warn("cgroup %s does not empty: %s",
                                 cg->dirs[i].path, strerror(-r));
        }
        remove_dirs(cg);
        cgroup_free(cg);
}

/* A name below our cgroup: relative, without "..". */
static bool name_ok(const char *name, struct sb_error *err)
{
        if (name[0] == '/' || strstr(name, "..") || !*name) {
                sb_error_set(err, -EINVAL, "'%s' is not a cgroup name", name);
                return false;
        }
        return true;
}

/* Keep cg's next directory (filled in by the caller) if it opens; a
 * hierarchy where it does not is left out. */
static void adopt_dir(struct cgroup *cg, bool v2)
{
        struct cg_dir *d = &cg->dirs[cg->n_dirs];
        struct sb_error e = { 0 };
        if (open_cgroup_dir(AT_FDCWD, d->path, d->path, v2, &d->fd, &e) < 0) {
                dir_release(d);
                return;
        }
        cg->n_dirs++;
}

int cgroup_open(const char *name, struct cgroup **ret, struct sb_error *err)
{
        if (!name_ok(name, err))
                return -EINVAL;
        struct cg_layout l;
        int r = cg_layout_read(&l, err);
        if (r < 0)
                return r;
        /* Every hierarchy that statistics, freeze and kill use. */
        struct sb_cgroup_config g = { .set = true };
        struct target t[CG_DIRS_MAX];
        size_t n = 0;
        r = plan(&l, &g, t, &n, err);
        struct cgroup *cg = xcalloc(1, sizeof(*cg));
        cg->name = xstrdup(name);
        for (size_t i = 0; r >= 0 && i < n; i++) {
                cg->dirs[cg->n_dirs] = target_dir(&t[i], name);
                adopt_dir(cg, t[i].ops == &cgroup_v2_backend);
        }
        if (r >= 0 && cg->n_dirs == 0)
                r = sb_error_set(err, -ENOENT, "no cgroup '%s' below this "
                                 "process's cgroup", name);
        cg_layout_free(&l);
        if (r < 0) {
                cgroup_free(cg);
                return r;
        }
        *ret = cg;
        return 0;
}

_Static_assert(CGROUP_ENTRY_MAX >= CG_DIRS_MAX, "room for every directory");

int cgroup_enter_open(const struct cgroup *cg, struct cgroup_entry *ret,
                      struct sb_error *err)
{
        struct cgroup_entry e = { .n = 0 };
        for (size_t i = 0; i < cg->n_dirs; i++) {
                int fd = openat(cg->dirs[i].fd, "cgroup.procs",
                                O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
                if (fd < 0) {
                        int r = sb_error_errno(err, errno, "open %s/cgroup.procs",
                                               cg->dirs[i].path);
                        cgroup_entry_close(&e);
                        return r;
                }
                e.fd[e.n++] = fd;
        }
        *ret = e;
        return 0;
}

int cgroup_enter(const struct cgroup_entry *e, pid_t pid, struct sb_error *err)
{
        char buf[16];
        int len = snprintf(buf, sizeof(buf), "%d", (int)pid);
        for (size_t i = 0; i < e->n; i++)
                if (write(e->fd[i], buf, (size_t)len) != len)
                        return sb_error_errno(err, errno, "move process %d "
                                              "into the sandbox's cgroup",
                                              (int)pid);
        return 0;
}

void cgroup_entry_close(struct cgroup_entry *e)
{
        for (size_t i = 0; i < e->n; i++)
                close(e->fd[i]);
        e->n = 0;
}

int cgroup_open_pid(pid_t pid, const char *name, struct cgroup **ret,
                    struct sb_error *err)
{
        if (!name_ok(name, err))
                return -EINVAL;
        char file[32];
        snprintf(file, sizeof(file), "/proc/%d/cgroup", (int)pid);
        _cleanup_free_ char *text = NULL;
        ssize_t len = cg_read_all(NULL, file, &text);
        if (len < 0)
                return sb_error_errno(err, (int)len, "read %s", file);
        struct cg_layout l;
        int r = cg_layout_read(&l, err);
        if (r < 0)
                return r;
        struct sb_cgroup_config g = { .set = true };
        struct target t[CG_DIRS_MAX];
        size_t n = 0;
        r = plan(&l, &g, t, &n, err);
        struct cgroup *cg = xcalloc(1, sizeof(*cg));
        cg->name = xstrdup(name);
        _cleanup_free_ char *suffix = xasprintf("/%s", name);
        for (size_t i = 0; r >= 0 && i < n; i++) {
                /* Only where the mount shows the whole of our cgroup
                 * namespace: then a /proc path is a path in the mount. */
                if (strcmp(t[i].launcher_path, t[i].launcher_self) != 0)
                        continue;
                char *at = cg_proc_text_path(text, t[i].hier);
                if (!at || !str_has_suffix(at, suffix) || strstr(at, "/..")) {
                        free(at);
                        continue;
                }
                bool v2 = t[i].ops == &cgroup_v2_backend;
                struct cg_dir *d = &cg->dirs[cg->n_dirs];
                *d = (struct cg_dir){
                        .ops = t[i].ops,
                        .fd = -1,
                        .ctrls = t[i].ctrls,
                        .hier = t[i].hier,
                        .path = join_path(t[i].mount, at, NULL),
                        .proc_path = at,
                };
                adopt_dir(cg, v2);
        }
        cg_layout_free(&l);
        if (r >= 0 && cg->n_dirs == 0) {
                /* A mount of another shape: by name, below our cgroup. */
                cgroup_free(cg);
                return cgroup_open(name, ret, err);
        }
        if (r < 0) {
                cgroup_free(cg);
                return r;
        }
        *ret = cg;
        return 0;
}

int cgroup_procs(struct cgroup *cg, pid_t **ret, size_t *ret_n)
{
        if (cg->n_dirs == 0)
                return -ENOENT;
        /* Every directory holds the same processes: the first will do. */
        _cleanup_free_ char *text = NULL;
        ssize_t len = cg_read_all(&cg->dirs[0], "cgroup.procs", &text);
        if (len < 0)
                return (int)len;
        pid_t *v = NULL;
        size_t n = 0;
        for (char *line = text; *line;) {
                char *end = strchrnul(line, '\n');
                bool last = !*end;
                *end = '\0';
                uint64_t pid;
                if (parse_u64(line, &pid) == 0 && pid > 0 && pid <= INT32_MAX) {
                        v = xrealloc(v, (n + 1) * sizeof(*v));
                        v[n++] = (pid_t)pid;
                }
                if (last)
                        break;
                line = end + 1;
        }
        *ret = v;
        *ret_n = n;
        return 0;
}

int cgroup_frozen(struct cgroup *cg)
{
        for (size_t i = 0; i < cg->n_dirs; i++) {
                const struct cg_dir *d = &cg->dirs[i];
                char buf[64];
                if (d->ops == &cgroup_v2_backend) {
                        uint64_t v;
                        if (cg_read_key(d, "cgroup.events", "frozen", &v) >= 0)
                                return v == 1;
                } else if (d->ctrls & CG_BIT(CG_FREEZER)) {
                        if (cg_read(d, "freezer.state", buf, sizeof(buf)) > 0)
                                return strncmp(buf, "FROZEN", 6) == 0;
                }
        }
        return -EOPNOTSUPP;
}

const char *cgroup_name(const struct cgroup *cg)
{
        return cg->name;
}

/* v2 first: its core freezer and cgroup.kill cover every hierarchy's
 * processes at once, since the same processes are in all of them. */
static const struct cgroup_backend *const backends[] = {
        &cgroup_v2_backend,
        &cgroup_v1_backend,
};

static int freeze(struct cgroup *cg, bool frozen, struct sb_error *err)
{
        for (size_t i = 0; i < ARRAY_SIZE(backends); i++) {
                int r = backends[i]->freeze(cg, frozen, err);
                if (r != -EOPNOTSUPP)
                        return r;
        }
        return sb_error_set(err, -EOPNOTSUPP, "cgroup %s has no freezer",
                            cg->name);
}

int cgroup_freeze(struct cgroup *cg, struct sb_error *err)
{
        return freeze(cg, true, err);
}

int cgroup_thaw(struct cgroup *cg, struct sb_error *err)
{
        return freeze(cg, false, err);
}

int cgroup_kill(struct cgroup *cg, struct sb_error *err)
{
        for (size_t i = 0; i < ARRAY_SIZE(backends); i++) {
                int r = backends[i]->kill(cg, err);
                if (r != -EOPNOTSUPP)
                        return r;
        }
        return sb_error_set(err, -EOPNOTSUPP, "cgroup %s: no way to kill "
                            "its processes", cg->name);
}

int cgroup_stats(struct cgroup *cg, struct cgroup_stats *ret,
                 struct sb_error *err)
{
        struct cgroup_stats s = { 0 };
        for (size_t i = 0; i < ARRAY_SIZE(backends); i++)
                backends[i]->stats(cg, &s);
        if (!s.known)
                return sb_error_set(err, -ENODATA, "cgroup %s: no "
                                    "statistics", cg->name);
        *ret = s;
        return 0;
}
