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
        VERB_SECCOMP_GROUPS,    /* sandbox seccomp groups */
        VERB_MAX,
};

struct cli_request {
        enum cli_verb verb;
        const char *profile;          /* --profile, or NULL */
        enum sb_log_level log_level;  /* from --verbose / --quiet */
        char **command;               /* points into argv */
};

/* Returns 0, or -EINVAL with a message for the user in err. */
int cli_parse(int argc, char **argv, struct cli_request *req,
              struct sb_error *err);
void cli_usage(FILE *out);

#endif
