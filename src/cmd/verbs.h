/* The verbs of the command line ("sandbox list", "sandbox seccomp groups"):
 * one table row each, in verbs.c. A verb parses its own operands and
 * options and returns the process exit status. */
#ifndef SB_CMD_VERBS_H
#define SB_CMD_VERBS_H

#include "cli.h"

struct cmd_verb {
        const char *name;
        const char *usage;   /* operands and options, for --help */
        const char *summary; /* one line, for --help */
        /* argv[0] is the verb itself; options before the verb (-v, -q,
         * -p) are in req. */
        int (*run)(const struct cli_request *req, int argc, char **argv);
};

/* Ends with a row whose name is NULL. */
extern const struct cmd_verb cmd_verbs[];

const struct cmd_verb *cmd_verb_find(const char *name);

/* For a verb's own errors: "sandbox: VERB: message" and a hint, then
 * SB_EXIT_USAGE. */
int cmd_usage_error(const char *verb, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

#endif
