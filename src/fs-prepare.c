/* The launcher's half of the filesystem view: the plan, and every host
 * path in it resolved before clone, while stat(2) shows the host's owners
 * rather than the sandbox's user namespace's mapping of them (see
 * host-path.c). init then opens exactly these paths with
 * RESOLVE_NO_SYMLINKS. A symlink that is not root's, in a directory only
 * root may write to, fails the launch here, before anything exists. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "host-path.h"
#include "log.h"
#include "mount-internal.h"
#include "mount.h"
#include "util.h"

/* Whose symlinks are followed: root's (host-path.h). */
#define TRUSTED_UID 0

struct prep_ctx {
        int root_fd;            /* the host's "/", opened on first use */
};

/* path resolved into *ret; on failure err holds "WHAT 'PATH': reason". */
static int resolve(struct prep_ctx *p, const char *what, const char *path,
                   char **ret, struct sb_error *err)
{
        if (p->root_fd < 0) {
                p->root_fd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
                if (p->root_fd < 0)
                        return sb_error_errno(err, errno, "open '/'");
        }
        _cleanup_free_ char *why = NULL;
        int r = host_path_resolve(p->root_fd, path, TRUSTED_UID, ret, &why);
        if (r < 0 && why)
                return sb_error_set(err, r, "%s '%s': %s", what, path, why);
        if (r < 0)
                return sb_error_errno(err, r, "%s '%s'", what, path);
        return 0;
}

static int prepare_op(struct prep_ctx *p, struct sb_mount *m,
                      struct sb_error *err)
{
        if (m->type != SB_MOUNT_BIND && m->type != SB_MOUNT_OVERLAY)
                return 0;
        struct sb_error e = { 0 };
        int r = resolve(p, "source", m->source, &m->host_source, &e);
        if (r >= 0 && m->upper)
                r = resolve(p, "upper", m->upper, &m->host_upper, &e);
        if (r < 0) {
                char what[256];
                fs_plan_describe(m, what, sizeof(what));
                return sb_error_set(err, r, "%s (%s): %s", m->origin, what,
                                    e.msg);
        }
        if (strcmp(m->host_source, m->source) != 0)
                log_debug("mount: source %s is %s", m->source,
                          m->host_source);
        if (m->upper && strcmp(m->host_upper, m->upper) != 0)
                log_debug("mount: upper %s is %s", m->upper, m->host_upper);
        return 0;
}

int mount_prepare(const struct sb_config *cfg, const struct sb_mount *extra,
                  size_t n_extra, struct mount_prep **ret,
                  struct sb_error *err)
{
        *ret = NULL;
        if (!(cfg->namespaces & SB_NS_MOUNT))
                return 0;
        struct mount_prep *prep = xcalloc(1, sizeof(*prep));
        fs_plan_build(cfg, &prep->plan);
        fs_plan_append(&prep->plan, extra, n_extra);
        struct prep_ctx p = { .root_fd = -1 };
        int r = 0;
        const struct sb_fs_config *fs = &cfg->fs;
        if (fs->root == SB_FS_ROOT_DIR) {
                struct sb_error e = { 0 };
                r = resolve(&p, "root", fs->root_dir, &prep->root_dir, &e);
                if (r < 0)
                        sb_error_set(err, r, "filesystem.root at %s: %s",
                                     fs->root_origin ? fs->root_origin
                                                     : "default",
                                     e.msg);
        }
        for (size_t i = 0; r >= 0 && i < prep->plan.n; i++)
                r = prepare_op(&p, &prep->plan.ops[i], err);
        if (p.root_fd >= 0)
                close(p.root_fd);
        if (r < 0) {
                mount_prep_free(prep);
                return r;
        }
        *ret = prep;
        return 0;
}

/* Where host path `path` shows in the view through a mount whose host
 * source is `src` at `target`, or NULL if it does not. */
static char *shown_at(const char *src, const char *target, const char *path)
{
        size_t n = strlen(src);
        while (n > 1 && src[n - 1] == '/')
                n--;
        if (strcmp(src, "/") == 0)
                n = 0;
        if (strncmp(path, src, n) != 0 || (path[n] != '/' && path[n]))
                return NULL;
        const char *rest = path + n;
        if (!*rest)
                return xstrdup(target);
        return xasprintf("%s%s", strcmp(target, "/") == 0 ? "" : target,
                         rest);
}

