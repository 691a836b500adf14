/* The part of struct sb_config that describes the filesystem view: filesystem.root, filesystem.mounts and devices.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_FS_H
#define SB_CONFIG_FS_H

#include <stdbool.h>
#include <stddef.h>

struct sb_fs_config {
        bool set;               /* placeholder until the feature lands */
};

/* The documented defaults. */
void sb_fs_config_init(struct sb_fs_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_fs_config_free(struct sb_fs_config *c);

#endif
