/* The part of struct sb_config that describes the filesystem view:
 * filesystem.root, filesystem.mounts, filesystem.home, filesystem.unmask
 * and devices. Plain data filled by the profile loader; see
 * sandbox.profile(5). The tables of names (mount types, devices, default
 * kernel masks) live here too, so that the loader and the engine share
 * one spelling. */
#ifndef SB_CONFIG_FS_H
#define SB_CONFIG_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum sb_fs_root {
        SB_FS_ROOT_HOST,        /* the host's / read-only, mounts on top */
        SB_FS_ROOT_EMPTY,       /* an empty tmpfs, only what mounts make */
        SB_FS_ROOT_DIR,         /* an existing root filesystem */
        SB_FS_ROOT_MAX,
        SB_FS_ROOT_INVALID = -1,
};

enum sb_mount_type {
        SB_MOUNT_BIND,
        SB_MOUNT_TMPFS,
        SB_MOUNT_PROC,
        SB_MOUNT_SYSFS,
        SB_MOUNT_MQUEUE,
        SB_MOUNT_DEV,
        SB_MOUNT_OVERLAY,
        SB_MOUNT_SYMLINK,
        SB_MOUNT_FILE,
        SB_MOUNT_DIR,
        SB_MOUNT_MASK,
        /* Not a profile type: a path already in the view, bound onto
         * itself read-only (the kernel's /proc/sys and friends). */
        SB_MOUNT_READONLY,
        SB_MOUNT_TYPE_MAX,
        SB_MOUNT_TYPE_INVALID = -1,
};

/* One entry of filesystem.mounts (or one that a default or a convenience
 * expands to). Which fields matter depends on the type; see
 * sandbox.profile(5). */
struct sb_mount {
        enum sb_mount_type type;
        char *source;           /* bind, overlay: host path; symlink: text */
        char *target;           /* absolute and normalised, inside */
        char *upper;            /* overlay: host dir for writes; NULL: tmpfs */
        char *content;          /* file */
        uint64_t size;          /* tmpfs, overlay: bytes; 0: the default */
        mode_t mode;            /* tmpfs, file, dir: permission bits */
        bool mode_set;
        bool readonly;          /* bind, file */
        bool optional;          /* a missing source or target is skipped */
        bool recursive;         /* bind: mounts below the source come too */
        /* Plan only, file: laid over a file the view already has, which
         * is never made (network.dns and network.hosts). */
        bool cover;
        /* Where it comes from, for messages: "FILE:LINE", or a word such
         * as "default" or "kernel mask". */
        char *origin;
        /* Plan only, for kernel masks: the filesystem (statfs f_type) the
         * target's directory must be on, or 0. */
        unsigned long fs_magic;
        /* Plan only, filled by the launcher (mount_prepare): source and
         * upper as resolved on the host, each symlink on the way checked
         * and replaced by its text; NULL until then. */
        char *host_source;
        char *host_upper;
};

/* filesystem.home: a private home and what of the real one shows in it. */
struct sb_fs_home {
        bool private_home;      /* an empty tmpfs over the home */
        char **writable;        /* relative to the home; NULL-terminated */
        char **readonly;
        char *dir;              /* ${HOME} when the profile was loaded */
        char *origin;           /* where `home` was last set, or NULL */
};

/* Devices a minimal /dev may hold; a bit set in sb_fs_config.devices. */
enum sb_device {
        SB_DEV_NULL,
        SB_DEV_ZERO,
        SB_DEV_FULL,
        SB_DEV_RANDOM,
        SB_DEV_URANDOM,
        SB_DEV_TTY,
        SB_DEV_FUSE,
        SB_DEV_KVM,
        SB_DEV_TUN,
        SB_DEV_MAX,
        SB_DEV_INVALID = -1,
};

struct sb_device_info {
        const char *name;       /* as written in `devices`, and its path
                                   below /dev */
        unsigned major, minor;  /* what the host's node must be */
};

#define SB_DEVICES_DEFAULT                                                     \
        ((1u << SB_DEV_NULL) | (1u << SB_DEV_ZERO) | (1u << SB_DEV_FULL) |     \
         (1u << SB_DEV_RANDOM) | (1u << SB_DEV_URANDOM) | (1u << SB_DEV_TTY))

/* The masks laid over a procfs or sysfs whenever one is mounted. */
enum sb_kmask_fs {
        SB_KMASK_PROC,
        SB_KMASK_SYSFS,
};

/* What is laid over a kernel interface. */
enum sb_kmask_kind {
        SB_KMASK_HIDE,          /* the empty file or directory, mode 0000 */
        SB_KMASK_READONLY,      /* itself, bound read-only */
        SB_KMASK_EMPTY,         /* an empty read-only directory, 0755 */
};

struct sb_kmask {
        enum sb_kmask_fs fs;
        const char *path;       /* below the filesystem's mount point */
        enum sb_kmask_kind kind;
};

struct sb_fs_config {
        enum sb_fs_root root;
        char *root_dir;         /* SB_FS_ROOT_DIR: absolute, normalised */
        char *root_origin;      /* "FILE:LINE" of filesystem.root, or NULL */
        struct sb_mount *mounts;        /* the profile's, in order */
        size_t n_mounts;
        struct sb_fs_home home;
        unsigned devices;               /* enum sb_device bits */
        unsigned unmask;                /* bits: index in sb_kmask_table() */
        /* For the loader's cross-key checks: "FILE:LINE" and name of the
         * last filesystem or devices key a profile set, or NULL. */
        char *set_origin;
        const char *set_key;
};

/* The documented defaults. */
void sb_fs_config_init(struct sb_fs_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_fs_config_free(struct sb_fs_config *c);
/* Release the strings of one entry. */
void sb_mount_free(struct sb_mount *m);

/* "bind", "tmpfs", ...; NULL for a type that has no profile name. */
const char *sb_mount_type_name(enum sb_mount_type t);
/* The type of a profile name, or SB_MOUNT_TYPE_INVALID. */
enum sb_mount_type sb_mount_type_from_name(const char *name);

const struct sb_device_info *sb_device_info(enum sb_device d);
enum sb_device sb_device_from_name(const char *name);

/* The default kernel masks, and how many there are (at most 32). The
 * profile names one as "/proc/PATH" or "/sys/PATH". */
const struct sb_kmask *sb_kmask_table(size_t *ret_n);
/* "/proc/keys" -> its index, or -1. */
int sb_kmask_from_name(const char *name);

#endif
