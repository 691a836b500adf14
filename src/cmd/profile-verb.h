/* `sandbox profile check|show|list`: validate, resolve and list profiles.
 * check and list live in profile-verb.c, show in profile-show.c. */
#ifndef SB_CMD_PROFILE_VERB_H
#define SB_CMD_PROFILE_VERB_H

#include "cli.h"

int cmd_profile(const struct cli_request *req, int argc, char **argv);
int cmd_profile_show(const struct cli_request *req, int argc, char **argv);

#endif
