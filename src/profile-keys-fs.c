/* The filesystem and devices keys: filesystem.root, the ordered mount list
 * (one group per entry, keys checked against the entry's type),
 * filesystem.home (a private home and what of the real one shows),
 * filesystem.unmask, and the devices list. Paths are checked here, once,
 * so that the engine only ever sees absolute, normalised targets without
 * "..".
 *
 * Merging across files: filesystem.mounts, filesystem.home.writable and
 * filesystem.home.readonly add to what earlier files (includes) set, in
 * load order, since an included fragment's mounts are meant to stay;
 * everything else is replaced by the later file. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "path.h"
#include "profile-keys-internal.h"
#include "util.h"

static char *origin_of(struct keys_ctx *c, const struct sb_keys_value *v)
{
        return xasprintf("%s:%u", c->f->path, v->line);
}

/* Any filesystem or devices key: remembered for the cross-key checks. */
static void touched(struct keys_ctx *c, const struct sb_keys_value *v,
                    const char *what)
{
        struct sb_fs_config *fs = &c->st->cfg->fs;
        keys_replace_string(&fs->set_origin, origin_of(c, v));
        fs->set_key = what;
}

/* An absolute path, normalised; NULL after a diagnostic. */
static char *absolute(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key, bool allow_root)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return NULL;
        char *out;
        const char *why;
        if (path_normalize_absolute(s, allow_root, &out, &why) < 0) {
                diag(c, v, key, "'%s' %s", s, why);
                return NULL;
        }
        return out;
}

/* ---- filesystem.root ---- */

static void parse_root(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        struct sb_fs_config *fs = &c->st->cfg->fs;
        touched(c, v, "filesystem");
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        char *dir = NULL;
        enum sb_fs_root root;
        if (strcmp(s, "host") == 0) {
                root = SB_FS_ROOT_HOST;
        } else if (strcmp(s, "empty") == 0) {
                root = SB_FS_ROOT_EMPTY;
        } else if (s[0] == '/') {
                const char *why;
                if (path_normalize_absolute(s, false, &dir, &why) < 0) {
                        diag(c, v, key, "'%s' %s%s", s, why,
                             strcmp(s, "/") == 0 ? " (write \"host\")" : "");
                        return;
                }
                root = SB_FS_ROOT_DIR;
        } else {
                diag(c, v, key, "'%s': expected \"host\", \"empty\" or an "
                     "absolute path", s);
                return;
        }
        fs->root = root;
        keys_replace_string(&fs->root_dir, dir);
        keys_replace_string(&fs->root_origin, origin_of(c, v));
}

/* ---- filesystem.mounts ---- */

#define B(t) (1u << SB_MOUNT_##t)
#define ALL_TYPES ((1u << SB_MOUNT_READONLY) - 1)

struct mount_key;
typedef bool (*mount_key_fn)(struct keys_ctx *c, const struct sb_keys_value *v,
                             const char *key, struct sb_mount *m);

struct mount_key {
        const char *name;
        unsigned types;         /* T(...) bits of the value */
        unsigned applies;       /* B(...) bits of the mount types */
        mount_key_fn parse;
};

static bool m_source(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, struct sb_mount *m)
{
        if (m->type != SB_MOUNT_SYMLINK) {
                m->source = absolute(c, v, key, true);
                return m->source != NULL;
        }
        /* A symlink's text is read inside the sandbox; any text is fine,
         * as it can only point into the sandbox's own view. */
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return false;
        if (*s == '\0' || strlen(s) >= PATH_MAX) {
                diag(c, v, key, "must be 1 to %d characters", PATH_MAX - 1);
                return false;
        }
        m->source = TAKE_PTR(s);
        return true;
}

static bool m_target(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, struct sb_mount *m)
{
        m->target = absolute(c, v, key, false);
        return m->target != NULL;
}

static bool m_upper(struct keys_ctx *c, const struct sb_keys_value *v,
                    const char *key, struct sb_mount *m)
{
        m->upper = absolute(c, v, key, false);
        return m->upper != NULL;
}

static bool m_content(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key, struct sb_mount *m)
{
        m->content = keys_get_string(c, v, key);
        return m->content != NULL;
}

static bool m_readonly(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, struct sb_mount *m)
{
        m->readonly = v->b;
        return true;
}

static bool m_optional(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, struct sb_mount *m)
{
        m->optional = v->b;
        return true;
}

static bool m_recursive(struct keys_ctx *c, const struct sb_keys_value *v,
                        const char *key, struct sb_mount *m)
{
        m->recursive = v->b;
        return true;
}

