/* The wire form of a profile's load result (config-wire.h). Little-endian
 * fixed-width integers; a string is a u32 length and that many bytes (no
 * NUL on the wire, none allowed in it); an optional string has a u8 0/1
 * before it; a list is a u32 count and its items. The decoder checks
 * each value against the bound the loader itself would have applied,
 * field by field, and stops at the first violation, naming the field. */
#include "config-wire.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/capability.h>

#include "net-addr.h"
#include "path.h"
#include "util.h"

#define MAGIC "SBW1"
#define MAX_STR 4096            /* a path, a name, a value */
#define MAX_TEXT (1u << 20)     /* file content, a description: a profile
                                   file is at most 1 MiB */
#define MAX_LIST 4096           /* entries of any list */
#define MAX_MOUNTS 4096

/* ---- writing ---- */

struct wbuf {
        char *p;
        size_t n, cap;
        bool too_big;
};

static void put(struct wbuf *w, const void *data, size_t n)
{
        if (w->too_big || n > SB_WIRE_MAX - w->n) {
                w->too_big = true;
                return;
        }
        if (w->n + n > w->cap) {
                size_t cap = w->cap ? w->cap : 4096;
                while (cap < w->n + n)
                        cap *= 2;
                w->p = xrealloc(w->p, cap);
                w->cap = cap;
        }
        memcpy(w->p + w->n, data, n);
        w->n += n;
}

static void put_u64(struct wbuf *w, uint64_t v)
{
        unsigned char b[8];
        for (int i = 0; i < 8; i++)
                b[i] = (unsigned char)(v >> (8 * i));
        put(w, b, 8);
}

static void put_u32(struct wbuf *w, uint32_t v)
{
        unsigned char b[4];
        for (int i = 0; i < 4; i++)
                b[i] = (unsigned char)(v >> (8 * i));
        put(w, b, 4);
}

static void put_u8(struct wbuf *w, unsigned v)
{
        unsigned char b = (unsigned char)v;
        put(w, &b, 1);
}

static void put_str(struct wbuf *w, const char *s)
{
        size_t n = strlen(s);
        if (n > UINT32_MAX) {
                w->too_big = true;
                return;
        }
        put_u32(w, (uint32_t)n);
        put(w, s, n);
}

static void put_opt(struct wbuf *w, const char *s)
{
        put_u8(w, s != NULL);
        if (s)
                put_str(w, s);
}

static void put_strv(struct wbuf *w, char *const *v)
{
        size_t n = strv_length(v);
        put_u32(w, (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n));
        for (size_t i = 0; i < n; i++)
                put_str(w, v[i]);
}

static void put_addr(struct wbuf *w, const struct sb_net_addr *a)
{
        put_u8(w, a->family == AF_INET6 ? 6 : a->family == AF_INET ? 4 : 0);
        put(w, a->bytes, 16);
        put_u8(w, a->prefix);
}

static void put_mount(struct wbuf *w, const struct sb_mount *m)
{
        put_u32(w, (uint32_t)m->type);
        put_opt(w, m->source);
        put_opt(w, m->target);
        put_opt(w, m->upper);
        put_opt(w, m->content);
        put_u64(w, m->size);
        put_u32(w, (uint32_t)m->mode);
        put_u8(w, m->mode_set);
        put_u8(w, m->readonly);
        put_u8(w, m->optional);
        put_u8(w, m->recursive);
        put_opt(w, m->origin);
        /* fs_magic, host_source, host_upper: the plan's, never a
         * profile's; they do not cross. */
}

static void put_fs(struct wbuf *w, const struct sb_fs_config *f)
{
        put_u32(w, (uint32_t)f->root);
        put_opt(w, f->root_dir);
        put_opt(w, f->root_origin);
        put_u32(w, (uint32_t)f->n_mounts);
        for (size_t i = 0; i < f->n_mounts; i++)
                put_mount(w, &f->mounts[i]);
        put_u8(w, f->home.private_home);
        put_strv(w, f->home.writable);
        put_strv(w, f->home.readonly);
        put_opt(w, f->home.dir);
        put_opt(w, f->home.origin);
        put_u32(w, f->devices);
        put_u32(w, f->unmask);
        /* set_origin and set_key serve the loader's cross-key checks only. */
}

