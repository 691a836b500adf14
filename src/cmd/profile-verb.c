/* `sandbox profile check FILE|NAME...` and `sandbox profile list`, and the
 * dispatch of `sandbox profile SUBCOMMAND` (show is in profile-show.c). */
#include "profile-verb.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "profile.h"
#include "sandbox.h"
#include "util.h"
#include "verbs.h"
#include "world.h"

/* Load one profile into a throw-away config, collecting the diagnostics
 * in diags. Returns 0, -ENOENT (not found) or -EINVAL. */
static int try_load(const struct world *w, const char *path,
                    struct sb_diags *diags, char **ret_description)
{
        struct sb_config cfg;
        sb_config_init(&cfg);
        int r = profile_load(path, &w->env, &cfg, diags);
        if (ret_description)
                *ret_description = r == 0 && cfg.description
                                           ? xstrdup(cfg.description)
                                           : NULL;
        sb_config_free(&cfg);
        return r;
}

static int check_one(struct world *w, const char *arg)
{
        _cleanup_free_ char *app = world_app_of(arg);
        w->env.app = app;
        _cleanup_free_ char *path = profile_find(arg, &w->env);
        if (!path) {
                log_error("profile '%s' not found (searched %s, %s, %s)", arg,
                          w->dirs[0], w->dirs[1], w->dirs[2]);
                return -ENOENT;
        }
        struct sb_diags diags = { 0 };
        int r = try_load(w, path, &diags, NULL);
        w->env.app = NULL;
        /* Diagnostics on standard error, as a launch prints them; the
         * verdict on standard output, for scripts. */
        for (size_t i = 0; i < diags.n; i++)
                log_error("%s", diags.msgs[i]);
        sb_diags_free(&diags);
        if (r == 0)
                printf("%s: ok\n", path);
        return r;
}

static int cmd_profile_check(int argc, char **argv)
{
        if (argc < 2)
                return cmd_usage_error("profile check",
                                       "needs a profile (a FILE or a NAME)");
        struct world w;
        world_init(&w, NULL, NULL);
        int status = 0;
        for (int i = 1; i < argc; i++)
                if (check_one(&w, argv[i]) < 0)
                        status = SB_EXIT_PROFILE;
        world_free(&w);
        if (fflush(stdout) != 0 || ferror(stdout))
                return SB_EXIT_SETUP;
        return status;
}

static int compare_names(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of DIR/ *.profile, sorted; *n_out entries. */
static char **profile_names(const char *dir, size_t *n_out)
{
        char **names = NULL;
        size_t n = 0;
        DIR *d = opendir(dir);
        *n_out = 0;
        if (!d) {
                if (errno != ENOENT)
                        log_warn("cannot list %s: %s", dir,
                                    strerror(errno));
                return NULL;
        }
        struct dirent *de;
        while ((de = readdir(d))) {
                size_t len = strlen(de->d_name);
                if (de->d_name[0] == '.' || !str_has_suffix(de->d_name, ".profile"))
                        continue;
                names = xrealloc(names, (n + 1) * sizeof(*names));
                names[n++] = xstrndup(de->d_name, len - strlen(".profile"));
        }
        closedir(d);
        if (n)
                qsort(names, n, sizeof(*names), compare_names);
        *n_out = n;
        return names;
}

static bool file_exists(const char *dir, const char *name, const char *suffix)
{
        _cleanup_free_ char *p = xasprintf("%s/%s%s", dir, name, suffix);
        return access(p, F_OK) == 0;
}

/* What changes the profile NAME found in dirs[k]: a NAME.profile in a more
 * specific directory (which is what --profile=NAME then loads), and every
 * NAME.local (which applies on top of whichever file is loaded). */
static char *overridden_by(const struct world *w, size_t k, const char *name)
{
        char *out = NULL;
        for (size_t i = 0; w->dirs[i]; i++) {
                char *add = NULL;
                if (i < k && file_exists(w->dirs[i], name, ".profile"))
                        add = xasprintf("%s/%s.profile", w->dirs[i], name);
                else if (file_exists(w->dirs[i], name, ".local"))
                        add = xasprintf("%s/%s.local", w->dirs[i], name);
                if (!add)
                        continue;
                char *both = out ? xasprintf("%s, %s", out, add) : xstrdup(add);
                free(add);
                free(out);
                out = both;
        }
        return out;
}

static int cmd_profile_list(int argc, char **argv)
{
        if (argc > 1)
                return cmd_usage_error("profile list", "takes no argument '%s'",
                                       argv[1]);
        struct world w;
        world_init(&w, NULL, NULL);
        printf("%-16s %-40s %s\n", "NAME", "DIRECTORY", "DESCRIPTION");
        for (size_t k = 0; w.dirs[k]; k++) {
                size_t n;
                char **names = profile_names(w.dirs[k], &n);
                for (size_t i = 0; i < n; i++) {
                        _cleanup_free_ char *path =
                                xasprintf("%s/%s.profile", w.dirs[k], names[i]);
                        _cleanup_free_ char *desc = NULL;
                        struct sb_diags diags = { 0 };
                        w.env.app = names[i];
                        int r = try_load(&w, path, &diags, &desc);
                        w.env.app = NULL;
                        sb_diags_free(&diags);
                        printf("%-16s %-40s %s\n", names[i], w.dirs[k],
                               r < 0 ? "(invalid: see sandbox profile check)"
                                     : desc ? desc : "-");
                        _cleanup_free_ char *by = overridden_by(&w, k, names[i]);
                        if (by)
                                printf("%-16s   overridden by %s\n", "", by);
                        free(names[i]);
                }
                free(names);
        }
        world_free(&w);
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : SB_EXIT_SETUP;
}

int cmd_profile(const struct cli_request *req, int argc, char **argv)
{
        if (argc < 2)
                return cmd_usage_error("profile",
                                       "needs a subcommand (check, show, list)");
        if (strcmp(argv[1], "check") == 0)
                return cmd_profile_check(argc - 1, argv + 1);
        if (strcmp(argv[1], "show") == 0)
                return cmd_profile_show(req, argc - 1, argv + 1);
        if (strcmp(argv[1], "list") == 0)
                return cmd_profile_list(argc - 1, argv + 1);
        return cmd_usage_error("profile", "unknown subcommand '%s'", argv[1]);
}
