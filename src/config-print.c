/* sb_config_print: the config as a profile. The output is meant to be
 * read by people (`sandbox profile show`) and by the loader again: the
 * fuzzer loads what it prints and checks that printing that gives the same
 * text, so every choice below is one the loader reads back unchanged. */
#include "config-print.h"

#include <inttypes.h>

#include "caps.h"
#include "rlimit.h"
#include "util.h"

/* A libconfig string literal. Control bytes become \xNN, so that the
 * output has one setting per line (the loader's @include and integer
 * checks work line by line); bytes from 0x80 up pass as they are, as
 * libconfig reads them. */
static void print_string(FILE *out, const char *s)
{
        fputc('"', out);
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
                switch (*p) {
                case '"':
                        fputs("\\\"", out);
                        break;
                case '\\':
                        fputs("\\\\", out);
                        break;
                case '\n':
                        fputs("\\n", out);
                        break;
                case '\t':
                        fputs("\\t", out);
                        break;
                default:
                        if (*p < 0x20 || *p == 0x7f)
                                fprintf(out, "\\x%02x", *p);
                        else
                                fputc(*p, out);
                }
        }
        fputc('"', out);
}

static void print_string_list(FILE *out, char *const *v)
{
        fputc('[', out);
        for (size_t i = 0; v && v[i]; i++) {
                fputs(i ? ", " : " ", out);
                print_string(out, v[i]);
        }
        fputs(" ]", out);
}

static const struct {
        const char *name;
        unsigned bit;
} ns_names[] = {
        { "user", SB_NS_USER },     { "mount", SB_NS_MOUNT },
        { "pid", SB_NS_PID },       { "uts", SB_NS_UTS },
        { "ipc", SB_NS_IPC },       { "net", SB_NS_NET },
        { "cgroup", SB_NS_CGROUP }, { "time", SB_NS_TIME },
};

static void print_namespaces(FILE *out, unsigned bits)
{
        fputs("namespaces = [", out);
        const char *sep = " ";
        for (size_t i = 0; i < ARRAY_SIZE(ns_names); i++) {
                if (bits & ns_names[i].bit) {
                        fprintf(out, "%s\"%s\"", sep, ns_names[i].name);
                        sep = ", ";
                }
        }
        fputs(" ];\n", out);
}

static void print_environment(FILE *out, const struct sb_environment *env)
{
        fprintf(out, "environment = {\n  clear = %s;\n  keep = ",
                env->clear ? "true" : "false");
        print_string_list(out, env->keep);
        fputs(";\n  set = {", out);
        for (size_t i = 0; i < env->n_set; i++) {
                /* Names were libconfig names when they were read. */
                fprintf(out, "\n    %s = ", env->set[i].name);
                print_string(out, env->set[i].value);
                fputc(';', out);
        }
        fputs(env->n_set ? "\n  };\n};\n" : " };\n};\n", out);
}

/* Limits as decimal strings: an integer literal above 2^31 would need
 * the L suffix, and a string is read the same for every limit. */
static void print_rlim(FILE *out, rlim_t v)
{
        if (v == RLIM_INFINITY)
                fputs("\"unlimited\"", out);
        else
                fprintf(out, "\"%" PRIu64 "\"", (uint64_t)v);
}

static void print_rlimits(FILE *out, const struct sb_rlimit *limits)
{
        fputs("rlimits = {", out);
        bool any = false;
        for (int i = 0; i < SB_RLIMIT_COUNT; i++) {
                const char *name = rlimit_name(i);
                if (!limits[i].set || !name)
                        continue;
                fprintf(out, "\n  %s = [ ", name);
                print_rlim(out, limits[i].soft);
                fputs(", ", out);
                print_rlim(out, limits[i].hard);
                fputs(" ];", out);
                any = true;
        }
        fputs(any ? "\n};\n" : " };\n", out);
}

