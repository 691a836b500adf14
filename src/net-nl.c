/* libnl-route requests for the network code (see net-nl.h). No caches of
 * the whole system are kept: each lookup is one request for one object,
 * so a host with thousands of links costs a launch nothing extra. */
#include "net-nl.h"

#include <errno.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/handlers.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util.h"

struct net_nl {
        struct nl_sock *sk;
        int kernel_err;         /* the kernel's last error, negative */
};

/* libnl folds many errnos into one code; keep the kernel's own. */
static int on_error(struct sockaddr_nl *who, struct nlmsgerr *e, void *arg)
{
        struct net_nl *nl = arg;
        nl->kernel_err = e->error;
        return NL_STOP;
}

/* A libnl result as a negative errno: the kernel's if it sent one. */
static int result(struct net_nl *nl, int r)
{
        if (r >= 0)
                return 0;
        if (nl->kernel_err < 0)
                return nl->kernel_err;
        static const struct {
                int nle, err;
        } map[] = {
                { NLE_NOMEM, ENOMEM },     { NLE_EXIST, EEXIST },
                { NLE_INVAL, EINVAL },     { NLE_RANGE, ERANGE },
                { NLE_MSGSIZE, EMSGSIZE }, { NLE_OPNOTSUPP, EOPNOTSUPP },
                { NLE_AF_NOSUPPORT, EAFNOSUPPORT },
                { NLE_OBJ_NOTFOUND, ENODEV }, { NLE_NODEV, ENODEV },
                { NLE_PERM, EPERM },       { NLE_NOACCESS, EACCES },
                { NLE_BUSY, EBUSY },       { NLE_NOADDR, EADDRNOTAVAIL },
                { NLE_AGAIN, EAGAIN },     { NLE_INTR, EINTR },
                { NLE_BAD_SOCK, EBADF },
        };
        for (size_t i = 0; i < ARRAY_SIZE(map); i++)
                if (-r == map[i].nle)
                        return -map[i].err;
        return -EIO;
}

/* Before each request: forget the previous request's error. */
static struct nl_sock *sock(struct net_nl *nl)
{
        nl->kernel_err = 0;
        return nl->sk;
}

int net_nl_open(struct net_nl **ret)
{
        struct net_nl *nl = xcalloc(1, sizeof(*nl));
        nl->sk = nl_socket_alloc();
        if (!nl->sk) {
                free(nl);
                return -ENOMEM;
        }
        /* libnl opens the socket with SOCK_CLOEXEC. */
        errno = 0;
        int r = nl_connect(nl->sk, NETLINK_ROUTE);
        if (r < 0) {
                int e = errno ? -errno : result(nl, r);
                nl_socket_free(nl->sk);
                free(nl);
                return e;
        }
        nl_socket_modify_err_cb(nl->sk, NL_CB_CUSTOM, on_error, nl);
        *ret = nl;
        return 0;
}

void net_nl_close(struct net_nl *nl)
{
        if (!nl)
                return;
        nl_socket_free(nl->sk);
        free(nl);
}

int net_nl_link_get(struct net_nl *nl, const char *name, int *ret_ifindex,
                    bool *ret_is_bridge)
{
        struct rtnl_link *link = NULL;
        int r = result(nl, rtnl_link_get_kernel(sock(nl), 0, name, &link));
        if (r < 0)
                return r;
        const char *type = rtnl_link_get_type(link);
        *ret_ifindex = rtnl_link_get_ifindex(link);
        if (ret_is_bridge)
                *ret_is_bridge = type && strcmp(type, "bridge") == 0;
        rtnl_link_put(link);
        return 0;
}

int net_nl_link_mtu(struct net_nl *nl, const char *name, unsigned *ret_mtu)
{
        struct rtnl_link *link = NULL;
        int r = result(nl, rtnl_link_get_kernel(sock(nl), 0, name, &link));
        if (r < 0)
                return r;
        *ret_mtu = rtnl_link_get_mtu(link);
        rtnl_link_put(link);
        return 0;
}

