/* The cgroup v1 backend: one directory per controller hierarchy, limits in
 * memory.limit_in_bytes and memory.memsw.limit_in_bytes, pids.max,
 * cpu.cfs_quota_us and cpu.shares, blkio weights and the devices
 * controller's allow-list; freeze through the freezer hierarchy and
 * kill-all as freeze, SIGKILL each process still in the cgroup through a
 * pidfd, thaw, until it is empty. */
#include "cgroup-internal.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <time.h>

#include "cleanup.h"
#include "log.h"
#include "util.h"

#define FREEZE_TIMEOUT_MS 2000
#define KILL_ROUNDS 20
#define CPU_PERIOD_US 100000
/* memory.limit_in_bytes reads back as PAGE_COUNTER_MAX pages: "no limit". */
#define V1_UNLIMITED_ABOVE (UINT64_C(1) << 62)

static const struct cg_dir *dir_for(const struct cgroup *cg, enum cg_ctrl c)
{
        for (size_t i = 0; i < cg->n_dirs; i++)
                if (cg->dirs[i].ops == &cgroup_v1_backend &&
                    (cg->dirs[i].ctrls & CG_BIT(c)))
                        return &cg->dirs[i];
        return NULL;
}

static int write_num(const struct cg_dir *d, const char *file, long long v,
                     struct sb_error *err)
{
        char buf[32];
        snprintf(buf, sizeof(buf), "%lld", v);
        return cg_write(d, file, buf, err);
}

static unsigned clamp(unsigned long long v, unsigned lo, unsigned hi)
{
        return v < lo ? lo : v > hi ? hi : (unsigned)v;
}

/* v1 limits memory and memory+swap; the swap allowance is the
 * difference. Without swap accounting memsw does not exist. */
static int write_memory(const struct cg_dir *d,
                        const struct sb_cgroup_config *g, struct sb_error *err)
{
        int r = write_num(d, "memory.limit_in_bytes", (long long)g->memory,
                          err);
        if (r < 0)
                return r;
        uint64_t swap = g->memory_swap_set ? g->memory_swap : 0;
        long long memsw = swap == SB_CG_UNLIMITED ? -1
                          : (long long)(g->memory + swap);
        r = write_num(d, "memory.memsw.limit_in_bytes", memsw, err);
        if (r != -ENOENT)
                return r;
        if (g->memory_swap_set)
                return sb_error_set(err, r, "cgroup.memory_swap: %s/memory."
                                    "memsw.limit_in_bytes does not exist (swap "
                                    "accounting is off; boot with "
                                    "swapaccount=1)", d->path);
        log_debug("no swap accounting in %s: swap is not limited", d->path);
        return 0;
}

/* blkio.weight (10..1000, default 500) with CFQ, blkio.bfq.weight
 * (1..1000, default 100) with BFQ; io_weight's default is 100. */
static int write_io_weight(const struct cg_dir *d, uint32_t w,
                           struct sb_error *err)
{
        int r = write_num(d, "blkio.weight", clamp(w * 5ULL, 10, 1000), err);
        if (r != -ENOENT)
                return r;
        r = write_num(d, "blkio.bfq.weight", clamp(w, 1, 1000), err);
        if (r == -ENOENT)
                r = sb_error_set(err, r, "cgroup.io_weight: neither blkio."
                                 "weight nor blkio.bfq.weight exists in %s "
                                 "(the I/O scheduler has no weights; the BFQ "
                                 "scheduler has)", d->path);
        return r;
}

/* Deny everything, then allow each rule: the devices controller's own
 * allow-list semantics. */
static int write_devices(const struct cg_dir *d,
                         const struct sb_cgroup_config *g,
                         struct sb_error *err)
{
        int r = cg_write(d, "devices.deny", "a", err);
        for (size_t i = 0; r >= 0 && i < g->n_devices; i++) {
                char rule[64];
                sb_cgroup_device_format(&g->devices[i], rule, sizeof(rule));
                r = cg_write(d, "devices.allow", rule, err);
        }
        return r;
}

