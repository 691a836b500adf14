/* Joining a running sandbox (sandbox exec): a second process enters the
 * sandbox's namespaces through a pidfd, its cgroup and root, and then
 * goes through the same target stage as the first process (target.c),
 * with the config rebuilt from the launcher's copy of the resolved
 * profile. Why each step is the way it is: docs/JOIN.md. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <sched.h>
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

#include "cgroup.h"
#include "cleanup.h"
#include "env.h"
#include "log.h"
#include "ns.h"
#include "proc.h"
#include "profile.h"
#include "seccomp-filter.h"
#include "sync.h"
#include "target.h"
#include "util.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* LeakSanitizer checks at exit from a tracer thread that must ptrace us;
 * once we are non-dumpable in the sandbox's namespaces it cannot, and its
 * StopTheWorld spins for ever. In a sanitizer build the check runs once
 * before we enter (which also makes the exit check a no-op). */
#include "sanitizer.h"
#ifdef SB_ASAN
#include <sanitizer/lsan_interface.h>
#endif

/* A printed profile is a few kilobytes; anything far larger is not one. */
#define PROFILE_COPY_MAX (1024 * 1024)

static const struct {
        unsigned ns;           /* enum sb_ns */
        int flag;              /* CLONE_NEW* */
        const char *proc;      /* our own /proc/self/ns entry after setns */
} ns_table[SB_JOIN_NS_MAX] = {
        [SB_JOIN_NS_USER] = { SB_NS_USER, CLONE_NEWUSER, "user" },
        [SB_JOIN_NS_MNT] = { SB_NS_MOUNT, CLONE_NEWNS, "mnt" },
        /* setns(CLONE_NEWPID) places our children, not us. */
        [SB_JOIN_NS_PID] = { SB_NS_PID, CLONE_NEWPID, "pid_for_children" },
        [SB_JOIN_NS_NET] = { SB_NS_NET, CLONE_NEWNET, "net" },
        [SB_JOIN_NS_UTS] = { SB_NS_UTS, CLONE_NEWUTS, "uts" },
        [SB_JOIN_NS_IPC] = { SB_NS_IPC, CLONE_NEWIPC, "ipc" },
        [SB_JOIN_NS_CGROUP] = { SB_NS_CGROUP, CLONE_NEWCGROUP, "cgroup" },
};

int sb_join_config_load(const char *path, struct sb_config *cfg,
                        struct sb_error *err)
{
        return sb_join_config_load_at(AT_FDCWD, path, path, cfg, err);
}

int sb_join_config_load_at(int dirfd, const char *file, const char *path,
                           struct sb_config *cfg, struct sb_error *err)
{
        /* O_NOFOLLOW: a symlink planted in place of the copy is refused,
         * not followed. Everything below is checked on this descriptor,
         * so the file cannot be swapped between the check and the read. */
        _cleanup_close_ int fd = openat(dirfd, file,
                                        O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
                                                O_NOCTTY | O_NONBLOCK);
        if (fd < 0)
                return sb_error_errno(err, errno, "open the profile copy '%s'",
                                      path);
        struct stat st;
        if (fstat(fd, &st) < 0)
                return sb_error_errno(err, errno, "stat '%s'", path);
        if (!S_ISREG(st.st_mode))
                return sb_error_set(err, -EPERM, "the profile copy '%s' is not "
                                    "a regular file", path);
        if (st.st_uid != getuid() && st.st_uid != 0)
                return sb_error_set(err, -EPERM, "the profile copy '%s' "
                                    "belongs to uid %u, not to you or root; "
                                    "refusing it", path, (unsigned)st.st_uid);
        if (st.st_mode & (S_IWGRP | S_IWOTH))
                return sb_error_set(err, -EPERM, "the profile copy '%s' is "
                                    "writable by others; refusing it", path);
        if (st.st_size > PROFILE_COPY_MAX)
                return sb_error_set(err, -EFBIG, "the profile copy '%s' is "
                                    "too large", path);
        _cleanup_free_ char *text = xmalloc((size_t)st.st_size + 2);
        ssize_t n = read_full(fd, text, (size_t)st.st_size + 2);
        if (n < 0)
                return sb_error_errno(err, (int)-n, "read '%s'", path);
        if (n > st.st_size)
                return sb_error_set(err, -EIO, "'%s' grew while read", path);

