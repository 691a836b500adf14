/* The error record every fallible engine call fills in: a negative
 * errno-style code plus one message naming the object it concerned.
 * Only the command prints it; the engine never exits on an error. */
#ifndef SB_ERROR_H
#define SB_ERROR_H

#include <stdarg.h>

#define SB_ERROR_MSG_MAX 512

struct sb_error {
        int code;                       /* 0, or a negative errno value */
        char msg[SB_ERROR_MSG_MAX];
};

/* Fill err with a printf-style message and return -code (always < 0). */
int sb_error_set(struct sb_error *err, int code, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* The same, appending ": strerror(code)". */
int sb_error_errno(struct sb_error *err, int code, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
void sb_error_clear(struct sb_error *err);

#endif
