/* The desktop group of keys: which of the caller's desktop sockets (X11,
 * Wayland, PulseAudio, PipeWire, the session bus) and whether the GPU
 * show inside. The loader only checks the values and copies the facts of
 * the caller's session they depend on (struct sb_profile_env); what they
 * expand to, and the refusal when a socket is missing, happen at launch
 * (desktop-plan.c, desktop.c), since `sandbox profile check` must accept
 * a profile on a machine without a display.
 *
 * Bus names in dbus_own and dbus_talk follow the D-Bus specification for
 * well-known names (two or more dot-separated elements of [A-Za-z0-9_-],
 * none starting with a digit, at most 255 characters), optionally ending
 * in ".*" (that name and every name below it, as xdg-dbus-proxy reads
 * it). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "profile-keys-internal.h"
#include "util.h"

#define MAX_BUS_NAME 255

static char *origin_of(struct keys_ctx *c, const struct sb_keys_value *v)
{
        return xasprintf("%s:%u", c->f->path, v->line);
}

/* x11, wayland, ...: the switch's index is in def->offset. */
static void parse_switch(struct keys_ctx *c, const struct key_def *def,
                         const struct sb_keys_value *v, const char *key)
{
        struct sb_desktop_config *d = &c->st->cfg->desktop;
        bool *fields[SB_DESKTOP_KEY_MAX] = {
                [SB_DESKTOP_X11] = &d->x11,
                [SB_DESKTOP_WAYLAND] = &d->wayland,
                [SB_DESKTOP_PULSEAUDIO] = &d->pulseaudio,
                [SB_DESKTOP_PIPEWIRE] = &d->pipewire,
                [SB_DESKTOP_GPU] = &d->gpu,
        };
        *fields[def->offset] = v->b;
        keys_replace_string(&d->origin[def->offset], origin_of(c, v));
}

static void parse_dbus(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        struct sb_desktop_config *d = &c->st->cfg->desktop;
        _cleanup_free_ char *s = keys_get_string(c, v, key);
        if (!s)
                return;
        enum sb_dbus_mode m = sb_dbus_mode_from_name(s);
        if (m == SB_DBUS_MODE_INVALID) {
                struct keys_suggestion best = { NULL, 3 };
                for (int i = 0; i < SB_DBUS_MODE_MAX; i++)
                        keys_consider(&best, s, sb_dbus_mode_name(i));
                _cleanup_free_ char *what = xasprintf(
                        "'%s': expected \"none\", \"session\" or "
                        "\"filtered\"", s);
                keys_unknown(c, v, key, what, &best);
                return;
        }
        d->dbus = m;
        keys_replace_string(&d->origin[SB_DESKTOP_DBUS], origin_of(c, v));
}

/* A well-known bus name, or one ending in ".*"; NULL if it is, else why
 * not. */