static void put_net(struct wbuf *w, const struct sb_net_config *n)
{
        put_u32(w, (uint32_t)n->mode);
        put_opt(w, n->mode_where);
        put_u32(w, (uint32_t)n->n_veths);
        for (size_t i = 0; i < n->n_veths && i < SB_NET_MAX_VETH; i++) {
                const struct sb_net_veth *v = &n->veths[i];
                put_str(w, v->name);
                put_str(w, v->host_name);
                put_str(w, v->bridge);
                put_u32(w, (uint32_t)v->n_addrs);
                for (size_t j = 0; j < v->n_addrs && j < SB_NET_MAX_ADDRS; j++)
                        put_addr(w, &v->addrs[j]);
                put_u8(w, v->has_gw4);
                put_addr(w, &v->gw4);
                put_u8(w, v->has_gw6);
                put_addr(w, &v->gw6);
                put_u32(w, v->mtu);
                put_u8(w, v->has_mac);
                put(w, v->mac, 6);
                put_opt(w, v->where);
        }
        put_opt(w, n->veth_where);
        put_u32(w, (uint32_t)n->n_dns);
        for (size_t i = 0; i < n->n_dns && i < SB_NET_MAX_DNS; i++)
                put_addr(w, &n->dns[i]);
        put_opt(w, n->dns_where);
        put_strv(w, n->hosts);
        put_opt(w, n->hosts_where);
}

static void put_cgroup(struct wbuf *w, const struct sb_cgroup_config *g)
{
        put_u8(w, g->set);
        put_u64(w, g->memory);
        put_u8(w, g->memory_swap_set);
        put_u64(w, g->memory_swap);
        put_u64(w, g->pids);
        put_u32(w, g->millicpus);
        put_u32(w, g->cpu_weight);
        put_u32(w, g->io_weight);
        put_u8(w, g->devices_set);
        put_u32(w, (uint32_t)g->n_devices);
        for (size_t i = 0; i < g->n_devices; i++) {
                const struct sb_cgroup_device *d = &g->devices[i];
                put_u8(w, (unsigned char)d->type);
                put_u64(w, (uint64_t)d->major);
                put_u64(w, (uint64_t)d->minor);
                put_u32(w, d->access);
        }
        put_opt(w, g->parent);
}

/* A bus-name list is NULL when the profile did not set it, which the
 * printer tells apart from an empty one. */
static void put_opt_strv(struct wbuf *w, char *const *v)
{
        put_u8(w, v != NULL);
        if (v)
                put_strv(w, v);
}

static void put_desktop(struct wbuf *w, const struct sb_desktop_config *d)
{
        put_u8(w, d->x11);
        put_u8(w, d->wayland);
        put_u8(w, d->pulseaudio);
        put_u8(w, d->pipewire);
        put_u8(w, d->gpu);
        put_u32(w, (uint32_t)d->dbus);
        put_opt_strv(w, d->dbus_own);
        put_opt_strv(w, d->dbus_talk);
        put_opt(w, d->world.display);
        put_opt(w, d->world.xauthority);
        put_opt(w, d->world.wayland_display);
        put_opt(w, d->world.runtime_dir);
        put_opt(w, d->world.bus_address);
}

static void put_config(struct wbuf *w, const struct sb_config *c)
{
        put_opt(w, c->description);
        put_opt(w, c->source);
        put_u32(w, c->namespaces);
        put_opt(w, c->hostname);
        put_u8(w, c->env.clear);
        put_strv(w, c->env.keep);
        put_u32(w, (uint32_t)c->env.n_set);
        for (size_t i = 0; i < c->env.n_set; i++) {
                put_str(w, c->env.set[i].name);
                put_str(w, c->env.set[i].value);
        }
        put_u32(w, SB_RLIMIT_COUNT);
        for (size_t i = 0; i < SB_RLIMIT_COUNT; i++) {
                put_u8(w, c->rlimits[i].set);
                put_u64(w, c->rlimits[i].soft);
                put_u64(w, c->rlimits[i].hard);
        }
        const struct sb_process *p = &c->process;
        put_u8(w, p->id.user_set);
        put_u32(w, p->id.uid);
        put_u32(w, p->id.gid);
        put_u8(w, p->id.host_user_set);
        put_u32(w, p->id.host_uid);
        put_u32(w, p->id.host_gid);
        put_opt(w, p->cwd);
        put_u32(w, p->umask);
        put_u8(w, p->new_session);
        put_u8(w, p->die_with_parent);
        for (int i = 0; i < SB_CAP_WORDS; i++)
                put_u64(w, c->caps_keep[i]);
        put_fs(w, &c->fs);
        const struct sb_seccomp_config *s = &c->seccomp;
        put_u8(w, s->enabled);
        put_u8(w, s->allow_list);
        put_u32(w, (uint32_t)s->action);
        put_u32(w, (uint32_t)s->errno_value);
        put_u8(w, s->foreign_abis);
        put_strv(w, s->deny);
        put_strv(w, s->allow);
        put_net(w, &c->net);
        put_cgroup(w, &c->cgroup);
        put_desktop(w, &c->desktop);
        put_u8(w, c->joinable);
}

