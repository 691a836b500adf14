/* `sandbox kill NAME [SIGNAL] [--timeout=SECONDS]`: a signal to the
 * sandbox (its init passes it to the program), then, after the grace
 * period, SIGKILL to everything in it. Returns once it has ended. */
#include "named.h"

#include <getopt.h>
#include <signal.h>
#include <stdlib.h>

#include "ctl.h"
#include "util.h"
#include "verbs.h"

#define DEFAULT_TIMEOUT_S 10
#define MAX_TIMEOUT_S (24 * 3600)

int cmd_kill(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        static const struct option options[] = {
                { "timeout", required_argument, NULL, 't' },
                { NULL, 0, NULL, 0 },
        };
        uint64_t timeout = DEFAULT_TIMEOUT_S;
        char *ops[2];
        int n_ops = 0;
        optind = 0;
        opterr = 0;
        int c;
        /* Options may follow the operands ("kill web --timeout=2"). */
        while ((c = getopt_long(argc, argv, "-:", options, NULL)) != -1) {
                if (c == 1) {
                        if (n_ops == 2)
                                return cmd_usage_error(
                                        "kill", "takes a sandbox name and a "
                                        "signal, not '%s'", optarg);
                        ops[n_ops++] = optarg;
                        continue;
                }
                if (c == 't') {
                        if (parse_u64(optarg, &timeout) < 0 ||
                            timeout > MAX_TIMEOUT_S)
                                return cmd_usage_error(
                                        "kill", "--timeout needs a number of "
                                        "seconds up to %d, not '%s'",
                                        MAX_TIMEOUT_S, optarg);
                        continue;
                }
                if (c == ':')
                        return cmd_usage_error("kill", "option '%s' needs a "
                                               "value", argv[optind - 1]);
                return cmd_usage_error("kill", "unknown option '%s'",
                                       argv[optind - 1]);
        }
        /* Operands after "--". */
        for (int i = optind; i < argc; i++) {
                if (n_ops == 2)
                        return cmd_usage_error("kill", "takes a sandbox name "
                                               "and a signal, not '%s'",
                                               argv[i]);
                ops[n_ops++] = argv[i];
        }
        if (n_ops == 0)
                return cmd_usage_error("kill", "needs a sandbox name");
        int sig = SIGTERM;
        if (n_ops == 2) {
                sig = sb_ctl_signal_from_name(ops[1]);
                if (sig < 0)
                        return cmd_usage_error("kill", "unknown signal '%s'",
                                               ops[1]);
        }
        struct sb_state *st = NULL;
        int r = named_load("kill", ops[0], &st);
        if (r)
                return r;
        struct sb_error err = { 0 };
        bool killed = false;
        r = sb_ctl_kill(st, sig, (int)timeout * 1000, &killed, &err);
        if (r < 0)
                fprintf(stderr, "sandbox: kill: %s\n", err.msg);
        else if (killed)
                fprintf(stderr, "sandbox: kill: '%s' did not end within %llu "
                        "s of signal %d; killed\n", st->name,
                        (unsigned long long)timeout, sig);
        sb_state_free(st);
        return r < 0 ? CMD_EXIT_FAILED : 0;
}
