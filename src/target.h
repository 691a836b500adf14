/* The last stage before a sandboxed program runs: identity and
 * capabilities, parent-death signal, rlimits, umask, stdio check, working
 * directory (checked to lie inside the sandbox), no host descriptor
 * left open, no_new_privs, and the seccomp filter last, then execve.
 * The first process of a sandbox (spawn.c) and a process joined to a
 * running one (join.c) both go through target_main, so they get exactly
 * the same restrictions by the same code. */
#ifndef SB_TARGET_H
#define SB_TARGET_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

struct seccomp_program;

struct target_args {
        const struct sb_config *cfg;
        uid_t uid;                      /* inside the sandbox */
        gid_t gid;
        bool drop_groups;               /* setgroups(2) allowed here */
        const struct seccomp_program *seccomp;  /* NULL: none */
        const sigset_t *saved_mask;     /* restored before exec */
        char *const *argv;              /* argv[0] searched in envp's PATH */
        char **envp;
        const char *cwd;
        bool cwd_explicit;              /* a cwd that is missing is an error */
        int sync_fd;                    /* errors go there; CLOEXEC */
};

/* Never returns: execs the command, or reports {step, errno, message} on
 * sync_fd and exits with SB_EXIT_SETUP, SB_EXIT_NOT_FOUND or
 * SB_EXIT_CANNOT_EXEC. */
__attribute__((noreturn)) void target_main(const struct target_args *a);

/* Who the program runs as inside (uid, gid) and whether it drops its
 * supplementary groups, for a process joining a running sandbox: the
 * rules sb_container_create applies to the first process (see
 * docs/PROCESS-MODEL.md, Identity). privileged: the caller is root. */
int target_identity(const struct sb_config *cfg, bool privileged,
                    uid_t *ret_uid, gid_t *ret_gid, bool *ret_drop_groups,
                    struct sb_error *err);

#endif
