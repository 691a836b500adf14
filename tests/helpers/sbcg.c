/* A test helper for t-cgroup.sh: calls the engine's cgroup functions on a
 * running sandbox's cgroup from outside, as the named-sandbox verbs will.
 *
 *   sbcg [-1|-2] stats NAME | freeze NAME | thaw NAME | kill NAME
 *   sbcg layout
 *   sbcg bpf-devices DIR RULE...   attach the v2 device program to DIR
 *
 * NAME is the sandbox's cgroup name (sandbox-PID-START-PIDNS) below the
 * caller's own cgroup. -1 or -2 uses only the v1 or the v2 backend, so
 * that both are exercised on a hybrid layout. Exits 0 on success, 1 with a
 * message otherwise. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup-internal.h"
#include "cgroup.h"

static void print_limit(const char *name, uint64_t v)
{
        if (v == SB_CG_UNLIMITED)
                printf(" %s=max", name);
        else
                printf(" %s=%llu", name, (unsigned long long)v);
}

static int stats(struct cgroup *cg, const struct cgroup_backend *only,
                 struct sb_error *err)
{
        struct cgroup_stats s = { 0 };
        if (only)
                only->stats(cg, &s);
        else if (cgroup_stats(cg, &s, err) < 0)
                return -1;
        printf("known=%u", s.known);
        if (s.known & CGROUP_STAT_CPU)
                printf(" cpu_usec=%llu", (unsigned long long)s.cpu_usec);
        if (s.known & CGROUP_STAT_MEMORY) {
                printf(" memory_current=%llu",
                       (unsigned long long)s.memory_current);
                print_limit("memory_limit", s.memory_limit);
        }
        if (s.known & CGROUP_STAT_MEMORY_PEAK)
                printf(" memory_peak=%llu", (unsigned long long)s.memory_peak);
        if (s.known & CGROUP_STAT_PIDS) {
                printf(" pids_current=%llu",
                       (unsigned long long)s.pids_current);
                print_limit("pids_limit", s.pids_limit);
        }
        if (s.known & CGROUP_STAT_IO)
                printf(" io_read=%llu io_write=%llu",
                       (unsigned long long)s.io_read_bytes,
                       (unsigned long long)s.io_write_bytes);
        printf("\n");
        return 0;
}

static int bpf_devices(int argc, char **argv, struct sb_error *err)
{
        int fd = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s", argv[2]);
        size_t n = (size_t)argc - 3;
        struct sb_cgroup_device *rules = calloc(n + 1, sizeof(*rules));
        for (size_t i = 0; i < n; i++) {
                const char *reason;
                if (sb_cgroup_device_parse(argv[3 + i], &rules[i],
                                           &reason) < 0) {
                        free(rules);
                        close(fd);
                        return sb_error_set(err, -EINVAL, "%s: %s",
                                            argv[3 + i], reason);
                }
        }
        int r = cgroup_devices_attach(fd, argv[2], rules, n, err);
        free(rules);
        close(fd);
        return r;
}

int main(int argc, char **argv)
{
        struct sb_error err = { 0 };
        if (argc == 2 && strcmp(argv[1], "layout") == 0) {
                struct cg_layout l;
                if (cg_layout_read(&l, &err) < 0)
                        goto fail;
                printf("%s\n", cg_mode_name(cg_layout_mode(&l)));
                cg_layout_free(&l);
                return 0;
        }
        if (argc >= 3 && strcmp(argv[1], "bpf-devices") == 0) {
                if (bpf_devices(argc, argv, &err) < 0)
                        goto fail;
                return 0;
        }
        const struct cgroup_backend *only = NULL;
        if (argc == 4 && strcmp(argv[1], "-1") == 0)
                only = &cgroup_v1_backend;
        else if (argc == 4 && strcmp(argv[1], "-2") == 0)
                only = &cgroup_v2_backend;
        if (only) {
                argv++;
                argc--;
        }
        if (argc != 3) {
                fprintf(stderr, "usage: sbcg [-1|-2] stats|freeze|thaw|kill "
                                "NAME\n");
                return 2;
        }
        struct cgroup *cg;
        if (cgroup_open(argv[2], &cg, &err) < 0)
                goto fail;
        int r;
        if (strcmp(argv[1], "stats") == 0)
                r = stats(cg, only, &err);
        else if (strcmp(argv[1], "freeze") == 0)
                r = only ? only->freeze(cg, true, &err)
                         : cgroup_freeze(cg, &err);
        else if (strcmp(argv[1], "thaw") == 0)
                r = only ? only->freeze(cg, false, &err)
                         : cgroup_thaw(cg, &err);
        else if (strcmp(argv[1], "kill") == 0)
                r = only ? only->kill(cg, &err) : cgroup_kill(cg, &err);
        else
                r = sb_error_set(&err, -EINVAL, "unknown verb %s", argv[1]);
        cgroup_free(cg);
        if (r == -EOPNOTSUPP && !err.code)
                sb_error_set(&err, r, "not supported by this backend here");
        if (r < 0)
                goto fail;
        return 0;
fail:
        fprintf(stderr, "sbcg: %s\n", err.msg);
        return 1;
}
