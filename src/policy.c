/* The system policy: reading sandbox.conf(5) (through profile.c's libconfig
 * wrapper, profile_tree_parse) and checking a config against it. The check
 * is pure, so every rule is unit-tested (tests/unit/test-policy.c). */
#include "policy.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/capability.h>

#include "caps.h"
#include "cleanup.h"
#include "net-addr.h"
#include "profile-keys.h"
#include "seccomp-groups.h"
#include "util.h"

#define MAX_POLICY_SIZE (64 * 1024)

void sb_policy_init(struct sb_policy *p, const char *path)
{
        *p = (struct sb_policy){
                .path = xstrdup(path),
                .user_profiles = true,
                .max_cpu_weight = SB_POLICY_DEFAULT_WEIGHT,
                .max_io_weight = SB_POLICY_DEFAULT_WEIGHT,
        };
}

void sb_policy_free(struct sb_policy *p)
{
        free(p->path);
        free(p->cgroup_parent);
        p->path = NULL;
        p->cgroup_parent = NULL;
}

/* ---- parsing ---- */

struct reader {
        struct sb_policy *p;
        struct sb_diags *diags;
};

static void problem(struct reader *r, const struct sb_keys_value *v,
                    const char *key, const char *reason)
{
        sb_diags_add(r->diags, "%s:%u: %s: %s", r->p->path, v->line, key,
                     reason);
}

static bool want(struct reader *r, const struct sb_keys_value *v,
                 const char *key, enum sb_keys_type type, const char *what)
{
        if (v->type == type)
                return true;
        _cleanup_free_ char *msg = xasprintf("must be %s", what);
        problem(r, v, key, msg);
        return false;
}

static void read_bridges(struct reader *r, const struct sb_keys_value *v)
{
        if (!want(r, v, "veth.bridges", SB_KEYS_ARRAY,
                  "an array of interface names"))
                return;
        for (size_t i = 0; i < v->n_items; i++) {
                const struct sb_keys_value *e = &v->items[i];
                const char *why = e->type != SB_KEYS_STRING
                                          ? "must be an interface name"
                                          : net_ifname_problem(e->s);
                if (!why && r->p->n_bridges >= SB_POLICY_MAX_BRIDGES)
                        why = "too many bridges";
                if (why) {
                        problem(r, e, "veth.bridges", why);
                        continue;
                }
                snprintf(r->p->bridges[r->p->n_bridges++], SB_NET_IFNAMSIZ,
                         "%s", e->s);
        }
}

static void read_ranges(struct reader *r, const struct sb_keys_value *v)
{
        if (!want(r, v, "veth.addresses", SB_KEYS_ARRAY,
                  "an array of subnets (\"10.0.3.0/24\")"))
                return;
        for (size_t i = 0; i < v->n_items; i++) {
                const struct sb_keys_value *e = &v->items[i];
                struct sb_net_addr a;
                const char *why = e->type != SB_KEYS_STRING
                                          ? "must be a subnet (\"10.0.3.0/24\")"
                                          : net_addr_parse(e->s, true, &a);
                if (!why && r->p->n_ranges >= SB_POLICY_MAX_RANGES)
                        why = "too many address ranges";
                if (why) {
                        problem(r, e, "veth.addresses", why);
                        continue;
                }
                r->p->ranges[r->p->n_ranges++] = a;
        }
}

static void read_veth(struct reader *r, const struct sb_keys_value *g)
{
        if (!want(r, g, "veth", SB_KEYS_GROUP, "a group"))
                return;
        for (size_t i = 0; i < g->n_items; i++) {
                const struct sb_keys_value *v = &g->items[i];
                if (strcmp(v->name, "bridges") == 0) {
                        read_bridges(r, v);
                } else if (strcmp(v->name, "addresses") == 0) {
                        read_ranges(r, v);
                } else if (strcmp(v->name, "point_to_point") == 0) {
                        if (want(r, v, "veth.point_to_point", SB_KEYS_BOOL,
                                 "true or false"))
                                r->p->veth_point_to_point = v->b;
                } else if (strcmp(v->name, "host_names") == 0) {
                        if (want(r, v, "veth.host_names", SB_KEYS_BOOL,
                                 "true or false"))
                                r->p->veth_host_names = v->b;
                } else {
                        _cleanup_free_ char *k = xasprintf("veth.%s", v->name);
                        problem(r, v, k, "unknown key");
                }
        }
}

