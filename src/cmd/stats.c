/* `sandbox stats NAME [--json] [--watch]`: cpu, memory, pids and io from
 * the sandbox's cgroup, traffic from its network namespace. --watch
 * redraws once a second on a timerfd (absolute ticks: no drift) until
 * the sandbox ends. */
#include "named.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "ctl.h"
#include "util.h"
#include "verbs.h"

static void limit(uint64_t v, char *buf, size_t size, bool bytes)
{
        if (v == SB_CG_UNLIMITED)
                snprintf(buf, size, "none");
        else if (bytes)
                named_size(v, buf, size);
        else
                snprintf(buf, size, "%" PRIu64, v);
}

static void print_text(const struct sb_state *st,
                       const struct sb_ctl_stats *s, double cpu_pct)
{
        const struct cgroup_stats *c = &s->cg;
        char up[32], a[32], b[32], d[32];
        named_duration(s->uptime, up, sizeof(up));
        printf("sandbox %s (pid %d), up %s, %zu process%s\n", st->name,
               (int)st->init_pid, up, s->n_procs, s->n_procs == 1 ? "" : "es");
        if (!s->has_cgroup) {
                printf("%-9s no cgroup: cpu, memory, pids and io need one "
                       "(root gives every named sandbox one)\n",
                       "cgroup");
        } else {
                if (c->known & CGROUP_STAT_CPU) {
                        printf("%-9s %.3f s", "cpu", (double)c->cpu_usec / 1e6);
                        if (cpu_pct >= 0)
                                printf(" (%.1f%%)", cpu_pct);
                        putchar('\n');
                }
                if (c->known & CGROUP_STAT_MEMORY) {
                        named_size(c->memory_current, a, sizeof(a));
                        limit(c->memory_limit, b, sizeof(b), true);
                        if (c->known & CGROUP_STAT_MEMORY_PEAK)
                                named_size(c->memory_peak, d, sizeof(d));
                        else
                                snprintf(d, sizeof(d), "unknown");
                        printf("%-9s %s (peak %s, limit %s)\n", "memory", a,
                               d, b);
                }
                if (c->known & CGROUP_STAT_PIDS) {
                        limit(c->pids_limit, b, sizeof(b), false);
                        printf("%-9s %" PRIu64 " (limit %s)\n", "pids",
                               c->pids_current, b);
                }
                if (c->known & CGROUP_STAT_IO) {
                        named_size(c->io_read_bytes, a, sizeof(a));
                        named_size(c->io_write_bytes, b, sizeof(b));
                        printf("%-9s read %s, written %s\n", "io", a, b);
                }
        }
        if (s->has_net) {
                named_size(s->net.rx_bytes, a, sizeof(a));
                named_size(s->net.tx_bytes, b, sizeof(b));
                printf("%-9s rx %s (%" PRIu64 " packets), tx %s (%" PRIu64
                       " packets)\n",
                       "network", a, s->net.rx_packets, b, s->net.tx_packets);
        } else {
                printf("%-9s %s\n", "network", s->net_error);
        }
}

static void json_u64(const char *key, bool known, uint64_t v, bool *first)
{
        printf("%s\"%s\": ", *first ? "" : ", ", key);
        *first = false;
        if (!known || v == SB_CG_UNLIMITED)
                fputs("null", stdout);
        else
                printf("%" PRIu64, v);
}

static void print_json(const struct sb_state *st,
                       const struct sb_ctl_stats *s)
{
        const struct cgroup_stats *c = &s->cg;
        unsigned k = s->has_cgroup ? c->known : 0;
        bool first = true;
        fputs("{\"name\": ", stdout);
        named_json_string(stdout, st->name);
        printf(", \"pid\": %d, \"uptime\": %.0f, \"processes\": %zu, ",
               (int)st->init_pid, s->uptime, s->n_procs);
        printf("\"cgroup\": %s, ", s->has_cgroup ? "true" : "false");
        json_u64("cpu_usec", k & CGROUP_STAT_CPU, c->cpu_usec, &first);
        json_u64("memory_current", k & CGROUP_STAT_MEMORY, c->memory_current,
                 &first);
        json_u64("memory_peak", k & CGROUP_STAT_MEMORY_PEAK, c->memory_peak,
                 &first);
        json_u64("memory_limit", k & CGROUP_STAT_MEMORY, c->memory_limit,
                 &first);
        json_u64("pids_current", k & CGROUP_STAT_PIDS, c->pids_current,
                 &first);
        json_u64("pids_limit", k & CGROUP_STAT_PIDS, c->pids_limit, &first);
        json_u64("io_read_bytes", k & CGROUP_STAT_IO, c->io_read_bytes,
                 &first);
        json_u64("io_write_bytes", k & CGROUP_STAT_IO, c->io_write_bytes,
                 &first);
        json_u64("net_rx_bytes", s->has_net, s->net.rx_bytes, &first);
        json_u64("net_rx_packets", s->has_net, s->net.rx_packets, &first);
        json_u64("net_tx_bytes", s->has_net, s->net.tx_bytes, &first);
        json_u64("net_tx_packets", s->has_net, s->net.tx_packets, &first);
        fputs("}\n", stdout);
}

