/* ${VAR} expansion. There is deliberately no escape syntax: a '$' that is
 * not followed by '{' is literal, which covers every realistic use ("$PATH"
 * in a shell snippet, "a$b") without a second quoting layer. */
#include "vars.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cleanup.h"
#include "util.h"

struct lookup {
        const struct sb_profile_env *env;
        const char *profile_dir;
        char num[24];           /* room for a formatted uid or gid */
};

/* Each getter returns the value, or NULL when it is unknown here. */
typedef const char *(*var_get_fn)(struct lookup *l);

static const char *get_home(struct lookup *l) { return l->env->home; }
static const char *get_user(struct lookup *l) { return l->env->user; }
static const char *get_xdg(struct lookup *l) { return l->env->xdg_runtime_dir; }
static const char *get_dir(struct lookup *l) { return l->profile_dir; }
static const char *get_app(struct lookup *l) { return l->env->app; }
static const char *get_cwd(struct lookup *l) { return l->env->cwd; }

static const char *get_uid(struct lookup *l)
{
        snprintf(l->num, sizeof(l->num), "%u", (unsigned)l->env->uid);
        return l->num;
}

static const char *get_gid(struct lookup *l)
{
        snprintf(l->num, sizeof(l->num), "%u", (unsigned)l->env->gid);
        return l->num;
}

static const struct {
        const char *name;
        var_get_fn get;
} vars[] = {
        { "HOME", get_home },
        { "USER", get_user },
        { "UID", get_uid },
        { "GID", get_gid },
        { "XDG_RUNTIME_DIR", get_xdg },
        { "PROFILE_DIR", get_dir },
        { "APP", get_app },
        { "CWD", get_cwd },
};

/* The closest known name, for "did you mean": at most 2 edits ignoring
 * case, and fewer than the name's own length, so "${X}" suggests nothing. */
static const char *suggest(const char *name)
{
        const char *best = NULL;
        size_t best_d = 3;
        for (size_t i = 0; i < ARRAY_SIZE(vars); i++) {
                size_t d = edit_distance_nocase(name, vars[i].name, 3);
                if (d < best_d && (d == 0 || d < strlen(name))) {
                        best = vars[i].name;
                        best_d = d;
                }
        }
        return best;
}

static char *unknown_message(const char *name)
{
        const char *s = suggest(name);
        if (s)
                return xasprintf("unknown variable '${%s}' (did you mean "
                                 "'${%s}'?)",
                                 name, s);
        return xasprintf("unknown variable '${%s}'", name);
}

/* Look up one name; returns 0 and its value, or -EINVAL and a message. */
static int lookup_var(struct lookup *l, const char *name, const char **ret,
                      char **ret_error)
{
        for (size_t i = 0; i < ARRAY_SIZE(vars); i++) {
                if (strcmp(name, vars[i].name) != 0)
                        continue;
                const char *v = vars[i].get(l);
                if (!v) {
                        *ret_error = xasprintf("'${%s}' has no value here",
                                               name);
                        return -EINVAL;
                }
                *ret = v;
                return 0;
        }
        *ret_error = unknown_message(name);
        return -EINVAL;
}

static void append(char **buf, size_t *len, const char *s, size_t n)
{
        *buf = xrealloc(*buf, *len + n + 1);
        memcpy(*buf + *len, s, n);
        *len += n;
        (*buf)[*len] = '\0';
}

int vars_expand(const char *s, const struct sb_profile_env *env,
                const char *profile_dir, char **ret, char **ret_error)
{
        struct lookup l = { .env = env, .profile_dir = profile_dir };
        _cleanup_free_ char *out = xstrdup("");
        size_t len = 0;

        for (const char *p = s; *p;) {
                const char *dollar = strstr(p, "${");
                if (!dollar) {
                        append(&out, &len, p, strlen(p));
                        break;
                }
                append(&out, &len, p, (size_t)(dollar - p));
                const char *close = strchr(dollar + 2, '}');
                if (!close) {
                        *ret_error = xstrdup("'${' without a closing '}'");
                        return -EINVAL;
                }
                _cleanup_free_ char *name =
                        xstrndup(dollar + 2, (size_t)(close - dollar - 2));
                const char *value;
                int r = lookup_var(&l, name, &value, ret_error);
                if (r < 0)
                        return r;
                append(&out, &len, value, strlen(value));
                p = close + 1;
        }
        *ret = TAKE_PTR(out);
        return 0;
}
