/* The profile schema: one table row per key (name, accepted types, parser,
 * merge rule) and one small parser per kind of value.
 *
 * Decisions beyond PROFILE.md, for sandbox.profile(5):
 * - Every string value is ${VAR}-expanded before it is checked, including
 *   names such as namespaces, capabilities and rlimit values. There is no
 *   escape for "${"; a '$' not followed by '{' is literal.
 * - Strings are at most 4096 characters before and after expansion.
 * - Duplicates are an error in the two set-like arrays, namespaces and
 *   capabilities.keep; an environment.keep entry listed twice is harmless.
 * - environment.keep entries are NAME or a prefix PREFIX* ("LC_*"); a bare
 *   "*" is refused (write `clear = false` instead). environment.set names
 *   are [A-Za-z_][A-Za-z0-9_]* and values must be strings; at most 256
 *   names in total after merging all files.
 * - An rlimit [soft, hard] has exactly two values. "unlimited" is the only
 *   word accepted. Two spellings of one limit in the same group ("nofile",
 *   "RLIMIT_NOFILE") follow the general rule: the later one wins.
 * - process.user as a string is a name, or a number when it is all digits;
 *   anything else starting with a digit, '+' or '-' is refused. uid/gid
 *   4294967295 ((uid_t)-1) is refused.
 * - process.group without process.user keeps the caller's uid (${UID}) and
 *   sets only the gid. process.group wins over the user's primary group
 *   wherever the two are set, whatever their order.
 * - "Did you mean": the closest name whose edit distance, ignoring case,
 *   is at most 2 and smaller than the length of what was written.
 * Loader (profile.c):
 * - Diagnostics name a file as it was given, or as an include resolved it
 *   (the including file's directory + the entry): "inc/base.inc:3: ...".
 *   libconfig's "syntax error" text is not repeated: "f:3: syntax error",
 *   but "f:3: syntax error: duplicate setting name".
 * - A list element's line is libconfig's: that of the token after the
 *   element, so a last element followed by a newline and "]" reports the
 *   "]" line.
 * - Integer literals beyond 2147483647 without the L suffix are refused
 *   (libconfig 1.5 would silently truncate them); write "5G" or 5000000000L.
 * - ${PROFILE_DIR} is the absolute directory of the file being parsed
 *   (realpath of its directory). A profile loaded from memory has no
 *   directory unless its name contains a '/'; it still gets NAME.local.
 * - A file included twice (not a cycle) is applied twice, where each
 *   include names it. Cycles are found by device and inode, so "./a" and
 *   "a" are the same file.
 * - FIFOs and other non-regular files are refused without blocking.
 * - After 1000 diagnostics one "too many problems" line ends the list. */
#include "profile-keys-internal.h"

#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "caps.h"
#include "cleanup.h"
#include "rlimit.h"
#include "util.h"
#include "vars.h"

/* ---- diagnostics ---- */

void keys_diag(struct sb_keys_state *st, const char *path, unsigned line,
               const char *key, const char *fmt, ...)
{
        va_list ap;
        _cleanup_free_ char *msg = NULL;
        va_start(ap, fmt);
        if (vasprintf(&msg, fmt, ap) < 0)
                msg = NULL;
        va_end(ap);
        sb_diags_add(st->diags, "%s:%u: %s: %s", path, line, key,
                     msg ? msg : "out of memory");
}

static const char *const type_names[SB_KEYS_TYPE_MAX] = {
        [SB_KEYS_INT] = "an integer",   [SB_KEYS_FLOAT] = "a number",
        [SB_KEYS_STRING] = "a string",  [SB_KEYS_BOOL] = "a boolean",
        [SB_KEYS_GROUP] = "a group",    [SB_KEYS_ARRAY] = "an array",
        [SB_KEYS_LIST] = "a list",
};

/* "a string", "an integer or a string", "an integer, a string or an
 * array". A list is accepted wherever an array is, so it is not named. */
static char *expected_text(unsigned mask)
{
        if ((mask & T(ARRAY)) && (mask & T(LIST)))
                mask &= ~T(LIST);
        char *out = xstrdup("");
        unsigned left = (unsigned)__builtin_popcount(mask);
        for (int t = 0; t < SB_KEYS_TYPE_MAX; t++) {
                if (!(mask & (1u << t)))
                        continue;
                left--;
                const char *sep = *out == '\0' ? "" : left == 0 ? " or " : ", ";
                char *next = xasprintf("%s%s%s", out, sep, type_names[t]);
                free(out);
                out = next;
        }
        return out;
}

