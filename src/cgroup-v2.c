/* The cgroup v2 backend: enabling controllers in the parent, limits in
 * memory.max, memory.swap.max, pids.max, cpu.max, cpu.weight and
 * io.weight, the device allow-list as an eBPF program, and the core files
 * every v2 cgroup has (cgroup.freeze, cgroup.kill, cgroup.events,
 * cpu.stat), which also serve a hybrid layout's v1 controllers. */
#include "cgroup-internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

#define FREEZE_TIMEOUT_MS 2000
#define CPU_PERIOD_US 100000

static const struct cg_dir *v2_dir(const struct cgroup *cg)
{
        for (size_t i = 0; i < cg->n_dirs; i++)
                if (cg->dirs[i].ops == &cgroup_v2_backend)
                        return &cg->dirs[i];
        return NULL;
}

/* Is word one of the space-separated words of list? */
static bool has_word(const char *list, const char *word)
{
        size_t n = strlen(word);
        for (const char *p = list; (p = strstr(p, word)); p += n) {
                bool starts = p == list || p[-1] == ' ';
                bool ends = p[n] == '\0' || p[n] == ' ' || p[n] == '\n';
                if (starts && ends)
                        return true;
        }
        return false;
}

/* The launcher, alone in its cgroup, moves into a leaf of its own so that
 * the cgroup may enable controllers for its children (v2 allows them only
 * below cgroups without processes). Never another process: with any other
 * process in there, the caller gets an error instead. */
static int move_launcher(struct cg_dir *parent, struct sb_error *err)
{
        char procs[64];
        char pid[16];
        snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
        ssize_t n = cg_read(parent, "cgroup.procs", procs, sizeof(procs));
        if (n < 0 || strcmp(procs, pid) != 0)
                return sb_error_set(err, -EBUSY,
                        "cannot enable controllers below cgroup %s: it has "
                        "processes of its own, and cgroup v2 allows "
                        "controllers only below cgroups without processes; "
                        "start sandbox in a cgroup of its own, e.g. under "
                        "'systemd-run --scope -p Delegate=yes' (with --user "
                        "as an ordinary user)", parent->path);
        struct cg_name self;
        int r = cg_name_self(true, &self, err);
        if (r < 0)
                return r;
        char leaf[CG_NAME_MAX];
        cg_name_format(&self, leaf, sizeof(leaf));
        /* Ours by its name, so one that exists is not: never joined. */
        if (mkdirat(parent->fd, leaf, 0755) < 0)
                return sb_error_errno(err, errno, "create cgroup %s/%s",
                                      parent->path, leaf);
        struct cg_dir d = { .ops = parent->ops, .fd = -1 };
        d.fd = openat(parent->fd, leaf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        d.path = xasprintf("%s/%s", parent->path, leaf);
        r = d.fd < 0 ? sb_error_errno(err, errno, "open cgroup %s", d.path)
                     : cg_write(&d, "cgroup.procs", pid, err);
        if (r >= 0)
                log_debug("the launcher moved to cgroup %s", d.path);
        if (d.fd >= 0)
                close(d.fd);
        free(d.path);
        return r;
}

int cgroup_v2_prepare_parent(struct cg_dir *parent, unsigned ctrls,
                             struct sb_error *err)
{
        ctrls &= CG_V2_ENABLED;
        if (!ctrls)
                return 0;
        char avail[512], enabled[512];
        if (cg_read(parent, "cgroup.controllers", avail, sizeof(avail)) < 0)
                avail[0] = '\0';
        if (cg_read(parent, "cgroup.subtree_control", enabled,
                    sizeof(enabled)) < 0)
                enabled[0] = '\0';
        char add[128] = "";
        for (int c = 0; c < CG_CTRL_MAX; c++) {
                const char *name = cg_ctrl_v2_name(c);
                if (!(ctrls & CG_BIT(c)) || has_word(enabled, name))
                        continue;
                if (!has_word(avail, name))
                        return sb_error_set(err, -EOPNOTSUPP,
                                "the cgroup %s controller is not available "
                                "in %s (it must be enabled in the cgroups "
                                "above, i.e. delegated)", name, parent->path);
                snprintf(add + strlen(add), sizeof(add) - strlen(add),
                         "%s+%s", add[0] ? " " : "", name);
        }
        if (!add[0])
                return 0;
        struct sb_error e = { 0 };
        int r = cg_write(parent, "cgroup.subtree_control", add, &e);
        if (r == -EBUSY) {
                r = move_launcher(parent, err);
                if (r >= 0)
                        r = cg_write(parent, "cgroup.subtree_control", add, err);
                return r;
        }
        if (r < 0)
                *err = e;
        return r;
}

/* Write an optional file: a missing one is fine unless the profile asked
 * for what it holds (then `what` names the key in the message). */
static int write_opt(const struct cg_dir *d, const char *file,
                     const char *value, const char *what,
                     struct sb_error *err)
{
        int r = cg_write(d, file, value, err);
        if (r != -ENOENT)
                return r;
        if (what)
                return sb_error_set(err, r, "%s: %s/%s does not exist (%s)",
                                    what, d->path, file,
                                    strcmp(what, "cgroup.memory_swap") == 0
                                            ? "swap accounting is off"
                                            : "not supported here");
        log_debug("%s/%s does not exist, ignoring", d->path, file);
        return 0;
}

static int write_u64(const struct cg_dir *d, const char *file, uint64_t v,
                     struct sb_error *err)
{
        char buf[32];
        if (v == SB_CG_UNLIMITED)
                snprintf(buf, sizeof(buf), "max");
        else
                snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);
        return cg_write(d, file, buf, err);
}

