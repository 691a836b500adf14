/* Networking through libnl-3 only: the host side (made by the launcher
 * between clone and "go") and the inside (made by init in the sandbox's
 * network namespace), the sandbox's own resolv.conf and hosts, and the
 * traffic counters of a sandbox. */
#ifndef SB_NET_H
#define SB_NET_H

#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

/* What the launcher creates on the host for one sandbox. */
struct net_host;

/* Check what the config asks for against what this process may do and
 * what the host has (a bridge that exists, a point-to-point gateway
 * address not in use); nothing is created. *ret may be NULL (nothing to
 * do on the host). */
int net_prepare(const struct sb_config *cfg, struct net_host **ret,
                struct sb_error *err);
/* Launcher, after clone, before "go": create the veth pairs, their
 * sandbox ends directly in the network namespace of `child`. On failure,
 * net_host_cleanup removes what was made. */
int net_host_setup(struct net_host *h, pid_t child, struct sb_error *err);
/* init, inside the new network namespace, after the filesystem view is
 * built: loopback, addresses, routes, then the resolv.conf and hosts
 * files (net-files.c). */
/* In init, in the new network namespace, before the mounts (which make
 * /proc/sys read-only): with a veth link, IPv6 router advertisements and
 * address autoconfiguration off (accept_ra, autoconf = 0 for all, default
 * and each veth), so the sandbox has only the addresses it was given. */
int net_inside_sysctls(const struct sb_config *cfg, struct sb_error *err);
int net_inside_setup(const struct sb_config *cfg, struct sb_error *err);
/* After a failed start: delete the host ends net_host_setup made (a veth
 * dies with its namespace too, but not at once) and free h; NULL is
 * fine. */
void net_host_cleanup(struct net_host *h);
/* After the sandbox ended: leave the host ends to the kernel, which
 * deletes them with the namespace, but take them down at once (their
 * addresses are free for the next sandbox); delete only the ones whose
 * name the profile chose, so that the name is free. Frees h. */
void net_host_release(struct net_host *h);

/* The names of the host ends net_host_setup made, newly allocated and
 * NULL-terminated, or NULL when there are none (h may be NULL). */
char **net_host_link_names(const struct net_host *h);

/* /etc/resolv.conf and /etc/hosts of the sandbox (net-files.c): up to
 * NET_FILES_MAX `file` entries for the end of the filesystem plan, in
 * ret; returns how many. Free each with sb_mount_free. */
#define NET_FILES_MAX 2
size_t net_files_plan(const struct sb_config *cfg,
                      struct sb_mount ret[NET_FILES_MAX]);
/* Their text, newly allocated; pure, for the unit tests too. */
char *net_resolv_conf_text(const struct sb_net_config *n);
char *net_hosts_text(const struct sb_net_config *n, const char *hostname);

#define SB_NET_STATS_MAX_IFS 32

struct sb_net_if_stats {
        char name[SB_NET_IFNAMSIZ];
        int loopback;
        uint64_t rx_bytes, rx_packets, tx_bytes, tx_packets;
};

/* Traffic of a sandbox: the totals leave out the loopback interface,
 * which carries only the sandbox's traffic with itself. */
struct sb_net_stats {
        uint64_t rx_bytes, rx_packets, tx_bytes, tx_packets;
        size_t n_ifs;
        struct sb_net_if_stats ifs[SB_NET_STATS_MAX_IFS];
};

/* The counters of every interface in the network namespace of pid, read
 * through netlink from inside it by a short-lived child (net-stats.c).
 * The caller must be allowed to open /proc/PID/ns/net: root, or the
 * owner of a dumpable process in the sandbox (init is not dumpable). */
int net_stats(pid_t pid, struct sb_net_stats *ret, struct sb_error *err);
/* The same for a network namespace given as an open fd. */
int net_stats_fd(int netns_fd, struct sb_net_stats *ret,
                 struct sb_error *err);

#endif