        /* The copy is resolved: no include and no .local is looked up, so
         * no search directory is given. */
        static const char *const no_dirs[] = { NULL };
        struct passwd *pw = getpwuid(getuid());
        _cleanup_free_ char *user = pw ? xstrdup(pw->pw_name)
                                       : xasprintf("%u", (unsigned)getuid());
        struct sb_profile_env env = {
                .home = pw ? pw->pw_dir : "/",
                .user = user,
                .uid = getuid(),
                .gid = getgid(),
                .app = "sandbox",
                .search_dirs = no_dirs,
        };
        struct sb_diags d = { 0 };
        int r = profile_load_string(text, path, &env, cfg, &d);
        for (size_t i = 0; i < d.n; i++)
                log_error("%s", d.msgs[i]);
        sb_diags_free(&d);
        if (r < 0)
                return sb_error_set(err, r, "the profile copy '%s' does not "
                                    "load", path);
        return 0;
}

static int pidfd_alive(int pidfd)
{
        return syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) == 0 ? 0
                                                                      : -errno;
}

/* From the text of /proc/PID/stat: the parent pid (field 4) and the start
 * time (field 22), counted after the command, which may hold anything. */
static int stat_fields(const char *text, pid_t *ret_ppid,
                       unsigned long long *ret_start)
{
        const char *q = strrchr(text, ')');
        if (!q)
                return -EINVAL;
        bool have_ppid = false, have_start = false;
        for (int field = 2; *q && field < 22; q++) {
                if (*q != ' ')
                        continue;
                field++;
                char *end = NULL;
                if (field == 4) {
                        long v = strtol(q + 1, &end, 10);
                        have_ppid = end != q + 1 && v > 0 && v <= INT_MAX;
                        *ret_ppid = (pid_t)v;
                } else if (field == 22) {
                        *ret_start = strtoull(q + 1, &end, 10);
                        have_start = end != q + 1;
                }
        }
        return have_ppid && have_start ? 0 : -EINVAL;
}

/* The sandbox's first process (init's first child, pid 2 inside), for
 * callers who may not enter through init itself (see docs/JOIN.md):
 * among init's children, the one that started first. */
static int open_first_child(const struct sb_join *j, int *ret_pidfd,
                            pid_t *ret_pid, struct sb_error *err)
{
        char path[64];
        snprintf(path, sizeof(path), "/proc/%d/task/%d/children",
                 (int)j->init_pid, (int)j->init_pid);
        _cleanup_free_ char *kids = NULL;
        ssize_t n = read_all_at(AT_FDCWD, path, 0, &kids);
        if (n < 0)
                return sb_error_errno(err, (int)-n, "read %s", path);
        pid_t best = -1;
        unsigned long long best_start = ~0ULL;
        for (char *p = kids, *tok; (tok = strtok_r(p, " \n", &p));) {
                pid_t pid = (pid_t)strtol(tok, NULL, 10);
                char sp[64];
                snprintf(sp, sizeof(sp), "/proc/%d/stat", (int)pid);
                _cleanup_free_ char *stat = NULL;
                if (pid <= 0 || read_all_at(AT_FDCWD, sp, 0, &stat) < 0)
                        continue;
                pid_t ppid = 0;
                unsigned long long start = 0;
                if (stat_fields(stat, &ppid, &start) < 0 ||
                    ppid != j->init_pid)
                        continue;
                if (start < best_start || (start == best_start && pid < best)) {
                        best = pid;
                        best_start = start;
                }
        }
        if (best < 0)
                return sb_error_set(err, -ESRCH, "sandbox '%s' has no process "
                                    "to join", j->name);
        int fd = (int)syscall(SYS_pidfd_open, best, 0);
        if (fd < 0)
                return sb_error_errno(err, errno, "open process %d of sandbox "
                                      "'%s'", (int)best, j->name);
        /* Still init's child now that we hold it: read again, then check
         * that init is alive too (its pid was not reused meanwhile). */
        char sp[64];
        snprintf(sp, sizeof(sp), "/proc/%d/stat", (int)best);
        _cleanup_free_ char *stat = NULL;
        pid_t ppid = 0;
        unsigned long long start = 0;
        if (read_all_at(AT_FDCWD, sp, 0, &stat) < 0 ||
            stat_fields(stat, &ppid, &start) < 0 || ppid != j->init_pid || pidfd_alive(fd) < 0 ||
            pidfd_alive(j->init_pidfd) < 0) {
                close(fd);
                return sb_error_set(err, -ESRCH, "sandbox '%s' has ended",
                                    j->name);
        }
        *ret_pidfd = fd;
        *ret_pid = best;
        return 0;
}

