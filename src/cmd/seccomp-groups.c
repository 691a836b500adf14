/* `sandbox seccomp groups`: every named group of system calls that a
 * profile may put in seccomp.deny or seccomp.allow, with its members, in
 * the layout of `systemd-analyze syscall-filter`: the group, a comment
 * line, then one member per line, so that scripts can read it too. A
 * member that covers only some calls says which in parentheses. */
#include "cmd-seccomp.h"

#include <string.h>

#include "seccomp-groups.h"
#include "verbs.h"

int cmd_seccomp_groups(FILE *out)
{
        for (const struct seccomp_group *g = seccomp_groups; g->name; g++) {
                fprintf(out, "%s%s\n    # %s\n", g == seccomp_groups ? "" : "\n",
                        g->name, g->description);
                for (const struct seccomp_member *m = g->members; m->name;
                     m++) {
                        const char *note = seccomp_args_describe(m->args);
                        if (strcmp(m->name, SECCOMP_ENOSYS_CALL) == 0)
                                note = "refused with ENOSYS whatever the "
                                       "action, so that the C library falls "
                                       "back to clone";
                        if (note)
                                fprintf(out, "    %s (%s)\n", m->name, note);
                        else
                                fprintf(out, "    %s\n", m->name);
                }
        }
        return fflush(out) == 0 && !ferror(out) ? 0 : 1;
}

int cmd_seccomp(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        if (argc < 2)
                return cmd_usage_error("seccomp", "needs a subcommand (groups)");
        if (strcmp(argv[1], "groups") != 0)
                return cmd_usage_error("seccomp", "unknown subcommand '%s'",
                                       argv[1]);
        if (argc > 2)
                return cmd_usage_error("seccomp", "'groups' takes no argument "
                                       "'%s'", argv[2]);
        return cmd_seccomp_groups(stdout);
}
