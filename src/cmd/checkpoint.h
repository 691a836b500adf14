/* `sandbox checkpoint NAME --image-path=DIR [--leave-running]` and
 * `sandbox restore --image-path=DIR [--name=NAME]`, through CRIU. */
#ifndef SB_CMD_CHECKPOINT_H
#define SB_CMD_CHECKPOINT_H

#include "cli.h"

int cmd_checkpoint(const struct cli_request *req, int argc, char **argv);
int cmd_restore(const struct cli_request *req, int argc, char **argv);

#endif
