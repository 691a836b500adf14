/* sb_config_print: the config as a profile. The output is meant to be
 * read by people (`sandbox profile show`) and by the loader again: the
 * fuzzer loads what it prints and checks that printing that gives the same
 * text, so every choice below is one the loader reads back unchanged. */
#include "config-print.h"

#include <inttypes.h>
#include <stdlib.h>

#include "config-print-internal.h"

#include "caps.h"
#include "rlimit.h"
#include "util.h"

/* A libconfig string literal. Control bytes become \xNN, so that the
 * output has one setting per line (the loader's @include and integer
 * checks work line by line); bytes from 0x80 up pass as they are, as
 * libconfig reads them. */
void print_string(FILE *out, const char *s)
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

void print_string_list(FILE *out, char *const *v)
{
        fputc('[', out);
        for (size_t i = 0; v && v[i]; i++) {
                fputs(i ? ", " : " ", out);
                print_string(out, v[i]);
        }
        fputs(" ]", out);
}

void print_eol(struct printer *p, const char *key)
{
        if (p->origins) {
                const char *where = sb_origins_get(p->origins, key);
                fprintf(p->out, "  # %s", where ? where : "default");
        }
        fputc('\n', p->out);
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

static void print_namespaces(struct printer *p, unsigned bits)
{
        FILE *out = p->out;
        fputs("namespaces = [", out);
        const char *sep = " ";
        for (size_t i = 0; i < ARRAY_SIZE(ns_names); i++) {
                if (bits & ns_names[i].bit) {
                        fprintf(out, "%s\"%s\"", sep, ns_names[i].name);
                        sep = ", ";
                }
        }
        fputs(" ];", out);
        print_eol(p, "namespaces");
}

static void print_environment(struct printer *p,
                              const struct sb_environment *env)
{
        FILE *out = p->out;
        fprintf(out, "environment = {\n  clear = %s;",
                env->clear ? "true" : "false");
        print_eol(p, "environment.clear");
        fputs("  keep = ", out);
        print_string_list(out, env->keep);
        fputc(';', out);
        print_eol(p, "environment.keep");
        fputs("  set = {", out);
        for (size_t i = 0; i < env->n_set; i++) {
                /* Names were libconfig names when they were read. */
                fprintf(out, "\n    %s = ", env->set[i].name);
                print_string(out, env->set[i].value);
                fputc(';', out);
                if (p->origins) {
                        char *key = xasprintf("environment.set.%s",
                                              env->set[i].name);
                        const char *where = sb_origins_get(p->origins, key);
                        fprintf(out, "  # %s", where ? where : "default");
                        free(key);
                }
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

static void print_rlimits(struct printer *p, const struct sb_rlimit *limits)
{
        FILE *out = p->out;
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
                if (p->origins) {
                        char *key = xasprintf("rlimits.%s", name);
                        const char *where = sb_origins_get(p->origins, key);
                        fprintf(out, "  # %s", where ? where : "default");
                        free(key);
                }
                any = true;
        }
        fputs(any ? "\n};\n" : " };\n", out);
}

static void print_process(struct printer *pr, const struct sb_process *p)
{
        FILE *out = pr->out;
        fputs("process = {\n", out);
        /* Numbers, not names: they load back to the same ids whatever the
         * passwd database says. group is explicit because a user number
         * without a passwd entry would otherwise get gid = uid. */
        /* As quoted decimal strings: ids reach 2^32 - 2, and an integer
         * literal above 2^31 would need libconfig's L suffix. */
        if (p->id.user_set) {
                fprintf(out, "  user = \"%u\";", (unsigned)p->id.uid);
                print_eol(pr, "process.user");
                fprintf(out, "  group = \"%u\";", (unsigned)p->id.gid);
                print_eol(pr, "process.group");
        }
        if (p->id.host_user_set) {
                fprintf(out, "  host_user = \"%u\";  # host gid %u",
                        (unsigned)p->id.host_uid, (unsigned)p->id.host_gid);
                print_eol(pr, "process.host_user");
        }
        if (p->cwd) {
                fputs("  cwd = ", out);
                print_string(out, p->cwd);
                fputc(';', out);
                print_eol(pr, "process.cwd");
        }
        fprintf(out, "  umask = \"%03o\";", (unsigned)p->umask);
        print_eol(pr, "process.umask");
        fprintf(out, "  new_session = %s;", p->new_session ? "true" : "false");
        print_eol(pr, "process.new_session");
        fprintf(out, "  die_with_parent = %s;",
                p->die_with_parent ? "true" : "false");
        print_eol(pr, "process.die_with_parent");
        fputs("};\n", out);
}

static void print_caps(struct printer *p, const uint64_t keep[SB_CAP_WORDS])
{
        FILE *out = p->out;
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
        fputs(" ]; };", out);
        print_eol(p, "capabilities.keep");
}

static void print_config(struct printer *p, const struct sb_config *cfg)
{
        FILE *out = p->out;
        if (cfg->source)
                fprintf(out, "# from %s\n", cfg->source);
        if (p->origins && p->origins->n_files) {
                fputs("# files applied, in order:", out);
                for (size_t i = 0; i < p->origins->n_files; i++)
                        fprintf(out, "\n#   %s", p->origins->files[i]);
                fputc('\n', out);
        }
        if (cfg->description) {
                fputs("description = ", out);
                print_string(out, cfg->description);
                fputc(';', out);
                print_eol(p, "description");
        }
        print_namespaces(p, cfg->namespaces);
        /* Without the uts namespace the loader refuses a hostname, and the
         * config then holds the unused default. */
        if (cfg->namespaces & SB_NS_UTS) {
                fputs("hostname = ", out);
                print_string(out, cfg->hostname ? cfg->hostname : "");
                fputc(';', out);
                print_eol(p, "hostname");
        }
        print_environment(p, &cfg->env);
        print_rlimits(p, cfg->rlimits);
        print_process(p, &cfg->process);
        print_caps(p, cfg->caps_keep);
        print_filesystem(p, cfg);
        print_devices(p, cfg);
        print_seccomp(p, &cfg->seccomp);
        print_network(p, &cfg->net);
        print_cgroup(p, &cfg->cgroup);
        print_desktop(p, cfg);
        fprintf(out, "joinable = %s;", cfg->joinable ? "true" : "false");
        print_eol(p, "joinable");
}

void sb_config_print(const struct sb_config *cfg, FILE *out)
{
        struct printer p = { out, NULL };
        print_config(&p, cfg);
}

void sb_config_print_traced(const struct sb_config *cfg,
                            const struct sb_origins *origins, FILE *out)
{
        struct printer p = { out, origins };
        print_config(&p, cfg);
}
