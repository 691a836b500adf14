/* Checkpoint and restore through the `criu` program (Debian ships no
 * libcriu): the command lines (pure), the image directory and what a
 * checkpoint records beside CRIU's images (the sandbox's state and its
 * resolved profile, so that restore recreates the same named sandbox),
 * and running criu with a clean environment. Not on the launch path. */
#ifndef SB_CRIU_H
#define SB_CRIU_H

#include <stdbool.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

struct sb_state;

/* Files a checkpoint adds to the image directory. */
#define CRIU_STATE_FILE "sandbox.state"
#define CRIU_PROFILE_FILE "sandbox.profile"

struct criu_dump_opts {
        const char *criu;        /* absolute path of the program */
        pid_t pid;               /* root of the tree: the sandbox's init */
        const char *images_dir;
        bool leave_running;
        bool shell_job;          /* init shares the caller's terminal */
};

struct criu_restore_opts {
        const char *criu;
        const char *images_dir;
        const char *pidfile;     /* where criu writes the restored init's pid */
        bool shell_job;
};

/* Pure: the argv for `criu dump` / `criu restore`, newly allocated
 * (strv_free). The restored tree becomes a sibling of criu, i.e. our
 * child, so that the restore command waits for it like a launcher. */
char **criu_dump_argv(const struct criu_dump_opts *o);
char **criu_restore_argv(const struct criu_restore_opts *o);

/* The criu program: the first of /usr/sbin/criu, /sbin/criu,
 * /usr/bin/criu that is an executable regular file. Newly allocated, or
 * -ENOENT "criu is not installed". */
int criu_find(char **ret_path, struct sb_error *err);

/* Run argv (argv[0] absolute) with an empty environment but PATH, stdin
 * from /dev/null and stdout+stderr captured; its exit status (0-255, or
 * 128+N) in *ret_status and up to a few KiB of its output in *ret_out
 * (may be NULL). */
int criu_spawn(char *const *argv, int *ret_status, char **ret_out,
               struct sb_error *err);

/* `criu check`: 0, or -ENOTSUP "criu check failed: <its last message>;
 * checkpoint/restore is not available on this host". */
int criu_check(const char *criu, struct sb_error *err);

/* The image directory given by --image-path: it must exist, be a
 * directory (not a symlink), belong to the caller and not be writable by
 * group or others. Returns an O_DIRECTORY descriptor. */
int criu_images_dir_open(const char *path, int *ret_fd, struct sb_error *err);

/* Write the sandbox's state and its resolved profile into the image
 * directory (0600, replacing earlier ones), and read them back: the
 * state through the state format's strict parser, the profile with the
 * checks of a profile copy (sb_join_config_load). */
int criu_record(int dir_fd, const struct sb_state *st,
                const struct sb_config *cfg, struct sb_error *err);
int criu_recorded(int dir_fd, const char *dir_path, struct sb_state **ret_st,
                  struct sb_config *cfg, struct sb_error *err);

#endif
