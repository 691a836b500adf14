/* The filesystem view as an ordered list of operations, computed from the
 * config alone (pure, unit-tested): the default mounts a profile did not
 * replace, the home convenience expanded into mounts, the profile's own
 * mounts, and the kernel masks after every procfs and sysfs. */
#ifndef SB_FS_PLAN_H
#define SB_FS_PLAN_H

#include <stddef.h>

#include "config.h"

/* Each operation is an sb_mount with its own copies of the strings. Its
 * `origin` says where it comes from, in the words messages use:
 * "mount entry at FILE:LINE", "default mount", "kernel mask",
 * "filesystem.home at FILE:LINE". */
struct fs_plan {
        struct sb_mount *ops;
        size_t n;
};

void fs_plan_build(const struct sb_config *cfg, struct fs_plan *ret);
void fs_plan_free(struct fs_plan *p);

/* Add copies of entries that come from elsewhere than the profile's
 * mount list (the desktop keys), after everything else; each keeps its
 * own origin. */
void fs_plan_append(struct fs_plan *p, const struct sb_mount *m, size_t n);

/* "bind", "tmpfs", ..., "read-only" for SB_MOUNT_READONLY. */
const char *fs_plan_type_label(enum sb_mount_type t);

/* An operation in the words messages use: "bind /a on /b", "tmpfs /tmp". */
void fs_plan_describe(const struct sb_mount *m, char *buf, size_t size);

#endif