int sb_wire_encode(int status, const struct sb_diags *diags,
                   const struct sb_config *cfg, char **ret, size_t *ret_len)
{
        struct wbuf w = { 0 };
        put(&w, MAGIC, 4);
        put_u32(&w, (uint32_t)status);
        size_t n = diags ? diags->n : 0;
        if (n > SB_WIRE_MAX_DIAGS)
                n = SB_WIRE_MAX_DIAGS;
        put_u32(&w, (uint32_t)n);
        for (size_t i = 0; i < n; i++) {
                /* Cut, not refused: a diagnostic is for people. */
                size_t len = strlen(diags->msgs[i]);
                put_u32(&w, (uint32_t)(len > SB_WIRE_MAX_DIAG_LEN
                                               ? SB_WIRE_MAX_DIAG_LEN
                                               : len));
                put(&w, diags->msgs[i],
                    len > SB_WIRE_MAX_DIAG_LEN ? SB_WIRE_MAX_DIAG_LEN : len);
        }
        put_u8(&w, status == 0 && cfg);
        if (status == 0 && cfg)
                put_config(&w, cfg);
        if (w.too_big) {
                free(w.p);
                return -E2BIG;
        }
        *ret = w.p;
        *ret_len = w.n;
        return 0;
}

/* ---- reading ---- */

struct rbuf {
        const unsigned char *p;
        size_t n, at;
        bool bad;
        char why[160];
};

static bool fail(struct rbuf *r, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static bool fail(struct rbuf *r, const char *fmt, ...)
{
        if (r->bad)
                return false;
        r->bad = true;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->why, sizeof(r->why), fmt, ap);
        va_end(ap);
        return false;
}

static bool get(struct rbuf *r, void *out, size_t n)
{
        if (r->bad)
                return false;
        if (n > r->n - r->at)
                return fail(r, "truncated");
        memcpy(out, r->p + r->at, n);
        r->at += n;
        return true;
}

static uint64_t get_u64(struct rbuf *r)
{
        unsigned char b[8] = { 0 };
        get(r, b, 8);
        uint64_t v = 0;
        for (int i = 0; i < 8; i++)
                v |= (uint64_t)b[i] << (8 * i);
        return v;
}

static uint32_t get_u32(struct rbuf *r)
{
        unsigned char b[4] = { 0 };
        get(r, b, 4);
        return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
               (uint32_t)b[3] << 24;
}

/* A u32 no larger than max. */
static uint32_t get_max(struct rbuf *r, uint32_t max, const char *what)
{
        uint32_t v = get_u32(r);
        if (!r->bad && v > max) {
                fail(r, "%s: %u is above %u", what, (unsigned)v,
                     (unsigned)max);
                return 0;
        }
        return v;
}

static bool get_bool(struct rbuf *r, const char *what)
{
        unsigned char b = 0;
        get(r, &b, 1);
        if (!r->bad && b > 1)
                fail(r, "%s: %u is not a boolean", what, (unsigned)b);
        return b == 1;
}

/* A string of at most max bytes, none of them NUL; NULL on error. */
static char *get_str(struct rbuf *r, size_t max, const char *what)
{
        uint32_t n = get_u32(r);
        if (r->bad)
                return NULL;
        if (n > max) {
                fail(r, "%s: a string of %u bytes (at most %zu)", what,
                     (unsigned)n, max);
                return NULL;
        }
        if (n > r->n - r->at) {
                fail(r, "%s: truncated", what);
                return NULL;
        }
        if (memchr(r->p + r->at, '\0', n)) {
                fail(r, "%s: a NUL byte in a string", what);
                return NULL;
        }
        char *s = xstrndup((const char *)r->p + r->at, n);
        r->at += n;
        return s;
}