/* io.weight exists with the iocost controller, io.bfq.weight with the BFQ
 * scheduler (whose range is 1..1000). */
static int write_io_weight(const struct cg_dir *d, uint32_t w,
                           struct sb_error *err)
{
        char buf[32];
        snprintf(buf, sizeof(buf), "default %u", w);
        int r = cg_write(d, "io.weight", buf, err);
        if (r != -ENOENT)
                return r;
        snprintf(buf, sizeof(buf), "%u", w > 1000 ? 1000 : w);
        r = cg_write(d, "io.bfq.weight", buf, err);
        if (r == -ENOENT)
                r = sb_error_set(err, r, "cgroup.io_weight: neither io.weight "
                                 "nor io.bfq.weight exists in %s (no I/O "
                                 "scheduler with weights)", d->path);
        return r;
}

int cgroup_v2_write_limits(const struct cg_dir *d,
                           const struct sb_cgroup_config *g,
                           struct sb_error *err)
{
        int r = 0;
        if (d->ctrls & CG_BIT(CG_MEMORY)) {
                if (g->memory)
                        r = write_u64(d, "memory.max", g->memory, err);
                /* Without a swap limit the memory limit would not hold: the
                 * sandbox could swap out instead. 0 unless asked. */
                if (r >= 0 && g->memory) {
                        char buf[32];
                        uint64_t swap = g->memory_swap_set ? g->memory_swap : 0;
                        if (swap == SB_CG_UNLIMITED)
                                snprintf(buf, sizeof(buf), "max");
                        else
                                snprintf(buf, sizeof(buf), "%llu",
                                         (unsigned long long)swap);
                        r = write_opt(d, "memory.swap.max", buf,
                                      g->memory_swap_set ? "cgroup.memory_swap"
                                                         : NULL, err);
                }
        }
        if (r >= 0 && (d->ctrls & CG_BIT(CG_PIDS)) && g->pids)
                r = write_u64(d, "pids.max", g->pids, err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_CPU)) && g->millicpus) {
                char buf[48];
                snprintf(buf, sizeof(buf), "%llu %d",
                         (unsigned long long)g->millicpus *
                                 (CPU_PERIOD_US / 1000),
                         CPU_PERIOD_US);
                r = cg_write(d, "cpu.max", buf, err);
        }
        if (r >= 0 && (d->ctrls & CG_BIT(CG_CPU)) && g->cpu_weight)
                r = write_u64(d, "cpu.weight", g->cpu_weight, err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_IO)) && g->io_weight)
                r = write_io_weight(d, g->io_weight, err);
        if (r >= 0 && (d->ctrls & CG_BIT(CG_DEVICES)) && g->devices_set)
                r = cgroup_devices_attach(d->fd, d->path, g->devices,
                                          g->n_devices, err);
        return r;
}

