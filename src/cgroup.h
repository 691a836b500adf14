/* Cgroups: one interface over the v2 and v1 backends. The launcher creates
 * the sandbox's cgroup beneath its own, writes the limits, moves the
 * sandbox's init in before it runs anything, and removes it at the end.
 * Freeze, thaw, kill-all and statistics serve named sandboxes. */
#ifndef SB_CGROUP_H
#define SB_CGROUP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

struct cgroup;

/* Create the cgroup the config asks for and write its limits. *ret is NULL
 * when no cgroup is wanted. Stale sandbox cgroups of dead launchers next
 * to it are removed first; one that exists under this launcher's own name
 * is not ours, and fails the launch. */
int cgroup_prepare(const struct sb_config *cfg, struct cgroup **ret,
                   struct sb_error *err);
/* Move pid (the sandbox's init, not yet running anything) into it. */
int cgroup_attach(struct cgroup *cg, pid_t pid, struct sb_error *err);
/* Kill whatever is left in it and remove it; NULL is fine. */
void cgroup_destroy(struct cgroup *cg);

/* An existing sandbox cgroup by its name ("sandbox-PID-START-PIDNS", or
 * below a parent "PARENT/sandbox-PID-START-PIDNS"), relative to the
 * caller's own cgroup in each hierarchy. It is not removed when released
 * with cgroup_free. */
int cgroup_open(const char *name, struct cgroup **ret, struct sb_error *err);
void cgroup_free(struct cgroup *cg);
/* The cgroup `name` that process pid is in, found where /proc/PID/cgroup
 * puts it (so from any cgroup of the caller), its path checked to end in
 * name; below the caller's own cgroup by name where the mounts do not show
 * the whole hierarchy. Released with cgroup_free. */
int cgroup_open_pid(pid_t pid, const char *name, struct cgroup **ret,
                    struct sb_error *err);
/* The pids in it (cgroup.procs), newly allocated. */
int cgroup_procs(struct cgroup *cg, pid_t **ret, size_t *ret_n);
/* 1 when frozen, 0 when not, or a negative errno (no freezer). */
int cgroup_frozen(struct cgroup *cg);
/* "sandbox-PID-START-PIDNS" or "PARENT/sandbox-PID-START-PIDNS". */
const char *cgroup_name(const struct cgroup *cg);

/* Joining a running sandbox's cgroup (sandbox exec). cgroup.procs of
 * each of its directories is opened first, while the caller is still in
 * its own namespaces, and written later: the kernel checks a move against
 * the opener's credentials and cgroup namespace, so a process that has
 * entered the sandbox's user and cgroup namespaces since can still move
 * its child in. */
#define CGROUP_ENTRY_MAX 8
struct cgroup_entry {
        int fd[CGROUP_ENTRY_MAX];
        size_t n;
};
int cgroup_enter_open(const struct cgroup *cg, struct cgroup_entry *ret,
                      struct sb_error *err);
/* Move pid (as the opener's pid namespace numbers it) in. */
int cgroup_enter(const struct cgroup_entry *e, pid_t pid,
                 struct sb_error *err);
void cgroup_entry_close(struct cgroup_entry *e);

/* Stop or restart every process in it; returns once the kernel reports
 * the cgroup frozen (or thawed). */
int cgroup_freeze(struct cgroup *cg, struct sb_error *err);
int cgroup_thaw(struct cgroup *cg, struct sb_error *err);
/* SIGKILL every process in it (it may still be emptying on return, on
 * v2; v1 goes on in rounds until cgroup.procs is empty). */
int cgroup_kill(struct cgroup *cg, struct sb_error *err);

enum cgroup_stat_field {
        CGROUP_STAT_CPU = 1u << 0,
        CGROUP_STAT_MEMORY = 1u << 1,   /* current and limit */
        CGROUP_STAT_MEMORY_PEAK = 1u << 2,
        CGROUP_STAT_PIDS = 1u << 3,     /* current and limit */
        CGROUP_STAT_IO = 1u << 4,
};

/* Limits are SB_CG_UNLIMITED when there is none. */
struct cgroup_stats {
        unsigned known;                 /* enum cgroup_stat_field bits */
        uint64_t cpu_usec;              /* user + system */
        uint64_t memory_current;
        uint64_t memory_peak;
        uint64_t memory_limit;
        uint64_t pids_current;
        uint64_t pids_limit;
        uint64_t io_read_bytes;
        uint64_t io_write_bytes;
};

int cgroup_stats(struct cgroup *cg, struct cgroup_stats *ret,
                 struct sb_error *err);

#endif
