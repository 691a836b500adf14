/* `sandbox pause NAME` and `sandbox resume NAME`: the cgroup freezer,
 * which stops every process of the sandbox at once (no signal it could
 * see or ignore). */
#include "named.h"

#include <stdbool.h>

#include "ctl.h"
#include "verbs.h"

static int pause_or_resume(const char *verb, bool pause, int argc,
                           char **argv)
{
        if (argc != 2)
                return cmd_usage_error(verb, argc < 2 ? "needs a sandbox name"
                                                      : "takes one sandbox "
                                                        "name");
        struct sb_state *st = NULL;
        int r = named_load(verb, argv[1], &st);
        if (r)
                return r;
        struct sb_error err = { 0 };
        r = sb_ctl_pause(st, pause, &err);
        if (r < 0)
                fprintf(stderr, "sandbox: %s: %s\n", verb, err.msg);
        sb_state_free(st);
        return r < 0 ? CMD_EXIT_FAILED : 0;
}

int cmd_pause(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        return pause_or_resume("pause", true, argc, argv);
}

int cmd_resume(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        return pause_or_resume("resume", false, argc, argv);
}
