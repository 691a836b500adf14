/* From the desktop keys and the caller's session (both in the config) to
 * mounts, variables and checks. No I/O here; desktop.c looks at the host.
 *
 * - Every socket is bound at its own path, so that what the program reads
 *   in its variables is also where the socket is; the mounts come after
 *   the profile's own (fs-prepare.c appends them).
 * - Sockets that only a network namespace can reach (an abstract bus, a
 *   TCP display) are kept only when the sandbox shares the host's; a new
 *   network namespace would make them silently unreachable.
 * - dbus = "none" removes DBUS_SESSION_BUS_ADDRESS even when
 *   environment.keep lists it: a stale address is worse than none. */
#include "desktop-plan.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "path.h"
#include "env.h"
#include "util.h"

#define X11_FAMILY_LOCAL 256
#define X11_FAMILY_WILD 65535

static void add_mount(struct desktop_plan *p, const char *source,
                      const char *target, bool readonly, char *origin)
{
        p->mounts = xrealloc(p->mounts, (p->n_mounts + 1) * sizeof(*p->mounts));
        p->mounts[p->n_mounts++] = (struct sb_mount){
                .type = SB_MOUNT_BIND,
                .source = source ? xstrdup(source) : NULL,
                .target = xstrdup(target),
                .readonly = readonly,
                .origin = origin,
        };
}

static void set_var(struct desktop_plan *p, const char *name,
                    const char *value)
{
        for (size_t i = 0; i < p->n_set; i++)
                if (strcmp(p->set[i].name, name) == 0) {
                        free(p->set[i].value);
                        p->set[i].value = xstrdup(value);
                        return;
                }
        p->set = xrealloc(p->set, (p->n_set + 1) * sizeof(*p->set));
        p->set[p->n_set++] = (struct sb_env_assign){ xstrdup(name),
                                                     xstrdup(value) };
}

static void add_check(struct desktop_plan *p, enum desktop_check_kind kind,
                      const char *path, char *what, const char *where)
{
        p->checks = xrealloc(p->checks, (p->n_checks + 1) * sizeof(*p->checks));
        p->checks[p->n_checks++] = (struct desktop_check){
                .kind = kind,
                .path = xstrdup(path),
                .what = what,
                .where = xstrdup(where),
        };
}

/* A socket bound at its own path, which must exist at launch. */
static void add_socket(struct desktop_plan *p, const char *path, char *what,
                       const char *where)
{
        add_mount(p, path, path, false, xstrdup(where));
        add_check(p, DESKTOP_CHECK_SOCKET, path, what, where);
}

char *desktop_display_number(const char *display, bool *ret_local)
{
        *ret_local = false;
        const char *colon = strrchr(display, ':');
        if (!colon)
                return NULL;
        /* "unix/host:0" names the protocol; only unix is local. */
        size_t hlen = (size_t)(colon - display);
        bool local = hlen == 0 || (hlen == 4 && !strncmp(display, "unix", 4));
        if (!local && hlen >= 5 && !strncmp(display, "unix/", 5))
                local = true;
        const char *num = colon + 1;
        size_t n = strspn(num, "0123456789");
        if (n == 0 || n > 9 || (num[n] != '\0' && num[n] != '.'))
                return NULL;
        if (num[n] == '.' && (num[n + 1] == '\0' ||
                              strspn(num + n + 1, "0123456789") !=
                                      strlen(num + n + 1)))
                return NULL;
        *ret_local = local;
        return xstrndup(num, n);
}

char *desktop_bus_path(const char *address)
{
        for (const char *a = address; a && *a;) {
                size_t len = strcspn(a, ";");
                if (len > 5 && strncmp(a, "unix:", 5) == 0) {
                        /* key=value pairs separated by ',' */
                        const char *k = a + 5, *end = a + len;
                        while (k < end) {
                                const char *comma = memchr(k, ',', (size_t)(end - k));
                                const char *kend = comma ? comma : end;
                                if (kend - k > 5 && strncmp(k, "path=", 5) == 0) {
                                        char *out = xmalloc((size_t)(kend - k));
                                        size_t o = 0;
                                        for (const char *s = k + 5; s < kend; s++) {
                                                int h1, h2;
                                                if (*s == '%' && kend - s > 2 &&
                                                    (h1 = hex_digit(s[1])) >= 0 &&
                                                    (h2 = hex_digit(s[2])) >= 0) {
                                                        out[o++] = (char)(h1 * 16 + h2);
                                                        s += 2;
                                                } else {
                                                        out[o++] = *s;
                                                }
                                        }
                                        out[o] = '\0';
                                        if (out[0] == '/' && strlen(out) == o)
                                                return out;
                                        free(out);
                                }
                                k = kend + 1;
                        }
                }
                a += len;
                if (*a == ';')
                        a++;
        }
        return NULL;
}