static void add_mask(struct mount_prep *prep, char *target)
{
        struct fs_plan *p = &prep->plan;
        for (size_t i = 0; i < p->n; i++)
                if (p->ops[i].type == SB_MOUNT_MASK &&
                    strcmp(p->ops[i].target, target) == 0) {
                        free(target);
                        return;
                }
        p->ops = xrealloc(p->ops, (p->n + 1) * sizeof(*p->ops));
        /* Not optional: a mask that cannot be applied fails the launch
         * rather than leave the sandbox its own state to rewrite. */
        p->ops[p->n++] = (struct sb_mount){
                .type = SB_MOUNT_MASK,
                .target = target,
                .origin = xstrdup("state directory mask"),
        };
        log_debug("mount: mask %s (the state directory)", target);
}

/* The hidden path and each directory above it, by identity: a bind
 * source that is one of them under another name (a bind mount of it
 * elsewhere on the host) shows the path too. */
struct hide_ctx {
        const char *path;
        size_t n;
        struct {
                dev_t dev;
                ino_t ino;
                size_t len;     /* of the prefix of path naming it */
        } up[64];
};

static void hide_ctx_init(struct hide_ctx *h, const char *path)
{
        h->path = path;
        h->n = 0;
        size_t len = strlen(path);
        char buf[PATH_MAX];
        if (len >= sizeof(buf))
                return;
        for (size_t end = len; h->n < ARRAY_SIZE(h->up);) {
                if (end)
                        memcpy(buf, path, end);
                else
                        buf[end++] = '/';       /* "/" itself, last */
                buf[end] = '\0';
                if (buf[0] == '/' && !buf[1])
                        end = 0;
                struct stat st;
                if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode)) {
                        h->up[h->n].dev = st.st_dev;
                        h->up[h->n].ino = st.st_ino;
                        h->up[h->n].len = end;
                        h->n++;
                }
                if (!end)
                        break;
                while (end > 0 && path[end - 1] != '/')
                        end--;
                if (end > 1)
                        end--;          /* drop the '/' itself */
                else
                        end = 0;
        }
}

/* Where the hidden path shows through a mount of host `src` at `target`:
 * by name, else by the identity of src. */
static char *shown_in(const struct hide_ctx *h, const char *src,
                      const char *target)
{
        char *at = shown_at(src, target, h->path);
        struct stat st;
        if (at || stat(src, &st) < 0 || !S_ISDIR(st.st_mode))
                return at;
        for (size_t i = 0; i < h->n; i++) {
                if (h->up[i].dev != st.st_dev || h->up[i].ino != st.st_ino)
                        continue;
                const char *rest = h->path + h->up[i].len;
                if (!*rest)
                        return xstrdup(target);
                return xasprintf("%s%s", strcmp(target, "/") == 0 ? ""
                                                                 : target,
                                 rest);
        }
        return NULL;
}

int mount_prepare_hide(struct mount_prep *prep, const struct sb_config *cfg,
                       const char *path)
{
        if (!prep || !path || path[0] != '/')
                return 0;
        struct hide_ctx h;
        hide_ctx_init(&h, path);
        /* The base first, then every bind or overlay: each may show it. */
        size_t n = prep->plan.n;
        char *at = NULL;
        if (cfg->fs.root == SB_FS_ROOT_HOST)
                at = shown_at("/", "/", path);
        else if (cfg->fs.root == SB_FS_ROOT_DIR && prep->root_dir)
                at = shown_in(&h, prep->root_dir, "/");
        if (at)
                add_mask(prep, at);
        for (size_t i = 0; i < n; i++) {
                const struct sb_mount *m = &prep->plan.ops[i];
                if (m->type != SB_MOUNT_BIND && m->type != SB_MOUNT_OVERLAY)
                        continue;
                const char *src = m->host_source ? m->host_source : m->source;
                const char *upper = m->host_upper ? m->host_upper : m->upper;
                /* Both before adding: add_mask moves the plan (and m). */
                char *at_src = src ? shown_in(&h, src, m->target) : NULL;
                char *at_upper = upper ? shown_in(&h, upper, m->target)
                                       : NULL;
                if (at_src)
                        add_mask(prep, at_src);
                if (at_upper)
                        add_mask(prep, at_upper);
        }
        return 0;
}

void mount_prep_free(struct mount_prep *p)
{
        if (!p)
                return;
        fs_plan_free(&p->plan);
        free(p->root_dir);
        free(p);
}
