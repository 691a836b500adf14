/* The profile schema (internal to the loader). profile.c parses a file with
 * libconfig and hands over a plain tree of struct sb_keys_value; this
 * module knows every key, checks types and values, expands ${VARS} and
 * merges the result into a struct sb_config. It never sees libconfig. */
#ifndef SB_PROFILE_KEYS_H
#define SB_PROFILE_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "profile.h"

enum sb_keys_type {
        SB_KEYS_INT,            /* libconfig int and int64 alike */
        SB_KEYS_FLOAT,
        SB_KEYS_STRING,
        SB_KEYS_BOOL,
        SB_KEYS_GROUP,          /* { name = value; ... } */
        SB_KEYS_ARRAY,          /* [ scalar, ... ] */
        SB_KEYS_LIST,           /* ( value, ... ) */
        SB_KEYS_TYPE_MAX,
        SB_KEYS_TYPE_INVALID = -1,
};

/* One setting. Strings point into the parser's memory and stay valid
 * while the tree is in use. */
struct sb_keys_value {
        enum sb_keys_type type;
        const char *name;               /* member of a group; NULL in a list */
        unsigned line;
        int64_t i;
        double f;
        bool b;
        const char *s;
        struct sb_keys_value *items;    /* group members or list elements */
        size_t n_items;
};

/* The file whose settings are being applied. */
struct sb_keys_file {
        const char *path;               /* as shown in diagnostics */
        const char *dir;                /* ${PROFILE_DIR}; NULL if none */
};

/* Where a setting that a cross-key check looks at was last set. */
struct sb_keys_origin {
        char *path;                     /* NULL: never set by a profile */
        unsigned line;
};

/* Everything that lives across the files of one profile_load. */
struct sb_keys_state {
        const struct sb_profile_env *env;
        struct sb_config *cfg;
        struct sb_diags *diags;
        struct sb_keys_origin hostname;
        struct sb_keys_origin user;
        struct sb_keys_origin host_user;
        struct sb_keys_origin cgroup_swap;
        struct sb_keys_origin namespaces;
        struct sb_keys_origin caps_keep;
        struct sb_origins *origins;     /* NULL unless the caller traces */
        bool group_set;                 /* process.group, applied at the end */
        gid_t group_gid;
};

/* One entry of a file's `include` setting, expanded. */
struct sb_keys_include {
        char *name;
        unsigned line;
};

/* Record that `key` was set at path:line (no-op without st->origins). */
void keys_trace(struct sb_keys_state *st, const char *key, const char *path,
                unsigned line);
/* Record a file applied (no-op without st->origins). */
void keys_trace_file(struct sb_keys_state *st, const char *path);

void keys_init(struct sb_keys_state *st, const struct sb_profile_env *env,
               struct sb_config *cfg, struct sb_diags *diags);
void keys_done(struct sb_keys_state *st);

/* "FILE:LINE: KEY: reason"; every diagnostic of the loader has this form. */
void keys_diag(struct sb_keys_state *st, const char *path, unsigned line,
               const char *key, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/* The file's `include` entries, checked and ${VAR}-expanded, in order
 * (bad entries are reported and left out). Returns the count; free with
 * keys_includes_free. */
size_t keys_includes(struct sb_keys_state *st, const struct sb_keys_file *f,
                     const struct sb_keys_value *root,
                     struct sb_keys_include **ret);
void keys_includes_free(struct sb_keys_include *inc, size_t n);

/* Check every setting of `root` (a group) and merge it into st->cfg. The
 * `include` key is skipped: the loader handles it first. */
void keys_apply(struct sb_keys_state *st, const struct sb_keys_file *f,
                const struct sb_keys_value *root);

/* After the last file: settings that depend on one another (process.group
 * on top of process.user) and the cross-key checks. */
void keys_finish(struct sb_keys_state *st);

/* A libconfig file as a plain tree, for readers other than the profile
 * loader (the system policy, policy.c); profile.c stays the only user of
 * libconfig. check_text's rules apply (no @include, no mangled integer).
 * Strings live as long as the tree. */
struct profile_tree;
int profile_tree_parse(const char *path, const char *text,
                       struct profile_tree **ret, struct sb_diags *diags);
const struct sb_keys_value *profile_tree_root(const struct profile_tree *t);
void profile_tree_free(struct profile_tree *t);

#endif
