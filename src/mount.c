/* The filesystem view. Runs in the sandbox's init, in its own mount
 * namespace, before anything of the target runs: makes propagation
 * private, builds the new root (the host's / read-only, an empty tmpfs or
 * a root directory), applies the plan (fs-plan.c) on top of it by
 * descriptor, then enters it with pivot_root and detaches the rest.
 *
 * While the view is built, a private "stage" tmpfs is the process root
 * (as in bubblewrap): the old root sits at /oldroot, the new one at
 * /newroot, and the stage also holds the inodes masks and files are bound
 * from. Host paths are resolved from /oldroot's descriptor with
 * RESOLVE_IN_ROOT, which is how the host itself would resolve them;
 * targets are resolved from the new root's. Nothing is stacked on top of
 * either root, so a ".." walk that reaches one stays there. At the end
 * pivot_root(".", ".") puts the stage on top of the new root and a
 * single umount2(".") detaches it, the old root with it.
 * Everything lives in this mount namespace: a failure leaves nothing on
 * the host, as the namespace dies with init. */
#include "mount.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "fs-plan.h"
#include "log.h"
#include "mount-internal.h"
#include "path.h"
#include "syscall.h"
#include "util.h"

/* ---- wrappers of the mount API ---- */

/* The fs context keeps the kernel's explanation of a failure ("e tmpfs:
 * Bad value for 'size'"); it is worth more than the errno alone. */
static int fs_context_error(int fs_fd, int code, const char *what,
                            struct sb_error *err)
{
        char log[256];
        ssize_t n = read(fs_fd, log, sizeof(log) - 1);
        if (n > 2 && log[1] == ' ') {
                while (n > 0 && log[n - 1] == '\n')
                        n--;
                log[n] = '\0';
                return sb_error_errno(err, code, "%s (%s)", what, log + 2);
        }
        return sb_error_errno(err, code, "%s", what);
}

int fs_new_mount(const char *fstype, const char *const *opts, unsigned attrs,
                 struct sb_error *err)
{
        _cleanup_close_ int fs = fsopen(fstype, FSOPEN_CLOEXEC);
        if (fs < 0)
                return sb_error_errno(err, errno, "open a %s context",
                                      fstype);
        for (size_t i = 0; opts && opts[i]; i += 2) {
                int r = opts[i + 1]
                                ? fsconfig(fs, FSCONFIG_SET_STRING, opts[i],
                                           opts[i + 1], 0)
                                : fsconfig(fs, FSCONFIG_SET_FLAG, opts[i],
                                           NULL, 0);
                if (r < 0) {
                        char what[128];
                        snprintf(what, sizeof(what), "%s option '%s'",
                                 fstype, opts[i]);
                        return fs_context_error(fs, errno, what, err);
                }
        }
        if (fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0)
                return fs_context_error(fs, errno, "create the filesystem",
                                        err);
        int mnt = fsmount(fs, FSMOUNT_CLOEXEC, attrs);
        if (mnt < 0)
                return fs_context_error(fs, errno, "mount it", err);
        return mnt;
}

int fs_clone(int dirfd, const char *path, bool recursive,
             struct sb_error *err)
{
        unsigned flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC;
        if (recursive)
                flags |= AT_RECURSIVE;
        if (!*path)
                flags |= AT_EMPTY_PATH;
        int fd = open_tree(dirfd, path, flags);
        if (fd < 0)
                return sb_error_errno(err, errno, "%s%s%s",
                                      *path ? "'" : "copy the mount",
                                      path, *path ? "'" : "");
        return fd;
}

int fs_set_attr(int mnt_fd, uint64_t attrs, bool recursive,
                struct sb_error *err)
{
        struct mount_attr a = { .attr_set = attrs };
        if (mount_setattr(mnt_fd, "", AT_EMPTY_PATH |
                                  (recursive ? AT_RECURSIVE : 0),
                          &a, sizeof(a)) < 0)
                return sb_error_errno(err, errno, "set the mount flags%s",
                                      attrs & MOUNT_ATTR_RDONLY
                                              ? " (read-only)"
                                              : "");
        return 0;
}

int fs_attach(int mnt_fd, int target_fd, const char *name,
              struct sb_error *err)
{
        unsigned flags = MOVE_MOUNT_F_EMPTY_PATH;
        if (!name)
                flags |= MOVE_MOUNT_T_EMPTY_PATH;
        if (move_mount(mnt_fd, "", target_fd, name ? name : "", flags) < 0)
                return sb_error_errno(err, errno, "attach the mount");
        return 0;
}

int fs_host_open(const struct fs_ctx *c, const char *path, int flags)
{
        return path_open_no_symlinks(c->host_fd, path, flags);
}

int fs_host_error(struct sb_error *err, int code, const char *what,
                  const char *path)
{
        if (code == -ELOOP)
                return sb_error_set(err, code,
                                    "%s'%s': a symlink appeared on the way "
                                    "since it was checked; refusing to "
                                    "follow it",
                                    what, path);
        return sb_error_errno(err, code, "%s'%s'", what, path);
}

