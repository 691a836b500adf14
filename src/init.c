/* PID 1 of the sandbox. All signals stay blocked and are taken with
 * sigwaitinfo(2): a blocked signal is queued even for a pid-namespace init
 * (which the kernel otherwise shields from signals it has no handler for),
 * and there is no handler code to get wrong. */
#include "init.h"

#include "sandbox.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int init_exit_code(int wait_status)
{
        if (WIFEXITED(wait_status))
                return WEXITSTATUS(wait_status);
        if (WIFSIGNALED(wait_status))
                return 128 + WTERMSIG(wait_status);
        return 255;
}

bool init_should_forward(int sig, int si_code, bool target_shares_tty)
{
        if (sig == SIGCHLD || sig == SIGKILL || sig == SIGSTOP)
                return false;
        return !(target_shares_tty && si_code == SI_KERNEL);
}

/* SIGKILL every child until none is left. As the subreaper we inherit the
 * orphans of each one we kill, so repeating until waitpid reports ECHILD
 * reaches every descendant, however deep. */
static void kill_descendants(void)
{
        char path[64];
        snprintf(path, sizeof(path), "/proc/self/task/%d/children",
                 (int)getpid());
        for (;;) {
                FILE *f = fopen(path, "re");
                int n = 0;
                char *tok = NULL;
                size_t cap = 0;
                /* "PID PID ... ": one space after each. */
                while (f && getdelim(&tok, &cap, ' ', f) > 0) {
                        char *end;
                        long pid = strtol(tok, &end, 10);
                        if (end == tok || pid <= 0)
                                continue;
                        kill((pid_t)pid, SIGKILL);
                        n++;
                }
                free(tok);
                if (f)
                        fclose(f);
                /* Reap what died; block only while children remain. */
                pid_t p = waitpid(-1, NULL, n ? 0 : WNOHANG);
                if (p < 0 && errno == ECHILD)
                        return;
                if (!f && p <= 0)
                        return; /* no children list (old kernel): give up */
        }
}

/* Until the next SIGCHLD, pass every other signal that arrives on to pid.
 * Every signal is blocked: sigwaitinfo takes them as they come. */
static void forward_until_sigchld(pid_t pid, bool shares_tty)
{
        sigset_t all;
        sigfillset(&all);
        for (;;) {
                siginfo_t si;
                int sig = sigwaitinfo(&all, &si);
                if (sig == SIGCHLD)
                        return;
                /* sig < 0: EINTR, nothing to do */
                if (sig > 0 && init_should_forward(sig, si.si_code, shares_tty))
                        kill(pid, sig);
        }
}

/* Outside the sandbox (launcher, joiner, restorer): the same forwarding
 * for one child, until it ends. */
int sb_wait_forwarding(pid_t pid, bool shares_tty, int *ret_status)
{
        for (;;) {
                forward_until_sigchld(pid, shares_tty);
                int status;
                pid_t p = waitpid(pid, &status, WNOHANG);
                if (p < 0 && errno != EINTR)
                        return -errno;
                if (p == pid) {
                        *ret_status = init_exit_code(status);
                        return 0;
                }
        }
}

void init_run(pid_t target, bool target_shares_tty, bool kill_leftovers)
{
        for (;;) {
                forward_until_sigchld(target, target_shares_tty);
                /* Reap everything: orphans of the sandbox are ours too. */
                for (;;) {
                        int status;
                        pid_t p = waitpid(-1, &status, WNOHANG);
                        if (p <= 0)
                                break;
                        /* Leaving ends the pid namespace: the kernel kills
                         * whatever the target left behind. */
                        if (p != target)
                                continue;
                        if (kill_leftovers)
                                kill_descendants();
                        _exit(init_exit_code(status));
                }
        }
}
