/* The sandbox's init: PID 1 of its pid namespace (or a subreaper without
 * one). It reaps every zombie, forwards every catchable signal to the
 * target and exits with the target's status. */
#ifndef SB_INIT_H
#define SB_INIT_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

/* Decode a wait status the way shells do: the exit code, or 128+N. */
int init_exit_code(int wait_status);

/* Should a signal that arrived with this si_code be passed on? A signal
 * the terminal generated (SI_KERNEL) already reached the target directly
 * when it shares the terminal's process group, i.e. without new_session. */
bool init_should_forward(int sig, int si_code, bool target_shares_tty);

/* Runs until the target ends; never returns. Every signal must already be
 * blocked in the calling process. Without a pid namespace (kill_leftovers)
 * nothing ends the target's descendants for us, so init, their subreaper,
 * kills them before it leaves. */
__attribute__((noreturn)) void init_run(pid_t target, bool target_shares_tty,
                                        bool kill_leftovers);

#endif