static char *get_opt(struct rbuf *r, size_t max, const char *what)
{
        return get_bool(r, what) ? get_str(r, max, what) : NULL;
}

/* Into a fixed array of size bytes (with its NUL). */
static void get_fixed(struct rbuf *r, char *out, size_t size, const char *what)
{
        char *s = get_str(r, size - 1, what);
        snprintf(out, size, "%s", s ? s : "");
        free(s);
}

static char **get_strv(struct rbuf *r, size_t max_items, size_t max_len,
                       const char *what)
{
        uint32_t n = get_max(r, (uint32_t)max_items, what);
        char **v = xcalloc((size_t)n + 1, sizeof(char *));
        for (uint32_t i = 0; i < n && !r->bad; i++) {
                v[i] = get_str(r, max_len, what);
                if (v[i] && !v[i][0])
                        fail(r, "%s: an empty entry", what);
        }
        if (r->bad) {
                strv_free(v);
                return NULL;
        }
        return v;
}

static bool get_addr(struct rbuf *r, struct sb_net_addr *a, bool any,
                     const char *what)
{
        unsigned char fam = 0, prefix = 0;
        get(r, &fam, 1);
        get(r, a->bytes, 16);
        get(r, &prefix, 1);
        if (r->bad)
                return false;
        /* An unset gateway crosses as zeros: any allows that. */
        if (any && fam == 0) {
                static const unsigned char zero[16];
                if (prefix || memcmp(a->bytes, zero, 16) != 0)
                        return fail(r, "%s: an unset address with bytes",
                                    what);
                a->family = 0;
                a->prefix = 0;
                return true;
        }
        if (fam != 4 && fam != 6)
                return fail(r, "%s: address family %u", what, fam);
        a->family = fam == 4 ? AF_INET : AF_INET6;
        unsigned bits = fam == 4 ? 32 : 128;
        if (prefix > bits)
                return fail(r, "%s: prefix /%u", what, prefix);
        if (fam == 4) {
                static const unsigned char zero[12];
                if (memcmp(a->bytes + 4, zero, 12) != 0)
                        return fail(r, "%s: bytes after an IPv4 address",
                                    what);
        }
        a->prefix = prefix;
        return true;
}

/* What the loader guarantees of a path inside the sandbox. */
static char *get_abs_path(struct rbuf *r, bool allow_root, const char *what)
{
        char *s = get_str(r, PATH_MAX, what);
        if (!s)
                return NULL;
        char *norm = NULL;
        const char *why = NULL;
        if (path_normalize_absolute(s, allow_root, &norm, &why) < 0 ||
            strcmp(norm, s) != 0) {
                fail(r, "%s: '%s' is not an absolute, normalised path (%s)",
                     what, s, why ? why : "differs from its normal form");
                free(s);
                free(norm);
                return NULL;
        }
        free(norm);
        return s;
}

static char *get_opt_abs_path(struct rbuf *r, bool allow_root,
                              const char *what)
{
        return get_bool(r, what) ? get_abs_path(r, allow_root, what) : NULL;
}

/* A host path: absolute; mount_prepare resolves it, checking each symlink
 * on the way with the caller's rights, as for any profile. */
static char *get_opt_host_path(struct rbuf *r, const char *what)
{
        char *s = get_opt(r, PATH_MAX, what);
        if (s && s[0] != '/') {
                fail(r, "%s: '%s' is not absolute", what, s);
                free(s);
                return NULL;
        }
        return s;
}

