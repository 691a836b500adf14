/* The launcher's side of a sandbox's state: reserve the name before the
 * start, record the running sandbox (the resolved profile, init's start
 * time and namespaces) once it runs, remove it all when it ends. Files
 * are written as a temporary and renamed, under the root's lock.
 *
 * An unnamed sandbox has no name to refuse, so its directory is made
 * only once it runs, in one step with its profile and state: nothing
 * on disk before the start and one state file per launch, written while
 * the program already runs (a launch is on a hot path; docs/NAMED.md). */
#include "state-internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "config-print.h"
#include "log.h"
#include "proc.h"
#include "util.h"

struct sb_state_lease {
        int root_fd;
        char *root_path;
        int dir_fd;             /* -1 until the directory is made */
        struct sb_state st;
};

const char *sb_state_lease_name(const struct sb_state_lease *l)
{
        return l->st.name;
}

const char *sb_state_lease_root(const struct sb_state_lease *l)
{
        return l->root_path;
}

/* Write `file` in dir_fd atomically: FILE.tmp (made new, mode 0600), then
 * put in FILE's place (exchanged with an existing FILE, which is then
 * unlinked). write_fn fills the stream. */
static int write_atomic(struct sb_state_lease *l, const char *file,
                        void (*write_fn)(FILE *f, const void *arg),
                        const void *arg, struct sb_error *err)
{
        char tmp[32];
        snprintf(tmp, sizeof(tmp), "%s.tmp", file);
        /* O_EXCL after removing a leftover: never through a planted link. */
        unlinkat(l->dir_fd, tmp, 0);
        int fd = openat(l->dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL |
                                                O_NOFOLLOW | O_CLOEXEC,
                        0600);
        if (fd < 0)
                return sb_error_errno(err, errno, "create %s/%s/%s",
                                      l->root_path, l->st.name, tmp);
        FILE *f = fdopen(fd, "w");
        if (!f) {
                close(fd);
                return sb_error_errno(err, errno, "fdopen %s", tmp);
        }
        write_fn(f, arg);
        bool bad = ferror(f) != 0;
        if (fclose(f) != 0 || bad) {
                unlinkat(l->dir_fd, tmp, 0);
                return sb_error_errno(err, errno ? errno : EIO,
                                      "write %s/%s/%s", l->root_path,
                                      l->st.name, tmp);
        }
        /* Over an existing file by exchange, then the old one is
         * unlinked: ext4 (auto_da_alloc) gives a file renamed over
         * another its blocks at once, and where /run is ext4 mounted with
         * `discard`, freeing them when the sandbox ends is a synchronous
         * discard, a third of a millisecond of every launch. */
        if (renameat2(l->dir_fd, tmp, l->dir_fd, file, RENAME_EXCHANGE) == 0) {
                /* FILE is in place; a leftover temporary would make every
                 * later write fail (O_EXCL), so say so now. */
                if (unlinkat(l->dir_fd, tmp, 0) < 0)
                        return sb_error_errno(err, errno, "remove the old "
                                              "%s/%s/%s", l->root_path,
                                              l->st.name, file);
                return 0;
        }
        /* No FILE yet (ENOENT), or no exchange here (a file system or a
         * seccomp policy without renameat2): a plain rename. */
        if (renameat(l->dir_fd, tmp, l->dir_fd, file) < 0) {
                int e = errno;
                unlinkat(l->dir_fd, tmp, 0);
                return sb_error_errno(err, e, "rename %s/%s/%s",
                                      l->root_path, l->st.name, tmp);
        }
        return 0;
}

static void write_state(FILE *f, const void *arg)
{
        _cleanup_free_ char *text = sb_state_format(arg);
        fputs(text, f);
}

static void write_profile(FILE *f, const void *arg)
{
        fputs("# The resolved profile this sandbox runs with, written by its "
              "launcher.\n", f);
        sb_config_print(arg, f);
}

static int save_state(struct sb_state_lease *l, struct sb_error *err)
{
        return write_atomic(l, "state", write_state, &l->st, err);
}

/* Make ROOT/name for us. 0 when made, -EEXIST (err filled) when a live
 * sandbox holds it; dead or broken state under the name is removed. */
