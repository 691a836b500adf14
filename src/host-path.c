/* Resolving host paths without following a symlink that a user, or an
 * earlier run of a sandbox, could have planted (SECURITY.md, item 4).
 *
 * A bind source below a tree the sandbox may write to is the sandbox's
 * to shape: one run replaces a directory with a link to any host path,
 * the next run would mount that path. Inside the sandbox's user
 * namespace owners are mapped (host root and any other user alike show
 * as the overflow uid), so the check is made here, in the launcher,
 * before the namespaces exist. System links (/lib -> usr/lib,
 * /etc/alternatives) are owned by root in directories only root may
 * write to, and are still followed. */
#include "host-path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "syscall.h"
#include "util.h"

/* As the kernel's own limit on links in one lookup. */
#define MAX_LINKS 40

const char *host_link_untrusted(const struct stat *link,
                                const struct stat *dir, uid_t trusted_uid,
                                char *buf, size_t size)
{
        if (link->st_uid != trusted_uid)
                snprintf(buf, size, "owned by uid %u",
                         (unsigned)link->st_uid);
        else if (dir->st_uid != trusted_uid)
                snprintf(buf, size, "in a directory owned by uid %u",
                         (unsigned)dir->st_uid);
        /* Group-writable covers an ACL granting anyone else write: the
         * group bits then show the ACL mask. */
        else if (dir->st_mode & (S_IWGRP | S_IWOTH))
                snprintf(buf, size, "in a directory others may write to "
                         "(mode %04o)",
                         (unsigned)(dir->st_mode & 07777));
        else
                return NULL;
        return buf;
}

struct walk {
        int root_fd;
        int cur;                /* O_PATH fd of the directory reached */
        char done[PATH_MAX];    /* its path, without symlinks; "" is / */
        size_t len;
};

static int walk_reopen(struct walk *w)
{
        struct open_how how = {
                .flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
                .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
                           RESOLVE_NO_MAGICLINKS,
        };
        int fd = sys_openat2(w->root_fd, w->len ? w->done + 1 : ".", &how);
        if (fd < 0)
                return -errno;
        close(w->cur);
        w->cur = fd;
        return 0;
}

static int walk_append(struct walk *w, const char *s, size_t n)
{
        if (w->len + 1 + n >= sizeof(w->done))
                return -ENAMETOOLONG;
        w->done[w->len++] = '/';
        memcpy(w->done + w->len, s, n);
        w->len += n;
        w->done[w->len] = '\0';
        return 0;
}

/* A symlink at w->cur/name (open as fd): its text, with `rest` after it,
 * becomes what is left to walk (written to todo). */
static int walk_link(struct walk *w, int fd, const struct stat *st,
                     const char *name, const char *rest, uid_t trusted_uid,
                     char *todo, char **ret_why)
{
        struct stat dir;
        if (fstat(w->cur, &dir) < 0)
                return -errno;
        char why[96];
        if (host_link_untrusted(st, &dir, trusted_uid, why, sizeof(why))) {
                *ret_why = xasprintf("component '%s/%s' is a symlink %s; "
                                     "refusing to follow it",
                                     w->done, name, why);
                return -EPERM;
        }
        char text[PATH_MAX];
        ssize_t n = readlinkat(fd, "", text, sizeof(text));
        if (n < 0)
                return -errno;
        if ((size_t)n >= sizeof(text))
                return -ENAMETOOLONG;
        char next[PATH_MAX];
        int len = snprintf(next, sizeof(next), "%.*s/%s", (int)n, text, rest);
        if (len < 0 || (size_t)len >= sizeof(next))
                return -ENAMETOOLONG;
        memcpy(todo, next, (size_t)len + 1);
        if (text[0] == '/') {
                w->len = 0;
                w->done[0] = '\0';
                return walk_reopen(w);
        }
        return 0;
}

int host_path_resolve(int root_fd, const char *path, uid_t trusted_uid,
                      char **ret, char **ret_why)
{
        char todo[PATH_MAX];
        size_t len = strlen(path);
        if (len >= sizeof(todo))
                return -ENAMETOOLONG;
        memcpy(todo, path, len + 1);
        struct walk w = { .root_fd = root_fd, .cur = -1 };
        int r = walk_reopen(&w);
        if (r < 0)
                return r;
        unsigned links = 0;
        const char *p = todo;
        for (;;) {
                while (*p == '/')
                        p++;
                if (!*p)
                        break;
                size_t n = strcspn(p, "/");
                const char *rest = p + n;
                if (n == 1 && p[0] == '.') {
                        p = rest;
                        continue;
                }
                if (n == 2 && p[0] == '.' && p[1] == '.') {
                        /* Every component of done is a directory, not a
                         * link: its parent is what precedes it. */
                        char *slash = strrchr(w.done, '/');
                        w.len = slash ? (size_t)(slash - w.done) : 0;
                        w.done[w.len] = '\0';
                        r = walk_reopen(&w);
                        if (r < 0)
                                break;
                        p = rest;
                        continue;
                }
                char name[NAME_MAX + 1];
                int fd = -1;
                struct stat st;
                if (n <= NAME_MAX) {
                        memcpy(name, p, n);
                        name[n] = '\0';
                        fd = openat(w.cur, name,
                                    O_PATH | O_NOFOLLOW | O_CLOEXEC);
                        if (fd >= 0 && fstat(fd, &st) < 0) {
                                close(fd);
                                fd = -1;
                        }
                }
                if (fd < 0) {
                        /* Left as written for the open that follows. */
                        r = walk_append(&w, p, strlen(p));
                        break;
                }
                if (!S_ISLNK(st.st_mode)) {
                        r = walk_append(&w, name, n);
                        close(w.cur);
                        w.cur = fd;
                        if (r < 0)
                                break;
                        p = rest;
                        continue;
                }
                if (++links > MAX_LINKS) {
                        close(fd);
                        r = -ELOOP;
                        break;
                }
                r = walk_link(&w, fd, &st, name, rest, trusted_uid, todo,
                              ret_why);
                close(fd);
                if (r < 0)
                        break;
                p = todo;
        }
        close(w.cur);
        if (r < 0)
                return r;
        *ret = xstrdup(w.len ? w.done : "/");
        return 0;
}
