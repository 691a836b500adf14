/* What this host allows, read without changing anything: the sysctls that
 * gate user namespaces, TIOCSTI and seccomp actions, the cgroup layout and
 * delegation, and how the launcher binary is installed. For `sandbox
 * doctor`, and for priv.c (whether creating a user namespace needs
 * CAP_SYS_ADMIN here). */
#ifndef SB_HOST_PROBE_H
#define SB_HOST_PROBE_H

#include <stdbool.h>

/* -1 where the file does not exist (the kernel or its patches lack the
 * knob) or cannot be read. */
struct host_probe {
        long userns_clone;              /* kernel.unprivileged_userns_clone */
        long max_userns;                /* user.max_user_namespaces */
        long apparmor_restrict;         /* kernel.apparmor_restrict_unprivileged_userns */
        long legacy_tiocsti;            /* dev.tty.legacy_tiocsti */
        char seccomp_actions[256];      /* kernel/seccomp/actions_avail; "" */
        int userns_errno;               /* 0: an unshare as the real user
                                           worked; else its errno */
        char cgroup_mode[16];           /* "v2", "v1", "hybrid", "none" */
        char cgroup_self[512];          /* our own cgroup (v2, or memory v1) */
        char cgroup_dir[640];           /* its directory; "" if unknown */
        bool cgroup_delegated;          /* the real user may write it */
        char exe[512];                  /* /proc/self/exe */
        bool exe_setuid_root;           /* root-owned with the setuid bit */
        bool exe_nosuid;                /* on a nosuid mount */
};

/* Fill p. The user namespace test runs in a short-lived child that takes
 * the real uid first (no privilege), unshares and exits. */
void host_probe_all(struct host_probe *p);

/* A sysctl under /proc/sys ("kernel/unprivileged_userns_clone") as a
 * number; -1 if absent or not a number. */
long host_sysctl(const char *name);

/* Creating a user namespace needs CAP_SYS_ADMIN here: Debian's
 * kernel.unprivileged_userns_clone = 0 or AppArmor's restriction = 1. */
bool host_userns_restricted(void);

#endif
