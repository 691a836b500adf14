/* The sandbox's network: the launcher checks the host and creates the veth
 * pairs (one netlink request each, the sandbox end born inside the
 * sandbox's namespace under its final name), init brings up loopback and
 * gives the sandbox ends their addresses and default routes from inside.
 * Host ends are deleted explicitly when the sandbox ends or fails to
 * start; the kernel also deletes a veth with its namespace, which covers
 * a launcher killed by SIGKILL. */
#include "net.h"
#include "priv.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "log.h"
#include "net-addr.h"
#include "net-nl.h"
#include "util.h"

/* The loopback device is always index 1 in a network namespace. */
#define LOOPBACK_IFINDEX 1

struct net_link {
        char name[SB_NET_IFNAMSIZ];
        int ifindex;            /* 0 until known */
        bool named;             /* the profile chose the name */
};

struct net_host {
        const struct sb_net_config *net;
        struct net_nl *nl;
        int bridge[SB_NET_MAX_VETH];     /* ifindex, or 0 */
        struct net_link made[SB_NET_MAX_VETH];
        size_t n_made;
};

/* "network.veth.bridge", or "network.veth[1].bridge" when there are
 * several interfaces; in a static buffer of the caller. */
static const char *veth_key(const struct sb_net_config *n, size_t i,
                            const char *member, char *buf, size_t size)
{
        if (n->n_veths > 1)
                snprintf(buf, size, "network.veth[%zu].%s", i, member);
        else
                snprintf(buf, size, "network.veth.%s", member);
        return buf;
}

/* The point-to-point host end takes the gateway with the prefix of the
 * sandbox's address in that subnet, so the host routes the subnet to it. */
static bool host_address(const struct sb_net_veth *v,
                         const struct sb_net_addr *gw,
                         struct sb_net_addr *ret)
{
        for (size_t i = 0; i < v->n_addrs; i++) {
                if (net_addr_in_subnet(&v->addrs[i], gw)) {
                        *ret = *gw;
                        ret->prefix = v->addrs[i].prefix;
                        return true;
                }
        }
        return false;
}

/* A port's MTU above the bridge's is harmless to others but one below it
 * lowers the bridge's for every port; for a setuid user the policy
 * bounds it from below (policy.c) and here, against the host, from above.
 * Root may do as it likes. */
static int check_bridge_mtu(struct net_host *h, size_t i, const char *where,
                            struct sb_error *err)
{
        const struct sb_net_veth *v = &h->net->veths[i];
        unsigned mtu = 0;
        if (!v->mtu || priv_mode() != SB_PRIV_SETUID)
                return 0;
        int r = net_nl_link_mtu(h->nl, v->bridge, &mtu);
        if (r < 0)
                return sb_error_errno(err, r, "read the MTU of bridge '%s'",
                                      v->bridge);
        if (v->mtu > mtu) {
                char key[64];
                return sb_error_set(err, -EPERM, "%s: %s: %u is above the "
                                    "MTU of bridge '%s' (%u): a setuid "
                                    "launch may not change the bridge's",
                                    where, veth_key(h->net, i, "mtu", key,
                                                    sizeof(key)),
                                    v->mtu, v->bridge, mtu);
        }
        return 0;
}

