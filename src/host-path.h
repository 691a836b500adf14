/* Host paths of the filesystem view (bind sources, overlay layers, a root
 * directory), resolved by the launcher before any namespace exists, while
 * stat(2) still shows the host's owners: one component at a time, and a
 * symlink on the way is followed only when nobody but root can have made
 * it. What is left is a path without symlinks, which the sandbox's init
 * opens with RESOLVE_NO_SYMLINKS, so a link that appears in between fails
 * instead of being followed. */
#ifndef SB_HOST_PATH_H
#define SB_HOST_PATH_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Whether a symlink may be followed (pure): only when it is owned by
 * trusted_uid (root) and lies in a directory owned by trusted_uid that
 * neither its group nor others may write to, so that no one else can
 * have made it or put it there. Returns NULL when it may, or the reason
 * it may not, written into buf ("owned by uid 1000"). */
const char *host_link_untrusted(const struct stat *link,
                                const struct stat *dir, uid_t trusted_uid,
                                char *buf, size_t size);

/* Resolve `path` (absolute, normalised) below root_fd, as if root_fd were
 * "/": every component opened with O_NOFOLLOW from its parent, every
 * symlink checked with host_link_untrusted and replaced by its text.
 * Returns 0 and *ret, a new string: the path with no symlink left in it.
 * When a component cannot be opened (missing, not searchable), the rest is
 * appended as it is: the open that follows fails on it the same way, or
 * skips an optional entry. Returns -EPERM with *ret_why (a new string)
 * for a symlink that must not be followed, -ELOOP after 40 links, or
 * another negative errno. */
int host_path_resolve(int root_fd, const char *path, uid_t trusted_uid,
                      char **ret, char **ret_why);

#endif