int net_nl_link_set_up(struct net_nl *nl, int ifindex, bool up)
{
        struct rtnl_link *orig = rtnl_link_alloc();
        struct rtnl_link *change = rtnl_link_alloc();
        int r = -ENOMEM;
        if (orig && change) {
                rtnl_link_set_ifindex(orig, ifindex);
                if (up)
                        rtnl_link_set_flags(change, IFF_UP);
                else
                        rtnl_link_unset_flags(change, IFF_UP);
                r = result(nl, rtnl_link_change(sock(nl), orig, change, 0));
        }
        rtnl_link_put(orig);
        rtnl_link_put(change);
        return r;
}

int net_nl_link_delete(struct net_nl *nl, int ifindex, const char *name)
{
        struct rtnl_link *link = rtnl_link_alloc();
        if (!link)
                return -ENOMEM;
        /* By index when we know it: a name may have been reused. */
        if (ifindex > 0)
                rtnl_link_set_ifindex(link, ifindex);
        else
                rtnl_link_set_name(link, name);
        int r = result(nl, rtnl_link_delete(sock(nl), link));
        rtnl_link_put(link);
        return r;
}

int net_nl_veth_add(struct net_nl *nl, const struct net_veth_spec *spec)
{
        struct rtnl_link *link = rtnl_link_veth_alloc();
        if (!link)
                return -ENOMEM;
        struct rtnl_link *peer = rtnl_link_veth_get_peer(link);
        rtnl_link_set_name(link, spec->name);
        rtnl_link_set_name(peer, spec->peer_name);
        if (spec->mtu) {
                rtnl_link_set_mtu(link, spec->mtu);
                rtnl_link_set_mtu(peer, spec->mtu);
        }
        if (spec->master)
                rtnl_link_set_master(link, spec->master);
        /* The host end comes up at once; the sandbox end is brought up
         * from inside, after its addresses. */
        rtnl_link_set_flags(link, IFF_UP);
        int r = 0;
        if (spec->peer_mac) {
                struct nl_addr *mac = nl_addr_build(AF_LLC, spec->peer_mac, 6);
                if (!mac)
                        r = -ENOMEM;
                else
                        rtnl_link_set_addr(peer, mac);
                nl_addr_put(mac);
        }
        rtnl_link_set_ns_pid(peer, spec->peer_pid);
        if (r == 0)
                r = result(nl, rtnl_link_add(sock(nl), link,
                                             NLM_F_CREATE | NLM_F_EXCL));
        rtnl_link_put(peer);
        rtnl_link_put(link);
        return r;
}

static size_t addr_len(int family)
{
        return family == AF_INET ? 4 : 16;
}

int net_nl_addr_add(struct net_nl *nl, int ifindex, const struct sb_net_addr *a)
{
        struct rtnl_addr *addr = rtnl_addr_alloc();
        struct nl_addr *local = nl_addr_build(a->family, a->bytes,
                                              addr_len(a->family));
        int r = -ENOMEM;
        if (addr && local) {
                nl_addr_set_prefixlen(local, (int)a->prefix);
                rtnl_addr_set_ifindex(addr, ifindex);
                r = result(nl, rtnl_addr_set_local(addr, local));
                /* Duplicate address detection would keep an IPv6 address
                 * "tentative" for a second or more after the program
                 * starts; the link is new and the addresses are ours. */
                if (a->family == AF_INET6)
                        rtnl_addr_set_flags(addr, IFA_F_NODAD);
                if (r == 0)
                        r = result(nl, rtnl_addr_add(sock(nl), addr, 0));
        }
        nl_addr_put(local);
        rtnl_addr_put(addr);
        return r;
}

static bool link_is_up(struct net_nl *nl, int ifindex)
{
        struct rtnl_link *link = NULL;
        if (rtnl_link_get_kernel(sock(nl), ifindex, NULL, &link) < 0)
                return false;
        bool up = rtnl_link_get_flags(link) & IFF_UP;
        rtnl_link_put(link);
        return up;
}

