/* Cgroups: one interface over the v2 and v1 backends. The launcher creates
 * the sandbox's cgroup beneath its own, writes the limits, moves the
 * sandbox's init in before it runs anything, and removes it at the end. */
#ifndef SB_CGROUP_H
#define SB_CGROUP_H

#include <sys/types.h>

#include "config.h"
#include "error.h"

struct cgroup;

/* Create the cgroup the config asks for and write its limits. *ret is NULL
 * when no cgroup is wanted. */
int cgroup_prepare(const struct sb_config *cfg, struct cgroup **ret,
                   struct sb_error *err);
/* Move pid (the sandbox's init, not yet running anything) into it. */
int cgroup_attach(struct cgroup *cg, pid_t pid, struct sb_error *err);
/* Kill whatever is left in it and remove it; NULL is fine. */
void cgroup_destroy(struct cgroup *cg);

#endif
