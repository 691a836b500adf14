/* Where each setting of a profile was made (struct sb_origins), recorded
 * by the key walk when the caller asks for it: `sandbox profile show`
 * prints it next to every setting of the resolved profile. */
#include <stdlib.h>
#include <string.h>

#include "profile-keys.h"
#include "util.h"

/* Lists whose entries add up across files rather than replace: every
 * place that added to them is kept. */
static bool adds_up(const char *key)
{
        return strcmp(key, "filesystem.home.writable") == 0 ||
               strcmp(key, "filesystem.home.readonly") == 0;
}

void keys_trace(struct sb_keys_state *st, const char *key, const char *path,
                unsigned line)
{
        struct sb_origins *o = st->origins;
        if (!o)
                return;
        char *where = xasprintf("%s:%u", path, line);
        for (size_t i = 0; i < o->n; i++) {
                if (strcmp(o->keys[i], key) != 0)
                        continue;
                if (adds_up(key)) {
                        char *both = xasprintf("%s, %s", o->where[i], where);
                        free(where);
                        where = both;
                }
                free(o->where[i]);
                o->where[i] = where;
                return;
        }
        o->keys = xrealloc(o->keys, (o->n + 1) * sizeof(*o->keys));
        o->where = xrealloc(o->where, (o->n + 1) * sizeof(*o->where));
        o->keys[o->n] = xstrdup(key);
        o->where[o->n] = where;
        o->n++;
}

void keys_trace_file(struct sb_keys_state *st, const char *path)
{
        struct sb_origins *o = st->origins;
        if (!o)
                return;
        o->files = xrealloc(o->files, (o->n_files + 1) * sizeof(*o->files));
        o->files[o->n_files++] = xstrdup(path);
}

const char *sb_origins_get(const struct sb_origins *o, const char *key)
{
        for (size_t i = 0; o && i < o->n; i++)
                if (strcmp(o->keys[i], key) == 0)
                        return o->where[i];
        return NULL;
}

void sb_origins_free(struct sb_origins *o)
{
        for (size_t i = 0; i < o->n; i++) {
                free(o->keys[i]);
                free(o->where[i]);
        }
        for (size_t i = 0; i < o->n_files; i++)
                free(o->files[i]);
        free(o->keys);
        free(o->where);
        free(o->files);
        *o = (struct sb_origins){ 0 };
}
