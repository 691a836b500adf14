/* Desktop Entry files, pure. The file is walked line by line without a
 * fixed line length; only the lines that change are rebuilt, so comments,
 * translations and unknown keys survive as they were.
 *
 * The new Exec keeps the original value exactly as written in the file
 * and only prefixes it: the original's quoting, escapes and field codes
 * are not re-encoded, so nothing can be lost on the way. The original
 * is still split (desktop_exec_split) to refuse a malformed one and to
 * know its program. */
#include "desktop-entry.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "util.h"

/* Characters that make the spec require quoting an argument. */
#define RESERVED " \t\n\"'\\><~|&;$*?#()`"

int desktop_exec_split(const char *value, char ***ret_argv,
                       const char **ret_why)
{
        /* Undo the string escapes first: the spec applies them to the
         * whole value before the Exec quoting. */
        size_t len = strlen(value);
        _cleanup_free_ char *s = xmalloc(len + 1);
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
                if (value[i] != '\\' || i + 1 == len) {
                        s[n++] = value[i];
                        continue;
                }
                char c = value[++i];
                const char *known = strchr("s n t r \\", c);
                if (c == ' ' || !known) {       /* not an escape: as is */
                        s[n++] = '\\';
                        s[n++] = c;
                        continue;
                }
                static const char from[] = "sntr\\", to[] = " \n\t\r\\";
                s[n++] = to[strchr(from, c) - from];
        }
        s[n] = '\0';

        char **argv = xcalloc(1, sizeof(char *));
        _cleanup_free_ char *arg = xmalloc(n + 1);
        size_t a = 0;
        bool in_arg = false;
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (c == ' ' || c == '\t' || c == '\n') {
                        if (in_arg) {
                                arg[a] = '\0';
                                strv_push(&argv, xstrdup(arg));
                                a = 0;
                                in_arg = false;
                        }
                        continue;
                }
                in_arg = true;
                if (c != '"') {
                        arg[a++] = c;
                        continue;
                }
                /* A quoted part: up to the closing quote. */
                for (i++;; i++) {
                        if (i >= n) {
                                strv_free(argv);
                                *ret_why = "a quote is not closed";
                                return -EINVAL;
                        }
                        if (s[i] == '"')
                                break;
                        if (s[i] == '\\' && i + 1 < n &&
                            strchr("\"`$\\", s[i + 1]))
                                i++;
                        arg[a++] = s[i];
                }
        }
        if (in_arg) {
                arg[a] = '\0';
                strv_push(&argv, xstrdup(arg));
        }
        if (!argv[0]) {
                strv_free(argv);
                *ret_why = "it is empty";
                return -EINVAL;
        }
        *ret_argv = argv;
        return 0;
}

char *desktop_exec_quote(const char *arg)
{
        /* Exec quoting: "..." with \ before " ` $ \, and %% for %. */
        bool quote = *arg == '\0' || strpbrk(arg, RESERVED) != NULL;
        size_t len = strlen(arg);
        char *q = xmalloc(2 * len + 3);
        size_t n = 0;
        if (quote)
                q[n++] = '"';
        for (const char *p = arg; *p; p++) {
                if (quote && strchr("\"`$\\", *p))
                        q[n++] = '\\';
                if (*p == '%')
                        q[n++] = '%';
                q[n++] = *p;
        }
        if (quote)
                q[n++] = '"';
        q[n] = '\0';
        /* Then the string escapes of every value. */
        char *out = xmalloc(2 * n + 1);
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
                char c = q[i];
                const char *e = c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                                : c == '\t' ? "\\t" : c == '\r' ? "\\r" : NULL;
                if (e) {
                        memcpy(out + o, e, 2);
                        o += 2;
                } else {
                        out[o++] = c;
                }
        }
        out[o] = '\0';
        free(q);
        return out;
}

/* ---- the walk over a file ---- */

enum group_kind {
        GROUP_NONE,             /* before the first header */
        GROUP_ENTRY,            /* [Desktop Entry] */
        GROUP_ACTION,           /* [Desktop Action NAME] */
        GROUP_OTHER,
};

