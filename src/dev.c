/* The minimal /dev: a small tmpfs holding only the profile's `devices`,
 * a new devpts instance (with ptmx), /dev/shm, and the fd, stdin, stdout
 * and stderr links; read-only once the whole plan is applied.
 *
 * Every device node is the host's own, bound from the host's /dev after
 * checking that it is the character device it should be, never a node
 * made here with mknod: a user namespace may not mknod, and this way the
 * tmpfs itself stays nodev for everyone, root included, so that no node
 * a sandbox makes later (with CAP_MKNOD kept) opens a device. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "mount-internal.h"
#include "util.h"

#define ATTR_DEVFS (MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC)

/* Bind the host's /dev/NAME on a new empty file NAME in dev. */
static int bind_device(struct fs_ctx *c, int dev,
                       const struct sb_device_info *d, struct sb_error *err)
{
        char host[64];
        snprintf(host, sizeof(host), "/dev/%s", d->name);
        struct sb_error e = { 0 };
        _cleanup_close_ int src = fs_host_clone(c, host, false, &e);
        if (src < 0)
                return sb_error_set(err, src, "device %s", e.msg);
        struct stat st;
        if (fstat(src, &st) < 0)
                return sb_error_errno(err, errno, "device '%s'", host);
        if (!S_ISCHR(st.st_mode) || major(st.st_rdev) != d->major ||
            minor(st.st_rdev) != d->minor)
                return sb_error_set(err, -EINVAL,
                                    "'%s' is not the character device "
                                    "%u:%u",
                                    host, d->major, d->minor);
        /* The node keeps working on a read-only mount; only its inode
         * (mode, times) can no longer be changed. */
        int r = fs_set_attr(src, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
                                         MOUNT_ATTR_NOEXEC,
                            false, err);
        if (r < 0)
                return r;
        const char *slash = strchr(d->name, '/');
        if (slash) {    /* net/tun: one directory level */
                char dir[32];
                snprintf(dir, sizeof(dir), "%.*s", (int)(slash - d->name),
                         d->name);
                if (mkdirat(dev, dir, 0755) < 0 && errno != EEXIST)
                        return sb_error_errno(err, errno, "make /dev/%s",
                                              dir);
        }
        int f = openat(dev, d->name,
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                       0666);
        if (f < 0)
                return sb_error_errno(err, errno, "make the file for %s",
                                      d->name);
        close(f);
        r = fs_attach(src, dev, d->name, err);
        if (r < 0)
                return r;
        log_debug("mount: device %s", d->name);
        return 0;
}

#define DRM_MAJOR 226

/* desktop.gpu: every DRM node of the host's /dev/dri (card*, renderD*),
 * each checked to be a character device of the DRM major, bound on a
 * file of the same name in /dev/dri. The names and minors differ from
 * machine to machine, so they are read from the directory rather than a
 * table; the launcher has refused a host without one. */
static int bind_dri(struct fs_ctx *c, int dev, struct sb_error *err)
{
        _cleanup_close_ int path = fs_host_open(c, "/dev/dri", O_DIRECTORY);
        if (path < 0)
                return fs_host_error(err, path, "GPU ", "/dev/dri");
        DIR *dir = opendir_at(path, ".", 0);
        if (!dir)
                return sb_error_errno(err, errno, "read '/dev/dri'");
        int r = 0;
        if (mkdirat(dev, "dri", 0755) < 0)
                r = sb_error_errno(err, errno, "make /dev/dri");
        _cleanup_close_ int out = r < 0 ? -1
                                        : openat(dev, "dri", O_PATH |
                                                 O_DIRECTORY | O_NOFOLLOW |
                                                 O_CLOEXEC);
        if (r >= 0 && out < 0)
                r = sb_error_errno(err, errno, "open /dev/dri");
        for (struct dirent *e; r >= 0 && (e = readdir(dir));) {
                struct stat st;
                if (strncmp(e->d_name, "card", 4) != 0 &&
                    strncmp(e->d_name, "renderD", 7) != 0)
                        continue;
                if (fstatat(dirfd(dir), e->d_name, &st,
                            AT_SYMLINK_NOFOLLOW) < 0 ||
                    !S_ISCHR(st.st_mode) || major(st.st_rdev) != DRM_MAJOR)
                        continue;
                _cleanup_close_ int src = fs_clone(dirfd(dir), e->d_name,
                                                   false, err);
                if (src < 0) {
                        r = src;
                        break;
                }
                r = fs_set_attr(src, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
                                             MOUNT_ATTR_NOEXEC,
                                false, err);
                int f = r < 0 ? -1
                              : openat(out, e->d_name,
                                       O_WRONLY | O_CREAT | O_EXCL |
                                               O_NOFOLLOW | O_CLOEXEC,
                                       0666);
                if (r >= 0 && f < 0)
                        r = sb_error_errno(err, errno, "make the file for "
                                           "dri/%s", e->d_name);
                if (f >= 0)
                        close(f);
                if (r >= 0)
                        r = fs_attach(src, out, e->d_name, err);
                if (r >= 0)
                        log_debug("mount: device dri/%s", e->d_name);
        }
        closedir(dir);
        return r;
}

