/* The printer behind `sandbox profile show` and the fuzzer: a struct
 * sb_config written back out in profile syntax. */
#ifndef SB_CONFIG_PRINT_H
#define SB_CONFIG_PRINT_H

#include <stdio.h>

#include "config.h"

/* Write cfg to out as a profile that loads to the same config: every
 * setting explicit (defaults included), users and groups as numbers,
 * sizes as decimal strings, strings escaped for libconfig. Sections whose
 * feature has no printer yet appear as a comment. */
void sb_config_print(const struct sb_config *cfg, FILE *out);

#endif
