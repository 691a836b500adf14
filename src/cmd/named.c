/* Shared by the verbs of named sandboxes: the NAME operand, and how
 * owners, durations, sizes, commands and JSON strings are written. */
#include "named.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "verbs.h"

int named_load(const char *verb, const char *name, struct sb_state **ret)
{
        struct sb_error err = { 0 };
        if (sb_state_name_check(name, &err) < 0)
                return cmd_usage_error(verb, "%s", err.msg);
        if (sb_state_load(name, ret, &err) < 0) {
                fprintf(stderr, "sandbox: %s: %s\n", verb, err.msg);
                return CMD_EXIT_FAILED;
        }
        return 0;
}

const char *named_user(uid_t uid, char *buf, size_t size)
{
        struct passwd *pw = getpwuid(uid);
        if (pw && pw->pw_name)
                snprintf(buf, size, "%s", pw->pw_name);
        else
                snprintf(buf, size, "%u", (unsigned)uid);
        return buf;
}

void named_duration(double seconds, char *buf, size_t size)
{
        unsigned long long s = seconds > 0 ? (unsigned long long)seconds : 0;
        if (s < 60)
                snprintf(buf, size, "%llus", s);
        else if (s < 3600)
                snprintf(buf, size, "%llum%02llus", s / 60, s % 60);
        else if (s < 86400)
                snprintf(buf, size, "%lluh%02llum", s / 3600, s / 60 % 60);
        else
                snprintf(buf, size, "%llud%02lluh", s / 86400, s / 3600 % 24);
}

void named_size(uint64_t bytes, char *buf, size_t size)
{
        static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
        if (bytes < 1024) {
                snprintf(buf, size, "%llu B", (unsigned long long)bytes);
                return;
        }
        double v = (double)bytes / 1024;
        size_t u = 0;
        while (v >= 1024 && u + 1 < ARRAY_SIZE(units)) {
                v /= 1024;
                u++;
        }
        snprintf(buf, size, "%.1f %s", v, units[u]);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s)
{
        size_t n = s[0] >= 0xf0 && s[0] <= 0xf4   ? 4
                   : s[0] >= 0xe0                 ? 3
                   : s[0] >= 0xc2 && s[0] < 0xe0 ? 2
                                                  : 0;
        for (size_t i = 1; i < n; i++)
                if ((s[i] & 0xc0) != 0x80)
                        return 0;
        return n;
}

void named_json_string(FILE *out, const char *s)
{
        fputc('"', out);
        if (!s)
                s = "";
        for (const unsigned char *p = (const unsigned char *)s; *p;) {
                if (*p == '"' || *p == '\\') {
                        fprintf(out, "\\%c", *p++);
                } else if (*p < 0x20 || *p == 0x7f) {
                        fprintf(out, "\\u%04x", *p++);
                } else if (*p < 0x80) {
                        fputc(*p++, out);
                } else {
                        size_t n = utf8_len(p);
                        /* C1 controls (U+0080-U+009F) act on a terminal
                         * as C0 ones do: escaped alike. */
                        if (n == 2 && p[0] == 0xc2 && p[1] < 0xa0) {
                                fprintf(out, "\\u%04x", p[1]);
                                p += 2;
                        } else if (n == 0) {
                                fputs("\\ufffd", out);
                                p++;
                        } else {
                                fwrite(p, 1, n, out);
                                p += n;
                        }
                }
        }
        fputc('"', out);
}

char *named_command(char *const *argv)
{
        char *out = xstrdup("");
        for (size_t i = 0; argv && argv[i]; i++) {
                char *n = xasprintf("%s%s%s", out, i ? " " : "", argv[i]);
                free(out);
                out = n;
        }
        str_make_printable(out);
        return out;
}
