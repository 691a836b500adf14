/* Where the cgroup hierarchies are and where the launcher sits in each:
 * pure v2, v1, or a hybrid of v1 controllers and a controller-less (or
 * nearly) cgroup2 tree. Parsing is pure; reading the two /proc files is
 * the only I/O. */
#include "cgroup-internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "util.h"

static const char *const v1_names[CG_CTRL_MAX] = {
        [CG_MEMORY] = "memory",   [CG_PIDS] = "pids",
        [CG_CPU] = "cpu",         [CG_CPUACCT] = "cpuacct",
        [CG_IO] = "blkio",        [CG_DEVICES] = "devices",
        [CG_FREEZER] = "freezer",
};

/* Only these are controllers of their own on v2; cpu usage and the
 * freezer are core files there, and devices an eBPF program. */
static const char *const v2_names[CG_CTRL_MAX] = {
        [CG_MEMORY] = "memory", [CG_PIDS] = "pids",
        [CG_CPU] = "cpu",       [CG_IO] = "io",
};

const char *cg_ctrl_v1_name(enum cg_ctrl c)
{
        return c >= 0 && c < CG_CTRL_MAX ? v1_names[c] : NULL;
}

const char *cg_ctrl_v2_name(enum cg_ctrl c)
{
        return c >= 0 && c < CG_CTRL_MAX ? v2_names[c] : NULL;
}

