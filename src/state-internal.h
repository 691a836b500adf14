/* What state.c shares with state-run.c (the launcher's side). */
#ifndef SB_STATE_INTERNAL_H
#define SB_STATE_INTERNAL_H

#include "state.h"

/* Open root_fd/name as a directory without following a symlink, and check
 * it is owned by uid with mode 0700 or stricter. */
int state_open_dir(int at, const char *name, const char *path, uid_t uid,
                   int *ret, struct sb_error *err);
/* Is at/name on at's file system (nothing mounted there)? */
bool state_same_fs(int at, const char *name);
/* flock(LOCK_EX) on ROOT/.lock; returns the fd holding it. */
int state_lock(int root_fd, const char *root_path, struct sb_error *err);
/* The state file of a sandbox directory; negative errno, no message. */
int state_read_at(int dir_fd, const char *root_path, uid_t uid,
                  struct sb_state **ret);
int state_read(int root_fd, const char *root_path, const char *name,
               uid_t uid, struct sb_state **ret);
/* Remove ROOT/name and what is in it (call with the lock held). */
int state_remove_dir(int root_fd, const char *name);

#endif
