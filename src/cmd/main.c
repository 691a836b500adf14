/* sandbox: run a command in a sandbox described by a profile. This file
 * only parses the command line and dispatches to a verb. */
#include <stdio.h>

#include "build-config.h"
#include "cli.h"
#include "cmd-seccomp.h"
#include "log.h"
#include "run.h"
#include "sandbox.h"

int main(int argc, char **argv)
{
        struct cli_request req;
        struct sb_error err = { 0 };

        if (cli_parse(argc, argv, &req, &err) < 0) {
                fprintf(stderr, "sandbox: %s\n", err.msg);
                fprintf(stderr, "Try 'sandbox --help'.\n");
                return SB_EXIT_USAGE;
        }
        sb_log_set_level(req.log_level);
        switch (req.verb) {
        case VERB_HELP:
                cli_usage(stdout);
                return 0;
        case VERB_VERSION:
                printf("sandbox %s\n", SB_VERSION);
                return 0;
        case VERB_SECCOMP_GROUPS:
                return cmd_seccomp_groups(stdout);
        case VERB_RUN:
        case VERB_MAX:
                break;
        }
        return cmd_run(&req);
}
