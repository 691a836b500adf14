/* The libnl-route calls the network code makes, behind plain types: a
 * route netlink socket bound to the network namespace of the thread that
 * opened it, and one small function per request. Each returns 0 or a
 * negative errno -- the kernel's own errno where it sent one, not libnl's
 * coarser code -- and leaves the message to the caller, which knows
 * which object it was about. Internal to net*.c. */
#ifndef SB_NET_NL_H
#define SB_NET_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "config-net.h"

struct net_nl;

/* A socket in the caller's current network namespace. */
int net_nl_open(struct net_nl **ret);
void net_nl_close(struct net_nl *nl);

/* The link called name: its index and whether it is a bridge. -ENODEV if
 * there is none. */
int net_nl_link_get(struct net_nl *nl, const char *name, int *ret_ifindex,
                    bool *ret_is_bridge);
/* The MTU of the link called name. */
int net_nl_link_mtu(struct net_nl *nl, const char *name, unsigned *ret_mtu);
/* Set or clear IFF_UP on a link. */
int net_nl_link_set_up(struct net_nl *nl, int ifindex, bool up);
int net_nl_link_delete(struct net_nl *nl, int ifindex, const char *name);

/* What the host end and the sandbox end of one veth pair get at creation.
 * The sandbox end is created directly in the network namespace of
 * peer_pid, under its final name: no move or rename step. */
struct net_veth_spec {
        const char *name, *peer_name;
        int master;                     /* bridge ifindex, or 0 */
        unsigned mtu;                   /* 0: the kernel's default */
        const unsigned char *peer_mac;  /* 6 bytes, or NULL */
        pid_t peer_pid;
};
int net_nl_veth_add(struct net_nl *nl, const struct net_veth_spec *spec);

/* An address on a link; IPv6 ones skip duplicate address detection, so
 * they work as soon as the call returns. */
int net_nl_addr_add(struct net_nl *nl, int ifindex,
                    const struct sb_net_addr *a);
/* Is this address on a link of the namespace that is up? 0 and the
 * link's index if so, -ENOENT if not. */
int net_nl_addr_find_up(struct net_nl *nl, const struct sb_net_addr *a,
                        int *ret_ifindex);
/* A default route of gw's family via gw on the link. */
int net_nl_route_default(struct net_nl *nl, int ifindex,
                         const struct sb_net_addr *gw);

/* Counters of one link, for net_stats. */
struct net_nl_link_stats {
        char name[SB_NET_IFNAMSIZ];
        bool loopback;
        uint64_t rx_bytes, rx_packets, tx_bytes, tx_packets;
};
/* Every link of the namespace, up to max; *ret_n is how many. */
int net_nl_link_stats(struct net_nl *nl, struct net_nl_link_stats *ret,
                      size_t max, size_t *ret_n);

#endif