static int v1_write_limits(const struct cg_dir *d,
                           const struct sb_cgroup_config *g,
                           struct sb_error *err)
{
        int r = 0;
        if ((d->ctrls & CG_BIT(CG_MEMORY)) && g->memory)
                r = write_memory(d, g, err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_PIDS)) && g->pids)
                r = write_num(d, "pids.max", (long long)g->pids, err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_CPU)) && g->millicpus) {
                r = write_num(d, "cpu.cfs_period_us", CPU_PERIOD_US, err);
                if (r >= 0)
                        r = write_num(d, "cpu.cfs_quota_us",
                                      (long long)g->millicpus *
                                              (CPU_PERIOD_US / 1000),
                                      err);
        }
        /* cpu.shares is 1024 for the default weight 100. */
        if (r >= 0 && (d->ctrls & CG_BIT(CG_CPU)) && g->cpu_weight)
                r = write_num(d, "cpu.shares",
                              clamp(g->cpu_weight * 1024ULL / 100, 2, 262144),
                              err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_IO)) && g->io_weight)
                r = write_io_weight(d, g->io_weight, err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_DEVICES)) && g->devices_set)
                r = write_devices(d, g, err);
        return r;
}

static int state_is(const struct cg_dir *d, const char *want)
{
        char buf[32];
        ssize_t n = cg_read(d, "freezer.state", buf, sizeof(buf));
        if (n < 0)
                return (int)n;
        buf[strcspn(buf, "\n")] = '\0';
        return strcmp(buf, want) == 0;
}

static int is_frozen(const struct cg_dir *d)
{
        return state_is(d, "FROZEN");
}

static int is_thawed(const struct cg_dir *d)
{
        return state_is(d, "THAWED");
}

static int v1_freeze(const struct cgroup *cg, bool freeze,
                     struct sb_error *err)
{
        const struct cg_dir *d = dir_for(cg, CG_FREEZER);
        if (!d)
                return -EOPNOTSUPP;
        int r = cg_write(d, "freezer.state", freeze ? "FROZEN" : "THAWED",
                         err);
        if (r < 0)
                return r;
        r = cg_wait(d, freeze ? is_frozen : is_thawed, FREEZE_TIMEOUT_MS);
        if (r < 0)
                return sb_error_errno(err, r, "wait for cgroup %s to be %s",
                                      d->path, freeze ? "frozen" : "thawed");
        return 0;
}

static bool has_ctrl(const char *list, const char *end, const char *name)
{
        size_t n = strlen(name);
        for (const char *o = list; o < end;) {
                const char *comma = memchr(o, ',', (size_t)(end - o));
                const char *e = comma ? comma : end;
                if ((size_t)(e - o) == n && memcmp(o, name, n) == 0)
                        return true;
                o = e + 1;
        }
        return false;
}

/* The path of hierarchy `hier` (a v1 controller; NULL: cgroup2) in a
 * /proc/PID/cgroup text, "ID:CONTROLLERS:PATH" a line (cgroup2's is
 * "0::PATH"): its start, and its length in *ret_len; NULL if absent. */
static const char *proc_text_find(const char *text, const char *hier,
                                  size_t *ret_len)
{
        for (const char *s = text; *s;) {
                const char *end = strchrnul(s, '\n');
                const char *c1 = memchr(s, ':', (size_t)(end - s));
                const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(end - c1 - 1))
                                    : NULL;
                bool line = c2 && (hier ? has_ctrl(c1 + 1, c2, hier)
                                        : c1 == s + 1 && s[0] == '0' &&
                                                  c2 == c1 + 1);
                if (line) {
                        *ret_len = (size_t)(end - c2 - 1);
                        return c2 + 1;
                }
                s = *end ? end + 1 : end;
        }
        return NULL;
}

bool cg_proc_text_in(const char *text, const char *hier, const char *path)
{
        size_t len;
        const char *at = proc_text_find(text, hier, &len);
        return at && strlen(path) == len && memcmp(at, path, len) == 0;
}