static bool m_size(struct keys_ctx *c, const struct sb_keys_value *v,
                   const char *key, struct sb_mount *m)
{
        uint64_t n;
        if (v->type == SB_KEYS_INT) {
                if (v->i < 0) {
                        diag(c, v, key, "must not be negative");
                        return false;
                }
                n = (uint64_t)v->i;
        } else {
                _cleanup_free_ char *s = keys_get_string(c, v, key);
                if (!s)
                        return false;
                int r = parse_size(s, &n);
                if (r < 0) {
                        diag(c, v, key, r == -ERANGE
                                                ? "'%s' is out of range"
                                                : "'%s' is not a size like "
                                                  "\"256M\"",
                             s);
                        return false;
                }
        }
        /* For the kernel 0 means "no limit", which is not what a size in
         * a profile asks for. */
        if (n == 0) {
                diag(c, v, key, "must not be 0");
                return false;
        }
        m->size = n;
        return true;
}

static bool m_mode(struct keys_ctx *c, const struct sb_keys_value *v,
                   const char *key, struct sb_mount *m)
{
        /* As with umask: an integer 0755 reads differently to different
         * people; a string does not. */
        if (v->type == SB_KEYS_INT) {
                diag(c, v, key, "write the mode as an octal string like "
                     "\"0755\"");
                return false;
        }
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return false;
        size_t n = strlen(s);
        if (n == 0 || n > 4 || strspn(s, "01234567") != n) {
                diag(c, v, key, "'%s' is not 1 to 4 octal digits", s);
                return false;
        }
        m->mode = (mode_t)strtoul(s, NULL, 8);
        m->mode_set = true;
        return true;
}

static const struct mount_key mount_keys[] = {
        { "type", T(STRING), ALL_TYPES, NULL },
        { "source", T(STRING), B(BIND) | B(OVERLAY) | B(SYMLINK), m_source },
        { "target", T(STRING), ALL_TYPES, m_target },
        { "readonly", T(BOOL), B(BIND) | B(FILE), m_readonly },
        { "optional", T(BOOL), ALL_TYPES, m_optional },
        { "recursive", T(BOOL), B(BIND), m_recursive },
        { "size", T(INT) | T(STRING), B(TMPFS) | B(OVERLAY), m_size },
        { "mode", T_ANY, B(TMPFS) | B(FILE) | B(DIR), m_mode },
        { "content", T(STRING), B(FILE), m_content },
        { "upper", T(STRING), B(OVERLAY), m_upper },
};

static const char *const default_targets[SB_MOUNT_TYPE_MAX] = {
        [SB_MOUNT_PROC] = "/proc",
        [SB_MOUNT_SYSFS] = "/sys",
        [SB_MOUNT_MQUEUE] = "/dev/mqueue",
        [SB_MOUNT_DEV] = "/dev",
};

/* The entry's type from its `type` member; false after a diagnostic. */
static bool entry_type(struct keys_ctx *c, const struct sb_keys_value *e,
                       const char *ekey, enum sb_mount_type *ret,
                       unsigned *ret_line)
{
        const struct sb_keys_value *tv = NULL;
        for (size_t i = 0; i < e->n_items && !tv; i++)
                if (strcmp(e->items[i].name, "type") == 0)
                        tv = &e->items[i];
        if (!tv) {
                diag(c, e, ekey, "needs a type (bind, tmpfs, proc, sysfs, "
                     "mqueue, dev, overlay, symlink, file, dir or mask)");
                return false;
        }
        _cleanup_free_ char *tkey = keys_child_key(ekey, "type");
        _cleanup_free_ char *s = keys_get_string(c, tv, tkey);
        if (!s)
                return false;
        *ret = sb_mount_type_from_name(s);
        *ret_line = tv->line;
        if (*ret != SB_MOUNT_TYPE_INVALID)
                return true;
        struct keys_suggestion best = { NULL, 3 };
        for (int t = 0; t < SB_MOUNT_TYPE_MAX; t++)
                keys_consider(&best, s, sb_mount_type_name(t));
        _cleanup_free_ char *what = xasprintf("unknown mount type '%s'", s);
        keys_unknown(c, tv, tkey, what, &best);
        return false;
}

static bool entry_member(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *ekey, struct sb_mount *m)
{
        _cleanup_free_ char *key = keys_child_key(ekey, v->name);
        const struct mount_key *k = NULL;
        struct keys_suggestion best = { NULL, 3 };
        for (size_t i = 0; i < ARRAY_SIZE(mount_keys) && !k; i++) {
                if (strcmp(mount_keys[i].name, v->name) == 0)
                        k = &mount_keys[i];
                else
                        keys_consider(&best, v->name, mount_keys[i].name);
        }
        if (!k) {
                keys_unknown(c, v, key, "unknown key", &best);
                return false;
        }
        if (!k->parse)          /* `type`, read first */
                return true;
        if (!(k->applies & (1u << m->type))) {
                diag(c, v, key, "does not apply to a %s mount",
                     sb_mount_type_name(m->type));
                return false;
        }
        return keys_check_type(c, v, key, k->types) && k->parse(c, v, key, m);
}