struct line {
        const char *s;          /* not NUL-terminated */
        size_t len;             /* without a final "\r" (CRLF files) */
        size_t raw_len;         /* with it: what is copied */
        unsigned no;
};

static bool next_line(const char **p, const char *end, struct line *l)
{
        if (*p >= end)
                return false;
        const char *nl = memchr(*p, '\n', (size_t)(end - *p));
        l->s = *p;
        l->len = l->raw_len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
        if (l->len && l->s[l->len - 1] == '\r')
                l->len--;
        l->no++;
        *p = nl ? nl + 1 : end;
        return true;
}

static bool is_blank_or_comment(const struct line *l)
{
        size_t i = 0;
        while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
                i++;
        return i == l->len || l->s[i] == '#';
}

/* "[...]": the group's kind; -1 for a malformed header. */
static int group_of(const struct line *l)
{
        if (l->len < 2 || l->s[0] != '[' || l->s[l->len - 1] != ']')
                return -1;
        const char *name = l->s + 1;
        size_t n = l->len - 2;
        if (n == 0 || memchr(name, '[', n) || memchr(name, ']', n))
                return -1;
        for (size_t i = 0; i < n; i++)
                if ((unsigned char)name[i] < 0x20)
                        return -1;
        if (n == 13 && memcmp(name, "Desktop Entry", 13) == 0)
                return GROUP_ENTRY;
        if (n > 15 && memcmp(name, "Desktop Action ", 15) == 0)
                return GROUP_ACTION;
        return GROUP_OTHER;
}