static int gid_cmp(const void *a, const void *b)
{
        gid_t x = *(const gid_t *)a, y = *(const gid_t *)b;
        return x < y ? -1 : x > y;
}

/* An unprivileged joiner cannot drop its supplementary groups (setgroups
 * is "deny" in the sandbox's user namespace): it may not bring any that
 * the sandbox's processes do not hold already. Their groups are init's
 * (nothing in such a sandbox can change them), read from the host. */
static int check_groups(const struct sb_join *j, struct sb_error *err)
{
        _cleanup_free_ char *text = NULL;
        int r = proc_status_value(j->init_pid, "Groups", &text);
        if (r == -ENOENT && pidfd_alive(j->init_pidfd) == 0)
                text = xstrdup("");
        else if (r < 0)
                return sb_error_errno(err, -r, "read the groups of sandbox "
                                      "'%s' (pid %d)", j->name,
                                      (int)j->init_pid);
        static gid_t theirs[NGROUPS_MAX], ours[NGROUPS_MAX];
        size_t nt = 0;
        for (char *p = text, *tok; (tok = strtok_r(p, " \t\n", &p));) {
                uint64_t v;
                if (nt == NGROUPS_MAX || parse_u64(tok, &v) < 0 ||
                    v > UINT32_MAX)
                        return sb_error_set(err, -EINVAL, "the groups of "
                                            "sandbox '%s' do not parse",
                                            j->name);
                theirs[nt++] = (gid_t)v;
        }
        int no = getgroups(NGROUPS_MAX, ours);
        if (no < 0)
                return sb_error_errno(err, errno, "read our groups");
        if (pidfd_alive(j->init_pidfd) < 0)
                return sb_error_set(err, -ESRCH, "sandbox '%s' has ended",
                                    j->name);
        qsort(theirs, nt, sizeof(gid_t), gid_cmp);
        qsort(ours, (size_t)no, sizeof(gid_t), gid_cmp);
        if ((size_t)no != nt || memcmp(theirs, ours, nt * sizeof(gid_t)) != 0)
                return sb_error_set(err, -EPERM, "your supplementary groups "
                                    "differ from those of sandbox '%s', and "
                                    "without privilege they cannot be "
                                    "dropped on the way in; join it with "
                                    "the groups it was started with",
                                    j->name);
        return 0;
}

/* The root directory of the process behind pidfd, as an O_PATH handle,
 * for checking where setns put us. /proc/PID is opened first and the
 * process checked alive after that, so the directory is that process's
 * and not a newcomer's with a reused pid. */
