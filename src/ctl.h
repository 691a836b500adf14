/* Control of a running sandbox from its state (state.h): its processes,
 * freezing, signals with a grace period, statistics. Every action first
 * takes a pidfd on the sandbox's init (sb_state_pidfd), so it acts on that
 * sandbox and never on whatever now has a recorded pid. */
#ifndef SB_CTL_H
#define SB_CTL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "cgroup.h"
#include "error.h"
#include "net.h"
#include "state.h"

struct sb_ctl_proc {
        pid_t pid;              /* on the host */
        pid_t inner_pid;        /* in the sandbox's pid namespace (NSpid) */
        uid_t uid;              /* real uid on the host */
        char state;             /* R, S, D, T, Z, ... from /proc/PID/stat */
        char *command;          /* control bytes replaced */
};

/* The processes of the sandbox: its cgroup's, or else those in its pid
 * namespace (or, without one, init and its descendants), init first. */
int sb_ctl_procs(const struct sb_state *st, struct sb_ctl_proc **ret,
                 size_t *ret_n, struct sb_error *err);
void sb_ctl_procs_free(struct sb_ctl_proc *v, size_t n);

/* The sandbox's cgroup, checked to be the one its init is in. -ENOTSUP
 * with a message saying what is needed when it has none. */
int sb_ctl_cgroup(const struct sb_state *st, struct cgroup **ret,
                  struct sb_error *err);

/* 1 paused, 0 running, negative without a cgroup. */
int sb_ctl_paused(const struct sb_state *st);
int sb_ctl_pause(const struct sb_state *st, bool pause, struct sb_error *err);

/* Send sig to the sandbox (its init forwards it to the program); if it
 * has not ended after timeout_ms (< 0: do not wait), SIGKILL everything
 * in it. *ret_killed says whether that was needed. The state is removed
 * once it has ended. */
int sb_ctl_kill(const struct sb_state *st, int sig, int timeout_ms,
                bool *ret_killed, struct sb_error *err);

struct sb_ctl_stats {
        double uptime;                  /* seconds since init started */
        size_t n_procs;
        bool has_cgroup;
        struct cgroup_stats cg;
        bool has_net;                   /* a network namespace of its own */
        struct sb_net_stats net;
        char net_error[SB_ERROR_MSG_MAX];            /* why has_net is false, or "" */
};

int sb_ctl_stats(const struct sb_state *st, struct sb_ctl_stats *ret,
                 struct sb_error *err);

/* Seconds since the process started (by its start time in clock ticks
 * after boot). */
double sb_ctl_uptime(const struct sb_state *st);

/* "TERM", "SIGTERM", "term" or "15" -> 15; -1 if unknown. */
int sb_ctl_signal_from_name(const char *s);

#endif