static int frozen(const struct cg_dir *d)
{
        uint64_t v;
        int r = cg_read_key(d, "cgroup.events", "frozen", &v);
        return r < 0 ? r : v == 1;
}

static int thawed(const struct cg_dir *d)
{
        int r = frozen(d);
        return r < 0 ? r : !r;
}

static int v2_freeze(const struct cgroup *cg, bool freeze,
                     struct sb_error *err)
{
        const struct cg_dir *d = v2_dir(cg);
        if (!d)
                return -EOPNOTSUPP;
        int r = cg_write(d, "cgroup.freeze", freeze ? "1" : "0", err);
        if (r == -ENOENT)       /* before Linux 5.2 */
                return -EOPNOTSUPP;
        if (r < 0)
                return r;
        r = cg_wait(d, freeze ? frozen : thawed, FREEZE_TIMEOUT_MS);
        if (r < 0)
                return sb_error_errno(err, r, "wait for cgroup %s to be %s",
                                      d->path, freeze ? "frozen" : "thawed");
        return 0;
}

static int v2_kill(const struct cgroup *cg, struct sb_error *err)
{
        const struct cg_dir *d = v2_dir(cg);
        if (!d)
                return -EOPNOTSUPP;
        int r = cg_write(d, "cgroup.kill", "1", err);
        return r == -ENOENT ? -EOPNOTSUPP : r;   /* before Linux 5.14 */
}

static int v2_populated(const struct cg_dir *d)
{
        uint64_t v;
        int r = cg_read_key(d, "cgroup.events", "populated", &v);
        return r < 0 ? r : v != 0;
}

/* The sum of rbytes= and wbytes= over the devices of io.stat. */
static int io_bytes(const struct cg_dir *d, uint64_t *rd, uint64_t *wr)
{
        char buf[8192];
        ssize_t n = cg_read(d, "io.stat", buf, sizeof(buf));
        if (n < 0)
                return (int)n;
        *rd = *wr = 0;
        for (char *p = buf; (p = strstr(p, "bytes=")); p += 6) {
                uint64_t v = strtoull(p + 6, NULL, 10);
                if (p > buf && p[-1] == 'r')
                        *rd += v;
                else if (p > buf && p[-1] == 'w')
                        *wr += v;
        }
        return 0;
}

static void v2_stats(const struct cgroup *cg, struct cgroup_stats *s)
{
        const struct cg_dir *d = v2_dir(cg);
        if (!d)
                return;
        if (!(s->known & CGROUP_STAT_CPU) &&
            cg_read_key(d, "cpu.stat", "usage_usec", &s->cpu_usec) == 0)
                s->known |= CGROUP_STAT_CPU;
        if (!(s->known & CGROUP_STAT_MEMORY) &&
            cg_read_u64(d, "memory.current", &s->memory_current) == 0 &&
            cg_read_u64(d, "memory.max", &s->memory_limit) == 0)
                s->known |= CGROUP_STAT_MEMORY;
        if (!(s->known & CGROUP_STAT_MEMORY_PEAK) &&
            cg_read_u64(d, "memory.peak", &s->memory_peak) == 0)
                s->known |= CGROUP_STAT_MEMORY_PEAK;
        if (!(s->known & CGROUP_STAT_PIDS) &&
            cg_read_u64(d, "pids.current", &s->pids_current) == 0 &&
            cg_read_u64(d, "pids.max", &s->pids_limit) == 0)
                s->known |= CGROUP_STAT_PIDS;
        if (!(s->known & CGROUP_STAT_IO) &&
            io_bytes(d, &s->io_read_bytes, &s->io_write_bytes) == 0)
                s->known |= CGROUP_STAT_IO;
}

const struct cgroup_backend cgroup_v2_backend = {
        .name = "v2",
        .prepare_parent = cgroup_v2_prepare_parent,
        .write_limits = cgroup_v2_write_limits,
        .freeze = v2_freeze,
        .kill = v2_kill,
        .populated = v2_populated,
        .stats = v2_stats,
};
