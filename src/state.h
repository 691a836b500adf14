/* State of running sandboxes: one directory per sandbox below the caller's
 * state root (/run/sandbox for root, $XDG_RUNTIME_DIR/sandbox for a user),
 * holding `state` (an escaped key=value file, state-format.c) and
 * `profile` (the resolved profile the launcher ran with). Every path is
 * opened relative to a verified directory fd, never following a symlink;
 * writes are atomic (temp + rename) under an flock on `.lock`. A sandbox
 * is alive only while its init has the recorded pid AND start time; stale
 * state is removed by whoever reads it. See docs/NAMED.md. */
#ifndef SB_STATE_H
#define SB_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "config.h"
#include "error.h"

/* Names: [A-Za-z0-9][A-Za-z0-9_.-]{0,63}. */
#define SB_NAME_MAX 64
/* Bounds of the state file (state-format.c refuses anything larger). */
#define SB_STATE_FILE_MAX (64 * 1024)
#define SB_STATE_VALUE_MAX 4096 /* bytes of one decoded value */
#define SB_STATE_ARGS_MAX 256   /* command words recorded */
#define SB_STATE_ARG_MAX 1024   /* bytes of one recorded word (cut) */
#define SB_STATE_LINKS_MAX 16

/* The namespaces whose identity is recorded, in this order. */
enum sb_state_ns {
        SB_STATE_NS_USER,
        SB_STATE_NS_MNT,
        SB_STATE_NS_PID,
        SB_STATE_NS_NET,
        SB_STATE_NS_UTS,
        SB_STATE_NS_IPC,
        SB_STATE_NS_CGROUP,
        SB_STATE_NS_MAX,
};

/* The identity of a namespace: dev and inode of /proc/PID/ns/NAME. An
 * all-zero one is "not recorded". */
struct sb_ns_ident {
        uint64_t dev;
        uint64_t ino;
};

struct sb_state {
        char *name;
        uid_t owner;
        pid_t launcher_pid;
        unsigned long long launcher_start;
        pid_t init_pid;                 /* 0 while the sandbox starts */
        unsigned long long init_start;  /* field 22 of /proc/PID/stat */
        struct sb_ns_ident ns[SB_STATE_NS_MAX];
        char *cgroup;                   /* cgroup_name(), or NULL */
        char *profile_copy;             /* absolute path of the resolved copy
                                           (derived from the directory, never
                                           read from the file) */
        char *profile;                  /* the profile path the launcher used */
        bool joinable;
        time_t created;
        char **command;                 /* NULL-terminated, maybe cut */
        char **net_links;               /* host link names, NULL-terminated */
        char *dir;                      /* absolute path of its directory */
};

/* "user", "mnt", ... as in /proc/PID/ns. */
const char *sb_state_ns_name(enum sb_state_ns ns);

/* Pure: is name allowed? */
bool sb_state_name_valid(const char *name);
/* Pure: 0, or -EINVAL with a message for the user in err. */
int sb_state_name_check(const char *name, struct sb_error *err);

/* Pure (state-format.c): the state as file text, newly allocated, and
 * back. Parsing is strict and bounded: unknown keys are skipped (a newer
 * launcher may add some), malformed lines, bad escapes, overlong values,
 * numbers out of range and missing required keys are -EINVAL (-E2BIG for
 * size bounds). */
char *sb_state_format(const struct sb_state *st);
int sb_state_parse(const char *text, size_t len, struct sb_state **ret);

/* The state root of the caller (created 0700 if missing and checked:
 * owned by the caller, no access for others, not a symlink). ret_path may
 * be NULL. A user needs XDG_RUNTIME_DIR, owned by them with mode 0700. */
int sb_state_root(int *ret_fd, char **ret_path, struct sb_error *err);

/* The caller's own sandbox by name (root included: root loads from
 * /run/sandbox; it sees other owners' sandboxes in sb_state_list only).
 * -ENOENT "no sandbox named 'X'" when absent, still starting, or stale
 * (stale state is removed). */
int sb_state_load(const char *name, struct sb_state **ret,
                  struct sb_error *err);

/* Every live sandbox the caller may see: their own, and for root those of
 * every user below /run/user/UID/sandbox too (checked: the directory and
 * the sandbox's init belong to that user). Stale ones are removed (the
 * caller's own) or skipped (another owner's). Sorted by creation. */
int sb_state_list(struct sb_state ***ret, size_t *ret_n,
                  struct sb_error *err);
void sb_state_list_free(struct sb_state **v, size_t n);

/* Is it alive: init (or, while it starts, the launcher) has the recorded
 * pid and start time. */
bool sb_state_alive(const struct sb_state *st);

/* pidfd_open(init), then init's start time and pid namespace are checked
 * again, so the fd provably refers to the sandbox's init. -ESRCH "the
 * sandbox 'X' has ended" otherwise. */
int sb_state_pidfd(const struct sb_state *st, int *ret_fd,
                   struct sb_error *err);

/* The caller's own directory of st, opened below the checked state root
 * and checked again (owner, mode, no symlink, no mount point): files in
 * it are opened relative to this fd. */
int sb_state_open_dir(const struct sb_state *st, int *ret_fd,
                      struct sb_error *err);

/* Remove the caller's state of st once the sandbox is dead (re-checked
 * under the lock: a live one, or a new sandbox under the name, stays). */
int sb_state_forget(const struct sb_state *st);

void sb_state_free(struct sb_state *st);

/* ---- the run path ---- */

/* A sandbox's state, held by its launcher from before the start until it
 * ends. */
struct sb_state_lease;

struct sb_state_request {
        const char *name;               /* NULL: a generated id */
        const char *profile;            /* path of the profile used */
        char *const *command;
        bool joinable;
};

/* Reserve the name: under the lock, refuse a name a live sandbox of the
 * caller holds ("a sandbox named X is already running (pid N)", -EEXIST),
 * remove a stale one, and write a first state naming this launcher
 * (init_pid 0: starting). An unnamed sandbox (name NULL) only finds the
 * state root here; its directory, under a generated id, is made by
 * sb_state_commit, so it is listed once it runs. */
int sb_state_reserve(const struct sb_state_request *req,
                     struct sb_state_lease **ret, struct sb_error *err);

/* What the launcher knows once the sandbox runs. */
struct sb_state_run {
        pid_t init_pid;
        const char *cgroup;             /* or NULL */
        char *const *net_links;         /* or NULL */
        const struct sb_config *cfg;    /* written to `profile` */
        /* init's namespaces as init reported them (state order); NULL:
         * read from /proc/INIT/ns (a restored tree, whose root is ours to
         * look at), and left unrecorded where that is refused. */
        const struct sb_ns_ident *ns;
};

/* Record the running sandbox: the profile copy (0600), init's start time
 * and namespace identities, then the state file, atomically, all under the
 * lock (an unnamed sandbox's directory is made here). */
int sb_state_commit(struct sb_state_lease *l, const struct sb_state_run *run,
                    struct sb_error *err);

const char *sb_state_lease_name(const struct sb_state_lease *l);
/* The state root's absolute path, for the mask in the sandbox's view. */
const char *sb_state_lease_root(const struct sb_state_lease *l);

/* Remove the sandbox's directory and free l; NULL is fine. */
void sb_state_release(struct sb_state_lease *l);

#endif
