/* The profile loader: finds and reads profile files, parses them with
 * libconfig (the only file that includes it), follows `include` and the
 * NAME.local overrides, and hands each parsed file to profile-keys.c as a
 * plain tree. Diagnostics name the file as it was given or as an include
 * resolved it ("dir/base.inc"), never an absolute path made up here. */
#include "profile.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "profile-keys.h"
#include "util.h"

#define MAX_FILE_SIZE (1024 * 1024)
#define MAX_DEPTH 16            /* nested include levels below the profile */
#define MAX_FILES 64            /* files read by one profile_load */
#define MAX_DIAGS 1000          /* a hostile file must not flood memory */

/* ---- diagnostics ---- */

void sb_diags_add(struct sb_diags *d, const char *fmt, ...)
{
        if (d->n > MAX_DIAGS)
                return;
        char *msg;
        if (d->n == MAX_DIAGS) {
                msg = xstrdup("too many problems; the rest are not shown");
        } else {
                va_list ap;
                va_start(ap, fmt);
                int r = vasprintf(&msg, fmt, ap);
                va_end(ap);
                if (r < 0)
                        msg = xstrdup("out of memory");
        }
        d->msgs = xrealloc(d->msgs, (d->n + 1) * sizeof(char *));
        d->msgs[d->n++] = msg;
}

void sb_diags_free(struct sb_diags *d)
{
        if (!d)
                return;
        for (size_t i = 0; i < d->n; i++)
                free(d->msgs[i]);
        free(d->msgs);
        d->msgs = NULL;
        d->n = 0;
}

/* ---- paths ---- */

static bool exists(const char *path)
{
        struct stat st;
        return stat(path, &st) == 0;
}

static char *join(const char *dir, const char *file)
{
        return xasprintf("%s%s%s", dir,
                         *dir && !str_has_suffix(dir, "/") ? "/" : "", file);
}

/* "a/b/c.profile" -> "a/b/", "c.profile" -> "": prefixing a sibling's name
 * with it gives a path that is relative to the same place. */
static char *dir_prefix(const char *path)
{
        const char *slash = strrchr(path, '/');
        return xstrndup(path, slash ? (size_t)(slash - path + 1) : 0);
}

/* NAME of NAME.profile, for NAME.local. */
static char *profile_name(const char *path)
{
        const char *slash = strrchr(path, '/');
        const char *base = slash ? slash + 1 : path;
        size_t n = strlen(base);
        if (str_has_suffix(base, ".profile"))
                n -= strlen(".profile");
        return xstrndup(base, n);
}

/* The first existing DIR/FILE of the search dirs. */
static char *search(const char *const *dirs, const char *file)
{
        for (size_t i = 0; dirs && dirs[i]; i++) {
                char *p = join(dirs[i], file);
                if (exists(p))
                        return p;
                free(p);
        }
        return NULL;
}

char *profile_find(const char *name, const struct sb_profile_env *env)
{
        if (!name || !*name)
                return NULL;
        if (strchr(name, '/'))
                return exists(name) ? xstrdup(name) : NULL;
        _cleanup_free_ char *file = xasprintf("%s.profile", name);
        return search(env->search_dirs, file);
}

/* ---- the loader ---- */

/* A file being loaded: one per level of the include chain. */
struct source {
        const char *path;       /* for diagnostics */
        char *prefix;           /* see dir_prefix; NULL for a string that
                                   has no directory */
        char *dir;              /* ${PROFILE_DIR}: absolute, or NULL */
        bool has_id;            /* dev/ino known (not a string) */
        dev_t dev;
        ino_t ino;
};

struct loader {
        const struct sb_profile_env *env;
        struct sb_diags *diags;
        struct sb_keys_state keys;
        unsigned n_files;
        size_t depth;
        const struct source *chain[MAX_DEPTH + 1];
};

/* Where a file was included from; NULL path for the profile itself and
 * for a .local. */
struct origin {
        const char *path;
        unsigned line;
        const char *name;       /* the include entry as written */
};

