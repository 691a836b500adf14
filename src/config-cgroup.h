/* The part of struct sb_config that describes cgroup limits: the cgroup key.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_CGROUP_H
#define SB_CONFIG_CGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The access bits of a device rule, as cgroup v1 spells them. */
enum sb_cgroup_dev_access {
        SB_CG_DEV_READ = 1u << 0,       /* r */
        SB_CG_DEV_WRITE = 1u << 1,      /* w */
        SB_CG_DEV_MKNOD = 1u << 2,      /* m */
};

#define SB_CG_DEV_ANY (-1)              /* "*" as a major or minor number */

/* One allow rule: "c 1:3 rwm", "b *:* m", "a *:* rwm". */
struct sb_cgroup_device {
        char type;                      /* 'c', 'b' or 'a' (both) */
        int64_t major;                  /* SB_CG_DEV_ANY or 0..2^32-1 */
        int64_t minor;
        unsigned access;                /* enum sb_cgroup_dev_access bits */
};

#define SB_CG_UNLIMITED UINT64_MAX

struct sb_cgroup_config {
        bool set;                       /* the profile has a cgroup key */
        uint64_t memory;                /* bytes; 0: no limit */
        bool memory_swap_set;
        uint64_t memory_swap;           /* bytes of swap on top of memory, or
                                           SB_CG_UNLIMITED; default 0 */
        uint64_t pids;                  /* 0: no limit */
        uint32_t millicpus;             /* cpus x 1000; 0: no limit */
        uint32_t cpu_weight;            /* 1..10000; 0: the kernel default */
        uint32_t io_weight;             /* 1..10000; 0: the kernel default */
        bool devices_set;               /* allow only the rules below */
        struct sb_cgroup_device *devices;
        size_t n_devices;
        char *parent;                   /* relative to the launcher's cgroup;
                                           NULL: the launcher's cgroup */
};

/* The documented defaults. */
void sb_cgroup_config_init(struct sb_cgroup_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_cgroup_config_free(struct sb_cgroup_config *c);
/* Does the config ask for anything that needs a cgroup? */
bool sb_cgroup_config_wanted(const struct sb_cgroup_config *c);

/* Parse a device rule "TYPE MAJOR:MINOR ACCESS" strictly. Returns 0, or
 * -EINVAL with *ret_reason saying what is wrong (a static string). */
int sb_cgroup_device_parse(const char *s, struct sb_cgroup_device *ret,
                           const char **ret_reason);
/* The rule in the syntax of cgroup v1's devices.allow, into buf. */
void sb_cgroup_device_format(const struct sb_cgroup_device *d, char *buf,
                             size_t size);

#endif
