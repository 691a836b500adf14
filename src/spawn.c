/* The orchestrator: the one place that decides the order in which a sandbox
 * is made. The launcher clones the sandbox's init into new namespaces, does
 * the host-side work (id maps), lets init go on, and reads back either an
 * error {step, errno, message} or the end of the stream, which means the
 * target has been exec'd. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caps.h"
#include "cleanup.h"
#include "cgroup.h"
#include "env.h"
#include "fault.h"
#include "init.h"
#include "log.h"
#include "mount.h"
#include "net.h"
#include "ns.h"
#include "priv.h"
#include "rlimit.h"
#include "seccomp-filter.h"
#include "sync.h"
#include "util.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* Without a user namespace mapping of its own, root's sandbox runs as this
 * unprivileged host user (see sandbox.profile(5), process.host_user). */
#define SB_NOBODY_UID 65534
#define SB_NOGROUP_GID 65534

struct sb_container {
        const struct sb_config *cfg;
        bool privileged;          /* the launcher runs as root (or setuid) */
        bool write_id_map;        /* the config asks for a user namespace */
        bool can_setgroups;       /* setgroups(2) allowed where we run */
        bool init_changes_id;     /* init's host uid is not mapped inside */
        struct ns_id_map map;
        uid_t uid;                /* the target's uid and gid inside */
        gid_t gid;

        struct seccomp_program *seccomp; /* built before clone */
        struct mount_prep *fs;            /* planned and checked too */
        struct net_host *net;             /* host side of the network */
        struct cgroup *cgroup;            /* made by the launcher */

        pid_t init_pid;
        int sync_fd;
        sigset_t saved_mask;
        bool mask_blocked;
        int failure_exit;
};

/* Everything the cloned child needs; lives in its copy of our memory. */
struct child_args {
        const struct sb_container *c;
        int sync_fd;
        char *const *argv;
        char **envp;
        const char *cwd;
        bool cwd_explicit;
};

int sb_container_create(const struct sb_config *cfg,
                        struct sb_container **ret, struct sb_error *err)
{
        struct sb_container *c = xcalloc(1, sizeof(*c));
        c->cfg = cfg;
        c->init_pid = -1;
        c->sync_fd = -1;
        c->failure_exit = SB_EXIT_SETUP;
        c->privileged = geteuid() == 0;
        /* A setuid-root launcher runs the sandbox as its real user
         * (priv.h); run.c checked the request against the policy. */
        bool setuid_mode = priv_mode() == SB_PRIV_SETUID;

        const struct sb_identity *id = &cfg->process.id;
        c->uid = id->user_set ? id->uid : getuid();
        c->gid = id->user_set ? id->gid : getgid();

        if (cfg->namespaces & SB_NS_USER) {
                c->write_id_map = true;
                c->map.inside_uid = c->uid;
                c->map.inside_gid = c->gid;
                if (setuid_mode) {
                        /* The real user outside, as if unprivileged, but
                         * the namespace is root's: the user cannot enter
                         * it with its capabilities. */
                        c->map.host_uid = getuid();
                        c->map.host_gid = getgid();
                        c->map.deny_setgroups = true;
                        c->init_changes_id = true;
                } else if (c->privileged) {
                        /* Root's sandbox never runs as host root unless the
                         * profile says so with process.host_user. */
                        c->map.host_uid = id->host_user_set ? id->host_uid
                                                            : SB_NOBODY_UID;
                        c->map.host_gid = id->host_user_set ? id->host_gid
                                                            : SB_NOGROUP_GID;
                        c->can_setgroups = true;
                        c->init_changes_id = true;
                } else {
                        if (id->host_user_set) {
                                free(c);
                                return sb_error_set(
                                        err, -EPERM,
                                        "process.host_user needs root");
                        }
                        c->map.host_uid = getuid();
                        c->map.host_gid = getgid();
                        c->map.deny_setgroups = true;
                }
        } else {
                if (!c->privileged) {
                        free(c);
                        return sb_error_set(err, -EPERM,
                                            "a sandbox without the user "
                                            "namespace needs root (or a "
                                            "setuid install whose policy "
                                            "allows it); add \"user\" to "
                                            "namespaces");
                }
                /* No mapping: the program's uid is its host uid. It is never
                 * root unless process.host_user says so (the loader refuses
                 * process.user = 0 alone). */
                c->uid = id->host_user_set ? id->host_uid
                         : id->user_set    ? id->uid
                                           : SB_NOBODY_UID;
                c->gid = id->host_user_set ? id->host_gid
                         : id->user_set    ? id->gid
                                           : SB_NOGROUP_GID;
                c->can_setgroups = !setuid_mode;
                if (setuid_mode) {
                        c->uid = getuid();
                        c->gid = getgid();
                }
        }
        fault_init();
        /* Pure preparation only: nothing exists on the host yet. */
        int r = seccomp_prepare(cfg, &c->seccomp, err);
        if (r >= 0)
                r = net_prepare(cfg, &c->net, err);
        /* Host paths are checked here, in the host's user namespace:
         * inside the sandbox's, their owners are no longer visible. */
        if (r >= 0)
                r = mount_prepare(cfg, &c->fs, err);
        if (r < 0) {
                sb_container_destroy(c);
                return r;
        }
        *ret = c;
        return 0;
}

