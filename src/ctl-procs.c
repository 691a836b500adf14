/* The processes of a sandbox: the members of its cgroup, or else every
 * process in its pid namespace, or, for a sandbox without a pid namespace
 * of its own, its init and init's descendants. */
#include "ctl.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "proc.h"
#include "util.h"

#define CMDLINE_MAX 512

struct pids {
        pid_t *v;
        size_t n;
};

static void push(struct pids *p, pid_t pid)
{
        p->v = xrealloc(p->v, (p->n + 1) * sizeof(*p->v));
        p->v[p->n++] = pid;
}

/* Every pid of /proc, with its parent when want_ppid. */
static int all_pids(struct pids *ret, struct pids *ret_ppid)
{
        DIR *d = opendir("/proc");
        if (!d)
                return -errno;
        struct dirent *de;
        while ((de = readdir(d))) {
                uint64_t pid;
                if (parse_u64(de->d_name, &pid) < 0 || pid == 0 ||
                    pid > INT32_MAX)
                        continue;
                if (ret_ppid) {
                        _cleanup_free_ char *pp = NULL;
                        uint64_t ppid;
                        if (proc_status_value((pid_t)pid, "PPid", &pp) < 0 ||
                            parse_u64(pp, &ppid) < 0)
                                continue;
                        push(ret_ppid, (pid_t)ppid);
                }
                push(ret, (pid_t)pid);
        }
        closedir(d);
        return 0;
}

static bool in_pidns(pid_t pid, const struct sb_ns_ident *ns)
{
        uint64_t dev, ino;
        return proc_ns_ident(pid, "pid", &dev, &ino) == 0 && dev == ns->dev &&
               ino == ns->ino;
}

static int find_pids(const struct sb_state *st, struct pids *out,
                     struct sb_error *err)
{
        if (st->cgroup) {
                struct cgroup *cg = NULL;
                struct sb_error e = { 0 };
                if (sb_ctl_cgroup(st, &cg, &e) >= 0) {
                        int r = cgroup_procs(cg, &out->v, &out->n);
                        cgroup_free(cg);
                        if (r >= 0)
                                return 0;
                }
        }
        const struct sb_ns_ident *ns = &st->ns[SB_STATE_NS_PID];
        uint64_t dev, ino;
        int r = proc_ns_ident(getpid(), "pid", &dev, &ino);
        if (r < 0)
                return sb_error_errno(err, r, "stat /proc/self/ns/pid");
        bool own_ns = ns->ino && !(dev == ns->dev && ino == ns->ino);
        struct pids all = { 0 }, ppid = { 0 };
        r = all_pids(&all, own_ns ? NULL : &ppid);
        if (r < 0)
                return sb_error_errno(err, r, "read /proc");
        if (own_ns) {
                /* init, checked by its pidfd already, may be the one
                 * process whose namespaces a user cannot look at. */
                for (size_t i = 0; i < all.n; i++)
                        if (all.v[i] == st->init_pid ||
                            in_pidns(all.v[i], ns))
                                push(out, all.v[i]);
        } else {
                /* init and its descendants, breadth first. */
                push(out, st->init_pid);
                for (size_t k = 0; k < out->n; k++)
                        for (size_t i = 0; i < all.n; i++)
                                if (ppid.v[i] == out->v[k])
                                        push(out, all.v[i]);
        }
        free(all.v);
        free(ppid.v);
        return 0;
}

static pid_t last_field(const char *s)
{
        const char *p = strrchr(s, '\t');
        uint64_t v;
        if (parse_u64(p ? p + 1 : s, &v) < 0 || v > INT32_MAX)
                return 0;
        return (pid_t)v;
}

static int by_pid(const void *a, const void *b)
{
        const struct sb_ctl_proc *x = a, *y = b;
        return (x->inner_pid > y->inner_pid) - (x->inner_pid < y->inner_pid);
}

int sb_ctl_procs(const struct sb_state *st, struct sb_ctl_proc **ret,
                 size_t *ret_n, struct sb_error *err)
{
        _cleanup_close_ int pfd = -1;
        int r = sb_state_pidfd(st, &pfd, err);
        if (r < 0)
                return r;
        struct pids p = { 0 };
        r = find_pids(st, &p, err);
        if (r < 0)
                return r;
        struct sb_ctl_proc *v = xcalloc(p.n + 1, sizeof(*v));
        size_t n = 0;
        for (size_t i = 0; i < p.n; i++) {
                struct sb_ctl_proc *c = &v[n];
                _cleanup_free_ char *nspid = NULL, *uid = NULL, *state = NULL;
                uint64_t u;
                if (proc_status_value(p.v[i], "NSpid", &nspid) < 0 ||
                    proc_status_value(p.v[i], "Uid", &uid) < 0 ||
                    proc_status_value(p.v[i], "State", &state) < 0 ||
                    proc_cmdline(p.v[i], CMDLINE_MAX, &c->command) < 0)
                        continue; /* gone meanwhile */
                uid[strcspn(uid, "\t")] = '\0';
                c->pid = p.v[i];
                c->inner_pid = last_field(nspid);
                c->uid = parse_u64(uid, &u) == 0 ? (uid_t)u : (uid_t)-1;
                c->state = state[0];
                n++;
        }
        free(p.v);
        qsort(v, n, sizeof(*v), by_pid);
        *ret = v;
        *ret_n = n;
        return 0;
}

void sb_ctl_procs_free(struct sb_ctl_proc *v, size_t n)
{
        for (size_t i = 0; i < n; i++)
                free(v[i].command);
        free(v);
}