/* Fill m from one group of filesystem.mounts; false after diagnostics. */
static bool parse_entry(struct keys_ctx *c, const struct sb_keys_value *e,
                        const char *ekey, struct sb_mount *m)
{
        if (!keys_check_type(c, e, ekey, T(GROUP)))
                return false;
        unsigned line;
        if (!entry_type(c, e, ekey, &m->type, &line))
                return false;
        /* Read-only unless the profile says otherwise; a bind takes the
         * mounts below its source along. */
        m->readonly = true;
        m->recursive = true;
        bool ok = true;
        for (size_t i = 0; i < e->n_items; i++)
                if (!entry_member(c, &e->items[i], ekey, m))
                        ok = false;
        if (!ok)
                return false;
        bool needs_source = m->type == SB_MOUNT_BIND ||
                            m->type == SB_MOUNT_OVERLAY ||
                            m->type == SB_MOUNT_SYMLINK;
        if (needs_source && !m->source) {
                diag(c, e, ekey, "a %s mount needs a source",
                     sb_mount_type_name(m->type));
                return false;
        }
        if (!m->target) {
                const char *t = default_targets[m->type];
                if (!t && m->type != SB_MOUNT_SYMLINK && m->source)
                        t = m->source;
                if (!t || strcmp(t, "/") == 0) {
                        diag(c, e, ekey, "a %s mount needs a target",
                             sb_mount_type_name(m->type));
                        return false;
                }
                m->target = xstrdup(t);
        }
        m->origin = xasprintf("%s:%u", c->f->path, line);
        return true;
}

static void parse_mounts(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        struct sb_fs_config *fs = &c->st->cfg->fs;
        touched(c, v, "filesystem");
        if (!keys_check_count(c, v, key))
                return;
        if (fs->n_mounts + v->n_items > MAX_ITEMS) {
                diag(c, v, key, "more than %d mount entries in all",
                     MAX_ITEMS);
                return;
        }
        for (size_t i = 0; i < v->n_items; i++) {
                _cleanup_free_ char *ekey = keys_elem_key(key, i);
                struct sb_mount m = { 0 };
                if (!parse_entry(c, &v->items[i], ekey, &m)) {
                        sb_mount_free(&m);
                        continue;
                }
                fs->mounts = xrealloc(fs->mounts,
                                      (fs->n_mounts + 1) * sizeof(m));
                fs->mounts[fs->n_mounts++] = m;
        }
}

/* ---- filesystem.home ---- */

/* The home the conveniences refer to, once: ${HOME} of the loader. */
static bool home_touched(struct keys_ctx *c, const struct sb_keys_value *v,
                         const char *key)
{
        struct sb_fs_home *h = &c->st->cfg->fs.home;
        touched(c, v, "filesystem");
        keys_replace_string(&h->origin, origin_of(c, v));
        if (h->dir)
                return true;
        const char *home = c->st->env->home;
        const char *why = "is not set";
        if (!home || path_normalize_absolute(home, true, &h->dir, &why) < 0) {
                diag(c, v, key, "the home directory '%s' %s",
                     home ? home : "", why);
                return false;
        }
        return true;
}

static void parse_home_private(struct keys_ctx *c, const struct key_def *def,
                               const struct sb_keys_value *v, const char *key)
{
        if (home_touched(c, v, key))
                c->st->cfg->fs.home.private_home = v->b;
}

static bool home_item(struct keys_ctx *c, const struct sb_keys_value *e,
                      const char *ekey, const char *s, void *data)
{
        char *rel;
        const char *why;
        if (path_normalize_relative(s, &rel, &why) < 0) {
                diag(c, e, ekey, "'%s' %s", s, why);
                return false;
        }
        strv_push(data, rel);
        return true;
}

/* Entries add to those of earlier files. */
static void home_list(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key, char ***list)
{
        if (!home_touched(c, v, key))
                return;
        char **add = xcalloc(1, sizeof(char *));
        if (!keys_each_string(c, v, key, home_item, &add)) {
                strv_free(add);
                return;
        }
        if (strv_length(*list) + strv_length(add) > MAX_ITEMS)
                diag(c, v, key, "more than %d entries in all", MAX_ITEMS);
        else
                for (size_t i = 0; add[i]; i++)
                        strv_push(list, TAKE_PTR(add[i]));
        strv_free(add);
}

