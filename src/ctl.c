/* Acting on a running sandbox: its cgroup (found where its init is),
 * pause and resume, signals with a grace period, statistics. Each action
 * holds a pidfd on init that was checked against the recorded start time
 * and pid namespace, and signals go through it. */
#include "ctl.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "proc.h"
#include "util.h"

/* After SIGKILL, how long the kernel gets to end everything. */
#define KILL_WAIT_MS 5000

static bool pidfd_alive(int fd)
{
        return pidfd_send_signal(fd, 0, NULL, 0) == 0;
}

int sb_ctl_cgroup(const struct sb_state *st, struct cgroup **ret,
                  struct sb_error *err)
{
        if (!st->cgroup)
                return sb_error_set(err, -EOPNOTSUPP, "the sandbox '%s' has "
                                    "no cgroup; this needs one: root gives "
                                    "every named sandbox one, a user needs "
                                    "a delegated cgroup and a 'cgroup' key in "
                                    "the profile (see sandbox(1), pause)",
                                    st->name);
        _cleanup_close_ int pfd = -1;
        int r = sb_state_pidfd(st, &pfd, err);
        if (r < 0)
                return r;
        struct cgroup *cg = NULL;
        r = cgroup_open_pid(st->init_pid, st->cgroup, &cg, err);
        if (r < 0)
                return r;
        /* init alive after the read of /proc/PID/cgroup: it was init's. */
        if (!pidfd_alive(pfd)) {
                cgroup_free(cg);
                return sb_error_set(err, -ESRCH, "the sandbox '%s' has ended",
                                    st->name);
        }
        *ret = cg;
        return 0;
}

int sb_ctl_paused(const struct sb_state *st)
{
        struct sb_error e = { 0 };
        struct cgroup *cg = NULL;
        if (!st->cgroup || sb_ctl_cgroup(st, &cg, &e) < 0)
                return -EOPNOTSUPP;
        int r = cgroup_frozen(cg);
        cgroup_free(cg);
        return r;
}

int sb_ctl_pause(const struct sb_state *st, bool pause, struct sb_error *err)
{
        struct cgroup *cg = NULL;
        int r = sb_ctl_cgroup(st, &cg, err);
        if (r < 0)
                return r;
        r = pause ? cgroup_freeze(cg, err) : cgroup_thaw(cg, err);
        cgroup_free(cg);
        return r;
}

/* Wait until the process behind fd has ended, at most ms (< 0: forever).
 * 1 ended, 0 still running. */
static int wait_end(int fd, int ms)
{
        struct pollfd p = { .fd = fd, .events = POLLIN };
        for (;;) {
                int r = poll(&p, 1, ms);
                if (r < 0 && errno == EINTR)
                        continue;
                return r > 0;
        }
}

int sb_ctl_kill(const struct sb_state *st, int sig, int timeout_ms,
                bool *ret_killed, struct sb_error *err)
{
        _cleanup_close_ int pfd = -1;
        int r = sb_state_pidfd(st, &pfd, err);
        if (r < 0)
                return r;
        *ret_killed = false;
        if (pidfd_send_signal(pfd, sig, NULL, 0) < 0)
                return sb_error_errno(err, errno, "send signal %d to the "
                                      "sandbox '%s' (pid %d)", sig, st->name,
                                      (int)st->init_pid);
        if (timeout_ms < 0)
                return 0;
        if (sig != SIGKILL && wait_end(pfd, timeout_ms)) {
                sb_state_forget(st);
                return 0;
        }
        if (sig != SIGKILL)
                *ret_killed = true;
        /* The grace period is over: everything in the sandbox. The
         * cgroup reaches processes of a sandbox without a pid namespace
         * too; init's death ends everything in its pid namespace. */
        struct cgroup *cg = NULL;
        struct sb_error e = { 0 };
        if (st->cgroup && cgroup_open_pid(st->init_pid, st->cgroup, &cg,
                                          &e) >= 0 &&
            pidfd_alive(pfd))
                cgroup_kill(cg, &e);
        cgroup_free(cg);
        pidfd_send_signal(pfd, SIGKILL, NULL, 0);
        if (!wait_end(pfd, KILL_WAIT_MS))
                return sb_error_set(err, -ETIMEDOUT, "the sandbox '%s' (pid "
                                    "%d) did not end after SIGKILL",
                                    st->name, (int)st->init_pid);
        sb_state_forget(st);
        return 0;
}

