/* The target stage, shared by the first process of a sandbox and by a
 * joined one (see target.h). Moved here from spawn.c unchanged, so that
 * both get the same restrictions from the same code. */
#include "target.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "caps.h"
#include "env.h"
#include "fault.h"
#include "log.h"
#include "rlimit.h"
#include "sandbox.h"
#include "seccomp-filter.h"
#include "sync.h"
#include "util.h"

/* As in spawn.c: root's sandbox without a mapping of its own runs as
 * this unprivileged host user. */
#define SB_NOBODY_UID 65534
#define SB_NOGROUP_GID 65534

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/* Past this point a failure cannot be undone from inside: report it to
 * whoever waits on the sync socket and leave. */
__attribute__((noreturn)) static void child_fail(int fd, int step,
                                                 const struct sb_error *err,
                                                 int exit_code)
{
        sync_send(fd, SYNC_ERROR, step, err);
        _exit(exit_code);
}

/* stdin, stdout and stderr come from the caller. A directory or an O_PATH
 * descriptor among them would let the program open files relative to a
 * host directory, around the sandbox's filesystem view. */
static int check_stdio(struct sb_error *err)
{
        for (int fd = 0; fd <= 2; fd++) {
                struct stat st;
                int fl = fcntl(fd, F_GETFL);
                if (fl < 0 || fstat(fd, &st) < 0)
                        continue; /* closed: nothing to reach through it */
                if (S_ISDIR(st.st_mode) || (fl & O_PATH))
                        return sb_error_set(err, -EPERM,
                                            "file descriptor %d is a "
                                            "directory or a path handle; "
                                            "refusing to pass it in", fd);
        }
        return 0;
}

/* Look the command up in the sandbox's PATH and exec it. Unlike execvp,
 * a PATH directory we may not search is skipped rather than reported, so
 * "not found" (ENOENT) and "found but not executable" stay apart. Returns
 * the errno that describes the failure. */
static int exec_command(char *const *argv, char *const *envp)
{
        const char *cmd = argv[0];
        if (!*cmd)
                return ENOENT;
        if (strchr(cmd, '/')) {
                execve(cmd, argv, envp);
                return errno;
        }
        /* The first PATH=, as getenv(3) in the program will see it. */
        const char *path = SB_DEFAULT_PATH;
        for (size_t i = 0; envp[i]; i++)
                if (str_has_prefix(envp[i], "PATH=")) {
                        path = envp[i] + 5;
                        break;
                }
        int found_err = 0;
        char buf[4096];
        for (const char *p = path;; p++) {
                const char *end = strchrnul(p, ':');
                size_t dlen = (size_t)(end - p);
                /* An empty PATH entry means the current directory. */
                int n = dlen ? snprintf(buf, sizeof(buf), "%.*s/%s",
                                        (int)dlen, p, cmd)
                             : snprintf(buf, sizeof(buf), "%s", cmd);
                if (n > 0 && (size_t)n < sizeof(buf)) {
                        execve(buf, argv, envp);
                        struct stat st;
                        if (errno != ENOENT && errno != ENOTDIR &&
                            stat(buf, &st) == 0 && !found_err)
                                found_err = errno;
                }
                if (!*end)
                        break;
                p = end;
        }
        return found_err ? found_err : ENOENT;
}

/* The target: identity and capabilities, limits, cwd, no_new_privs, exec.
 * The seccomp filter is loaded last, right before execve. */