bool keys_check_type(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, unsigned mask)
{
        if (mask == T_ANY || (mask & (1u << v->type)))
                return true;
        _cleanup_free_ char *want = expected_text(mask);
        diag(c, v, key, "expected %s, got %s", want, type_names[v->type]);
        return false;
}

/* ---- "did you mean" ---- */

void keys_consider(struct keys_suggestion *best, const char *word,
                     const char *candidate)
{
        if (!candidate)
                return;
        size_t d = edit_distance_nocase(word, candidate, 3);
        if (d <= 2 && d < best->dist && (d == 0 || d < strlen(word))) {
                best->name = candidate;
                best->dist = d;
        }
}

void keys_unknown(struct keys_ctx *c, const struct sb_keys_value *v,
                    const char *key, const char *what,
                    const struct keys_suggestion *best)
{
        if (best->name)
                diag(c, v, key, "%s (did you mean '%s'?)", what, best->name);
        else
                diag(c, v, key, "%s", what);
}

/* ---- value helpers ---- */

char *keys_child_key(const char *parent, const char *name)
{
        return parent ? xasprintf("%s.%s", parent, name) : xstrdup(name);
}

char *keys_elem_key(const char *parent, size_t i)
{
        return xasprintf("%s[%zu]", parent, i);
}

/* The string value, ${VAR}-expanded and length-checked, newly allocated;
 * NULL after a diagnostic. */
char *keys_get_string(struct keys_ctx *c, const struct sb_keys_value *v,
                        const char *key)
{
        if (!keys_check_type(c, v, key, T(STRING)))
                return NULL;
        if (strlen(v->s) > MAX_STRING) {
                diag(c, v, key, "longer than %d characters", MAX_STRING);
                return NULL;
        }
        char *out = NULL;
        _cleanup_free_ char *error = NULL;
        if (vars_expand(v->s, c->st->env, c->f->dir, &out, &error) < 0) {
                diag(c, v, key, "%s", error);
                return NULL;
        }
        if (strlen(out) > MAX_STRING) {
                diag(c, v, key, "longer than %d characters after expansion",
                     MAX_STRING);
                free(out);
                return NULL;
        }
        return out;
}

bool keys_check_count(struct keys_ctx *c, const struct sb_keys_value *v,
                        const char *key)
{
        if (v->n_items <= MAX_ITEMS)
                return true;
        diag(c, v, key, "more than %d entries", MAX_ITEMS);
        return false;
}

/* Run fn over every element, expanded; true only if all were good, so
 * that the caller replaces the old value with all of the new one or none. */
bool keys_each_string(struct keys_ctx *c, const struct sb_keys_value *v,
                        const char *key, keys_string_item_fn fn, void *data)
{
        if (!keys_check_type(c, v, key, T_LIST) || !keys_check_count(c, v, key))
                return false;
        bool ok = true;
        for (size_t i = 0; i < v->n_items; i++) {
                const struct sb_keys_value *e = &v->items[i];
                _cleanup_free_ char *ekey = keys_elem_key(key, i);
                _cleanup_free_ char *s = keys_get_string(c, e, ekey);
                if (!s || !fn(c, e, ekey, s, data))
                        ok = false;
        }
        return ok;
}

void keys_replace_string(char **field, char *value)
{
        free(*field);
        *field = value;
}

#define ALNUM "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

/* [A-Za-z_][A-Za-z0-9_]*, and with allow_prefix also that plus a '*'. */
static bool is_env_name(const char *s, bool allow_prefix)
{
        size_t n = strlen(s);
        if (allow_prefix && n > 1 && s[n - 1] == '*')
                n--;
        return n > 0 && !isdigit((unsigned char)s[0]) &&
               strspn(s, ALNUM "_") == n;
}

/* ---- top-level scalars ---- */

static void parse_description(struct keys_ctx *c, const struct key_def *def,
                              const struct sb_keys_value *v, const char *key)
{
        char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        if (strlen(s) > MAX_DESCRIPTION) {
                diag(c, v, key, "longer than %d characters", MAX_DESCRIPTION);
                free(s);
                return;
        }
        keys_replace_string(&c->st->cfg->description, s);
}

