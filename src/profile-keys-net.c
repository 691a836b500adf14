/* The network group of keys: the mode, the veth interfaces, the sandbox's
 * own resolv.conf and hosts entries. Every static problem (a bad CIDR, a
 * gateway outside the subnet, a name too long) is a FILE:LINE diagnostic
 * here, before anything is created; what only the host can tell (does the
 * bridge exist?) is checked by net_prepare at launch.
 *
 * Decisions, for sandbox.profile(5):
 * - network.veth is one group or a list of groups (one per interface). It
 *   replaces an earlier value as a whole. Its default inside name is
 *   "eth<i>" for the i-th interface.
 * - network.mode = "host" removes "net" from the namespaces, also from a
 *   list an included file wrote (default.profile lists "net"); only one
 *   file that both lists "net" and sets "host" is an error. A namespaces
 *   list without "net" and no mode means "host"; an explicit other mode
 *   without "net" is an error.
 * - network.veth without network.mode set anywhere is an error (a veth
 *   that silently does nothing is a trap); with another mode set (a later
 *   file overriding an included one) it is ignored.
 * - network.dns and network.hosts need the mount namespace.
 * - mode = "veth" without network.veth is one interface, eth0, with no
 *   address (for a program that configures it, or a bridge's DHCP). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cleanup.h"
#include "net-addr.h"
#include "profile-keys-internal.h"
#include "util.h"

static char *where_of(struct keys_ctx *c, const struct sb_keys_value *v)
{
        return xasprintf("%s:%u", c->f->path, v->line);
}

/* ---- network.mode ---- */

static void parse_mode(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        struct keys_suggestion best = { NULL, 3 };
        for (int m = 0; m < SB_NET_MODE_MAX; m++) {
                if (strcmp(s, sb_net_mode_name(m)) == 0) {
                        struct sb_net_config *n = &c->st->cfg->net;
                        n->mode = m;
                        keys_replace_string(&n->mode_where, where_of(c, v));
                        return;
                }
                keys_consider(&best, s, sb_net_mode_name(m));
        }
        _cleanup_free_ char *what = xasprintf(
                "unknown mode '%s' (none, loopback, veth or host)", s);
        keys_unknown(c, v, key, what, &best);
}

/* ---- network.veth ---- */

/* What a veth entry's members left to check once all are read. */
struct veth_parse {
        struct sb_net_veth *veth;
        const struct sb_keys_value *gw_value, *mtu_value;
        char gw_key[128], mtu_key[128];         /* for later diagnostics */
};

typedef bool (*veth_member_fn)(struct keys_ctx *c,
                               const struct sb_keys_value *v, const char *key,
                               struct veth_parse *p);

/* An interface name into a fixed buffer. */
static bool ifname_value(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, char out[SB_NET_IFNAMSIZ])
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return false;
        const char *why = net_ifname_problem(s);
        if (why) {
                diag(c, v, key, "'%s': %s", s, why);
                return false;
        }
        snprintf(out, SB_NET_IFNAMSIZ, "%s", s);
        return true;
}

static bool veth_name(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key, struct veth_parse *p)
{
        if (!ifname_value(c, v, key, p->veth->name))
                return false;
        if (strcmp(p->veth->name, "lo") == 0) {
                diag(c, v, key, "'lo' is the loopback interface");
                return false;
        }
        return true;
}

static bool veth_host_name(struct keys_ctx *c, const struct sb_keys_value *v,
                           const char *key, struct veth_parse *p)
{
        return ifname_value(c, v, key, p->veth->host_name);
}

static bool veth_bridge(struct keys_ctx *c, const struct sb_keys_value *v,
                        const char *key, struct veth_parse *p)
{
        return ifname_value(c, v, key, p->veth->bridge);
}

/* A string or a list of strings, each through fn. */
static bool each_address(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, keys_string_item_fn fn, void *data)
{
        if (v->type != SB_KEYS_STRING)
                return keys_each_string(c, v, key, fn, data);
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        return s && fn(c, v, key, s, data);
}

static bool address_item(struct keys_ctx *c, const struct sb_keys_value *e,
                         const char *ekey, const char *s, void *data)
{
        struct sb_net_veth *veth = data;
        struct sb_net_addr a;
        const char *why = net_addr_parse(s, true, &a);
        if (!why)
                why = net_addr_host_problem(&a);
        if (why) {
                diag(c, e, ekey, "'%s': %s", s, why);
                return false;
        }
        for (size_t i = 0; i < veth->n_addrs; i++) {
                if (net_addr_equal(&veth->addrs[i], &a)) {
                        diag(c, e, ekey, "'%s' listed twice", s);
                        return false;
                }
        }
        if (veth->n_addrs >= SB_NET_MAX_ADDRS) {
                diag(c, e, ekey, "more than %d addresses on one interface",
                     SB_NET_MAX_ADDRS);
                return false;
        }
        veth->addrs[veth->n_addrs++] = a;
        return true;
}

