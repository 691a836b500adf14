/* The part of struct sb_config that describes networking: the network key.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_NET_H
#define SB_CONFIG_NET_H

#include <stdbool.h>
#include <stddef.h>

#define SB_NET_IFNAMSIZ 16      /* IFNAMSIZ: 15 characters and the NUL */
#define SB_NET_MAX_VETH 8       /* interfaces per sandbox */
#define SB_NET_MAX_ADDRS 8      /* addresses per interface */
#define SB_NET_MAX_DNS 3        /* the resolver reads no more (MAXNS) */
#define SB_NET_MAX_HOSTS 256    /* network.hosts entries */

enum sb_net_mode {
        SB_NET_NONE,            /* a new netns with nothing up */
        SB_NET_LOOPBACK,        /* a new netns with lo up */
        SB_NET_VETH,            /* lo and veth pairs to the host */
        SB_NET_HOST,            /* the host's netns (no "net" namespace) */
        SB_NET_MODE_MAX,
        SB_NET_MODE_INVALID = -1,
};

/* An IPv4 or IPv6 address in network byte order, with a prefix length
 * (the full length when none was written). */
struct sb_net_addr {
        int family;             /* AF_INET or AF_INET6 */
        unsigned char bytes[16];
        unsigned prefix;
};

/* One veth pair: the host end stays in the host's namespace, the other
 * end is created inside the sandbox's. */
struct sb_net_veth {
        char name[SB_NET_IFNAMSIZ];      /* inside; "eth0", "eth1", ... */
        char host_name[SB_NET_IFNAMSIZ]; /* "": "sb<pid>", "sb<pid>-<i>" */
        char bridge[SB_NET_IFNAMSIZ];    /* "": point-to-point */
        struct sb_net_addr addrs[SB_NET_MAX_ADDRS];
        size_t n_addrs;
        bool has_gw4, has_gw6;
        struct sb_net_addr gw4, gw6;     /* default routes */
        unsigned mtu;                    /* 0: the kernel's default */
        bool has_mac;
        unsigned char mac[6];
        char *where;                     /* "file:line", for messages */
};

struct sb_net_config {
        enum sb_net_mode mode;
        char *mode_where;       /* "file:line" of network.mode; NULL: unset */
        struct sb_net_veth veths[SB_NET_MAX_VETH];
        size_t n_veths;
        char *veth_where;       /* network.veth; NULL: unset */
        /* network.dns; when set, the sandbox gets its own resolv.conf. */
        struct sb_net_addr dns[SB_NET_MAX_DNS];
        size_t n_dns;
        char *dns_where;        /* NULL: unset */
        /* network.hosts, as "ADDRESS\tNAME NAME..." lines. */
        char **hosts;
        char *hosts_where;      /* NULL: unset */
};

/* The documented defaults. */
void sb_net_config_init(struct sb_net_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_net_config_free(struct sb_net_config *c);
/* "none", "loopback", "veth", "host"; NULL for anything else. */
const char *sb_net_mode_name(enum sb_net_mode mode);

#endif
