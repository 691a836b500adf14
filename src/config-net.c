/* Defaults and release of struct sb_net_config. */
#include "config-net.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void sb_net_config_init(struct sb_net_config *c)
{
        memset(c, 0, sizeof(*c));
        c->mode = SB_NET_NONE;
}

void sb_net_config_free(struct sb_net_config *c)
{
        free(c->mode_where);
        free(c->veth_where);
        for (size_t i = 0; i < SB_NET_MAX_VETH; i++)
                free(c->veths[i].where);
        free(c->dns_where);
        strv_free(c->hosts);
        free(c->hosts_where);
        memset(c, 0, sizeof(*c));
}

static const char *const mode_names[SB_NET_MODE_MAX] = {
        [SB_NET_NONE] = "none",
        [SB_NET_LOOPBACK] = "loopback",
        [SB_NET_VETH] = "veth",
        [SB_NET_HOST] = "host",
};

const char *sb_net_mode_name(enum sb_net_mode mode)
{
        if ((int)mode < 0 || mode >= SB_NET_MODE_MAX)
                return NULL;
        return mode_names[mode];
}