static bool veth_address(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, struct veth_parse *p)
{
        p->veth->n_addrs = 0;
        return each_address(c, v, key, address_item, p->veth);
}

static bool gateway_item(struct keys_ctx *c, const struct sb_keys_value *e,
                         const char *ekey, const char *s, void *data)
{
        struct sb_net_veth *veth = data;
        struct sb_net_addr a;
        const char *why = net_addr_parse(s, false, &a);
        if (!why)
                why = net_addr_host_problem(&a);
        if (why) {
                diag(c, e, ekey, "'%s': %s", s, why);
                return false;
        }
        bool *has = a.family == AF_INET ? &veth->has_gw4 : &veth->has_gw6;
        if (*has) {
                diag(c, e, ekey, "a second %s gateway",
                     a.family == AF_INET ? "IPv4" : "IPv6");
                return false;
        }
        *has = true;
        *(a.family == AF_INET ? &veth->gw4 : &veth->gw6) = a;
        return true;
}

static bool veth_gateway(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, struct veth_parse *p)
{
        p->veth->has_gw4 = p->veth->has_gw6 = false;
        p->gw_value = v;
        snprintf(p->gw_key, sizeof(p->gw_key), "%s", key);
        return each_address(c, v, key, gateway_item, p->veth);
}

static bool veth_mtu(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, struct veth_parse *p)
{
        /* 68 is the IPv4 minimum (RFC 791); 65535 the largest IP packet. */
        if (v->i < 68 || v->i > 65535) {
                diag(c, v, key, "must be 68 to 65535");
                return false;
        }
        p->veth->mtu = (unsigned)v->i;
        p->mtu_value = v;
        snprintf(p->mtu_key, sizeof(p->mtu_key), "%s", key);
        return true;
}

static bool veth_mac(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, struct veth_parse *p)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return false;
        const char *why = net_mac_parse(s, p->veth->mac);
        if (why) {
                diag(c, v, key, "'%s': %s", s, why);
                return false;
        }
        p->veth->has_mac = true;
        return true;
}

static const struct {
        const char *name;
        unsigned types;
        veth_member_fn parse;
} veth_members[] = {
        { "name", T(STRING), veth_name },
        { "host_name", T(STRING), veth_host_name },
        { "bridge", T(STRING), veth_bridge },
        { "address", T(STRING) | T_LIST, veth_address },
        { "gateway", T(STRING) | T_LIST, veth_gateway },
        { "mtu", T(INT), veth_mtu },
        { "mac", T(STRING), veth_mac },
};

/* A gateway must be reachable on the link: inside the subnet of one of
 * the interface's addresses of its family, and not one of them. */
static bool check_gateway(struct keys_ctx *c, const struct veth_parse *p,
                          const struct sb_net_addr *gw)
{
        const struct sb_net_veth *veth = p->veth;
        char gbuf[NET_ADDR_TEXT_MAX];
        /* Only called once a gateway was parsed, which records its value. */
        if (!p->gw_value)
                return false;
        net_addr_format(gw, false, gbuf);
        bool inside = false;
        for (size_t i = 0; i < veth->n_addrs; i++) {
                if (net_addr_equal(&veth->addrs[i], gw)) {
                        diag(c, p->gw_value, p->gw_key,
                             "%s is the interface's own address", gbuf);
                        return false;
                }
                inside = inside || net_addr_in_subnet(&veth->addrs[i], gw);
        }
        if (inside)
                return true;
        const char *fam = gw->family == AF_INET ? "IPv4" : "IPv6";
        _cleanup_free_ char *list = xstrdup("");
        for (size_t i = 0; i < veth->n_addrs; i++) {
                if (veth->addrs[i].family != gw->family)
                        continue;
                char abuf[NET_ADDR_TEXT_MAX];
                char *next = xasprintf("%s%s%s", list, *list ? ", " : "",
                                       net_addr_format(&veth->addrs[i], true,
                                                       abuf));
                free(list);
                list = next;
        }
        if (*list)
                diag(c, p->gw_value, p->gw_key,
                     "%s is outside the subnet of the interface's %s "
                     "address (%s)", gbuf, fam, list);
        else
                diag(c, p->gw_value, p->gw_key,
                     "%s gateway %s, but the interface has no %s address",
                     fam, gbuf, fam);
        return false;
}