/* What only the host can tell, checked before anything exists. */
static int check_host(struct net_host *h, struct sb_error *err)
{
        const struct sb_net_config *n = h->net;
        char key[64];
        for (size_t i = 0; i < n->n_veths; i++) {
                const struct sb_net_veth *v = &n->veths[i];
                const char *where = v->where ? v->where : "network";
                int ifindex = 0;
                bool is_bridge = false;
                if (v->bridge[0]) {
                        int r = net_nl_link_get(h->nl, v->bridge, &ifindex,
                                                &is_bridge);
                        if (r == -ENODEV)
                                return sb_error_set(
                                        err, r, "%s: %s: no bridge '%s' on "
                                        "the host", where,
                                        veth_key(n, i, "bridge", key,
                                                 sizeof(key)), v->bridge);
                        if (r < 0)
                                return sb_error_errno(err, r, "look up "
                                                      "bridge '%s'",
                                                      v->bridge);
                        if (!is_bridge)
                                return sb_error_set(
                                        err, -EINVAL, "%s: %s: '%s' is not "
                                        "a bridge", where,
                                        veth_key(n, i, "bridge", key,
                                                 sizeof(key)), v->bridge);
                        h->bridge[i] = ifindex;
                        r = check_bridge_mtu(h, i, where, err);
                        if (r < 0)
                                return r;
                }
                if (v->host_name[0]) {
                        int r = net_nl_link_get(h->nl, v->host_name, &ifindex,
                                                NULL);
                        if (r == 0)
                                return sb_error_set(
                                        err, -EEXIST, "%s: %s: '%s' already "
                                        "exists on the host", where,
                                        veth_key(n, i, "host_name", key,
                                                 sizeof(key)), v->host_name);
                        if (r != -ENODEV)
                                return sb_error_errno(err, r, "look up link "
                                                      "'%s'", v->host_name);
                }
                if (v->bridge[0])
                        continue;
                /* Two point-to-point links with one subnet would leave
                 * the host two routes to it and one sandbox unreachable. */
                const struct sb_net_addr *gws[2] = {
                        v->has_gw4 ? &v->gw4 : NULL,
                        v->has_gw6 ? &v->gw6 : NULL,
                };
                for (int g = 0; g < 2; g++) {
                        if (!gws[g])
                                continue;
                        int r = net_nl_addr_find_up(h->nl, gws[g], &ifindex);
                        if (r == -ENOENT)
                                continue;
                        char abuf[NET_ADDR_TEXT_MAX];
                        char ifname[IF_NAMESIZE] = "?";
                        net_addr_format(gws[g], false, abuf);
                        if (r < 0)
                                return sb_error_errno(err, r, "list the "
                                                      "host's addresses");
                        if_indextoname((unsigned)ifindex, ifname);
                        return sb_error_set(
                                err, -EADDRINUSE, "%s: %s: %s is already in "
                                "use on the host (on '%s'); without a bridge, "
                                "each sandbox needs a subnet of its own",
                                where,
                                veth_key(n, i, "gateway", key, sizeof(key)),
                                abuf, ifname);
                }
        }
        return 0;
}

int net_prepare(const struct sb_config *cfg, struct net_host **ret,
                struct sb_error *err)
{
        const struct sb_net_config *n = &cfg->net;
        *ret = NULL;
        if (n->mode != SB_NET_VETH)
                return 0;
        const char *where = n->mode_where ? n->mode_where : "network";
        if (!(cfg->namespaces & SB_NS_NET))
                return sb_error_set(err, -EINVAL, "%s: network.mode: "
                                    "\"veth\" needs the net namespace",
                                    where);
        /* Never a silent downgrade to a sandbox without the network the
         * profile asked for. A setuid-root launcher gets here only with a
         * request its system policy allowed (run.c, priv.h), and creates
         * the links with CAP_NET_ADMIN raised around it. */
        if (priv_mode() == SB_PRIV_USER)
                return sb_error_set(
                        err, -EPERM, "%s: network.mode: \"veth\" needs root: "
                        "its host end is created in the host's network "
                        "namespace; run as root, or through a setuid-root "
                        "install whose policy allows the bridge "
                        "(sandbox.conf(5)), or use \"loopback\" or "
                        "\"none\" to run unprivileged", where);

        struct net_host *h = xcalloc(1, sizeof(*h));
        h->net = n;
        int r = net_nl_open(&h->nl);
        if (r < 0) {
                free(h);
                return sb_error_errno(err, r, "open a route netlink socket");
        }
        r = check_host(h, err);
        if (r < 0) {
                net_host_cleanup(h);
                return r;
        }
        *ret = h;
        return 0;
}

