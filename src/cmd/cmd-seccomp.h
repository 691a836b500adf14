/* The seccomp verb: `sandbox seccomp groups`. */
#ifndef SB_CMD_SECCOMP_H
#define SB_CMD_SECCOMP_H

#include <stdio.h>

/* Print every named group and its members; returns the exit status. */
int cmd_seccomp_groups(FILE *out);

#endif