static int take_name(struct sb_state_lease *l, const char *name,
                     struct sb_error *err)
{
        for (int tries = 0; tries < 2; tries++) {
                if (mkdirat(l->root_fd, name, 0700) == 0)
                        return 0;
                if (errno != EEXIST)
                        return sb_error_errno(err, errno, "create %s/%s",
                                              l->root_path, name);
                struct sb_state *old = NULL;
                int r = state_read(l->root_fd, l->root_path, name, getuid(),
                                   &old);
                if (r >= 0 && sb_state_alive(old)) {
                        pid_t pid = old->init_pid ? old->init_pid
                                                  : old->launcher_pid;
                        sb_state_free(old);
                        return sb_error_set(err, -EEXIST, "a sandbox named "
                                            "'%s' is already running (pid %d)",
                                            name, (int)pid);
                }
                sb_state_free(old);
                /* We hold the lock: a directory without live state is a
                 * dead launcher's (it writes its first state under the
                 * same lock as it makes the directory). */
                log_debug("removing the stale state of '%s'", name);
                r = state_remove_dir(l->root_fd, name);
                if (r < 0)
                        return sb_error_errno(err, r, "remove the stale state "
                                              "%s/%s", l->root_path, name);
        }
        return sb_error_set(err, -EEXIST, "cannot take the name '%s' in %s",
                            name, l->root_path);
}

/* Make and open ROOT/name, or ROOT/ID for a generated id (name NULL).
 * Under the lock; the caller writes the first state before letting go of
 * it. On failure nothing is left. */
static int make_entry(struct sb_state_lease *l, const char *name,
                      struct sb_error *err)
{
        int r;
        if (name) {
                r = take_name(l, name, err);
                if (r < 0)
                        return r;
                l->st.name = xstrdup(name);
        } else {
                /* An id of this launcher's own: pid and start time, which
                 * no other live process shares; a user may still have
                 * chosen it as a name, hence the suffix. */
                for (int i = 0;; i++) {
                        char id[SB_NAME_MAX + 1];
                        int n = snprintf(id, sizeof(id), "%x-%llx",
                                         (unsigned)l->st.launcher_pid,
                                         l->st.launcher_start);
                        if (i)
                                snprintf(id + n, sizeof(id) - (size_t)n,
                                         "-%d", i);
                        struct sb_error e = { 0 };
                        r = take_name(l, id, &e);
                        if (r >= 0) {
                                l->st.name = xstrdup(id);
                                break;
                        }
                        if (r != -EEXIST || i >= 8) {
                                *err = e;
                                return r;
                        }
                }
        }
        _cleanup_free_ char *path = xasprintf("%s/%s", l->root_path,
                                              l->st.name);
        r = state_open_dir(l->root_fd, l->st.name, path, getuid(), &l->dir_fd,
                           err);
        if (r < 0)
                state_remove_dir(l->root_fd, l->st.name);
        return r;
}

/* Undo make_entry after a failed first write (still under the lock). */
static void unmake_entry(struct sb_state_lease *l)
{
        state_remove_dir(l->root_fd, l->st.name);
        close(l->dir_fd);
        l->dir_fd = -1;
        free(l->st.name);
        l->st.name = NULL;
}

/* Our own start time, which with our pid names this launcher in the
 * state; read when the state is first written, which for an unnamed
 * sandbox is after its start. */
static int read_launcher_start(struct sb_state_lease *l, struct sb_error *err)
{
        int r = proc_start_time(l->st.launcher_pid, &l->st.launcher_start);
        if (r < 0)
                return sb_error_errno(err, r, "read this process's start "
                                      "time");
        return 0;
}

