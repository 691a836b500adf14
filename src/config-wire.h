/* A strict binary form of a profile's load result (status, diagnostics,
 * struct sb_config), for a setuid launcher: the profile is parsed in a
 * child that dropped to the real user for good, and the privileged parent
 * rebuilds the config from these bytes (docs/PRIVILEGE.md, "Profiles").
 *
 * The decoder trusts nothing: every length, count, enum and flag is
 * bounded, strings are NUL-free and length-limited, no pointer crosses,
 * and the invariants the loader guarantees (mount targets absolute and
 * normalised, interface names valid, addresses well-formed, ...) are
 * checked again. A decoded config says nothing a profile could not say. */
#ifndef SB_CONFIG_WIRE_H
#define SB_CONFIG_WIRE_H

#include <stddef.h>

#include "config.h"
#include "error.h"
#include "profile.h"

/* The most bytes a message may have; the reader stops there. */
#define SB_WIRE_MAX (16u << 20)
/* Diagnostics: at most this many lines of at most this many bytes. */
#define SB_WIRE_MAX_DIAGS 256
#define SB_WIRE_MAX_DIAG_LEN 4096

/* Encode: the loader's status (0 or a negative errno), its diagnostics,
 * and the config when status is 0 (cfg may be NULL otherwise). *ret is
 * malloc'ed. Returns 0, or -E2BIG when something exceeds a bound (the
 * loader's own limits keep a real profile far below them). */
int sb_wire_encode(int status, const struct sb_diags *diags,
                   const struct sb_config *cfg, char **ret, size_t *ret_len);

/* Decode what sb_wire_encode made. On success: *ret_status, diags filled
 * (appended), and cfg (which must come from sb_config_init) holds the
 * config when *ret_status is 0. On failure: -EBADMSG with err naming the
 * field, and cfg back to the defaults. */
int sb_wire_decode(const void *buf, size_t len, int *ret_status,
                   struct sb_diags *diags, struct sb_config *cfg,
                   struct sb_error *err);

#endif
