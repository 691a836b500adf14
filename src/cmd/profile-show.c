/* `sandbox profile show NAME|FILE`: the profile as the launcher would use
 * it, after its includes and every .local, printed as a loadable profile
 * with the file and line of each setting as a trailing comment. */
#include "profile-verb.h"

#include <stdio.h>

#include "cleanup.h"
#include "config-print.h"
#include "log.h"
#include "profile.h"
#include "sandbox.h"
#include "verbs.h"
#include "world.h"

int cmd_profile_show(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        if (argc != 2)
                return cmd_usage_error("profile show",
                                       argc < 2 ? "needs a profile (a FILE or "
                                                  "a NAME)"
                                                : "takes one profile");
        struct world w;
        _cleanup_free_ char *app = world_app_of(argv[1]);
        world_init(&w, app, NULL);
        int status = 0;
        _cleanup_free_ char *path = profile_find(argv[1], &w.env);
        if (!path) {
                log_error("profile '%s' not found (searched %s, %s, %s)",
                          argv[1], w.dirs[0], w.dirs[1], w.dirs[2]);
                world_free(&w);
                return SB_EXIT_PROFILE;
        }
        struct sb_config cfg;
        struct sb_diags diags = { 0 };
        struct sb_origins origins = { 0 };
        sb_config_init(&cfg);
        if (profile_load_traced(path, &w.env, &cfg, &diags, &origins) < 0) {
                for (size_t i = 0; i < diags.n; i++)
                        log_error("%s", diags.msgs[i]);
                status = SB_EXIT_PROFILE;
        } else {
                sb_config_print_traced(&cfg, &origins, stdout);
                if (fflush(stdout) != 0 || ferror(stdout))
                        status = SB_EXIT_SETUP;
        }
        sb_diags_free(&diags);
        sb_origins_free(&origins);
        sb_config_free(&cfg);
        world_free(&w);
        return status;
}
