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
        char line[1200];
        int n = snprintf(line, sizeof(line), "sandbox: %s%s\n", prefix[level],
                         msg);
        if (n < 0)
                return;
        if ((size_t)n >= sizeof(line))
                n = sizeof(line) - 1;
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