int sb_container_failure_exit(const struct sb_container *c)
{
        return c->failure_exit;
}

pid_t sb_container_pid(const struct sb_container *c)
{
        return c ? c->init_pid : -1;
}

/* Past this point a failure cannot be undone from inside: report it to the
 * launcher and leave. */
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
__attribute__((noreturn)) static void target_main(const struct child_args *a)
{
        const struct sb_container *c = a->c;
        const struct sb_config *cfg = c->cfg;
        struct sb_error err = { 0 };

        sigprocmask(SIG_SETMASK, &c->saved_mask, NULL);

        if (caps_enter(c->uid, c->gid, c->can_setgroups, cfg->caps_keep,
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
        if (seccomp_program_load(c->seccomp, &err) < 0)
                child_fail(a->sync_fd, STEP_TARGET_SECCOMP, &err,
                           SB_EXIT_SETUP);

        int e = exec_command(a->argv, a->envp);
        sb_error_errno(&err, e, "cannot run '%s'", a->argv[0]);
        child_fail(a->sync_fd, STEP_EXEC, &err,
                   e == ENOENT ? SB_EXIT_NOT_FOUND : SB_EXIT_CANNOT_EXEC);
}

static bool launcher_gone(int fd)
{
        struct pollfd p = { .fd = fd, .events = POLLIN };
        return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR));
}

/* Every credential change clears the parent-death signal: arm it again,
 * then make sure the launcher did not die in between (its end of the sync
 * socket closes only when it does). */
static void rearm_parent_death(const struct sb_config *cfg, int fd,
                               pid_t target)
{
        if (!cfg->process.die_with_parent)
                return;
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (launcher_gone(fd)) {
                if (target > 0)
                        kill(target, SIGKILL);
                _exit(SB_EXIT_SETUP);
        }
}

static int close_fds_except(int keep)
{
        /* stdio stays; every other fd the caller handed us stops here. */
        if (keep > 3 && syscall(SYS_close_range, 3U, (unsigned)keep - 1, 0) < 0)
                return -errno;
        if (syscall(SYS_close_range, (unsigned)keep + 1, ~0U, 0) < 0)
                return -errno;
        return 0;
}

/* The sandbox's init, in its new namespaces. The order below is the setup
 * order of ARCHITECTURE.md; change it only with a reason. */
