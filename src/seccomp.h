/* The seccomp filter, through libseccomp only: built from the config in the
 * launcher (pure computation, before anything is started) and loaded by
 * the target as the very last step before execve. */
#ifndef SB_SECCOMP_H
#define SB_SECCOMP_H

#include "config.h"
#include "error.h"

struct seccomp_program;

/* Build the filter the config describes. *ret is NULL when the config
 * turns seccomp off. Nothing is loaded. */
int seccomp_prepare(const struct sb_config *cfg, struct seccomp_program **ret,
                    struct sb_error *err);
/* Load it into the calling process (no_new_privs must be set). NULL is a
 * no-op. */
int seccomp_load(const struct seccomp_program *p, struct sb_error *err);
void seccomp_program_free(struct seccomp_program *p);

#endif
