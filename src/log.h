/* Leveled logging with a replaceable sink. The level and sink are the only
 * globals of the program. Messages look like "sandbox: message". */
#ifndef SB_LOG_H
#define SB_LOG_H

enum sb_log_level {
        SB_LOG_ERROR,
        SB_LOG_WARN,
        SB_LOG_INFO,
        SB_LOG_DEBUG,
        SB_LOG_LEVEL_MAX,
};

typedef void (*sb_log_sink_fn)(enum sb_log_level level, const char *msg,
                               void *userdata);

void sb_log_set_level(enum sb_log_level level);
enum sb_log_level sb_log_get_level(void);
/* NULL restores the default stderr sink. */
void sb_log_set_sink(sb_log_sink_fn sink, void *userdata);

void sb_log(enum sb_log_level level, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

#define log_error(...) sb_log(SB_LOG_ERROR, __VA_ARGS__)
#define log_warn(...) sb_log(SB_LOG_WARN, __VA_ARGS__)
#define log_info(...) sb_log(SB_LOG_INFO, __VA_ARGS__)
#define log_debug(...) sb_log(SB_LOG_DEBUG, __VA_ARGS__)

#endif
