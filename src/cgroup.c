/* Placeholder until the cgroup feature lands: no cgroup. */
#include "cgroup.h"

#include <stddef.h>

int cgroup_prepare(const struct sb_config *cfg, struct cgroup **ret,
                   struct sb_error *err)
{
        *ret = NULL;
        return 0;
}

int cgroup_attach(struct cgroup *cg, pid_t pid, struct sb_error *err)
{
        return 0;
}

void cgroup_destroy(struct cgroup *cg)
{
}
