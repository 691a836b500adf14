/* Small pure helpers shared by every module. */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Running out of memory in a short-lived launcher is not recoverable in
 * any useful way; stop at once instead of threading ENOMEM everywhere. */
static void *oom_check(void *p)
{
        if (!p) {
                static const char msg[] = "sandbox: out of memory\n";
                ssize_t w = write(2, msg, sizeof(msg) - 1);
                (void)w;
                abort();
        }
        return p;
}

void *xmalloc(size_t n)
{
        return oom_check(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
        return oom_check(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
        return oom_check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
        return oom_check(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
        return oom_check(strndup(s, n));
}

char *xvasprintf(const char *fmt, va_list ap)
{
        char *s = NULL;
        int n = vasprintf(&s, fmt, ap);
        return oom_check(n < 0 ? NULL : s);
}

char *xasprintf(const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *s = xvasprintf(fmt, ap);
        va_end(ap);
        return s;
}

size_t strv_length(char *const *v)
{
        size_t n = 0;
        while (v && v[n])
                n++;
        return n;
}

void strv_push(char ***v, char *s)
{
        size_t n = strv_length(*v);
        *v = xrealloc(*v, (n + 2) * sizeof(char *));
        (*v)[n] = s;
        (*v)[n + 1] = NULL;
}

char **strv_copy(char *const *v)
{
        size_t n = strv_length(v);
        char **c = xcalloc(n + 1, sizeof(char *));
        for (size_t i = 0; i < n; i++)
                c[i] = xstrdup(v[i]);
        return c;
}

bool strv_contains(char *const *v, const char *s)
{
        for (size_t i = 0; v && v[i]; i++)
                if (strcmp(v[i], s) == 0)
                        return true;
        return false;
}

void strv_free(char **v)
{
        for (size_t i = 0; v && v[i]; i++)
                free(v[i]);
        free(v);
}

bool str_has_prefix(const char *s, const char *prefix)
{
        return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_has_suffix(const char *s, const char *suffix)
{
        size_t ls = strlen(s), lx = strlen(suffix);
        return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

int parse_u64(const char *s, uint64_t *ret)
{
        uint64_t v = 0;
        if (!s || !*s)
                return -EINVAL;
        for (const char *p = s; *p; p++) {
                if (*p < '0' || *p > '9')
                        return -EINVAL;
                unsigned d = (unsigned)(*p - '0');
                if (v > (UINT64_MAX - d) / 10)
                        return -ERANGE;
                v = v * 10 + d;
        }
        *ret = v;
        return 0;
}

int parse_size(const char *s, uint64_t *ret)
{
        static const struct {
                char suffix;
                unsigned shift;
        } units[] = { { 'K', 10 }, { 'M', 20 }, { 'G', 30 }, { 'T', 40 } };
        if (!s || !*s)
                return -EINVAL;
        size_t len = strlen(s);
        unsigned shift = 0;
        for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
                char c = s[len - 1];
                if (c == units[i].suffix || c == units[i].suffix + 32) {
                        shift = units[i].shift;
                        len--;
                        break;
                }
        }
        if (len == 0 || len > 20)
                return -EINVAL;
        char digits[21];
        memcpy(digits, s, len);
        digits[len] = '\0';
        uint64_t v;
        int r = parse_u64(digits, &v);
        if (r < 0)
                return r;
        if (shift && v > (UINT64_MAX >> shift))
                return -ERANGE;
        *ret = v << shift;
        return 0;
}

size_t edit_distance(const char *a, const char *b, size_t cap)
{
        size_t la = strlen(a), lb = strlen(b);
        if (la > 64 || lb > 64)
                return cap;
        size_t row[65];
        for (size_t j = 0; j <= lb; j++)
                row[j] = j;
        for (size_t i = 1; i <= la; i++) {
                size_t diag = row[0];
                row[0] = i;
                size_t best = row[0];
                for (size_t j = 1; j <= lb; j++) {
                        size_t up = row[j];
                        size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                        size_t v = diag + cost;
                        if (row[j - 1] + 1 < v)
                                v = row[j - 1] + 1;
                        if (up + 1 < v)
                                v = up + 1;
                        row[j] = v;
                        diag = up;
                        if (v < best)
                                best = v;
                }
                if (best >= cap)
                        return cap;
        }
        return row[lb] < cap ? row[lb] : cap;
}

size_t edit_distance_nocase(const char *a, const char *b, size_t cap)
{
        /* Zeroed, though only the first na + 1 and nb + 1 bytes are read:
         * the analyzer cannot tell that strlen(la) == na (issue 10). */
        char la[65] = { 0 }, lb[65] = { 0 };
        size_t na = strlen(a), nb = strlen(b);
        if (na >= sizeof(la) || nb >= sizeof(lb))
                return cap;
        for (size_t i = 0; i <= na; i++)
                la[i] = (char)tolower((unsigned char)a[i]);
        for (size_t i = 0; i <= nb; i++)
                lb[i] = (char)tolower((unsigned char)b[i]);
        return edit_distance(la, lb, cap);
}

ssize_t read_full(int fd, char *buf, size_t size)
{
        size_t len = 0;
        while (len + 1 < size) {
                ssize_t n = read(fd, buf + len, size - 1 - len);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                if (n == 0)
                        break;
                len += (size_t)n;
        }
        buf[len] = '\0';
        return (ssize_t)len;
}

int write_full(int fd, const void *buf, size_t len)
{
        const char *s = buf;
        while (len > 0) {
                ssize_t n = write(fd, s, len);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                s += n;
                len -= (size_t)n;
        }
        return 0;
}

int hex_digit(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

DIR *opendir_at(int dirfd, const char *name, int extra_flags)
{
        int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                                             extra_flags);
        if (fd < 0)
                return NULL;
        DIR *d = fdopendir(fd);
        if (!d) {
                int e = errno;
                close(fd);
                errno = e;
        }
        return d;
}

ssize_t read_all_at(int dirfd, const char *path, int extra_flags,
                    char **ret)
{
        int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | extra_flags);
        if (fd < 0)
                return -errno;
        size_t size = 4096, len = 0;
        char *buf = xmalloc(size);
        for (;;) {
                if (size - len < 1024) {
                        size *= 2;
                        buf = xrealloc(buf, size);
                }
                ssize_t n = read(fd, buf + len, size - len - 1);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        int e = -errno;
                        free(buf);
                        close(fd);
                        return e;
                }
                if (n == 0)
                        break;
                len += (size_t)n;
        }
        close(fd);
        buf[len] = '\0';
        *ret = buf;
        return (ssize_t)len;
}

void str_make_printable(char *s)
{
        unsigned char *p = (unsigned char *)s;
        while (*p) {
                size_t n = p[0] < 0x80                   ? 1
                           : p[0] >= 0xc2 && p[0] < 0xe0 ? 2
                           : p[0] >= 0xe0 && p[0] < 0xf0 ? 3
                           : p[0] >= 0xf0 && p[0] <= 0xf4 ? 4
                                                          : 0;
                /* Stops at the first byte that does not continue it (the
                 * NUL at the end among them). */
                for (size_t i = 1; i < n; i++)
                        if ((p[i] & 0xc0) != 0x80) {
                                n = 0;
                                break;
                        }
                /* C0 and DEL, bytes that are not UTF-8, and the C1
                 * controls (U+0080..U+009F: CSI among them). */
                if (n == 0 || (n == 1 && (p[0] < 0x20 || p[0] == 0x7f)) ||
                    (n == 2 && p[0] == 0xc2 && p[1] < 0xa0)) {
                        *p++ = '?';
                        continue;
                }
                p += n;
        }
}
