/* The named groups of system calls a profile may use in seccomp.deny and
 * seccomp.allow (systemd's @group idea), and the built-in deny list. Pure
 * data plus lookups: the filter builder, the profile loader and
 * `sandbox seccomp groups` all read the same table. */
#ifndef SB_SECCOMP_GROUPS_H
#define SB_SECCOMP_GROUPS_H

#include <stdbool.h>

/* Which calls of a system call a member covers. Most members cover every
 * call; a few cover only the calls whose arguments make them dangerous,
 * so that the harmless uses (threads, terminal ioctls) keep working. */
enum seccomp_args {
        SECCOMP_ARGS_ANY,         /* whatever the arguments */
        SECCOMP_ARGS_NEW_NS,      /* clone/unshare with a CLONE_NEW* flag */
        SECCOMP_ARGS_TTY_INJECT,  /* ioctl TIOCSTI or TIOCLINUX */
        SECCOMP_ARGS_PERSONALITY, /* personality beyond the safe values */
        SECCOMP_ARGS_MAX,
        SECCOMP_ARGS_INVALID = -1,
};

struct seccomp_member {
        const char *name;         /* a system call, or "@group" */
        enum seccomp_args args;
};

struct seccomp_group {
        const char *name;         /* "@mount" */
        const char *description;  /* one line, for `sandbox seccomp groups` */
        const struct seccomp_member *members; /* ends with a NULL name */
};

/* The group that holds the built-in deny list. */
#define SECCOMP_DEFAULT_DENY "@default-deny"

/* Every group, ending with a NULL name. */
extern const struct seccomp_group seccomp_groups[];

/* The group called name ("@mount"), or NULL. */
const struct seccomp_group *seccomp_group_find(const char *name);

/* What a member with these arguments covers, for people: NULL for
 * SECCOMP_ARGS_ANY. */
const char *seccomp_args_describe(enum seccomp_args args);

/* The only system call that is refused with ENOSYS whatever the action:
 * clone3 passes its flags in memory that a filter cannot read, so it must
 * look unimplemented for the C library to fall back to clone. */
#define SECCOMP_ENOSYS_CALL "clone3"

/* The number of a system call newer than the libseccomp we build with,
 * on the architectures that share one numbering for calls added since
 * Linux 5.1; -1 if name is not one of them. */
int seccomp_newer_call_number(const char *name);

#endif
