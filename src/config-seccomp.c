/* Defaults and release of struct sb_seccomp_config. */
#include "config-seccomp.h"

#include <string.h>

void sb_seccomp_config_init(struct sb_seccomp_config *c)
{
        memset(c, 0, sizeof(*c));
}

void sb_seccomp_config_free(struct sb_seccomp_config *c)
{
        memset(c, 0, sizeof(*c));
}
