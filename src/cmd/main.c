/* sandbox: run a command in a sandbox described by a profile. This file
 * only parses the command line and dispatches to a verb. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "build-config.h"
#include "cli.h"
#include "log.h"
#include "priv.h"
#include "run.h"
#include "sandbox.h"
#include "verbs.h"

/* A caller may start us with stdin, stdout or stderr closed; the first
 * files we open would then take their place and receive output meant for
 * the terminal. */
static int ensure_stdio(void)
{
        for (int fd = 0; fd <= 2; fd++) {
                if (fcntl(fd, F_GETFD) >= 0)
                        continue;
                int nfd = open("/dev/null", O_RDWR);
                if (nfd < 0)
                        return -1;
                if (nfd != fd) {
                        close(nfd);
                        return -1;
                }
        }
        return 0;
}

/* A setuid-root install lends privilege to `run` only: every other verb
 * becomes the real user for good before it reads a state file, a profile
 * or /proc (a user writes the state files, so they could name a root
 * process). The mode stays what priv_start found, for `doctor`. Joining,
 * dumping and restoring a sandbox whose user namespace root made need
 * privilege over it: refused rather than lent. */
static int drop_for_verb(const struct cmd_verb *v)
{
        static const char *const need_privilege[] = { "exec", "checkpoint",
                                                      "restore" };
        struct sb_error err = { 0 };
        if (priv_mode() != SB_PRIV_SETUID)
                return 0;
        if (priv_drop_for_good(&err) < 0) {
                fprintf(stderr, "sandbox: %s: %s\n", v->name, err.msg);
                return SB_EXIT_SETUP;
        }
        for (size_t i = 0; i < sizeof(need_privilege) / sizeof(*need_privilege);
             i++)
                if (strcmp(v->name, need_privilege[i]) == 0) {
                        fprintf(stderr, "sandbox: %s: not available in a "
                                "setuid-root install: the sandbox's user "
                                "namespace belongs to root, and this needs "
                                "privilege over it that the launcher does "
                                "not lend (use the unprivileged binary with "
                                "user namespaces, or run it as root)\n",
                                v->name);
                        return SB_EXIT_SETUP;
                }
        return 0;
}

int main(int argc, char **argv)
{
        struct cli_request req;
        struct sb_error err = { 0 };

        /* First of all: a setuid launcher drops what it may not keep
         * before anything reads the environment or opens a file. */
        if (priv_start(&err) < 0) {
                fprintf(stderr, "sandbox: %s\n", err.msg);
                return SB_EXIT_SETUP;
        }
        if (ensure_stdio() < 0)
                return SB_EXIT_SETUP;
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
        case VERB_CMD: {
                int r = drop_for_verb(req.cmd);
                if (r)
                        return r;
                return req.cmd->run(&req, req.cmd_argc, req.cmd_argv);
        }
        case VERB_RUN:
                break;
        }
        return cmd_run(&req);
}