__attribute__((noreturn)) static void child_main(const struct child_args *a)
{
        const struct sb_container *c = a->c;
        const struct sb_config *cfg = c->cfg;
        int fd = a->sync_fd;
        struct sb_error err = { 0 };
        struct sync_msg go;

        sigset_t all;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, NULL);
        caps_after_clone();
        if (cfg->process.die_with_parent)
                prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (close_fds_except(fd) < 0) {
                sb_error_errno(&err, errno, "close inherited descriptors");
                child_fail(fd, STEP_WAIT_PARENT, &err, SB_EXIT_SETUP);
        }
        /* The launcher may have died before PDEATHSIG was armed; then this
         * read sees the end of the stream and we leave quietly. */
        if (sync_recv(fd, &go) != 1 || go.kind != SYNC_GO)
                _exit(SB_EXIT_SETUP);

        /* From here on init holds capabilities over its namespaces: keep
         * anything inside from reading its memory or /proc/1/exe. */
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

        if ((cfg->namespaces & SB_NS_CGROUP) && unshare(CLONE_NEWCGROUP) < 0) {
                sb_error_errno(&err, errno, "create the cgroup namespace");
                child_fail(fd, STEP_NAMESPACES, &err, SB_EXIT_SETUP);
        }
        if (c->init_changes_id) {
                if (caps_switch_id_keep_caps(c->uid, c->gid,
                                             c->can_setgroups, &err) < 0)
                        child_fail(fd, STEP_IDENTITY, &err, SB_EXIT_SETUP);
                /* A credential change resets dumpable. */
                prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
                rearm_parent_death(cfg, fd, -1);
        }
        if (net_inside_sysctls(cfg, &err) < 0)
                child_fail(fd, STEP_NETWORK, &err, SB_EXIT_SETUP);
        if (mount_setup(cfg, c->fs, &err) < 0)
                child_fail(fd, STEP_MOUNTS, &err, SB_EXIT_SETUP);
        fault_point("init-mounts");
        if (net_inside_setup(cfg, &err) < 0)
                child_fail(fd, STEP_NETWORK, &err, SB_EXIT_SETUP);
        fault_point("init-net");
        /* init itself keeps no handle on a host directory. */
        if (chdir("/") < 0) {
                sb_error_errno(&err, errno, "change directory to /");
                child_fail(fd, STEP_MOUNTS, &err, SB_EXIT_SETUP);
        }
        if ((cfg->namespaces & SB_NS_UTS) &&
            ns_set_hostname(cfg->hostname, &err) < 0)
                child_fail(fd, STEP_HOSTNAME, &err, SB_EXIT_SETUP);
        if (ns_new_session_keyring(&err) < 0) {
                if (err.code != -ENOSYS)
                        child_fail(fd, STEP_KEYRING, &err, SB_EXIT_SETUP);
                log_debug("%s, ignoring", err.msg);
        }
        if ((cfg->namespaces & SB_NS_TIME) && unshare(CLONE_NEWTIME) < 0) {
                sb_error_errno(&err, errno, "create the time namespace");
                child_fail(fd, STEP_NAMESPACES, &err, SB_EXIT_SETUP);
        }
        /* Without a pid namespace we are not PID 1; orphans of the target
         * must still come to us to be reaped. */
        if (!(cfg->namespaces & SB_NS_PID))
                prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        /* A new session leaves the terminal: no TIOCSTI into the caller's
         * shell, and terminal signals reach only the launcher, which
         * forwards them once. */
        if (cfg->process.new_session && setsid() < 0) {
                sb_error_errno(&err, errno, "start a new session");
                child_fail(fd, STEP_TARGET_SESSION, &err, SB_EXIT_SETUP);
        }

        fault_point("init-fork");
        /* The target starts as a copy of init's memory: not dumpable
         * either, whatever a capset in the setup above reset it to. */
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        pid_t target = fork();
        if (target < 0) {
                sb_error_errno(&err, errno, "fork the target");
                child_fail(fd, STEP_FORK, &err, SB_EXIT_SETUP);
        }
        if (target == 0)
                target_main(a);

        /* init keeps nothing it does not need to wait and forward. */
        static const uint64_t none[SB_CAP_WORDS];
        if (caps_enter(c->uid, c->gid, c->can_setgroups, none, &err) < 0 ||
            prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
                if (!err.code)
                        sb_error_errno(&err, errno, "init: no_new_privs");
                kill(target, SIGKILL);
                child_fail(fd, STEP_IDENTITY, &err, SB_EXIT_SETUP);
        }
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        rearm_parent_death(cfg, fd, target);
        close(fd);
        init_run(target, !cfg->process.new_session,
                 !(cfg->namespaces & SB_NS_PID));
}

/* The host objects the launcher made, removed with the privilege they were
 * made with (a setuid launcher's links and cgroups are root's). */
