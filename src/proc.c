/* Reading a process's facts from /proc, bounded and strictly parsed (the
 * command of a process may hold any byte, parentheses and spaces
 * included). */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "util.h"

/* Fields after the command, which ends at the last ')', start with
 * field 3. */
#define STARTTIME_AFTER_COMM (22 - 3)

int proc_stat_start_time(const char *text, unsigned long long *ret)
{
        const char *p = strrchr(text, ')');
        if (!p || p[1] != ' ')
                return -EIO;
        p += 2;
        for (int i = 0; i < STARTTIME_AFTER_COMM; i++) {
                p = strchr(p, ' ');
                if (!p)
                        return -EIO;
                p++;
        }
        char digits[24];
        size_t len = strspn(p, "0123456789");
        if (len == 0 || len >= sizeof(digits) || (p[len] != ' ' && p[len]))
                return -EIO;
        memcpy(digits, p, len);
        digits[len] = '\0';
        uint64_t v;
        if (parse_u64(digits, &v) < 0)
                return -EIO;
        *ret = v;
        return 0;
}

static ssize_t read_proc(pid_t pid, const char *file, char **ret)
{
        char path[64];
        snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, file);
        return read_all_at(AT_FDCWD, path, O_NOFOLLOW, ret);
}

/* /proc/PID/stat; -ESRCH when there is no such process. */
static int read_stat(pid_t pid, char **ret)
{
        if (pid <= 0)
                return -EINVAL;
        ssize_t n = read_proc(pid, "stat", ret);
        if (n < 0)
                return n == -ENOENT ? -ESRCH : (int)n;
        return 0;
}

int proc_start_time(pid_t pid, unsigned long long *ret)
{
        _cleanup_free_ char *text = NULL;
        int r = read_stat(pid, &text);
        return r < 0 ? r : proc_stat_start_time(text, ret);
}

int proc_running_since(pid_t pid, unsigned long long *ret)
{
        _cleanup_free_ char *text = NULL;
        int r = read_stat(pid, &text);
        if (r < 0)
                return r;
        /* A zombie has ended; only its parent has not looked yet. */
        const char *p = strrchr(text, ')');
        if (p && (p[2] == 'Z' || p[2] == 'X'))
                return -ESRCH;
        return proc_stat_start_time(text, ret);
}

int proc_ns_ident(pid_t pid, const char *name, uint64_t *ret_dev,
                  uint64_t *ret_ino)
{
        char path[64];
        snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)pid, name);
        struct stat st;
        if (stat(path, &st) < 0)
                return -errno;
        *ret_dev = (uint64_t)st.st_dev;
        *ret_ino = (uint64_t)st.st_ino;
        return 0;
}

int proc_status_value(pid_t pid, const char *key, char **ret)
{
        _cleanup_free_ char *text = NULL;
        ssize_t n = read_proc(pid, "status", &text);
        if (n < 0)
                return (int)n;
        size_t klen = strlen(key);
        for (char *line = text; *line;) {
                char *end = strchrnul(line, '\n');
                if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
                        const char *v = line + klen + 1;
                        v += strspn(v, " \t");
                        *ret = xstrndup(v, (size_t)(end - v));
                        return 0;
                }
                line = *end ? end + 1 : end;
        }
        return -ENOENT;
}

int proc_cmdline(pid_t pid, size_t max, char **ret)
{
        _cleanup_free_ char *text = NULL;
        ssize_t n = read_proc(pid, "cmdline", &text);
        if (n < 0)
                return (int)n;
        if (n == 0) {
                /* A kernel thread or a zombie: its name, as ps shows it. */
                _cleanup_free_ char *comm = NULL;
                if (proc_status_value(pid, "Name", &comm) < 0)
                        return -ESRCH;
                *ret = xasprintf("[%s]", comm);
                str_make_printable(*ret);
                return 0;
        }
        size_t len = (size_t)n;
        while (len > 0 && text[len - 1] == '\0')
                len--;
        if (len > max)
                len = max;
        for (size_t i = 0; i < len; i++)
                if (text[i] == '\0')
                        text[i] = ' ';
        char *out = xstrndup(text, len);
        /* Control bytes would reach the terminal of whoever lists the
         * sandbox: a sandboxed program chooses them. */
        str_make_printable(out);
        *ret = out;
        return 0;
}

int proc_owner(pid_t pid, uid_t *ret)
{
        char path[32];
        snprintf(path, sizeof(path), "/proc/%d", (int)pid);
        struct stat st;
        if (stat(path, &st) < 0)
                return -errno;
        *ret = st.st_uid;
        return 0;
}