double sb_ctl_uptime(const struct sb_state *st)
{
        char buf[64];
        _cleanup_close_ int fd = open("/proc/uptime", O_RDONLY | O_CLOEXEC);
        if (fd < 0 || read_full(fd, buf, sizeof(buf)) <= 0)
                return 0;
        double up = strtod(buf, NULL);
        long hz = sysconf(_SC_CLK_TCK);
        double started = (double)st->init_start / (double)(hz > 0 ? hz : 100);
        return up > started ? up - started : 0;
}

/* The counters through init, or (a user may not open init's namespaces)
 * through another process checked to be in the sandbox's network
 * namespace. */
static int net_stats_any(const struct sb_state *st, struct sb_net_stats *ret,
                         struct sb_error *err)
{
        int r = net_stats(st->init_pid, ret, err);
        if (r >= 0 || (r != -EACCES && r != -EPERM))
                return r;
        struct sb_ctl_proc *v = NULL;
        size_t n = 0;
        struct sb_error e = { 0 };
        if (sb_ctl_procs(st, &v, &n, &e) < 0)
                return r;
        const struct sb_ns_ident *want = &st->ns[SB_STATE_NS_NET];
        for (size_t i = 0; i < n; i++) {
                if (v[i].pid == st->init_pid)
                        continue;
                /* Opened once and checked on the fd: the namespace asked
                 * is the one compared, whatever the pid is by then. */
                char path[64];
                snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)v[i].pid);
                _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
                struct stat sb;
                if (fd < 0 || fstat(fd, &sb) < 0 ||
                    (uint64_t)sb.st_dev != want->dev ||
                    (uint64_t)sb.st_ino != want->ino)
                        continue;
                r = net_stats_fd(fd, ret, err);
                if (r >= 0)
                        break;
        }
        sb_ctl_procs_free(v, n);
        return r;
}

int sb_ctl_stats(const struct sb_state *st, struct sb_ctl_stats *ret,
                 struct sb_error *err)
{
        struct sb_ctl_stats s = { 0 };
        _cleanup_close_ int pfd = -1;
        int r = sb_state_pidfd(st, &pfd, err);
        if (r < 0)
                return r;
        s.uptime = sb_ctl_uptime(st);
        struct sb_ctl_proc *procs = NULL;
        if (sb_ctl_procs(st, &procs, &s.n_procs, err) >= 0)
                sb_ctl_procs_free(procs, s.n_procs);
        struct cgroup *cg = NULL;
        struct sb_error e = { 0 };
        if (st->cgroup && sb_ctl_cgroup(st, &cg, &e) >= 0) {
                s.has_cgroup = cgroup_stats(cg, &s.cg, &e) >= 0;
                cgroup_free(cg);
        }
        uint64_t dev, ino;
        const struct sb_ns_ident *net = &st->ns[SB_STATE_NS_NET];
        if (net->ino && proc_ns_ident(getpid(), "net", &dev, &ino) == 0 &&
            (dev != net->dev || ino != net->ino)) {
                r = net_stats_any(st, &s.net, &e);
                /* Counters read through a recycled pid are not ours. */
                if (r >= 0 && pidfd_alive(pfd))
                        s.has_net = true;
                else
                        snprintf(s.net_error, sizeof(s.net_error), "%s",
                                 r < 0 ? e.msg : "the sandbox has ended");
        } else {
                snprintf(s.net_error, sizeof(s.net_error),
                         "no network namespace of its own");
        }
        if (!pidfd_alive(pfd))
                return sb_error_set(err, -ESRCH, "the sandbox '%s' has ended",
                                    st->name);
        *ret = s;
        return 0;
}

int sb_ctl_signal_from_name(const char *s)
{
        if (!s || !*s)
                return -1;
        if (isdigit((unsigned char)s[0])) {
                uint64_t v;
                if (parse_u64(s, &v) < 0 || v == 0 || v >= (uint64_t)NSIG)
                        return -1;
                return (int)v;
        }
        if (strncasecmp(s, "SIG", 3) == 0)
                s += 3;
        for (int i = 1; i < NSIG; i++) {
                const char *name = sigabbrev_np(i);
                if (name && strcasecmp(name, s) == 0)
                        return i;
        }
        return -1;
}
