/* Capabilities, through libcap-ng only: names for the profile loader, and
 * the final identity switch plus capability drop before exec. */
#ifndef SB_CAPS_H
#define SB_CAPS_H

#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"

/* "CAP_NET_BIND_SERVICE" or "net_bind_service" (any case) -> its number;
 * -1 if the name is unknown. */
int caps_from_name(const char *name);
/* Lower-case name without the cap_ prefix, e.g. "net_bind_service". */
const char *caps_name(unsigned cap);

/* Switch to uid/gid and keep only `keep` in every capability set
 * (bounding, permitted, effective, inheritable and ambient, so that the
 * kept capabilities survive exec whatever the uid). Supplementary
 * groups are dropped when drop_groups is set (the kernel refuses it in a
 * user namespace whose setgroups is "deny"). Locks securebits so that a
 * uid 0 inside regains nothing on exec. */
int caps_enter(uid_t uid, gid_t gid, bool drop_groups,
               const uint64_t keep[SB_CAP_WORDS], struct sb_error *err);

/* Change uid/gid but keep every capability held now (effective too). The
 * sandbox's init uses it when root started it: its host uid 0 is not mapped
 * in the sandbox's user namespace, so it becomes the mapped user first and
 * still builds the sandbox with the namespace's capabilities. */
int caps_switch_id_keep_caps(uid_t uid, gid_t gid, bool drop_groups,
                             struct sb_error *err);

/* Make the calls above act on the calling process. Needed first thing
 * in a child made by clone(2) rather than fork(3), and again in its
 * parent after a CLONE_VM child ran (they share the library's state). */
void caps_adopt_thread(void);

/* Setuid mode (priv.c): keep `keep` in the permitted and bounding sets
 * only; effective, inheritable and ambient become empty. */
int caps_limit(const uint64_t keep[SB_CAP_WORDS], struct sb_error *err);
/* Make the effective set exactly `eff` (limited to what is permitted);
 * an empty set lowers everything. */
int caps_set_effective(const uint64_t eff[SB_CAP_WORDS],
                       struct sb_error *err);
#endif
