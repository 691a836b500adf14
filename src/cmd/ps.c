/* `sandbox ps NAME`: the processes inside a sandbox, with their host pid,
 * their pid inside, their user and their command. */
#include "named.h"

#include <stdlib.h>

#include "ctl.h"
#include "verbs.h"

int cmd_ps(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        if (argc != 2)
                return cmd_usage_error("ps", argc < 2 ? "needs a sandbox name"
                                                      : "takes one sandbox "
                                                        "name");
        struct sb_state *st = NULL;
        int r = named_load("ps", argv[1], &st);
        if (r)
                return r;
        struct sb_ctl_proc *v = NULL;
        size_t n = 0;
        struct sb_error err = { 0 };
        if (sb_ctl_procs(st, &v, &n, &err) < 0) {
                fprintf(stderr, "sandbox: ps: %s\n", err.msg);
                sb_state_free(st);
                return CMD_EXIT_FAILED;
        }
        printf("%8s %8s %-10s %s %s\n", "PID", "INSIDE", "USER", "S",
               "COMMAND");
        for (size_t i = 0; i < n; i++) {
                char user[64];
                printf("%8d %8d %-10s %c %s\n", (int)v[i].pid,
                       (int)v[i].inner_pid,
                       named_user(v[i].uid, user, sizeof(user)), v[i].state,
                       v[i].command);
        }
        sb_ctl_procs_free(v, n);
        sb_state_free(st);
        return fflush(stdout) == 0 ? 0 : CMD_EXIT_FAILED;
}
