/* The command line: argv -> a request. Pure; prints nothing. */
#ifndef SB_CLI_H
#define SB_CLI_H

#include <stdio.h>

#include "error.h"
#include "log.h"

enum cli_verb {
        VERB_RUN,
        VERB_HELP,
        VERB_VERSION,
        VERB_CMD,               /* a verb of the table in verbs.c */
};

struct cmd_verb;

struct cli_request {
        enum cli_verb verb;
        const char *profile;          /* --profile, or NULL */
        const char *name;             /* --name (checked), or NULL */
        enum sb_log_level log_level;  /* from --verbose / --quiet */
        char **command;               /* VERB_RUN: points into argv */
        const struct cmd_verb *cmd;   /* VERB_CMD: the verb, and its */
        int cmd_argc;                 /* operands from the verb itself */
        char **cmd_argv;              /* on (points into argv) */
};

/* Returns 0, or -EINVAL with a message for the user in err. */
int cli_parse(int argc, char **argv, struct cli_request *req,
              struct sb_error *err);
void cli_usage(FILE *out);

#endif
