/* Capabilities through libcap-ng, the only user of that library. The drop
 * happens in a fixed order: bounding set and securebits while we still hold
 * CAP_SETPCAP, then the uid change, then the remaining sets. */
#include "caps.h"

#include <cap-ng.h>
#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

int caps_from_name(const char *name)
{
        char lower[64];
        if (strncasecmp(name, "cap_", 4) == 0)
                name += 4;
        size_t n = strlen(name);
        if (n == 0 || n >= sizeof(lower))
                return -1;
        for (size_t i = 0; i <= n; i++)
                lower[i] = (char)tolower((unsigned char)name[i]);
        /* libcap-ng also accepts numbers; a profile must use names. */
        if (isdigit((unsigned char)lower[0]))
                return -1;
        int cap = capng_name_to_capability(lower);
        return cap < 0 || cap >= 64 * SB_CAP_WORDS ? -1 : cap;
}

const char *caps_name(unsigned cap)
{
        return capng_capability_to_name(cap);
}

static bool keep_any(const uint64_t keep[SB_CAP_WORDS])
{
        for (int i = 0; i < SB_CAP_WORDS; i++)
                if (keep[i])
                        return true;
        return false;
}

static void add_kept(const uint64_t keep[SB_CAP_WORDS], capng_type_t sets)
{
        for (unsigned cap = 0; cap <= CAP_LAST_CAP; cap++)
                if (sb_caps_has(keep, cap))
                        capng_update(CAPNG_ADD, sets, cap);
}

/* Groups first: once the uid has changed we may no longer change them. */
static int switch_ids(uid_t uid, gid_t gid, bool drop_groups,
                      struct sb_error *err)
{
        if (drop_groups && setgroups(0, NULL) < 0)
                return sb_error_errno(err, errno,
                                      "drop supplementary groups");
        if (setresgid(gid, gid, gid) < 0)
                return sb_error_errno(err, errno, "switch to gid %u",
                                      (unsigned)gid);
        if (setresuid(uid, uid, uid) < 0)
                return sb_error_errno(err, errno, "switch to uid %u",
                                      (unsigned)uid);
        return 0;
}

/* The five sets as the kernel has them, read with system calls rather
 * than libcap-ng's parse of /proc/self/status: no procfs file to
 * generate, and no heap, so a target that shares init's memory
 * (spawn.c) and is killed half-way cannot leave init's heap torn. */
struct caps_now {
        struct __user_cap_data_struct d[2]; /* effective, permitted, inheritable */
};

static int read_caps(struct caps_now *now, struct sb_error *err)
{
        struct __user_cap_header_struct h = {
                .version = _LINUX_CAPABILITY_VERSION_3,
                .pid = 0, /* the calling thread */
        };
        if (syscall(SYS_capget, &h, now->d) < 0)
                return sb_error_errno(err, errno,
                                      "read back the capabilities");
        return 0;
}

enum { SET_EFFECTIVE, SET_PERMITTED, SET_INHERITABLE };

static bool has_bit(const struct caps_now *now, unsigned cap, int set)
{
        if (cap >= 64)
                return false; /* beyond what capget reports: not held */
        const struct __user_cap_data_struct *d = &now->d[cap / 32];
        __u32 w = set == SET_EFFECTIVE   ? d->effective
                  : set == SET_PERMITTED ? d->permitted
                                         : d->inheritable;
        return (w >> (cap % 32)) & 1u;
}

/* Read every set back from the kernel and compare it with what was asked:
 * a silent partial drop (an old libcap-ng, a kernel refusing one set)
 * must stop the launch, not run the program with more than it should
 * have. Every capability the kernel knows is checked, up to the first
 * number PR_CAPBSET_READ calls invalid, including any newer than ours. */
