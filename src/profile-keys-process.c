/* The process group of keys: who the program runs as (inside, and on the
 * host when root starts it), its working directory and umask, and the
 * session and parent-death switches. Users and groups are resolved in the
 * host's password and group databases, strictly. */
#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "profile-keys-internal.h"
#include "util.h"

/* ---- process ---- */

/* A user or a group, as found in passwd or group. */
struct id_entry {
        bool found;
        uint32_t id;            /* the uid, or the gid of a group */
        gid_t gid;              /* a user's primary group */
};

/* getpwnam_r, getpwuid_r (users by number: name NULL) or getgrnam_r.
 * Without an entry, id and gid are `number`. Returns 0 or an errno. */
static int lookup_id(bool group, const char *name, uint32_t number,
                     struct id_entry *ret)
{
        /* The caller supplies the buffer; grow it until the entry fits. */
        for (size_t size = 1024; size <= 1024 * 1024; size *= 2) {
                _cleanup_free_ char *buf = xmalloc(size);
                struct passwd pw, *p = NULL;
                struct group gr, *g = NULL;
                int r = group  ? getgrnam_r(name, &gr, buf, size, &g)
                        : name ? getpwnam_r(name, &pw, buf, size, &p)
                               : getpwuid_r(number, &pw, buf, size, &p);
                if (r == ERANGE)
                        continue;
                /* "Not found" is 0 without an entry, or one of these. */
                if (r != 0 && r != ENOENT && r != ESRCH && r != EBADF &&
                    r != EPERM)
                        return r;
                ret->found = p || g;
                ret->id = p ? p->pw_uid : g ? g->gr_gid : number;
                ret->gid = p ? p->pw_gid : number;
                return 0;
        }
        return ERANGE;
}

/* A user or group written as an integer or a string: a name comes back in
 * *ret_name (allocated), a number in *ret_number. False after a
 * diagnostic. */
static bool parse_id(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, char **ret_name, uint32_t *ret_number)
{
        if (!keys_check_type(c, v, key, T(INT) | T(STRING)))
                return false;
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
                /* A leading digit or sign means a number, strictly: "1a",
                 * "+1" and "-1" are mistakes, not names. */
                if (s[0] == '\0' || !strchr("0123456789+-", s[0])) {
                        *ret_name = TAKE_PTR(s);
                        return true;
                }
                int r = parse_u64(s, &n);
                if (r == -EINVAL) {
                        diag(c, v, key, "'%s' is neither a name nor a number",
                             s);
                        return false;
                }
                if (r < 0)
                        n = UINT64_MAX;
        }
        /* (uid_t)-1 means "no change" to the kernel, never a real id. */
        if (n >= UINT32_MAX) {
                diag(c, v, key, "%llu is out of range", (unsigned long long)n);
                return false;
        }
        *ret_number = (uint32_t)n;
        return true;
}

/* process.user, process.host_user (group false) or process.group. A
 * user's gid is its passwd entry's group, or the same number when a
 * number has no entry; a name must exist. */
static bool resolve_id(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, bool group, struct id_entry *ret)
{
        _cleanup_free_ char *name = NULL;
        uint32_t n = 0;
        if (!parse_id(c, v, key, &name, &n))
                return false;
        int r = 0;
        if (group && !name)     /* a gid as a number needs no lookup */
                *ret = (struct id_entry){ .found = true, .id = n, .gid = n };
        else
                r = lookup_id(group, name, n, ret);
        const char *what = group ? "group" : "user";
        /* != 0, not > 0: *ret is unset after any failure, whatever its
         * sign (found by clang-analyzer, issue 10). */
        if (r != 0) {
                diag(c, v, key, "cannot look up the %s: %s", what, strerror(r));
                return false;
        }
        if (name && !ret->found) {
                diag(c, v, key, "unknown %s '%s'", what, name);
                return false;
        }
        return true;
}

static void parse_user(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        struct sb_identity *id = &c->st->cfg->process.id;
        struct id_entry e;
        if (!resolve_id(c, v, key, false, &e))
                return;
        id->user_set = true;
        id->uid = e.id;
        id->gid = e.gid;
        keys_set_origin(c, &c->st->user, v);
}

static void parse_host_user(struct keys_ctx *c, const struct key_def *def,
                            const struct sb_keys_value *v, const char *key)
{
        struct sb_identity *id = &c->st->cfg->process.id;
        struct id_entry e;
        if (!resolve_id(c, v, key, false, &e))
                return;
        id->host_user_set = true;
        id->host_uid = e.id;
        id->host_gid = e.gid;
        keys_set_origin(c, &c->st->host_user, v);
}

/* Applied in keys_finish, so that it wins over process.user's group
 * whatever the order of the two. */
static void parse_group(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key)
{
        struct id_entry e;
        if (!resolve_id(c, v, key, true, &e))
                return;
        c->st->group_set = true;
        c->st->group_gid = e.id;
}

static void parse_cwd(struct keys_ctx *c, const struct key_def *def,
                      const struct sb_keys_value *v, const char *key)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        if (s[0] != '/') {
                diag(c, v, key, "'%s' is not an absolute path", s);
                return;
        }
        for (const char *p = s; (p = strstr(p, "..")); p += 2) {
                bool starts = p[-1] == '/';
                bool ends = p[2] == '/' || p[2] == '\0';
                if (starts && ends) {
                        diag(c, v, key, "'%s' must not contain '..'", s);
                        return;
                }
        }
        keys_replace_string(&c->st->cfg->process.cwd, TAKE_PTR(s));
}

static void parse_umask(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key)
{
        /* An integer 022 would be read as decimal 22 by many people and as
         * octal by others; a string leaves no doubt. */
        if (v->type == SB_KEYS_INT) {
                diag(c, v, key, "write umask as an octal string like \"022\"");
                return;
        }
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        size_t n = strlen(s);
        if (n == 0 || n > 4 || strspn(s, "01234567") != n) {
                diag(c, v, key, "'%s' is not 1 to 4 octal digits", s);
                return;
        }
        unsigned long mask = strtoul(s, NULL, 8);
        if (mask > 0777) {
                diag(c, v, key, "'%s' is above 0777", s);
                return;
        }
        c->st->cfg->process.umask = (mode_t)mask;
}

const struct key_def keys_process[] = {
        { "user", T(INT) | T(STRING), parse_user, KEY_REPLACE, NULL, 0 },
        { "group", T(INT) | T(STRING), parse_group, KEY_REPLACE, NULL, 0 },
        { "host_user", T(INT) | T(STRING), parse_host_user, KEY_REPLACE,
          NULL, 0 },
        { "cwd", T(STRING), parse_cwd, KEY_REPLACE, NULL, 0 },
        { "umask", T_ANY, parse_umask, KEY_REPLACE, NULL, 0 },
        BOOL_KEY("new_session", process.new_session),
        BOOL_KEY("die_with_parent", process.die_with_parent),
        { NULL },
};