int fs_host_clone(const struct fs_ctx *c, const char *path, bool recursive,
                  struct sb_error *err)
{
        _cleanup_close_ int fd = fs_host_open(c, path, 0);
        if (fd < 0)
                return fs_host_error(err, fd, "", path);
        int mnt = fs_clone(fd, "", recursive, NULL);
        if (mnt < 0)
                return sb_error_errno(err, mnt, "'%s'", path);
        return mnt;
}

void fs_fd_path(int fd, char buf[48])
{
        snprintf(buf, 48, "/" FS_OLDROOT "/proc/self/fd/%d", fd);
}

void fs_seal_later(struct fs_ctx *c, int mnt_fd)
{
        /* Out of descriptors, -1 is kept and seal() fails the setup. */
        int fd = fcntl(mnt_fd, F_DUPFD_CLOEXEC, 3);
        c->seal_fds = xrealloc(c->seal_fds, (c->n_seal + 1) * sizeof(int));
        c->seal_fds[c->n_seal++] = fd >= 0 ? fd : -1;
}

static int seal(struct fs_ctx *c, struct sb_error *err)
{
        for (size_t i = 0; i < c->n_seal; i++) {
                if (c->seal_fds[i] < 0)
                        return sb_error_errno(err, EMFILE,
                                              "keep a mount to seal");
                int r = fs_set_attr(c->seal_fds[i], MOUNT_ATTR_RDONLY, false,
                                    err);
                if (r < 0)
                        return r;
        }
        return 0;
}

void fs_stage_name(struct fs_ctx *c, char buf[16])
{
        snprintf(buf, 16, "s%u", c->n_staged++);
}

/* ---- the root ---- */

static const char *root_name(const struct sb_fs_config *fs)
{
        static const char *const names[SB_FS_ROOT_MAX] = {
                [SB_FS_ROOT_HOST] = "host",
                [SB_FS_ROOT_EMPTY] = "empty",
        };
        return fs->root == SB_FS_ROOT_DIR ? fs->root_dir : names[fs->root];
}

/* The base of the view, detached: nothing in it is writable, nothing
 * setuid and no device node works (the minimal /dev binds its own). */
static int make_root(const struct fs_ctx *c, struct sb_error *err)
{
        const struct sb_fs_config *fs = &c->cfg->fs;
        const uint64_t locked = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
                                MOUNT_ATTR_NODEV;
        if (fs->root == SB_FS_ROOT_EMPTY) {
                /* Writable until the plan is applied: mount points and
                 * symlinks are made in it. */
                static const char *const opts[] = { "mode", "0755", "size",
                                                    "1M", NULL };
                return fs_new_mount("tmpfs", opts,
                                    MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV,
                                    err);
        }
        const char *path = fs->root == SB_FS_ROOT_HOST ? "/"
                           : c->prep->root_dir ? c->prep->root_dir
                                               : fs->root_dir;
        _cleanup_close_ int fd = fs_host_clone(c, path, true, err);
        if (fd < 0)
                return fd;
        struct stat st;
        if (fstat(fd, &st) < 0)
                return sb_error_errno(err, errno, "'%s'", path);
        if (!S_ISDIR(st.st_mode))
                return sb_error_set(err, -ENOTDIR, "'%s' is not a directory",
                                    path);
        int r = fs_set_attr(fd, locked, true, err);
        if (r < 0)
                return r;
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        return TAKE_FD(fd);
}

/* Make the stage the process root, with the old root at /oldroot, and
 * put its mask inodes in place: an empty file and an empty directory,
 * both mode 0000, and an empty directory of mode 0755 (for a mask that
 * should look empty rather than forbidden), under a read-only mount
 * that masks are copied from. The sandbox's own /dev/null is never used for a mask (runc
 * CVE-2025-31133). */