static int open_root_of(int pidfd, pid_t pid, int *ret_fd)
{
        char path[32];
        snprintf(path, sizeof(path), "/proc/%d", (int)pid);
        _cleanup_close_ int dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0)
                return -errno;
        int r = pidfd_alive(pidfd);
        if (r < 0)
                return r;
        int fd = openat(dir, "root", O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        *ret_fd = fd;
        return 0;
}

/* After setns: are we in the namespaces recorded when the sandbox
 * started, and is our root its root? self is our own /proc/self, opened
 * on the host's procfs before setns. */
static int check_entered(const struct sb_join *j, unsigned namespaces,
                         int self, int rootfd, struct sb_error *err)
{
        for (int i = 0; i < SB_JOIN_NS_MAX; i++) {
                if (!(namespaces & ns_table[i].ns))
                        continue;
                /* Nothing to compare with is no check: refused. */
                if (!j->ns[i].dev && !j->ns[i].ino)
                        return sb_error_set(err, -EPERM, "the state of "
                                            "sandbox '%s' records no %s "
                                            "namespace; refusing to join it",
                                            j->name, ns_table[i].proc);
                char path[64];
                snprintf(path, sizeof(path), "ns/%s", ns_table[i].proc);
                struct stat st;
                if (fstatat(self, path, &st, 0) < 0)
                        return sb_error_errno(err, errno, "stat /proc/self/%s",
                                              path);
                if ((uint64_t)st.st_dev != j->ns[i].dev ||
                    (uint64_t)st.st_ino != j->ns[i].ino)
                        return sb_error_set(err, -ESRCH, "the %s namespace is "
                                            "not the one sandbox '%s' started "
                                            "with; refusing to go on",
                                            ns_table[i].proc, j->name);
        }
        struct stat want, here;
        if (fstat(rootfd, &want) < 0 || stat("/", &here) < 0)
                return sb_error_errno(err, errno, "stat the sandbox's root");
        if (want.st_dev != here.st_dev || want.st_ino != here.st_ino)
                return sb_error_set(err, -EXDEV, "'/' is not the root of "
                                    "sandbox '%s' after entering it",
                                    j->name);
        if (chdir("/") < 0)
                return sb_error_errno(err, errno, "change directory to /");
        return 0;
}

/* Enter every namespace of the sandbox at once (setns with a pidfd and
 * several flags is atomic: all or none). Through init when we may; else
 * through its first process (docs/JOIN.md). */
static int enter(const struct sb_config *cfg, const struct sb_join *j,
                 struct sb_error *err)
{
        int flags = 0;
        for (int i = 0; i < SB_JOIN_NS_MAX; i++)
                if (cfg->namespaces & ns_table[i].ns)
                        flags |= ns_table[i].flag;
        _cleanup_close_ int self = open("/proc/self", O_PATH | O_DIRECTORY |
                                                              O_CLOEXEC);
        if (self < 0)
                return sb_error_errno(err, errno, "open /proc/self");

        _cleanup_close_ int rootfd = -1;
        _cleanup_close_ int child_fd = -1;
        int via = j->init_pidfd;
        /* init's own time namespace is the host's (it made one for its
         * children only): a sandbox with one is entered through its first
         * process, whose time namespace it is. */
        int r = (cfg->namespaces & SB_NS_TIME)
                        ? -EPERM
                        : open_root_of(j->init_pidfd, j->init_pid, &rootfd);
        if (r == -EACCES || r == -EPERM) {
                pid_t pid = -1;
                r = open_first_child(j, &child_fd, &pid, err);
                if (r < 0)
                        return r;
                r = open_root_of(child_fd, pid, &rootfd);
                via = child_fd;
                if (cfg->namespaces & SB_NS_TIME)
                        flags |= CLONE_NEWTIME;
                log_debug("entering sandbox '%s' through its process %d",
                          j->name, (int)pid);
        }
        if (r < 0)
                return sb_error_errno(err, -r, "open the root of sandbox '%s'",
                                      j->name);

