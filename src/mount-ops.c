/* One function per kind of operation of the plan. Each resolves its
 * target inside the new root first (path.c: by descriptor, never out of
 * the root), makes a detached mount with the new mount API, sets its
 * flags, and attaches it on the target's descriptor. Sources are host
 * paths the launcher resolved (fs-prepare.c), opened in the host's view
 * without following any symlink (fs_host_open). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "cleanup.h"
#include "mount-internal.h"
#include "path.h"
#include "syscall.h"
#include "util.h"

#define ATTR_SAFE (MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV)
#define ATTR_KERNEL (ATTR_SAFE | MOUNT_ATTR_NOEXEC)

/* The target as an O_PATH fd, made if missing. */
static int open_target(struct fs_ctx *c, const struct sb_mount *m,
                       enum path_kind kind, mode_t mode, bool *ret_created,
                       struct sb_error *err)
{
        bool created = false;
        int fd = path_make_in_root(c->root_fd, m->target, kind, mode,
                                   &created);
        if (ret_created)
                *ret_created = created;
        if (fd < 0)
                return sb_error_errno(err, fd, "%s '%s'",
                                      kind == PATH_KIND_NONE
                                              ? "target"
                                              : "make the mount point",
                                      m->target);
        return fd;
}

/* The source as the launcher resolved it (mount_prepare). */
static const char *host_source(const struct sb_mount *m)
{
        return m->host_source ? m->host_source : m->source;
}

static int open_host_dir(struct fs_ctx *c, const char *what,
                         const char *path, struct sb_error *err)
{
        int fd = fs_host_open(c, path, O_DIRECTORY);
        if (fd < 0) {
                char w[16];
                snprintf(w, sizeof(w), "%s ", what);
                return fs_host_error(err, fd, w, path);
        }
        return fd;
}

static int attach_on_target(struct fs_ctx *c, const struct sb_mount *m,
                            int mnt, enum path_kind kind,
                            struct sb_error *err)
{
        _cleanup_close_ int t = open_target(c, m, kind, 0755, NULL, err);
        if (t < 0)
                return t;
        return fs_attach(mnt, t, NULL, err);
}

static int apply_bind(struct fs_ctx *c, const struct sb_mount *m,
                      struct sb_error *err)
{
        struct sb_error e = { 0 };
        _cleanup_close_ int src = fs_host_clone(c, host_source(m),
                                                m->recursive, &e);
        if (src < 0) {
                /* A user namespace locks the mounts below a copied one
                 * to it: only a recursive copy may take them. */
                bool locked = src == -EINVAL && !m->recursive && c->userns;
                return sb_error_set(err, src, "source %s%s", e.msg,
                                    locked ? " (it has mounts below it; "
                                             "set recursive = true)"
                                           : "");
        }
        struct stat st;
        if (fstat(src, &st) < 0)
                return sb_error_errno(err, errno, "source '%s'",
                                      host_source(m));
        uint64_t attrs = ATTR_SAFE | (m->readonly ? MOUNT_ATTR_RDONLY : 0);
        int r = fs_set_attr(src, attrs, m->recursive, err);
        if (r < 0)
                return r;
        _cleanup_close_ int t = open_target(
                c, m, S_ISDIR(st.st_mode) ? PATH_KIND_DIR : PATH_KIND_FILE,
                S_ISDIR(st.st_mode) ? 0755 : 0644, NULL, err);
        if (t < 0)
                return t;
        return fs_attach(src, t, NULL, err);
}

static int open_existing(struct fs_ctx *c, const struct sb_mount *m,
                         struct sb_error *err);

/* A tmpfs, or for a kernel mask (fs_magic) an empty read-only one laid
 * over a directory of that filesystem (/sys/fs/cgroup). */
