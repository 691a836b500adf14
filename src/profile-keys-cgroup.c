/* The cgroup group of keys: memory, swap, process count, CPU share and
 * weights, the device allow-list and the parent cgroup. Each value is
 * checked here, so a bad one is a file:line error and never reaches the
 * kernel. */
#include <errno.h>
#include <linux/capability.h>
#include <math.h>            /* isfinite, a macro: no libm */
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "profile-keys-internal.h"
#include "util.h"

/* pids.max counts the sandbox's init, and the target is a second task. */
#define PIDS_MIN 2
#define PIDS_MAX 4194304        /* PID_MAX_LIMIT */
/* 0.01 CPU is the kernel's smallest quota (1 ms per 100 ms period). */
#define MILLICPUS_MIN 10
#define MILLICPUS_MAX (4096 * 1000)
#define WEIGHT_MIN 1
#define WEIGHT_MAX 10000

static struct sb_cgroup_config *cg(struct keys_ctx *c)
{
        return &c->st->cfg->cgroup;
}

/* The group itself: its mere presence asks for a cgroup. */
void keys_parse_cgroup(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        cg(c)->set = true;
}

/* Bytes as an integer, or a string "512M"; "unlimited" only where
 * allow_unlimited. False after a diagnostic. */
static bool size_value(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, bool allow_unlimited, uint64_t *ret)
{
        if (v->type == SB_KEYS_INT) {
                if (v->i < 0) {
                        diag(c, v, key, "must not be negative");
                        return false;
                }
                *ret = (uint64_t)v->i;
                return true;
        }
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return false;
        if (allow_unlimited && strcmp(s, "unlimited") == 0) {
                *ret = SB_CG_UNLIMITED;
                return true;
        }
        int r = parse_size(s, ret);
        /* Sizes beyond 2^62 cannot be told from "no limit" by the kernel. */
        if (r == -ERANGE || (r == 0 && *ret >= (UINT64_C(1) << 62))) {
                diag(c, v, key, "'%s' is out of range", s);
                return false;
        }
        if (r < 0) {
                diag(c, v, key, "'%s' is not a size like \"512M\"%s", s,
                     allow_unlimited ? " or \"unlimited\"" : "");
                return false;
        }
        return true;
}

static void parse_memory(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        uint64_t n;
        if (!size_value(c, v, key, false, &n))
                return;
        if (n == 0) {
                diag(c, v, key, "must be above 0 (leave it out for no limit)");
                return;
        }
        cg(c)->memory = n;
}

static void parse_memory_swap(struct keys_ctx *c, const struct key_def *def,
                              const struct sb_keys_value *v, const char *key)
{
        uint64_t n;
        if (!size_value(c, v, key, true, &n))
                return;
        cg(c)->memory_swap = n;
        cg(c)->memory_swap_set = true;
        keys_set_origin(c, &c->st->cgroup_swap, v);
}

/* An integer in [min, max]; false after a diagnostic. */
static bool int_in_range(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, int64_t min, int64_t max)
{
        if (v->i < 0 && min >= 0) {
                diag(c, v, key, "must not be negative");
                return false;
        }
        if (v->i < min || v->i > max) {
                diag(c, v, key, "%lld is out of range (%lld to %lld)",
                     (long long)v->i, (long long)min, (long long)max);
                return false;
        }
        return true;
}

static void parse_pids(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        if (v->i >= 0 && v->i < PIDS_MIN) {
                diag(c, v, key, "must be at least %d (the sandbox's init "
                     "counts as one)", PIDS_MIN);
                return;
        }
        if (int_in_range(c, v, key, PIDS_MIN, PIDS_MAX))
                cg(c)->pids = (uint64_t)v->i;
}

static void parse_cpus(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        double f = v->type == SB_KEYS_INT ? (double)v->i : v->f;
        if (!isfinite(f) || f < MILLICPUS_MIN / 1000.0 ||
            f > MILLICPUS_MAX / 1000.0) {
                diag(c, v, key, "must be from %g to %d CPUs",
                     MILLICPUS_MIN / 1000.0, MILLICPUS_MAX / 1000);
                return;
        }
        cg(c)->millicpus = (uint32_t)(f * 1000.0 + 0.5);
}

static void parse_weight(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        if (!int_in_range(c, v, key, WEIGHT_MIN, WEIGHT_MAX))
                return;
        *(uint32_t *)((char *)c->st->cfg + def->offset) = (uint32_t)v->i;
}