int net_nl_addr_find_up(struct net_nl *nl, const struct sb_net_addr *a,
                        int *ret_ifindex)
{
        struct nl_cache *cache = NULL;
        int r = result(nl, rtnl_addr_alloc_cache(sock(nl), &cache));
        if (r < 0)
                return r;
        r = -ENOENT;
        for (struct nl_object *o = nl_cache_get_first(cache); o;
             o = nl_cache_get_next(o)) {
                struct rtnl_addr *addr = (struct rtnl_addr *)o;
                struct nl_addr *local = rtnl_addr_get_local(addr);
                int ifindex = rtnl_addr_get_ifindex(addr);
                if (local && nl_addr_get_family(local) == a->family &&
                    nl_addr_get_len(local) == addr_len(a->family) &&
                    memcmp(nl_addr_get_binary_addr(local), a->bytes,
                           addr_len(a->family)) == 0 &&
                    link_is_up(nl, ifindex)) {
                        *ret_ifindex = ifindex;
                        r = 0;
                        break;
                }
        }
        nl_cache_free(cache);
        return r;
}

int net_nl_route_default(struct net_nl *nl, int ifindex,
                         const struct sb_net_addr *gw)
{
        struct rtnl_route *route = rtnl_route_alloc();
        struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
        /* A zero-length destination with prefix 0: "default". */
        struct nl_addr *dst = nl_addr_build(gw->family, NULL, 0);
        struct nl_addr *via = nl_addr_build(gw->family, gw->bytes,
                                            addr_len(gw->family));
        int r = -ENOMEM;
        if (route && nh && dst && via) {
                nl_addr_set_prefixlen(dst, 0);
                rtnl_route_set_family(route, (uint8_t)gw->family);
                rtnl_route_set_table(route, RT_TABLE_MAIN);
                rtnl_route_set_protocol(route, RTPROT_STATIC);
                rtnl_route_set_scope(route, RT_SCOPE_UNIVERSE);
                rtnl_route_set_type(route, RTN_UNICAST);
                r = result(nl, rtnl_route_set_dst(route, dst));
                rtnl_route_nh_set_ifindex(nh, ifindex);
                rtnl_route_nh_set_gateway(nh, via);
                rtnl_route_add_nexthop(route, nh);
                nh = NULL;      /* the route owns it now */
                if (r == 0)
                        r = result(nl, rtnl_route_add(sock(nl), route,
                                                      NLM_F_EXCL));
        }
        if (nh)
                rtnl_route_nh_free(nh);
        nl_addr_put(dst);
        nl_addr_put(via);
        rtnl_route_put(route);
        return r;
}

int net_nl_link_stats(struct net_nl *nl, struct net_nl_link_stats *ret,
                      size_t max, size_t *ret_n)
{
        struct nl_cache *cache = NULL;
        int r = result(nl, rtnl_link_alloc_cache(sock(nl), AF_UNSPEC, &cache));
        if (r < 0)
                return r;
        size_t n = 0;
        for (struct nl_object *o = nl_cache_get_first(cache); o && n < max;
             o = nl_cache_get_next(o)) {
                struct rtnl_link *link = (struct rtnl_link *)o;
                struct net_nl_link_stats *s = &ret[n++];
                const char *name = rtnl_link_get_name(link);
                snprintf(s->name, sizeof(s->name), "%s", name ? name : "?");
                s->loopback = rtnl_link_get_flags(link) & IFF_LOOPBACK;
                s->rx_bytes = rtnl_link_get_stat(link, RTNL_LINK_RX_BYTES);
                s->rx_packets = rtnl_link_get_stat(link, RTNL_LINK_RX_PACKETS);
                s->tx_bytes = rtnl_link_get_stat(link, RTNL_LINK_TX_BYTES);
                s->tx_packets = rtnl_link_get_stat(link, RTNL_LINK_TX_PACKETS);
        }
        nl_cache_free(cache);
        *ret_n = n;
        return 0;
}
