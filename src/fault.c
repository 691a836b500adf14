/* Test-only stop points on the launch path. */
#include "fault.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build-config.h"

const char *const fault_points[] = {
        "cgroup",        /* launcher: cgroup made, nothing cloned yet */
        "clone",         /* launcher: init exists, no id map yet */
        "idmap",         /* launcher: id maps written */
        "attach",        /* launcher: init in its cgroup */
        "net-host",      /* launcher: host side of the network made */
        "go",            /* launcher: init told to go on */
        "init-mounts",   /* init: filesystem view built */
        "init-net",      /* init: network inside set up */
        "init-fork",     /* init: about to fork the target */
        "target-exec",   /* target: everything applied, about to exec */
        "exec-state",    /* sandbox exec: the state directory opened, the
                            profile copy not read yet */
        NULL,
};

static const char *stop_at;

void fault_init(void)
{
#if !SB_SETUID_BUILD
        /* A setuid build never lets its caller steer it. */
        stop_at = getenv("SANDBOX_TEST_STOP_AT");
#endif
}

void fault_point(const char *name)
{
        if (!stop_at || strcmp(stop_at, name) != 0)
                return;
        /* The test waits for this line to know the point was reached. */
        char line[128];
        int n = snprintf(line, sizeof(line), "sandbox: test stop point '%s'\n",
                         name);
        if (n > 0 && write(STDERR_FILENO, line, (size_t)n) < 0)
                return;
        /* A pid namespace's init ignores SIGSTOP from inside, so it waits
         * here instead (every signal is blocked; SIGKILL still ends it).
         * Elsewhere SIGSTOP, which cannot be blocked. */
        if (getpid() == 1)
                for (;;)
                        pause();
        kill(getpid(), SIGSTOP);
}