static void source_init(struct source *src, const char *path, bool has_dir)
{
        *src = (struct source){ .path = path };
        if (!has_dir)
                return;
        src->prefix = dir_prefix(path);
        src->dir = realpath(*src->prefix ? src->prefix : ".", NULL);
}

/* Includes resolve next to the file that was opened, not next to the path
 * typed: a symlink in some directory must not make a profile elsewhere
 * pick up that directory's fragments. The kernel names the opened file in
 * /proc/self/fd; without /proc the typed path's directory stays. */
static void real_dir_of(int fd, struct source *src)
{
        char link[32], real[PATH_MAX];
        snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, real, sizeof(real) - 1);
        if (n <= 0 || real[0] != '/')
                return;
        real[n] = '\0';
        _cleanup_free_ char *prefix = dir_prefix(real);
        size_t len = strlen(prefix);
        _cleanup_free_ char *dir = xstrndup(prefix, len > 1 ? len - 1 : 1);
        /* The same directory: keep the path as typed, for messages. */
        if (src->dir && strcmp(src->dir, dir) == 0)
                return;
        free(src->prefix);
        free(src->dir);
        src->prefix = TAKE_PTR(prefix);
        src->dir = TAKE_PTR(dir);
}

static void source_done(struct source *src)
{
        free(src->prefix);
        free(src->dir);
}

static void cleanup_config(config_t *c)
{
        config_destroy(c);
}
#define _cleanup_config_ __attribute__((cleanup(cleanup_config)))

static void free_tree(struct sb_keys_value *v)
{
        for (size_t i = 0; i < v->n_items; i++)
                free_tree(&v->items[i]);
        free(v->items);
}

/* libconfig's tree as plain data. Strings stay in libconfig's memory. */
static void convert(const config_setting_t *s, struct sb_keys_value *out)
{
        *out = (struct sb_keys_value){
                .name = config_setting_name(s),
                .line = config_setting_source_line(s),
        };
        switch (config_setting_type(s)) {
        case CONFIG_TYPE_INT:
                out->type = SB_KEYS_INT;
                out->i = config_setting_get_int(s);
                return;
        case CONFIG_TYPE_INT64:
                out->type = SB_KEYS_INT;
                out->i = config_setting_get_int64(s);
                return;
        case CONFIG_TYPE_FLOAT:
                out->type = SB_KEYS_FLOAT;
                out->f = config_setting_get_float(s);
                return;
        case CONFIG_TYPE_STRING:
                out->type = SB_KEYS_STRING;
                out->s = config_setting_get_string(s);
                return;
        case CONFIG_TYPE_BOOL:
                out->type = SB_KEYS_BOOL;
                out->b = config_setting_get_bool(s);
                return;
        case CONFIG_TYPE_GROUP:
                out->type = SB_KEYS_GROUP;
                break;
        case CONFIG_TYPE_ARRAY:
                out->type = SB_KEYS_ARRAY;
                break;
        default:
                out->type = SB_KEYS_LIST;
                break;
        }
        int n = config_setting_length(s);
        out->items = xcalloc((size_t)n, sizeof(*out->items));
        for (int i = 0; i < n; i++)
                convert(config_setting_get_elem(s, (unsigned)i),
                        &out->items[i]);
        out->n_items = (size_t)n;
}

/* libconfig 1.5 reads an integer literal with atoi(), so 5000000000
 * silently becomes 705032704 and 0xFFFFFFFF becomes -1. Find such
 * literals before parsing: skip strings, comments and names, and refuse a
 * number without the L suffix that does not fit in 31 bits. With the L
 * suffix it saturates (99999999999999999999L is read as INT64_MAX), so
 * refuse one beyond 63 bits too (issue 10). libconfig also takes a
 * comment that is never closed as running to the end of the file, which
 * hides the rest of a truncated profile: *ret_open_comment tells (issue 10).
 * Returns the line of the first problem, or 0. */