static double now_s(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Redraw every second until the sandbox ends (exit 0) or fails. */
static int watch(const struct sb_state *st, bool json)
{
        _cleanup_close_ int tfd = timerfd_create(CLOCK_MONOTONIC,
                                                 TFD_CLOEXEC);
        if (tfd < 0) {
                fprintf(stderr, "sandbox: stats: timerfd_create: %s\n",
                        strerror(errno));
                return CMD_EXIT_FAILED;
        }
        struct itimerspec its = { .it_interval = { 1, 0 },
                                  .it_value = { 1, 0 } };
        if (timerfd_settime(tfd, 0, &its, NULL) < 0) {
                fprintf(stderr, "sandbox: stats: timerfd_settime: %s\n",
                        strerror(errno));
                return CMD_EXIT_FAILED;
        }
        bool tty = isatty(STDOUT_FILENO) && !json;
        double last_t = -1;
        uint64_t last_cpu = 0;
        for (;;) {
                struct sb_ctl_stats s;
                struct sb_error err = { 0 };
                if (sb_ctl_stats(st, &s, &err) < 0) {
                        fprintf(stderr, "sandbox: stats: %s\n", err.msg);
                        return err.code == -ESRCH ? 0 : CMD_EXIT_FAILED;
                }
                double t = now_s(), pct = -1;
                if (last_t >= 0 && (s.cg.known & CGROUP_STAT_CPU))
                        pct = (double)(s.cg.cpu_usec - last_cpu) / 1e4 /
                              (t - last_t);
                last_t = t;
                last_cpu = s.cg.cpu_usec;
                if (json) {
                        print_json(st, &s);
                } else {
                        /* In place: home, then clear what the last frame
                         * left below. */
                        if (tty)
                                fputs("\033[H\033[J", stdout);
                        print_text(st, &s, pct);
                        if (!tty)
                                putchar('\n');
                }
                fflush(stdout);
                uint64_t ticks;
                if (read(tfd, &ticks, sizeof(ticks)) < 0 && errno != EINTR) {
                        fprintf(stderr, "sandbox: stats: read timerfd: %s\n",
                                strerror(errno));
                        return CMD_EXIT_FAILED;
                }
        }
}

int cmd_stats(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        static const struct option options[] = {
                { "json", no_argument, NULL, 'j' },
                { "watch", no_argument, NULL, 'w' },
                { NULL, 0, NULL, 0 },
        };
        bool json = false, watching = false;
        const char *name = NULL;
        optind = 0;
        opterr = 0;
        int c;
        while ((c = getopt_long(argc, argv, "-", options, NULL)) != -1) {
                if (c == 'j')
                        json = true;
                else if (c == 'w')
                        watching = true;
                else if (c == 1 && !name)
                        name = optarg;
                else if (c == 1)
                        return cmd_usage_error("stats", "takes one sandbox "
                                               "name, not '%s'", optarg);
                else
                        return cmd_usage_error("stats", "unknown option '%s'",
                                               argv[optind - 1]);
        }
        if (optind < argc && !name)
                name = argv[optind++];
        if (optind < argc)
                return cmd_usage_error("stats", "takes one sandbox name, not "
                                       "'%s'", argv[optind]);
        if (!name)
                return cmd_usage_error("stats", "needs a sandbox name");
        struct sb_state *st = NULL;
        int r = named_load("stats", name, &st);
        if (r)
                return r;
        if (watching) {
                r = watch(st, json);
        } else {
                struct sb_ctl_stats s;
                struct sb_error err = { 0 };
                if (sb_ctl_stats(st, &s, &err) < 0) {
                        fprintf(stderr, "sandbox: stats: %s\n", err.msg);
                        r = CMD_EXIT_FAILED;
                } else if (json) {
                        print_json(st, &s);
                } else {
                        print_text(st, &s, -1);
                }
        }
        sb_state_free(st);
        if (fflush(stdout) != 0)
                r = CMD_EXIT_FAILED;
        return r;
}
