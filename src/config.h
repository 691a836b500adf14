/* The plain, fully validated description of one sandbox.
 * The profile loader produces it; the engine consumes it. No library type
 * (libconfig, libcap-ng, ...) appears here, so other front ends can fill it. */
#ifndef SB_CONFIG_H
#define SB_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "config-cgroup.h"
#include "config-desktop.h"
#include "config-fs.h"
#include "config-net.h"
#include "config-seccomp.h"

/* Namespaces a sandbox can ask for; a bit set in sb_config.namespaces. */
enum sb_ns {
        SB_NS_USER = 1u << 0,
        SB_NS_MOUNT = 1u << 1,
        SB_NS_PID = 1u << 2,
        SB_NS_UTS = 1u << 3,
        SB_NS_IPC = 1u << 4,
        SB_NS_NET = 1u << 5,
        SB_NS_CGROUP = 1u << 6,
        SB_NS_TIME = 1u << 7,
};
#define SB_NS_DEFAULT                                                          \
        (SB_NS_USER | SB_NS_MOUNT | SB_NS_PID | SB_NS_UTS | SB_NS_IPC |        \
         SB_NS_NET | SB_NS_CGROUP)

/* Every RLIMIT_* the kernel knows; index with the RLIMIT_ constant. */
#define SB_RLIMIT_COUNT RLIM_NLIMITS

struct sb_rlimit {
        bool set;
        rlim_t soft;
        rlim_t hard;
};

struct sb_env_assign {
        char *name;
        char *value;
};

struct sb_environment {
        bool clear;              /* start from an empty environment */
        char **keep;             /* NULL-terminated; "LC_*" keeps a prefix */
        struct sb_env_assign *set;
        size_t n_set;
};

/* Who the target runs as. Numbers are resolved by the loader. */
struct sb_identity {
        bool user_set;           /* false: the caller's own uid/gid */
        uid_t uid;               /* inside the sandbox */
        gid_t gid;
        bool host_user_set;      /* false: see sandbox.profile(5) defaults */
        uid_t host_uid;          /* what uid maps to on the host (root only) */
        gid_t host_gid;
};

struct sb_process {
        struct sb_identity id;
        char *cwd;               /* NULL: the caller's cwd if visible, else / */
        mode_t umask;
        bool new_session;
        bool die_with_parent;
};

#define SB_CAP_WORDS 2           /* 64 bits each: room for every capability */

struct sb_config {
        char *description;
        char *source;            /* the profile's file, for messages */
        unsigned namespaces;     /* enum sb_ns bits */
        char *hostname;
        struct sb_environment env;
        struct sb_rlimit rlimits[SB_RLIMIT_COUNT];
        struct sb_process process;
        uint64_t caps_keep[SB_CAP_WORDS];
        struct sb_fs_config fs;
        struct sb_seccomp_config seccomp;
        struct sb_net_config net;
        struct sb_cgroup_config cgroup;
        struct sb_desktop_config desktop;
        bool joinable;           /* `sandbox exec` may enter it */
};

/* A config with every secure default filled in (see sandbox.profile(5)). */
void sb_config_init(struct sb_config *cfg);
void sb_config_free(struct sb_config *cfg);

static inline bool sb_caps_has(const uint64_t set[SB_CAP_WORDS], unsigned cap)
{
        return cap < 64 * SB_CAP_WORDS && (set[cap / 64] >> (cap % 64)) & 1u;
}

static inline void sb_caps_add(uint64_t set[SB_CAP_WORDS], unsigned cap)
{
        if (cap < 64 * SB_CAP_WORDS)
                set[cap / 64] |= UINT64_C(1) << (cap % 64);
}

#endif