static int enter_stage(struct fs_ctx *c, struct sb_error *err)
{
        static const char *const opts[] = { "mode", "0700", "size", "4M",
                                            NULL };
        int stage = fs_new_mount("tmpfs", opts,
                                 MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, err);
        if (stage < 0)
                return stage;
        c->stage_fd = stage;
        if (mkdirat(stage, FS_OLDROOT, 0700) < 0 ||
            mkdirat(stage, FS_NEWROOT, 0700) < 0 ||
            mkdirat(stage, "masks", 0700) < 0 ||
            mkdirat(stage, "masks/dir", 0) < 0 ||
            mkdirat(stage, "masks/empty", 0755) < 0)
                return sb_error_errno(err, errno, "populate the stage");
        int f = openat(stage, "masks/file",
                       O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
        if (f < 0)
                return sb_error_errno(err, errno, "make the mask file");
        close(f);
        /* On top of the old "/", then pivot into it: the old root goes
         * to /oldroot, below the stage rather than above anything. */
        if (move_mount(stage, "", AT_FDCWD, "/", MOVE_MOUNT_F_EMPTY_PATH) < 0)
                return sb_error_errno(err, errno, "attach the stage");
        if (fchdir(stage) < 0 || sys_pivot_root(".", FS_OLDROOT) < 0)
                return sb_error_errno(err, errno, "pivot_root into the stage");
        if (chdir("/") < 0)
                return sb_error_errno(err, errno, "enter the stage");
        c->host_fd = open("/" FS_OLDROOT, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (c->host_fd < 0)
                return sb_error_errno(err, errno, "open the old root");
        /* Once read-only here, every mask copied from it is too. */
        int masks = fs_clone(stage, "masks", false, err);
        if (masks < 0)
                return masks;
        c->masks_fd = masks;
        int r = fs_set_attr(masks, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
                                           MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC,
                            false, err);
        if (r >= 0)
                r = fs_attach(masks, stage, "masks", err);
        return r;
}

/* Enter the new root and let go of the stage and the old root in it:
 * pivot_root(".", ".") puts the stage on top of the new root, at "/",
 * so umount2(".") detaches exactly it, with everything below it. */
static int enter_root(struct fs_ctx *c, struct sb_error *err)
{
        if (fchdir(c->root_fd) < 0)
                return sb_error_errno(err, errno, "enter the new root");
        if (sys_pivot_root(".", ".") < 0)
                return sb_error_errno(err, errno, "pivot_root");
        if (umount2(".", MNT_DETACH) < 0)
                return sb_error_errno(err, errno, "detach the old root");
        if (chdir("/") < 0)
                return sb_error_errno(err, errno, "change directory to /");
        return 0;
}

/* ---- the plan ---- */

static int apply_plan(struct fs_ctx *c, const struct fs_plan *plan,
                      struct sb_error *err)
{
        for (size_t i = 0; i < plan->n; i++) {
                const struct sb_mount *m = &plan->ops[i];
                char what[256];
                fs_plan_describe(m, what, sizeof(what));
                struct sb_error e = { 0 };
                int r = mount_apply_op(c, m, &e);
                if (r < 0)
                        return sb_error_set(err, r, "%s (%s): %s", m->origin,
                                            what, e.msg);
                /* Kernel masks of paths this kernel lacks are routine. */
                if (r > 0 && m->fs_magic)
                        continue;
                log_debug("mount: %s%s%s [%s]", what,
                          m->readonly && m->type == SB_MOUNT_BIND ? " (ro)"
                                                                  : "",
                          r > 0 ? ": skipped, optional" : "", m->origin);
        }
        return 0;
}

static int build(struct fs_ctx *c, struct sb_error *err)
{
        const struct sb_fs_config *fs = &c->cfg->fs;
        int r = enter_stage(c, err);
        if (r < 0)
                return r;
        struct sb_error e = { 0 };
        _cleanup_close_ int root = make_root(c, &e);
        if (root < 0)
                return sb_error_set(err, root, "filesystem.root at %s: %s",
                                    fs->root_origin ? fs->root_origin
                                                    : "default",
                                    e.msg);
        if (fs_attach(root, c->stage_fd, FS_NEWROOT, err) < 0)
                return err->code;
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        c->root_fd = TAKE_FD(root);
        log_debug("mount: root %s", root_name(fs));
        /* An empty root takes mount points while the plan is applied;
         * then it is as read-only as the other kinds. */
        if (fs->root == SB_FS_ROOT_EMPTY)
                fs_seal_later(c, c->root_fd);

        r = apply_plan(c, &c->prep->plan, err);
        if (r >= 0)
                r = seal(c, err);
        if (r < 0)
                return r;
        return enter_root(c, err);
}

int mount_setup(const struct sb_config *cfg, const struct mount_prep *prep,
                struct sb_error *err)
{
        if (!(cfg->namespaces & SB_NS_MOUNT) || !prep)
                return 0;
        /* Before any other mount: a shared / would carry every mount made
         * here back into the host's namespace. */
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
                return sb_error_errno(err, errno,
                                      "make / private (mount propagation)");
        log_debug("mount propagation: private");

        const struct sb_identity *id = &cfg->process.id;
        struct fs_ctx c = {
                .cfg = cfg,
                .prep = prep,
                .host_fd = -1,
                .root_fd = -1,
                .stage_fd = -1,
                .masks_fd = -1,
                .kdir_fd = -1,
                .userns = (cfg->namespaces & SB_NS_USER) != 0,
                .uid = id->user_set ? id->uid : getuid(),
                .gid = id->user_set ? id->gid : getgid(),
        };
        /* In a user namespace init already has the target's ids (see
         * spawn.c); only root without one makes things for another user. */
        c.chown = c.uid != getuid() || c.gid != getgid();
        /* Modes are written out in full where they matter. */
        mode_t saved = umask(0);
        int r = build(&c, err);
        umask(saved);
        if (c.host_fd >= 0)
                close(c.host_fd);
        if (c.root_fd >= 0)
                close(c.root_fd);
        if (c.stage_fd >= 0)
                close(c.stage_fd);
        if (c.masks_fd >= 0)
                close(c.masks_fd);
        if (c.kdir_fd >= 0)
                close(c.kdir_fd);
        free(c.kdir_path);
        for (size_t i = 0; i < c.n_seal; i++)
                if (c.seal_fds[i] >= 0)
                        close(c.seal_fds[i]);
        free(c.seal_fds);
        return r;
}
