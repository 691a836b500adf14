/* The part of struct sb_config that describes cgroup limits: the cgroup key.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_CGROUP_H
#define SB_CONFIG_CGROUP_H

#include <stdbool.h>
#include <stddef.h>

struct sb_cgroup_config {
        bool set;               /* placeholder until the feature lands */
};

/* The documented defaults. */
void sb_cgroup_config_init(struct sb_cgroup_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_cgroup_config_free(struct sb_cgroup_config *c);

#endif