static void read_size(struct reader *r, const struct sb_keys_value *v,
                      const char *key, uint64_t *out)
{
        uint64_t n;
        if (v->type == SB_KEYS_INT && v->i > 0)
                *out = (uint64_t)v->i;
        else if (v->type == SB_KEYS_STRING && parse_size(v->s, &n) == 0 && n)
                *out = n;
        else
                problem(r, v, key, "must be a size (\"512M\", \"2G\") above 0");
}

static void read_cgroup(struct reader *r, const struct sb_keys_value *g)
{
        if (!want(r, g, "cgroup", SB_KEYS_GROUP, "a group"))
                return;
        for (size_t i = 0; i < g->n_items; i++) {
                const struct sb_keys_value *v = &g->items[i];
                if (strcmp(v->name, "allowed") == 0) {
                        if (want(r, v, "cgroup.allowed", SB_KEYS_BOOL,
                                 "true or false"))
                                r->p->cgroup_allowed = v->b;
                } else if (strcmp(v->name, "parent") == 0) {
                        if (!want(r, v, "cgroup.parent", SB_KEYS_STRING,
                                  "a relative cgroup path"))
                                continue;
                        if (!v->s[0] || v->s[0] == '/' || strstr(v->s, "..")) {
                                problem(r, v, "cgroup.parent", "must be a "
                                        "relative path without '..'");
                                continue;
                        }
                        free(r->p->cgroup_parent);
                        r->p->cgroup_parent = xstrdup(v->s);
                } else if (strcmp(v->name, "max_memory") == 0) {
                        read_size(r, v, "cgroup.max_memory",
                                  &r->p->max_memory);
                } else if (strcmp(v->name, "max_pids") == 0) {
                        if (v->type == SB_KEYS_INT && v->i > 0)
                                r->p->max_pids = (uint64_t)v->i;
                        else
                                problem(r, v, "cgroup.max_pids",
                                        "must be a number above 0");
                } else if (strcmp(v->name, "max_cpus") == 0) {
                        double f = v->type == SB_KEYS_INT     ? (double)v->i
                                   : v->type == SB_KEYS_FLOAT ? v->f
                                                              : -1;
                        if (isfinite(f) && f >= 0.001 && f <= 4096)
                                r->p->max_millicpus =
                                        (uint32_t)(f * 1000.0 + 0.5);
                        else
                                problem(r, v, "cgroup.max_cpus",
                                        "must be a number of CPUs from "
                                        "0.001 to 4096");
                } else if (strcmp(v->name, "max_cpu_weight") == 0 ||
                           strcmp(v->name, "max_io_weight") == 0) {
                        _cleanup_free_ char *k =
                                xasprintf("cgroup.%s", v->name);
                        uint32_t *out = v->name[4] == 'c'
                                                ? &r->p->max_cpu_weight
                                                : &r->p->max_io_weight;
                        if (v->type == SB_KEYS_INT && v->i >= 1 &&
                            v->i <= 10000)
                                *out = (uint32_t)v->i;
                        else
                                problem(r, v, k, "must be a weight from 1 "
                                        "to 10000");
                } else {
                        _cleanup_free_ char *k =
                                xasprintf("cgroup.%s", v->name);
                        problem(r, v, k, "unknown key");
                }
        }
}

