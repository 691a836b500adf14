/* The seccomp verb: `sandbox seccomp groups`. */
#ifndef SB_CMD_SECCOMP_H
#define SB_CMD_SECCOMP_H

#include <stdio.h>

#include "cli.h"

/* Print every named group and its members; returns the exit status. */
int cmd_seccomp_groups(FILE *out);
/* The verb: checks its operands, then cmd_seccomp_groups(stdout). */
int cmd_seccomp(const struct cli_request *req, int argc, char **argv);

#endif