static int verify(const uint64_t keep[SB_CAP_WORDS], struct sb_error *err)
{
        static const char *const sets[] = {
                [SET_EFFECTIVE] = "effective",
                [SET_PERMITTED] = "permitted",
                [SET_INHERITABLE] = "inheritable",
        };
        struct caps_now now;
        int r = read_caps(&now, err);
        if (r < 0)
                return r;
        for (unsigned cap = 0;; cap++) {
                int bnd = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
                if (bnd < 0 && errno == EINVAL && cap > 0)
                        break; /* past the kernel's last capability */
                if (bnd < 0)
                        return sb_error_errno(err, errno,
                                              "read back the bounding set");
                int amb = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0,
                                0);
                if (amb < 0)
                        return sb_error_errno(err, errno,
                                              "read back the ambient set");
                bool want = sb_caps_has(keep, cap);
                const char *bad = NULL;
                for (int i = 0; i < (int)ARRAY_SIZE(sets) && !bad; i++)
                        if (has_bit(&now, cap, i) != want)
                                bad = sets[i];
                if (!bad && (bnd == 1) != want)
                        bad = "bounding";
                if (!bad && (amb == 1) != want)
                        bad = "ambient";
                if (bad) {
                        const char *name = caps_name(cap);
                        return sb_error_set(err, -EPERM,
                                            "capability %s%s is %s in the %s "
                                            "set after the drop",
                                            name ? "" : "#", name ? name : "",
                                            want ? "missing" : "still held",
                                            bad);
                }
        }
        int bits = prctl(PR_GET_SECUREBITS);
        if (bits < 0)
                return sb_error_errno(err, errno, "read back securebits");
        if ((bits & (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED)) !=
            (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED))
                return sb_error_set(err, -EPERM,
                                    "securebits 0x%x lack noroot, locked",
                                    (unsigned)bits);
        return 0;
}

/* Drop from the bounding set every capability not kept, up to the
 * kernel's last one (PR_CAPBSET_DROP calls the next number invalid). As
 * libcap-ng's bounding-set apply, minus its reads of /proc/self/status. */
static int drop_bounding(const uint64_t keep[SB_CAP_WORDS],
                         struct sb_error *err)
{
        for (unsigned cap = 0;; cap++) {
                if (sb_caps_has(keep, cap))
                        continue;
                if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0)
                        continue;
                if (errno == EINVAL && cap > 0)
                        return 0;
                return sb_error_errno(err, errno,
                                      "drop the capability bounding set");
        }
}

int caps_enter(uid_t uid, gid_t gid, bool drop_groups,
               const uint64_t keep[SB_CAP_WORDS], struct sb_error *err)
{
        /* 1. While every capability is still held: shrink the bounding set
         * and lock securebits (both need CAP_SETPCAP). NOROOT means uid 0
         * gains no capabilities from exec. */
        int r = drop_bounding(keep, err);
        if (r < 0)
                return r;
        if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED) < 0)
                return sb_error_errno(err, errno, "lock securebits");

        /* 2. Identity. KEEPCAPS carries the kept set across setresuid. */
        if (keep_any(keep) && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "set keep-capabilities");
        r = switch_ids(uid, gid, drop_groups, err);
        if (r < 0)
                return r;

        /* 3. The remaining sets. Ambient for every target, uid 0 included:
         * with SECBIT_NOROOT locked, exec treats uid 0 like any other uid,
         * so only the ambient set carries the kept capabilities across. */
        capng_clear(CAPNG_SELECT_CAPS);
        add_kept(keep, CAPNG_EFFECTIVE | CAPNG_PERMITTED | CAPNG_INHERITABLE);
        if (capng_apply(CAPNG_SELECT_CAPS) < 0)
                return sb_error_set(err, -EPERM,
                                    "drop capabilities: libcap-ng refused");
        capng_clear(CAPNG_SELECT_AMBIENT);
        add_kept(keep, CAPNG_AMBIENT);
        if (capng_apply(CAPNG_SELECT_AMBIENT) < 0)
                return sb_error_set(err, -EPERM,
                                    "set ambient capabilities: libcap-ng "
                                    "refused");
        if (keep_any(keep) && prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "clear keep-capabilities");
        r = verify(keep, err);
        if (r < 0)
                return r;
        log_debug("identity %u:%u, capabilities dropped", (unsigned)uid,
                  (unsigned)gid);
        return 0;
}

