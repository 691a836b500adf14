/* The state file's text: one "key=value" per line, values escaped so that
 * a line is a line (backslash, and every control byte as \n, \t or \xHH),
 * parsed strictly and with bounds, since the file sits in a directory the
 * owner can write and root may read another user's. Pure: no I/O. */
#include "state.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "util.h"

#define STATE_VERSION 1

static const char *const ns_names[SB_STATE_NS_MAX] = {
        [SB_STATE_NS_USER] = "user",     [SB_STATE_NS_MNT] = "mnt",
        [SB_STATE_NS_PID] = "pid",       [SB_STATE_NS_NET] = "net",
        [SB_STATE_NS_UTS] = "uts",       [SB_STATE_NS_IPC] = "ipc",
        [SB_STATE_NS_CGROUP] = "cgroup",
};

const char *sb_state_ns_name(enum sb_state_ns ns)
{
        return ns >= 0 && ns < SB_STATE_NS_MAX ? ns_names[ns] : NULL;
}

static bool name_char(char c, bool first)
{
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9'))
                return true;
        return !first && (c == '_' || c == '.' || c == '-');
}

bool sb_state_name_valid(const char *name)
{
        if (!name || !name_char(name[0], true))
                return false;
        size_t i = 1;
        for (; name[i]; i++)
                if (i >= SB_NAME_MAX || !name_char(name[i], false))
                        return false;
        return true;
}

int sb_state_name_check(const char *name, struct sb_error *err)
{
        if (sb_state_name_valid(name))
                return 0;
        if (!name || !*name)
                return sb_error_set(err, -EINVAL, "a sandbox name cannot be "
                                    "empty");
        if (strlen(name) > SB_NAME_MAX)
                return sb_error_set(err, -EINVAL, "the sandbox name '%.64s...'"
                                    " is longer than %d characters", name,
                                    SB_NAME_MAX);
        /* The name is quoted back only once we know it prints safely. */
        for (const char *p = name; *p; p++)
                if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
                        return sb_error_set(err, -EINVAL, "a sandbox name "
                                            "may use only letters, digits, "
                                            "'_', '.' and '-', and starts "
                                            "with a letter or digit");
        return sb_error_set(err, -EINVAL, "'%s' is not a valid sandbox name: "
                            "use letters, digits, '_', '.' and '-', starting "
                            "with a letter or digit, at most %d characters",
                            name, SB_NAME_MAX);
}

/* ---- writing ---- */

struct buf {
        char *p;
        size_t len, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
        if (b->len + n + 1 > b->cap) {
                b->cap = (b->len + n + 1) * 2;
                b->p = xrealloc(b->p, b->cap);
        }
        memcpy(b->p + b->len, s, n);
        b->len += n;
        b->p[b->len] = '\0';
}

static void put_escaped(struct buf *b, const char *s, size_t max)
{
        for (size_t i = 0; i < max && s[i]; i++) {
                unsigned char c = (unsigned char)s[i];
                char esc[5];
                if (c == '\\')
                        put(b, "\\\\", 2);
                else if (c == '\n')
                        put(b, "\\n", 2);
                else if (c == '\t')
                        put(b, "\\t", 2);
                else if (c < 0x20 || c == 0x7f) {
                        snprintf(esc, sizeof(esc), "\\x%02x", c);
                        put(b, esc, 4);
                } else
                        put(b, (const char *)&s[i], 1);
        }
}

static void put_str(struct buf *b, const char *key, const char *value,
                    size_t max)
{
        put(b, key, strlen(key));
        put(b, "=", 1);
        put_escaped(b, value, max);
        put(b, "\n", 1);
}

static void put_num(struct buf *b, const char *key, unsigned long long v)
{
        char text[32];
        snprintf(text, sizeof(text), "%llu", v);
        put_str(b, key, text, sizeof(text));
}

/* Room left for the lists, so that the file stays below the parser's
 * bound whatever the command: words are cut, then left out. */
#define LIST_BUDGET (SB_STATE_FILE_MAX / 2)

char *sb_state_format(const struct sb_state *st)
{
        struct buf b = { 0 };
        put_num(&b, "version", STATE_VERSION);
        put_str(&b, "name", st->name, SB_NAME_MAX);
        put_num(&b, "owner", st->owner);
        put_num(&b, "launcher_pid", (unsigned long long)st->launcher_pid);
        put_num(&b, "launcher_start", st->launcher_start);
        put_num(&b, "init_pid", (unsigned long long)st->init_pid);
        put_num(&b, "init_start", st->init_start);
        for (int i = 0; i < SB_STATE_NS_MAX; i++) {
                if (!st->ns[i].ino)
                        continue;
                char key[32], v[48];
                snprintf(key, sizeof(key), "ns.%s", ns_names[i]);
                snprintf(v, sizeof(v), "%" PRIu64 ":%" PRIu64, st->ns[i].dev,
                         st->ns[i].ino);
                put_str(&b, key, v, sizeof(v));
        }
        if (st->cgroup)
                put_str(&b, "cgroup", st->cgroup, SB_STATE_VALUE_MAX / 4);
        if (st->profile)
                put_str(&b, "profile", st->profile, SB_STATE_VALUE_MAX / 4);
        put_num(&b, "joinable", st->joinable);
        put_num(&b, "created", (unsigned long long)st->created);
        size_t start = b.len;
        for (size_t i = 0; st->net_links && st->net_links[i] &&
                           i < SB_STATE_LINKS_MAX; i++)
                put_str(&b, "net_link", st->net_links[i], 64);
        for (size_t i = 0; st->command && st->command[i] &&
                           i < SB_STATE_ARGS_MAX; i++) {
                /* Escaping at most quadruples a byte. */
                if (b.len - start + 4 * SB_STATE_ARG_MAX + 16 > LIST_BUDGET)
                        break;
                put_str(&b, "command", st->command[i], SB_STATE_ARG_MAX);
        }
        return b.p;
}

