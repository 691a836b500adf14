/* Defaults and release of struct sb_cgroup_config. */
#include "config-cgroup.h"

#include <string.h>

void sb_cgroup_config_init(struct sb_cgroup_config *c)
{
        memset(c, 0, sizeof(*c));
}

void sb_cgroup_config_free(struct sb_cgroup_config *c)
{
        memset(c, 0, sizeof(*c));
}