static void get_mount(struct rbuf *r, struct sb_mount *m)
{
        uint32_t type = get_u32(r);
        /* SB_MOUNT_READONLY is the plan's, not a profile's. */
        if (!r->bad && type >= SB_MOUNT_READONLY) {
                fail(r, "mount type %u", (unsigned)type);
                return;
        }
        m->type = (enum sb_mount_type)type;
        /* A symlink's source is its text; bind and overlay sources are
         * host paths (absolute; mount_prepare resolves them). */
        m->source = m->type == SB_MOUNT_SYMLINK
                            ? get_opt(r, PATH_MAX, "mount source")
                            : get_opt_host_path(r, "mount source");
        m->target = get_opt_abs_path(r, true, "mount target");
        if (!r->bad && !m->target)
                fail(r, "a mount without a target");
        m->upper = get_opt_host_path(r, "mount upper");
        m->content = get_opt(r, MAX_TEXT, "mount content");
        m->size = get_u64(r);
        m->mode = get_max(r, 07777, "mount mode");
        m->mode_set = get_bool(r, "mount mode_set");
        m->readonly = get_bool(r, "mount readonly");
        m->optional = get_bool(r, "mount optional");
        m->recursive = get_bool(r, "mount recursive");
        m->origin = get_opt(r, MAX_STR, "mount origin");
        if (r->bad)
                return;
        if ((m->type == SB_MOUNT_BIND || m->type == SB_MOUNT_OVERLAY ||
             m->type == SB_MOUNT_SYMLINK) && !m->source)
                fail(r, "a %s mount without a source",
                     sb_mount_type_name(m->type));
}

static void get_fs(struct rbuf *r, struct sb_fs_config *f)
{
        uint32_t root = get_max(r, SB_FS_ROOT_MAX - 1, "filesystem.root");
        f->root = (enum sb_fs_root)root;
        f->root_dir = get_opt_abs_path(r, false, "filesystem.root dir");
        if (!r->bad && (f->root == SB_FS_ROOT_DIR) != (f->root_dir != NULL))
                fail(r, "filesystem.root: a directory exactly when the root "
                     "is one");
        f->root_origin = get_opt(r, MAX_STR, "filesystem.root origin");
        uint32_t n = get_max(r, MAX_MOUNTS, "mount count");
        if (r->bad)
                return;
        f->mounts = xcalloc(n ? n : 1, sizeof(*f->mounts));
        for (uint32_t i = 0; i < n && !r->bad; i++) {
                get_mount(r, &f->mounts[i]);
                f->n_mounts = i + 1;
        }
        f->home.private_home = get_bool(r, "home.private");
        f->home.writable = get_strv(r, MAX_LIST, PATH_MAX, "home.writable");
        f->home.readonly = get_strv(r, MAX_LIST, PATH_MAX, "home.readonly");
        for (int k = 0; k < 2 && !r->bad; k++) {
                char **v = k ? f->home.readonly : f->home.writable;
                for (size_t i = 0; v && v[i]; i++) {
                        char *norm = NULL;
                        const char *why = NULL;
                        if (path_normalize_relative(v[i], &norm, &why) < 0 ||
                            strcmp(norm, v[i]) != 0)
                                fail(r, "home: '%s' is not a normalised "
                                     "relative path", v[i]);
                        free(norm);
                }
        }
        f->home.dir = get_opt_abs_path(r, true, "home dir");
        f->home.origin = get_opt(r, MAX_STR, "home origin");
        f->devices = get_max(r, (1u << SB_DEV_MAX) - 1, "devices");
        size_t n_kmask = 0;
        sb_kmask_table(&n_kmask);
        uint32_t unmask = get_u32(r);
        if (!r->bad && n_kmask < 32 && unmask >> n_kmask)
                fail(r, "unmask: bits beyond the kernel mask table");
        f->unmask = unmask;
}

/* A system call or group name as seccomp.deny/allow take it. */
static bool seccomp_name_ok(const char *s)
{
        const char *p = s[0] == '?' ? s + 1 : s;
        if (*p == '@')
                p++;
        return *p && strlen(p) < 64 &&
               strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_-") ==
                       strlen(p);
}

static void get_seccomp(struct rbuf *r, struct sb_seccomp_config *s)
{
        s->enabled = get_bool(r, "seccomp.enabled");
        s->allow_list = get_bool(r, "seccomp.default");
        s->action = (enum sb_seccomp_action)get_max(
                r, SB_SECCOMP_ACTION_MAX - 1, "seccomp.action");
        uint32_t e = get_u32(r);
        if (!r->bad && (e < 1 || e > 4095))
                fail(r, "seccomp.errno: %u", (unsigned)e);
        s->errno_value = (int)e;
        s->foreign_abis = get_bool(r, "seccomp.foreign_abis");
        s->deny = get_strv(r, MAX_LIST, 80, "seccomp.deny");
        s->allow = get_strv(r, MAX_LIST, 80, "seccomp.allow");
        for (int k = 0; k < 2 && !r->bad; k++)
                for (char **v = k ? s->allow : s->deny; v && *v; v++)
                        if (!seccomp_name_ok(*v))
                                fail(r, "seccomp: '%s' is not a system call "
                                     "name", *v);
}