int net_host_setup(struct net_host *h, pid_t child, struct sb_error *err)
{
        if (!h)
                return 0;
        const struct sb_net_config *n = h->net;
        for (size_t i = 0; i < n->n_veths; i++) {
                const struct sb_net_veth *v = &n->veths[i];
                struct net_link *made = &h->made[h->n_made];
                made->named = v->host_name[0] != '\0';
                int len = made->named
                                  ? snprintf(made->name, sizeof(made->name),
                                             "%s", v->host_name)
                          : i == 0 ? snprintf(made->name, sizeof(made->name),
                                              "sb%d", (int)child)
                                   : snprintf(made->name, sizeof(made->name),
                                              "sb%d-%zu", (int)child, i);
                /* A cut name could be another sandbox's link. */
                if (len < 0 || (size_t)len >= sizeof(made->name))
                        return sb_error_set(err, -ENAMETOOLONG,
                                            "host link name for interface "
                                            "%zu of pid %d is too long",
                                            i, (int)child);
                struct net_veth_spec spec = {
                        .name = made->name,
                        .peer_name = v->name,
                        .master = h->bridge[i],
                        .mtu = v->mtu,
                        .peer_mac = v->has_mac ? v->mac : NULL,
                        .peer_pid = child,
                };
                int r = net_nl_veth_add(h->nl, &spec);
                if (r < 0)
                        return sb_error_errno(err, r, "create veth pair "
                                              "'%s' (host) - '%s' (sandbox)",
                                              made->name, v->name);
                h->n_made++;
                log_debug("veth %s - %s%s%s", made->name, v->name,
                          v->bridge[0] ? " on bridge " : "", v->bridge);
                r = net_nl_link_get(h->nl, made->name, &made->ifindex, NULL);
                if (r < 0)
                        return sb_error_errno(err, r, "look up link '%s'",
                                              made->name);
                if (v->bridge[0])
                        continue;
                const struct sb_net_addr *gws[2] = {
                        v->has_gw4 ? &v->gw4 : NULL,
                        v->has_gw6 ? &v->gw6 : NULL,
                };
                for (int g = 0; g < 2; g++) {
                        struct sb_net_addr a;
                        if (!gws[g] || !host_address(v, gws[g], &a))
                                continue;
                        r = net_nl_addr_add(h->nl, made->ifindex, &a);
                        if (r < 0) {
                                char abuf[NET_ADDR_TEXT_MAX];
                                return sb_error_errno(
                                        err, r, "add address %s to '%s'",
                                        net_addr_format(&a, true, abuf),
                                        made->name);
                        }
                }
        }
        return 0;
}

static void delete_link(struct net_host *h, const struct net_link *l)
{
        int r = net_nl_link_delete(h->nl, l->ifindex, l->name);
        /* Gone already: the kernel removed it with the sandbox's
         * namespace. */
        if (r < 0 && r != -ENODEV && r != -ENOENT)
                log_warn("delete link '%s': %s, ignoring", l->name,
                         strerror(-r));
        else
                log_debug("link %s: %s", l->name,
                          r == 0 ? "deleted" : "already gone");
}

void net_host_cleanup(struct net_host *h)
{
        if (!h)
                return;
        for (size_t i = 0; i < h->n_made; i++)
                delete_link(h, &h->made[i]);
        net_nl_close(h->nl);
        free(h);
}

char **net_host_link_names(const struct net_host *h)
{
        char **v = NULL;
        for (size_t i = 0; h && i < h->n_made; i++)
                strv_push(&v, xstrdup(h->made[i].name));
        return v;
}

void net_host_release(struct net_host *h)
{
        if (!h)
                return;
        for (size_t i = 0; i < h->n_made; i++) {
                const struct net_link *l = &h->made[i];
                /* A name the profile chose must be free for the next run
                 * at once, so that one is deleted and waited for. */
                if (l->named) {
                        delete_link(h, l);
                        continue;
                }
                /* Deleting a link waits for an RCU barrier, tens of ms on
                 * a busy host; the kernel deletes this one with the
                 * sandbox's namespace anyway. Down, its addresses stop
                 * counting as in use (check_host), so a sandbox started
                 * right after may take the same subnet. */
                int r = net_nl_link_set_up(h->nl, l->ifindex, false);
                log_debug("link %s: %s", l->name,
                          r == 0 ? "down, left to the kernel"
                                 : "already gone");
        }
        net_nl_close(h->nl);
        free(h);
}

/* A knob of the sandbox's own network namespace: /proc/sys/net shows the
 * namespace of the process that opens it, here init's new one. Absent
 * (no IPv6 in this kernel) is fine. */
