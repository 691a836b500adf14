/* The profile loader: the only code that knows libconfig. It finds profile
 * files, follows includes and .local overrides, expands ${VARS}, checks
 * every key and value, and fills a struct sb_config. Every problem becomes
 * one "file:line: key: reason" diagnostic; all of them are collected. */
#ifndef SB_PROFILE_H
#define SB_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "config.h"

/* What the loader needs to know about the world. The caller fills it, so
 * the loader itself reads no environment variable. */
struct sb_profile_env {
        const char *home;               /* ${HOME} */
        const char *user;               /* ${USER} */
        uid_t uid;                      /* ${UID} */
        gid_t gid;                      /* ${GID} */
        const char *xdg_runtime_dir;    /* ${XDG_RUNTIME_DIR}; may be NULL */
        const char *app;                /* ${APP}: basename of the target */
        /* ${CWD}: the caller's working directory, absolute; may be NULL
         * (unknown or unreachable), and then using it is an error. */
        const char *cwd;
        /* The caller's desktop session, for the desktop keys; each may be
         * NULL. */
        const char *display;            /* $DISPLAY */
        const char *xauthority;         /* $XAUTHORITY */
        const char *wayland_display;    /* $WAYLAND_DISPLAY */
        const char *dbus_address;       /* $DBUS_SESSION_BUS_ADDRESS */
        /* Directories searched for NAME.profile, NAME.local and includes,
         * most specific first: ~/.config/sandbox, /etc/sandbox, profiledir.
         * NULL-terminated. */
        const char *const *search_dirs;
        /* A setuid launcher (priv.h) sets check_owner: then every file read
         * (the profile, each include, each .local) must be owned by root
         * and not writable by group or others, checked on the open
         * descriptor; with allow_user_owned, a file owned by `uid` and not
         * writable by group or others is taken too (the user's own
         * profiles, the system policy's user_profiles). */
        bool check_owner;
        bool allow_user_owned;
};

struct sb_diags {
        char **msgs;                    /* "file:line: key: reason" */
        size_t n;
};

void sb_diags_add(struct sb_diags *d, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void sb_diags_free(struct sb_diags *d);

/* Resolve a --profile argument: a value containing '/' is a file path;
 * otherwise NAME.profile is looked up in env->search_dirs. Returns a newly
 * allocated path, or NULL when nothing is found. */
char *profile_find(const char *name, const struct sb_profile_env *env);

/* Load the profile at `path` (its includes first, then the file, then every
 * NAME.local found in the search dirs, least specific first) on top of the
 * defaults already in cfg (sb_config_init). Returns 0, or -EINVAL with
 * every problem in diags. */
int profile_load(const char *path, const struct sb_profile_env *env,
                 struct sb_config *cfg, struct sb_diags *diags);

/* Where each setting of a loaded profile was made, for `sandbox profile
 * show`: the full key ("rlimits.nofile", "environment.set.PATH") and
 * "FILE:LINE" of the file that set it last. The lists whose entries add
 * up across files (filesystem.home.writable, .readonly) keep every place,
 * comma-separated; each mount carries its own origin in the config. */
struct sb_origins {
        char **keys;
        char **where;
        size_t n;
        char **files;                   /* every file applied, in order */
        size_t n_files;
};

/* profile_load, recording into origins (zeroed by the caller) where each
 * setting came from; free with sb_origins_free. */
int profile_load_traced(const char *path, const struct sb_profile_env *env,
                        struct sb_config *cfg, struct sb_diags *diags,
                        struct sb_origins *origins);
/* "FILE:LINE" of the setting `key`, or NULL if no file set it. */
const char *sb_origins_get(const struct sb_origins *o, const char *key);
void sb_origins_free(struct sb_origins *o);

/* The same for a profile held in memory (tests, the fuzzer). `name` is the
 * file name used in diagnostics; includes are looked up in search_dirs. */
int profile_load_string(const char *text, const char *name,
                        const struct sb_profile_env *env,
                        struct sb_config *cfg, struct sb_diags *diags);

#endif