static enum cg_ctrl v1_from_name(const char *s, size_t n)
{
        for (int c = 0; c < CG_CTRL_MAX; c++)
                if (strlen(v1_names[c]) == n && strncmp(v1_names[c], s, n) == 0)
                        return c;
        return CG_CTRL_INVALID;
}

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static char *unescape(const char *s, size_t n)
{
        char *out = xmalloc(n + 1), *o = out;
        for (size_t i = 0; i < n; i++) {
                if (s[i] == '\\' && i + 3 < n && s[i + 1] >= '0' &&
                    s[i + 1] <= '3' && s[i + 2] >= '0' && s[i + 2] <= '7' &&
                    s[i + 3] >= '0' && s[i + 3] <= '7') {
                        *o++ = (char)((s[i + 1] - '0') * 64 +
                                      (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
                        i += 3;
                } else {
                        *o++ = s[i];
                }
        }
        *o = '\0';
        return out;
}

/* The n-th space-separated field of line [s, end); NULL if there is none. */
static const char *field(const char *s, const char *end, int n, size_t *len)
{
        for (; n > 0 && s < end; n--) {
                s = memchr(s, ' ', (size_t)(end - s));
                if (!s)
                        return NULL;
                s++;
        }
        if (s >= end)
                return NULL;
        const char *e = memchr(s, ' ', (size_t)(end - s));
        *len = (size_t)((e ? e : end) - s);
        return s;
}

/* Each hierarchy's mount, with its root (non-"/" when mounted from inside
 * another cgroup namespace or as a bind of a subtree). */
struct mounts {
        char *v2_mount, *v2_root;
        char *v1_mount[CG_CTRL_MAX], *v1_root[CG_CTRL_MAX];
};

static void parse_mount_line(const char *s, const char *end, struct mounts *m)
{
        const char *sep = NULL;
        for (const char *p = s; p + 3 <= end; p++)
                if (memcmp(p, " - ", 3) == 0) {
                        sep = p + 3;
                        break;
                }
        size_t root_n, mnt_n, type_n, opts_n;
        const char *root = field(s, end, 3, &root_n);
        const char *mnt = field(s, end, 4, &mnt_n);
        const char *type = sep ? field(sep, end, 0, &type_n) : NULL;
        const char *opts = sep ? field(sep, end, 2, &opts_n) : NULL;
        if (!root || !mnt || !type || !opts)
                return;
        if (type_n == 7 && memcmp(type, "cgroup2", 7) == 0) {
                if (!m->v2_mount) {
                        m->v2_mount = unescape(mnt, mnt_n);
                        m->v2_root = unescape(root, root_n);
                }
                return;
        }
        if (type_n != 6 || memcmp(type, "cgroup", 6) != 0)
                return;
        for (const char *o = opts; o < opts + opts_n;) {
                const char *comma = memchr(o, ',', (size_t)(opts + opts_n - o));
                size_t n = (size_t)((comma ? comma : opts + opts_n) - o);
                enum cg_ctrl c = v1_from_name(o, n);
                if (c != CG_CTRL_INVALID && !m->v1_mount[c]) {
                        m->v1_mount[c] = unescape(mnt, mnt_n);
                        m->v1_root[c] = unescape(root, root_n);
                }
                o += n + 1;
        }
}

/* The launcher's path relative to a mount whose root is `root`; NULL when
 * the mount does not reach it. */
static char *relative_to_root(const char *path, const char *root)
{
        if (!path || !root)
                return NULL;
        if (strcmp(root, "/") == 0)
                return xstrdup(path);
        size_t n = strlen(root);
        if (strncmp(path, root, n) != 0 || (path[n] != '/' && path[n]))
                return NULL;
        return xstrdup(path[n] ? path + n : "/");
}

int cg_layout_parse(const char *mountinfo, const char *self_cgroup,
                    struct cg_layout *ret)
{
        struct mounts m = { 0 };
        if (!mountinfo || !self_cgroup)
                return -EINVAL;
        for (const char *s = mountinfo; *s;) {
                const char *end = strchrnul(s, '\n');
                parse_mount_line(s, end, &m);
                s = *end ? end + 1 : end;
        }

        /* "ID:CONTROLLERS:PATH"; v2 is "0::PATH". */
        const char *v2_path = NULL;
        size_t v2_len = 0;
        const char *paths[CG_CTRL_MAX] = { 0 };
        size_t lens[CG_CTRL_MAX] = { 0 };
        for (const char *s = self_cgroup; *s;) {
                const char *end = strchrnul(s, '\n');
                const char *c1 = memchr(s, ':', (size_t)(end - s));
                const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(end - c1 - 1))
                                    : NULL;
                if (c2 && c2[1] == '/') {
                        if (c2 == c1 + 1 && c1 - s == 1 && s[0] == '0') {
                                v2_path = c2 + 1;
                                v2_len = (size_t)(end - c2 - 1);
                        }
                        for (const char *o = c1 + 1; o < c2;) {
                                const char *comma = memchr(o, ',', (size_t)(c2 - o));
                                size_t n = (size_t)((comma ? comma : c2) - o);
                                enum cg_ctrl c = v1_from_name(o, n);
                                if (c != CG_CTRL_INVALID) {
                                        paths[c] = c2 + 1;
                                        lens[c] = (size_t)(end - c2 - 1);
                                }
                                o += n + 1;
                        }
                }
                s = *end ? end + 1 : end;
        }

        struct cg_layout l = { 0 };
        if (m.v2_mount && v2_path) {
                char *p = xstrndup(v2_path, v2_len);
                l.v2_path = relative_to_root(p, m.v2_root);
                if (l.v2_path) {
                        l.v2_mount = TAKE_PTR(m.v2_mount);
                        l.v2_self = TAKE_PTR(p);
                }
                free(p);
        }
        for (int c = 0; c < CG_CTRL_MAX; c++) {
                if (!m.v1_mount[c] || !paths[c])
                        continue;
                char *p = xstrndup(paths[c], lens[c]);
                l.v1_path[c] = relative_to_root(p, m.v1_root[c]);
                if (l.v1_path[c]) {
                        l.v1_mount[c] = TAKE_PTR(m.v1_mount[c]);
                        l.v1_self[c] = TAKE_PTR(p);
                }
                free(p);
        }
        free(m.v2_mount);
        free(m.v2_root);
        for (int c = 0; c < CG_CTRL_MAX; c++) {
                free(m.v1_mount[c]);
                free(m.v1_root[c]);
        }
        *ret = l;
        return 0;
}

static int read_proc(const char *path, char **ret, struct sb_error *err)
{
        ssize_t n = read_all_at(AT_FDCWD, path, 0, ret);
        return n < 0 ? sb_error_errno(err, (int)n, "read %s", path) : 0;
}

int cg_layout_read(struct cg_layout *ret, struct sb_error *err)
{
        _cleanup_free_ char *mountinfo = NULL, *self = NULL;
        int r = read_proc("/proc/self/mountinfo", &mountinfo, err);
        if (r >= 0)
                r = read_proc("/proc/self/cgroup", &self, err);
        if (r < 0)
                return r;
        return cg_layout_parse(mountinfo, self, ret);
}

enum cg_mode cg_layout_mode(const struct cg_layout *l)
{
        bool v1 = false;
        for (int c = 0; c < CG_CTRL_MAX; c++)
                v1 = v1 || l->v1_mount[c];
        if (v1)
                return l->v2_mount ? CG_MODE_HYBRID : CG_MODE_V1;
        return l->v2_mount ? CG_MODE_V2 : CG_MODE_NONE;
}

const char *cg_mode_name(enum cg_mode m)
{
        static const char *const names[] = {
                [CG_MODE_NONE] = "none", [CG_MODE_V1] = "v1",
                [CG_MODE_HYBRID] = "hybrid", [CG_MODE_V2] = "v2",
        };
        return names[m];
}

void cg_layout_free(struct cg_layout *l)
{
        free(l->v2_mount);
        free(l->v2_path);
        free(l->v2_self);
        for (int c = 0; c < CG_CTRL_MAX; c++) {
                free(l->v1_mount[c]);
                free(l->v1_path[c]);
                free(l->v1_self[c]);
        }
        memset(l, 0, sizeof(*l));
}