static unsigned find_big_integer(const char *p, bool *ret_open_comment)
{
        *ret_open_comment = false;
        unsigned line = 1;
        while (*p) {
                if (*p == '\n') {
                        line++;
                        p++;
                } else if (*p == '"') {
                        for (p++; *p && *p != '"'; p++) {
                                if (*p == '\\' && p[1])
                                        p++;
                                line += *p == '\n';
                        }
                        p += *p == '"';
                } else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
                        p += strcspn(p, "\n");
                } else if (p[0] == '/' && p[1] == '*') {
                        const char *end = strstr(p + 2, "*/");
                        if (!end) {
                                *ret_open_comment = true;
                                return line;
                        }
                        const char *stop = end + 2;
                        for (; p < stop; p++)
                                line += *p == '\n';
                } else if ((*p >= 'A' && *p <= 'Z') ||
                           (*p >= 'a' && *p <= 'z') || *p == '*') {
                        p += strspn(p, "abcdefghijklmnopqrstuvwxyz"
                                       "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789_*-");
                } else if (*p >= '0' && *p <= '9') {
                        bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
                        if (hex)
                                p += 2;
                        const char *start = p;
                        p += strspn(p, hex ? "0123456789abcdefABCDEF"
                                           : "0123456789");
                        if (!hex && (*p == '.' || *p == 'e' || *p == 'E')) {
                                p += strspn(p, "0123456789.eE+-");
                                continue;       /* a float */
                        }
                        errno = 0;
                        unsigned long long v =
                                strtoull(start, NULL, hex ? 16 : 10);
                        if (errno == ERANGE ||
                            v > (*p == 'L' ? (unsigned long long)INT64_MAX
                                           : INT_MAX))
                                return line;
                } else {
                        p++;
                }
        }
        return 0;
}

/* What libconfig must never see: NUL bytes (it would stop there), its own
 * @include (it opens paths relative to the cwd, outside our rules), and
 * integers it would mangle. Reports each problem; true if none. */
static bool check_text(struct loader *l, const char *path, const char *text,
                       size_t len)
{
        bool ok = true;
        unsigned line = 1;
        const char *nul = memchr(text, '\0', len);
        if (nul) {
                for (const char *p = text; p < nul; p++)
                        line += *p == '\n';
                sb_diags_add(l->diags, "%s:%u: contains a NUL byte", path,
                             line);
                return false;
        }
        line = 1;
        for (const char *p = text; *p; line++) {
                const char *s = p + strspn(p, " \t");
                if (str_has_prefix(s, "@include")) {
                        sb_diags_add(l->diags,
                                     "%s:%u: @include is not supported; use "
                                     "the 'include' setting instead",
                                     path, line);
                        ok = false;
                }
                const char *nl = strchr(p, '\n');
                if (!nl)
                        break;
                p = nl + 1;
        }
        bool open_comment;
        unsigned big = ok ? find_big_integer(text, &open_comment) : 0;
        if (big && open_comment) {
                sb_diags_add(l->diags, "%s:%u: comment not closed (no '*/')",
                             path, big);
                ok = false;
        } else if (big) {
                sb_diags_add(l->diags,
                             "%s:%u: integer out of range; write a large "
                             "value as a string (\"5000000000\", \"5G\")",
                             path, big);
                ok = false;
        }
        return ok;
}

static void load_path(struct loader *l, const char *path,
                      const struct origin *from);

/* NAME -> NAME.profile; "x.inc", "x.profile" -> as is; either looked up
 * next to the including file, then in the search dirs. A path with a '/'
 * is relative to the including file's directory. NULL if not found. */
static char *resolve_include(const struct source *src, const char *name,
                             const char *const *dirs)
{
        if (strchr(name, '/')) {
                char *p = name[0] == '/' || !src->prefix
                                  ? xstrdup(name)
                                  : xasprintf("%s%s", src->prefix, name);
                if (exists(p))
                        return p;
                free(p);
                return NULL;
        }
        _cleanup_free_ char *file =
                str_has_suffix(name, ".inc") || str_has_suffix(name, ".profile")
                        ? xstrdup(name)
                        : xasprintf("%s.profile", name);
        if (src->prefix) {
                char *p = xasprintf("%s%s", src->prefix, file);
                if (exists(p))
                        return p;
                free(p);
        }
        return search(dirs, file);
}