static void get_ifname(struct rbuf *r, char *out, bool may_be_empty,
                       const char *what)
{
        get_fixed(r, out, SB_NET_IFNAMSIZ, what);
        if (r->bad || (may_be_empty && !out[0]))
                return;
        const char *why = net_ifname_problem(out);
        if (why)
                fail(r, "%s: %s", what, why);
}

static void get_net(struct rbuf *r, struct sb_net_config *n)
{
        n->mode = (enum sb_net_mode)get_max(r, SB_NET_MODE_MAX - 1,
                                            "network.mode");
        n->mode_where = get_opt(r, MAX_STR, "network.mode origin");
        n->n_veths = get_max(r, SB_NET_MAX_VETH, "veth count");
        for (size_t i = 0; i < n->n_veths && !r->bad; i++) {
                struct sb_net_veth *v = &n->veths[i];
                get_ifname(r, v->name, false, "veth name");
                get_ifname(r, v->host_name, true, "veth host_name");
                get_ifname(r, v->bridge, true, "veth bridge");
                v->n_addrs = get_max(r, SB_NET_MAX_ADDRS, "veth addresses");
                for (size_t j = 0; j < v->n_addrs && !r->bad; j++)
                        get_addr(r, &v->addrs[j], false, "veth address");
                v->has_gw4 = get_bool(r, "veth gateway");
                get_addr(r, &v->gw4, !v->has_gw4, "veth gateway");
                v->has_gw6 = get_bool(r, "veth gateway");
                get_addr(r, &v->gw6, !v->has_gw6, "veth gateway");
                if (!r->bad && ((v->has_gw4 && v->gw4.family != AF_INET) ||
                                (v->has_gw6 && v->gw6.family != AF_INET6)))
                        fail(r, "veth gateway: the wrong address family");
                v->mtu = get_max(r, 65535, "veth mtu");
                if (!r->bad && v->mtu && v->mtu < 68)
                        fail(r, "veth mtu: %u", v->mtu);
                v->has_mac = get_bool(r, "veth mac");
                get(r, v->mac, 6);
                /* Unicast, as net_mac_parse requires. */
                if (!r->bad && v->has_mac && (v->mac[0] & 1))
                        fail(r, "veth mac: a multicast address");
                v->where = get_opt(r, MAX_STR, "veth origin");
        }
        n->veth_where = get_opt(r, MAX_STR, "network.veth origin");
        n->n_dns = get_max(r, SB_NET_MAX_DNS, "dns count");
        for (size_t i = 0; i < n->n_dns && !r->bad; i++)
                get_addr(r, &n->dns[i], false, "dns");
        n->dns_where = get_opt(r, MAX_STR, "network.dns origin");
        n->hosts = get_strv(r, SB_NET_MAX_HOSTS, MAX_STR, "network.hosts");
        for (char **h = n->hosts; h && *h && !r->bad; h++)
                if (strchr(*h, '\n'))
                        fail(r, "network.hosts: a line break in an entry");
        n->hosts_where = get_opt(r, MAX_STR, "network.hosts origin");
}

