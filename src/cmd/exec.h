/* `sandbox exec NAME [-- CMD...]`: a second process in a running named
 * sandbox (the engine's sb_container_join). */
#ifndef SB_CMD_EXEC_H
#define SB_CMD_EXEC_H

#include "cli.h"

int cmd_exec(const struct cli_request *req, int argc, char **argv);

#endif