int caps_switch_id_keep_caps(uid_t uid, gid_t gid, bool drop_groups,
                             struct sb_error *err)
{
        if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "set keep-capabilities");
        int r = switch_ids(uid, gid, drop_groups, err);
        if (r < 0)
                return r;
        if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "clear keep-capabilities");
        /* The uid change emptied the effective set; raise it again from the
         * permitted set that KEEPCAPS preserved. */
        struct caps_now now;
        r = read_caps(&now, err);
        if (r < 0)
                return r;
        struct __user_cap_header_struct h = {
                .version = _LINUX_CAPABILITY_VERSION_3,
                .pid = 0,
        };
        for (int i = 0; i < 2; i++)
                now.d[i].effective = now.d[i].permitted;
        if (syscall(SYS_capset, &h, now.d) < 0)
                return sb_error_errno(err, errno,
                                      "raise capabilities after the uid "
                                      "change");
        return 0;
}

/* ---- setuid mode (called from priv.c only) ---- */

int caps_limit(const uint64_t keep[SB_CAP_WORDS], struct sb_error *err)
{
        /* The bounding set shrinks only with CAP_SETPCAP effective: raise
         * what is permitted first (a no-op at start, where a setuid-root
         * exec made every capability effective). */
        if (capng_get_caps_process() < 0)
                return sb_error_set(err, -EPERM, "read capabilities");
        for (unsigned cap = 0; cap <= CAP_LAST_CAP; cap++)
                if (capng_have_capability(CAPNG_PERMITTED, cap))
                        capng_update(CAPNG_ADD, CAPNG_EFFECTIVE, cap);
        if (capng_apply(CAPNG_SELECT_CAPS) < 0)
                return sb_error_set(err, -EPERM, "raise capabilities: "
                                    "libcap-ng refused");
        capng_clear(CAPNG_SELECT_BOUNDS);
        add_kept(keep, CAPNG_BOUNDING_SET);
        if (capng_apply(CAPNG_SELECT_BOUNDS) < 0)
                return sb_error_set(err, -EPERM,
                                    "drop the capability bounding set: "
                                    "libcap-ng refused");
        /* Kept only in permitted; nothing effective until raised. */
        capng_clear(CAPNG_SELECT_CAPS);
        add_kept(keep, CAPNG_PERMITTED);
        if (capng_apply(CAPNG_SELECT_CAPS) < 0)
                return sb_error_set(err, -EPERM, "limit capabilities: "
                                    "libcap-ng refused");
        capng_clear(CAPNG_SELECT_AMBIENT);
        if (capng_apply(CAPNG_SELECT_AMBIENT) < 0)
                return sb_error_set(err, -EPERM, "clear the ambient "
                                    "capabilities: libcap-ng refused");
        return 0;
}

int caps_set_effective(const uint64_t eff[SB_CAP_WORDS], struct sb_error *err)
{
        /* Start from the process's own sets, so that permitted and
         * bounding stay exactly as they are. */
        if (capng_get_caps_process() < 0)
                return sb_error_set(err, -EPERM, "read capabilities");
        for (unsigned cap = 0; cap <= CAP_LAST_CAP; cap++) {
                bool want = sb_caps_has(eff, cap) &&
                            capng_have_capability(CAPNG_PERMITTED, cap);
                capng_update(want ? CAPNG_ADD : CAPNG_DROP, CAPNG_EFFECTIVE,
                             cap);
        }
        if (capng_apply(CAPNG_SELECT_CAPS) < 0)
                return sb_error_set(err, -EPERM, "change the effective "
                                    "capabilities: libcap-ng refused");
        return 0;
}

void caps_adopt_thread(void)
{
        /* libcap-ng keeps, per thread, the id of the thread it first ran
         * in and reads and sets the capabilities of that id. Only its
         * pthread_atfork handler resets it, which a raw clone(2) does not
         * run; and a CLONE_VM child shares the very same variable. */
        capng_setpid((int)syscall(SYS_gettid));
}
