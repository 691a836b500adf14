/* The sandbox engine's public API, in the spirit of libcontainer: a
 * container is made from a config, a process is started in it, waited
 * for, and the container is destroyed. The command is one client. */
#ifndef SANDBOX_H
#define SANDBOX_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

/* Launcher exit codes, apart from the target's own status (0-255, or 128+N
 * when it died of signal N). Documented in sandbox(1), EXIT STATUS. */
enum sb_exit_code {
        SB_EXIT_USAGE = 123,       /* bad command line */
        SB_EXIT_PROFILE = 124,     /* profile not found or invalid */
        SB_EXIT_SETUP = 125,       /* the sandbox could not be set up */
        SB_EXIT_CANNOT_EXEC = 126, /* the command exists but cannot run */
        SB_EXIT_NOT_FOUND = 127,   /* the command was not found */
};

struct sb_container;

/* What to run: argv[0] is looked up in the sandbox's PATH. */
struct sb_exec {
        char *const *argv;
        char *const *caller_env; /* filtered by the config's policy */
        const char *caller_cwd;  /* used when the config sets no cwd */
};

/* Check the config against what this process may do and prepare; nothing
 * is started. cfg is borrowed and must outlive the container. */
int sb_container_create(const struct sb_config *cfg,
                        struct sb_container **ret, struct sb_error *err);

/* Create the namespaces, set the sandbox up and exec the target. Returns
 * once the target runs, or with an error after undoing everything. Signals
 * stay blocked in the caller until sb_container_destroy, so that
 * sb_container_wait can forward them. */
int sb_container_start(struct sb_container *c, const struct sb_exec *exec,
                       struct sb_error *err);

/* After a failed start: the launcher exit code that describes it. */
int sb_container_failure_exit(const struct sb_container *c);

/* The host pid of the sandbox's init, or -1. */
pid_t sb_container_pid(const struct sb_container *c);

/* Wait for the sandbox to end, forwarding every catchable signal this
 * process receives to it. *ret_status is the target's exit status, or
 * 128+N when it died of signal N. */
int sb_container_wait(struct sb_container *c, int *ret_status,
                      struct sb_error *err);

/* Kill anything still running, release host resources (the state of a
 * named sandbox included), restore the caller's signal mask. NULL is
 * fine. */
void sb_container_destroy(struct sb_container *c);

/* For named sandboxes (state.h). The cgroup's name (cgroup_name()), or
 * NULL without one; the host ends of the network, newly allocated, or
 * NULL. */
const char *sb_container_cgroup_name(const struct sb_container *c);
char **sb_container_net_links(const struct sb_container *c);
/* Before start: keep the host directory host_path (absolute, resolved)
 * out of the sandbox's view, wherever the view would show it. */
int sb_container_hide(struct sb_container *c, const char *host_path,
                      struct sb_error *err);
/* Hand the sandbox's state to the container: sb_container_destroy
 * removes it, whatever way the sandbox ends. */
struct sb_state_lease;
void sb_container_set_state(struct sb_container *c,
                            struct sb_state_lease *state);
struct sb_state_lease *sb_container_state(const struct sb_container *c);

/* The namespaces whose identity the caller recorded when the sandbox
 * started, in this order (the order of struct sb_state's). */
enum sb_join_ns {
        SB_JOIN_NS_USER,
        SB_JOIN_NS_MNT,
        SB_JOIN_NS_PID,
        SB_JOIN_NS_NET,
        SB_JOIN_NS_UTS,
        SB_JOIN_NS_IPC,
        SB_JOIN_NS_CGROUP,
        SB_JOIN_NS_MAX,
};

/* The identity of a namespace: dev and inode of its nsfs file. */
struct sb_ns_id {
        uint64_t dev, ino;
};
/* After a successful start: the namespaces of init, which init itself
 * reported (its /proc/self/ns) before the target ran, so nothing the
 * target does can change them; SB_JOIN_NS order. */
const struct sb_ns_id *sb_container_ns_ids(const struct sb_container *c);

/* ---- joining a running sandbox (sandbox exec; docs/JOIN.md) ---- */

/* What the caller knows of the running sandbox from state it cannot
 * write: never anything read from inside it. */
struct sb_join {
        int init_pidfd;          /* the sandbox's init, identity checked */
        pid_t init_pid;
        /* dev and inode of /proc/INIT/ns/NAME at the start; 0/0: not
         * recorded. */
        struct {
                uint64_t dev, ino;
        } ns[SB_JOIN_NS_MAX];
        const char *cgroup;      /* a cgroup_open() name, or NULL */
        const char *name;        /* for messages */
};

/* Load the resolved profile a launcher recorded (or a checkpoint holds):
 * a regular file, not a symlink, owned by the caller or root and
 * writable by no one else, checked on the open descriptor. Diagnostics
 * go to the log. */
int sb_join_config_load(const char *path, struct sb_config *cfg,
                        struct sb_error *err);
/* The same for file relative to dirfd; path names it in messages. */
int sb_join_config_load_at(int dirfd, const char *file, const char *path,
                           struct sb_config *cfg, struct sb_error *err);

/* Run exec->argv as a second process of the running sandbox cfg
 * describes: it enters the sandbox's namespaces, cgroup and root and
 * gets the restrictions of its first process (target.c), then this
 * waits for it, forwarding signals. *ret_status is its exit status
 * (128+N for signal N), or the launcher exit code of a failure. */
int sb_container_join(const struct sb_config *cfg, const struct sb_join *j,
                      const struct sb_exec *exec, int *ret_status,
                      struct sb_error *err);

/* Wait for the child pid (init for sb_container_wait; a joined process,
 * a restored sandbox), passing every catchable signal that arrives on to
 * it until it ends; its status in *ret_status, or a negative errno. The
 * caller has blocked every signal. */
int sb_wait_forwarding(pid_t pid, bool shares_tty, int *ret_status);

#endif