/* One interface: its members, then the checks that involve several. */
static bool veth_entry(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, size_t index, struct sb_net_veth *veth)
{
        struct veth_parse p = { .veth = veth };
        snprintf(veth->name, sizeof(veth->name), "eth%zu", index);
        bool ok = true;
        for (size_t i = 0; i < v->n_items; i++) {
                const struct sb_keys_value *m = &v->items[i];
                _cleanup_free_ char *mkey = keys_child_key(key, m->name);
                struct keys_suggestion best = { NULL, 3 };
                size_t k = 0;
                for (; k < ARRAY_SIZE(veth_members); k++) {
                        if (strcmp(m->name, veth_members[k].name) == 0)
                                break;
                        keys_consider(&best, m->name, veth_members[k].name);
                }
                if (k == ARRAY_SIZE(veth_members)) {
                        keys_unknown(c, m, mkey, "unknown key", &best);
                        ok = false;
                } else if (!keys_check_type(c, m, mkey,
                                            veth_members[k].types) ||
                           !veth_members[k].parse(c, m, mkey, &p)) {
                        ok = false;
                }
        }
        if (!ok)
                return false;
        if (veth->has_gw4 && !check_gateway(c, &p, &veth->gw4))
                ok = false;
        if (veth->has_gw6 && !check_gateway(c, &p, &veth->gw6))
                ok = false;
        for (size_t i = 0; i < veth->n_addrs && p.mtu_value; i++) {
                if (veth->addrs[i].family == AF_INET6 && veth->mtu < 1280) {
                        diag(c, p.mtu_value, p.mtu_key,
                             "IPv6 needs an MTU of at least 1280");
                        ok = false;
                        break;
                }
        }
        veth->where = ok ? where_of(c, v) : NULL;
        return ok;
}

static bool check_unique(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, const struct sb_net_veth *veths,
                         size_t n)
{
        for (size_t i = 0; i < n; i++) {
                for (size_t j = 0; j < i; j++) {
                        const char *what = NULL;
                        if (strcmp(veths[i].name, veths[j].name) == 0)
                                what = veths[i].name;
                        else if (veths[i].host_name[0] &&
                                 strcmp(veths[i].host_name,
                                        veths[j].host_name) == 0)
                                what = veths[i].host_name;
                        if (what) {
                                diag(c, &v->items[i], key,
                                     "interfaces %zu and %zu are both "
                                     "named '%s'", j, i, what);
                                return false;
                        }
                }
        }
        return true;
}

static void parse_veth(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        struct sb_net_veth veths[SB_NET_MAX_VETH] = { 0 };
        size_t n = 0;
        bool ok = true;
        if (v->type == SB_KEYS_GROUP) {
                ok = veth_entry(c, v, key, 0, &veths[0]);
                n = 1;
        } else if (v->n_items > SB_NET_MAX_VETH) {
                diag(c, v, key, "more than %d interfaces", SB_NET_MAX_VETH);
                return;
        } else {
                for (n = 0; n < v->n_items; n++) {
                        const struct sb_keys_value *e = &v->items[n];
                        _cleanup_free_ char *ekey = keys_elem_key(key, n);
                        if (!keys_check_type(c, e, ekey, T(GROUP)) ||
                            !veth_entry(c, e, ekey, n, &veths[n]))
                                ok = false;
                }
                ok = ok && check_unique(c, v, key, veths, n);
        }
        struct sb_net_config *net = &c->st->cfg->net;
        if (!ok) {
                for (size_t i = 0; i < n; i++)
                        free(veths[i].where);
                return;
        }
        for (size_t i = 0; i < SB_NET_MAX_VETH; i++)
                free(net->veths[i].where);
        memcpy(net->veths, veths, sizeof(veths));
        net->n_veths = n;
        keys_replace_string(&net->veth_where, where_of(c, v));
}

/* ---- network.dns, network.hosts ---- */

static bool dns_item(struct keys_ctx *c, const struct sb_keys_value *e,
                     const char *ekey, const char *s, void *data)
{
        struct sb_net_config *tmp = data;
        struct sb_net_addr a;
        const char *why = net_addr_parse(s, false, &a);
        if (why) {
                diag(c, e, ekey, "'%s': %s", s, why);
                return false;
        }
        if (tmp->n_dns >= SB_NET_MAX_DNS) {
                diag(c, e, ekey, "more than %d name servers (the resolver "
                     "ignores the rest)", SB_NET_MAX_DNS);
                return false;
        }
        tmp->dns[tmp->n_dns++] = a;
        return true;
}

