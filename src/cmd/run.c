/* The run verb: find and load the profile, then create, start and wait for
 * the sandbox through the engine API. */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <linux/capability.h>
#include <unistd.h>

#include "build-config.h"
#include "config-wire.h"
#include "cleanup.h"
#include "log.h"
#include "policy.h"
#include "priv.h"
#include "profile.h"
#include "sandbox.h"
#include "state.h"
#include "util.h"
#include "world.h"

extern char **environ;

/* The system policy's path, fixed when the binary is built (a setuid
 * launcher never takes it from its caller): policy-path.c. */
extern const char sb_policy_path[];

/* --profile if given; else a profile named after the command if one exists;
 * else "default". */
static char *choose_profile(const struct cli_request *req,
                            const struct world *w)
{
        if (req->profile)
                return profile_find(req->profile, &w->env);
        char *path = profile_find(w->env.app, &w->env);
        if (path) {
                log_debug("a profile is named after the command: %s", path);
                return path;
        }
        return profile_find("default", &w->env);
}


/* Find and load the profile; every problem goes to diags. */
static int load_config(const struct cli_request *req, const struct world *w,
                       struct sb_config *cfg, struct sb_diags *diags)
{
        /* user_profiles = false: only the profiles the system offers, by
         * name; a path could name any root-owned file, or a symlink to
         * one among fragments of the user's choosing. */
        if (w->env.check_owner && !w->env.allow_user_owned && req->profile &&
            strchr(req->profile, '/')) {
                sb_diags_add(diags, "--profile=%s: the system policy allows "
                             "profile names only (user_profiles = false), "
                             "looked up in %s and %s", req->profile,
                             w->dirs[0], w->dirs[1]);
                return -EPERM;
        }
        _cleanup_free_ char *path = choose_profile(req, w);
        if (!path) {
                const char *name = req->profile ? req->profile : "default";
                sb_diags_add(diags, "profile '%s' not found (searched %s, "
                             "%s%s%s)", name, w->dirs[0], w->dirs[1],
                             w->dirs[2] ? ", " : "",
                             w->dirs[2] ? w->dirs[2] : "");
                return -ENOENT;
        }
        log_debug("profile %s", path);
        return profile_load(path, &w->env, cfg, diags);
}

/* The loader's side of load_unprivileged: never returns. */
__attribute__((noreturn)) static void loader_child(
        int fd, const struct cli_request *req, const struct world *w,
        struct sb_config *cfg)
{
        struct sb_diags diags = { 0 };
        struct sb_error err = { 0 };
        int status = priv_drop_for_good(&err);
        if (status < 0) {
                sb_diags_add(&diags, "%s", err.msg);
        } else {
                uid_t r, e, s;
                getresuid(&r, &e, &s);
                log_debug("profile loader: pid %d, uids %u %u %u",
                          (int)getpid(), (unsigned)r, (unsigned)e,
                          (unsigned)s);
                status = load_config(req, w, cfg, &diags);
        }
        char *buf = NULL;
        size_t len = 0;
        if (sb_wire_encode(status, &diags, cfg, &buf, &len) < 0)
                _exit(SB_EXIT_PROFILE);
        _exit(write_full(fd, buf, len) < 0 ? SB_EXIT_PROFILE : 0);
}

/* Setuid mode (SECURITY.md item 1, "parses no profile"): a child that is
 * the real user for good -- all ids, no capability, no_new_privs --
 * parses the profile and sends the result back in the strict wire form of
 * config-wire.h, which the privileged side decodes and checks as it
 * would a profile. A bug in libconfig or the key parsers then runs with
 * the user's rights only. Not used in the other modes: the launch path
 * there has no fork. */
