/* `sandbox exec NAME [-- CMD...]`: find the caller's own sandbox by name
 * in its state (outside the sandbox, owned by the caller), rebuild its
 * config from the launcher's copy of the resolved profile, and join it
 * through the engine. The default command is the SHELL the sandbox's
 * environment policy gives, else /bin/sh. */
#include "exec.h"

#include <limits.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "cleanup.h"
#include "env.h"
#include "fault.h"
#include "log.h"
#include "sandbox.h"
#include "state.h"
#include "util.h"
#include "verbs.h"

extern char **environ;

_Static_assert((int)SB_JOIN_NS_MAX == (int)SB_STATE_NS_MAX &&
                       (int)SB_JOIN_NS_CGROUP == (int)SB_STATE_NS_CGROUP &&
                       (int)SB_JOIN_NS_USER == (int)SB_STATE_NS_USER,
               "the engine's namespace order is the state's");

/* The shell the program would see in its environment, else /bin/sh. */
static char *default_shell(const struct sb_config *cfg)
{
        char **env = env_build(&cfg->env, environ);
        char *shell = NULL;
        for (size_t i = 0; env[i]; i++)
                if (str_has_prefix(env[i], "SHELL=") && env[i][6] == '/')
                        shell = xstrdup(env[i] + 6);
        strv_free(env);
        return shell ? shell : xstrdup("/bin/sh");
}

int cmd_exec(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        /* Joining from setuid code is how firejail's join went wrong
         * (CVE-2022-31214): a user joins only with their own rights. */
        if (getauxval(AT_SECURE)) {
                log_error("sandbox exec is not available to a setuid "
                          "sandbox; run it as the sandbox's owner");
                return SB_EXIT_SETUP;
        }
        if (argc < 2)
                return cmd_usage_error("exec", "needs the name of a sandbox");
        const char *name = argv[1];
        struct sb_error err = { 0 };
        if (sb_state_name_check(name, &err) < 0)
                return cmd_usage_error("exec", "%s", err.msg);
        char **command = NULL;
        if (argc > 2) {
                if (strcmp(argv[2], "--") != 0)
                        return cmd_usage_error("exec", "the command goes after "
                                               "'--': sandbox exec %s -- %s",
                                               name, argv[2]);
                if (argc > 3)
                        command = argv + 3;
        }

        struct sb_state *st = NULL;
        struct sb_config cfg;
        sb_config_init(&cfg);
        _cleanup_close_ int pidfd = -1, dirfd = -1;
        _cleanup_free_ char *shell = NULL;
        int status = SB_EXIT_SETUP;
        if (sb_state_load(name, &st, &err) < 0)
                goto fail;
        /* Refused on the state's word before anything is opened; the
         * profile copy says the same, and the engine checks that too. */
        if (!st->joinable) {
                sb_error_set(&err, -EPERM, "sandbox '%s' is not joinable (its "
                             "profile sets joinable = false)", name);
                goto fail;
        }
        if (!st->profile_copy) {
                sb_error_set(&err, -ENOENT, "sandbox '%s' has no recorded "
                             "profile", name);
                goto fail;
        }
        /* Relative to the checked directory, not by its path string. */
        fault_init();
        if (sb_state_open_dir(st, &dirfd, &err) < 0)
                goto fail;
        fault_point("exec-state");
        if (sb_join_config_load_at(dirfd, "profile", st->profile_copy, &cfg,
                                   &err) < 0 ||
            sb_state_pidfd(st, &pidfd, &err) < 0)
                goto fail;
        /* Without a mount namespace the sandbox sees the state directory
         * (no mask can hide it) and could have rewritten the copy just
         * read: a user's joiner would take its word for its own limits. */
        if (getuid() != 0 && !(cfg.namespaces & SB_NS_MOUNT)) {
                sb_error_set(&err, -EPERM, "sandbox '%s' has no mount "
                             "namespace of its own, so its state (and the "
                             "profile copy exec would trust) is visible to "
                             "it; refusing to join it", name);
                goto fail;
        }

        struct sb_join j = {
                .init_pidfd = pidfd,
                .init_pid = st->init_pid,
                .cgroup = st->cgroup,
                .name = name,
        };
        for (int i = 0; i < SB_JOIN_NS_MAX; i++) {
                j.ns[i].dev = st->ns[i].dev;
                j.ns[i].ino = st->ns[i].ino;
        }
        char *def[2] = { NULL, NULL };
        if (!command) {
                shell = default_shell(&cfg);
                def[0] = shell;
                command = def;
        }
        char cwd[PATH_MAX];
        struct sb_exec exec = {
                .argv = command,
                .caller_env = environ,
                .caller_cwd = getcwd(cwd, sizeof(cwd)) ? cwd : NULL,
        };
        log_debug("joining sandbox '%s' (init %d)", name, (int)st->init_pid);
        if (sb_container_join(&cfg, &j, &exec, &status, &err) < 0)
                goto fail;
        sb_state_free(st);
        sb_config_free(&cfg);
        return status;
fail:
        log_error("%s", err.msg);
        sb_state_free(st);
        sb_config_free(&cfg);
        return status;
}
