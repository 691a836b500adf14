/* What the profile loader needs from the caller's world (home, user,
 * working directory, the directories searched for profiles), read once,
 * for every verb that finds or loads profiles. */
#ifndef SB_CMD_WORLD_H
#define SB_CMD_WORLD_H

#include "profile.h"

struct world {
        struct sb_profile_env env;
        char *home, *user, *config_dir, *cwd;
        const char *dirs[4];
};

struct sb_policy;

/* app: ${APP}, the basename of the target; may be NULL. policy: the
 * system policy of a setuid launch (which directories are searched, and
 * who must own the profiles), or NULL. */
void world_init(struct world *w, const char *app,
                const struct sb_policy *policy);
void world_free(struct world *w);

/* ${APP} for a profile looked at without a command (profile check, show,
 * list): the name the profile is found by, which is the command's name
 * when the profile is picked by it. Newly allocated. */
char *world_app_of(const char *profile);

/* Load the profile at path into cfg (sb_config_init first); every
 * diagnostic is logged. Returns 0 or a negative errno. */
int world_load(const struct world *w, const char *path,
               struct sb_config *cfg);

#endif
