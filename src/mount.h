/* The sandbox's filesystem view, built inside its private mount
 * namespace. */
#ifndef SB_MOUNT_H
#define SB_MOUNT_H

#include "config.h"
#include "error.h"

/* Make every mount private (nothing propagates back to the host) and, with
 * a pid namespace, mount a procfs of that namespace on /proc. */
int mount_setup(const struct sb_config *cfg, struct sb_error *err);

#endif
