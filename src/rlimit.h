/* Resource limits: the name <-> RLIMIT_* table (pure) and applying a
 * config's limits to the calling process (effectful). */
#ifndef SB_RLIMIT_H
#define SB_RLIMIT_H

#include <stdbool.h>

#include "config.h"
#include "error.h"

/* "nofile" or "RLIMIT_NOFILE" (any case) -> RLIMIT_NOFILE; -1 if unknown. */
int rlimit_from_name(const char *name);
/* RLIMIT_NOFILE -> "nofile"; NULL if out of range. */
const char *rlimit_name(int resource);
/* True for limits measured in bytes, where K/M/G suffixes make sense. */
bool rlimit_is_size(int resource);
/* Apply every set limit with setrlimit(2). */
int rlimit_apply(const struct sb_rlimit limits[SB_RLIMIT_COUNT],
                 struct sb_error *err);

#endif
