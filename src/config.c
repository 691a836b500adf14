/* Defaults and release of struct sb_config. The defaults here are the
 * documented secure defaults of sandbox.profile(5); keep them in step. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const default_env_keep[] = {
        "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
        "HOME", "USER", "LOGNAME", "PATH", NULL,
};

void sb_config_init(struct sb_config *cfg)
{
        memset(cfg, 0, sizeof(*cfg));
        cfg->namespaces = SB_NS_DEFAULT;
        cfg->hostname = xstrdup("sandbox");
        cfg->env.clear = true;
        cfg->env.keep = strv_copy((char *const *)default_env_keep);
        cfg->process.umask = 022;
        cfg->process.new_session = true;
        cfg->process.die_with_parent = true;
        cfg->joinable = true;
        sb_fs_config_init(&cfg->fs);
        sb_seccomp_config_init(&cfg->seccomp);
        sb_net_config_init(&cfg->net);
        sb_cgroup_config_init(&cfg->cgroup);
        sb_desktop_config_init(&cfg->desktop);
}

void sb_config_free(struct sb_config *cfg)
{
        if (!cfg)
                return;
        free(cfg->description);
        free(cfg->source);
        free(cfg->hostname);
        strv_free(cfg->env.keep);
        for (size_t i = 0; i < cfg->env.n_set; i++) {
                free(cfg->env.set[i].name);
                free(cfg->env.set[i].value);
        }
        free(cfg->env.set);
        free(cfg->process.cwd);
        sb_fs_config_free(&cfg->fs);
        sb_seccomp_config_free(&cfg->seccomp);
        sb_net_config_free(&cfg->net);
        sb_cgroup_config_free(&cfg->cgroup);
        sb_desktop_config_free(&cfg->desktop);
        memset(cfg, 0, sizeof(*cfg));
}
