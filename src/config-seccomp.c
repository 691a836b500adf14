/* Defaults and release of struct sb_seccomp_config. */
#include "config-seccomp.h"

#include <errno.h>
#include <string.h>

#include "util.h"

void sb_seccomp_config_init(struct sb_seccomp_config *c)
{
        memset(c, 0, sizeof(*c));
        c->enabled = true;
        c->action = SB_SECCOMP_ERRNO;
        c->errno_value = EPERM;
}

void sb_seccomp_config_free(struct sb_seccomp_config *c)
{
        strv_free(c->deny);
        strv_free(c->allow);
        memset(c, 0, sizeof(*c));
}
