/* Leveled logging. The default sink writes one line per message to stderr
 * with a single write(2), so lines from the launcher and the sandbox's init
 * do not interleave mid-line. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static enum sb_log_level log_level = SB_LOG_WARN;
static sb_log_sink_fn log_sink;
static void *log_userdata;

void sb_log_set_level(enum sb_log_level level)
{
        if (level < SB_LOG_LEVEL_MAX)
                log_level = level;
}

enum sb_log_level sb_log_get_level(void)
{
        return log_level;
}

void sb_log_set_sink(sb_log_sink_fn sink, void *userdata)
{
        log_sink = sink;
        log_userdata = userdata;
}

static void stderr_sink(enum sb_log_level level, const char *msg)
{
        static const char *const prefix[SB_LOG_LEVEL_MAX] = {
                [SB_LOG_ERROR] = "", [SB_LOG_WARN] = "warning: ",
                [SB_LOG_INFO] = "", [SB_LOG_DEBUG] = "debug: ",
        };
        /* Control characters in a message (from a profile's strings, say)
         * are shown as \xNN: one message stays one line, and a profile
         * cannot send escape sequences to the terminal (issue 10). At
         * most 4 bytes per byte of msg, which sb_log caps at 1023. */
        char line[32 + 4 * 1024];
        int n = snprintf(line, sizeof(line), "sandbox: %s", prefix[level]);
        if (n < 0)
                return;
        for (const unsigned char *p = (const unsigned char *)msg;
             *p && (size_t)n < sizeof(line) - 6; p++) {
                if (*p < 0x20 || *p == 0x7f)
                        n += snprintf(line + n, sizeof(line) - (size_t)n,
                                      "\\x%02x", *p);
                else
                        line[n++] = (char)*p;
        }
        line[n++] = '\n';
        /* Nothing useful can be done if stderr is gone. */
        ssize_t w = write(STDERR_FILENO, line, (size_t)n);
        (void)w;
}

void sb_log(enum sb_log_level level, const char *fmt, ...)
{
        if (level > log_level)
                return;
        char msg[1024];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        if (log_sink)
                log_sink(level, msg, log_userdata);
        else
                stderr_sink(level, msg);
}