char *cg_proc_text_path(const char *text, const char *hier)
{
        size_t len;
        const char *at = proc_text_find(text, hier, &len);
        return at ? xstrndup(at, len) : NULL;
}

int cg_proc_in(pid_t pid, const struct cg_dir *d)
{
        if (!d->proc_path)
                return -EINVAL;
        char path[32];
        snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
        _cleanup_free_ char *text = NULL;
        ssize_t n = cg_read_all(NULL, path, &text);
        if (n == -ENOENT || n == -ESRCH)
                return 0;
        if (n < 0)
                return (int)n;
        return cg_proc_text_in(text, d->hier, d->proc_path);
}

/* SIGKILL pid if it is in d. Through a pidfd: it holds on to the process
 * that had the pid when it was opened, so if that process is still there
 * to be signalled, the /proc/PID/cgroup read in between was its own, and
 * if it is gone, a process that got its pid since is not hit. */
static void kill_member(pid_t pid, const struct cg_dir *d)
{
        _cleanup_close_ int pidfd = pidfd_open(pid, 0);
        if (pidfd < 0) {
                if (errno != ESRCH)
                        log_debug("pidfd_open %d: %s", (int)pid,
                                  strerror(errno));
                return;
        }
        int r = cg_proc_in(pid, d);
        if (r != 1) {
                if (r < 0)
                        log_debug("read /proc/%d/cgroup: %s", (int)pid,
                                  strerror(-r));
                else
                        log_debug("pid %d is no longer in cgroup %s: not "
                                  "killed", (int)pid, d->path);
                return;
        }
        if (pidfd_send_signal(pidfd, SIGKILL, NULL, 0) < 0 && errno != ESRCH)
                log_debug("kill %d: %s", (int)pid, strerror(errno));
}

/* SIGKILL every process listed in d's cgroup.procs, read whole however
 * long it is. A last line without its newline (a read cut short) is not
 * a pid. Returns how many were listed, or a negative errno. */
static int kill_listed(const struct cg_dir *d)
{
        _cleanup_free_ char *buf = NULL;
        ssize_t len = cg_read_all(d, "cgroup.procs", &buf);
        if (len < 0)
                return (int)len;
        int listed = 0;
        for (char *p = buf; *p;) {
                char *end = strchr(p, '\n');
                if (!end)
                        break;
                *end = '\0';
                uint64_t v;
                if (p[0] != '0' && parse_u64(p, &v) == 0 && v <= INT_MAX) {
                        listed++;
                        kill_member((pid_t)v, d);
                }
                p = end + 1;
        }
        return listed;
}

/* Rounds until cgroup.procs is empty: each freezes the cgroup (so that
 * nothing forks while the list is read), kills what is listed and thaws
 * (the kills land then). A freezer that cannot freeze (a task stuck on its
 * way out) is not waited for again. Without a freezer, the rounds catch
 * what forked in between. */
static int v1_kill(const struct cgroup *cg, struct sb_error *err)
{
        const struct cg_dir *d = dir_for(cg, CG_FREEZER);
        bool freezer = d != NULL;
        for (size_t i = 0; i < cg->n_dirs && !d; i++)
                if (cg->dirs[i].ops == &cgroup_v1_backend)
                        d = &cg->dirs[i];
        if (!d)
                return -EOPNOTSUPP;
        long step_us = 500;
        for (int round = 0; round < KILL_ROUNDS; round++) {
                bool freeze = freezer;
                struct sb_error ignored = { 0 };
                if (freeze && v1_freeze(cg, true, &ignored) < 0)
                        freezer = false;
                int listed = kill_listed(d);
                if (freeze) {
                        int r = v1_freeze(cg, false, err);
                        /* Once thawed, they die, and whoever owns the
                         * cgroup may remove it before we see the thaw:
                         * then it is done all the more. */
                        if (r == -ENOENT || r == -ENODEV)
                                return 0;
                        if (r < 0)
                                return r;
                }
                if (listed == 0 || listed == -ENOENT || listed == -ENODEV)
                        return 0;
                if (listed < 0)
                        return sb_error_errno(err, listed, "read %s/"
                                              "cgroup.procs", d->path);
                struct timespec ts = { 0, step_us * 1000 };
                nanosleep(&ts, NULL);
                if (step_us < 32000)
                        step_us *= 2;
        }
        return sb_error_set(err, -EBUSY, "cgroup %s still has processes "
                            "after %d rounds of SIGKILL", d->path,
                            KILL_ROUNDS);
}