static const char *bus_name_problem(const char *s)
{
        size_t n = strlen(s);
        if (n == 0)
                return "is empty";
        if (n > MAX_BUS_NAME)
                return "is longer than 255 characters";
        if (s[0] == ':')
                return "is a unique connection name; name a well-known one";
        if (n > 2 && strcmp(s + n - 2, ".*") == 0)
                n -= 2;
        size_t elements = 0;
        for (size_t i = 0; i < n;) {
                size_t len = strspn(s + i, "abcdefghijklmnopqrstuvwxyz"
                                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_-");
                if (len == 0)
                        return s[i] == '.' ? "has an empty element"
                                           : "has a character other than "
                                             "letters, digits, '_', '-' "
                                             "and '.'";
                if (s[i] >= '0' && s[i] <= '9')
                        return "has an element starting with a digit";
                elements++;
                i += len;
                if (i < n && s[i] != '.')
                        return "has a character other than letters, "
                               "digits, '_', '-' and '.'";
                if (i < n && ++i == n)
                        return "ends with '.'";
        }
        if (elements < 2)
                return "needs at least two elements (\"org.example\")";
        return NULL;
}

static bool bus_name_item(struct keys_ctx *c, const struct sb_keys_value *e,
                          const char *ekey, const char *s, void *data)
{
        const char *why = bus_name_problem(s);
        if (why) {
                diag(c, e, ekey, "'%s' %s", s, why);
                return false;
        }
        strv_push(data, xstrdup(s));
        return true;
}

/* dbus_own and dbus_talk: the list replaces an earlier one. */
static void parse_names(struct keys_ctx *c, const struct sb_keys_value *v,
                        const char *key, char ***field, char **origin)
{
        char **names = xcalloc(1, sizeof(char *));
        if (!keys_each_string(c, v, key, bus_name_item, &names)) {
                strv_free(names);
                return;
        }
        strv_free(*field);
        *field = names;
        keys_replace_string(origin, origin_of(c, v));
}

static void parse_own(struct keys_ctx *c, const struct key_def *def,
                      const struct sb_keys_value *v, const char *key)
{
        struct sb_desktop_config *d = &c->st->cfg->desktop;
        parse_names(c, v, key, &d->dbus_own, &d->own_origin);
}

static void parse_talk(struct keys_ctx *c, const struct key_def *def,
                       const struct sb_keys_value *v, const char *key)
{
        struct sb_desktop_config *d = &c->st->cfg->desktop;
        parse_names(c, v, key, &d->dbus_talk, &d->talk_origin);
}

#define SWITCH(n, k)                                                           \
        { .name = (n), .types = T(BOOL), .parse = parse_switch,                \
          .merge = KEY_REPLACE, .offset = (k) }

const struct key_def keys_desktop[] = {
        SWITCH("x11", SB_DESKTOP_X11),
        SWITCH("wayland", SB_DESKTOP_WAYLAND),
        SWITCH("pulseaudio", SB_DESKTOP_PULSEAUDIO),
        SWITCH("pipewire", SB_DESKTOP_PIPEWIRE),
        { "dbus", T(STRING), parse_dbus, KEY_REPLACE, NULL, 0 },
        { "dbus_own", T_LIST, parse_own, KEY_REPLACE, NULL, 0 },
        { "dbus_talk", T_LIST, parse_talk, KEY_REPLACE, NULL, 0 },
        SWITCH("gpu", SB_DESKTOP_GPU),
        { NULL },
};

static char *dup_set(const char *s)
{
        return s && *s ? xstrdup(s) : NULL;
}

void keys_finish_desktop(struct sb_keys_state *st)
{
        const struct sb_config *cfg = st->cfg;
        struct sb_desktop_config *d = &st->cfg->desktop;
        bool filtered = d->dbus == SB_DBUS_FILTERED;
        if (d->own_origin && !filtered)
                sb_diags_add(st->diags, "%s: desktop.dbus_own: only used "
                             "with dbus = \"filtered\"", d->own_origin);
        if (d->talk_origin && !filtered)
                sb_diags_add(st->diags, "%s: desktop.dbus_talk: only used "
                             "with dbus = \"filtered\"", d->talk_origin);
        if (!sb_desktop_any(d))
                return;
        /* Each switch is a mount of a host socket (or /dev/dri): without
         * a mount namespace it would silently do nothing. */
        if (!(cfg->namespaces & SB_NS_MOUNT)) {
                bool on[SB_DESKTOP_KEY_MAX] = {
                        d->x11, d->wayland, d->pulseaudio, d->pipewire,
                        d->dbus != SB_DBUS_NONE, d->gpu,
                };
                for (int k = 0; k < SB_DESKTOP_KEY_MAX; k++)
                        if (on[k])
                                sb_diags_add(st->diags, "%s: desktop.%s: "
                                             "needs the mount namespace",
                                             d->origin[k] ? d->origin[k] : "?",
                                             sb_desktop_key_name(k));
        }
        /* The DRM nodes go into the minimal /dev; a profile that puts
         * something else on /dev would silently get no GPU. */
        for (size_t i = 0; d->gpu && i < cfg->fs.n_mounts; i++) {
                const struct sb_mount *m = &cfg->fs.mounts[i];
                if (strcmp(m->target, "/dev") == 0 && m->type != SB_MOUNT_DEV)
                        sb_diags_add(st->diags, "%s: desktop.gpu: needs the "
                                     "minimal /dev, but the mount entry at "
                                     "%s puts a %s there",
                                     d->origin[SB_DESKTOP_GPU],
                                     m->origin ? m->origin : "?",
                                     sb_mount_type_name(m->type));
        }
        const struct sb_profile_env *env = st->env;
        struct sb_desktop_world *w = &d->world;
        w->display = dup_set(env->display);
        if (env->xauthority && *env->xauthority)
                w->xauthority = xstrdup(env->xauthority);
        else if (env->home)
                w->xauthority = xasprintf("%s%s.Xauthority", env->home,
                                          str_has_suffix(env->home, "/")
                                                  ? ""
                                                  : "/");
        w->wayland_display = dup_set(env->wayland_display);
        w->runtime_dir = dup_set(env->xdg_runtime_dir);
        w->bus_address = dup_set(env->dbus_address);
}