static int apply_tmpfs(struct fs_ctx *c, const struct sb_mount *m,
                       struct sb_error *err)
{
        _cleanup_close_ int t = m->fs_magic
                                        ? open_existing(c, m, err)
                                        : open_target(c, m, PATH_KIND_DIR,
                                                      0755, NULL, err);
        if (t == -ENOENT && m->fs_magic)
                return 1;
        if (t < 0)
                return t;
        /* The mask: the stage's empty 0755 directory, on a tmpfs too, and
         * read-only, nosuid, nodev, noexec like every mask. A clone of it
         * costs a few microseconds; a tmpfs of its own would cost a new
         * superblock (per-CPU counters, memcg-aware lists, a shrinker),
         * tens of microseconds to make and again to tear down. */
        if (m->fs_magic) {
                _cleanup_close_ int src = fs_clone(c->masks_fd, "empty",
                                                   false, err);
                if (src < 0)
                        return src;
                return fs_attach(src, t, NULL, err);
        }
        char size[32], mode[16], uid[16], gid[16];
        if (m->size)
                snprintf(size, sizeof(size), "%llu",
                         (unsigned long long)m->size);
        else
                snprintf(size, sizeof(size), "%s", FS_DEFAULT_TMPFS_SIZE);
        snprintf(mode, sizeof(mode), "%o", m->mode_set ? m->mode : 0755);
        snprintf(uid, sizeof(uid), "%u", (unsigned)c->uid);
        snprintf(gid, sizeof(gid), "%u", (unsigned)c->gid);
        const char *opts[] = { "size", size, "mode", mode,
                               c->chown ? "uid" : NULL, uid, "gid", gid,
                               NULL };
        /* A profile's tmpfs is writable whatever `readonly` says (the
         * key does not apply to it). */
        _cleanup_close_ int mnt = fs_new_mount("tmpfs", opts, ATTR_SAFE, err);
        if (mnt < 0)
                return mnt;
        return fs_attach(mnt, t, NULL, err);
}

/* A kernel filesystem of the sandbox's own namespace when it has one
 * (procfs of its pid namespace, sysfs of its network namespace); without,
 * a new one would show the host's objects anyway and a user namespace may
 * not make it, so the host's mount is bound instead. */
static int apply_kernel_fs(struct fs_ctx *c, const struct sb_mount *m,
                           unsigned own_ns, const char *fstype,
                           const char *host_path, uint64_t attrs,
                           struct sb_error *err)
{
        _cleanup_close_ int mnt = -1;
        if (c->cfg->namespaces & own_ns) {
                mnt = fs_new_mount(fstype, NULL, attrs, err);
        } else {
                mnt = fs_host_clone(c, host_path, true, err);
                if (mnt >= 0 && fs_set_attr(mnt, attrs, true, err) < 0)
                        return err->code;
        }
        if (mnt < 0)
                return mnt;
        return attach_on_target(c, m, mnt, PATH_KIND_DIR, err);
}

static int apply_proc(struct fs_ctx *c, const struct sb_mount *m,
                      struct sb_error *err)
{
        return apply_kernel_fs(c, m, SB_NS_PID, "proc", "/proc", ATTR_KERNEL,
                               err);
}

/* sysfs is always read-only. */
static int apply_sysfs(struct fs_ctx *c, const struct sb_mount *m,
                       struct sb_error *err)
{
        return apply_kernel_fs(c, m, SB_NS_NET, "sysfs", "/sys",
                               ATTR_KERNEL | MOUNT_ATTR_RDONLY, err);
}

static int apply_mqueue(struct fs_ctx *c, const struct sb_mount *m,
                        struct sb_error *err)
{
        _cleanup_close_ int mnt = fs_new_mount("mqueue", NULL, ATTR_KERNEL,
                                               err);
        if (mnt < 0)
                return mnt;
        return attach_on_target(c, m, mnt, PATH_KIND_DIR, err);
}

static int apply_dev(struct fs_ctx *c, const struct sb_mount *m,
                     struct sb_error *err)
{
        _cleanup_close_ int t = open_target(c, m, PATH_KIND_DIR, 0755, NULL,
                                            err);
        if (t < 0)
                return t;
        return dev_setup(c, t, err);
}

/* upper/ and work/ below base, made if missing; O_PATH fds. */
static int overlay_dirs(struct fs_ctx *c, int base, int *ret_upper,
                        int *ret_work, struct sb_error *err)
{
        if ((mkdirat(base, "upper", 0755) < 0 && errno != EEXIST) ||
            (mkdirat(base, "work", 0700) < 0 && errno != EEXIST))
                return sb_error_errno(err, errno,
                                      "make the upper and work directories");
        int flags = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        *ret_upper = openat(base, "upper", flags);
        *ret_work = openat(base, "work", flags);
        if (*ret_upper < 0 || *ret_work < 0)
                return sb_error_errno(err, errno,
                                      "open the upper and work directories");
        if (c->chown && fchownat(*ret_upper, "", c->uid, c->gid,
                                 AT_EMPTY_PATH) < 0)
                return sb_error_errno(err, errno, "give the upper directory "
                                      "to the sandbox's user");
        return 0;
}

