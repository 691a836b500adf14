/* What the two files of the config printer share: config-print.c (the
 * top level, environment, rlimits, process, capabilities) and
 * config-print-sections.c (filesystem, devices, seccomp, network, cgroup,
 * desktop). */
#ifndef SB_CONFIG_PRINT_INTERNAL_H
#define SB_CONFIG_PRINT_INTERNAL_H

#include <stdio.h>

#include "config.h"
#include "profile.h"

struct printer {
        FILE *out;
        const struct sb_origins *origins;       /* NULL: no comments */
};

/* End a setting's line: with origins, "  # FILE:LINE" (or "  # default"
 * when no file set `key`), then the newline. */
void print_eol(struct printer *p, const char *key);
void print_string(FILE *out, const char *s);
void print_string_list(FILE *out, char *const *v);

void print_filesystem(struct printer *p, const struct sb_config *cfg);
void print_devices(struct printer *p, const struct sb_config *cfg);
void print_seccomp(struct printer *p, const struct sb_seccomp_config *s);
void print_network(struct printer *p, const struct sb_net_config *n);
void print_cgroup(struct printer *p, const struct sb_cgroup_config *c);
void print_desktop(struct printer *p, const struct sb_config *cfg);

#endif
