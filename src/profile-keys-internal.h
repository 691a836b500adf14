/* What the files of the profile schema share: the parse context, the key
 * table's row type, and the value helpers every key parser uses. Each
 * group of keys may live in its own profile-keys-<group>.c file that
 * exports its table; profile-keys.c holds the top-level table and the
 * walk. Internal to the loader. */
#ifndef SB_PROFILE_KEYS_INTERNAL_H
#define SB_PROFILE_KEYS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "profile-keys.h"

#define MAX_STRING 4096
#define MAX_ITEMS 256
#define MAX_DESCRIPTION 1024
#define MAX_HOSTNAME 64

/* Everything a parser needs: the shared state and the current file. */
struct keys_ctx {
        struct sb_keys_state *st;
        const struct sb_keys_file *f;
};

struct key_def;
typedef void (*key_parse_fn)(struct keys_ctx *c, const struct key_def *def,
                             const struct sb_keys_value *v, const char *key);

enum key_merge {
        KEY_REPLACE,            /* the value replaces the earlier one */
        KEY_MEMBERS,            /* a group of known keys, merged one by one;
                                   parse(), if set, sees the group first */
        KEY_ENTRIES,            /* a group of free names (parse() gets each),
                                   merged one by one */
        KEY_LOADER,             /* handled by the loader before the rest */
        KEY_UNSUPPORTED,        /* known, for a later feature: refused */
};

#define T(x) (1u << SB_KEYS_##x)
#define T_LIST (T(ARRAY) | T(LIST))
#define T_ANY 0u                /* the parser checks the type itself */

struct key_def {
        const char *name;
        unsigned types;
        key_parse_fn parse;
        enum key_merge merge;
        const struct key_def *sub;      /* KEY_MEMBERS: its keys */
        size_t offset;                  /* parse_bool: the field in sb_config */
};

/* A diagnostic at value v: "FILE:LINE: KEY: reason". */
#define diag(c, v, key, ...)                                                   \
        keys_diag((c)->st, (c)->f->path, (v)->line, (key), __VA_ARGS__)

struct keys_suggestion {
        const char *name;
        size_t dist;
};

/* Called for each element of a list of strings; returns false if the
 * element is bad (after its diagnostic). */
typedef bool (*keys_string_item_fn)(struct keys_ctx *c, const struct sb_keys_value *e,
                               const char *ekey, const char *s, void *data);

/* v has one of the types in mask (T(...) bits), else a diagnostic. */
bool keys_check_type(struct keys_ctx *c, const struct sb_keys_value *v,
                     const char *key, unsigned mask);
/* At most MAX_ITEMS elements, else a diagnostic. */
bool keys_check_count(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key);
/* The string value, ${VAR}-expanded and length-checked, newly allocated;
 * NULL after a diagnostic. */
char *keys_get_string(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key);
/* Run fn over every element of a list of strings, expanded; true only if
 * all were good, so the caller can replace all of an old value or none. */
bool keys_each_string(struct keys_ctx *c, const struct sb_keys_value *v,
                      const char *key, keys_string_item_fn fn, void *data);
/* "parent.name" and "parent[i]"; newly allocated. */
char *keys_child_key(const char *parent, const char *name);
char *keys_elem_key(const char *parent, size_t i);
/* "Did you mean": offer candidate if it is the closest so far. */
void keys_consider(struct keys_suggestion *best, const char *word,
                   const char *candidate);
/* A diagnostic "WHAT (did you mean 'x'?)". */
void keys_unknown(struct keys_ctx *c, const struct sb_keys_value *v,
                  const char *key, const char *what,
                  const struct keys_suggestion *best);
/* free(*field), then *field = value. */
void keys_replace_string(char **field, char *value);
/* Remember where a setting was made, for a cross-key check at the end. */
void keys_set_origin(struct keys_ctx *c, struct sb_keys_origin *o,
                     const struct sb_keys_value *v);
/* The parser of BOOL_KEY rows: a boolean stored at def->offset. */
void keys_parse_bool(struct keys_ctx *c, const struct key_def *def,
                     const struct sb_keys_value *v, const char *key);

#define BOOL_KEY(n, field)                                                     \
        { .name = (n), .types = T(BOOL), .parse = keys_parse_bool,                  \
          .merge = KEY_REPLACE,                                                \
          .offset = offsetof(struct sb_config, field) }
#define LATER(n) { .name = (n), .merge = KEY_UNSUPPORTED }

/* The tables of the key groups that live in their own files. */
extern const struct key_def keys_process[];
extern const struct key_def keys_filesystem[];
/* The parser of the top-level `devices` list. */
void keys_parse_devices(struct keys_ctx *c, const struct key_def *def,
                        const struct sb_keys_value *v, const char *key);
/* The filesystem view's cross-key checks, from keys_finish. */
void keys_finish_fs(struct sb_keys_state *st);
extern const struct key_def keys_cgroup[];

/* The cgroup group itself (its presence asks for a cgroup), and its
 * cross-key checks after the last file. */
void keys_parse_cgroup(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key);
void keys_finish_cgroup(struct sb_keys_state *st);
extern const struct key_def keys_seccomp[];
extern const struct key_def keys_network[];

/* Cross-key checks of the network group, after the last file. */
void keys_net_finish(struct sb_keys_state *st);
extern const struct key_def keys_desktop[];

/* The desktop group's cross-key checks, and the copy of the caller's
 * session it needs, after the last file. */
void keys_finish_desktop(struct sb_keys_state *st);

#endif
