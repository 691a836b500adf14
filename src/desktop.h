/* The launcher's side of the desktop keys: the plan (desktop-plan.c)
 * checked against the host (every socket there, else a refusal naming
 * it), the Xauthority cookie copied for the sandbox, and for
 * dbus = "filtered" the xdg-dbus-proxy process, which lives exactly as
 * long as the sandbox (and dies with a killed launcher). */
#ifndef SB_DESKTOP_H
#define SB_DESKTOP_H

#include <stddef.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

struct desktop;

/* Before clone: plan and check. *ret is NULL when no desktop key asks for
 * anything. host_uid/host_gid: who the sandbox runs as on the host, to
 * whom the files the launcher makes for it are given. */
int desktop_prepare(const struct sb_config *cfg, uid_t host_uid,
                    gid_t host_gid, struct desktop **ret,
                    struct sb_error *err);
/* The mounts to add after the profile's (for mount_prepare). */
const struct sb_mount *desktop_mounts(const struct desktop *d, size_t *ret_n);
/* Apply the variables to the program's environment (d may be NULL). */
void desktop_env(const struct desktop *d, char ***envp);
/* Before clone: start the proxy and wait until it listens. */
int desktop_start(struct desktop *d, struct sb_error *err);
/* After the program runs: the sandbox holds its binds, so the files the
 * launcher made on the host can go; so can those a killed launcher of the
 * same user left behind. */
void desktop_started(struct desktop *d);
/* Stop the proxy, remove what is left; d may be NULL. */
void desktop_destroy(struct desktop *d);

#endif
