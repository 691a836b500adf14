/* The verb table. Add a verb here, with its cmd_* function declared in
 * the header of the file that implements it. */
#include "verbs.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd-desktop.h"
#include "cmd-seccomp.h"
#include "checkpoint.h"
#include "doctor.h"
#include "exec.h"
#include "named.h"
#include "profile-verb.h"
#include "sandbox.h"

const struct cmd_verb cmd_verbs[] = {
        { "list", "[--json]", "list the running sandboxes", cmd_list },
        { "ps", "NAME", "list the processes in a sandbox", cmd_ps },
        { "stats", "NAME [--json] [--watch]",
          "show a sandbox's cpu, memory, pids, io and network use",
          cmd_stats },
        { "pause", "NAME", "freeze every process in a sandbox", cmd_pause },
        { "resume", "NAME", "thaw a paused sandbox", cmd_resume },
        { "kill", "NAME [SIGNAL] [--timeout=SECONDS]",
          "signal a sandbox, then kill it after a grace period", cmd_kill },
        { "exec", "NAME [-- COMMAND [ARG...]]",
          "run another process in a running named sandbox", cmd_exec },
        { "checkpoint", "NAME --image-path=DIR [--leave-running]",
          "save a running named sandbox with CRIU", cmd_checkpoint },
        { "restore", "--image-path=DIR [--name=NAME]",
          "start a sandbox again from a checkpoint", cmd_restore },
        { "profile", "check FILE|NAME... | show FILE|NAME | list",
          "validate, resolve (with origins) or list profiles", cmd_profile },
        { "desktop", "install [--profile=P] APP | uninstall APP | list",
          "wrap an application's .desktop entry in its profile",
          cmd_desktop },
        { "doctor", "", "the privilege mode and what this host allows",
          cmd_doctor },
        { "seccomp", "groups", "list the named groups of system calls",
          cmd_seccomp },
        { NULL, NULL, NULL, NULL },
};

const struct cmd_verb *cmd_verb_find(const char *name)
{
        for (const struct cmd_verb *v = cmd_verbs; v->name; v++)
                if (strcmp(v->name, name) == 0)
                        return v;
        return NULL;
}

int cmd_usage_error(const char *verb, const char *fmt, ...)
{
        va_list ap;
        fprintf(stderr, "sandbox: %s: ", verb);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fprintf(stderr, "\nTry 'sandbox --help'.\n");
        return SB_EXIT_USAGE;
}