void keys_set_origin(struct keys_ctx *c, struct sb_keys_origin *o,
                     const struct sb_keys_value *v)
{
        keys_replace_string(&o->path, xstrdup(c->f->path));
        o->line = v->line;
}

static void parse_hostname(struct keys_ctx *c, const struct key_def *def,
                           const struct sb_keys_value *v, const char *key)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        size_t n = strlen(s);
        if (n == 0 || n > MAX_HOSTNAME) {
                diag(c, v, key, "must be 1 to %d characters", MAX_HOSTNAME);
                return;
        }
        if (strspn(s, ALNUM ".-") != n) {
                diag(c, v, key, "'%s': only letters, digits, '.' and '-' are "
                     "allowed", s);
                return;
        }
        if (s[0] == '-') {
                diag(c, v, key, "'%s' must not start with '-'", s);
                return;
        }
        keys_replace_string(&c->st->cfg->hostname, TAKE_PTR(s));
        keys_set_origin(c, &c->st->hostname, v);
}

static const struct {
        const char *name;
        unsigned bit;
} namespaces[] = {
        { "user", SB_NS_USER }, { "mount", SB_NS_MOUNT },
        { "pid", SB_NS_PID },   { "uts", SB_NS_UTS },
        { "ipc", SB_NS_IPC },   { "net", SB_NS_NET },
        { "cgroup", SB_NS_CGROUP }, { "time", SB_NS_TIME },
};

static bool namespace_item(struct keys_ctx *c, const struct sb_keys_value *e,
                           const char *ekey, const char *s, void *data)
{
        unsigned *bits = data;
        for (size_t i = 0; i < ARRAY_SIZE(namespaces); i++) {
                if (strcmp(s, namespaces[i].name) == 0) {
                        if (*bits & namespaces[i].bit) {
                                diag(c, e, ekey, "'%s' listed twice", s);
                                return false;
                        }
                        *bits |= namespaces[i].bit;
                        return true;
                }
        }
        /* Suggestions only on a miss: edit distances cost launch time. */
        struct keys_suggestion best = { NULL, 3 };
        for (size_t i = 0; i < ARRAY_SIZE(namespaces); i++)
                keys_consider(&best, s, namespaces[i].name);
        _cleanup_free_ char *what = xasprintf("unknown namespace '%s'", s);
        keys_unknown(c, e, ekey, what, &best);
        return false;
}

static void parse_namespaces(struct keys_ctx *c, const struct key_def *def,
                             const struct sb_keys_value *v, const char *key)
{
        unsigned bits = 0;
        if (keys_each_string(c, v, key, namespace_item, &bits)) {
                c->st->cfg->namespaces = bits;
                keys_set_origin(c, &c->st->namespaces, v);
        }
}

/* A bool stored at def->offset in struct sb_config. */
void keys_parse_bool(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        *(bool *)((char *)c->st->cfg + def->offset) = v->b;
}

/* ---- environment ---- */

static bool keep_item(struct keys_ctx *c, const struct sb_keys_value *e,
                      const char *ekey, const char *s, void *data)
{
        if (!is_env_name(s, true)) {
                diag(c, e, ekey, "'%s' is not a variable name or a PREFIX*",
                     s);
                return false;
        }
        strv_push(data, xstrdup(s));
        return true;
}

static void parse_env_keep(struct keys_ctx *c, const struct key_def *def,
                           const struct sb_keys_value *v, const char *key)
{
        char **keep = xcalloc(1, sizeof(char *));
        if (!keys_each_string(c, v, key, keep_item, &keep)) {
                strv_free(keep);
                return;
        }
        strv_free(c->st->cfg->env.keep);
        c->st->cfg->env.keep = keep;
}

/* One NAME = "value" of environment.set: a later file's NAME replaces the
 * earlier value, other names stay. */
static void parse_env_set(struct keys_ctx *c, const struct key_def *def,
                          const struct sb_keys_value *v, const char *key)
{
        struct sb_environment *env = &c->st->cfg->env;
        if (!is_env_name(v->name, false)) {
                diag(c, v, key, "not a valid variable name");
                return;
        }
        char *value = keys_get_string(c, v, key);
        if (!value)
                return;
        for (size_t i = 0; i < env->n_set; i++) {
                if (strcmp(env->set[i].name, v->name) == 0) {
                        keys_replace_string(&env->set[i].value, value);
                        return;
                }
        }
        if (env->n_set >= MAX_ITEMS) {
                diag(c, v, key, "more than %d variables in environment.set",
                     MAX_ITEMS);
                free(value);
                return;
        }
        env->set = xrealloc(env->set, (env->n_set + 1) * sizeof(*env->set));
        env->set[env->n_set++] = (struct sb_env_assign){
                .name = xstrdup(v->name),
                .value = value,
        };
}

