/* The caller's world as the profile loader sees it, shared by the verbs
 * that find or load profiles (run, profile check|show|list). */
#include "world.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build-config.h"
#include "log.h"
#include "policy.h"
#include "util.h"

/* The administrator's profile directory, fixed when the binary is built
 * (policy-path.c; a test build of the setuid launcher has its own). */
extern const char sb_sysconf_profiledir[];

/* The environment is read with secure_getenv so that a setuid build never
 * takes paths from its caller. */
void world_init(struct world *w, const char *app,
                const struct sb_policy *policy)
{
        struct passwd *pw = getpwuid(getuid());
        const char *home = pw ? pw->pw_dir : secure_getenv("HOME");
        w->home = xstrdup(home ? home : "/");
        w->user = pw ? xstrdup(pw->pw_name)
                     : xasprintf("%u", (unsigned)getuid());
        const char *xdg_config = secure_getenv("XDG_CONFIG_HOME");
        w->config_dir = xdg_config && xdg_config[0] == '/'
                                ? xasprintf("%s/sandbox", xdg_config)
                                : xasprintf("%s/.config/sandbox", w->home);
        /* getcwd fails when the directory was removed or is out of reach;
         * ${CWD} then has no value and a profile that uses it says so. */
        char cwd[PATH_MAX];
        w->cwd = getcwd(cwd, sizeof(cwd)) && cwd[0] == '/' ? xstrdup(cwd)
                                                          : NULL;
        /* Tests and uninstalled builds point at the source tree's profiles
         * with SANDBOX_PROFILEDIR; it replaces the installed directory. */
        const char *profiledir = secure_getenv("SANDBOX_PROFILEDIR");
        size_t n = 0;
        /* A setuid launcher whose policy forbids user profiles does not
         * even look in the user's directory, and never takes the
         * installed directory from its caller. */
        if (!policy || policy->user_profiles)
                w->dirs[n++] = w->config_dir;
        w->dirs[n++] = sb_sysconf_profiledir;
        w->dirs[n++] = profiledir && *profiledir && !policy ? profiledir
                                                            : SB_PROFILEDIR;
        w->dirs[n] = NULL;
        w->env = (struct sb_profile_env){
                .home = w->home,
                .user = w->user,
                .uid = getuid(),
                .gid = getgid(),
                .xdg_runtime_dir = secure_getenv("XDG_RUNTIME_DIR"),
                .app = app,
                .cwd = w->cwd,
                .display = secure_getenv("DISPLAY"),
                .xauthority = secure_getenv("XAUTHORITY"),
                .wayland_display = secure_getenv("WAYLAND_DISPLAY"),
                .dbus_address = secure_getenv("DBUS_SESSION_BUS_ADDRESS"),
                .search_dirs = w->dirs,
                .check_owner = policy != NULL,
                .allow_user_owned = policy && policy->user_profiles,
        };
}

void world_free(struct world *w)
{
        free(w->home);
        free(w->user);
        free(w->config_dir);
        free(w->cwd);
}

char *world_app_of(const char *profile)
{
        const char *slash = strrchr(profile, '/');
        const char *base = slash ? slash + 1 : profile;
        size_t n = strlen(base);
        if (str_has_suffix(base, ".profile"))
                n -= strlen(".profile");
        return xstrndup(base, n);
}

int world_load(const struct world *w, const char *path, struct sb_config *cfg)
{
        struct sb_diags diags = { 0 };
        int r = profile_load(path, &w->env, cfg, &diags);
        for (size_t i = 0; i < diags.n; i++)
                log_error("%s", diags.msgs[i]);
        sb_diags_free(&diags);
        return r;
}