static int v1_populated(const struct cg_dir *d)
{
        return cg_has_procs(d);
}

/* Read and Write bytes summed over the devices. */
static int io_bytes(const struct cg_dir *d, uint64_t *rd, uint64_t *wr)
{
        char buf[8192];
        ssize_t n = cg_read(d, "blkio.throttle.io_service_bytes_recursive", buf,
                            sizeof(buf));
        if (n < 0)
                return (int)n;
        *rd = *wr = 0;
        for (char *p = buf; *p;) {
                char *end = strchrnul(p, '\n');
                /* "MAJ:MIN Op VALUE": the operation and its byte count. */
                char line[128];
                size_t len = (size_t)(end - p);
                if (len < sizeof(line)) {
                        memcpy(line, p, len);
                        line[len] = '\0';
                        char *op = strchr(line, ' ');
                        char *val = op ? strchr(op + 1, ' ') : NULL;
                        uint64_t v;
                        if (val) {
                                *val++ = '\0';
                                op++;
                                if (parse_u64(val, &v) == 0 &&
                                    strcmp(op, "Read") == 0)
                                        *rd += v;
                                else if (parse_u64(val, &v) == 0 &&
                                         strcmp(op, "Write") == 0)
                                        *wr += v;
                        }
                }
                p = *end ? end + 1 : end;
        }
        return 0;
}

static uint64_t v1_limit(uint64_t v)
{
        return v >= V1_UNLIMITED_ABOVE ? SB_CG_UNLIMITED : v;
}

static void v1_stats(const struct cgroup *cg, struct cgroup_stats *s)
{
        const struct cg_dir *d;
        uint64_t v;
        if (!(s->known & CGROUP_STAT_CPU) && (d = dir_for(cg, CG_CPUACCT)) &&
            cg_read_u64(d, "cpuacct.usage", &v) == 0) {
                s->cpu_usec = v / 1000;
                s->known |= CGROUP_STAT_CPU;
        }
        if ((d = dir_for(cg, CG_MEMORY))) {
                if (!(s->known & CGROUP_STAT_MEMORY) &&
                    cg_read_u64(d, "memory.usage_in_bytes",
                                &s->memory_current) == 0 &&
                    cg_read_u64(d, "memory.limit_in_bytes", &v) == 0) {
                        s->memory_limit = v1_limit(v);
                        s->known |= CGROUP_STAT_MEMORY;
                }
                if (!(s->known & CGROUP_STAT_MEMORY_PEAK) &&
                    cg_read_u64(d, "memory.max_usage_in_bytes",
                                &s->memory_peak) == 0)
                        s->known |= CGROUP_STAT_MEMORY_PEAK;
        }
        if (!(s->known & CGROUP_STAT_PIDS) && (d = dir_for(cg, CG_PIDS)) &&
            cg_read_u64(d, "pids.current", &s->pids_current) == 0 &&
            cg_read_u64(d, "pids.max", &s->pids_limit) == 0)
                s->known |= CGROUP_STAT_PIDS;
        if (!(s->known & CGROUP_STAT_IO) && (d = dir_for(cg, CG_IO)) &&
            io_bytes(d, &s->io_read_bytes, &s->io_write_bytes) == 0)
                s->known |= CGROUP_STAT_IO;
}

const struct cgroup_backend cgroup_v1_backend = {
        .name = "v1",
        .prepare_parent = NULL,
        .write_limits = v1_write_limits,
        .freeze = v1_freeze,
        .kill = v1_kill,
        .populated = v1_populated,
        .stats = v1_stats,
};