/* ---- rlimits ---- */

/* One limit value: a non-negative integer, "unlimited", digits, or for a
 * size limit a size with a K/M/G/T suffix. */
static bool rlimit_value(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key, int resource, rlim_t *ret)
{
        if (!keys_check_type(c, v, key, T(INT) | T(STRING)))
                return false;
        if (v->type == SB_KEYS_INT) {
                if (v->i < 0) {
                        diag(c, v, key, "must not be negative");
                        return false;
                }
                *ret = (rlim_t)v->i;
                return true;
        }
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return false;
        if (strcmp(s, "unlimited") == 0) {
                *ret = RLIM_INFINITY;
                return true;
        }
        uint64_t n;
        int r = parse_u64(s, &n);
        if (r == -EINVAL) {
                r = parse_size(s, &n);
                if (r == 0 && !rlimit_is_size(resource)) {
                        diag(c, v, key, "'%s': %s is not a size in bytes", s,
                             rlimit_name(resource));
                        return false;
                }
        }
        if (r == -ERANGE || (r == 0 && n > (uint64_t)RLIM_INFINITY)) {
                diag(c, v, key, "'%s' is out of range", s);
                return false;
        }
        if (r < 0) {
                diag(c, v, key, "'%s': expected a number%s or \"unlimited\"",
                     s, rlimit_is_size(resource) ? ", a size like \"4G\"" : "");
                return false;
        }
        *ret = (rlim_t)n;
        return true;
}

static void parse_rlimit(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        int res = rlimit_from_name(v->name);
        if (res < 0 || res >= SB_RLIMIT_COUNT) {
                struct keys_suggestion best = { NULL, 3 };
                const char *bare = strncasecmp(v->name, "rlimit_", 7) == 0
                                           ? v->name + 7
                                           : v->name;
                for (int i = 0; i < SB_RLIMIT_COUNT; i++)
                        keys_consider(&best, bare, rlimit_name(i));
                keys_unknown(c, v, key, "unknown key", &best);
                return;
        }
        if (!keys_check_type(c, v, key, T(INT) | T(STRING) | T_LIST))
                return;
        rlim_t soft, hard;
        if (v->type == SB_KEYS_INT || v->type == SB_KEYS_STRING) {
                if (!rlimit_value(c, v, key, res, &soft))
                        return;
                hard = soft;
        } else {
                if (v->n_items != 2) {
                        diag(c, v, key, "expected [soft, hard], got %zu "
                             "value%s", v->n_items, v->n_items == 1 ? "" : "s");
                        return;
                }
                _cleanup_free_ char *k0 = keys_elem_key(key, 0);
                _cleanup_free_ char *k1 = keys_elem_key(key, 1);
                bool ok0 = rlimit_value(c, &v->items[0], k0, res, &soft);
                bool ok1 = rlimit_value(c, &v->items[1], k1, res, &hard);
                if (!ok0 || !ok1)
                        return;
                if (soft > hard) {
                        diag(c, v, key, "the soft limit is above the hard "
                             "limit");
                        return;
                }
        }
        c->st->cfg->rlimits[res] = (struct sb_rlimit){
                .set = true, .soft = soft, .hard = hard,
        };
}

/* ---- capabilities ---- */

static bool cap_item(struct keys_ctx *c, const struct sb_keys_value *e,
                     const char *ekey, const char *s, void *data)
{
        uint64_t *set = data;
        int cap = caps_from_name(s);
        if (cap < 0) {
                struct keys_suggestion best = { NULL, 3 };
                const char *bare = strncasecmp(s, "cap_", 4) == 0 ? s + 4 : s;
                for (unsigned i = 0; i < 64 * SB_CAP_WORDS; i++)
                        keys_consider(&best, bare, caps_name(i));
                _cleanup_free_ char *what =
                        xasprintf("unknown capability '%s'", s);
                keys_unknown(c, e, ekey, what, &best);
                return false;
        }
        if (sb_caps_has(set, (unsigned)cap)) {
                diag(c, e, ekey, "'%s' listed twice", s);
                return false;
        }
        sb_caps_add(set, (unsigned)cap);
        return true;
}

