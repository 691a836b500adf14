/* Fault injection for tests: SANDBOX_TEST_STOP_AT=NAME makes the process
 * that reaches the named point of the launch stop itself (SIGSTOP), so a
 * test can kill the launcher at exactly that moment and check that nothing
 * is left on the host. Compiled out of setuid builds; otherwise inert
 * unless the variable is set. */
#ifndef SB_FAULT_H
#define SB_FAULT_H

/* Read the variable once, in the launcher, before anything starts. */
void fault_init(void);
/* Stop here if NAME is the requested point. */
void fault_point(const char *name);
/* Every point, in launch order, NULL-terminated (for tests and docs). */
extern const char *const fault_points[];

#endif