/* ---- parsing ---- */

/* Decode s[0..n) into a new string; -EINVAL on a bad escape or a raw
 * control byte, -E2BIG past SB_STATE_VALUE_MAX. */
static int unescape(const char *s, size_t n, char **ret)
{
        _cleanup_free_ char *out = xmalloc(n + 1);
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                if (c < 0x20 || c == 0x7f)
                        return -EINVAL;
                if (c == '\\') {
                        if (++i >= n)
                                return -EINVAL;
                        switch (s[i]) {
                        case '\\':
                                c = '\\';
                                break;
                        case 'n':
                                c = '\n';
                                break;
                        case 't':
                                c = '\t';
                                break;
                        case 'x': {
                                int hi = i + 2 < n ? hex_digit(s[i + 1]) : -1;
                                int lo = hi >= 0 ? hex_digit(s[i + 2]) : -1;
                                if (lo < 0 || (hi == 0 && lo == 0))
                                        return -EINVAL;
                                c = (unsigned char)(hi * 16 + lo);
                                i += 2;
                                break;
                        }
                        default:
                                return -EINVAL;
                        }
                }
                if (o >= SB_STATE_VALUE_MAX)
                        return -E2BIG;
                out[o++] = (char)c;
        }
        out[o] = '\0';
        *ret = TAKE_PTR(out);
        return 0;
}

static int num(const char *v, unsigned long long max, unsigned long long *ret)
{
        uint64_t x;
        /* One spelling per number: no leading zero. */
        if (v[0] == '0' && v[1])
                return -EINVAL;
        if (parse_u64(v, &x) < 0 || x > max)
                return -EINVAL;
        *ret = x;
        return 0;
}

static int ns_ident(const char *v, struct sb_ns_ident *ret)
{
        const char *colon = strchr(v, ':');
        if (!colon || colon - v > 24)
                return -EINVAL;
        char dev[25];
        memcpy(dev, v, (size_t)(colon - v));
        dev[colon - v] = '\0';
        unsigned long long d, i;
        if (num(dev, UINT64_MAX, &d) < 0 || num(colon + 1, UINT64_MAX, &i) < 0 ||
            i == 0)
                return -EINVAL;
        ret->dev = d;
        ret->ino = i;
        return 0;
}

enum seen_key {
        SEEN_VERSION = 1u << 0,
        SEEN_NAME = 1u << 1,
        SEEN_OWNER = 1u << 2,
        SEEN_LPID = 1u << 3,
        SEEN_LSTART = 1u << 4,
        SEEN_IPID = 1u << 5,
        SEEN_ISTART = 1u << 6,
        SEEN_CREATED = 1u << 7,
        SEEN_CGROUP = 1u << 8,
        SEEN_PROFILE = 1u << 9,
        SEEN_JOINABLE = 1u << 10,
        SEEN_NS = 1u << 11, /* and up: one bit per namespace */
};
#define SEEN_REQUIRED                                                          \
        (SEEN_VERSION | SEEN_NAME | SEEN_OWNER | SEEN_LPID | SEEN_LSTART |     \
         SEEN_IPID | SEEN_ISTART | SEEN_CREATED)

