/* The target's environment: the caller's, filtered through the profile's
 * environment policy (clear / keep / set). Pure. */
#ifndef SB_ENV_H
#define SB_ENV_H

#include "config.h"

#define SB_DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin"

/* A new NULL-terminated "NAME=value" vector (free with strv_free). With
 * clear, only names in keep survive ("LC_*" keeps every LC_ name); set
 * entries are applied last. PATH falls back to SB_DEFAULT_PATH when the
 * result has none, since the command is looked up with it. */
char **env_build(const struct sb_environment *policy, char *const *caller);

/* Drop every NAME= entry of the NULL-terminated v (NULL is fine), so that
 * a later assignment replaces it. */
void env_unset(char **v, const char *name);

#endif
