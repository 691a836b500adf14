/* ${VAR} expansion in profile strings. Pure: the values come from the
 * caller's struct sb_profile_env plus the directory of the file being
 * parsed, never from the process environment. */
#ifndef SB_VARS_H
#define SB_VARS_H

#include "profile.h"

/* Expand every ${NAME} in `s`. Known names: HOME, USER, UID, GID,
 * XDG_RUNTIME_DIR, PROFILE_DIR (`profile_dir`, may be NULL), APP and CWD. A '$'
 * not followed by '{' is kept as is. On success returns 0 and a newly
 * allocated string in *ret. On an unknown name, a name without a value
 * here, or a "${" without its "}", returns -EINVAL and a newly allocated
 * message in *ret_error (e.g. "unknown variable '${HOEM}' (did you mean
 * '${HOME}'?)"); *ret is then untouched. */
int vars_expand(const char *s, const struct sb_profile_env *env,
                const char *profile_dir, char **ret, char **ret_error);

#endif
