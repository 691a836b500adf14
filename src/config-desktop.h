/* The part of struct sb_config that describes desktop integration: the
 * desktop key (x11, wayland, pulseaudio, pipewire, dbus, gpu). Plain data
 * filled by the profile loader; see sandbox.profile(5). The loader also
 * copies the few facts of the caller's session the keys depend on (which
 * display, which bus), so that the engine never reads the caller's
 * environment; what they expand to is planned at launch (desktop-plan.c). */
#ifndef SB_CONFIG_DESKTOP_H
#define SB_CONFIG_DESKTOP_H

#include <stdbool.h>

enum sb_dbus_mode {
        SB_DBUS_NONE,           /* no bus; DBUS_SESSION_BUS_ADDRESS removed */
        SB_DBUS_SESSION,        /* the session bus's socket, bound */
        SB_DBUS_FILTERED,       /* xdg-dbus-proxy with own/talk lists */
        SB_DBUS_MODE_MAX,
        SB_DBUS_MODE_INVALID = -1,
};

/* The switches, in the order of the man page; also the index of their
 * origin in sb_desktop_config.origin. */
enum sb_desktop_key {
        SB_DESKTOP_X11,
        SB_DESKTOP_WAYLAND,
        SB_DESKTOP_PULSEAUDIO,
        SB_DESKTOP_PIPEWIRE,
        SB_DESKTOP_DBUS,
        SB_DESKTOP_GPU,
        SB_DESKTOP_KEY_MAX,
};

/* The caller's session, as the loader found it (struct sb_profile_env);
 * NULL where the variable was unset or empty. */
struct sb_desktop_world {
        char *display;          /* $DISPLAY */
        char *xauthority;       /* $XAUTHORITY, else ~/.Xauthority */
        char *wayland_display;  /* $WAYLAND_DISPLAY */
        char *runtime_dir;      /* $XDG_RUNTIME_DIR */
        char *bus_address;      /* $DBUS_SESSION_BUS_ADDRESS */
};

struct sb_desktop_config {
        bool x11, wayland, pulseaudio, pipewire, gpu;
        enum sb_dbus_mode dbus;
        char **dbus_own;        /* bus names, "org.a.B" or "org.a.*"; */
        char **dbus_talk;       /* NULL-terminated, NULL when unset */
        /* "FILE:LINE" where each switch was last set, or NULL. */
        char *origin[SB_DESKTOP_KEY_MAX];
        char *own_origin, *talk_origin;
        struct sb_desktop_world world;
};

void sb_desktop_config_init(struct sb_desktop_config *c);
void sb_desktop_config_free(struct sb_desktop_config *c);

/* "x11", "wayland", ...: the key's name in the desktop group. */
const char *sb_desktop_key_name(enum sb_desktop_key k);
/* "none", "session", "filtered"; NULL for anything else. */
const char *sb_dbus_mode_name(enum sb_dbus_mode m);
enum sb_dbus_mode sb_dbus_mode_from_name(const char *name);
/* Whether any switch asks for something (a bus other than "none"). */
bool sb_desktop_any(const struct sb_desktop_config *c);

#endif