static void release_host(struct sb_container *c, bool failed)
{
        /* Tried even if the raise fails: what can go, goes. */
        struct sb_error e = { 0 };
        if (c->net) {
                priv_raise(PRIV_OP_NET, &e);
                if (failed)
                        net_host_cleanup(TAKE_PTR(c->net));
                else
                        net_host_release(TAKE_PTR(c->net));
                priv_lower();
        }
        if (c->cgroup) {
                priv_raise(PRIV_OP_CGROUP, &e);
                cgroup_destroy(TAKE_PTR(c->cgroup));
                priv_lower();
        }
}

static void reap_init(struct sb_container *c, int *ret_status)
{
        int status = 0;
        while (waitpid(c->init_pid, &status, 0) < 0 && errno == EINTR)
                ;
        c->init_pid = -1;
        if (ret_status)
                *ret_status = init_exit_code(status);
}

/* Read the child's reports until the stream ends: an error ends the launch,
 * the end of the stream alone means the target was exec'd. */
static int await_exec(struct sb_container *c, struct sb_error *err)
{
        struct sync_msg m;
        bool failed = false;
        for (;;) {
                int r = sync_recv(c->sync_fd, &m);
                if (r == 0)
                        break;
                if (r < 0)
                        return sb_error_errno(err, r,
                                              "read from the sandbox");
                if (m.kind != SYNC_ERROR || failed)
                        continue;
                failed = true;
                sb_error_set(err, m.err, "%s", m.msg);
                if (m.step == STEP_EXEC)
                        c->failure_exit = m.err == -ENOENT
                                                  ? SB_EXIT_NOT_FOUND
                                                  : SB_EXIT_CANNOT_EXEC;
                log_debug("setup failed at step '%s'", sync_step_name(m.step));
        }
        return failed ? err->code : 0;
}

int sb_container_start(struct sb_container *c, const struct sb_exec *exec,
                       struct sb_error *err)
{
        const struct sb_config *cfg = c->cfg;
        int sv[2];
        int r;