static char *where_of(const struct sb_desktop_config *d, enum sb_desktop_key k)
{
        return xasprintf("desktop.%s at %s", sb_desktop_key_name(k),
                         d->origin[k] ? d->origin[k] : "?");
}

__attribute__((format(printf, 3, 4))) static int
refuse(char **ret_why, const char *where, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        _cleanup_free_ char *msg = xvasprintf(fmt, ap);
        va_end(ap);
        *ret_why = xasprintf("%s: %s", where, msg);
        return -EINVAL;
}

/* The caller's runtime directory, which wayland, pulseaudio and pipewire
 * name their sockets in. */
static int need_runtime(const struct sb_desktop_config *d, const char *where,
                        char **ret_why)
{
        if (d->world.runtime_dir && d->world.runtime_dir[0] == '/')
                return 0;
        return refuse(ret_why, where, "%sXDG_RUNTIME_DIR is not set to an "
                      "absolute path, so the socket cannot be found", "");
}

static int plan_x11(const struct sb_config *cfg, bool host_net,
                    struct desktop_plan *p, char **ret_why)
{
        const struct sb_desktop_config *d = &cfg->desktop;
        _cleanup_free_ char *where = where_of(d, SB_DESKTOP_X11);
        const char *display = d->world.display;
        if (!display)
                return refuse(ret_why, where, "%sDISPLAY is not set", "");
        bool local;
        char *num = desktop_display_number(display, &local);
        if (!num)
                return refuse(ret_why, where, "DISPLAY '%s' is not a display "
                              "name", display);
        if (!local) {
                free(num);
                if (!host_net)
                        return refuse(ret_why, where,
                                      "DISPLAY '%s' is reached over TCP, which "
                                      "a network namespace of the sandbox's "
                                      "own cannot do; only a local display "
                                      "(:N) works, or network.mode = "
                                      "\"host\"", display);
        } else {
                p->display_number = num;
                _cleanup_free_ char *sock = xasprintf(DESKTOP_X11_DIR "/X%s",
                                                      num);
                add_socket(p, sock, xasprintf("the X server's socket "
                                              "(DISPLAY=%s)", display),
                           where);
        }
        set_var(p, "DISPLAY", display);
        if (d->world.xauthority) {
                p->xauth_mount = (int)p->n_mounts;
                add_mount(p, d->world.xauthority, DESKTOP_XAUTH_INSIDE, true,
                          xstrdup(where));
                set_var(p, "XAUTHORITY", DESKTOP_XAUTH_INSIDE);
        }
        return 0;
}

static int plan_wayland(const struct sb_desktop_config *d,
                        struct desktop_plan *p, char **ret_why)
{
        _cleanup_free_ char *where = where_of(d, SB_DESKTOP_WAYLAND);
        const char *name = d->world.wayland_display ? d->world.wayland_display
                                                    : "wayland-0";
        _cleanup_free_ char *sock = NULL;
        if (name[0] == '/') {
                sock = xstrdup(name);
        } else {
                if (need_runtime(d, where, ret_why) < 0)
                        return -EINVAL;
                if (strchr(name, '/') || !strcmp(name, ".") ||
                    !strcmp(name, ".."))
                        return refuse(ret_why, where, "WAYLAND_DISPLAY '%s' "
                                      "is neither a name nor an absolute "
                                      "path", name);
                sock = xasprintf("%s/%s", d->world.runtime_dir, name);
                set_var(p, "XDG_RUNTIME_DIR", d->world.runtime_dir);
        }
        add_socket(p, sock, xasprintf("the Wayland compositor's socket "
                                      "(WAYLAND_DISPLAY=%s)", name),
                   where);
        set_var(p, "WAYLAND_DISPLAY", name);
        return 0;
}

static int plan_audio(const struct sb_desktop_config *d,
                      enum sb_desktop_key k, struct desktop_plan *p,
                      char **ret_why)
{
        _cleanup_free_ char *where = where_of(d, k);
        if (need_runtime(d, where, ret_why) < 0)
                return -EINVAL;
        bool pulse = k == SB_DESKTOP_PULSEAUDIO;
        _cleanup_free_ char *sock = xasprintf(
                "%s/%s", d->world.runtime_dir,
                pulse ? "pulse/native" : "pipewire-0");
        add_socket(p, sock, xstrdup(pulse ? "the PulseAudio server's socket"
                                          : "the PipeWire socket"),
                   where);
        set_var(p, "XDG_RUNTIME_DIR", d->world.runtime_dir);
        if (pulse) {
                _cleanup_free_ char *v = xasprintf("unix:%s", sock);
                set_var(p, "PULSE_SERVER", v);
        }
        return 0;
}

