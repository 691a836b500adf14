/* Environment policy. Applied in the launcher on plain data, so it can be
 * tested without starting anything. */
#include "env.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool name_matches(const char *pattern, const char *name, size_t len)
{
        size_t pl = strlen(pattern);
        if (pl > 0 && pattern[pl - 1] == '*')
                return len >= pl - 1 && strncmp(pattern, name, pl - 1) == 0;
        return pl == len && strncmp(pattern, name, len) == 0;
}

static bool kept(char *const *keep, const char *name, size_t len)
{
        for (size_t i = 0; keep && keep[i]; i++)
                if (name_matches(keep[i], name, len))
                        return true;
        return false;
}

void env_unset(char **v, const char *name)
{
        size_t len = strlen(name), w = 0;
        for (size_t r = 0; v && v[r]; r++) {
                if (strncmp(v[r], name, len) == 0 && v[r][len] == '=')
                        free(v[r]);
                else
                        v[w++] = v[r];
        }
        if (v)
                v[w] = NULL;
}

char **env_build(const struct sb_environment *policy, char *const *caller)
{
        char **out = xcalloc(1, sizeof(char *));
        for (size_t i = 0; caller && caller[i]; i++) {
                const char *eq = strchr(caller[i], '=');
                if (!eq || eq == caller[i])
                        continue;
                if (policy->clear &&
                    !kept(policy->keep, caller[i], (size_t)(eq - caller[i])))
                        continue;
                strv_push(&out, xstrdup(caller[i]));
        }
        for (size_t i = 0; i < policy->n_set; i++) {
                env_unset(out, policy->set[i].name);
                strv_push(&out, xasprintf("%s=%s", policy->set[i].name,
                                          policy->set[i].value));
        }
        bool has_path = false;
        for (size_t i = 0; out[i]; i++)
                if (str_has_prefix(out[i], "PATH="))
                        has_path = true;
        if (!has_path)
                strv_push(&out, xstrdup("PATH=" SB_DEFAULT_PATH));
        return out;
}
