/* Traffic counters of a sandbox's interfaces. A netlink socket talks to
 * the network namespace it was created in, so a short-lived child joins
 * the sandbox's namespace, asks there, and writes the answer back through
 * a pipe; the caller's own namespaces never change. An unprivileged
 * caller first joins the user namespace that owns the network namespace
 * (its own sandbox's), which a forked, single-threaded child may do. */
#include "net.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "net-nl.h"
#include "util.h"

/* What the child sends back. */
struct stats_reply {
        int code;               /* 0 or a negative errno */
        char what[128];         /* the step that failed */
        struct sb_net_stats stats;
};

static int join_netns(int netns_fd, struct stats_reply *rep)
{
        if (setns(netns_fd, CLONE_NEWNET) == 0)
                return 0;
        if (errno != EPERM) {
                snprintf(rep->what, sizeof(rep->what), "join the network "
                         "namespace");
                return -errno;
        }
        /* Not root: become privileged over the namespace by joining the
         * user namespace that owns it, which the caller owns. */
        _cleanup_close_ int userns = ioctl(netns_fd, NS_GET_USERNS);
        if (userns < 0 || setns(userns, CLONE_NEWUSER) < 0 ||
            setns(netns_fd, CLONE_NEWNET) < 0) {
                snprintf(rep->what, sizeof(rep->what), "join the network "
                         "namespace (through its user namespace)");
                return -errno;
        }
        return 0;
}

static void collect(int netns_fd, struct stats_reply *rep)
{
        struct sb_net_stats *s = &rep->stats;
        struct net_nl_link_stats links[SB_NET_STATS_MAX_IFS];
        size_t n = 0;
        struct net_nl *nl = NULL;
        /* Once in the sandbox's user namespace, its processes would be
         * privileged over a dumpable us: ptrace, /proc/PID/fd of a
         * process holding the caller's descriptors. */
        if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0) {
                rep->code = -errno;
                snprintf(rep->what, sizeof(rep->what), "make the helper "
                         "non-dumpable");
                return;
        }
        rep->code = join_netns(netns_fd, rep);
        if (rep->code < 0)
                return;
        rep->code = net_nl_open(&nl);
        if (rep->code == 0)
                rep->code = net_nl_link_stats(nl, links, ARRAY_SIZE(links),
                                              &n);
        net_nl_close(nl);
        if (rep->code < 0) {
                snprintf(rep->what, sizeof(rep->what), "list the links");
                return;
        }
        for (size_t i = 0; i < n; i++) {
                struct sb_net_if_stats *o = &s->ifs[s->n_ifs++];
                memcpy(o->name, links[i].name, sizeof(o->name));
                o->loopback = links[i].loopback;
                o->rx_bytes = links[i].rx_bytes;
                o->rx_packets = links[i].rx_packets;
                o->tx_bytes = links[i].tx_bytes;
                o->tx_packets = links[i].tx_packets;
                if (o->loopback)
                        continue;
                s->rx_bytes += o->rx_bytes;
                s->rx_packets += o->rx_packets;
                s->tx_bytes += o->tx_bytes;
                s->tx_packets += o->tx_packets;
        }
}

int net_stats_fd(int netns_fd, struct sb_net_stats *ret, struct sb_error *err)
{
        int p[2];
        if (pipe2(p, O_CLOEXEC) < 0)
                return sb_error_errno(err, errno, "create a pipe");
        pid_t pid = fork();
        if (pid < 0) {
                int e = errno;
                close(p[0]);
                close(p[1]);
                return sb_error_errno(err, e, "fork to read network "
                                      "statistics");
        }
        if (pid == 0) {
                close(p[0]);
                struct stats_reply rep;
                memset(&rep, 0, sizeof(rep));
                collect(netns_fd, &rep);
                ssize_t w = write(p[1], &rep, sizeof(rep));
                _exit(w == (ssize_t)sizeof(rep) ? 0 : 1);
        }
        close(p[1]);
        struct stats_reply rep;
        memset(&rep, 0, sizeof(rep));
        size_t got = 0;
        while (got < sizeof(rep)) {
                ssize_t r = read(p[0], (char *)&rep + got, sizeof(rep) - got);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r <= 0)
                        break;
                got += (size_t)r;
        }
        close(p[0]);
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
        if (got != sizeof(rep))
                return sb_error_set(err, -EIO, "read network statistics: "
                                    "the helper process failed");
        if (rep.code < 0)
                return sb_error_errno(err, rep.code, "network statistics: "
                                      "%s", rep.what);
        *ret = rep.stats;
        return 0;
}

int net_stats(pid_t pid, struct sb_net_stats *ret, struct sb_error *err)
{
        char path[64];
        snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s", path);
        return net_stats_fd(fd, ret, err);
}