static int plan_dbus(const struct sb_desktop_config *d, bool host_net,
                     struct desktop_plan *p, char **ret_why)
{
        if (d->dbus == SB_DBUS_NONE) {
                strv_push(&p->unset, xstrdup("DBUS_SESSION_BUS_ADDRESS"));
                return 0;
        }
        _cleanup_free_ char *where = where_of(d, SB_DESKTOP_DBUS);
        const char *addr = d->world.bus_address;
        _cleanup_free_ char *fallback = NULL;
        if (!addr && d->world.runtime_dir && d->world.runtime_dir[0] == '/') {
                fallback = xasprintf("unix:path=%s/bus", d->world.runtime_dir);
                addr = fallback;
        }
        if (!addr)
                return refuse(ret_why, where, "%sDBUS_SESSION_BUS_ADDRESS "
                              "and XDG_RUNTIME_DIR are not set: there is no "
                              "session bus to connect to", "");
        _cleanup_free_ char *path = desktop_bus_path(addr);
        if (d->dbus == SB_DBUS_FILTERED) {
                /* The proxy runs on the host: it reaches any address. */
                const char *inside_dir = d->world.runtime_dir &&
                                                         d->world.runtime_dir[0] == '/'
                                                 ? d->world.runtime_dir
                                                 : NULL;
                _cleanup_free_ char *inside =
                        inside_dir ? xasprintf("%s/bus", inside_dir)
                                   : xstrdup(DESKTOP_PROXY_INSIDE_DEFAULT);
                p->proxy_mount = (int)p->n_mounts;
                add_mount(p, NULL, inside, false, xstrdup(where));
                p->proxy_address = xstrdup(addr);
                p->dbus_where = xstrdup(where);
                p->proxy_args = xcalloc(1, sizeof(char *));
                for (size_t i = 0; d->dbus_own && d->dbus_own[i]; i++)
                        strv_push(&p->proxy_args,
                                  xasprintf("--own=%s", d->dbus_own[i]));
                for (size_t i = 0; d->dbus_talk && d->dbus_talk[i]; i++)
                        strv_push(&p->proxy_args,
                                  xasprintf("--talk=%s", d->dbus_talk[i]));
                _cleanup_free_ char *v = xasprintf("unix:path=%s", inside);
                set_var(p, "DBUS_SESSION_BUS_ADDRESS", v);
                return 0;
        }
        if (!path) {
                if (!host_net)
                        return refuse(ret_why, where,
                                      "the session bus '%s' has no socket "
                                      "path (an abstract or TCP address), "
                                      "which only the host's network "
                                      "namespace reaches; set network.mode "
                                      "= \"host\" or use dbus = \"filtered\"",
                                      addr);
                set_var(p, "DBUS_SESSION_BUS_ADDRESS", addr);
                return 0;
        }
        add_socket(p, path, xasprintf("the session bus's socket "
                                      "(DBUS_SESSION_BUS_ADDRESS=%s)", addr),
                   where);
        _cleanup_free_ char *v = xasprintf("unix:path=%s", path);
        set_var(p, "DBUS_SESSION_BUS_ADDRESS", v);
        return 0;
}

/* Every path of the plan comes from the caller's variables: the engine
 * takes only absolute, normalised ones, without "..". */
static int normalize(struct desktop_plan *p, char **ret_why)
{
        for (size_t i = 0; i < p->n_mounts; i++) {
                struct sb_mount *m = &p->mounts[i];
                char *out;
                const char *why;
                if (path_normalize_absolute(m->target, false, &out, &why) <
                    0) {
                        *ret_why = xasprintf("%s: '%s' %s", m->origin,
                                             m->target, why);
                        return -EINVAL;
                }
                /* Bound at the same place, so the source is the same. */
                if (m->source && strcmp(m->source, m->target) == 0) {
                        free(m->source);
                        m->source = xstrdup(out);
                }
                free(m->target);
                m->target = out;
        }
        for (size_t i = 0; i < p->n_checks; i++) {
                char *out;
                const char *why;
                if (path_normalize_absolute(p->checks[i].path, false, &out,
                                            &why) < 0) {
                        *ret_why = xasprintf("%s: '%s' %s", p->checks[i].where,
                                             p->checks[i].path, why);
                        return -EINVAL;
                }
                free(p->checks[i].path);
                p->checks[i].path = out;
        }
        return 0;
}

