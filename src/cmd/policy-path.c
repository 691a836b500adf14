/* The system policy's path, fixed at build time (meson option
 * policy_path). A file of its own so that the test copy of the launcher
 * (tests/integration/t-setuid.sh) can be built with another one: a setuid
 * launcher never takes this path from its caller. */
#ifndef SB_POLICY_PATH
#error "SB_POLICY_PATH must be set by the build"
#endif
const char sb_policy_path[] = SB_POLICY_PATH;
