/* Whose a sandbox cgroup is: its name, made of the launcher's pid, start
 * time and pid namespace, parsed strictly; whether that launcher is gone;
 * and reaping the empty cgroups of launchers that are. */
#include "cgroup-internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "proc.h"
#include "util.h"

#define NAME_PREFIX "sandbox-"
#define LAUNCHER_SUFFIX "-launcher"

void cg_name_format(const struct cg_name *n, char *buf, size_t size)
{
        snprintf(buf, size, NAME_PREFIX "%d-%llu-%llu%s", (int)n->pid,
                 (unsigned long long)n->start, (unsigned long long)n->pidns,
                 n->launcher ? LAUNCHER_SUFFIX : "");
}

/* One decimal number at *p up to the next '-' or the end: no sign, no
 * leading zero (so that each number has one spelling and a name one
 * owner), at most max. Advances *p past it. */
static int number(const char **p, uint64_t max, uint64_t *ret)
{
        size_t n = strspn(*p, "0123456789");
        if (n == 0 || n > 20 || ((*p)[0] == '0' && n > 1))
                return -EINVAL;
        char digits[21];
        memcpy(digits, *p, n);
        digits[n] = '\0';
        uint64_t v;
        if (parse_u64(digits, &v) < 0 || v > max)
                return -EINVAL;
        *p += n;
        *ret = v;
        return 0;
}

int cg_name_parse(const char *s, struct cg_name *ret)
{
        if (!str_has_prefix(s, NAME_PREFIX))
                return -EINVAL;
        const char *p = s + strlen(NAME_PREFIX);
        uint64_t pid, start, pidns;
        if (number(&p, INT_MAX, &pid) < 0 || pid == 0 || *p++ != '-' ||
            number(&p, UINT64_MAX, &start) < 0 || *p++ != '-' ||
            number(&p, UINT64_MAX, &pidns) < 0 || pidns == 0)
                return -EINVAL;
        bool launcher = strcmp(p, LAUNCHER_SUFFIX) == 0;
        if (*p && !launcher)
                return -EINVAL;
        *ret = (struct cg_name){ (pid_t)pid, start, pidns, launcher };
        return 0;
}

/* Field 22 of /proc/PID/stat, in clock ticks after boot (proc.c). */
static int start_time(pid_t pid, uint64_t *ret)
{
        unsigned long long v;
        int r = proc_start_time(pid, &v);
        if (r < 0)
                return r == -ESRCH ? -ENOENT : r;
        *ret = v;
        return 0;
}

int cg_name_self(bool launcher, struct cg_name *ret, struct sb_error *err)
{
        struct stat st;
        if (stat("/proc/self/ns/pid", &st) < 0)
                return sb_error_errno(err, errno, "stat /proc/self/ns/pid");
        uint64_t start;
        int r = start_time(getpid(), &start);
        if (r < 0)
                return sb_error_errno(err, r, "read the start time of this "
                                      "process from /proc/%d/stat",
                                      (int)getpid());
        *ret = (struct cg_name){ getpid(), start, (uint64_t)st.st_ino,
                                 launcher };
        return 0;
}

/* Is there a process with this pid (one of another user counts)? */
static bool pid_exists(pid_t pid)
{
        return kill(pid, 0) == 0 || errno != ESRCH;
}

int cg_name_dead(const struct cg_name *n)
{
        /* A pid from another pid namespace means nothing here. */
        struct stat st;
        if (stat("/proc/self/ns/pid", &st) < 0 ||
            (uint64_t)st.st_ino != n->pidns)
                return 0;
        if (!pid_exists(n->pid))
                return 1;
        uint64_t start;
        if (start_time(n->pid, &start) < 0)
                /* Gone meanwhile, or hidden from us (hidepid=): only the
                 * first is death. */
                return !pid_exists(n->pid);
        /* The pid was reused: its launcher is gone. */
        return start != n->start;
}

/* The sandbox cgroups of launchers that are gone (killed before they
 * could clean up): removed when they are empty. The rmdir itself fails on
 * a cgroup with processes, so one that belongs to a sandbox that outlived
 * its launcher (die_with_parent = false) stays; and a launcher that is
 * alive, whose cgroup may still be empty just after it made it, is told
 * apart by its start time, even when it has a dead launcher's pid. */
void cg_reap(int parent_fd, const char *parent_path,
             const struct cgroup_backend *ops)
{
        DIR *dir = opendir_at(parent_fd, ".", 0);
        if (!dir)
                return;
        struct dirent *de;
        while ((de = readdir(dir))) {
                struct cg_name n;
                if ((de->d_type != DT_DIR && de->d_type != DT_UNKNOWN) ||
                    cg_name_parse(de->d_name, &n) < 0 ||
                    cg_name_dead(&n) != 1)
                        continue;
                struct cg_dir d = { .ops = ops, .fd = -1 };
                d.path = xasprintf("%s/%s", parent_path, de->d_name);
                d.fd = openat(parent_fd, de->d_name,
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
                if (d.fd >= 0 && ops->populated(&d) == 0 &&
                    unlinkat(parent_fd, de->d_name, AT_REMOVEDIR) == 0)
                        log_debug("removed the stale cgroup %s", d.path);
                if (d.fd >= 0)
                        close(d.fd);
                free(d.path);
        }
        closedir(dir);
}
