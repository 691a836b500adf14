/* Host probes for `sandbox doctor` and the privilege model. Reading files,
 * plus one unshare(CLONE_NEWUSER) in a child that exits at once: nothing
 * here changes the system. */
#include "host-probe.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup-internal.h"
#include "util.h"

long host_sysctl(const char *name)
{
        char path[256], buf[64];
        snprintf(path, sizeof(path), "/proc/sys/%s", name);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -1;
        ssize_t n = read_full(fd, buf, sizeof(buf));
        close(fd);
        if (n <= 0)
                return -1;
        char *end;
        errno = 0;
        long v = strtol(buf, &end, 10);
        if (errno || end == buf)
                return -1;
        return v;
}

bool host_userns_restricted(void)
{
        return host_sysctl("kernel/unprivileged_userns_clone") == 0 ||
               host_sysctl("kernel/apparmor_restrict_unprivileged_userns") == 1;
}

/* As the real user, with no capability: what an unprivileged launch
 * would meet. The child's unshare makes a namespace that dies with it. */
static int try_userns(void)
{
        pid_t pid = fork();
        if (pid < 0)
                return errno;
        if (pid == 0) {
                uid_t r = getuid();
                gid_t g = getgid();
                if (setresgid(g, g, g) < 0 || setresuid(r, r, r) < 0)
                        _exit(126);
                _exit(unshare(CLONE_NEWUSER) < 0 ? (errno & 0x7f) : 0);
        }
        int status;
        while (waitpid(pid, &status, 0) < 0)
                if (errno != EINTR)
                        return errno;
        if (!WIFEXITED(status))
                return EINTR;
        return WEXITSTATUS(status) == 126 ? EPERM : WEXITSTATUS(status);
}

static void probe_cgroup(struct host_probe *p)
{
        struct cg_layout l;
        struct sb_error err = { 0 };
        snprintf(p->cgroup_mode, sizeof(p->cgroup_mode), "unknown");
        if (cg_layout_read(&l, &err) < 0)
                return;
        snprintf(p->cgroup_mode, sizeof(p->cgroup_mode), "%s",
                 cg_mode_name(cg_layout_mode(&l)));
        const char *mnt = l.v2_mount, *path = l.v2_path, *self = l.v2_self;
        if (!mnt) {
                mnt = l.v1_mount[CG_MEMORY];
                path = l.v1_path[CG_MEMORY];
                self = l.v1_self[CG_MEMORY];
        }
        if (mnt && path) {
                snprintf(p->cgroup_self, sizeof(p->cgroup_self), "%s",
                         self ? self : path);
                snprintf(p->cgroup_dir, sizeof(p->cgroup_dir), "%s%s", mnt,
                         strcmp(path, "/") == 0 ? "" : path);
                /* access() checks with the real uid: the caller's own
                 * rights, also in a setuid launcher. */
                char procs[700];
                snprintf(procs, sizeof(procs), "%s/cgroup.procs",
                         p->cgroup_dir);
                p->cgroup_delegated = access(p->cgroup_dir, W_OK) == 0 &&
                                      access(procs, W_OK) == 0;
        }
        cg_layout_free(&l);
}

static void probe_exe(struct host_probe *p)
{
        ssize_t n = readlink("/proc/self/exe", p->exe, sizeof(p->exe) - 1);
        p->exe[n > 0 ? n : 0] = '\0';
        struct stat st;
        if (n > 0 && stat(p->exe, &st) == 0)
                p->exe_setuid_root = st.st_uid == 0 && (st.st_mode & S_ISUID);
        struct statvfs vfs;
        if (n > 0 && statvfs(p->exe, &vfs) == 0)
                p->exe_nosuid = vfs.f_flag & ST_NOSUID;
}

void host_probe_all(struct host_probe *p)
{
        memset(p, 0, sizeof(*p));
        p->userns_clone = host_sysctl("kernel/unprivileged_userns_clone");
        p->max_userns = host_sysctl("user/max_user_namespaces");
        p->apparmor_restrict =
                host_sysctl("kernel/apparmor_restrict_unprivileged_userns");
        p->legacy_tiocsti = host_sysctl("dev/tty/legacy_tiocsti");
        int fd = open("/proc/sys/kernel/seccomp/actions_avail",
                      O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
                ssize_t n = read_full(fd, p->seccomp_actions,
                                      sizeof(p->seccomp_actions));
                close(fd);
                if (n > 0 && p->seccomp_actions[n - 1] == '\n')
                        p->seccomp_actions[n - 1] = '\0';
        }
        p->userns_errno = try_userns();
        probe_cgroup(p);
        probe_exe(p);
}