static int load_unprivileged(const struct cli_request *req,
                             const struct world *w, struct sb_config *cfg,
                             struct sb_diags *diags)
{
        int p[2];
        if (pipe2(p, O_CLOEXEC) < 0) {
                sb_diags_add(diags, "create the profile loader's pipe: %s",
                             strerror(errno));
                return -EIO;
        }
        /* An inherited SIG_IGN would reap the child behind our back. */
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGCHLD, &dfl, NULL);
        pid_t pid = fork();
        if (pid < 0) {
                int e = errno;
                close(p[0]);
                close(p[1]);
                sb_diags_add(diags, "fork the profile loader: %s",
                             strerror(e));
                return -e;
        }
        if (pid == 0) {
                close(p[0]);
                loader_child(p[1], req, w, cfg);
        }
        close(p[1]);
        /* At most SB_WIRE_MAX bytes, and one more to see it was more. */
        size_t cap = 64 * 1024, len = 0;
        char *buf = xmalloc(cap);
        for (;;) {
                if (len == cap) {
                        if (cap > SB_WIRE_MAX)
                                break;
                        cap *= 2;
                        buf = xrealloc(buf, cap);
                }
                ssize_t n = read(p[0], buf + len, cap - len);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                len += (size_t)n;
        }
        close(p[0]);
        int st = 0;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
                ;
        struct sb_error err = { 0 };
        int status = -EIO;
        int r = !WIFEXITED(st) || WEXITSTATUS(st) != 0
                        ? sb_error_set(&err, -EIO, "the profile loader "
                                       "failed (wait status 0x%x)", st)
                        : sb_wire_decode(buf, len, &status, diags, cfg, &err);
        free(buf);
        if (r < 0) {
                sb_diags_add(diags, "%s", err.msg);
                return r;
        }
        return status;
}

static int load_policy(struct sb_policy *policy)
{
        struct sb_diags diags = { 0 };
        int r = sb_policy_load(policy, &diags);
        for (size_t i = 0; i < diags.n; i++)
                log_error("policy %s", diags.msgs[i]);
        sb_diags_free(&diags);
        return r;
}

/* Where profiles are looked up for `name`: in setuid mode under the
 * system policy (loaded into *policy), which may keep the user's own
 * directory out of the search. On failure (the policy did not load)
 * nothing is left to free. */
static int open_world(const char *name, bool setuid_mode,
                      struct sb_policy *policy, struct world *w)
{
        sb_policy_init(policy, sb_policy_path);
        if (setuid_mode && load_policy(policy) < 0) {
                sb_policy_free(policy);
                return -EPERM;
        }
        world_init(w, name, setuid_mode ? policy : NULL);
        return 0;
}

/* As cmd_run looks a profile up. */
char *cmd_find_profile(const char *name)
{
        struct sb_policy policy;
        struct world w;
        if (open_world(name, priv_mode() == SB_PRIV_SETUID, &policy, &w) < 0)
                return NULL;
        char *path = profile_find(name, &w.env);
        world_free(&w);
        sb_policy_free(&policy);
        return path;
}

/* Setuid mode: the request must pass the system policy; then only the
 * capabilities it needs stay, and the launch is logged. */
static int setuid_admit(const struct sb_policy *policy, struct sb_config *cfg)
{
        struct sb_error err = { 0 };
        sb_policy_fill(policy, cfg);
        if (sb_policy_check(cfg, policy, getuid(), getgid(), &err) < 0 ||
            priv_narrow(cfg, &err) < 0) {
                log_error("%s", err.msg);
                return -EPERM;
        }
        priv_audit(cfg, cfg->source);
        return 0;
}

/* Every sandbox is recorded (an unnamed one under a generated id) so that
 * `sandbox list` shows it. A named one needs its state; without a state
 * directory (no XDG_RUNTIME_DIR) an unnamed one just runs unlisted. */
static int reserve_state(const struct cli_request *req, const char *profile,
                         bool joinable, struct sb_state_lease **ret)
{
        struct sb_error err = { 0 };
        struct sb_state_request sreq = {
                .name = req->name,
                .profile = profile,
                .command = req->command,
                .joinable = joinable,
        };
        *ret = NULL;
        if (sb_state_reserve(&sreq, ret, &err) >= 0)
                return 0;
        if (req->name) {
                log_error("%s", err.msg);
                return err.code;
        }
        log_debug("%s; the sandbox is not listed", err.msg);
        return 0;
}

