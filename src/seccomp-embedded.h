/* Seccomp filters compiled to BPF at build time by seccomp-gen (the
 * default profile's, so that most launches skip libseccomp), keyed by
 * seccomp_config_key. The table is generated; seccomp-embedded-none.c is
 * the empty one used by seccomp-gen itself and by cross builds. */
#ifndef SB_SECCOMP_EMBEDDED_H
#define SB_SECCOMP_EMBEDDED_H

#include <linux/filter.h>
#include <stddef.h>
#include <stdint.h>

/* At most two programs: the allow-list mode needs a second, default-allow
 * one for argument rules on allowed calls (see seccomp.c). */
#define SECCOMP_MAX_PROGRAMS 2

struct seccomp_embedded {
        const char *key;        /* seccomp_config_key; NULL ends the table */
        uint32_t arch;          /* the native architecture it was made for */
        size_t n;
        const struct sock_filter *insns[SECCOMP_MAX_PROGRAMS];
        size_t len[SECCOMP_MAX_PROGRAMS];
};

extern const struct seccomp_embedded seccomp_embedded[];

#endif