static void read_caps(struct reader *r, const struct sb_keys_value *g)
{
        if (!want(r, g, "capabilities", SB_KEYS_GROUP, "a group"))
                return;
        for (size_t i = 0; i < g->n_items; i++) {
                const struct sb_keys_value *v = &g->items[i];
                if (strcmp(v->name, "allowed") != 0) {
                        _cleanup_free_ char *k =
                                xasprintf("capabilities.%s", v->name);
                        problem(r, v, k, "unknown key");
                        continue;
                }
                if (!want(r, v, "capabilities.allowed", SB_KEYS_ARRAY,
                          "an array of capability names"))
                        continue;
                for (size_t j = 0; j < v->n_items; j++) {
                        const struct sb_keys_value *e = &v->items[j];
                        int cap = e->type == SB_KEYS_STRING
                                          ? caps_from_name(e->s)
                                          : -1;
                        if (cap < 0) {
                                problem(r, e, "capabilities.allowed",
                                        "must be a capability name "
                                        "(\"net_bind_service\")");
                                continue;
                        }
                        sb_caps_add(r->p->caps_allowed, (unsigned)cap);
                }
        }
}

static void read_seccomp(struct reader *r, const struct sb_keys_value *g)
{
        if (!want(r, g, "seccomp", SB_KEYS_GROUP, "a group"))
                return;
        for (size_t i = 0; i < g->n_items; i++) {
                const struct sb_keys_value *v = &g->items[i];
                if (strcmp(v->name, "may_disable") == 0) {
                        if (want(r, v, "seccomp.may_disable", SB_KEYS_BOOL,
                                 "true or false"))
                                r->p->seccomp_may_disable = v->b;
                } else {
                        _cleanup_free_ char *k =
                                xasprintf("seccomp.%s", v->name);
                        problem(r, v, k, "unknown key");
                }
        }
}

static void read_root(struct reader *r, const struct sb_keys_value *root)
{
        for (size_t i = 0; i < root->n_items; i++) {
                const struct sb_keys_value *v = &root->items[i];
                if (strcmp(v->name, "user_profiles") == 0) {
                        if (want(r, v, v->name, SB_KEYS_BOOL, "true or false"))
                                r->p->user_profiles = v->b;
                } else if (strcmp(v->name, "user_namespace_optional") == 0) {
                        /* Removed: without a user namespace init would
                         * build the sandbox with host capabilities. */
                        problem(r, v, v->name, "no longer supported: a "
                                "setuid launcher always makes a user "
                                "namespace (remove the key)");
                } else if (strcmp(v->name, "capabilities") == 0) {
                        read_caps(r, v);
                } else if (strcmp(v->name, "seccomp") == 0) {
                        read_seccomp(r, v);
                } else if (strcmp(v->name, "veth") == 0) {
                        read_veth(r, v);
                } else if (strcmp(v->name, "cgroup") == 0) {
                        read_cgroup(r, v);
                } else {
                        problem(r, v, v->name, "unknown key");
                }
        }
}

int sb_policy_load_string(struct sb_policy *p, const char *text,
                          struct sb_diags *diags)
{
        size_t before = diags->n;
        struct profile_tree *t;
        int r = profile_tree_parse(p->path, text, &t, diags);
        if (r < 0)
                return r;
        p->exists = true;
        struct reader rd = { p, diags };
        read_root(&rd, profile_tree_root(t));
        profile_tree_free(t);
        return diags->n > before ? -EINVAL : 0;
}

/* Root's, and nobody else may write it. */
static const char *owner_problem(const struct stat *st)
{
        if (st->st_uid != 0)
                return "not owned by root";
        if (st->st_mode & (S_IWGRP | S_IWOTH))
                return "writable by group or others";
        return NULL;
}

