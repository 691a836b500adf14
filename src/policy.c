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
#include "util.h"

#define MAX_POLICY_SIZE (64 * 1024)

void sb_policy_init(struct sb_policy *p, const char *path)
{
        *p = (struct sb_policy){
                .path = xstrdup(path),
                .user_profiles = true,
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
                } else {
                        _cleanup_free_ char *k =
                                xasprintf("cgroup.%s", v->name);
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
                        if (want(r, v, v->name, SB_KEYS_BOOL, "true or false"))
                                r->p->user_namespace_optional = v->b;
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

static bool caps_empty(const uint64_t set[SB_CAP_WORDS])
{
        for (int i = 0; i < SB_CAP_WORDS; i++)
                if (set[i])
                        return false;
        return true;
}

int sb_policy_check(const struct sb_config *cfg, const struct sb_policy *p,
                    uid_t ruid, gid_t rgid, struct sb_error *err)
{
        const struct sb_identity *id = &cfg->process.id;
        /* Not a policy key: nothing gives a user another host uid. */
        if (id->host_user_set)
                return sb_error_set(err, -EPERM, "process.host_user needs "
                                    "root: a setuid launcher runs the sandbox "
                                    "as you");
        if (!(cfg->namespaces & SB_NS_USER)) {
                if (!p->user_namespace_optional)
                        return sb_error_set(
                                err, -EPERM, "policy %s: "
                                "user_namespace_optional is false: a sandbox "
                                "without the user namespace is refused (add "
                                "\"user\" to namespaces)", p->path);
                /* Outside a user namespace these would be host ids and
                 * host capabilities. */
                if (id->user_set && (id->uid != ruid || id->gid != rgid))
                        return sb_error_set(
                                err, -EPERM, "process.user: without a user "
                                "namespace a setuid launcher runs the sandbox "
                                "as you (uid %u, gid %u)", (unsigned)ruid,
                                (unsigned)rgid);
                if (!caps_empty(cfg->caps_keep))
                        return sb_error_set(
                                err, -EPERM, "capabilities.keep: without a "
                                "user namespace these would be host "
                                "capabilities; a setuid launcher keeps none");
        }
        int r = check_veth(cfg, p, err);
        if (r >= 0)
                r = check_cgroup(cfg, p, err);
        return r;
}