struct device_list {
        struct sb_cgroup_device *items;
        size_t n;
};

static bool device_item(struct keys_ctx *c, const struct sb_keys_value *e,
                        const char *ekey, const char *s, void *data)
{
        struct device_list *l = data;
        struct sb_cgroup_device d;
        const char *reason;
        if (sb_cgroup_device_parse(s, &d, &reason) < 0) {
                diag(c, e, ekey, "'%s' is not a device rule like \"c 1:3 "
                     "rw\": %s", s, reason);
                return false;
        }
        l->items = xrealloc(l->items, (l->n + 1) * sizeof(*l->items));
        l->items[l->n++] = d;
        return true;
}

static void parse_devices(struct keys_ctx *c, const struct key_def *def,
                          const struct sb_keys_value *v, const char *key)
{
        struct device_list l = { NULL, 0 };
        if (!keys_each_string(c, v, key, device_item, &l)) {
                free(l.items);
                return;
        }
        free(cg(c)->devices);
        cg(c)->devices = l.items;
        cg(c)->n_devices = l.n;
        cg(c)->devices_set = true;
}

/* A path below the launcher's own cgroup: relative, no "." or ".."
 * components, and names the kernel would accept for a cgroup. */
static void parse_parent(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        if (s[0] == '\0' || s[0] == '/') {
                diag(c, v, key, "'%s' must be a relative path below the "
                     "launcher's cgroup", s);
                return;
        }
        _cleanup_free_ char *copy = xstrdup(s);
        char *save = NULL;
        for (char *part = strtok_r(copy, "/", &save); part;
             part = strtok_r(NULL, "/", &save)) {
                size_t n = strlen(part);
                if (strcmp(part, ".") == 0 || strcmp(part, "..") == 0 ||
                    n > 255 ||
                    strspn(part, "abcdefghijklmnopqrstuvwxyz"
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "0123456789_.-@:") != n) {
                        diag(c, v, key, "'%s': each part must be a name of "
                             "letters, digits and '_.-@:', not '.' or '..'",
                             s);
                        return;
                }
        }
        keys_replace_string(&cg(c)->parent, TAKE_PTR(s));
}

#define WEIGHT_KEY(n, field)                                                   \
        { .name = (n), .types = T(INT), .parse = parse_weight,                 \
          .merge = KEY_REPLACE,                                                \
          .offset = offsetof(struct sb_config, field) }

const struct key_def keys_cgroup[] = {
        { "memory", T(INT) | T(STRING), parse_memory, KEY_REPLACE, NULL, 0 },
        { "memory_swap", T(INT) | T(STRING), parse_memory_swap, KEY_REPLACE,
          NULL, 0 },
        { "pids", T(INT), parse_pids, KEY_REPLACE, NULL, 0 },
        { "cpus", T(INT) | T(FLOAT), parse_cpus, KEY_REPLACE, NULL, 0 },
        WEIGHT_KEY("cpu_weight", cgroup.cpu_weight),
        WEIGHT_KEY("io_weight", cgroup.io_weight),
        { "devices", T_LIST, parse_devices, KEY_REPLACE, NULL, 0 },
        { "parent", T(STRING), parse_parent, KEY_REPLACE, NULL, 0 },
        { NULL },
};

void keys_finish_cgroup(struct sb_keys_state *st)
{
        const struct sb_cgroup_config *g = &st->cfg->cgroup;
        /* cgroup v1 limits memory+swap together, which means nothing
         * without a memory limit; refuse it everywhere alike. */
        if (g->memory_swap_set && !g->memory)
                keys_diag(st, st->cgroup_swap.path, st->cgroup_swap.line,
                          "cgroup.memory_swap", "needs cgroup.memory");
        /* CAP_SYS_ADMIN could mount a cgroup filesystem inside and, where
         * the sandbox's cgroup files are writable to it (a delegated
         * cgroup, or uid 0 without a user namespace), raise its own
         * limits or leave the cgroup that kill-all and freeze act on. */
        if (g->set && sb_caps_has(st->cfg->caps_keep, CAP_SYS_ADMIN))
                keys_diag(st, st->caps_keep.path, st->caps_keep.line,
                          "capabilities.keep", "'sys_admin' cannot be kept "
                          "in a sandbox with a cgroup (it could mount "
                          "cgroupfs and raise its own limits)");
}
