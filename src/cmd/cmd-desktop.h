/* `sandbox desktop install|uninstall|list`: .desktop overrides that run
 * an application through its profile. */
#ifndef SB_CMD_DESKTOP_H
#define SB_CMD_DESKTOP_H

#include "cli.h"

int cmd_desktop(const struct cli_request *req, int argc, char **argv);

#endif
