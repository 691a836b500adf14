/* Networking through libnl-3 only: the host side (made by the launcher
 * between clone and "go") and the inside (made by init in the sandbox's
 * network namespace). */
#ifndef SB_NET_H
#define SB_NET_H

#include <sys/types.h>

#include "config.h"
#include "error.h"

/* What the launcher creates on the host for one sandbox. */
struct net_host;

/* Check what the config asks for against what this process may do and
 * plan names; nothing is created. *ret may be NULL (nothing to do). */
int net_prepare(const struct sb_config *cfg, struct net_host **ret,
                struct sb_error *err);
/* Launcher, after clone, before "go": create the host side and move the
 * sandbox's ends into the network namespace of `child`. */
int net_host_setup(struct net_host *h, pid_t child, struct sb_error *err);
/* init, inside the new network namespace, after the filesystem view is
 * built: loopback, addresses, routes, DNS and hosts files. */
int net_inside_setup(const struct sb_config *cfg, struct sb_error *err);
/* Undo what net_host_setup made; NULL is fine. */
void net_host_cleanup(struct net_host *h);

#endif
