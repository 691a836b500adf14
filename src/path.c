/* Paths of the filesystem view. The pure half checks what a profile
 * writes; the other half resolves targets inside the new root by
 * descriptor, so that no symlink in the tree (which the caller, or
 * anyone who can write to a bound directory, controls) can send a mount
 * or a made file outside it. */
#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "syscall.h"
#include "util.h"

/* ---- pure ---- */

/* Append the components of `in` to out (which holds `len` bytes and
 * room for PATH_MAX), each after a '/'. */
static int append_components(const char *in, char *out, size_t *len,
                             const char **ret_reason)
{
        for (const char *p = in; *p;) {
                size_t n = strcspn(p, "/");
                if (n == 2 && p[0] == '.' && p[1] == '.') {
                        *ret_reason = "must not contain '..'";
                        return -EINVAL;
                }
                if (n > 0 && !(n == 1 && p[0] == '.')) {
                        if (*len + 1 + n >= PATH_MAX) {
                                *ret_reason = "is too long";
                                return -EINVAL;
                        }
                        out[(*len)++] = '/';
                        memcpy(out + *len, p, n);
                        *len += n;
                }
                p += n;
                p += *p == '/';
        }
        out[*len] = '\0';
        return 0;
}

int path_normalize_absolute(const char *in, bool allow_root, char **ret,
                            const char **ret_reason)
{
        if (in[0] != '/') {
                *ret_reason = "is not an absolute path";
                return -EINVAL;
        }
        char buf[PATH_MAX];
        size_t len = 0;
        int r = append_components(in, buf, &len, ret_reason);
        if (r < 0)
                return r;
        if (len == 0) {
                if (!allow_root) {
                        *ret_reason = "must not be '/'";
                        return -EINVAL;
                }
                buf[len++] = '/';
                buf[len] = '\0';
        }
        *ret = xstrdup(buf);
        return 0;
}

int path_normalize_relative(const char *in, char **ret,
                            const char **ret_reason)
{
        if (in[0] == '/') {
                *ret_reason = "must be relative to the home directory";
                return -EINVAL;
        }
        char buf[PATH_MAX];
        size_t len = 0;
        int r = append_components(in, buf, &len, ret_reason);
        if (r < 0)
                return r;
        if (len == 0) {
                *ret_reason = "names no entry";
                return -EINVAL;
        }
        *ret = xstrdup(buf + 1);        /* without the leading '/' */
        return 0;
}

const char *path_basename(const char *path, size_t *ret_parent_len)
{
        const char *slash = strrchr(path, '/');
        if (!slash) {
                *ret_parent_len = 0;
                return path;
        }
        *ret_parent_len = (size_t)(slash - path);
        return slash + 1;
}

/* ---- resolution inside the new root ---- */

/* openat2 may fail with EAGAIN when a rename or mount races with a ".."
 * walk; the kernel asks the caller to try again. */
static int open_how_retry(int dirfd, const char *path, int flags,
                          unsigned long long resolve)
{
        struct open_how how = {
                .flags = (unsigned long long)(flags | O_PATH | O_CLOEXEC),
                .resolve = resolve,
        };
        for (int i = 0; i < 16; i++) {
                int fd = sys_openat2(dirfd, path, &how);
                if (fd >= 0)
                        return fd;
                if (errno != EAGAIN)
                        return -errno;
        }
        return -EAGAIN;
}

int path_open_in_root(int root_fd, const char *path, int flags)
{
        /* openat2 wants a relative path below the root ("" is the root
         * itself, which needs AT_EMPTY_PATH, so use "."). */
        while (*path == '/')
                path++;
        return open_how_retry(root_fd, *path ? path : ".", flags,
                              RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
}

int path_open_no_symlinks(int root_fd, const char *path, int flags)
{
        while (*path == '/')
                path++;
        return open_how_retry(root_fd, *path ? path : ".", flags,
                              RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
                                      RESOLVE_NO_MAGICLINKS);
}

/* Open what was just made (or found) at parent/name, refusing any
 * symlink, the last component included: if someone put one there, this
 * is ELOOP, never a walk outside. */
static int open_made(int parent_fd, const char *name, int flags)
{
        return open_how_retry(parent_fd, name, flags,
                              RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
                                      RESOLVE_NO_MAGICLINKS);
}

/* Make one component below parent_fd; an existing one is fine. */
static int make_one(int parent_fd, const char *name, enum path_kind kind,
                    mode_t mode, bool *ret_created)
{
        *ret_created = false;
        if (kind == PATH_KIND_DIR) {
                if (mkdirat(parent_fd, name, mode) == 0)
                        *ret_created = true;
                else if (errno != EEXIST)
                        return -errno;
                return 0;
        }
        int fd = openat(parent_fd, name,
                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                        mode);
        if (fd >= 0) {
                close(fd);
                *ret_created = true;
                return 0;
        }
        return errno == EEXIST ? 0 : -errno;
}

/* The directory at the first `len` bytes of path, made if missing. */
static int make_dirs(int root_fd, const char *path, size_t len)
{
        char buf[PATH_MAX];
        if (len >= sizeof(buf))
                return -ENAMETOOLONG;
        memcpy(buf, path, len);
        buf[len] = '\0';
        int fd = path_open_in_root(root_fd, buf, O_DIRECTORY);
        if (fd != -ENOENT)
                return fd;
        /* Walk down from the deepest ancestor that exists, making one
         * directory at a time below a descriptor of its parent. */
        size_t plen;
        const char *name = path_basename(buf, &plen);
        _cleanup_close_ int parent = make_dirs(root_fd, buf, plen);
        if (parent < 0)
                return parent;
        bool created;
        int r = make_one(parent, name, PATH_KIND_DIR, 0755, &created);
        if (r < 0)
                return r;
        return open_made(parent, name, O_DIRECTORY);
}

int path_parent_in_root(int root_fd, const char *path, bool create,
                        const char **ret_name)
{
        size_t plen;
        *ret_name = path_basename(path, &plen);
        if (create)
                return make_dirs(root_fd, path, plen);
        char buf[PATH_MAX];
        if (plen >= sizeof(buf))
                return -ENAMETOOLONG;
        memcpy(buf, path, plen);
        buf[plen] = '\0';
        return path_open_in_root(root_fd, buf, O_DIRECTORY);
}

int path_make_in_root(int root_fd, const char *path, enum path_kind kind,
                      mode_t mode, bool *ret_created)
{
        *ret_created = false;
        int fd = path_open_in_root(root_fd, path, 0);
        if (fd != -ENOENT || kind == PATH_KIND_NONE)
                return fd;
        const char *name;
        _cleanup_close_ int parent = path_parent_in_root(root_fd, path, true,
                                                         &name);
        if (parent < 0)
                return parent;
        int r = make_one(parent, name, kind, mode, ret_created);
        if (r < 0)
                return r;
        return open_made(parent, name,
                         kind == PATH_KIND_DIR ? O_DIRECTORY : 0);
}