static void get_cgroup(struct rbuf *r, struct sb_cgroup_config *g)
{
        g->set = get_bool(r, "cgroup");
        g->memory = get_u64(r);
        g->memory_swap_set = get_bool(r, "cgroup.memory_swap");
        g->memory_swap = get_u64(r);
        g->pids = get_u64(r);
        g->millicpus = get_u32(r);
        g->cpu_weight = get_max(r, 10000, "cgroup.cpu_weight");
        g->io_weight = get_max(r, 10000, "cgroup.io_weight");
        g->devices_set = get_bool(r, "cgroup.devices");
        uint32_t n = get_max(r, MAX_LIST, "cgroup.devices count");
        if (r->bad)
                return;
        g->devices = n ? xcalloc(n, sizeof(*g->devices)) : NULL;
        for (uint32_t i = 0; i < n && !r->bad; i++) {
                struct sb_cgroup_device *d = &g->devices[i];
                unsigned char type = 0;
                get(r, &type, 1);
                d->type = (char)type;
                d->major = (int64_t)get_u64(r);
                d->minor = (int64_t)get_u64(r);
                d->access = get_max(r, SB_CG_DEV_READ | SB_CG_DEV_WRITE |
                                               SB_CG_DEV_MKNOD,
                                    "cgroup.devices access");
                g->n_devices = i + 1;
                if (r->bad)
                        break;
                if ((type != 'a' && type != 'b' && type != 'c') ||
                    d->major < SB_CG_DEV_ANY || d->major > UINT32_MAX ||
                    d->minor < SB_CG_DEV_ANY || d->minor > UINT32_MAX ||
                    !d->access)
                        fail(r, "cgroup.devices: a malformed rule");
        }
        g->parent = get_opt(r, MAX_STR, "cgroup.parent");
        if (!r->bad && g->parent &&
            (!g->parent[0] || g->parent[0] == '/' || strstr(g->parent, "..")))
                fail(r, "cgroup.parent: '%s' is not a relative path without "
                     "'..'", g->parent);
}

/* Well-known bus names as the loader accepts them: letters, digits, '_',
 * '-', '.', and a final ".*". */
static char **get_bus_names(struct rbuf *r, const char *what)
{
        if (!get_bool(r, what))
                return NULL;
        char **v = get_strv(r, MAX_LIST, 255, what);
        for (size_t i = 0; v && v[i] && !r->bad; i++)
                for (const char *p = v[i]; *p; p++)
                        if (!isalnum((unsigned char)*p) && !strchr("_-.", *p) &&
                            !(p[0] == '*' && p[1] == '\0' && p > v[i] &&
                              p[-1] == '.'))
                                fail(r, "%s: '%s' is not a bus name", what,
                                     v[i]);
        return v;
}

static void get_desktop(struct rbuf *r, struct sb_desktop_config *d)
{
        d->x11 = get_bool(r, "desktop.x11");
        d->wayland = get_bool(r, "desktop.wayland");
        d->pulseaudio = get_bool(r, "desktop.pulseaudio");
        d->pipewire = get_bool(r, "desktop.pipewire");
        d->gpu = get_bool(r, "desktop.gpu");
        d->dbus = (enum sb_dbus_mode)get_max(r, SB_DBUS_MODE_MAX - 1,
                                             "desktop.dbus");
        d->dbus_own = get_bus_names(r, "desktop.dbus_own");
        d->dbus_talk = get_bus_names(r, "desktop.dbus_talk");
        d->world.display = get_opt(r, MAX_STR, "DISPLAY");
        d->world.xauthority = get_opt_host_path(r, "XAUTHORITY");
        d->world.wayland_display = get_opt(r, MAX_STR, "WAYLAND_DISPLAY");
        d->world.runtime_dir = get_opt_host_path(r, "XDG_RUNTIME_DIR");
        d->world.bus_address = get_opt(r, MAX_TEXT,
                                       "DBUS_SESSION_BUS_ADDRESS");
}

