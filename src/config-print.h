/* The printer behind `sandbox profile show` and the fuzzer: a struct
 * sb_config written back out in profile syntax. */
#ifndef SB_CONFIG_PRINT_H
#define SB_CONFIG_PRINT_H

#include <stdio.h>

#include "config.h"
#include "profile.h"

/* Write cfg to out as a profile that loads to the same config: every
 * setting explicit (defaults included), users and groups as numbers,
 * sizes as decimal strings, strings escaped for libconfig. */
void sb_config_print(const struct sb_config *cfg, FILE *out);

/* The same, with the place each setting came from (origins, from
 * profile_load_traced) as a trailing comment: "# FILE:LINE", or
 * "# default" for a setting no file made. Still a loadable profile. */
void sb_config_print_traced(const struct sb_config *cfg,
                            const struct sb_origins *origins, FILE *out);

#endif
