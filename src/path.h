/* Paths of the filesystem view: checking and normalising what a profile
 * writes (pure), and resolving a target inside the sandbox's new root
 * without ever leaving it (openat2 with RESOLVE_IN_ROOT, O_PATH
 * descriptors, one component at a time when something must be made). */
#ifndef SB_PATH_H
#define SB_PATH_H

#include <stdbool.h>
#include <sys/types.h>

/* An absolute path, normalised: repeated '/' and "." components are
 * dropped, and so is a trailing '/'. Refused, with a reason: an empty or
 * relative path, a ".." component, "/" itself unless allow_root, and a
 * path longer than PATH_MAX. Returns 0 and a new string, or -EINVAL and a
 * static reason. */
int path_normalize_absolute(const char *in, bool allow_root, char **ret,
                            const char **ret_reason);

/* The same for a path relative to a directory (an entry of the home):
 * no leading '/', no "..", not empty. */
int path_normalize_relative(const char *in, char **ret,
                            const char **ret_reason);

/* The last component of a normalised absolute path, and the length of
 * the parent part ("/a/b" -> "b", 2; "/a" -> "a", 0 for "/"). */
const char *path_basename(const char *path, size_t *ret_parent_len);

/* The kinds of object path_make_in_root creates at the end of a path. */
enum path_kind {
        PATH_KIND_NONE,         /* create nothing: it must exist */
        PATH_KIND_DIR,
        PATH_KIND_FILE,         /* an empty regular file */
};

/* Open `path` (absolute, normalised) inside the tree at root_fd as an
 * O_PATH descriptor. Symlinks are followed as if root_fd were "/", so
 * none leads out of it; /proc magic links are refused. `flags` may add
 * O_DIRECTORY or O_NOFOLLOW. Returns the fd or a negative errno. */
int path_open_in_root(int root_fd, const char *path, int flags);

/* The same, but no symlink is followed at all: a path the launcher
 * resolved already (host-path.h) in which a link has appeared since
 * fails with ELOOP. */
int path_open_no_symlinks(int root_fd, const char *path, int flags);

/* Like path_open_in_root, but a missing path is made: missing
 * directories one component at a time (mode 0755), the last one as
 * `kind` with `mode`. Each made component is opened from its parent
 * without following symlinks, so a swapped-in link fails with ELOOP
 * instead of being followed. *ret_created tells whether the last
 * component was made here. Returns an O_PATH fd or a negative errno. */
int path_make_in_root(int root_fd, const char *path, enum path_kind kind,
                      mode_t mode, bool *ret_created);

/* The parent directory of `path` inside root_fd, made if missing (and
 * `create`), as an O_PATH fd; the last component is *ret_name. */
int path_parent_in_root(int root_fd, const char *path, bool create,
                        const char **ret_name);

#endif
