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
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caps.h"
#include "cleanup.h"
#include "cgroup.h"
#include "desktop.h"
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
#include "state.h"
#include "sync.h"
#include "target.h"
#include "util.h"

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
        bool init_maps_itself;    /* no host-side work: no "go" round trip */
        struct ns_id_map map;
        uid_t uid;                /* the target's uid and gid inside */
        gid_t gid;

        struct seccomp_program *seccomp; /* built before clone */
        struct mount_prep *fs;            /* planned and checked too */
        struct net_host *net;             /* host side of the network */
        struct cgroup *cgroup;            /* made by the launcher */
        struct desktop *desktop;          /* desktop sockets, the proxy */
        struct sb_state_lease *state;     /* removed when it ends */

        pid_t init_pid;
        struct sb_ns_id ns_ids[SB_JOIN_NS_MAX]; /* init's report */
        bool have_ns_ids;
        int sync_fd;
        sigset_t saved_mask;
        bool mask_blocked;
        int failure_exit;
};

/* Everything the cloned child needs; lives in its copy of our memory. */
struct child_args {
        const struct sb_container *c;
        int sync_fd;
        struct target_args target;  /* for the target, after init's fork */
};

/* The filesystem plan: the profile's, then the desktop's binds, then
 * resolv.conf and hosts, over whatever the entries before put at /etc. */
static int prepare_view(struct sb_container *c, struct sb_error *err)
{
        size_t n_desktop;
        const struct sb_mount *desktop = desktop_mounts(c->desktop,
                                                        &n_desktop);
        struct sb_mount files[NET_FILES_MAX];
        size_t n_files = net_files_plan(c->cfg, files);
        struct sb_mount *extra = xcalloc(n_desktop + n_files + 1,
                                         sizeof(*extra));
        if (n_desktop)
                memcpy(extra, desktop, n_desktop * sizeof(*extra));
        memcpy(extra + n_desktop, files, n_files * sizeof(*extra));
        /* The plan takes copies. */
        int r = mount_prepare(c->cfg, extra, n_desktop + n_files, &c->fs,
                              err);
        free(extra);
        for (size_t i = 0; i < n_files; i++)
                sb_mount_free(&files[i]);
        return r;
}

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
        /* The desktop sockets must exist before anything is made. */
        if (r >= 0)
                r = desktop_prepare(cfg,
                                    c->write_id_map ? c->map.host_uid : c->uid,
                                    c->write_id_map ? c->map.host_gid : c->gid,
                                    &c->desktop, err);
        /* Host paths are checked here, in the host's user namespace:
         * inside the sandbox's, their owners are no longer visible. */
        if (r >= 0)
                r = prepare_view(c, err);
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

/* The target's stack while it shares init's memory: a mapping of its own
 * with an inaccessible page below it, so that an overflow faults instead
 * of writing over init's data. The target's path to execve needs a few
 * dozen KiB (sanitizer builds more); untouched pages cost nothing. */
#define TARGET_STACK_SIZE (512 * 1024)

/* AddressSanitizer keeps the bounds of the running stack per thread, and
 * the target shares init's thread state: tell it about the switch in both
 * directions, or it warns about (and may misjudge) the target's stack. */
#include "sanitizer.h"
#ifdef SB_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

struct target_start {
        const struct child_args *args;
#ifdef SB_ASAN
        void *fake_stack;
        const void *init_bottom;
        size_t init_size;
        bool switched;
#endif
};

static int target_entry(void *arg)
{
        struct target_start *ts = arg;
#ifdef SB_ASAN
        __sanitizer_finish_switch_fiber(ts->fake_stack, &ts->init_bottom,
                                        &ts->init_size);
        ts->switched = true;
#endif
        /* init's libcap-ng state names init; this is another process. */
        caps_adopt_thread();
        target_main(&ts->args->target);
}

/* Start the target as posix_spawn(3) does, with clone(CLONE_VM |
 * CLONE_VFORK): it runs in init's memory, on a stack of its own, until its
 * execve, and init is suspended until then. Unlike fork() this copies no
 * page table and takes no copy-on-write fault in either process, and the
 * target replaces its memory by execve anyway.
 * What makes sharing safe: init is suspended (CLONE_VFORK), so no two
 * run at once; the target leaves init's state as it found it (it has no
 * file table, fs state, credentials, signal mask or seccomp filter in
 * common with init: all are per process without CLONE_FILES, CLONE_FS,
 * CLONE_SIGHAND or TSYNC); every catchable signal is blocked in init, so
 * in the target too, until target_main restores the caller's mask; and
 * the target reports errors over the sync socket and leaves with _exit,
 * which runs no atexit handler and flushes no stdio. */
