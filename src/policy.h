/* The system policy of a setuid-root install (sandbox.conf(5)): what an
 * ordinary user may ask a setuid launcher for. Root is never limited by
 * it, and the launcher of an ordinary user without the setuid bit does not
 * read it (the kernel limits that one). */
#ifndef SB_POLICY_H
#define SB_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"
#include "profile.h"

#define SB_POLICY_MAX_BRIDGES 32
#define SB_POLICY_MAX_RANGES 32

struct sb_policy {
        char *path;                     /* for messages; never NULL */
        bool exists;                    /* false: the file is absent, and
                                           these are the defaults */
        bool user_profiles;             /* default true */
        /* Capabilities a profile may keep inside its user namespace
         * (capabilities.allowed); default none. */
        uint64_t caps_allowed[SB_CAP_WORDS];
        bool seccomp_may_disable;       /* default false */
        char bridges[SB_POLICY_MAX_BRIDGES][SB_NET_IFNAMSIZ];
        size_t n_bridges;               /* default none */
        struct sb_net_addr ranges[SB_POLICY_MAX_RANGES];
        size_t n_ranges;                /* default none */
        bool veth_point_to_point;       /* default false */
        bool veth_host_names;           /* default false */
        bool cgroup_allowed;            /* default false */
        char *cgroup_parent;            /* NULL: any */
        uint64_t max_memory;            /* bytes; 0: no maximum */
        uint64_t max_pids;              /* 0: no maximum */
        uint32_t max_millicpus;         /* 0: no maximum */
        /* On the profile's scale (cgroup v2 weights, 1..10000); default
         * 100, the kernel's default weight (1024 cpu.shares on v1). */
        uint32_t max_cpu_weight;
        uint32_t max_io_weight;
};

/* The default weight of the kernel (cpu.weight, io.weight): the most a
 * setuid user gets unless the policy says more. */
#define SB_POLICY_DEFAULT_WEIGHT 100

/* The defaults: user profiles, no capability kept, seccomp required, no
 * veth, no cgroup. (A user namespace is always required.) */
void sb_policy_init(struct sb_policy *p, const char *path);
void sb_policy_free(struct sb_policy *p);

/* Read p->path: absent means the defaults; present, it must be a regular
 * file owned by root in a directory owned by root, neither writable by
 * group or others, else the launch is refused. Every problem goes to diags
 * as "PATH:LINE: KEY: reason". Returns 0 or a negative errno. */
int sb_policy_load(struct sb_policy *p, struct sb_diags *diags);
/* The same from text (tests). */
int sb_policy_load_string(struct sb_policy *p, const char *text,
                          struct sb_diags *diags);

/* A profile without cgroup.parent gets the policy's (pure). */
void sb_policy_fill(const struct sb_policy *p, struct sb_config *cfg);

/* The smallest MTU a setuid user may give a veth link: IPv6's minimum. */
#define SB_POLICY_MIN_MTU 1280

/* May the real user `ruid` run cfg through a setuid launcher? Pure.
 * Returns 0, or -EPERM with a message naming the policy key
 * ("policy /etc/sandbox/sandbox.conf: veth.bridges does not allow
 * 'br1'"). */
int sb_policy_check(const struct sb_config *cfg, const struct sb_policy *p,
                    uid_t ruid, gid_t rgid, struct sb_error *err);

#endif
