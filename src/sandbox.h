/* The sandbox engine's public API, in the spirit of libcontainer: a
 * container is made from a config, a process is started in it, waited
 * for, and the container is destroyed. The command is one client. */
#ifndef SANDBOX_H
#define SANDBOX_H

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

#endif