static void parse_caps_keep(struct keys_ctx *c, const struct key_def *def,
                            const struct sb_keys_value *v, const char *key)
{
        uint64_t set[SB_CAP_WORDS] = { 0 };
        if (keys_each_string(c, v, key, cap_item, set)) {
                memcpy(c->st->cfg->caps_keep, set, sizeof(set));
                keys_set_origin(c, &c->st->caps_keep, v);
        }
}

/* ---- the schema ---- */


static const struct key_def environment_keys[] = {
        BOOL_KEY("clear", env.clear),
        { "keep", T_LIST, parse_env_keep, KEY_REPLACE, NULL, 0 },
        { "set", T(GROUP), parse_env_set, KEY_ENTRIES, NULL, 0 },
        { NULL },
};

static const struct key_def capabilities_keys[] = {
        { "keep", T_LIST, parse_caps_keep, KEY_REPLACE, NULL, 0 },
        { NULL },
};

static const struct key_def top_keys[] = {
        { "description", T(STRING), parse_description, KEY_REPLACE, NULL, 0 },
        { "include", T_LIST, NULL, KEY_LOADER, NULL, 0 },
        { "namespaces", T_LIST, parse_namespaces, KEY_REPLACE, NULL, 0 },
        { "hostname", T(STRING), parse_hostname, KEY_REPLACE, NULL, 0 },
        { "environment", T(GROUP), NULL, KEY_MEMBERS, environment_keys, 0 },
        { "rlimits", T(GROUP), parse_rlimit, KEY_ENTRIES, NULL, 0 },
        { "process", T(GROUP), NULL, KEY_MEMBERS, keys_process, 0 },
        { "capabilities", T(GROUP), NULL, KEY_MEMBERS, capabilities_keys, 0 },
        { "filesystem", T(GROUP), NULL, KEY_MEMBERS, keys_filesystem, 0 },
        { "devices", T_LIST, keys_parse_devices, KEY_REPLACE, NULL, 0 },
        { "seccomp", T(GROUP), NULL, KEY_MEMBERS, keys_seccomp, 0 },
        { "cgroup", T(GROUP), keys_parse_cgroup, KEY_MEMBERS, keys_cgroup,
          0 },
        { "network", T(GROUP), NULL, KEY_MEMBERS, keys_network, 0 },
        { "desktop", T(GROUP), NULL, KEY_MEMBERS, keys_desktop, 0 },
        BOOL_KEY("joinable", joinable),
        { NULL },
};

/* ---- the walk ---- */

static void apply_members(struct keys_ctx *c, const struct key_def *table,
                          const struct sb_keys_value *group,
                          const char *prefix);

static void apply_key(struct keys_ctx *c, const struct key_def *def,
                      const struct sb_keys_value *v, const char *key)
{
        if (def->merge == KEY_LOADER)
                return;
        if (def->merge == KEY_UNSUPPORTED) {
                diag(c, v, key, "not supported yet");
                return;
        }
        if (!keys_check_type(c, v, key, def->types))
                return;
        switch (def->merge) {
        case KEY_REPLACE:
                keys_trace(c->st, key, c->f->path, v->line);
                def->parse(c, def, v, key);
                break;
        case KEY_MEMBERS:
                if (def->parse)
                        def->parse(c, def, v, key);
                apply_members(c, def->sub, v, key);
                break;
        case KEY_ENTRIES:
                if (!keys_check_count(c, v, key))
                        return;
                for (size_t i = 0; i < v->n_items; i++) {
                        _cleanup_free_ char *k =
                                keys_child_key(key, v->items[i].name);
                        keys_trace(c->st, k, c->f->path, v->items[i].line);
                        def->parse(c, def, &v->items[i], k);
                }
                break;
        default:
                break;
        }
}