static int scalar(struct sb_state *st, const char *key, char *v,
                  unsigned *seen)
{
        static const struct {
                const char *key;
                unsigned bit;
        } keys[] = {
                { "version", SEEN_VERSION },   { "name", SEEN_NAME },
                { "owner", SEEN_OWNER },       { "launcher_pid", SEEN_LPID },
                { "launcher_start", SEEN_LSTART },
                { "init_pid", SEEN_IPID },     { "init_start", SEEN_ISTART },
                { "created", SEEN_CREATED },   { "cgroup", SEEN_CGROUP },
                { "profile", SEEN_PROFILE },   { "joinable", SEEN_JOINABLE },
        };
        unsigned bit = 0;
        for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
                if (strcmp(key, keys[i].key) == 0)
                        bit = keys[i].bit;
        int ns = -1;
        if (!bit && str_has_prefix(key, "ns."))
                for (int i = 0; i < SB_STATE_NS_MAX; i++)
                        if (strcmp(key + 3, ns_names[i]) == 0) {
                                ns = i;
                                bit = SEEN_NS << i;
                        }
        if (!bit)
                return 0; /* a key of a newer launcher */
        if (*seen & bit)
                return -EINVAL;
        *seen |= bit;
        unsigned long long x = 0;
        switch (bit) {
        case SEEN_VERSION:
                return num(v, UINT_MAX, &x) < 0 || x != STATE_VERSION ? -EINVAL
                                                                      : 0;
        case SEEN_NAME:
                if (!sb_state_name_valid(v))
                        return -EINVAL;
                st->name = xstrdup(v);
                return 0;
        case SEEN_CGROUP:
                if (!*v || v[0] == '/' || strstr(v, ".."))
                        return -EINVAL;
                st->cgroup = xstrdup(v);
                return 0;
        case SEEN_PROFILE:
                st->profile = xstrdup(v);
                return 0;
        }
        if (ns >= 0)
                return ns_ident(v, &st->ns[ns]);
        unsigned long long max = bit == SEEN_OWNER      ? UINT32_MAX - 1
                                 : bit == SEEN_JOINABLE ? 1
                                 : (bit == SEEN_LPID || bit == SEEN_IPID)
                                         ? INT_MAX
                                         : UINT64_MAX;
        if (num(v, max, &x) < 0)
                return -EINVAL;
        switch (bit) {
        case SEEN_OWNER:
                st->owner = (uid_t)x;
                break;
        case SEEN_LPID:
                st->launcher_pid = (pid_t)x;
                break;
        case SEEN_LSTART:
                st->launcher_start = x;
                break;
        case SEEN_IPID:
                st->init_pid = (pid_t)x;
                break;
        case SEEN_ISTART:
                st->init_start = x;
                break;
        case SEEN_CREATED:
                if (x > (unsigned long long)INT64_MAX)
                        return -EINVAL;
                st->created = (time_t)x;
                break;
        case SEEN_JOINABLE:
                st->joinable = x == 1;
                break;
        }
        return 0;
}

static int list_add(char ***v, size_t *n, size_t max, char *s)
{
        if (*n >= max) {
                free(s);
                return -E2BIG;
        }
        strv_push(v, s);
        (*n)++;
        return 0;
}

static int parse_line(struct sb_state *st, const char *line, size_t len,
                      unsigned *seen, size_t *n_cmd, size_t *n_links)
{
        const char *eq = memchr(line, '=', len);
        if (!eq || eq == line || eq - line > 32)
                return -EINVAL;
        char key[33];
        size_t klen = (size_t)(eq - line);
        memcpy(key, line, klen);
        key[klen] = '\0';
        for (size_t i = 0; i < klen; i++)
                if (!((key[i] >= 'a' && key[i] <= 'z') || key[i] == '_' ||
                      key[i] == '.'))
                        return -EINVAL;
        char *v = NULL;
        int r = unescape(eq + 1, len - klen - 1, &v);
        if (r < 0)
                return r;
        if (strcmp(key, "command") == 0)
                return list_add(&st->command, n_cmd, SB_STATE_ARGS_MAX, v);
        if (strcmp(key, "net_link") == 0) {
                if (!*v || strlen(v) >= 16 || strchr(v, '/')) {
                        free(v);
                        return -EINVAL;
                }
                return list_add(&st->net_links, n_links, SB_STATE_LINKS_MAX,
                                v);
        }
        r = scalar(st, key, v, seen);
        free(v);
        return r;
}

int sb_state_parse(const char *text, size_t len, struct sb_state **ret)
{
        if (len > SB_STATE_FILE_MAX)
                return -E2BIG;
        /* A file cut short (a full disk) ends without its newline. */
        if (len == 0 || text[len - 1] != '\n' || memchr(text, '\0', len))
                return -EINVAL;
        struct sb_state *st = xcalloc(1, sizeof(*st));
        unsigned seen = 0;
        size_t n_cmd = 0, n_links = 0;
        int r = 0;
        for (size_t i = 0; i < len && r >= 0;) {
                const char *nl = memchr(text + i, '\n', len - i);
                size_t l = (size_t)(nl - (text + i));
                r = parse_line(st, text + i, l, &seen, &n_cmd, &n_links);
                i += l + 1;
        }
        if (r >= 0 && (seen & SEEN_REQUIRED) != SEEN_REQUIRED)
                r = -EINVAL;
        /* A running sandbox has a start time; a starting one has none. */
        if (r >= 0 && (st->launcher_pid == 0 ||
                       (st->init_pid != 0) != (st->init_start != 0)))
                r = -EINVAL;
        if (r < 0) {
                sb_state_free(st);
                return r;
        }
        *ret = st;
        return 0;
}

void sb_state_free(struct sb_state *st)
{
        if (!st)
                return;
        free(st->name);
        free(st->cgroup);
        free(st->profile_copy);
        free(st->profile);
        strv_free(st->command);
        strv_free(st->net_links);
        free(st->dir);
        free(st);
}