int sb_state_reserve(const struct sb_state_request *req,
                     struct sb_state_lease **ret, struct sb_error *err)
{
        if (req->name) {
                int r = sb_state_name_check(req->name, err);
                if (r < 0)
                        return r;
        }
        struct sb_state_lease *l = xcalloc(1, sizeof(*l));
        l->root_fd = -1;
        l->dir_fd = -1;
        l->st.owner = getuid();
        l->st.launcher_pid = getpid();
        l->st.joinable = req->joinable;
        l->st.created = time(NULL);
        l->st.profile = req->profile ? xstrdup(req->profile) : NULL;
        l->st.command = strv_copy(req->command);
        int r = sb_state_root(&l->root_fd, &l->root_path, err);
        if (r < 0)
                goto fail;
        if (req->name) {
                r = read_launcher_start(l, err);
                if (r < 0)
                        goto fail;
                int lock = state_lock(l->root_fd, l->root_path, err);
                if (lock < 0) {
                        r = lock;
                        goto fail;
                }
                r = make_entry(l, req->name, err);
                if (r >= 0) {
                        r = save_state(l, err);
                        if (r < 0)
                                unmake_entry(l);
                }
                close(lock);
                if (r < 0)
                        goto fail;
        }
        *ret = l;
        return 0;
fail:
        sb_state_release(l);
        return r;
}

int sb_state_commit(struct sb_state_lease *l, const struct sb_state_run *run,
                    struct sb_error *err)
{
        struct sb_state *st = &l->st;
        st->init_pid = run->init_pid;
        /* init is our child and not reaped: its pid cannot be reused
         * while we read these. */
        int r = proc_start_time(run->init_pid, &st->init_start);
        if (r < 0)
                return sb_error_errno(err, r, "read the start time of the "
                                      "sandbox's init (pid %d)",
                                      (int)run->init_pid);
        /* What init reported of itself before the program ran: never a
         * process of the program's, which may have made namespaces of its
         * own. A user may not look at init's namespaces in /proc (it is
         * not dumpable); what stays unrecorded makes exec, kill and pause
         * refuse the sandbox. */
        for (int i = 0; i < SB_STATE_NS_MAX; i++) {
                struct sb_ns_ident *id = &st->ns[i];
                if (run->ns)
                        *id = run->ns[i];
                else if (proc_ns_ident(run->init_pid, sb_state_ns_name(i),
                                       &id->dev, &id->ino) < 0)
                        *id = (struct sb_ns_ident){ 0 };
        }
        free(st->cgroup);
        st->cgroup = run->cgroup ? xstrdup(run->cgroup) : NULL;
        strv_free(st->net_links);
        st->net_links = run->net_links ? strv_copy(run->net_links) : NULL;
        _cleanup_close_ int lock = state_lock(l->root_fd, l->root_path, err);
        if (lock < 0)
                return lock;
        bool made = l->dir_fd < 0;      /* unnamed: recorded only now */
        if (made) {
                r = read_launcher_start(l, err);
                if (r >= 0)
                        r = make_entry(l, NULL, err);
                if (r < 0)
                        return r;
        }
        /* The state first: a launcher killed after it leaves a stale
         * entry that the next reader removes, where one killed between a
         * new directory and its first state leaves a directory no reader
         * can judge. */
        r = save_state(l, err);
        if (r >= 0 && run->cfg)
                r = write_atomic(l, "profile", write_profile, run->cfg, err);
        if (r < 0 && made)
                unmake_entry(l);
        return r;
}

void sb_state_release(struct sb_state_lease *l)
{
        if (!l)
                return;
        if (l->dir_fd >= 0 && l->st.name) {
                struct sb_error e = { 0 };
                _cleanup_close_ int lock = state_lock(l->root_fd,
                                                      l->root_path, &e);
                /* Only what is still ours: a reader may have judged us
                 * dead (we were SIGSTOPped past our init's end) and another
                 * launcher taken the name since. */
                struct sb_state *now = NULL;
                if (lock >= 0 &&
                    state_read(l->root_fd, l->root_path, l->st.name,
                               l->st.owner, &now) >= 0 &&
                    now->launcher_pid == l->st.launcher_pid &&
                    now->launcher_start == l->st.launcher_start) {
                        int r = state_remove_dir(l->root_fd, l->st.name);
                        if (r < 0)
                                log_warn("cannot remove %s/%s: %s",
                                         l->root_path, l->st.name,
                                         strerror(-r));
                }
                sb_state_free(now);
        }
        if (l->dir_fd >= 0)
                close(l->dir_fd);
        if (l->root_fd >= 0)
                close(l->root_fd);
        free(l->root_path);
        free(l->st.name);
        free(l->st.cgroup);
        free(l->st.profile);
        strv_free(l->st.command);
        strv_free(l->st.net_links);
        free(l);
}
