/* Placeholder until the network feature lands: an empty namespace. */
#include "net.h"

#include <stddef.h>

int net_prepare(const struct sb_config *cfg, struct net_host **ret,
                struct sb_error *err)
{
        *ret = NULL;
        return 0;
}

int net_host_setup(struct net_host *h, pid_t child, struct sb_error *err)
{
        return 0;
}

int net_inside_setup(const struct sb_config *cfg, struct sb_error *err)
{
        return 0;
}

void net_host_cleanup(struct net_host *h)
{
}