/* "Key=Value" (spaces around '=' allowed): the key and the value. */
static bool split_key(const struct line *l, const char **key, size_t *klen,
                      const char **value, size_t *vlen)
{
        const char *eq = memchr(l->s, '=', l->len);
        if (!eq || eq == l->s)
                return false;
        size_t k = (size_t)(eq - l->s);
        while (k > 0 && l->s[k - 1] == ' ')
                k--;
        if (k == 0)
                return false;
        for (size_t i = 0; i < k; i++) {
                char c = l->s[i];
                /* Key names are [A-Za-z0-9-], then an optional [locale]. */
                if (!(c == '-' || c == '[' || c == ']' || c == '@' ||
                      c == '_' || c == '.' || (c >= '0' && c <= '9') ||
                      (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                        return false;
        }
        const char *v = eq + 1;
        while (v < l->s + l->len && *v == ' ')
                v++;
        *key = l->s;
        *klen = k;
        *value = v;
        *vlen = (size_t)(l->s + l->len - v);
        return true;
}

static bool key_is(const char *key, size_t klen, const char *name)
{
        return klen == strlen(name) && memcmp(key, name, klen) == 0;
}

struct out {
        char *s;
        size_t n, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
        if (!o->s || o->n + n + 1 > o->cap) {
                o->cap = (o->n + n + 1) * 2;
                o->s = xrealloc(o->s, o->cap);
        }
        memcpy(o->s + o->n, s, n);
        o->n += n;
        o->s[o->n] = '\0';
}

static void puts_(struct out *o, const char *s)
{
        put(o, s, strlen(s));
}

struct wrap_ctx {
        const char *prefix;     /* "SANDBOX --profile=P -- ", escaped */
        const char *marks;      /* the lines added to [Desktop Entry] */
        struct desktop_wrap *info;
        struct out out;
        int group;
        bool seen_entry, entry_exec, group_exec, type_app;
        bool marks_done;
        size_t entry_end;       /* in out: after the entry's last key */
        char *why;
};

__attribute__((format(printf, 3, 4))) static int
fail(struct wrap_ctx *c, unsigned line, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        _cleanup_free_ char *msg = xvasprintf(fmt, ap);
        va_end(ap);
        c->why = line ? xasprintf("line %u: %s", line, msg) : xstrdup(msg);
        return -EINVAL;
}

/* The end of a group: a [Desktop Entry] gets its marks, an action must
 * have had its Exec. */
static int end_group(struct wrap_ctx *c, unsigned line)
{
        if (c->group == GROUP_ENTRY && !c->marks_done) {
                /* Right after the group's last key, before the blank
                 * lines and comments that lead to the next group. */
                if (c->entry_end == c->out.n && c->out.n &&
                    c->out.s[c->out.n - 1] != '\n') {
                        puts_(&c->out, "\n");
                        c->entry_end = c->out.n;
                }
                size_t tail = c->out.n - c->entry_end;
                _cleanup_free_ char *moved = xstrndup(c->out.s + c->entry_end,
                                                      tail);
                c->out.n = c->entry_end;
                puts_(&c->out, c->marks);
                put(&c->out, moved, tail);
                c->marks_done = true;
        }
        if (c->group == GROUP_ACTION && !c->group_exec)
                return fail(c, line, "%sa [Desktop Action] without Exec", "");
        return 0;
}

static int wrap_key(struct wrap_ctx *c, const struct line *l)
{
        const char *key, *value;
        size_t klen, vlen;
        if (!split_key(l, &key, &klen, &value, &vlen))
                return fail(c, l->no, "%snot a Key=Value line", "");
        if (c->group == GROUP_OTHER) {
                put(&c->out, l->s, l->raw_len);
                return 0;
        }
        if (klen > 5 && memcmp(key, "Exec[", 5) == 0)
                return fail(c, l->no, "%sExec has no translations", "");
        if (c->group == GROUP_ENTRY &&
            (key_is(key, klen, DESKTOP_ENTRY_MARK) ||
             key_is(key, klen, DESKTOP_ENTRY_PROFILE)))
                return fail(c, l->no, "%sthis file was written by sandbox "
                            "already", "");
        if (c->group == GROUP_ENTRY && key_is(key, klen, "Type"))
                c->type_app = vlen == 11 && memcmp(value, "Application", 11) == 0;
        if (c->group == GROUP_ENTRY && key_is(key, klen, "DBusActivatable")) {
                if (vlen == 4 && memcmp(value, "true", 4) == 0) {
                        c->info->had_dbus_activatable = true;
                        puts_(&c->out, "DBusActivatable=false");
                        put(&c->out, l->s + l->len, l->raw_len - l->len);
                        return 0;
                }
        }
        if (!key_is(key, klen, "Exec")) {
                put(&c->out, l->s, l->raw_len);
                return 0;
        }
        if (c->group_exec)
                return fail(c, l->no, "%sa second Exec in the group", "");
        c->group_exec = true;
        _cleanup_free_ char *v = xstrndup(value, vlen);
        char **argv = NULL;
        const char *why;
        if (desktop_exec_split(v, &argv, &why) < 0)
                return fail(c, l->no, "Exec: %s", why);
        if (c->group == GROUP_ENTRY) {
                c->entry_exec = true;
                c->info->program = xstrdup(argv[0]);
        } else {
                c->info->n_actions++;
        }
        /* A field code is not a program: "Exec=%f" runs nothing. */
        bool bad = argv[0][0] == '%';
        strv_free(argv);
        if (bad)
                return fail(c, l->no, "Exec: the program is a field code%s",
                            "");
        puts_(&c->out, "Exec=");
        puts_(&c->out, c->prefix);
        put(&c->out, value, vlen);
        put(&c->out, l->s + l->len, l->raw_len - l->len);
        return 0;
}

static int wrap_line(struct wrap_ctx *c, const struct line *l,
                     bool last_has_nl)
{
        int r = 0;
        if (is_blank_or_comment(l)) {
                put(&c->out, l->s, l->raw_len);
        } else if (l->s[0] == '[') {
                int g = group_of(l);
                if (g < 0)
                        return fail(c, l->no, "%snot a group header", "");
                if (c->group == GROUP_NONE && g != GROUP_ENTRY)
                        return fail(c, l->no, "%sthe first group is not "
                                    "[Desktop Entry]", "");
                if (g == GROUP_ENTRY && c->seen_entry)
                        return fail(c, l->no, "%sa second [Desktop Entry]",
                                    "");
                r = end_group(c, l->no);
                if (r < 0)
                        return r;
                c->seen_entry |= g == GROUP_ENTRY;
                c->group = g;
                c->group_exec = false;
                put(&c->out, l->s, l->raw_len);
        } else if (c->group == GROUP_NONE) {
                return fail(c, l->no, "%sa key before [Desktop Entry]", "");
        } else {
                r = wrap_key(c, l);
        }
        if (r >= 0 && last_has_nl)
                puts_(&c->out, "\n");
        if (r >= 0 && c->group == GROUP_ENTRY && !is_blank_or_comment(l))
                c->entry_end = c->out.n;
        return r;
}

int desktop_entry_wrap(const char *text, size_t len, const char *sandbox,
                       const char *profile, char **ret,
                       struct desktop_wrap *info, char **ret_why)
{
        memset(info, 0, sizeof(*info));
        *ret_why = NULL;
        if (len > DESKTOP_ENTRY_MAX) {
                *ret_why = xstrdup("larger than 1 MiB");
                return -EINVAL;
        }
        if (memchr(text, '\0', len)) {
                *ret_why = xstrdup("holds a NUL byte: not a text file");
                return -EINVAL;
        }
        _cleanup_free_ char *qs = desktop_exec_quote(sandbox);
        _cleanup_free_ char *popt = xasprintf("--profile=%s", profile);
        _cleanup_free_ char *qp = desktop_exec_quote(popt);
        _cleanup_free_ char *prefix = xasprintf("%s %s -- ", qs, qp);
        _cleanup_free_ char *marks = xasprintf(
                DESKTOP_ENTRY_MARK "=true\n" DESKTOP_ENTRY_PROFILE "=%s\n",
                profile);
        struct wrap_ctx c = { .prefix = prefix, .marks = marks, .info = info };
        if (strpbrk(profile, "\n\r")) {
                *ret_why = xstrdup("the profile name holds a line break");
                return -EINVAL;
        }
        const char *p = text, *end = text + len;
        struct line l = { 0 };
        int r = 0;
        while (r >= 0 && next_line(&p, end, &l))
                r = wrap_line(&c, &l, l.s + l.len < end);
        if (r >= 0)
                r = end_group(&c, l.no);
        if (r >= 0 && !c.seen_entry)
                r = fail(&c, 0, "%sno [Desktop Entry] group", "");
        if (r >= 0 && !c.type_app)
                r = fail(&c, 0, "%snot an application (Type=Application)",
                         "");
        if (r >= 0 && !c.entry_exec)
                r = fail(&c, 0, "%s[Desktop Entry] has no Exec: nothing to "
                         "wrap", "");
        if (r < 0) {
                free(c.out.s);
                desktop_wrap_free(info);
                *ret_why = c.why;
                return r;
        }
        *ret = c.out.s ? c.out.s : xstrdup("");
        return 0;
}

void desktop_wrap_free(struct desktop_wrap *w)
{
        free(w->program);
        memset(w, 0, sizeof(*w));
}

bool desktop_entry_is_wrapped(const char *text, size_t len,
                              char **ret_profile)
{
        const char *p = text, *end = text + len;
        struct line l = { 0 };
        int group = GROUP_NONE;
        bool wrapped = false;
        char *profile = NULL;
        while (next_line(&p, end, &l)) {
                if (is_blank_or_comment(&l))
                        continue;
                if (l.s[0] == '[') {
                        group = group_of(&l);
                        continue;
                }
                const char *key, *value;
                size_t klen, vlen;
                if (group != GROUP_ENTRY ||
                    !split_key(&l, &key, &klen, &value, &vlen))
                        continue;
                if (key_is(key, klen, DESKTOP_ENTRY_MARK))
                        wrapped = vlen == 4 && memcmp(value, "true", 4) == 0;
                if (key_is(key, klen, DESKTOP_ENTRY_PROFILE)) {
                        free(profile);
                        profile = xstrndup(value, vlen);
                }
        }
        if (wrapped && ret_profile)
                *ret_profile = profile ? profile : xstrdup("");
        else
                free(profile);
        return wrapped;
}
