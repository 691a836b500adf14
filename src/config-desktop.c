/* Defaults and release of struct sb_desktop_config, and its names. */
#include "config-desktop.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const key_names[SB_DESKTOP_KEY_MAX] = {
        [SB_DESKTOP_X11] = "x11",
        [SB_DESKTOP_WAYLAND] = "wayland",
        [SB_DESKTOP_PULSEAUDIO] = "pulseaudio",
        [SB_DESKTOP_PIPEWIRE] = "pipewire",
        [SB_DESKTOP_DBUS] = "dbus",
        [SB_DESKTOP_GPU] = "gpu",
};

static const char *const dbus_names[SB_DBUS_MODE_MAX] = {
        [SB_DBUS_NONE] = "none",
        [SB_DBUS_SESSION] = "session",
        [SB_DBUS_FILTERED] = "filtered",
};

void sb_desktop_config_init(struct sb_desktop_config *c)
{
        memset(c, 0, sizeof(*c));
        c->dbus = SB_DBUS_NONE;
}

void sb_desktop_config_free(struct sb_desktop_config *c)
{
        strv_free(c->dbus_own);
        strv_free(c->dbus_talk);
        for (int i = 0; i < SB_DESKTOP_KEY_MAX; i++)
                free(c->origin[i]);
        free(c->own_origin);
        free(c->talk_origin);
        free(c->world.display);
        free(c->world.xauthority);
        free(c->world.wayland_display);
        free(c->world.runtime_dir);
        free(c->world.bus_address);
        memset(c, 0, sizeof(*c));
}

const char *sb_desktop_key_name(enum sb_desktop_key k)
{
        return (int)k >= 0 && k < SB_DESKTOP_KEY_MAX ? key_names[k] : NULL;
}

const char *sb_dbus_mode_name(enum sb_dbus_mode m)
{
        return (int)m >= 0 && m < SB_DBUS_MODE_MAX ? dbus_names[m] : NULL;
}

enum sb_dbus_mode sb_dbus_mode_from_name(const char *name)
{
        for (int i = 0; i < SB_DBUS_MODE_MAX; i++)
                if (strcmp(dbus_names[i], name) == 0)
                        return (enum sb_dbus_mode)i;
        return SB_DBUS_MODE_INVALID;
}

bool sb_desktop_any(const struct sb_desktop_config *c)
{
        return c->x11 || c->wayland || c->pulseaudio || c->pipewire ||
               c->gpu || c->dbus != SB_DBUS_NONE;
}
