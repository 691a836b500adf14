/* Defaults and release of struct sb_fs_config. */
#include "config-fs.h"

#include <string.h>

void sb_fs_config_init(struct sb_fs_config *c)
{
        memset(c, 0, sizeof(*c));
}

void sb_fs_config_free(struct sb_fs_config *c)
{
        memset(c, 0, sizeof(*c));
}
