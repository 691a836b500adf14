/* The privilege model: which of the three modes this launch runs in, and,
 * for a setuid-root install, everything that holds, raises, lowers and
 * drops privilege. The only file with privileged logic (docs/PRIVILEGE.md).
 * In the root and user modes every call below is a cheap no-op. */
#ifndef SB_PRIV_H
#define SB_PRIV_H

#include <stdbool.h>

#include "config.h"
#include "error.h"

enum sb_priv_mode {
        SB_PRIV_USER,           /* an ordinary user, no privilege at all */
        SB_PRIV_ROOT,           /* started by root (real uid 0) */
        SB_PRIV_SETUID,         /* a setuid-root install run by a user */
};

/* First thing in main, before anything reads the environment or opens a
 * file. In setuid mode: closes inherited fds above 2, resets the
 * environment to an allow-list, makes the launcher non-dumpable, sets the
 * filesystem uid/gid to the real user's and keeps only the capabilities
 * some launch may need, in the permitted set. */
int priv_start(struct sb_error *err);

enum sb_priv_mode priv_mode(void);
const char *priv_mode_name(enum sb_priv_mode m);
/* Why priv_start chose the mode, for `sandbox doctor`. */
const char *priv_mode_reason(void);

/* Setuid mode, in the child that parses the profile: become the real
 * user for good (all uids and gids, no capability, no_new_privs,
 * non-dumpable), checked. A no-op in the other modes. */
int priv_drop_for_good(struct sb_error *err);

/* Setuid mode, once the profile passed the policy: keep only what this
 * config needs (permitted and bounding sets). */
int priv_narrow(const struct sb_config *cfg, struct sb_error *err);

/* The host-side operations that need privilege in setuid mode. */
enum priv_op {
        PRIV_OP_CLONE,          /* create the namespaces */
        PRIV_OP_IDMAP,          /* write the child's id maps */
        PRIV_OP_CGROUP,         /* make, fill, attach, remove the cgroup */
        PRIV_OP_NET,            /* veth links on the host */
};
/* Raise what op needs into the effective set (and, where files owned by
 * root are written, the filesystem uid 0); priv_lower undoes it. Calls do
 * not nest. */
int priv_raise(enum priv_op op, struct sb_error *err);
void priv_lower(void);

/* Setuid mode: one line to syslog (LOG_AUTHPRIV) naming the user, the
 * profile and the privileged features of this launch. */
void priv_audit(const struct sb_config *cfg, const char *profile);

/* The features of cfg that need host privilege, as text ("veth bridge
 * br0, cgroup limits"); "" when none. Pure. */
void priv_features(const struct sb_config *cfg, char *buf, size_t size);

#endif
