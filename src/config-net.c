/* Defaults and release of struct sb_net_config. */
#include "config-net.h"

#include <string.h>

void sb_net_config_init(struct sb_net_config *c)
{
        memset(c, 0, sizeof(*c));
}

void sb_net_config_free(struct sb_net_config *c)
{
        memset(c, 0, sizeof(*c));
}