static void apply_members(struct keys_ctx *c, const struct key_def *table,
                          const struct sb_keys_value *group,
                          const char *prefix)
{
        for (size_t i = 0; i < group->n_items; i++) {
                const struct sb_keys_value *v = &group->items[i];
                _cleanup_free_ char *key = keys_child_key(prefix, v->name);
                const struct key_def *def = table;
                while (def->name && strcmp(def->name, v->name) != 0)
                        def++;
                if (def->name) {
                        apply_key(c, def, v, key);
                        continue;
                }
                /* Suggestions only on a miss: computing edit distances for
                 * every key that is found took ~5% of a launch's user-space
                 * instructions (callgrind, issue 10). */
                struct keys_suggestion best = { NULL, 3 };
                for (def = table; def->name; def++)
                        keys_consider(&best, v->name, def->name);
                keys_unknown(c, v, key, "unknown key", &best);
        }
}

/* ---- entry points ---- */

void keys_init(struct sb_keys_state *st, const struct sb_profile_env *env,
               struct sb_config *cfg, struct sb_diags *diags)
{
        *st = (struct sb_keys_state){ .env = env, .cfg = cfg, .diags = diags };
}

void keys_done(struct sb_keys_state *st)
{
        free(st->hostname.path);
        free(st->user.path);
        free(st->host_user.path);
        free(st->cgroup_swap.path);
        free(st->namespaces.path);
        free(st->caps_keep.path);
        st->hostname.path = st->user.path = st->host_user.path = NULL;
        st->cgroup_swap.path = st->namespaces.path = st->caps_keep.path = NULL;
}

size_t keys_includes(struct sb_keys_state *st, const struct sb_keys_file *f,
                     const struct sb_keys_value *root,
                     struct sb_keys_include **ret)
{
        struct keys_ctx c = { st, f };
        *ret = NULL;
        const struct sb_keys_value *v = NULL;
        for (size_t i = 0; i < root->n_items && !v; i++)
                if (strcmp(root->items[i].name, "include") == 0)
                        v = &root->items[i];
        if (!v || !keys_check_type(&c, v, "include", T_LIST) ||
            !keys_check_count(&c, v, "include"))
                return 0;

        /* Good entries are kept even if a sibling is bad: loading them
         * finds more problems to report in the same run. */
        struct sb_keys_include *inc = xcalloc(v->n_items, sizeof(*inc));
        size_t n = 0;
        for (size_t i = 0; i < v->n_items; i++) {
                const struct sb_keys_value *e = &v->items[i];
                _cleanup_free_ char *ekey = keys_elem_key("include", i);
                char *s = keys_get_string(&c, e, ekey);
                if (s && *s == '\0') {
                        diag(&c, e, ekey, "empty name");
                        free(s);
                } else if (s) {
                        inc[n++] = (struct sb_keys_include){ s, e->line };
                }
        }
        *ret = inc;
        return n;
}

void keys_includes_free(struct sb_keys_include *inc, size_t n)
{
        for (size_t i = 0; i < n; i++)
                free(inc[i].name);
        free(inc);
}

void keys_apply(struct sb_keys_state *st, const struct sb_keys_file *f,
                const struct sb_keys_value *root)
{
        struct keys_ctx c = { st, f };
        apply_members(&c, top_keys, root, NULL);
}

void keys_finish(struct sb_keys_state *st)
{
        struct sb_config *cfg = st->cfg;
        struct sb_identity *id = &cfg->process.id;

        if (st->group_set) {
                if (!id->user_set) {
                        id->uid = st->env->uid;
                        id->user_set = true;
                }
                id->gid = st->group_gid;
        }
        if (st->hostname.path && !(cfg->namespaces & SB_NS_UTS))
                keys_diag(st, st->hostname.path, st->hostname.line,
                          "hostname", "needs the uts namespace");
        /* Without a user namespace there is no mapping: the program's uid
         * is its host uid, so host root must be asked for by name. */
        if (!(cfg->namespaces & SB_NS_USER) && st->user.path) {
                if (id->host_user_set && id->host_uid != id->uid)
                        keys_diag(st, st->user.path, st->user.line,
                                  "process.user",
                                  "without the user namespace it must be "
                                  "the same user as process.host_user");
                else if (!id->host_user_set && id->uid == 0)
                        keys_diag(st, st->user.path, st->user.line,
                                  "process.user",
                                  "without the user namespace this is the "
                                  "host's root; write process.host_user = "
                                  "\"root\" to mean that");
        }
        keys_finish_fs(st);
        keys_finish_cgroup(st);
        keys_net_finish(st);
        keys_finish_desktop(st);
}
