/* The system policy's path, fixed at build time (meson option
 * policy_path). A file of its own so that the test copy of the launcher
 * (tests/integration/t-setuid.sh) can be built with another one: a setuid
 * launcher never takes this path from its caller. */
#include "build-config.h"

#ifndef SB_POLICY_PATH
/* meson always sets it (src/cmd/meson.build); this is for analysers that
 * compile the file alone. */
#define SB_POLICY_PATH "/etc/sandbox/sandbox.conf"
#endif
const char sb_policy_path[] = SB_POLICY_PATH;

/* The system's own profiles (sysconfdir_profiles), which a setuid launcher
 * whose policy says user_profiles = false reads by name only. The test
 * copy of the launcher has a directory of its own here too. */
#ifdef SB_SYSCONF_PROFILEDIR_TEST
const char sb_sysconf_profiledir[] = SB_SYSCONF_PROFILEDIR_TEST;
#else
const char sb_sysconf_profiledir[] = SB_SYSCONF_PROFILEDIR;
#endif
