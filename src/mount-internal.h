/* What mount.c, mount-ops.c and dev.c share while a view is being built:
 * the context (descriptors of the new root and of the stage) and small
 * wrappers of the new mount API that report failures in one style.
 * Internal to the filesystem view. */
#ifndef SB_MOUNT_INTERNAL_H
#define SB_MOUNT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"
#include "fs-plan.h"

/* tmpfs without a `size`: a cap, so that a sandbox cannot fill memory
 * through a tmpfs by default (cgroup limits, where set, bound it too). */
#define FS_DEFAULT_TMPFS_SIZE "512M"

/* While the view is built, the process root is the stage: a private
 * tmpfs holding the old root at /oldroot, the new root at /newroot, and
 * the inodes masks and files are bound from. */
#define FS_OLDROOT "oldroot"
#define FS_NEWROOT "newroot"

/* What mount_prepare hands to init: the plan, with each op's
 * host_source and host_upper set, and a root directory resolved the same
 * way. Read in init's copy of the launcher's memory. */
struct mount_prep {
        struct fs_plan plan;
        char *root_dir;         /* SB_FS_ROOT_DIR, resolved */
};

struct fs_ctx {
        const struct sb_config *cfg;
        const struct mount_prep *prep;
        int host_fd;            /* the old root: the host's view */
        int root_fd;            /* the new root */
        int stage_fd;
        unsigned n_staged;      /* names made in the stage so far */
        /* A read-only mount of the stage's "masks" directory, holding the
         * empty "file" and "dir" masks are copies of (they inherit its
         * flags). */
        int masks_fd;
        /* The directory of the kernel masks being applied, checked to be
         * a procfs or sysfs, kept for the next mask in the same one. */
        char *kdir_path;
        int kdir_fd;
        /* Mounts that take mount points until the plan is applied and are
         * made read-only then: an empty root, each minimal /dev. */
        int *seal_fds;
        size_t n_seal;
        bool userns;            /* init is in a user namespace */
        bool chown;             /* made objects must be given to uid/gid */
        uid_t uid;              /* the target's ids inside */
        gid_t gid;
};

/* A new filesystem, detached: fsopen(fstype), each option (`opts` holds
 * key, value pairs, a NULL value for a flag, ending with NULL), create,
 * fsmount with `attrs` (MOUNT_ATTR_*). Returns the mount fd or a negative
 * errno, with the kernel's own explanation where it gives one. */
int fs_new_mount(const char *fstype, const char *const *opts, unsigned attrs,
                 struct sb_error *err);
/* A detached copy of the mount at dirfd/path (dirfd alone with path "").
 * Only for paths the launcher made itself (in the stage). */
int fs_clone(int dirfd, const char *path, bool recursive,
             struct sb_error *err);
/* A host path as the launcher resolved it (mount_prepare), opened in the
 * host's view without following any symlink: one that appeared since it
 * was checked fails with ELOOP. An O_PATH fd or a negative errno. */
int fs_host_open(const struct fs_ctx *c, const char *path, int flags);
/* Report a failure of fs_host_open: "WHAT'PATH': reason", a link that
 * appeared since the launcher's check said in words. */
int fs_host_error(struct sb_error *err, int code, const char *what,
                  const char *path);
/* A detached copy of the mount at a host path, failures named
 * "'PATH': reason". */
int fs_host_clone(const struct fs_ctx *c, const char *path, bool recursive,
                  struct sb_error *err);
/* "/oldroot/proc/self/fd/N": a path for an fd, for the few kernel
 * interfaces that take paths only (overlayfs layers). */
void fs_fd_path(int fd, char buf[48]);
/* Set (never clear) MOUNT_ATTR_* flags on a mount fd, on the whole tree
 * when recursive: flags a user namespace locked stay as they are. */
int fs_set_attr(int mnt_fd, uint64_t attrs, bool recursive,
                struct sb_error *err);
/* Attach a detached mount on the object target_fd refers to, or on
 * dirfd/name when name is not NULL. */
int fs_attach(int mnt_fd, int target_fd, const char *name,
              struct sb_error *err);

/* Keep a descriptor of mnt_fd, to be made read-only once the plan is
 * applied (later entries may still make mount points in it). */
void fs_seal_later(struct fs_ctx *c, int mnt_fd);

/* A fresh name in the stage ("s3"), for a file or a directory. */
void fs_stage_name(struct fs_ctx *c, char buf[16]);

/* Apply one operation of the plan. Returns 1 when an optional entry
 * was skipped, 0 when applied, or a negative errno with err holding the
 * reason (without the entry's name: the caller adds it). */
int mount_apply_op(struct fs_ctx *c, const struct sb_mount *m,
                   struct sb_error *err);

/* The minimal /dev of a `dev` entry, on the directory target_fd. */
int dev_setup(struct fs_ctx *c, int target_fd, struct sb_error *err);

#endif
