/* The run verb: load the profile, start the sandbox, wait for it. */
#ifndef SB_CMD_RUN_H
#define SB_CMD_RUN_H

#include "cli.h"

/* Returns the process exit status for main. */
int cmd_run(const struct cli_request *req);

#endif
