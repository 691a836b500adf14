/* `sandbox checkpoint NAME --image-path=DIR [--leave-running]`: record
 * the sandbox's state and resolved profile in DIR, then `criu dump` its
 * process tree (from init down). Without --leave-running the sandbox
 * ends once dumped, and its launcher removes its state. */
#include "checkpoint.h"

#include <getopt.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "criu.h"
#include "log.h"
#include "sandbox.h"
#include "state.h"
#include "util.h"
#include "verbs.h"

int cmd_checkpoint(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        static const struct option opts[] = {
                { "image-path", required_argument, NULL, 'i' },
                { "leave-running", no_argument, NULL, 'l' },
                { NULL, 0, NULL, 0 },
        };
        const char *images = NULL;
        bool leave_running = false;
        optind = 0;
        opterr = 0;
        int c;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                if (c == 'i')
                        images = optarg;
                else if (c == 'l')
                        leave_running = true;
                else
                        return cmd_usage_error("checkpoint", "unknown option "
                                               "'%s'", argv[optind - 1]);
        }
        if (optind >= argc)
                return cmd_usage_error("checkpoint", "needs the name of a "
                                       "sandbox");
        if (optind + 1 < argc)
                return cmd_usage_error("checkpoint", "unexpected '%s'",
                                       argv[optind + 1]);
        if (!images)
                return cmd_usage_error("checkpoint", "needs --image-path=DIR");
        const char *name = argv[optind];
        struct sb_error err = { 0 };
        if (sb_state_name_check(name, &err) < 0)
                return cmd_usage_error("checkpoint", "%s", err.msg);

        _cleanup_close_ int dir = -1;
        _cleanup_free_ char *criu = NULL;
        struct sb_state *st = NULL;
        struct sb_config cfg;
        sb_config_init(&cfg);
        int status = SB_EXIT_SETUP;
        if (criu_images_dir_open(images, &dir, &err) < 0 ||
            sb_state_load(name, &st, &err) < 0)
                goto out;
        if (!st->profile_copy) {
                sb_error_set(&err, -ENOENT, "sandbox '%s' has no recorded "
                             "profile", name);
                goto out;
        }
        if (sb_join_config_load(st->profile_copy, &cfg, &err) < 0 ||
            criu_find(&criu, &err) < 0 || criu_check(criu, &err) < 0 ||
            criu_record(dir, st, &cfg, &err) < 0)
                goto out;
        struct criu_dump_opts o = {
                .criu = criu,
                .pid = st->init_pid,
                .images_dir = images,
                .leave_running = leave_running,
                .shell_job = !cfg.process.new_session,
        };
        char **argvc = criu_dump_argv(&o);
        int r = criu_spawn(argvc, &status, NULL, &err);
        strv_free(argvc);
        if (r < 0) {
                status = SB_EXIT_SETUP;
                goto out;
        }
        if (status != 0) {
                sb_error_set(&err, -EIO, "criu dump failed (exit %d); see "
                             "%s/dump.log", status, images);
                status = SB_EXIT_SETUP;
                goto out;
        }
        sb_state_free(st);
        sb_config_free(&cfg);
        return 0;
out:
        log_error("%s", err.msg);
        sb_state_free(st);
        sb_config_free(&cfg);
        return status;
}
