/* What the verbs of named sandboxes (list, ps, stats, pause, resume,
 * kill) share: their entry points, the NAME operand, and output helpers
 * (owner names, durations, sizes, JSON strings). */
#ifndef SB_CMD_NAMED_H
#define SB_CMD_NAMED_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "cli.h"
#include "state.h"

/* Exit status when the sandbox is unknown or an action failed. */
#define CMD_EXIT_FAILED 1

int cmd_list(const struct cli_request *req, int argc, char **argv);
int cmd_ps(const struct cli_request *req, int argc, char **argv);
int cmd_stats(const struct cli_request *req, int argc, char **argv);
int cmd_pause(const struct cli_request *req, int argc, char **argv);
int cmd_resume(const struct cli_request *req, int argc, char **argv);
int cmd_kill(const struct cli_request *req, int argc, char **argv);

/* Check the NAME operand (a usage error, 123, when malformed) and load
 * the caller's sandbox of that name (a message and CMD_EXIT_FAILED when
 * there is none). Returns 0 or the exit status. */
int named_load(const char *verb, const char *name, struct sb_state **ret);

/* The user name of uid, or the number; in buf. */
const char *named_user(uid_t uid, char *buf, size_t size);
/* "42s", "3m07s", "2h05m", "3d04h". */
void named_duration(double seconds, char *buf, size_t size);
/* "512 B", "1.5 KiB", "12.0 MiB". */
void named_size(uint64_t bytes, char *buf, size_t size);
/* A JSON string: quoted, escaped, invalid UTF-8 as U+FFFD. */
void named_json_string(FILE *out, const char *s);
/* For terminals: the words joined by spaces, control bytes as '?'. */
char *named_command(char *const *argv);

#endif
