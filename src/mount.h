/* The sandbox's filesystem view: planned and checked by the launcher,
 * built by init inside its private mount namespace. */
#ifndef SB_MOUNT_H
#define SB_MOUNT_H

#include "config.h"
#include "error.h"

/* The view as the launcher prepared it (mount-internal.h). */
struct mount_prep;

/* In the launcher, before any namespace exists: the plan (fs-plan.c),
 * and every host path in it (bind sources, overlay layers, a root
 * directory) resolved while the host's owners can still be seen,
 * following only symlinks that root alone can have made (host-path.h).
 * *ret is NULL without a mount namespace. A refused path fails here,
 * naming the entry and the link. */
int mount_prepare(const struct sb_config *cfg, struct mount_prep **ret,
                  struct sb_error *err);
void mount_prep_free(struct mount_prep *p);
/* Keep the host directory `path` (a resolved, absolute path: the state
 * directory of named sandboxes) out of the view: a mask, applied after
 * everything else, wherever the base or a bind or overlay would show it.
 * prep may be NULL (no mount namespace). */
int mount_prepare_hide(struct mount_prep *prep, const struct sb_config *cfg,
                       const char *path);

/* In init: make every mount private (nothing propagates back to the
 * host), build the prepared view and enter it. */
int mount_setup(const struct sb_config *cfg, const struct mount_prep *prep,
                struct sb_error *err);

#endif
