/* The run verb: load the profile, start the sandbox, wait for it. */
#ifndef SB_CMD_RUN_H
#define SB_CMD_RUN_H

#include "cli.h"

/* Returns the process exit status for main. */
int cmd_run(const struct cli_request *req);

/* The file of the profile NAME (or a path) as `sandbox --profile=NAME`
 * would find it, or NULL; newly allocated. For verbs that name a
 * profile they do not load. */
char *cmd_find_profile(const char *name);

#endif