/* The base of an overlay's writable layer: the profile's directory, or
 * a tmpfs attached in the stage (overlayfs takes an attached layer on
 * every kernel; it keeps its own copy once mounted). */
static int overlay_base(struct fs_ctx *c, const struct sb_mount *m,
                        struct sb_error *err)
{
        if (m->upper)
                return open_host_dir(c, "upper",
                                     m->host_upper ? m->host_upper : m->upper,
                                     err);
        char size[32], name[16];
        if (m->size)
                snprintf(size, sizeof(size), "%llu",
                         (unsigned long long)m->size);
        else
                snprintf(size, sizeof(size), "%s", FS_DEFAULT_TMPFS_SIZE);
        const char *opts[] = { "size", size, "mode", "0755", NULL };
        _cleanup_close_ int mnt = fs_new_mount("tmpfs", opts, ATTR_SAFE, err);
        if (mnt < 0)
                return mnt;
        fs_stage_name(c, name);
        if (mkdirat(c->stage_fd, name, 0700) < 0)
                return sb_error_errno(err, errno, "stage the upper layer");
        int r = fs_attach(mnt, c->stage_fd, name, err);
        if (r < 0)
                return r;
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        return TAKE_FD(mnt);
}

/* Overlayfs takes its layers as paths; /proc/self/fd/N names exactly
 * the directory already opened, whatever happens to the path since. */
static int apply_overlay(struct fs_ctx *c, const struct sb_mount *m,
                         struct sb_error *err)
{
        _cleanup_close_ int lower = open_host_dir(c, "source",
                                                  host_source(m), err);
        if (lower < 0)
                return lower;
        _cleanup_close_ int t = open_target(c, m, PATH_KIND_DIR, 0755, NULL,
                                            err);
        if (t < 0)
                return t;
        _cleanup_close_ int base = overlay_base(c, m, err);
        if (base < 0)
                return base;
        _cleanup_close_ int up = -1, work = -1;
        int r = overlay_dirs(c, base, &up, &work, err);
        if (r < 0)
                return r;
        char l[48], u[48], w[48];
        fs_fd_path(lower, l);
        fs_fd_path(up, u);
        fs_fd_path(work, w);
        /* In a user namespace the trusted.* xattrs overlayfs keeps its
         * state in are out of reach; user.* ones are not. */
        const char *opts[] = { "lowerdir", l, "upperdir", u, "workdir", w,
                               c->userns ? "userxattr" : NULL, NULL, NULL };
        _cleanup_close_ int mnt = fs_new_mount("overlay", opts, ATTR_SAFE,
                                               err);
        if (mnt < 0)
                return mnt;
        return fs_attach(mnt, t, NULL, err);
}

static int apply_symlink(struct fs_ctx *c, const struct sb_mount *m,
                         struct sb_error *err)
{
        const char *name;
        _cleanup_close_ int parent = path_parent_in_root(c->root_fd,
                                                         m->target, true,
                                                         &name);
        if (parent < 0)
                return sb_error_errno(err, parent, "parent of '%s'",
                                      m->target);
        if (symlinkat(m->source, parent, name) < 0)
                return sb_error_errno(err, errno, "make the symlink");
        return 0;
}

/* The file the view already has at a `cover` entry's target, in
 * *ret_fd; -1 there when it has none and the entry is optional. */
static int open_covered(struct fs_ctx *c, const struct sb_mount *m,
                        int *ret_fd, struct sb_error *err)
{
        *ret_fd = -1;
        int t = path_open_in_root(c->root_fd, m->target, 0);
        struct stat st;
        if (t >= 0 && fstat(t, &st) == 0 && S_ISDIR(st.st_mode)) {
                close(t);
                t = -EISDIR;
        }
        if (t >= 0) {
                *ret_fd = t;
                return 0;
        }
        if (m->optional)
                return 0;
        return sb_error_errno(err, t, "its filesystem view has no file "
                              "there");
}