int desktop_plan_build(const struct sb_config *cfg, struct desktop_plan *ret,
                       char **ret_why)
{
        const struct sb_desktop_config *d = &cfg->desktop;
        struct desktop_plan p = { .xauth_mount = -1, .proxy_mount = -1 };
        bool host_net = cfg->net.mode == SB_NET_HOST ||
                        !(cfg->namespaces & SB_NS_NET);
        *ret_why = NULL;
        int r = 0;
        if (d->x11)
                r = plan_x11(cfg, host_net, &p, ret_why);
        if (r >= 0 && d->wayland)
                r = plan_wayland(d, &p, ret_why);
        if (r >= 0 && d->pulseaudio)
                r = plan_audio(d, SB_DESKTOP_PULSEAUDIO, &p, ret_why);
        if (r >= 0 && d->pipewire)
                r = plan_audio(d, SB_DESKTOP_PIPEWIRE, &p, ret_why);
        if (r >= 0)
                r = plan_dbus(d, host_net, &p, ret_why);
        if (r >= 0 && d->gpu) {
                _cleanup_free_ char *where = where_of(d, SB_DESKTOP_GPU);
                add_check(&p, DESKTOP_CHECK_DRI, "/dev/dri",
                          xstrdup("the GPU's device directory"), where);
        }
        if (r >= 0)
                r = normalize(&p, ret_why);
        if (r < 0) {
                desktop_plan_free(&p);
                return r;
        }
        *ret = p;
        return 0;
}

void desktop_plan_free(struct desktop_plan *p)
{
        for (size_t i = 0; i < p->n_mounts; i++)
                sb_mount_free(&p->mounts[i]);
        free(p->mounts);
        for (size_t i = 0; i < p->n_set; i++) {
                free(p->set[i].name);
                free(p->set[i].value);
        }
        free(p->set);
        strv_free(p->unset);
        for (size_t i = 0; i < p->n_checks; i++) {
                free(p->checks[i].path);
                free(p->checks[i].what);
                free(p->checks[i].where);
        }
        free(p->checks);
        free((char *)p->display_number);
        free(p->proxy_address);
        strv_free(p->proxy_args);
        free(p->dbus_where);
        memset(p, 0, sizeof(*p));
        p->xauth_mount = p->proxy_mount = -1;
}

void desktop_plan_env(const struct desktop_plan *p, char ***envp)
{
        if (!p) {
                env_unset(*envp, "DBUS_SESSION_BUS_ADDRESS");
                return;
        }
        for (size_t i = 0; p->unset && p->unset[i]; i++)
                env_unset(*envp, p->unset[i]);
        for (size_t i = 0; i < p->n_set; i++) {
                env_unset(*envp, p->set[i].name);
                strv_push(envp, xasprintf("%s=%s", p->set[i].name,
                                          p->set[i].value));
        }
}

/* ---- Xauthority ---- */

struct xa_reader {
        const unsigned char *p, *end;
};

static bool xa_u16(struct xa_reader *r, unsigned *ret)
{
        if (r->end - r->p < 2)
                return false;
        *ret = (unsigned)r->p[0] << 8 | r->p[1];
        r->p += 2;
        return true;
}

/* A counted string: its start and length. */
static bool xa_field(struct xa_reader *r, const unsigned char **ret,
                     unsigned *ret_len)
{
        if (!xa_u16(r, ret_len) || (size_t)(r->end - r->p) < *ret_len)
                return false;
        *ret = r->p;
        r->p += *ret_len;
        return true;
}

long desktop_xauth_rewrite(const unsigned char *in, size_t len,
                           const char *number, unsigned char **ret)
{
        struct xa_reader r = { in, in + len };
        /* The output is never longer than the input. */
        unsigned char *out = xmalloc(len ? len : 1);
        size_t o = 0;
        size_t nlen = strlen(number);
        while (r.p < r.end) {
                const unsigned char *start = r.p, *f[4];
                unsigned family, flen[4];
                if (!xa_u16(&r, &family) || !xa_field(&r, &f[0], &flen[0]) ||
                    !xa_field(&r, &f[1], &flen[1]) ||
                    !xa_field(&r, &f[2], &flen[2]) ||
                    !xa_field(&r, &f[3], &flen[3])) {
                        free(out);
                        return -EINVAL;
                }
                bool local_family = family == X11_FAMILY_LOCAL ||
                                    family == X11_FAMILY_WILD;
                /* An entry without a number is for every display. */
                bool display = flen[1] == 0 ||
                               (flen[1] == nlen &&
                                memcmp(f[1], number, nlen) == 0);
                if (!local_family || !display)
                        continue;
                size_t n = (size_t)(r.p - start);
                memcpy(out + o, start, n);
                out[o] = X11_FAMILY_WILD >> 8;
                out[o + 1] = X11_FAMILY_WILD & 0xff;
                o += n;
        }
        *ret = out;
        return (long)o;
}