static int write_net_sysctl(const char *path, struct sb_error *err)
{
        int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0 && errno == ENOENT)
                return 0;
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s", path);
        ssize_t n = write(fd, "0\n", 2);
        int e = errno;
        close(fd);
        if (n != 2)
                return sb_error_errno(err, n < 0 ? e : EIO, "write 0 to %s",
                                      path);
        return 0;
}

/* Router advertisements on the bridge would give the sandbox IPv6
 * addresses and routes that network.veth never named (and a setuid
 * launch's policy never checked): off for every interface, before any
 * comes up. */
static int no_ipv6_autoconf(const char *ifname, struct sb_error *err)
{
        static const char *const knobs[] = { "accept_ra", "autoconf" };
        char path[96];
        int r = 0;
        for (size_t i = 0; r == 0 && i < ARRAY_SIZE(knobs); i++) {
                snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/%s",
                         ifname, knobs[i]);
                r = write_net_sysctl(path, err);
        }
        return r;
}

/* One interface inside: up, its addresses, then its default routes. */
static int setup_veth_inside(struct net_nl *nl, const struct sb_net_veth *v,
                             struct sb_error *err)
{
        int ifindex;
        char abuf[NET_ADDR_TEXT_MAX];
        int r = net_nl_link_get(nl, v->name, &ifindex, NULL);
        if (r < 0)
                return sb_error_errno(err, r, "find interface '%s' in the "
                                      "sandbox", v->name);
        r = net_nl_link_set_up(nl, ifindex, true);
        if (r < 0)
                return sb_error_errno(err, r, "bring up '%s'", v->name);
        for (size_t i = 0; i < v->n_addrs; i++) {
                r = net_nl_addr_add(nl, ifindex, &v->addrs[i]);
                if (r < 0)
                        return sb_error_errno(
                                err, r, "add address %s to '%s'",
                                net_addr_format(&v->addrs[i], true, abuf),
                                v->name);
        }
        const struct sb_net_addr *gws[2] = {
                v->has_gw4 ? &v->gw4 : NULL,
                v->has_gw6 ? &v->gw6 : NULL,
        };
        for (int g = 0; g < 2; g++) {
                if (!gws[g])
                        continue;
                r = net_nl_route_default(nl, ifindex, gws[g]);
                if (r < 0)
                        return sb_error_errno(
                                err, r, "add a default route via %s on '%s'",
                                net_addr_format(gws[g], false, abuf),
                                v->name);
        }
        return 0;
}

static int setup_links_inside(const struct sb_net_config *n,
                              struct sb_error *err)
{
        struct net_nl *nl;
        int r = net_nl_open(&nl);
        if (r < 0)
                return sb_error_errno(err, r, "open a route netlink socket "
                                      "in the sandbox");
        /* The kernel gives lo 127.0.0.1/8 and ::1 when it comes up. */
        r = net_nl_link_set_up(nl, LOOPBACK_IFINDEX, true);
        if (r < 0)
                sb_error_errno(err, r, "bring up the loopback interface");
        for (size_t i = 0; r == 0 && n->mode == SB_NET_VETH &&
                           i < n->n_veths; i++)
                r = setup_veth_inside(nl, &n->veths[i], err);
        net_nl_close(nl);
        return r;
}

int net_inside_sysctls(const struct sb_config *cfg, struct sb_error *err)
{
        const struct sb_net_config *n = &cfg->net;
        if (!(cfg->namespaces & SB_NS_NET) || n->mode != SB_NET_VETH)
                return 0;
        int r = no_ipv6_autoconf("all", err);
        if (r == 0)
                r = no_ipv6_autoconf("default", err);
        for (size_t i = 0; r == 0 && i < n->n_veths; i++)
                r = no_ipv6_autoconf(n->veths[i].name, err);
        return r;
}

int net_inside_setup(const struct sb_config *cfg, struct sb_error *err)
{
        const struct sb_net_config *n = &cfg->net;
        if ((cfg->namespaces & SB_NS_NET) &&
            (n->mode == SB_NET_LOOPBACK || n->mode == SB_NET_VETH))
                return setup_links_inside(n, err);
        return 0;
}
