/* The doctor verb: `sandbox doctor`. */
#ifndef SB_CMD_DOCTOR_H
#define SB_CMD_DOCTOR_H

#include "cli.h"

/* Print the privilege mode and why, and what this host allows; returns
 * the exit status. Changes nothing on the system. */
int cmd_doctor(const struct cli_request *req, int argc, char **argv);

#endif