/* The content is written into the stage and that file is bound on the
 * target, so a file can be laid over one in a read-only tree too. */
static int apply_file(struct fs_ctx *c, const struct sb_mount *m,
                      struct sb_error *err)
{
        _cleanup_close_ int covered = -1;
        if (m->cover) {
                int r = open_covered(c, m, &covered, err);
                if (r < 0)
                        return r;
                if (covered < 0)
                        return 1;       /* optional, and nothing to cover */
        }
        char name[16];
        fs_stage_name(c, name);
        mode_t mode = m->mode_set ? m->mode : 0644;
        _cleanup_close_ int f = openat(c->stage_fd, name,
                                       O_WRONLY | O_CREAT | O_EXCL |
                                               O_CLOEXEC,
                                       mode);
        if (f < 0)
                return sb_error_errno(err, errno, "stage the content");
        const char *s = m->content ? m->content : "";
        int r = write_full(f, s, strlen(s));
        if (r < 0)
                return sb_error_errno(err, r, "write the content");
        /* The sandbox's own files (network.dns, network.hosts) stay
         * root's and never executable, like the files they cover. */
        if (!m->cover && c->chown && fchown(f, c->uid, c->gid) < 0)
                return sb_error_errno(err, errno, "give the file to the "
                                      "sandbox's user");
        _cleanup_close_ int src = fs_clone(c->stage_fd, name, false, err);
        if (src < 0)
                return src;
        r = fs_set_attr(src, ATTR_SAFE | (m->readonly ? MOUNT_ATTR_RDONLY : 0) |
                                     (m->cover ? MOUNT_ATTR_NOEXEC : 0),
                        false, err);
        if (r < 0)
                return r;
        if (covered >= 0)
                return fs_attach(src, covered, NULL, err);
        return attach_on_target(c, m, src, PATH_KIND_FILE, err);
}

static int apply_dir(struct fs_ctx *c, const struct sb_mount *m,
                     struct sb_error *err)
{
        bool created;
        _cleanup_close_ int fd = open_target(
                c, m, PATH_KIND_DIR, m->mode_set ? m->mode : 0755, &created,
                err);
        if (fd < 0)
                return fd;
        struct stat st;
        if (fstat(fd, &st) < 0)
                return sb_error_errno(err, errno, "'%s'", m->target);
        if (!S_ISDIR(st.st_mode))
                return sb_error_set(err, -ENOTDIR,
                                    "'%s' exists and is not a directory",
                                    m->target);
        if (created && c->chown &&
            fchownat(fd, "", c->uid, c->gid, AT_EMPTY_PATH) < 0)
                return sb_error_errno(err, errno, "give '%s' to the "
                                      "sandbox's user", m->target);
        return 0;
}

/* The directory of a kernel mask: the procfs or sysfs it is meant for
 * (fstatfs), kept while the next masks are in the same directory. */
static int kernel_dir(struct fs_ctx *c, const struct sb_mount *m,
                      const char **ret_name, struct sb_error *err)
{
        size_t plen;
        *ret_name = path_basename(m->target, &plen);
        if (c->kdir_fd >= 0 && strlen(c->kdir_path) == plen &&
            strncmp(c->kdir_path, m->target, plen) == 0)
                return c->kdir_fd;
        if (c->kdir_fd >= 0)
                close(c->kdir_fd);
        c->kdir_fd = -1;
        free(c->kdir_path);
        c->kdir_path = NULL;
        const char *name;
        _cleanup_close_ int dir = path_parent_in_root(c->root_fd, m->target,
                                                      false, &name);
        if (dir == -ENOENT)
                return -ENOENT;
        if (dir < 0)
                return sb_error_errno(err, dir, "target '%s'", m->target);
        struct statfs sfs;
        if (fstatfs(dir, &sfs) < 0)
                return sb_error_errno(err, errno, "target '%s'", m->target);
        if ((unsigned long)sfs.f_type != m->fs_magic)
                return sb_error_set(err, -EXDEV,
                                    "'%s' is not on the filesystem it "
                                    "masks",
                                    m->target);
        c->kdir_path = xstrndup(m->target, plen);
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        c->kdir_fd = TAKE_FD(dir);
        return c->kdir_fd;
}

