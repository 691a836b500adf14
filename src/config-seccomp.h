/* The part of struct sb_config that describes the seccomp filter: the seccomp key.
 * Plain data filled by the profile loader; see sandbox.profile(5). */
#ifndef SB_CONFIG_SECCOMP_H
#define SB_CONFIG_SECCOMP_H

#include <stdbool.h>
#include <stddef.h>

/* What a refused system call gets. */
enum sb_seccomp_action {
        SB_SECCOMP_ERRNO,       /* fails with errno_value */
        SB_SECCOMP_KILL,        /* the whole process is killed (SIGSYS) */
        SB_SECCOMP_TRAP,        /* SIGSYS is sent to the thread */
        SB_SECCOMP_LOG,         /* runs, and the kernel logs it */
        SB_SECCOMP_ACTION_MAX,
        SB_SECCOMP_ACTION_INVALID = -1,
};

struct sb_seccomp_config {
        bool enabled;           /* false: no filter at all */
        bool allow_list;        /* default = "deny": only `allow` passes */
        enum sb_seccomp_action action;
        int errno_value;        /* for SB_SECCOMP_ERRNO, 1..4095 */
        bool foreign_abis;      /* filter the other ABIs instead of killing */
        /* System call names and "@group"s as written, NULL-terminated; a
         * leading '?' marks a name that may be unknown (skipped). */
        char **deny;
        char **allow;
};

/* The documented defaults. */
void sb_seccomp_config_init(struct sb_seccomp_config *c);
/* Release what the loader allocated; the struct may be half-filled. */
void sb_seccomp_config_free(struct sb_seccomp_config *c);

#endif
