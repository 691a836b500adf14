/* `sandbox list [--json]`: the caller's live sandboxes (root: everyone's),
 * named or not. Stale state is removed on the way (state.c). */
#include "named.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "util.h"
#include "verbs.h"

static const char *state_word(const struct sb_state *st)
{
        if (!st->init_pid)
                return "starting";
        return sb_ctl_paused(st) == 1 ? "paused" : "running";
}

static void print_table(struct sb_state **v, size_t n)
{
        printf("%-20s %-10s %8s %-8s %8s  %-24s %s\n", "NAME", "OWNER", "PID",
               "STATE", "UPTIME", "PROFILE", "COMMAND");
        for (size_t i = 0; i < n; i++) {
                const struct sb_state *st = v[i];
                char user[64], up[32];
                named_user(st->owner, user, sizeof(user));
                named_duration(st->init_pid ? sb_ctl_uptime(st) : 0, up,
                               sizeof(up));
                char *cmd = named_command(st->command);
                const char *prof = st->profile ? st->profile : "-";
                const char *slash = strrchr(prof, '/');
                /* A user's state is theirs to write, and root lists it:
                 * no control bytes reach root's terminal. */
                char *const base[] = { (char *)(slash ? slash + 1 : prof),
                                       NULL };
                char *profile = named_command(base);
                printf("%-20s %-10s %8d %-8s %8s  %-24s %s\n", st->name, user,
                       (int)st->init_pid, state_word(st), up, profile, cmd);
                free(profile);
                free(cmd);
        }
}

static void print_json(struct sb_state **v, size_t n)
{
        fputs("[", stdout);
        for (size_t i = 0; i < n; i++) {
                const struct sb_state *st = v[i];
                char user[64];
                printf("%s\n  {\"name\": ", i ? "," : "");
                named_json_string(stdout, st->name);
                printf(", \"owner\": ");
                named_json_string(stdout, named_user(st->owner, user,
                                                     sizeof(user)));
                printf(", \"owner_uid\": %u, \"pid\": %d, "
                       "\"launcher_pid\": %d, \"state\": \"%s\", "
                       "\"uptime\": %.0f, \"created\": %lld, \"profile\": ",
                       (unsigned)st->owner, (int)st->init_pid,
                       (int)st->launcher_pid, state_word(st),
                       st->init_pid ? sb_ctl_uptime(st) : 0,
                       (long long)st->created);
                if (st->profile)
                        named_json_string(stdout, st->profile);
                else
                        fputs("null", stdout);
                fputs(", \"cgroup\": ", stdout);
                if (st->cgroup)
                        named_json_string(stdout, st->cgroup);
                else
                        fputs("null", stdout);
                printf(", \"joinable\": %s, \"command\": [",
                       st->joinable ? "true" : "false");
                for (size_t k = 0; st->command && st->command[k]; k++) {
                        fputs(k ? ", " : "", stdout);
                        named_json_string(stdout, st->command[k]);
                }
                fputs("]}", stdout);
        }
        fputs(n ? "\n]\n" : "]\n", stdout);
}

int cmd_list(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        static const struct option options[] = {
                { "json", no_argument, NULL, 'j' },
                { NULL, 0, NULL, 0 },
        };
        bool json = false;
        optind = 0;
        opterr = 0;
        int c;
        while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
                if (c == 'j')
                        json = true;
                else
                        return cmd_usage_error("list", "unknown option '%s'",
                                               argv[optind - 1]);
        }
        if (optind < argc)
                return cmd_usage_error("list", "takes no operand '%s'",
                                       argv[optind]);
        struct sb_state **v = NULL;
        size_t n = 0;
        struct sb_error err = { 0 };
        if (sb_state_list(&v, &n, &err) < 0) {
                fprintf(stderr, "sandbox: list: %s\n", err.msg);
                return CMD_EXIT_FAILED;
        }
        if (json)
                print_json(v, n);
        else
                print_table(v, n);
        sb_state_list_free(v, n);
        return fflush(stdout) == 0 ? 0 : CMD_EXIT_FAILED;
}