int sb_policy_load(struct sb_policy *p, struct sb_diags *diags)
{
        _cleanup_free_ char *copy = xstrdup(p->path);
        const char *dir = dirname(copy);
        _cleanup_close_ int dfd =
                open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0 && errno == ENOENT)
                return 0;
        if (dfd < 0) {
                sb_diags_add(diags, "%s: cannot open: %s", dir,
                             strerror(errno));
                return -errno;
        }
        struct stat st;
        const char *why = fstat(dfd, &st) < 0 ? "cannot stat"
                                              : owner_problem(&st);
        if (why) {
                sb_diags_add(diags, "%s: refused as the policy's "
                             "directory: %s", dir, why);
                return -EPERM;
        }
        const char *slash = strrchr(p->path, '/');
        const char *base = slash ? slash + 1 : p->path;
        _cleanup_close_ int fd = openat(dfd, base, O_RDONLY | O_CLOEXEC |
                                        O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
        if (fd < 0 && errno == ENOENT)
                return 0;
        if (fd < 0) {
                int e = errno;
                sb_diags_add(diags, "%s: cannot open: %s%s", p->path,
                             strerror(e), e == EACCES ? " (the policy must "
                             "be readable by everyone, mode 0644)" : "");
                return -e;
        }
        why = fstat(fd, &st) < 0     ? "cannot stat"
              : !S_ISREG(st.st_mode) ? "not a regular file"
              : st.st_size > MAX_POLICY_SIZE ? "larger than 64 KiB"
                                             : owner_problem(&st);
        if (why) {
                sb_diags_add(diags, "%s: refused: %s", p->path, why);
                return -EPERM;
        }
        _cleanup_free_ char *text = xmalloc(MAX_POLICY_SIZE + 1);
        ssize_t n = read_full(fd, text, MAX_POLICY_SIZE + 1);
        if (n < 0) {
                sb_diags_add(diags, "%s: cannot read: %s", p->path,
                             strerror((int)-n));
                return (int)n;
        }
        if (memchr(text, '\0', (size_t)n)) {
                sb_diags_add(diags, "%s: contains a NUL byte", p->path);
                return -EINVAL;
        }
        return sb_policy_load_string(p, text, diags);
}

/* ---- the check ---- */

void sb_policy_fill(const struct sb_policy *p, struct sb_config *cfg)
{
        if (p->cgroup_parent && sb_cgroup_config_wanted(&cfg->cgroup) &&
            !cfg->cgroup.parent)
                cfg->cgroup.parent = xstrdup(p->cgroup_parent);
}

static bool bridge_allowed(const struct sb_policy *p, const char *name)
{
        for (size_t i = 0; i < p->n_bridges; i++)
                if (strcmp(p->bridges[i], name) == 0)
                        return true;
        return false;
}

/* The address lies in an allowed range and claims no wider subnet. */
static bool addr_allowed(const struct sb_policy *p, const struct sb_net_addr *a)
{
        for (size_t i = 0; i < p->n_ranges; i++)
                if (p->ranges[i].family == a->family &&
                    a->prefix >= p->ranges[i].prefix &&
                    net_addr_in_subnet(&p->ranges[i], a))
                        return true;
        return false;
}

