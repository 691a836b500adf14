/* Command-line parsing with GNU long options. Option parsing stops at the
 * first operand, so "sandbox ls -l" needs no "--". A first operand that
 * names a verb (verbs.c) is that verb, never a program: a program of that
 * name runs with "sandbox -- seccomp" or by its path. The verb parses the
 * rest itself. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <string.h>

#include "state.h"
#include "verbs.h"

void cli_usage(FILE *out)
{
        fputs("Usage: sandbox [OPTIONS] [--] COMMAND [ARG...]\n", out);
        for (const struct cmd_verb *v = cmd_verbs; v->name; v++)
                fprintf(out, "       sandbox [OPTIONS] %s%s%s\n", v->name,
                        *v->usage ? " " : "", v->usage);
        fputs("Run COMMAND in a sandbox described by a profile, or run one of\n"
              "the verbs below. A COMMAND named like a verb needs '--' or a\n"
              "path.\n"
              "\n"
              "  -p, --profile=NAME|PATH  the profile to use; a value with a '/' is a\n"
              "                           file, anything else a name looked up in\n"
              "                           ~/.config/sandbox, /etc/sandbox and the\n"
              "                           installed profiles (default: the command's\n"
              "                           name if such a profile exists, else 'default')\n"
              "  -n, --name=NAME          name the sandbox, for the verbs below (letters,\n"
              "                           digits, '_', '.', '-'; unique among the\n"
              "                           caller's sandboxes)\n"
              "  -v, --verbose            report each setup step on stderr\n"
              "  -q, --quiet              report only errors\n"
              "  -h, --help               show this help and exit\n"
              "  -V, --version            show the version and exit\n"
              "\n"
              "Verbs:\n",
              out);
        for (const struct cmd_verb *v = cmd_verbs; v->name; v++)
                fprintf(out, "  %-24s %s\n", v->name, v->summary);
        fputs("\n"
              "Exit status: the command's own, 128+N if it died of signal N;\n"
              "123 bad usage, 124 bad or missing profile, 125 sandbox setup failed,\n"
              "126 command cannot be executed, 127 command not found.\n"
              "See sandbox(1) and sandbox.profile(5).\n",
              out);
}

int cli_parse(int argc, char **argv, struct cli_request *req,
              struct sb_error *err)
{
        static const struct option options[] = {
                { "profile", required_argument, NULL, 'p' },
                { "name", required_argument, NULL, 'n' },
                { "verbose", no_argument, NULL, 'v' },
                { "quiet", no_argument, NULL, 'q' },
                { "help", no_argument, NULL, 'h' },
                { "version", no_argument, NULL, 'V' },
                { NULL, 0, NULL, 0 },
        };
        memset(req, 0, sizeof(*req));
        req->verb = VERB_RUN;
        req->log_level = SB_LOG_WARN;

        /* getopt keeps state in globals; reset so tests can call us twice. */
        optind = 0;
        opterr = 0;
        bool dashdash = false;
        for (;;) {
                /* optind is 0 only before the first call, which means 1. */
                int before = optind ? optind : 1;
                int c = getopt_long(argc, argv, "+:p:n:vqhV", options, NULL);
                if (c == -1) {
                        /* getopt stepped over a "--" that ends the options
                         * (not one that was the value of -p). */
                        dashdash = optind == before + 1 &&
                                   strcmp(argv[before], "--") == 0;
                        break;
                }
                switch (c) {
                case 'p':
                        if (!*optarg)
                                return sb_error_set(err, -EINVAL,
                                                    "--profile needs a name "
                                                    "or a path");
                        req->profile = optarg;
                        break;
                case 'n': {
                        int r = sb_state_name_check(optarg, err);
                        if (r < 0)
                                return r;
                        req->name = optarg;
                        break;
                }
                case 'v':
                        req->log_level = SB_LOG_DEBUG;
                        break;
                case 'q':
                        req->log_level = SB_LOG_ERROR;
                        break;
                case 'h':
                        req->verb = VERB_HELP;
                        return 0;
                case 'V':
                        req->verb = VERB_VERSION;
                        return 0;
                case ':':
                        return sb_error_set(err, -EINVAL,
                                            "option '%s' needs a value",
                                            argv[optind - 1]);
                default:
                        /* A short option may sit inside a bundle ("-xv"):
                         * name the letter, not the word. */
                        if (optopt)
                                return sb_error_set(err, -EINVAL,
                                                    "unknown option '-%c'",
                                                    optopt);
                        return sb_error_set(err, -EINVAL,
                                            "unknown option '%s'",
                                            argv[optind - 1]);
                }
        }
        if (optind >= argc)
                return sb_error_set(err, -EINVAL, "no command given");
        const struct cmd_verb *v =
                dashdash ? NULL : cmd_verb_find(argv[optind]);
        if (v && req->name)
                return sb_error_set(err, -EINVAL, "--name names a sandbox "
                                    "to run; '%s' takes the name as an "
                                    "operand", v->name);
        if (v) {
                req->verb = VERB_CMD;
                req->cmd = v;
                req->cmd_argc = argc - optind;
                req->cmd_argv = argv + optind;
                return 0;
        }
        req->command = argv + optind;
        return 0;
}
