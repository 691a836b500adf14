/* The seccomp group of keys: on or off, the deny-list or allow-list mode,
 * what a refused call gets (an errno, kill, trap, log), the other ABIs,
 * and the deny and allow lists of system calls and @groups. Names are
 * checked here, against libseccomp's tables and the groups, so that a
 * typo is a file:line error rather than a hole in the filter. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "log.h"
#include "profile-keys-internal.h"
#include "seccomp-groups.h"
#include "seccomp-filter.h"
#include "util.h"

/* The largest errno the kernel passes back from a filter. */
#define MAX_ERRNO 4095
/* Native numbers scanned for "did you mean" suggestions. */
#define MAX_CALL_NUMBER 1024

static const char *const action_names[SB_SECCOMP_ACTION_MAX] = {
        [SB_SECCOMP_ERRNO] = "errno",
        [SB_SECCOMP_KILL] = "kill",
        [SB_SECCOMP_TRAP] = "trap",
        [SB_SECCOMP_LOG] = "log",
};

/* A word from a short list, or a diagnostic with a suggestion; -1. */
static int pick_word(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, const char *const *words, size_t n)
{
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return -1;
        struct keys_suggestion best = { NULL, 3 };
        for (size_t i = 0; i < n; i++) {
                if (strcmp(s, words[i]) == 0)
                        return (int)i;
                keys_consider(&best, s, words[i]);
        }
        _cleanup_free_ char *list = xstrdup("");
        for (size_t i = 0; i < n; i++) {
                char *next = xasprintf("%s%s\"%s\"", list,
                                       i == 0 ? "" : i + 1 == n ? " or " : ", ",
                                       words[i]);
                free(list);
                list = next;
        }
        _cleanup_free_ char *what =
                xasprintf("'%s' is not %s", s, list);
        keys_unknown(c, v, key, what, &best);
        return -1;
}

static void parse_default(struct keys_ctx *c, const struct key_def *def,
                          const struct sb_keys_value *v, const char *key)
{
        static const char *const words[] = { "allow", "deny" };
        int i = pick_word(c, v, key, words, ARRAY_SIZE(words));
        if (i >= 0)
                c->st->cfg->seccomp.allow_list = i == 1;
}

static void parse_action(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        int i = pick_word(c, v, key, action_names, SB_SECCOMP_ACTION_MAX);
        if (i >= 0)
                c->st->cfg->seccomp.action = (enum sb_seccomp_action)i;
}

/* "EPERM" (glibc's name, exactly) or a number from 1 to 4095. */
static void parse_errno(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key)
{
        if (v->type == SB_KEYS_INT) {
                if (v->i < 1 || v->i > MAX_ERRNO) {
                        diag(c, v, key, "%lld is not an errno from 1 to %d",
                             (long long)v->i, MAX_ERRNO);
                        return;
                }
                c->st->cfg->seccomp.errno_value = (int)v->i;
                return;
        }
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        struct keys_suggestion best = { NULL, 3 };
        for (int e = 1; e <= MAX_ERRNO; e++) {
                const char *name = strerrorname_np(e);
                if (!name)
                        continue;
                if (strcmp(s, name) == 0) {
                        c->st->cfg->seccomp.errno_value = e;
                        return;
                }
                keys_consider(&best, s, name);
        }
        _cleanup_free_ char *what = xasprintf("unknown errno name '%s'", s);
        keys_unknown(c, v, key, what, &best);
}

/* ---- deny and allow ---- */

struct list_state {
        char **names;           /* as written, checked */
};

static bool is_call_name(const char *s)
{
        size_t n = strlen(s);
        /* Upper case passes here to get a "did you mean" below. */
        return n > 0 &&
               strspn(s, "abcdefghijklmnopqrstuvwxyz"
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == n;
}

/* best may point into the returned vector: free it after use. */
static char **suggest_call(struct keys_suggestion *best, const char *s)
{
        char **names = xcalloc(1, sizeof(char *));
        for (int nr = 0; nr < MAX_CALL_NUMBER; nr++) {
                char *name = seccomp_syscall_name(nr);
                if (name)
                        strv_push(&names, name);
        }
        for (size_t i = 0; names[i]; i++)
                keys_consider(best, s, names[i]);
        for (const struct seccomp_group *g = seccomp_groups; g->name; g++)
                for (const struct seccomp_member *m = g->members; m->name; m++)
                        if (m->name[0] != '@')
                                keys_consider(best, s, m->name);
        return names;
}

/* One entry: "name", "@group", or either with a leading '?' (may be
 * unknown here: skipped with a warning, for profiles shared across
 * kernels and libseccomp versions). */
static bool list_item(struct keys_ctx *c, const struct sb_keys_value *e,
                      const char *ekey, const char *s, void *data)
{
        struct list_state *st = data;
        bool optional = s[0] == '?';
        const char *name = optional ? s + 1 : s;
        bool group = name[0] == '@';
        bool known;

        if (strv_contains(st->names, s)) {
                diag(c, e, ekey, "'%s' listed twice", s);
                return false;
        }
        if (group) {
                known = seccomp_group_find(name) != NULL;
        } else if (!is_call_name(name)) {
                diag(c, e, ekey, "'%s' is not a system call name or a "
                     "@group", s);
                return false;
        } else {
                known = seccomp_syscall_known(name);
        }
        if (!known && optional) {
                log_warn("%s:%u: %s: unknown %s '%s', skipped", c->f->path,
                         e->line, ekey, group ? "group" : "system call", name);
        } else if (!known) {
                struct keys_suggestion best = { NULL, 3 };
                char **names = NULL;
                if (group)
                        for (const struct seccomp_group *g = seccomp_groups;
                             g->name; g++)
                                keys_consider(&best, name, g->name);
                else
                        names = suggest_call(&best, name);
                _cleanup_free_ char *what = xasprintf(
                        "unknown %s '%s'", group ? "group" : "system call",
                        name);
                keys_unknown(c, e, ekey, what, &best);
                strv_free(names);
                return false;
        }
        strv_push(&st->names, xstrdup(s));
        return true;
}

/* deny or allow: the whole list replaces an earlier one, like every
 * array. */
static void parse_list(struct keys_ctx *c, const struct sb_keys_value *v,
                       const char *key, char ***field)
{
        struct list_state st = { .names = xcalloc(1, sizeof(char *)) };
        if (!keys_each_string(c, v, key, list_item, &st)) {
                strv_free(st.names);
                return;
        }
        strv_free(*field);
        *field = st.names;
}

static void parse_deny(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        parse_list(c, v, key, &c->st->cfg->seccomp.deny);
}

static void parse_allow(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key)
{
        parse_list(c, v, key, &c->st->cfg->seccomp.allow);
}

const struct key_def keys_seccomp[] = {
        BOOL_KEY("enabled", seccomp.enabled),
        { "default", T(STRING), parse_default, KEY_REPLACE, NULL, 0 },
        { "action", T(STRING), parse_action, KEY_REPLACE, NULL, 0 },
        { "errno", T(STRING) | T(INT), parse_errno, KEY_REPLACE, NULL, 0 },
        BOOL_KEY("foreign_abis", seccomp.foreign_abis),
        { "deny", T_LIST, parse_deny, KEY_REPLACE, NULL, 0 },
        { "allow", T_LIST, parse_allow, KEY_REPLACE, NULL, 0 },
        { NULL },
};