__attribute__((noreturn)) void target_main(const struct target_args *a)
{
        const struct sb_config *cfg = a->cfg;
        struct sb_error err = { 0 };

        sigprocmask(SIG_SETMASK, a->saved_mask, NULL);

        if (caps_enter(a->uid, a->gid, a->drop_groups, cfg->caps_keep,
                       &err) < 0)
                child_fail(a->sync_fd, STEP_TARGET_CAPS, &err, SB_EXIT_SETUP);
        /* The uid change cleared any parent-death signal, so set it now. */
        if (cfg->process.die_with_parent &&
            prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) {
                sb_error_errno(&err, errno, "set the parent-death signal");
                child_fail(a->sync_fd, STEP_TARGET_CAPS, &err, SB_EXIT_SETUP);
        }
        if (rlimit_apply(cfg->rlimits, &err) < 0)
                child_fail(a->sync_fd, STEP_TARGET_RLIMITS, &err,
                           SB_EXIT_SETUP);
        umask(cfg->process.umask);
        if (check_stdio(&err) < 0)
                child_fail(a->sync_fd, STEP_TARGET_CWD, &err, SB_EXIT_SETUP);
        if (chdir(a->cwd) < 0) {
                if (a->cwd_explicit) {
                        sb_error_errno(&err, errno,
                                       "change directory to '%s'", a->cwd);
                        child_fail(a->sync_fd, STEP_TARGET_CWD, &err,
                                   SB_EXIT_SETUP);
                }
                log_debug("'%s' is not reachable inside, using /", a->cwd);
                if (chdir("/") < 0) {
                        sb_error_errno(&err, errno, "change directory to /");
                        child_fail(a->sync_fd, STEP_TARGET_CWD, &err,
                                   SB_EXIT_SETUP);
                }
        }
        /* A directory outside the sandbox's root would be a way out
         * (runc CVE-2024-21626): getcwd reports such a one as unreachable. */
        char here[4096];
        if (!getcwd(here, sizeof(here)) || here[0] != '/') {
                sb_error_set(&err, -EPERM,
                             "the working directory '%s' is outside the "
                             "sandbox", a->cwd);
                child_fail(a->sync_fd, STEP_TARGET_CWD, &err, SB_EXIT_SETUP);
        }
        /* Nothing of the launcher's survives exec but stdio (the sync
         * socket is CLOEXEC already; everything else was closed by init). */
        syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
                sb_error_errno(&err, errno, "set no_new_privs");
                child_fail(a->sync_fd, STEP_TARGET_NNP, &err, SB_EXIT_SETUP);
        }
        fault_point("target-exec");
        /* Last: from here on only execve runs, under the filter. */
        if (seccomp_program_load(a->seccomp, &err) < 0)
                child_fail(a->sync_fd, STEP_TARGET_SECCOMP, &err,
                           SB_EXIT_SETUP);

        int e = exec_command(a->argv, a->envp);
        sb_error_errno(&err, e, "cannot run '%s'", a->argv[0]);
        child_fail(a->sync_fd, STEP_EXEC, &err,
                   e == ENOENT ? SB_EXIT_NOT_FOUND : SB_EXIT_CANNOT_EXEC);
}

/* Keep in step with sb_container_create (spawn.c). */
int target_identity(const struct sb_config *cfg, bool privileged,
                    uid_t *ret_uid, gid_t *ret_gid, bool *ret_drop_groups,
                    struct sb_error *err)
{
        const struct sb_identity *id = &cfg->process.id;
        if (cfg->namespaces & SB_NS_USER) {
                if (!privileged && id->host_user_set)
                        return sb_error_set(err, -EPERM,
                                            "process.host_user needs root");
                *ret_uid = id->user_set ? id->uid : getuid();
                *ret_gid = id->user_set ? id->gid : getgid();
                /* An unprivileged sandbox's setgroups is "deny". */
                *ret_drop_groups = privileged;
                return 0;
        }
        if (!privileged)
                return sb_error_set(err, -EPERM, "a sandbox without the user "
                                    "namespace needs root");
        *ret_uid = id->host_user_set ? id->host_uid
                   : id->user_set    ? id->uid
                                     : SB_NOBODY_UID;
        *ret_gid = id->host_user_set ? id->host_gid
                   : id->user_set    ? id->gid
                                     : SB_NOGROUP_GID;
        *ret_drop_groups = true;
        return 0;
}