        /* Once inside, processes of the sandbox could otherwise ptrace us
         * or open /proc/PID/exe and /proc/PID/fd of a process that holds
         * the launcher's binary and host descriptors (runc CVE-2019-5736,
         * CVE-2016-9962). */
#ifdef SB_ASAN
        __lsan_do_leak_check();
#endif
        if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "make the joiner "
                                      "non-dumpable");
        if (setns(via, flags) < 0)
                return sb_error_errno(err, errno, "enter the namespaces of "
                                      "sandbox '%s' (setns)", j->name);
        return check_entered(j, cfg->namespaces, self, rootfd, err);
}

/* The joined process, in the sandbox's namespaces (and its pid namespace,
 * being our child): what init did for the first process that the target
 * stage does not (a session, a session keyring), then the target stage. */
__attribute__((noreturn)) static void joined_main(const struct target_args *a,
                                                  int sync_fd)
{
        struct sb_error err = { 0 };
        struct sync_msg go;
        /* Only stdio and the sync socket cross into the sandbox. */
        if ((sync_fd > 3 &&
             syscall(SYS_close_range, 3U, (unsigned)sync_fd - 1, 0) < 0) ||
            syscall(SYS_close_range, (unsigned)sync_fd + 1, ~0U, 0) < 0) {
                sb_error_errno(&err, errno, "close inherited descriptors");
                sync_send(sync_fd, SYNC_ERROR, STEP_WAIT_PARENT, &err);
                _exit(SB_EXIT_SETUP);
        }
        if (a->cfg->process.die_with_parent)
                prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        /* GO comes once we are in the sandbox's cgroup. */
        if (sync_recv(sync_fd, &go) != 1 || go.kind != SYNC_GO)
                _exit(SB_EXIT_SETUP);
        if (a->cfg->process.new_session && setsid() < 0) {
                sb_error_errno(&err, errno, "start a new session");
                sync_send(sync_fd, SYNC_ERROR, STEP_TARGET_SESSION, &err);
                _exit(SB_EXIT_SETUP);
        }
        if (ns_new_session_keyring(&err) < 0 && err.code != -ENOSYS) {
                sync_send(sync_fd, SYNC_ERROR, STEP_KEYRING, &err);
                _exit(SB_EXIT_SETUP);
        }
        target_main(a);
}

/* Read the child's reports until the stream ends (it exec'd) or an error
 * comes; *ret_exit is the launcher exit code of a failure. */
static int await_exec(int fd, int *ret_exit, struct sb_error *err)
{
        struct sync_msg m;
        bool failed = false;
        for (;;) {
                int r = sync_recv(fd, &m);
                if (r == 0)
                        break;
                if (r < 0)
                        return sb_error_errno(err, -r, "read from the joined "
                                              "process");
                if (m.kind != SYNC_ERROR || failed)
                        continue;
                failed = true;
                sb_error_set(err, m.err, "%s", m.msg);
                *ret_exit = m.step != STEP_EXEC ? SB_EXIT_SETUP
                            : m.err == -ENOENT  ? SB_EXIT_NOT_FOUND
                                                : SB_EXIT_CANNOT_EXEC;
        }
        return failed ? err->code : 0;
}

static int move_above_stdio(int fd)
{
        if (fd > 2)
                return fd;
        int moved = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        close(fd);
        return moved;
}

int sb_container_join(const struct sb_config *cfg, const struct sb_join *j,
                      const struct sb_exec *exec, int *ret_status,
                      struct sb_error *err)
{
        *ret_status = SB_EXIT_SETUP;
        if (!exec->argv || !exec->argv[0])
                return sb_error_set(err, -EINVAL, "no command to run");
        if (!cfg->joinable)
                return sb_error_set(err, -EPERM, "sandbox '%s' is not "
                                    "joinable (its profile sets joinable = "
                                    "false)", j->name);