static void load_includes(struct loader *l, const struct source *src,
                          const struct sb_keys_file *kf,
                          const struct sb_keys_value *root)
{
        struct sb_keys_include *inc;
        size_t n = keys_includes(&l->keys, kf, root, &inc);
        for (size_t i = 0; i < n; i++) {
                _cleanup_free_ char *p =
                        resolve_include(src, inc[i].name, l->env->search_dirs);
                struct origin from = { src->path, inc[i].line, inc[i].name };
                if (p)
                        load_path(l, p, &from);
                else
                        keys_diag(&l->keys, src->path, inc[i].line, "include",
                                  "'%s' not found", inc[i].name);
        }
        keys_includes_free(inc, n);
}

/* Parse one file's text and apply it: its includes first, then itself. */
static void load_text(struct loader *l, const struct source *src,
                      const char *text, size_t len)
{
        l->n_files++;
        if (!check_text(l, src->path, text, len))
                return;

        _cleanup_config_ config_t cfg;
        config_init(&cfg);
        if (!config_read_string(&cfg, text)) {
                const char *what = config_error_text(&cfg);
                if (!what || strcmp(what, "syntax error") == 0)
                        sb_diags_add(l->diags, "%s:%d: syntax error",
                                     src->path, config_error_line(&cfg));
                else
                        sb_diags_add(l->diags, "%s:%d: syntax error: %s",
                                     src->path, config_error_line(&cfg), what);
                return;
        }

        struct sb_keys_value root;
        convert(config_root_setting(&cfg), &root);
        struct sb_keys_file kf = { src->path, src->dir };

        l->chain[l->depth++] = src;
        load_includes(l, src, &kf, &root);
        l->depth--;

        keys_trace_file(&l->keys, src->path);
        keys_apply(&l->keys, &kf, &root);
        free_tree(&root);
}

/* ---- a plain tree for other readers (the system policy, policy.c) ---- */

struct profile_tree {
        config_t cfg;
        struct sb_keys_value root;
};

int profile_tree_parse(const char *path, const char *text,
                       struct profile_tree **ret, struct sb_diags *diags)
{
        struct loader l = { .diags = diags };
        *ret = NULL;
        if (!check_text(&l, path, text, strlen(text)))
                return -EINVAL;
        struct profile_tree *t = xcalloc(1, sizeof(*t));
        config_init(&t->cfg);
        if (!config_read_string(&t->cfg, text)) {
                sb_diags_add(diags, "%s:%d: syntax error", path,
                             config_error_line(&t->cfg));
                config_destroy(&t->cfg);
                free(t);
                return -EINVAL;
        }
        convert(config_root_setting(&t->cfg), &t->root);
        *ret = t;
        return 0;
}

const struct sb_keys_value *profile_tree_root(const struct profile_tree *t)
{
        return &t->root;
}

void profile_tree_free(struct profile_tree *t)
{
        if (!t)
                return;
        free_tree(&t->root);
        config_destroy(&t->cfg);
        free(t);
}

/* Report an include problem where the include was written, or against the
 * file itself when nothing included it. */
static void include_error(struct loader *l, const struct origin *from,
                          const char *path, const char *msg)
{
        if (from)
                keys_diag(&l->keys, from->path, from->line, "include", "%s",
                          msg);
        else
                sb_diags_add(l->diags, "%s: %s", path, msg);
}

/* A file refused as a whole (cannot open, not a regular file, too large).
 * An included one is reported at its include line, so that the error has
 * a file:line like every other (issue 10); the profile itself or a .local
 * is reported by path. */
static void file_error(struct loader *l, const struct origin *from,
                       const char *path, const char *reason)
{
        if (from)
                keys_diag(&l->keys, from->path, from->line, "include",
                          "'%s': %s", from->name, reason);
        else
                sb_diags_add(l->diags, "%s: %s", path, reason);
}