static void print_process(FILE *out, const struct sb_process *p)
{
        fputs("process = {\n", out);
        /* Numbers, not names: they load back to the same ids whatever the
         * passwd database says. group is explicit because a user number
         * without a passwd entry would otherwise get gid = uid. */
        /* As quoted decimal strings: ids reach 2^32 - 2, and an integer
         * literal above 2^31 would need libconfig's L suffix. */
        if (p->id.user_set)
                fprintf(out, "  user = \"%u\";\n  group = \"%u\";\n",
                        (unsigned)p->id.uid, (unsigned)p->id.gid);
        if (p->id.host_user_set)
                fprintf(out, "  host_user = \"%u\";  # host gid %u\n",
                        (unsigned)p->id.host_uid, (unsigned)p->id.host_gid);
        if (p->cwd) {
                fputs("  cwd = ", out);
                print_string(out, p->cwd);
                fputs(";\n", out);
        }
        fprintf(out,
                "  umask = \"%03o\";\n  new_session = %s;\n"
                "  die_with_parent = %s;\n};\n",
                (unsigned)p->umask, p->new_session ? "true" : "false",
                p->die_with_parent ? "true" : "false");
}

static void print_caps(FILE *out, const uint64_t keep[SB_CAP_WORDS])
{
        fputs("capabilities = { keep = [", out);
        const char *sep = " ";
        for (unsigned cap = 0; cap < 64 * SB_CAP_WORDS; cap++) {
                if (!sb_caps_has(keep, cap))
                        continue;
                const char *name = caps_name(cap);
                if (name)
                        fprintf(out, "%s\"%s\"", sep, name);
                else /* unreachable: the loader takes names only */
                        fprintf(out, "%s/* capability %u */", sep, cap);
                sep = ", ";
        }
        fputs(" ]; };\n", out);
}

/* Every key explicit. A list that was never set prints as empty: the
 * filter treats both alike (nothing added to, or taken from, the built-in
 * list). Entries keep their '?' and '@' as written. */
static void print_seccomp(FILE *out, const struct sb_seccomp_config *c)
{
        static const char *const actions[SB_SECCOMP_ACTION_MAX] = {
                [SB_SECCOMP_ERRNO] = "errno",
                [SB_SECCOMP_KILL] = "kill",
                [SB_SECCOMP_TRAP] = "trap",
                [SB_SECCOMP_LOG] = "log",
        };
        const char *action = c->action >= 0 && c->action < SB_SECCOMP_ACTION_MAX
                                     ? actions[c->action]
                                     : "kill";
        fprintf(out,
                "seccomp = {\n  enabled = %s;\n  default = \"%s\";\n"
                "  action = \"%s\";\n  errno = %d;\n  foreign_abis = %s;\n"
                "  deny = ",
                c->enabled ? "true" : "false",
                c->allow_list ? "deny" : "allow", action, c->errno_value,
                c->foreign_abis ? "true" : "false");
        print_string_list(out, c->deny);
        fputs(";\n  allow = ", out);
        print_string_list(out, c->allow);
        fputs(";\n};\n", out);
}

void sb_config_print(const struct sb_config *cfg, FILE *out)
{
        if (cfg->source)
                fprintf(out, "# from %s\n", cfg->source);
        if (cfg->description) {
                fputs("description = ", out);
                print_string(out, cfg->description);
                fputs(";\n", out);
        }
        print_namespaces(out, cfg->namespaces);
        /* Without the uts namespace the loader refuses a hostname, and the
         * config then holds the unused default. */
        if (cfg->namespaces & SB_NS_UTS) {
                fputs("hostname = ", out);
                print_string(out, cfg->hostname ? cfg->hostname : "");
                fputs(";\n", out);
        }
        print_environment(out, &cfg->env);
        print_rlimits(out, cfg->rlimits);
        print_process(out, &cfg->process);
        print_caps(out, cfg->caps_keep);
        print_seccomp(out, &cfg->seccomp);
        fprintf(out, "joinable = %s;\n", cfg->joinable ? "true" : "false");
        /* TODO(filesystem, network, cgroup): each feature prints
         * its part of the config here when it lands. */
}