static void parse_dns(struct keys_ctx *c, const struct key_def *def,
                      const struct sb_keys_value *v, const char *key)
{
        struct sb_net_config tmp = { 0 };
        if (!each_address(c, v, key, dns_item, &tmp))
                return;
        struct sb_net_config *net = &c->st->cfg->net;
        memcpy(net->dns, tmp.dns, sizeof(tmp.dns));
        net->n_dns = tmp.n_dns;
        keys_replace_string(&net->dns_where, where_of(c, v));
}

static bool hosts_item(struct keys_ctx *c, const struct sb_keys_value *e,
                       const char *ekey, const char *s, void *data)
{
        char *line = NULL;
        _cleanup_free_ char *what = NULL;
        const char *why = net_hosts_entry_parse(s, &line, &what);
        if (why) {
                if (what)
                        diag(c, e, ekey, "'%s': %s", what, why);
                else
                        diag(c, e, ekey, "'%s': %s", s, why);
                return false;
        }
        strv_push(data, line);
        return true;
}

static void parse_hosts(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key)
{
        char **lines = xcalloc(1, sizeof(char *));
        if (!keys_each_string(c, v, key, hosts_item, &lines)) {
                strv_free(lines);
                return;
        }
        struct sb_net_config *net = &c->st->cfg->net;
        strv_free(net->hosts);
        net->hosts = lines;
        keys_replace_string(&net->hosts_where, where_of(c, v));
}

const struct key_def keys_network[] = {
        { "mode", T(STRING), parse_mode, KEY_REPLACE, NULL, 0 },
        { "veth", T(GROUP) | T_LIST, parse_veth, KEY_REPLACE, NULL, 0 },
        { "dns", T(STRING) | T_LIST, parse_dns, KEY_REPLACE, NULL, 0 },
        { "hosts", T_LIST, parse_hosts, KEY_REPLACE, NULL, 0 },
        { NULL },
};

/* ---- after the last file ---- */

static void net_diag(struct sb_keys_state *st, const char *where,
                     const char *key, const char *msg)
{
        sb_diags_add(st->diags, "%s: %s: %s", where, key, msg);
}

/* where ("file:line") is in the file path. */
static bool same_file(const char *where, const char *path)
{
        size_t n = path ? strlen(path) : 0;
        return n && strncmp(where, path, n) == 0 && where[n] == ':';
}

void keys_net_finish(struct sb_keys_state *st)
{
        struct sb_config *cfg = st->cfg;
        struct sb_net_config *n = &cfg->net;
        bool has_net = cfg->namespaces & SB_NS_NET;

        if (n->mode_where && n->mode == SB_NET_HOST && has_net) {
                if (same_file(n->mode_where, st->namespaces.path)) {
                        _cleanup_free_ char *msg = xasprintf(
                                "\"host\" shares the host's network "
                                "namespace, but namespaces (%s:%u) lists "
                                "\"net\"",
                                st->namespaces.path, st->namespaces.line);
                        net_diag(st, n->mode_where, "network.mode", msg);
                } else {
                        cfg->namespaces &= ~SB_NS_NET;
                }
        } else if (n->mode_where && n->mode != SB_NET_HOST && !has_net) {
                _cleanup_free_ char *msg = xasprintf(
                        "\"%s\" needs \"net\" in namespaces",
                        sb_net_mode_name(n->mode));
                net_diag(st, n->mode_where, "network.mode", msg);
        } else if (!n->mode_where && !has_net) {
                n->mode = SB_NET_HOST;
        }
        if (n->veth_where && !n->mode_where)
                net_diag(st, n->veth_where, "network.veth",
                         "set network.mode = \"veth\" to use it");
        /* "veth" alone: one interface, eth0, with no address. */
        if (n->mode == SB_NET_VETH && n->n_veths == 0) {
                memset(&n->veths[0], 0, sizeof(n->veths[0]));
                snprintf(n->veths[0].name, SB_NET_IFNAMSIZ, "eth0");
                n->veths[0].where = xstrdup(n->mode_where);
                n->n_veths = 1;
        }
        if (!(cfg->namespaces & SB_NS_MOUNT)) {
                if (n->dns_where)
                        net_diag(st, n->dns_where, "network.dns",
                                 "needs the mount namespace (the file is "
                                 "mounted over /etc/resolv.conf)");
                if (n->hosts_where)
                        net_diag(st, n->hosts_where, "network.hosts",
                                 "needs the mount namespace (the file is "
                                 "mounted over /etc/hosts)");
        }
}