/* "a.profile -> b.inc -> a.profile" */
static char *cycle_text(const struct loader *l, const char *path)
{
        char *out = xstrdup("include cycle:");
        for (size_t i = 0; i <= l->depth; i++) {
                char *next = xasprintf("%s%s %s", out, i ? " ->" : "",
                                       i < l->depth ? l->chain[i]->path : path);
                free(out);
                out = next;
        }
        return out;
}

/* Refuse what would loop or grow without bound; true if path may load. */
static bool may_load(struct loader *l, const struct origin *from,
                     const char *path, const struct stat *st)
{
        for (size_t i = 0; i < l->depth; i++) {
                const struct source *s = l->chain[i];
                if (s->has_id && s->dev == st->st_dev && s->ino == st->st_ino) {
                        _cleanup_free_ char *msg = cycle_text(l, path);
                        include_error(l, from, path, msg);
                        return false;
                }
        }
        if (l->depth > MAX_DEPTH) {
                _cleanup_free_ char *msg = xasprintf(
                        "too deeply nested (more than %d levels)", MAX_DEPTH);
                include_error(l, from, path, msg);
                return false;
        }
        if (l->n_files >= MAX_FILES) {
                _cleanup_free_ char *msg = xasprintf(
                        "too many included files (more than %d)", MAX_FILES);
                include_error(l, from, path, msg);
                return false;
        }
        return true;
}

/* Read a whole regular file of at most MAX_FILE_SIZE bytes. Returns 0, or
 * a negative errno with the diagnostic already added. */
static int read_file(struct loader *l, const struct origin *from, int fd,
                     const char *path, char **ret, size_t *ret_len)
{
        _cleanup_free_ char *buf = xmalloc(MAX_FILE_SIZE + 2);
        size_t len = 0;
        /* Read one byte past the limit: the file may have grown since the
         * fstat. */
        while (len <= MAX_FILE_SIZE) {
                ssize_t n = read(fd, buf + len, MAX_FILE_SIZE + 1 - len);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        /* Never 0, even with a read(2) that forgot errno:
                         * the caller would go on with no text (found by
                         * clang-analyzer, issue 10). */
                        int e = errno;
                        int r = e > 0 ? -e : -EIO;
                        _cleanup_free_ char *msg =
                                xasprintf("cannot read: %s", strerror(-r));
                        file_error(l, from, path, msg);
                        return r;
                }
                if (n == 0)
                        break;
                len += (size_t)n;
        }
        if (len > MAX_FILE_SIZE) {
                file_error(l, from, path, "file too large (more than 1 MiB)");
                return -EFBIG;
        }
        buf[len] = '\0';
        *ret = TAKE_PTR(buf);
        *ret_len = len;
        return 0;
}

/* Setuid mode: the file must be root's (or the caller's own, when user
 * profiles are allowed) and nobody else may write it. NULL if it may be
 * read; checked on the descriptor, so a rename after the open changes
 * nothing. */
static const char *owner_problem(const struct sb_profile_env *env,
                                 const struct stat *st)
{
        if (!env->check_owner)
                return NULL;
        if (st->st_uid != 0 &&
            !(env->allow_user_owned && st->st_uid == env->uid))
                return env->allow_user_owned
                               ? "refused: owned by neither root nor you "
                                 "(a setuid launcher trusts no one else's "
                                 "profile)"
                               : "refused: not owned by root (the system "
                                 "policy allows only root's profiles: "
                                 "user_profiles = false)";
        if (st->st_mode & (S_IWGRP | S_IWOTH))
                return "refused: writable by group or others (a setuid "
                       "launcher trusts only files no one else may change)";
        return NULL;
}

/* Open, check and load one file. `from` is NULL for the profile itself and
 * for a .local, where a missing file is silently skipped. */
