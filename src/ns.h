/* Namespaces: which clone flags a config asks for, the user namespace's
 * id maps (written by the parent), and the hostname (set inside). */
#ifndef SB_NS_H
#define SB_NS_H

#include <stdbool.h>
#include <sys/types.h>

#include "error.h"

/* clone(2) flags for the namespaces created together with the sandbox's
 * init. The cgroup and time namespaces are left out: the cgroup one must be
 * made after the parent has placed the child in its cgroup, and the time
 * one applies to children only, so init unshares both itself. */
int ns_clone_flags(unsigned namespaces);

struct ns_id_map {
        uid_t inside_uid, host_uid;
        gid_t inside_gid, host_gid;
        /* Unprivileged callers must deny setgroups(2) before writing the gid
         * map; a privileged parent leaves it allowed so that the child can
         * drop its supplementary groups. */
        bool deny_setgroups;
};

/* Write /proc/PID/{setgroups,uid_map,gid_map} for a child in a new user
 * namespace: exactly one uid and one gid are mapped. PID 0 means the
 * caller's own (/proc/self), which the kernel allows for the caller's own
 * uid and gid, setgroups denied. */
int ns_write_id_maps(pid_t pid, const struct ns_id_map *map,
                     struct sb_error *err);

int ns_set_hostname(const char *hostname, struct sb_error *err);

/* Give the process a new, empty session keyring so that no key of the
 * caller's session is reachable from inside. */
int ns_new_session_keyring(struct sb_error *err);

#endif
