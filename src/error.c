/* Error records: formatting only, no I/O. */
#include "error.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* A caller may pass errno (positive) or a negated one; a zero code would
 * read as success, so it becomes EIO. */
static int normalise(int code)
{
        if (code > 0)
                return -code;
        return code == 0 ? -EIO : code;
}

/* The format attribute lets clang check fmt where it comes from (its
 * -Wformat-nonliteral flagged vsnprintf here, issue 10). */
__attribute__((format(printf, 4, 0))) static int
vset(struct sb_error *err, int code, bool with_errno, const char *fmt,
     va_list ap)
{
        code = normalise(code);
        if (!err)
                return code;
        err->code = code;
        int n = vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        if (with_errno && n >= 0 && (size_t)n < sizeof(err->msg))
                snprintf(err->msg + n, sizeof(err->msg) - (size_t)n, ": %s",
                         strerror(-code));
        return code;
}

int sb_error_set(struct sb_error *err, int code, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int r = vset(err, code, false, fmt, ap);
        va_end(ap);
        return r;
}

int sb_error_errno(struct sb_error *err, int code, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int r = vset(err, code, true, fmt, ap);
        va_end(ap);
        return r;
}

void sb_error_clear(struct sb_error *err)
{
        if (!err)
                return;
        err->code = 0;
        err->msg[0] = '\0';
}