static void load_path(struct loader *l, const char *path,
                      const struct origin *from)
{
        /* O_NONBLOCK: opening a FIFO must not hang; fstat refuses it. */
        _cleanup_close_ int fd =
                open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd < 0) {
                if (from && errno == ENOENT) {
                        keys_diag(&l->keys, from->path, from->line, "include",
                                  "'%s' not found", from->name);
                } else {
                        _cleanup_free_ char *msg = xasprintf(
                                "cannot open: %s", strerror(errno));
                        file_error(l, from, path, msg);
                }
                return;
        }
        struct stat st;
        if (fstat(fd, &st) < 0) {
                _cleanup_free_ char *msg =
                        xasprintf("cannot stat: %s", strerror(errno));
                file_error(l, from, path, msg);
                return;
        }
        if (!S_ISREG(st.st_mode)) {
                file_error(l, from, path, "not a regular file");
                return;
        }
        const char *untrusted = owner_problem(l->env, &st);
        if (untrusted) {
                file_error(l, from, path, untrusted);
                return;
        }
        if (!may_load(l, from, path, &st))
                return;
        if (st.st_size > MAX_FILE_SIZE) {
                file_error(l, from, path, "file too large (more than 1 MiB)");
                return;
        }
        _cleanup_free_ char *text = NULL;
        size_t len = 0;
        if (read_file(l, from, fd, path, &text, &len) < 0)
                return;

        struct source src;
        source_init(&src, path, true);
        real_dir_of(fd, &src);
        src.has_id = true;
        src.dev = st.st_dev;
        src.ino = st.st_ino;
        load_text(l, &src, text, len);
        source_done(&src);
}

/* Every DIR/NAME.local, least specific directory first, so that the
 * user's own file has the last word. */
static void load_locals(struct loader *l, const char *profile)
{
        const char *const *dirs = l->env->search_dirs;
        _cleanup_free_ char *name = profile_name(profile);
        _cleanup_free_ char *file = xasprintf("%s.local", name);
        size_t n = 0;
        while (dirs && dirs[n])
                n++;
        while (n-- > 0) {
                _cleanup_free_ char *p = join(dirs[n], file);
                if (exists(p))
                        load_path(l, p, NULL);
        }
}

static void loader_init(struct loader *l, const struct sb_profile_env *env,
                        struct sb_config *cfg, struct sb_diags *diags)
{
        *l = (struct loader){ .env = env, .diags = diags };
        keys_init(&l->keys, env, cfg, diags);
}

/* The cross-key checks, then the verdict for this call only: diags may
 * already hold messages from before. */
static int loader_finish(struct loader *l, size_t n_before)
{
        keys_finish(&l->keys);
        keys_done(&l->keys);
        return l->diags->n > n_before ? -EINVAL : 0;
}

int profile_load(const char *path, const struct sb_profile_env *env,
                 struct sb_config *cfg, struct sb_diags *diags)
{
        return profile_load_traced(path, env, cfg, diags, NULL);
}

int profile_load_traced(const char *path, const struct sb_profile_env *env,
                        struct sb_config *cfg, struct sb_diags *diags,
                        struct sb_origins *origins)
{
        struct loader l;
        size_t n_before = diags->n;
        loader_init(&l, env, cfg, diags);
        l.keys.origins = origins;
        free(cfg->source);
        cfg->source = xstrdup(path);

        load_path(&l, path, NULL);
        /* A profile that could not be read at all has nothing to tweak. */
        if (l.n_files > 0)
                load_locals(&l, path);
        return loader_finish(&l, n_before);
}

int profile_load_string(const char *text, const char *name,
                        const struct sb_profile_env *env,
                        struct sb_config *cfg, struct sb_diags *diags)
{
        struct loader l;
        size_t n_before = diags->n;
        loader_init(&l, env, cfg, diags);
        free(cfg->source);
        cfg->source = xstrdup(name);

        size_t len = strlen(text);
        if (len > MAX_FILE_SIZE) {
                sb_diags_add(diags, "%s: file too large (more than 1 MiB)",
                             name);
        } else {
                /* Text in memory has a directory only if its name says so. */
                struct source src;
                source_init(&src, name, strchr(name, '/') != NULL);
                load_text(&l, &src, text, len);
                source_done(&src);
                load_locals(&l, name);
        }
        return loader_finish(&l, n_before);
}