/* The target of a mask or a read-only bind. A kernel mask's last
 * component is opened from its checked directory without following any
 * link: a tree that changed under us fails instead of being masked
 * elsewhere. */
static int open_existing(struct fs_ctx *c, const struct sb_mount *m,
                         struct sb_error *err)
{
        if (!m->fs_magic) {
                int t = path_open_in_root(c->root_fd, m->target, 0);
                if (t < 0 && t != -ENOENT)
                        return sb_error_errno(err, t, "target '%s'",
                                              m->target);
                return t;
        }
        const char *name;
        int dir = kernel_dir(c, m, &name, err);
        if (dir < 0)
                return dir;
        struct open_how how = {
                .flags = O_PATH | O_NOFOLLOW | O_CLOEXEC,
                .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
                           RESOLVE_NO_MAGICLINKS,
        };
        int t = sys_openat2(dir, name, &how);
        if (t < 0 && errno != ENOENT)
                return sb_error_errno(err, errno, "target '%s'", m->target);
        return t < 0 ? -ENOENT : t;
}

/* An existing path is covered by the stage's empty file or directory,
 * mode 0000, read-only, nosuid, nodev, noexec (the flags of masks_fd).
 * There is nothing to hide at a missing one. */
static int apply_mask(struct fs_ctx *c, const struct sb_mount *m,
                      struct sb_error *err)
{
        _cleanup_close_ int t = open_existing(c, m, err);
        if (t == -ENOENT)
                return 1;
        if (t < 0)
                return t;
        struct stat st;
        if (fstat(t, &st) < 0)
                return sb_error_errno(err, errno, "'%s'", m->target);
        _cleanup_close_ int src = fs_clone(
                c->masks_fd, S_ISDIR(st.st_mode) ? "dir" : "file", false, err);
        if (src < 0)
                return src;
        return fs_attach(src, t, NULL, err);
}

/* A path of the view bound onto itself read-only, with what is below. */
static int apply_readonly(struct fs_ctx *c, const struct sb_mount *m,
                          struct sb_error *err)
{
        _cleanup_close_ int t = open_existing(c, m, err);
        if (t == -ENOENT)
                return 1;
        if (t < 0)
                return t;
        _cleanup_close_ int src = fs_clone(t, "", true, err);
        if (src < 0)
                return src;
        int r = fs_set_attr(src, ATTR_SAFE | MOUNT_ATTR_RDONLY, true, err);
        if (r < 0)
                return r;
        return fs_attach(src, t, NULL, err);
}

typedef int (*op_fn)(struct fs_ctx *c, const struct sb_mount *m,
                     struct sb_error *err);

static const op_fn ops[SB_MOUNT_TYPE_MAX] = {
        [SB_MOUNT_BIND] = apply_bind,       [SB_MOUNT_TMPFS] = apply_tmpfs,
        [SB_MOUNT_PROC] = apply_proc,       [SB_MOUNT_SYSFS] = apply_sysfs,
        [SB_MOUNT_MQUEUE] = apply_mqueue,   [SB_MOUNT_DEV] = apply_dev,
        [SB_MOUNT_OVERLAY] = apply_overlay, [SB_MOUNT_SYMLINK] = apply_symlink,
        [SB_MOUNT_FILE] = apply_file,       [SB_MOUNT_DIR] = apply_dir,
        [SB_MOUNT_MASK] = apply_mask,       [SB_MOUNT_READONLY] = apply_readonly,
};

int mount_apply_op(struct fs_ctx *c, const struct sb_mount *m,
                   struct sb_error *err)
{
        if (m->type < 0 || m->type >= SB_MOUNT_TYPE_MAX || !ops[m->type])
                return sb_error_set(err, -EINVAL, "unknown mount type");
        /* The kernel masks' directory is trusted only across a run of
         * masks: anything else may change the tree. */
        if (!m->fs_magic && c->kdir_fd >= 0) {
                close(c->kdir_fd);
                c->kdir_fd = -1;
        }
        int r = ops[m->type](c, m, err);
        /* Optional: a missing source, or a mount point that cannot be
         * made because its parent is read-only or missing. */
        if (r < 0 && m->optional && (r == -ENOENT || r == -EROFS))
                return 1;
        return r;
}