/* "a/b" is "a" or below it. */
static bool under(const char *path, const char *top)
{
        size_t n = strlen(top);
        return strncmp(path, top, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static int refuse_addr(const struct sb_policy *p, const struct sb_net_addr *a,
                       struct sb_error *err)
{
        char buf[NET_ADDR_TEXT_MAX];
        return sb_error_set(err, -EPERM, "policy %s: veth.addresses does not "
                            "allow %s", p->path, net_addr_format(a, true, buf));
}

static int check_veth(const struct sb_config *cfg, const struct sb_policy *p,
                      struct sb_error *err)
{
        const struct sb_net_config *n = &cfg->net;
        if (n->mode != SB_NET_VETH)
                return 0;
        /* Inside, NET_ADMIN or NET_RAW would let the program change the
         * addresses the policy checked, or forge others on the bridge. */
        static const unsigned net_caps[] = { CAP_NET_ADMIN, CAP_NET_RAW };
        for (size_t i = 0; i < ARRAY_SIZE(net_caps); i++)
                if (sb_caps_has(cfg->caps_keep, net_caps[i]))
                        return sb_error_set(
                                err, -EPERM, "policy %s: veth: a sandbox with "
                                "a veth link may not keep %s (capabilities."
                                "keep): it could change its addresses",
                                p->path, caps_name(net_caps[i]));
        for (size_t i = 0; i < n->n_veths; i++) {
                const struct sb_net_veth *v = &n->veths[i];
                if (!v->bridge[0] && !p->veth_point_to_point)
                        return sb_error_set(
                                err, -EPERM, "policy %s: veth.point_to_point "
                                "is false: %s has no bridge", p->path, v->name);
                if (v->bridge[0] && !bridge_allowed(p, v->bridge))
                        return sb_error_set(err, -EPERM, "policy %s: "
                                            "veth.bridges does not allow '%s'",
                                            p->path, v->bridge);
                /* Not policy keys. A MAC of the user's choice could be
                 * the gateway's on the bridge and take its traffic; the
                 * kernel's random one is locally administered and unique
                 * in practice. */
                if (v->has_mac)
                        return sb_error_set(
                                err, -EPERM, "policy %s: veth: a setuid "
                                "launcher does not take a MAC address of "
                                "yours for %s (network.veth.mac): it could "
                                "be another's on the bridge", p->path,
                                v->name);
                /* A small MTU on a bridge port lowers the bridge's own
                 * for every port; the upper bound (the bridge's MTU) is
                 * checked against the host in net.c. */
                if (v->mtu && v->mtu < SB_POLICY_MIN_MTU)
                        return sb_error_set(
                                err, -EPERM, "policy %s: veth: the MTU of "
                                "%s (network.veth.mtu) is %u: a setuid "
                                "launch needs at least %u", p->path, v->name,
                                v->mtu, (unsigned)SB_POLICY_MIN_MTU);
                if (v->host_name[0] && !p->veth_host_names)
                        return sb_error_set(
                                err, -EPERM, "policy %s: veth.host_names is "
                                "false: the host end of %s cannot be named "
                                "'%s'", p->path, v->name, v->host_name);
                for (size_t j = 0; j < v->n_addrs; j++)
                        if (!addr_allowed(p, &v->addrs[j]))
                                return refuse_addr(p, &v->addrs[j], err);
                if (v->has_gw4 && !addr_allowed(p, &v->gw4))
                        return refuse_addr(p, &v->gw4, err);
                if (v->has_gw6 && !addr_allowed(p, &v->gw6))
                        return refuse_addr(p, &v->gw6, err);
        }
        return 0;
}

static int over(const struct sb_policy *p, const char *key, const char *max,
                const char *asked, struct sb_error *err)
{
        return sb_error_set(err, -EPERM, "policy %s: cgroup.%s is %s: the "
                            "profile asks for %s", p->path, key, max, asked);
}

static int check_cgroup(const struct sb_config *cfg, const struct sb_policy *p,
                        struct sb_error *err)
{
        const struct sb_cgroup_config *g = &cfg->cgroup;
        if (!sb_cgroup_config_wanted(g))
                return 0;
        if (!p->cgroup_allowed)
                return sb_error_set(err, -EPERM, "policy %s: cgroup.allowed "
                                    "is false: cgroup limits are refused",
                                    p->path);
        if (p->cgroup_parent &&
            (!g->parent || !under(g->parent, p->cgroup_parent)))
                return sb_error_set(err, -EPERM, "policy %s: cgroup.parent "
                                    "is '%s': the profile's cgroup.parent "
                                    "'%s' is not below it", p->path,
                                    p->cgroup_parent,
                                    g->parent ? g->parent : "");
        char max[32], asked[48];
        if (p->max_memory) {
                snprintf(max, sizeof(max), "%llu bytes",
                         (unsigned long long)p->max_memory);
                if (!g->memory)
                        return over(p, "max_memory", max, "no memory limit",
                                    err);
                if (g->memory > p->max_memory) {
                        snprintf(asked, sizeof(asked), "%llu bytes",
                                 (unsigned long long)g->memory);
                        return over(p, "max_memory", max, asked, err);
                }
                /* Swap is memory too. */
                if (g->memory_swap == SB_CG_UNLIMITED)
                        return over(p, "max_memory", max, "unlimited swap",
                                    err);
                if (g->memory_swap > p->max_memory) {
                        snprintf(asked, sizeof(asked), "%llu bytes of swap",
                                 (unsigned long long)g->memory_swap);
                        return over(p, "max_memory", max, asked, err);
                }
        }
        if (p->max_pids) {
                snprintf(max, sizeof(max), "%llu",
                         (unsigned long long)p->max_pids);
                if (!g->pids)
                        return over(p, "max_pids", max, "no pids limit", err);
                if (g->pids > p->max_pids) {
                        snprintf(asked, sizeof(asked), "%llu",
                                 (unsigned long long)g->pids);
                        return over(p, "max_pids", max, asked, err);
                }
        }
        /* A weight is a share of everyone's CPU or I/O time. */
        if (g->cpu_weight > p->max_cpu_weight) {
                snprintf(max, sizeof(max), "%u", (unsigned)p->max_cpu_weight);
                snprintf(asked, sizeof(asked), "%u", (unsigned)g->cpu_weight);
                return over(p, "max_cpu_weight", max, asked, err);
        }
        if (g->io_weight > p->max_io_weight) {
                snprintf(max, sizeof(max), "%u", (unsigned)p->max_io_weight);
                snprintf(asked, sizeof(asked), "%u", (unsigned)g->io_weight);
                return over(p, "max_io_weight", max, asked, err);
        }
        if (p->max_millicpus) {
                snprintf(max, sizeof(max), "%g",
                         p->max_millicpus / 1000.0);
                if (!g->millicpus)
                        return over(p, "max_cpus", max, "no cpu limit", err);
                if (g->millicpus > p->max_millicpus) {
                        snprintf(asked, sizeof(asked), "%g",
                                 g->millicpus / 1000.0);
                        return over(p, "max_cpus", max, asked, err);
                }
        }
        return 0;
}

/* Capabilities kept inside the user namespace are still a door to the
 * kernel's namespaced code (net_admin: netfilter, sys_admin: mounts) that a
 * host restricting user namespaces shut: only what the policy lists. */
static int check_caps(const struct sb_config *cfg, const struct sb_policy *p,
                      struct sb_error *err)
{
        for (unsigned cap = 0; cap < 64 * SB_CAP_WORDS; cap++)
                if (sb_caps_has(cfg->caps_keep, cap) &&
                    !sb_caps_has(p->caps_allowed, cap)) {
                        const char *name = caps_name(cap);
                        return sb_error_set(
                                err, -EPERM, "policy %s: capabilities.allowed "
                                "does not allow keeping %s "
                                "(capabilities.keep)", p->path,
                                name ? name : "?");
                }
        return 0;
}

/* Does one entry of seccomp.allow, groups expanded, take a member of the
 * built-in deny list out of the filter? seccomp.c removes a built-in
 * refusal when the allow list holds the same call with the same argument
 * rule (a plain "ioctl" leaves the TIOCSTI rule in place). */
static const char *removes_builtin(const struct seccomp_group *g,
                                   const struct seccomp_member *m, int depth)
{
        if (depth > 8)
                return NULL;
        for (const struct seccomp_member *b = g->members; b->name; b++) {
                const struct seccomp_group *sub =
                        b->name[0] == '@' ? seccomp_group_find(b->name) : NULL;
                if (sub) {
                        const char *hit = removes_builtin(sub, m, depth + 1);
                        if (hit)
                                return hit;
                } else if (b->args == m->args &&
                           strcmp(b->name, m->name) == 0) {
                        return b->name;
                }
        }
        return NULL;
}

static const char *allow_entry_removes(const char *entry, int depth)
{
        const char *name = entry[0] == '?' ? entry + 1 : entry;
        const struct seccomp_group *builtin =
                seccomp_group_find(SECCOMP_DEFAULT_DENY);
        if (!builtin || depth > 8)
                return NULL;
        const struct seccomp_group *g =
                name[0] == '@' ? seccomp_group_find(name) : NULL;
        if (!g) {
                struct seccomp_member m = { name, SECCOMP_ARGS_ANY };
                return name[0] == '@' ? NULL
                                      : removes_builtin(builtin, &m, 0);
        }
        for (const struct seccomp_member *m = g->members; m->name; m++) {
                const char *hit = m->name[0] == '@'
                                          ? allow_entry_removes(m->name,
                                                                depth + 1)
                                          : removes_builtin(builtin, m, 0);
                if (hit)
                        return hit;
        }
        return NULL;
}

/* Without seccomp.may_disable the filter must refuse at least what the
 * built-in deny list (@default-deny) refuses: enabled, an action that
 * refuses (not "log"), and no seccomp.allow entry that takes one of its
 * members out -- in both modes, since an allow-list filter lets through
 * exactly what seccomp.allow names minus the refusals that remain.
 * seccomp.deny and the allow-list mode only ever add refusals. */
static int check_seccomp(const struct sb_config *cfg,
                         const struct sb_policy *p, struct sb_error *err)
{
        const struct sb_seccomp_config *s = &cfg->seccomp;
        if (p->seccomp_may_disable)
                return 0;
        if (!s->enabled)
                return sb_error_set(err, -EPERM, "policy %s: seccomp."
                                    "may_disable is false: seccomp.enabled "
                                    "must be true", p->path);
        if (s->action == SB_SECCOMP_LOG)
                return sb_error_set(err, -EPERM, "policy %s: seccomp."
                                    "may_disable is false: seccomp.action "
                                    "\"log\" lets refused calls run",
                                    p->path);
        for (size_t i = 0; s->allow && s->allow[i]; i++) {
                const char *hit = allow_entry_removes(s->allow[i], 0);
                if (hit)
                        return sb_error_set(
                                err, -EPERM, "policy %s: seccomp.may_disable "
                                "is false: seccomp.allow entry '%s' lifts "
                                "'%s' of the built-in deny list (%s)",
                                p->path, s->allow[i], hit,
                                SECCOMP_DEFAULT_DENY);
        }
        return 0;
}

int sb_policy_check(const struct sb_config *cfg, const struct sb_policy *p,
                    uid_t ruid, gid_t rgid, struct sb_error *err)
{
        (void)ruid;
        (void)rgid;
        const struct sb_identity *id = &cfg->process.id;
        /* Not a policy key: nothing gives a user another host uid. */
        if (id->host_user_set)
                return sb_error_set(err, -EPERM, "process.host_user needs "
                                    "root: a setuid launcher runs the sandbox "
                                    "as you");
        /* Not a policy key either: without a user namespace init would
         * build the sandbox as host root, with host capabilities, on host
         * files (a read-write bind of /etc, an overlay copying up setuid
         * files). The launcher makes the user namespace itself, root's and
         * mapping only you, which works where the host restricts them. */
        if (!(cfg->namespaces & SB_NS_USER))
                return sb_error_set(err, -EPERM, "namespaces: a setuid "
                                    "launcher always makes a user namespace: "
                                    "without one the sandbox would be built "
                                    "with host root's privileges (add "
                                    "\"user\" to namespaces)");
        int r = check_caps(cfg, p, err);
        if (r >= 0)
                r = check_seccomp(cfg, p, err);
        if (r >= 0)
                r = check_veth(cfg, p, err);
        if (r >= 0)
                r = check_cgroup(cfg, p, err);
        return r;
}
