/* The part of struct sb_config that describes the seccomp filter: the seccomp key.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_SECCOMP_H
#define SB_CONFIG_SECCOMP_H

#include <stdbool.h>
#include <stddef.h>

struct sb_seccomp_config {
        bool set;               /* placeholder until the feature lands */
};

/* The documented defaults. */
void sb_seccomp_config_init(struct sb_seccomp_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_seccomp_config_free(struct sb_seccomp_config *c);

#endif