/* A new devpts instance: its own ptys, none of the host's. */
static int mount_pts(int dev, struct sb_error *err)
{
        static const char *const opts[] = {
                "newinstance", NULL, "ptmxmode", "0666", "mode", "0620",
                NULL,
        };
        if (mkdirat(dev, "pts", 0755) < 0)
                return sb_error_errno(err, errno, "make /dev/pts");
        _cleanup_close_ int mnt = fs_new_mount(
                "devpts", opts, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC, err);
        if (mnt < 0)
                return mnt;
        int r = fs_attach(mnt, dev, "pts", err);
        if (r < 0)
                return r;
        if (symlinkat("pts/ptmx", dev, "ptmx") < 0)
                return sb_error_errno(err, errno, "make /dev/ptmx");
        return 0;
}

static int mount_shm(struct fs_ctx *c, int dev, struct sb_error *err)
{
        char uid[16], gid[16];
        snprintf(uid, sizeof(uid), "%u", (unsigned)c->uid);
        snprintf(gid, sizeof(gid), "%u", (unsigned)c->gid);
        const char *opts[] = { "mode", "1777", "size", FS_DEFAULT_TMPFS_SIZE,
                               c->chown ? "uid" : NULL, uid, "gid", gid,
                               NULL };
        if (mkdirat(dev, "shm", 0755) < 0)
                return sb_error_errno(err, errno, "make /dev/shm");
        _cleanup_close_ int mnt = fs_new_mount("tmpfs", opts, ATTR_DEVFS,
                                               err);
        if (mnt < 0)
                return mnt;
        return fs_attach(mnt, dev, "shm", err);
}

static int make_links(int dev, struct sb_error *err)
{
        static const char *const links[][2] = {
                { "fd", "/proc/self/fd" },
                { "stdin", "/proc/self/fd/0" },
                { "stdout", "/proc/self/fd/1" },
                { "stderr", "/proc/self/fd/2" },
        };
        for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++)
                if (symlinkat(links[i][1], dev, links[i][0]) < 0)
                        return sb_error_errno(err, errno, "make /dev/%s",
                                              links[i][0]);
        return 0;
}

int dev_setup(struct fs_ctx *c, int target_fd, struct sb_error *err)
{
        static const char *const opts[] = { "mode", "0755", "size", "64K",
                                            NULL };
        _cleanup_close_ int dev = fs_new_mount("tmpfs", opts, ATTR_DEVFS,
                                               err);
        if (dev < 0)
                return dev;
        int r = fs_attach(dev, target_fd, NULL, err);
        if (r < 0)
                return r;
        unsigned devices = c->cfg->fs.devices;
        for (int i = 0; i < SB_DEV_MAX && r >= 0; i++)
                if (devices & (1u << i))
                        r = bind_device(c, dev, sb_device_info(i), err);
        if (r >= 0 && c->cfg->desktop.gpu)
                r = bind_dri(c, dev, err);
        if (r >= 0)
                r = mount_pts(dev, err);
        if (r >= 0)
                r = mount_shm(c, dev, err);
        if (r >= 0)
                r = make_links(dev, err);
        if (r >= 0)
                fs_seal_later(c, dev);
        return r;
}