        if (!exec->argv || !exec->argv[0])
                return sb_error_set(err, -EINVAL, "no command to run");
        /* An ignored SIGCHLD (a caller started in the background may pass
         * one on) makes the kernel reap children itself, and we would never
         * learn the sandbox's exit status: ours and init's must be the
         * default. The target inherits the default too. */
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGCHLD, &dfl, NULL);

        /* Signals wait in the queue from now until sb_container_wait (the
         * child restores the caller's mask before exec): from before the
         * cgroup exists, so that a SIGTERM cannot leave it behind (in
         * setuid mode it is root's and the user could not remove it). */
        sigset_t all;
        sigfillset(&all);
        /* A program that shares the caller's terminal and process group
         * (new_session = false) is stopped by the terminal's job control;
         * we must stop with it, as the shell waits on us, and SIGCONT from
         * "fg" reaches the whole group. So those stay unblocked here. */
        if (!cfg->process.new_session) {
                sigdelset(&all, SIGTSTP);
                sigdelset(&all, SIGTTIN);
                sigdelset(&all, SIGTTOU);
        }
        sigprocmask(SIG_BLOCK, &all, &c->saved_mask);
        c->mask_blocked = true;

        /* The cgroup exists before init does, so that nothing init runs
         * escapes its limits. */
        r = priv_raise(PRIV_OP_CGROUP, err);
        if (r < 0)
                return r;
        r = cgroup_prepare(cfg, &c->cgroup, err);
        priv_lower();
        if (r < 0)
                return r;
        fault_point("cgroup");
        if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
                r = sb_error_errno(err, errno, "create the sync socket");
                goto fail_host;
        }
        /* A caller with a closed stdio fd would get the socket there, and
         * log lines or the program's output would go into it. */
        for (int i = 0; i < 2; i++) {
                if (sv[i] > 2)
                        continue;
                int moved = fcntl(sv[i], F_DUPFD_CLOEXEC, 3);
                if (moved < 0) {
                        r = sb_error_errno(err, errno,
                                           "move the sync socket above 2");
                        close(sv[0]);
                        close(sv[1]);
                        goto fail_host;
                }
                close(sv[i]);
                sv[i] = moved;
        }

        struct child_args args = {
                .c = c,
                .sync_fd = sv[1],
                .argv = exec->argv,
                .envp = env_build(&cfg->env, exec->caller_env),
                .cwd = cfg->process.cwd ? cfg->process.cwd
                       : exec->caller_cwd ? exec->caller_cwd
                                          : "/",
                .cwd_explicit = cfg->process.cwd != NULL,
        };


        int flags = ns_clone_flags(cfg->namespaces);
        log_debug("clone: namespaces 0x%x", (unsigned)cfg->namespaces);
        /* A raw clone works like fork: the child gets a copy of our memory
         * and stack, and no stack of its own has to be set up. */
        r = priv_raise(PRIV_OP_CLONE, err);
        pid_t pid = r < 0 ? -1
                          : (pid_t)syscall(SYS_clone,
                                           (unsigned long)flags | SIGCHLD,
                                           NULL, NULL, NULL, NULL);
        int clone_errno = errno;
        if (pid != 0)
                priv_lower();
        if (pid < 0) {
                r = r < 0 ? r
                          : sb_error_errno(err, clone_errno,
                                           "create namespaces (clone)");
                close(sv[0]);
                close(sv[1]);
                strv_free(args.envp);
                goto fail_host;
        }
        if (pid == 0) {
                close(sv[0]);
                child_main(&args);
        }
        close(sv[1]);
        strv_free(args.envp);
        c->init_pid = pid;
        c->sync_fd = sv[0];
        fault_point("clone");

        if (c->write_id_map) {
                r = priv_raise(PRIV_OP_IDMAP, err);
                if (r >= 0)
                        r = ns_write_id_maps(pid, &c->map, err);
                priv_lower();
                if (r < 0)
                        goto fail;
        }
        fault_point("idmap");
        r = priv_raise(PRIV_OP_CGROUP, err);
        if (r >= 0)
                r = cgroup_attach(c->cgroup, pid, err);
        priv_lower();
        if (r < 0)
                goto fail;
        fault_point("attach");
        r = priv_raise(PRIV_OP_NET, err);
        if (r >= 0)
                r = net_host_setup(c->net, pid, err);
        priv_lower();
        if (r < 0)
                goto fail;
        fault_point("net-host");
        r = sync_send(c->sync_fd, SYNC_GO, STEP_NONE, NULL);
        if (r < 0) {
                r = sb_error_errno(err, r, "signal the sandbox to go on");
                goto fail;
        }
        fault_point("go");
        r = await_exec(c, err);
        if (r < 0)
                goto fail;
        return 0;

fail:
        if (c->init_pid > 0) {
                kill(c->init_pid, SIGKILL);
                reap_init(c, NULL);
        }
fail_host:
        /* Nothing the launcher made on the host outlives a failed start. */
        release_host(c, true);
        return r;
}

int sb_container_wait(struct sb_container *c, int *ret_status,
                      struct sb_error *err)
{
        if (c->init_pid < 0)
                return sb_error_set(err, -ECHILD, "the sandbox is not running");
        sigset_t all;
        sigfillset(&all);
        bool shares_tty = !c->cfg->process.new_session;
        for (;;) {
                siginfo_t si;
                int sig = sigwaitinfo(&all, &si);
                if (sig < 0)
                        continue;
                if (sig != SIGCHLD) {
                        if (init_should_forward(sig, si.si_code, shares_tty))
                                kill(c->init_pid, sig);
                        continue;
                }
                int status;
                pid_t p = waitpid(c->init_pid, &status, WNOHANG);
                if (p < 0 && errno == ECHILD) {
                        c->init_pid = -1;
                        return sb_error_errno(err, ECHILD,
                                              "wait for the sandbox");
                }
                if (p == c->init_pid) {
                        c->init_pid = -1;
                        *ret_status = init_exit_code(status);
                        return 0;
                }
        }
}

void sb_container_destroy(struct sb_container *c)
{
        if (!c)
                return;
        if (c->init_pid > 0) {
                kill(c->init_pid, SIGKILL);
                reap_init(c, NULL);
        }
        release_host(c, false);
        seccomp_program_free(c->seccomp);
        mount_prep_free(c->fs);
        if (c->sync_fd >= 0)
                close(c->sync_fd);
        if (c->mask_blocked)
                sigprocmask(SIG_SETMASK, &c->saved_mask, NULL);
        free(c);
}