static pid_t spawn_target(const struct child_args *a, struct sb_error *err)
{
        size_t guard = (size_t)sysconf(_SC_PAGESIZE);
        size_t size = guard + TARGET_STACK_SIZE;
        char *stack = mmap(NULL, size, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (stack == MAP_FAILED)
                return sb_error_errno(err, errno,
                                      "map the target's stack");
        if (mprotect(stack + guard, TARGET_STACK_SIZE,
                     PROT_READ | PROT_WRITE) < 0) {
                int e = errno;
                munmap(stack, size);
                return sb_error_errno(err, e, "map the target's stack");
        }
        struct target_start ts = { .args = a };
#ifdef SB_ASAN
        __sanitizer_start_switch_fiber(&ts.fake_stack, stack + guard,
                                       TARGET_STACK_SIZE);
#endif
        /* The stack grows down from the end of the mapping. */
        pid_t pid = clone(target_entry, stack + size,
                          CLONE_VM | CLONE_VFORK | SIGCHLD, &ts);
        int e = errno;
#ifdef SB_ASAN
        if (ts.switched) {
                __sanitizer_start_switch_fiber(NULL, ts.init_bottom,
                                               ts.init_size);
                __sanitizer_finish_switch_fiber(NULL, NULL, NULL);
        }
#endif
        /* The target has exec'd or exited: the stack is free again. */
        munmap(stack, size);
        caps_adopt_thread();
        if (pid < 0)
                return sb_error_errno(err, e, "fork the target");
        return pid;
}

/* init's /proc/self/ns entries, by identity (global: the same seen from
 * any procfs), in SB_JOIN_NS order, to the launcher. */
static int report_ns_ids(int fd, struct sb_error *err)
{
        static const char *const names[SB_JOIN_NS_MAX] = {
                [SB_JOIN_NS_USER] = "user", [SB_JOIN_NS_MNT] = "mnt",
                [SB_JOIN_NS_PID] = "pid",   [SB_JOIN_NS_NET] = "net",
                [SB_JOIN_NS_UTS] = "uts",   [SB_JOIN_NS_IPC] = "ipc",
                [SB_JOIN_NS_CGROUP] = "cgroup",
        };
        struct sb_ns_id ids[SB_JOIN_NS_MAX];
        for (int i = 0; i < SB_JOIN_NS_MAX; i++) {
                char path[32];
                struct stat st;
                snprintf(path, sizeof(path), "/proc/self/ns/%s", names[i]);
                if (stat(path, &st) < 0)
                        return sb_error_errno(err, errno, "stat %s", path);
                ids[i].dev = (uint64_t)st.st_dev;
                ids[i].ino = (uint64_t)st.st_ino;
        }
        int r = sync_send_data(fd, SYNC_NS_IDS, ids, sizeof(ids));
        if (r < 0)
                return sb_error_errno(err, -r, "report the namespaces");
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
        caps_adopt_thread();
        if (cfg->process.die_with_parent)
                prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (close_fds_except(fd) < 0) {
                sb_error_errno(&err, errno, "close inherited descriptors");
                child_fail(fd, STEP_WAIT_PARENT, &err, SB_EXIT_SETUP);
        }
        if (c->init_maps_itself) {
                /* The launcher may have died before PDEATHSIG was armed:
                 * then its end of the socket is closed already. */
                if (launcher_gone(fd))
                        _exit(SB_EXIT_SETUP);
                if (ns_write_id_maps(0, &c->map, &err) < 0)
                        child_fail(fd, STEP_NAMESPACES, &err, SB_EXIT_SETUP);
        } else if (sync_recv(fd, &go) != 1 || go.kind != SYNC_GO) {
                /* The launcher may have died before PDEATHSIG was armed;
                 * then this read sees the end of the stream and we leave
                 * quietly. */
                _exit(SB_EXIT_SETUP);
        }

        /* From here on init holds capabilities over its namespaces: keep
         * anything inside from reading its memory or /proc/1/exe. */
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

        if ((cfg->namespaces & SB_NS_CGROUP) && unshare(CLONE_NEWCGROUP) < 0) {
                sb_error_errno(&err, errno, "create the cgroup namespace");
                child_fail(fd, STEP_NAMESPACES, &err, SB_EXIT_SETUP);
        }
        /* Every namespace of init is final now (a time namespace is for
         * its children): tell the launcher which they are, while nothing
         * but this trusted code runs in them. */
        if (report_ns_ids(fd, &err) < 0)
                child_fail(fd, STEP_NAMESPACES, &err, SB_EXIT_SETUP);
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
        /* The target starts in init's memory: not dumpable either,
         * whatever a capset in the setup above reset it to. */
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        pid_t target = spawn_target(a, &err);
        if (target < 0)
                child_fail(fd, STEP_FORK, &err, SB_EXIT_SETUP);

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
                if (m.kind == SYNC_NS_IDS && !c->have_ns_ids) {
                        memcpy(c->ns_ids, m.msg, sizeof(c->ns_ids));
                        c->have_ns_ids = true;
                        continue;
                }
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
        /* The bus proxy listens before init binds its socket. */
        r = desktop_start(c->desktop, err);
        if (r < 0)
                goto fail_host;
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

        /* An unprivileged caller's map (its own uid and gid, setgroups
         * denied) is one init may write itself; with nothing else to do on
         * the host side (no cgroup to join, no veth), init then need not
         * wait for the launcher's "go": one wake-up and four /proc writes
         * across processes less. Root's map (an unprivileged host uid for
         * the sandbox) can only be written from outside. */
        c->init_maps_itself = c->write_id_map && c->map.deny_setgroups &&
                              !c->privileged && !c->cgroup && !c->net;

        struct child_args args = {
                .c = c,
                .sync_fd = sv[1],
                .target = {
                        .cfg = cfg,
                        .uid = c->uid,
                        .gid = c->gid,
                        .drop_groups = c->can_setgroups,
                        .seccomp = c->seccomp,
                        .saved_mask = &c->saved_mask,
                        .argv = exec->argv,
                        .envp = env_build(&cfg->env, exec->caller_env),
                        .cwd = cfg->process.cwd ? cfg->process.cwd
                               : exec->caller_cwd ? exec->caller_cwd
                                                  : "/",
                        .cwd_explicit = cfg->process.cwd != NULL,
                        .sync_fd = sv[1],
                },
        };
        desktop_env(c->desktop, &args.target.envp);


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
                strv_free(args.target.envp);
                goto fail_host;
        }
        if (pid == 0) {
                close(sv[0]);
                child_main(&args);
        }
        close(sv[1]);
        strv_free(args.target.envp);
        c->init_pid = pid;
        c->sync_fd = sv[0];
        fault_point("clone");

        if (c->write_id_map && !c->init_maps_itself) {
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
        if (!c->init_maps_itself) {
                r = sync_send(c->sync_fd, SYNC_GO, STEP_NONE, NULL);
                if (r < 0) {
                        r = sb_error_errno(err, r,
                                           "signal the sandbox to go on");
                        goto fail;
                }
        }
        fault_point("go");
        r = await_exec(c, err);
        if (r < 0)
                goto fail;
        /* Inside, the binds hold what the launcher made for them. */
        desktop_started(c->desktop);
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
        int r = sb_wait_forwarding(c->init_pid,
                                   !c->cfg->process.new_session, ret_status);
        c->init_pid = -1;
        return r < 0 ? sb_error_errno(err, -r, "wait for the sandbox") : 0;
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
        desktop_destroy(c->desktop);
        sb_state_release(c->state);
        seccomp_program_free(c->seccomp);
        mount_prep_free(c->fs);
        if (c->sync_fd >= 0)
                close(c->sync_fd);
        if (c->mask_blocked)
                sigprocmask(SIG_SETMASK, &c->saved_mask, NULL);
        free(c);
}

/* ---- what named sandboxes need (state.h) ---- */

const struct sb_ns_id *sb_container_ns_ids(const struct sb_container *c)
{
        return c->have_ns_ids ? c->ns_ids : NULL;
}

const char *sb_container_cgroup_name(const struct sb_container *c)
{
        return c->cgroup ? cgroup_name(c->cgroup) : NULL;
}

char **sb_container_net_links(const struct sb_container *c)
{
        return net_host_link_names(c->net);
}

int sb_container_hide(struct sb_container *c, const char *host_path,
                      struct sb_error *err)
{
        (void)err;
        return mount_prepare_hide(c->fs, c->cfg, host_path);
}

void sb_container_set_state(struct sb_container *c,
                            struct sb_state_lease *state)
{
        c->state = state;
}

struct sb_state_lease *sb_container_state(const struct sb_container *c)
{
        return c->state;
}