        /* Everything is read and built on the host side, before entering:
         * afterwards nothing of the host is opened any more. */
        struct target_args t = {
                .cfg = cfg,
                .argv = exec->argv,
                .cwd = cfg->process.cwd ? cfg->process.cwd
                       : exec->caller_cwd ? exec->caller_cwd
                                          : "/",
                .cwd_explicit = cfg->process.cwd != NULL,
        };
        int r = target_identity(cfg, geteuid() == 0, &t.uid, &t.gid,
                                &t.drop_groups, err);
        if (r < 0)
                return r;
        if (!t.drop_groups) {
                r = check_groups(j, err);
                if (r < 0)
                        return r;
        }
        struct seccomp_program *seccomp = NULL;
        r = seccomp_prepare(cfg, &seccomp, err);
        if (r < 0)
                return r;
        t.seccomp = seccomp;
        struct cgroup_entry cge = { .n = 0 };
        if (j->cgroup) {
                struct cgroup *cg = NULL;
                /* Where init is, not where our own cgroup suggests: the
                 * caller may sit elsewhere than the launcher did. */
                r = cgroup_open_pid(j->init_pid, j->cgroup, &cg, err);
                if (r >= 0 && pidfd_alive(j->init_pidfd) < 0)
                        r = sb_error_set(err, -ESRCH, "sandbox '%s' has "
                                         "ended", j->name);
                if (r >= 0)
                        r = cgroup_enter_open(cg, &cge, err);
                cgroup_free(cg);
                if (r < 0) {
                        seccomp_program_free(seccomp);
                        return r;
                }
        }
        t.envp = env_build(&cfg->env, exec->caller_env);

        sigset_t saved, all;
        sigfillset(&all);
        /* Sharing the caller's terminal, we stop and go with its job
         * control, as sb_container_start does. */
        if (!cfg->process.new_session) {
                sigdelset(&all, SIGTSTP);
                sigdelset(&all, SIGTTIN);
                sigdelset(&all, SIGTTOU);
        }
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGCHLD, &dfl, NULL);
        sigprocmask(SIG_BLOCK, &all, &saved);
        t.saved_mask = &saved;

        int sv[2] = { -1, -1 };
        pid_t pid = -1;
        r = enter(cfg, j, err);
        if (r < 0)
                goto out;
        if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
                r = sb_error_errno(err, errno, "create the sync socket");
                goto out;
        }
        sv[0] = move_above_stdio(sv[0]);
        sv[1] = move_above_stdio(sv[1]);
        if (sv[0] < 0 || sv[1] < 0) {
                r = sb_error_errno(err, errno, "move the sync socket above 2");
                goto out;
        }
        t.sync_fd = sv[1];
        pid = fork();
        if (pid < 0) {
                r = sb_error_errno(err, errno, "fork the joined process");
                goto out;
        }
        if (pid == 0) {
                close(sv[0]);
                joined_main(&t, sv[1]);
        }
        close(sv[1]);
        sv[1] = -1;
        /* It runs nothing before GO, so nothing escapes the cgroup. */
        r = cgroup_enter(&cge, pid, err);
        if (r < 0)
                goto out;
        r = sync_send(sv[0], SYNC_GO, STEP_NONE, NULL);
        if (r < 0) {
                r = sb_error_errno(err, -r, "signal the joined process");
                goto out;
        }
        r = await_exec(sv[0], ret_status, err);
        if (r < 0)
                goto out;
        r = sb_wait_forwarding(pid, !cfg->process.new_session, ret_status);
        if (r < 0)
                r = sb_error_errno(err, -r, "wait for the joined process");
        pid = -1;
out:
        if (pid > 0) {
                int status;
                kill(pid, SIGKILL);
                while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                        ;
        }
        for (int i = 0; i < 2; i++)
                if (sv[i] >= 0)
                        close(sv[i]);
        cgroup_entry_close(&cge);
        strv_free(t.envp);
        seccomp_program_free(seccomp);
        sigprocmask(SIG_SETMASK, &saved, NULL);
        return r;
}