static int commit_state(struct sb_container *c, struct sb_state_lease *l,
                        const struct sb_config *cfg, bool named)
{
        if (!l)
                return 0;
        char **links = sb_container_net_links(c);
        const struct sb_ns_id *ids = sb_container_ns_ids(c);
        struct sb_ns_ident ns[SB_STATE_NS_MAX];
        for (int i = 0; ids && i < SB_STATE_NS_MAX; i++)
                ns[i] = (struct sb_ns_ident){ ids[i].dev, ids[i].ino };
        struct sb_state_run run = {
                .init_pid = sb_container_pid(c),
                .cgroup = sb_container_cgroup_name(c),
                .net_links = links,
                .cfg = cfg,
                .ns = ids ? ns : NULL,
        };
        struct sb_error err = { 0 };
        int r = sb_state_commit(l, &run, &err);
        strv_free(links);
        if (r < 0) {
                if (named) {
                        log_error("%s", err.msg);
                        return r;
                }
                log_warn("%s; the sandbox is not listed", err.msg);
        }
        return 0;
}

int cmd_run(const struct cli_request *req)
{
        const char *slash = strrchr(req->command[0], '/');
        const char *app = slash ? slash + 1 : req->command[0];
        struct world w;
        struct sb_config cfg;
        struct sb_error err = { 0 };
        struct sb_container *c = NULL;
        struct sb_policy policy;
        bool setuid_mode = priv_mode() == SB_PRIV_SETUID;
        struct sb_state_lease *state = NULL;
        int status;

        if (open_world(app, setuid_mode, &policy, &w) < 0)
                return SB_EXIT_SETUP;
        sb_config_init(&cfg);
        struct sb_diags diags = { 0 };
        int r = setuid_mode ? load_unprivileged(req, &w, &cfg, &diags)
                            : load_config(req, &w, &cfg, &diags);
        for (size_t i = 0; i < diags.n; i++)
                log_error("%s", diags.msgs[i]);
        sb_diags_free(&diags);
        if (r < 0) {
                status = SB_EXIT_PROFILE;
                goto out;
        }
        if (setuid_mode && setuid_admit(&policy, &cfg) < 0) {
                status = SB_EXIT_SETUP;
                goto out;
        }
        /* root's named sandboxes get a cgroup of their own even without
         * limits, as an empty `cgroup = { }` asks: pause, stats and ps
         * need one. Not with sys_admin kept, which the loader refuses
         * alongside a cgroup (it could leave it). */
        if (req->name && getuid() == 0 && !cfg.cgroup.set &&
            !sb_caps_has(cfg.caps_keep, CAP_SYS_ADMIN))
                cfg.cgroup.set = true;

        char cwd[PATH_MAX];
        struct sb_exec exec = {
                .argv = req->command,
                .caller_env = environ,
                .caller_cwd = getcwd(cwd, sizeof(cwd)) ? cwd : NULL,
        };
        if (reserve_state(req, cfg.source, cfg.joinable, &state) < 0) {
                status = SB_EXIT_SETUP;
                goto out;
        }
        if (sb_container_create(&cfg, &c, &err) < 0) {
                log_error("%s", err.msg);
                sb_state_release(state);
                status = SB_EXIT_SETUP;
                goto out;
        }
        if (state) {
                /* The sandbox must not see (or write) any sandbox's state,
                 * its own included. */
                sb_container_hide(c, sb_state_lease_root(state), &err);
                sb_container_set_state(c, TAKE_PTR(state));
        }
        if (sb_container_start(c, &exec, &err) < 0) {
                log_error("%s", err.msg);
                status = sb_container_failure_exit(c);
                goto out;
        }
        if (commit_state(c, sb_container_state(c), &cfg,
                         req->name != NULL) < 0) {
                status = SB_EXIT_SETUP;
                goto out;
        }
        if (sb_container_wait(c, &status, &err) < 0) {
                log_error("%s", err.msg);
                status = SB_EXIT_SETUP;
        }
out:
        /* Also removes the state: whatever way the sandbox ended. */
        sb_container_destroy(c);
        sb_config_free(&cfg);
        world_free(&w);
        sb_policy_free(&policy);
        return status;
}