static void get_config(struct rbuf *r, struct sb_config *c)
{
        /* Every allocated field of the defaults is replaced. */
        free(c->hostname);
        strv_free(c->env.keep);
        c->hostname = NULL;
        c->env.keep = NULL;
        sb_seccomp_config_free(&c->seccomp);

        c->description = get_opt(r, MAX_TEXT, "description");
        c->source = get_opt(r, PATH_MAX, "source");
        c->namespaces = get_max(r, 0xff, "namespaces");
        c->hostname = get_opt(r, 253, "hostname");
        c->env.clear = get_bool(r, "environment.clear");
        c->env.keep = get_strv(r, MAX_LIST, MAX_STR, "environment.keep");
        uint32_t n = get_max(r, MAX_LIST, "environment.set count");
        if (r->bad)
                return;
        c->env.set = n ? xcalloc(n, sizeof(*c->env.set)) : NULL;
        for (uint32_t i = 0; i < n && !r->bad; i++) {
                c->env.set[i].name = get_str(r, MAX_STR, "environment.set");
                c->env.set[i].value = get_str(r, MAX_TEXT, "environment.set");
                c->env.n_set = i + 1;
                const char *name = c->env.set[i].name;
                if (!r->bad && (!name[0] || strchr(name, '=')))
                        fail(r, "environment.set: '%s' is not a variable "
                             "name", name);
        }
        if (!r->bad && get_u32(r) != SB_RLIMIT_COUNT)
                fail(r, "rlimits: not %d of them", SB_RLIMIT_COUNT);
        for (size_t i = 0; i < SB_RLIMIT_COUNT && !r->bad; i++) {
                struct sb_rlimit *l = &c->rlimits[i];
                l->set = get_bool(r, "rlimits");
                l->soft = (rlim_t)get_u64(r);
                l->hard = (rlim_t)get_u64(r);
                if (!r->bad && l->set && l->soft > l->hard)
                        fail(r, "rlimits: a soft limit above the hard one");
        }
        struct sb_process *p = &c->process;
        p->id.user_set = get_bool(r, "process.user");
        p->id.uid = get_u32(r);
        p->id.gid = get_u32(r);
        p->id.host_user_set = get_bool(r, "process.host_user");
        p->id.host_uid = get_u32(r);
        p->id.host_gid = get_u32(r);
        /* (uid_t)-1 is "no change" to the kernel, never an identity. */
        if (!r->bad && (p->id.uid == (uid_t)-1 || p->id.gid == (gid_t)-1 ||
                        p->id.host_uid == (uid_t)-1 ||
                        p->id.host_gid == (gid_t)-1))
                fail(r, "process: uid or gid 4294967295");
        p->cwd = get_opt_abs_path(r, true, "process.cwd");
        p->umask = get_max(r, 0777, "process.umask");
        p->new_session = get_bool(r, "process.new_session");
        p->die_with_parent = get_bool(r, "process.die_with_parent");
        for (int i = 0; i < SB_CAP_WORDS; i++)
                c->caps_keep[i] = get_u64(r);
        for (unsigned cap = CAP_LAST_CAP + 1; cap < 64 * SB_CAP_WORDS; cap++)
                if (!r->bad && sb_caps_has(c->caps_keep, cap))
                        fail(r, "capabilities.keep: capability %u", cap);
        get_fs(r, &c->fs);
        get_seccomp(r, &c->seccomp);
        get_net(r, &c->net);
        get_cgroup(r, &c->cgroup);
        sb_desktop_config_free(&c->desktop);
        sb_desktop_config_init(&c->desktop);
        get_desktop(r, &c->desktop);
        c->joinable = get_bool(r, "joinable");
}

int sb_wire_decode(const void *buf, size_t len, int *ret_status,
                   struct sb_diags *diags, struct sb_config *cfg,
                   struct sb_error *err)
{
        struct rbuf r = { .p = buf, .n = len };
        char magic[4] = { 0 };
        size_t diags_before = diags->n;
        if (len > SB_WIRE_MAX)
                fail(&r, "%zu bytes (at most %u)", len, SB_WIRE_MAX);
        get(&r, magic, 4);
        if (!r.bad && memcmp(magic, MAGIC, 4) != 0)
                fail(&r, "not a config message");
        int status = (int)get_u32(&r);
        if (!r.bad && (status > 0 || status < -4095))
                fail(&r, "status %d", status);
        uint32_t n = get_max(&r, SB_WIRE_MAX_DIAGS, "diagnostics count");
        for (uint32_t i = 0; i < n && !r.bad; i++) {
                char *msg = get_str(&r, SB_WIRE_MAX_DIAG_LEN, "diagnostic");
                if (!msg)
                        break;
                /* For the caller's terminal: one line each, no escapes. */
                for (char *q = msg; *q; q++)
                        if ((unsigned char)*q < 0x20 || *q == 0x7f)
                                *q = '?';
                sb_diags_add(diags, "%s", msg);
                free(msg);
        }
        bool has_cfg = get_bool(&r, "config");
        if (!r.bad && has_cfg != (status == 0))
                fail(&r, "a config exactly when the status is 0");
        if (!r.bad && has_cfg)
                get_config(&r, cfg);
        if (!r.bad && r.at != r.n)
                fail(&r, "%zu bytes after the end", r.n - r.at);
        if (r.bad) {
                sb_config_free(cfg);
                sb_config_init(cfg);
                while (diags->n > diags_before)
                        free(diags->msgs[--diags->n]);
                return sb_error_set(err, -EBADMSG, "the profile loader's "
                                    "answer: %s", r.why);
        }
        *ret_status = status;
        return 0;
}
