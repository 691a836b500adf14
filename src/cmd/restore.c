/* `sandbox restore --image-path=DIR [--name=NAME]`: recreate a sandbox
 * from a checkpoint. Its name (recorded, or --name), profile and command
 * come from what `sandbox checkpoint` wrote beside CRIU's images; criu
 * restores the process tree as our child, and we then act as its
 * launcher: the state is recorded, signals forwarded, and the state
 * removed when it ends. */
#include "checkpoint.h"

#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "criu.h"
#include "log.h"
#include "sandbox.h"
#include "state.h"
#include "util.h"
#include "verbs.h"

#define PIDFILE "restore.pid"

static int read_pid(int dir, pid_t *ret)
{
        _cleanup_free_ char *text = NULL;
        if (read_all_at(dir, PIDFILE, O_NOFOLLOW, &text) < 0)
                return -ENOENT;
        text[strcspn(text, "\n")] = '\0';
        uint64_t v;
        if (parse_u64(text, &v) < 0 || v == 0 || v > 4194304)
                return -EINVAL;
        *ret = (pid_t)v;
        return 0;
}

static int restore(const char *images, int dir, const char *criu,
                   const struct sb_state *rec, const struct sb_config *cfg,
                   const char *name, struct sb_error *err)
{
        struct sb_state_request sreq = {
                .name = name,
                .profile = rec->profile,
                .command = rec->command,
                .joinable = cfg->joinable,
        };
        struct sb_state_lease *lease = NULL;
        int r = sb_state_reserve(&sreq, &lease, err);
        if (r < 0)
                return SB_EXIT_SETUP;
        unlinkat(dir, PIDFILE, 0);
        _cleanup_free_ char *pidfile = xasprintf("%s/%s", images, PIDFILE);
        struct criu_restore_opts o = {
                .criu = criu,
                .images_dir = images,
                .pidfile = pidfile,
                .shell_job = !cfg->process.new_session,
        };
        sigset_t all, saved;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &saved);
        char **argv = criu_restore_argv(&o);
        int status = SB_EXIT_SETUP;
        r = criu_spawn(argv, &status, NULL, err);
        strv_free(argv);
        pid_t pid = 0;
        if (r >= 0 && status != 0)
                r = sb_error_set(err, -EIO, "criu restore failed (exit %d); "
                                 "see %s/restore.log", status, images);
        if (r >= 0 && read_pid(dir, &pid) < 0)
                r = sb_error_set(err, -EIO, "criu wrote no pid to %s",
                                 pidfile);
        struct sb_state_run run = { .init_pid = pid, .cfg = cfg };
        if (r >= 0)
                r = sb_state_commit(lease, &run, err);
        if (r < 0) {
                if (pid > 0)
                        kill(pid, SIGKILL);
                status = SB_EXIT_SETUP;
        } else if (sb_wait_forwarding(pid, !cfg->process.new_session,
                                      &status) < 0) {
                status = SB_EXIT_SETUP;
        }
        if (r < 0)
                log_error("%s", err->msg);
        sb_state_release(lease);
        sigprocmask(SIG_SETMASK, &saved, NULL);
        return status;
}

int cmd_restore(const struct cli_request *req, int argc, char **argv)
{
        static const struct option opts[] = {
                { "image-path", required_argument, NULL, 'i' },
                { "name", required_argument, NULL, 'n' },
                { NULL, 0, NULL, 0 },
        };
        const char *images = NULL;
        const char *name = req->name;
        optind = 0;
        opterr = 0;
        int c;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                if (c == 'i')
                        images = optarg;
                else if (c == 'n')
                        name = optarg;
                else
                        return cmd_usage_error("restore", "unknown option "
                                               "'%s'", argv[optind - 1]);
        }
        if (optind < argc)
                return cmd_usage_error("restore", "unexpected '%s'",
                                       argv[optind]);
        if (!images)
                return cmd_usage_error("restore", "needs --image-path=DIR");
        struct sb_error err = { 0 };
        if (name && sb_state_name_check(name, &err) < 0)
                return cmd_usage_error("restore", "%s", err.msg);
        if (images[0] != '/')
                return cmd_usage_error("restore", "--image-path must be "
                                       "absolute");

        _cleanup_close_ int dir = -1;
        _cleanup_free_ char *criu = NULL;
        struct sb_state *rec = NULL;
        struct sb_config cfg;
        sb_config_init(&cfg);
        int status = SB_EXIT_SETUP;
        if (criu_images_dir_open(images, &dir, &err) < 0 ||
            criu_recorded(dir, images, &rec, &cfg, &err) < 0 ||
            criu_find(&criu, &err) < 0 || criu_check(criu, &err) < 0) {
                log_error("%s", err.msg);
                goto out;
        }
        status = restore(images, dir, criu, rec, &cfg, name ? name : rec->name,
                         &err);
out:
        sb_state_free(rec);
        sb_config_free(&cfg);
        return status;
}
