/* What the desktop keys expand to, computed from the config alone (pure,
 * unit-tested): the mounts (sockets bound at their own paths, the
 * Xauthority file at a fixed one), the variables to set and to remove,
 * the host paths that must exist for the launch to go on, and for
 * dbus = "filtered" how the proxy is started. desktop.c applies it. */
#ifndef SB_DESKTOP_PLAN_H
#define SB_DESKTOP_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

/* Inside paths that do not depend on the caller. */
#define DESKTOP_XAUTH_INSIDE "/tmp/.Xauthority"
#define DESKTOP_PROXY_INSIDE_DEFAULT "/tmp/.dbus-proxy"
#define DESKTOP_X11_DIR "/tmp/.X11-unix"

enum desktop_check_kind {
        DESKTOP_CHECK_SOCKET,   /* a unix socket */
        DESKTOP_CHECK_DRI,      /* /dev/dri with at least one DRM node */
};

/* A host path the launch needs; missing, the launch is refused with
 * "WHERE: what 'PATH' ...". */
struct desktop_check {
        enum desktop_check_kind kind;
        char *path;
        char *what;             /* "the X server's socket (DISPLAY=:0)" */
        char *where;            /* "desktop.x11 at FILE:LINE" */
};

struct desktop_plan {
        struct sb_mount *mounts;        /* origin: "desktop.KEY at F:L" */
        size_t n_mounts;
        struct sb_env_assign *set;
        size_t n_set;
        char **unset;                   /* NULL-terminated, or NULL */
        struct desktop_check *checks;
        size_t n_checks;
        /* x11: the mount of the Xauthority file (its source the caller's
         * file, to be replaced by the launcher's copy), or -1. */
        int xauth_mount;
        const char *display_number;     /* "0" of ":0.1"; NULL for TCP */
        /* dbus = "filtered": the mount of the proxy's socket (source set
         * by the launcher), or -1; the bus the proxy connects to and its
         * filter arguments (--own=..., --talk=...). */
        int proxy_mount;
        char *proxy_address;
        char **proxy_args;
        char *dbus_where;
};

/* The plan, or -EINVAL and *ret_why (newly allocated) when the caller's
 * session cannot give what the profile asks for (DISPLAY not set, a TCP
 * display without the host's network, ...). */
int desktop_plan_build(const struct sb_config *cfg, struct desktop_plan *ret,
                       char **ret_why);
void desktop_plan_free(struct desktop_plan *p);

/* Apply the plan's variables to an environment vector (env_build's):
 * removals first, then assignments replacing any earlier value. A NULL
 * plan is the default one: only DBUS_SESSION_BUS_ADDRESS goes. */
void desktop_plan_env(const struct desktop_plan *p, char ***envp);

/* The display number of a DISPLAY value (":0", ":0.1", "unix:0",
 * "host:0"), newly allocated, and whether it is local (a unix socket);
 * NULL for a value that is not a display name. */
char *desktop_display_number(const char *display, bool *ret_local);

/* The session bus's socket path from a D-Bus address list ("unix:path=
 * /run/user/1000/bus,guid=..;..."): the first unix:path entry, newly
 * allocated with its %-escapes decoded; NULL when there is none. */
char *desktop_bus_path(const char *address);

/* An Xauthority file rewritten for use inside a sandbox with its own host
 * name: only entries for display `number` of the local families are kept,
 * with their family set to FamilyWild so that libXau matches them
 * whatever the host name. Returns the new length (0 when no entry is
 * kept), or -EINVAL for a truncated file; *ret is newly allocated. */
long desktop_xauth_rewrite(const unsigned char *in, size_t len,
                           const char *number, unsigned char **ret);

#endif
