/* The seccomp filter, through libseccomp only: built from the config in the
 * launcher (pure computation, before anything is started) and loaded by
 * the target as the very last step before execve. */
#ifndef SB_SECCOMP_H
#define SB_SECCOMP_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "error.h"

struct seccomp_program;

/* Build the filter the config describes. *ret is NULL when the config
 * turns seccomp off. Nothing is loaded. */
int seccomp_prepare(const struct sb_config *cfg, struct seccomp_program **ret,
                    struct sb_error *err);
/* Load it into the calling process (no_new_privs must be set). NULL is a
 * no-op. (Not "seccomp_load": libseccomp exports that name.) */
int seccomp_program_load(const struct seccomp_program *p, struct sb_error *err);
void seccomp_program_free(struct seccomp_program *p);

/* Build the filter with libseccomp, whatever the build-time table holds
 * (seccomp_prepare looks there first). For seccomp-gen and the tests. */
int seccomp_compile(const struct sb_seccomp_config *c,
                    struct seccomp_program **ret, struct sb_error *err);
/* Everything in c that the filter depends on, as one string: the key of
 * the build-time table. Newly allocated. */
char *seccomp_config_key(const struct sb_seccomp_config *c);
/* libseccomp's token for the native architecture (AUDIT_ARCH_*). */
uint32_t seccomp_native_arch(void);
/* Whether p came from the build-time table. */
bool seccomp_program_embedded(const struct seccomp_program *p);

/* The BPF programs that seccomp_program_load installs, in order (one or two), for
 * tests and for showing the filter. */
size_t seccomp_program_count(const struct seccomp_program *p);
const struct sock_filter *seccomp_program_filter(const struct seccomp_program *p,
                                                 size_t i, size_t *ret_len);

/* Whether name is a system call this build can filter on some
 * architecture ("mount", "vm86"); the profile loader refuses others. */
bool seccomp_syscall_known(const char *name);
/* The name of native system call nr, newly allocated, or NULL. */
char *seccomp_syscall_name(int nr);

#endif
