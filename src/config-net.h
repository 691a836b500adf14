/* The part of struct sb_config that describes networking: the network key.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_NET_H
#define SB_CONFIG_NET_H

#include <stdbool.h>
#include <stddef.h>

struct sb_net_config {
        bool set;               /* placeholder until the feature lands */
};

/* The documented defaults. */
void sb_net_config_init(struct sb_net_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_net_config_free(struct sb_net_config *c);

#endif
