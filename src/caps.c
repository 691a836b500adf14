/* Capabilities through libcap-ng, the only user of that library. The drop
 * happens in a fixed order: bounding set and securebits while we still hold
 * CAP_SETPCAP, then the uid change, then the remaining sets. */
#include "caps.h"

#include <cap-ng.h>
#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <linux/securebits.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"

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

/* Read every set back from the kernel and compare it with what was asked:
 * a silent partial drop (an old libcap-ng, a kernel refusing one set)
 * must stop the launch, not run the program with more than it should
 * have. */
static int verify(const uint64_t keep[SB_CAP_WORDS], struct sb_error *err)
{
        static const struct {
                capng_type_t set;
                const char *name;
        } sets[] = {
                { CAPNG_EFFECTIVE, "effective" },
                { CAPNG_PERMITTED, "permitted" },
                { CAPNG_INHERITABLE, "inheritable" },
                { CAPNG_BOUNDING_SET, "bounding" },
                { CAPNG_AMBIENT, "ambient" },
        };
        capng_clear(CAPNG_SELECT_ALL);
        if (capng_get_caps_process() < 0)
                return sb_error_set(err, -EIO, "read back the capabilities");
        for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
                for (unsigned cap = 0; cap <= CAP_LAST_CAP; cap++)
                        if (!capng_have_capability(sets[i].set, cap) !=
                            !sb_caps_has(keep, cap))
                                return sb_error_set(
                                        err, -EPERM,
                                        "capability %s is %s in the %s set "
                                        "after the drop",
                                        caps_name(cap),
                                        sb_caps_has(keep, cap) ? "missing"
                                                               : "still held",
                                        sets[i].name);
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

int caps_enter(uid_t uid, gid_t gid, bool drop_groups,
               const uint64_t keep[SB_CAP_WORDS], struct sb_error *err)
{
        /* 1. While every capability is still held: shrink the bounding set
         * and lock securebits (both need CAP_SETPCAP). NOROOT means uid 0
         * gains no capabilities from exec. */
        capng_clear(CAPNG_SELECT_BOTH);
        add_kept(keep, CAPNG_BOUNDING_SET);
        if (capng_apply(CAPNG_SELECT_BOUNDS) < 0)
                return sb_error_set(err, -EPERM,
                                    "drop the capability bounding set: "
                                    "libcap-ng refused");
        if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED) < 0)
                return sb_error_errno(err, errno, "lock securebits");

        /* 2. Identity. KEEPCAPS carries the kept set across setresuid. */
        if (keep_any(keep) && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "set keep-capabilities");
        int r = switch_ids(uid, gid, drop_groups, err);
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
        if (capng_get_caps_process() < 0)
                return sb_error_set(err, -EPERM, "read capabilities");
        for (unsigned cap = 0; cap <= CAP_LAST_CAP; cap++)
                if (capng_have_capability(CAPNG_PERMITTED, cap))
                        capng_update(CAPNG_ADD, CAPNG_EFFECTIVE, cap);
        if (capng_apply(CAPNG_SELECT_CAPS) < 0)
                return sb_error_set(err, -EPERM,
                                    "raise capabilities after the uid "
                                    "change: libcap-ng refused");
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