static void parse_home_writable(struct keys_ctx *c, const struct key_def *def,
                                const struct sb_keys_value *v,
                                const char *key)
{
        home_list(c, v, key, &c->st->cfg->fs.home.writable);
}

static void parse_home_readonly(struct keys_ctx *c, const struct key_def *def,
                                const struct sb_keys_value *v,
                                const char *key)
{
        home_list(c, v, key, &c->st->cfg->fs.home.readonly);
}

/* ---- filesystem.unmask ---- */

static bool unmask_item(struct keys_ctx *c, const struct sb_keys_value *e,
                        const char *ekey, const char *s, void *data)
{
        unsigned *bits = data;
        int i = sb_kmask_from_name(s);
        if (i >= 0) {
                if (*bits & (1u << i)) {
                        diag(c, e, ekey, "'%s' listed twice", s);
                        return false;
                }
                *bits |= 1u << i;
                return true;
        }
        size_t n;
        const struct sb_kmask *t = sb_kmask_table(&n);
        struct keys_suggestion best = { NULL, 3 };
        char *names[32];
        for (size_t k = 0; k < n; k++) {
                names[k] = xasprintf("/%s/%s",
                                     t[k].fs == SB_KMASK_PROC ? "proc" : "sys",
                                     t[k].path);
                keys_consider(&best, s, names[k]);
        }
        _cleanup_free_ char *what =
                xasprintf("'%s' is not one of the default kernel masks", s);
        keys_unknown(c, e, ekey, what, &best);
        for (size_t k = 0; k < n; k++)
                free(names[k]);
        return false;
}

static void parse_unmask(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        touched(c, v, "filesystem");
        unsigned bits = 0;
        if (keys_each_string(c, v, key, unmask_item, &bits))
                c->st->cfg->fs.unmask = bits;
}

/* ---- devices ---- */

static bool device_item(struct keys_ctx *c, const struct sb_keys_value *e,
                        const char *ekey, const char *s, void *data)
{
        unsigned *bits = data;
        enum sb_device d = sb_device_from_name(s);
        if (d != SB_DEV_INVALID) {
                if (*bits & (1u << d)) {
                        diag(c, e, ekey, "'%s' listed twice", s);
                        return false;
                }
                *bits |= 1u << d;
                return true;
        }
        struct keys_suggestion best = { NULL, 3 };
        for (int i = 0; i < SB_DEV_MAX; i++)
                keys_consider(&best, s, sb_device_info(i)->name);
        _cleanup_free_ char *what = xasprintf("unknown device '%s'", s);
        keys_unknown(c, e, ekey, what, &best);
        return false;
}

void keys_parse_devices(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key)
{
        touched(c, v, "devices");
        unsigned bits = 0;
        if (keys_each_string(c, v, key, device_item, &bits))
                c->st->cfg->fs.devices = bits;
}

/* ---- the schema and the cross-key checks ---- */

static const struct key_def home_keys[] = {
        { "private", T(BOOL), parse_home_private, KEY_REPLACE, NULL, 0 },
        { "writable", T_LIST, parse_home_writable, KEY_REPLACE, NULL, 0 },
        { "readonly", T_LIST, parse_home_readonly, KEY_REPLACE, NULL, 0 },
        { NULL },
};

const struct key_def keys_filesystem[] = {
        { "root", T(STRING), parse_root, KEY_REPLACE, NULL, 0 },
        { "mounts", T_LIST, parse_mounts, KEY_REPLACE, NULL, 0 },
        { "home", T(GROUP), NULL, KEY_MEMBERS, home_keys, 0 },
        { "unmask", T_LIST, parse_unmask, KEY_REPLACE, NULL, 0 },
        { NULL },
};

void keys_finish_fs(struct sb_keys_state *st)
{
        const struct sb_config *cfg = st->cfg;
        const struct sb_fs_config *fs = &cfg->fs;
        if (fs->set_origin && !(cfg->namespaces & SB_NS_MOUNT))
                sb_diags_add(st->diags, "%s: %s: needs the mount namespace",
                             fs->set_origin, fs->set_key);
        for (size_t i = 0; i < fs->n_mounts; i++)
                if (fs->mounts[i].type == SB_MOUNT_MQUEUE &&
                    !(cfg->namespaces & SB_NS_IPC))
                        sb_diags_add(st->diags,
                                     "%s: filesystem.mounts: an mqueue mount "
                                     "needs the ipc namespace",
                                     fs->mounts[i].origin);
        if (fs->home.private_home && fs->home.dir &&
            strcmp(fs->home.dir, "/") == 0)
                sb_diags_add(st->diags,
                             "%s: filesystem.home.private: the home "
                             "directory is '/'",
                             fs->home.origin);
}
