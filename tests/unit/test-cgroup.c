/* Unit tests for the cgroup files: layout detection from mountinfo and
 * /proc/self/cgroup text, the v2 backend against a fixture directory laid
 * out like a v2 cgroupfs (this machine's real v2 tree has no controllers),
 * a few v1 fallbacks and v1 kill-all against a v1-like fixture, and the
 * names of sandbox cgroups and the liveness of their launchers. The device
 * rules are in test-cgroup-devices.c. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup-internal.h"
#include "unit.h"
#include "util.h"

/* ---- layout ---- */

#define MI_PREFIX "22 1 0:21 / /sys rw - sysfs sysfs rw\n"

START_TEST(layout_pure_v2)
{
        const char *mi = MI_PREFIX
                "30 22 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 "
                "rw,nsdelegate\n";
        const char *self = "0::/user.slice/user-1000.slice/session-2.scope\n";
        struct cg_layout l;
        ck_assert_int_eq(cg_layout_parse(mi, self, &l), 0);
        ck_assert_int_eq(cg_layout_mode(&l), CG_MODE_V2);
        ck_assert_str_eq(l.v2_mount, "/sys/fs/cgroup");
        ck_assert_str_eq(l.v2_path,
                         "/user.slice/user-1000.slice/session-2.scope");
        for (int c = 0; c < CG_CTRL_MAX; c++)
                ck_assert_ptr_null(l.v1_mount[c]);
        cg_layout_free(&l);
}
END_TEST

START_TEST(layout_pure_v1_comounted)
{
        const char *mi = MI_PREFIX
                "31 22 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw\n"
                "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup "
                "rw,cpu,cpuacct\n"
                "33 31 0:30 / /sys/fs/cgroup/memory rw - cgroup cgroup "
                "rw,memory\n"
                "34 31 0:31 / /sys/fs/cgroup/systemd rw - cgroup cgroup "
                "rw,xattr,name=systemd\n";
        const char *self = "3:memory:/a/b\n2:cpu,cpuacct:/\n"
                           "1:name=systemd:/x\n";
        struct cg_layout l;
        ck_assert_int_eq(cg_layout_parse(mi, self, &l), 0);
        ck_assert_int_eq(cg_layout_mode(&l), CG_MODE_V1);
        ck_assert_ptr_null(l.v2_mount);
        ck_assert_str_eq(l.v1_mount[CG_CPU], "/sys/fs/cgroup/cpu,cpuacct");
        ck_assert_str_eq(l.v1_mount[CG_CPUACCT], "/sys/fs/cgroup/cpu,cpuacct");
        ck_assert_str_eq(l.v1_path[CG_CPU], "/");
        ck_assert_str_eq(l.v1_mount[CG_MEMORY], "/sys/fs/cgroup/memory");
        ck_assert_str_eq(l.v1_path[CG_MEMORY], "/a/b");
        ck_assert_ptr_null(l.v1_mount[CG_PIDS]);
        cg_layout_free(&l);
}
END_TEST

/* This development machine: v1 controllers and a cgroup2 tree with none. */
START_TEST(layout_hybrid)
{
        const char *mi = MI_PREFIX
                "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup "
                "cgroup rw,memory\n"
                "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup "
                "rw,pids\n"
                "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 "
                "cgroup2 rw\n";
        const char *self = "8:pids:/\n4:memory:/process_api/9f29\n0::/\n";
        struct cg_layout l;
        ck_assert_int_eq(cg_layout_parse(mi, self, &l), 0);
        ck_assert_int_eq(cg_layout_mode(&l), CG_MODE_HYBRID);
        ck_assert_str_eq(l.v2_mount, "/sys/fs/cgroup/unified");
        ck_assert_str_eq(l.v2_path, "/");
        ck_assert_str_eq(l.v1_path[CG_MEMORY], "/process_api/9f29");
        ck_assert_str_eq(l.v1_mount[CG_PIDS], "/sys/fs/cgroup/pids");
        ck_assert_str_eq(cg_mode_name(CG_MODE_HYBRID), "hybrid");
        cg_layout_free(&l);
}
END_TEST

/* A mount of a subtree (root "/ctr") reaches only cgroups below it; an
 * escaped space in the mount point is decoded. */
START_TEST(layout_mount_root_and_escapes)
{
        const char *mi = MI_PREFIX
                "40 22 0:40 /ctr /mnt/my\\040cg rw - cgroup2 cgroup2 rw\n"
                "41 22 0:41 /other /mnt/pids rw - cgroup cgroup rw,pids\n";
        const char *self = "0::/ctr/app\n5:pids:/mine\n";
        struct cg_layout l;
        ck_assert_int_eq(cg_layout_parse(mi, self, &l), 0);
        ck_assert_str_eq(l.v2_mount, "/mnt/my cg");
        ck_assert_str_eq(l.v2_path, "/app");
        ck_assert_ptr_null(l.v1_mount[CG_PIDS]);
        ck_assert_int_eq(cg_layout_mode(&l), CG_MODE_V2);
        cg_layout_free(&l);

        ck_assert_int_eq(cg_layout_parse(mi, "0::/ctr\n", &l), 0);
        ck_assert_str_eq(l.v2_path, "/");
        cg_layout_free(&l);
        ck_assert_int_eq(cg_layout_parse(mi, "0::/ctrl\n", &l), 0);
        ck_assert_int_eq(cg_layout_mode(&l), CG_MODE_NONE);
        cg_layout_free(&l);
        ck_assert_int_eq(cg_layout_parse("", "", &l), 0);
        ck_assert_int_eq(cg_layout_mode(&l), CG_MODE_NONE);
        cg_layout_free(&l);
}
END_TEST

/* ---- fixtures ---- */

static char fixture_root[64];

static void put(const char *dir, const char *name, const char *content)
{
        char *p = xasprintf("%s/%s", dir, name);
        FILE *f = fopen(p, "w");
        ck_assert_msg(f != NULL, "%s", p);
        fputs(content, f);
        fclose(f);
        free(p);
}

static char *get(const char *dir, const char *name)
{
        char *p = xasprintf("%s/%s", dir, name);
        FILE *f = fopen(p, "r");
        ck_assert_msg(f != NULL, "%s", p);
        static char buf[256];
        size_t n = fread(buf, 1, sizeof(buf) - 1, f);
        buf[n] = '\0';
        fclose(f);
        free(p);
        return buf;
}

static void fixture_dir(struct cg_dir *d, const char *sub,
                        const struct cgroup_backend *ops, unsigned ctrls)
{
        *d = (struct cg_dir){ .ops = ops };
        d->path = xasprintf("%s/%s", fixture_root, sub);
        mkdir(d->path, 0755);
        d->fd = open(d->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ck_assert_int_ge(d->fd, 0);
        d->ctrls = ctrls;
        d->made = false;
}

static void release(struct cg_dir *d)
{
        close(d->fd);
        free(d->path);
        free(d->proc_path);
}

/* A v2 cgroup directory: every interface file present and empty, so that
 * what the backend writes can be read back exactly. */
static void v2_fixture(struct cg_dir *d, unsigned ctrls)
{
        fixture_dir(d, "sandbox-1", &cgroup_v2_backend, ctrls);
        static const char *const files[] = {
                "cgroup.procs", "cgroup.freeze", "cgroup.kill",
                "memory.max", "memory.swap.max", "pids.max", "cpu.max",
                "cpu.weight", "io.weight",
        };
        for (size_t i = 0; i < ARRAY_SIZE(files); i++)
                put(d->path, files[i], "");
        put(d->path, "cgroup.events", "populated 1\nfrozen 0\n");
}

static void setup(void)
{
        snprintf(fixture_root, sizeof(fixture_root), "/tmp/sb-cgfix.XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(fixture_root));
}

static void teardown(void)
{
        char *cmd = xasprintf("rm -rf '%s'", fixture_root);
        ck_assert_int_eq(system(cmd), 0);
        free(cmd);
}

static struct sb_cgroup_config limits(void)
{
        return (struct sb_cgroup_config){
                .set = true, .memory = 1024 * 1024 * 1024, .pids = 256,
                .millicpus = 1500, .cpu_weight = 200, .io_weight = 50,
        };
}

START_TEST(v2_fixture_writes_limits)
{
        struct cg_dir d;
        v2_fixture(&d, CG_V2_ENABLED);
        struct sb_cgroup_config g = limits();
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), 0);
        ck_assert_str_eq(get(d.path, "memory.max"), "1073741824");
        ck_assert_str_eq(get(d.path, "memory.swap.max"), "0");
        ck_assert_str_eq(get(d.path, "pids.max"), "256");
        ck_assert_str_eq(get(d.path, "cpu.max"), "150000 100000");
        ck_assert_str_eq(get(d.path, "cpu.weight"), "200");
        ck_assert_str_eq(get(d.path, "io.weight"), "default 50");
        release(&d);
}
END_TEST

/* Only the controllers the directory serves are written. */
START_TEST(v2_fixture_only_its_controllers)
{
        struct cg_dir d;
        v2_fixture(&d, CG_BIT(CG_PIDS));
        struct sb_cgroup_config g = limits();
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), 0);
        ck_assert_str_eq(get(d.path, "pids.max"), "256");
        ck_assert_str_eq(get(d.path, "memory.max"), "");
        ck_assert_str_eq(get(d.path, "cpu.max"), "");
        release(&d);
}
END_TEST

START_TEST(v2_fixture_swap)
{
        struct cg_dir d;
        v2_fixture(&d, CG_BIT(CG_MEMORY));
        struct sb_cgroup_config g = { .set = true, .memory = 4096,
                                      .memory_swap_set = true,
                                      .memory_swap = SB_CG_UNLIMITED };
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), 0);
        ck_assert_str_eq(get(d.path, "memory.swap.max"), "max");

        /* No swap accounting: fine by default, an error when asked for. */
        char *p = xasprintf("%s/memory.swap.max", d.path);
        ck_assert_int_eq(unlink(p), 0);
        free(p);
        g.memory_swap_set = false;
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), 0);
        g.memory_swap_set = true;
        g.memory_swap = 0;
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), -ENOENT);
        ck_assert_msg(strstr(err.msg, "cgroup.memory_swap: ") &&
                              strstr(err.msg, "memory.swap.max does not "
                                              "exist (swap accounting is off)"),
                      "%s", err.msg);
        release(&d);
}
END_TEST

START_TEST(v2_fixture_io_weight_fallbacks)
{
        struct cg_dir d;
        v2_fixture(&d, CG_BIT(CG_IO));
        char *p = xasprintf("%s/io.weight", d.path);
        ck_assert_int_eq(unlink(p), 0);
        free(p);
        put(d.path, "io.bfq.weight", "");
        struct sb_cgroup_config g = { .set = true, .io_weight = 5000 };
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), 0);
        ck_assert_str_eq(get(d.path, "io.bfq.weight"), "1000");

        p = xasprintf("%s/io.bfq.weight", d.path);
        ck_assert_int_eq(unlink(p), 0);
        free(p);
        ck_assert_int_eq(cgroup_v2_write_limits(&d, &g, &err), -ENOENT);
        ck_assert_msg(strstr(err.msg, "cgroup.io_weight: neither io.weight "
                                      "nor io.bfq.weight exists in"),
                      "%s", err.msg);
        release(&d);
}
END_TEST

/* A write the kernel refuses is an error naming the file and value. */
START_TEST(v2_fixture_write_error_names_file)
{
        struct cg_dir d;
        v2_fixture(&d, CG_BIT(CG_PIDS));
        char *p = xasprintf("%s/pids.max", d.path);
        ck_assert_int_eq(unlink(p), 0);
        ck_assert_int_eq(mkdir(p, 0755), 0);     /* EISDIR on open */
        free(p);
        struct sb_cgroup_config g = { .set = true, .pids = 9 };
        struct sb_error err = { 0 };
        ck_assert_int_lt(cgroup_v2_write_limits(&d, &g, &err), 0);
        ck_assert_msg(strstr(err.msg, "/sandbox-1/pids.max"), "%s", err.msg);
        release(&d);
}
END_TEST

START_TEST(v2_fixture_parent_enables_controllers)
{
        struct cg_dir parent;
        fixture_dir(&parent, ".", &cgroup_v2_backend, 0);
        put(parent.path, "cgroup.controllers", "cpuset cpu io memory pids\n");
        put(parent.path, "cgroup.subtree_control", "");
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v2_prepare_parent(
                                 &parent, CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS) |
                                                  CG_BIT(CG_DEVICES),
                                 &err), 0);
        ck_assert_str_eq(get(parent.path, "cgroup.subtree_control"),
                         "+memory +pids");

        /* Already enabled: nothing is written. */
        put(parent.path, "cgroup.subtree_control", "cpu memory pids\n");
        ck_assert_int_eq(cgroup_v2_prepare_parent(&parent, CG_BIT(CG_MEMORY),
                                                  &err), 0);
        ck_assert_str_eq(get(parent.path, "cgroup.subtree_control"),
                         "cpu memory pids\n");
        /* Only what is missing is added. */
        ck_assert_int_eq(cgroup_v2_prepare_parent(
                                 &parent, CG_BIT(CG_IO) | CG_BIT(CG_PIDS),
                                 &err), 0);
        ck_assert_str_eq(get(parent.path, "cgroup.subtree_control"),
                         "+io");
        release(&parent);
}
END_TEST

START_TEST(v2_fixture_parent_lacks_controller)
{
        struct cg_dir parent;
        fixture_dir(&parent, ".", &cgroup_v2_backend, 0);
        put(parent.path, "cgroup.controllers", "cpu pids\n");
        put(parent.path, "cgroup.subtree_control", "");
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v2_prepare_parent(&parent, CG_BIT(CG_MEMORY),
                                                  &err), -EOPNOTSUPP);
        ck_assert_msg(strstr(err.msg, "the cgroup memory controller is not "
                                      "available in "),
                      "%s", err.msg);
        ck_assert_str_eq(get(parent.path, "cgroup.subtree_control"), "");
        /* "pids" is not found inside another word. */
        put(parent.path, "cgroup.controllers", "cpu xpids pidsy\n");
        ck_assert_int_eq(cgroup_v2_prepare_parent(&parent, CG_BIT(CG_PIDS),
                                                  &err), -EOPNOTSUPP);
        release(&parent);
}
END_TEST

static struct cgroup *one_dir_cgroup(struct cg_dir *d)
{
        struct cgroup *cg = xcalloc(1, sizeof(*cg));
        cg->name = xstrdup("sandbox-1");
        cg->dirs[0] = *d;
        cg->n_dirs = 1;
        return cg;
}

START_TEST(v2_fixture_stats)
{
        struct cg_dir d;
        v2_fixture(&d, CG_V2_ENABLED);
        put(d.path, "cpu.stat", "usage_usec 1234\nuser_usec 1000\n"
                                "system_usec 234\n");
        put(d.path, "memory.current", "8192\n");
        put(d.path, "memory.peak", "16384\n");
        put(d.path, "memory.max", "max\n");
        put(d.path, "pids.current", "3\n");
        put(d.path, "pids.max", "64\n");
        put(d.path, "io.stat", "8:0 rbytes=100 wbytes=20 rios=1 wios=1\n"
                               "8:16 rbytes=5 wbytes=7 rios=1 wios=1\n");
        struct cgroup *cg = one_dir_cgroup(&d);
        struct cgroup_stats s;
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_stats(cg, &s, &err), 0);
        ck_assert_uint_eq(s.known, CGROUP_STAT_CPU | CGROUP_STAT_MEMORY |
                                           CGROUP_STAT_MEMORY_PEAK |
                                           CGROUP_STAT_PIDS | CGROUP_STAT_IO);
        ck_assert_uint_eq(s.cpu_usec, 1234);
        ck_assert_uint_eq(s.memory_current, 8192);
        ck_assert_uint_eq(s.memory_peak, 16384);
        ck_assert(s.memory_limit == SB_CG_UNLIMITED);
        ck_assert_uint_eq(s.pids_current, 3);
        ck_assert_uint_eq(s.pids_limit, 64);
        ck_assert_uint_eq(s.io_read_bytes, 105);
        ck_assert_uint_eq(s.io_write_bytes, 27);
        cgroup_free(cg);
}
END_TEST

/* The core files: freeze waits for cgroup.events to say so, kill writes
 * cgroup.kill. */
START_TEST(v2_fixture_freeze_and_kill)
{
        struct cg_dir d;
        v2_fixture(&d, 0);
        put(d.path, "cgroup.events", "populated 1\nfrozen 1\n");
        struct cgroup *cg = one_dir_cgroup(&d);
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_freeze(cg, &err), 0);
        ck_assert_str_eq(get(d.path, "cgroup.freeze"), "1");
        put(d.path, "cgroup.events", "populated 1\nfrozen 0\n");
        ck_assert_int_eq(cgroup_thaw(cg, &err), 0);
        ck_assert_str_eq(get(d.path, "cgroup.freeze"), "0");
        ck_assert_int_eq(cgroup_kill(cg, &err), 0);
        ck_assert_str_eq(get(d.path, "cgroup.kill"), "1");
        ck_assert_int_eq(cgroup_v2_backend.populated(&d), 1);
        put(d.path, "cgroup.events", "populated 0\nfrozen 0\n");
        ck_assert_int_eq(cgroup_v2_backend.populated(&d), 0);
        cgroup_free(cg);
}
END_TEST

START_TEST(v1_fixture_fallbacks)
{
        struct cg_dir d;
        fixture_dir(&d, "v1", &cgroup_v1_backend,
                    CG_BIT(CG_MEMORY) | CG_BIT(CG_IO) | CG_BIT(CG_CPU) |
                            CG_BIT(CG_DEVICES));
        put(d.path, "memory.limit_in_bytes", "");
        put(d.path, "blkio.bfq.weight", "");
        put(d.path, "cpu.cfs_period_us", "");
        put(d.path, "cpu.cfs_quota_us", "");
        put(d.path, "cpu.shares", "");
        put(d.path, "devices.deny", "");
        put(d.path, "devices.allow", "");
        struct sb_cgroup_config g = limits();
        struct sb_cgroup_device dev = { 'c', 1, 3, SB_CG_DEV_READ };
        g.devices = &dev;
        g.n_devices = 1;
        g.devices_set = true;
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v1_backend.write_limits(&d, &g, &err), 0);
        ck_assert_str_eq(get(d.path, "memory.limit_in_bytes"), "1073741824");
        ck_assert_str_eq(get(d.path, "blkio.bfq.weight"), "50");
        ck_assert_str_eq(get(d.path, "cpu.cfs_quota_us"), "150000");
        ck_assert_str_eq(get(d.path, "cpu.shares"), "2048");
        ck_assert_str_eq(get(d.path, "devices.deny"), "a");
        ck_assert_str_eq(get(d.path, "devices.allow"), "c 1:3 r");

        g.memory_swap_set = true;
        ck_assert_int_eq(cgroup_v1_backend.write_limits(&d, &g, &err),
                         -ENOENT);
        ck_assert_msg(strstr(err.msg, "cgroup.memory_swap: ") &&
                              strstr(err.msg, "swap accounting is off"),
                      "%s", err.msg);
        release(&d);
}
END_TEST

/* ---- v1 kill-all ---- */

/* A child that waits to be killed. */
static pid_t sleeper(void)
{
        pid_t pid = fork();
        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
                for (;;)
                        pause();
        }
        return pid;
}

/* Did pid die of SIGKILL? Reaps it either way (killing it if needed). */
static bool was_killed(pid_t pid)
{
        int st;
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == 0) {
                /* Give a SIGKILL sent a moment ago time to land. */
                usleep(100000);
                r = waitpid(pid, &st, WNOHANG);
        }
        if (r == 0) {
                kill(pid, SIGKILL);
                waitpid(pid, &st, 0);
                return false;
        }
        return r == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
}

/* Make the fixture directory stand for the cgroup this test (and so its
 * children) is in, by the first line of /proc/self/cgroup: the cgroup2
 * one where there is one. */
static void own_cgroup(struct cg_dir *d)
{
        char *text = NULL;
        ck_assert_int_gt(cg_read_all(NULL, "/proc/self/cgroup", &text), 0);
        char *line = strstr(text, "\n0::");
        line = strncmp(text, "0::", 3) == 0 ? text : line ? line + 1 : text;
        line[strcspn(line, "\n")] = '\0';
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        ck_assert_ptr_nonnull(c2);
        *c2 = '\0';
        static char hier[64];
        snprintf(hier, sizeof(hier), "%.*s", (int)strcspn(c1 + 1, ","),
                 c1 + 1);
        d->hier = hier[0] ? hier : NULL;
        d->proc_path = xstrdup(c2 + 1);
        free(text);
}

/* Lines of pids above PID_MAX_LIMIT (4194304): no process has them, and
 * 16383 bytes of them (the old fixed buffer) end at a newline, so a
 * mistaken read kills nothing. */
static void pad_procs(FILE *f)
{
        for (int i = 0; i < 2040; i++)
                fputs("4999999\n", f);
        for (int i = 0; i < 7; i++)
                fputs("49999999\n", f);
}

/* cgroup.procs is read whole however long it is (it was cut at 16 KB,
 * leaving the pids past it alive, and the cut could fall inside a number
 * and kill a shorter, unrelated pid); a partial last line is not a pid. */
START_TEST(v1_kill_reads_the_whole_list)
{
        struct cg_dir d;
        fixture_dir(&d, "v1", &cgroup_v1_backend, CG_BIT(CG_PIDS));
        own_cgroup(&d);
        pid_t a = sleeper(), b = sleeper(), partial = sleeper();
        char *p = xasprintf("%s/cgroup.procs", d.path);
        FILE *f = fopen(p, "w");
        ck_assert_ptr_nonnull(f);
        pad_procs(f);
        ck_assert_int_eq(ftell(f), 16383);
        fprintf(f, "%d\n%d\n%d", (int)a, (int)b, (int)partial);
        fclose(f);
        free(p);
        struct cgroup *cg = one_dir_cgroup(&d);
        struct sb_error err = { 0 };
        /* The fixture never empties: every round runs, and it says so. */
        ck_assert_int_eq(cgroup_v1_backend.kill(cg, &err), -EBUSY);
        ck_assert_msg(strstr(err.msg, "still has processes after"), "%s",
                      err.msg);
        ck_assert_msg(was_killed(a), "a pid past 16 KB was not killed");
        ck_assert_msg(was_killed(b), "a pid past 16 KB was not killed");
        ck_assert_msg(!was_killed(partial), "a partial last line was used");
        cgroup_free(cg);
}
END_TEST

/* A listed pid whose process is not in the cgroup (the pid was reused by
 * a process elsewhere) is not killed. */
START_TEST(v1_kill_only_members)
{
        struct cg_dir d;
        fixture_dir(&d, "v1", &cgroup_v1_backend, CG_BIT(CG_PIDS));
        own_cgroup(&d);
        char *mine = d.proc_path;
        d.proc_path = xasprintf("%s/sandbox-elsewhere", strcmp(mine, "/") == 0
                                                               ? "" : mine);
        free(mine);
        pid_t a = sleeper();
        char *text = xasprintf("%d\n", (int)a);
        put(d.path, "cgroup.procs", text);
        free(text);
        struct cgroup *cg = one_dir_cgroup(&d);
        struct sb_error err = { 0 };
        cgroup_v1_backend.kill(cg, &err);
        ck_assert_msg(!was_killed(a), "a process of another cgroup was killed");
        cgroup_free(cg);
}
END_TEST

/* A FIFO as cgroup.procs: each read of it gets the next text, as a
 * cgroup whose processes fork between reads would show. */
struct fifo_script {
        char *path;
        const char *texts[4];
};

static void *serve_fifo(void *arg)
{
        struct fifo_script *f = arg;
        for (size_t i = 0;; i++) {
                const char *t = i < ARRAY_SIZE(f->texts) && f->texts[i]
                                        ? f->texts[i] : "";
                int fd = open(f->path, O_WRONLY | O_CLOEXEC);
                if (fd < 0)
                        return NULL;
                if (write(fd, t, strlen(t)) < 0)
                        return NULL;
                close(fd);
        }
}

/* With a freezer, kill-all goes on until cgroup.procs is empty (one
 * round used to be all, leaving what a later read lists). */
START_TEST(v1_kill_until_empty)
{
        struct cg_dir d;
        fixture_dir(&d, "v1", &cgroup_v1_backend,
                    CG_BIT(CG_PIDS) | CG_BIT(CG_FREEZER));
        own_cgroup(&d);
        put(d.path, "freezer.state", "THAWED\n");
        pid_t a = sleeper(), b = sleeper();
        char ta[16], tb[16];
        snprintf(ta, sizeof(ta), "%d\n", (int)a);
        snprintf(tb, sizeof(tb), "%d\n", (int)b);
        struct fifo_script script = { xasprintf("%s/cgroup.procs", d.path),
                                      { ta, tb, NULL } };
        ck_assert_int_eq(mkfifo(script.path, 0600), 0);
        pthread_t thread;
        ck_assert_int_eq(pthread_create(&thread, NULL, serve_fifo, &script),
                         0);
        struct cgroup *cg = one_dir_cgroup(&d);
        struct sb_error err = { 0 };
        ck_assert_int_eq(cgroup_v1_backend.kill(cg, &err), 0);
        ck_assert_msg(was_killed(a), "the first round's pid was not killed");
        ck_assert_msg(was_killed(b), "a pid listed after the first round "
                                     "was not killed");
        ck_assert_str_eq(get(d.path, "freezer.state"), "THAWED");
        cgroup_free(cg);
        free(script.path);
}
END_TEST

START_TEST(proc_cgroup_lines)
{
        const char *text = "12:pids:/a/sandbox-1-2-3\n"
                           "4:cpu,cpuacct:/a\n"
                           "1:name=systemd:/x\n"
                           "0::/u/sandbox-1-2-3\n";
        ck_assert(cg_proc_text_in(text, "pids", "/a/sandbox-1-2-3"));
        ck_assert(!cg_proc_text_in(text, "pids", "/a/sandbox-1-2"));
        ck_assert(!cg_proc_text_in(text, "pids", "/a/sandbox-1-2-3/x"));
        ck_assert(cg_proc_text_in(text, "cpuacct", "/a"));
        ck_assert(cg_proc_text_in(text, "cpu", "/a"));
        ck_assert(!cg_proc_text_in(text, "cpuacc", "/a"));
        ck_assert(cg_proc_text_in(text, NULL, "/u/sandbox-1-2-3"));
        ck_assert(!cg_proc_text_in(text, NULL, "/a"));
        ck_assert(!cg_proc_text_in(text, "memory", "/a"));
        ck_assert(!cg_proc_text_in("", NULL, "/"));
}
END_TEST

/* ---- names ---- */

START_TEST(names_parse_strictly)
{
        struct cg_name n;
        ck_assert_int_eq(cg_name_parse("sandbox-31998-4567-4026531836", &n), 0);
        ck_assert_int_eq(n.pid, 31998);
        ck_assert_uint_eq(n.start, 4567);
        ck_assert_uint_eq(n.pidns, 4026531836u);
        ck_assert(!n.launcher);
        ck_assert_int_eq(cg_name_parse("sandbox-1-0-1-launcher", &n), 0);
        ck_assert(n.launcher);
        ck_assert_uint_eq(n.start, 0);
        char buf[CG_NAME_MAX];
        cg_name_format(&n, buf, sizeof(buf));
        ck_assert_str_eq(buf, "sandbox-1-0-1-launcher");
        struct cg_name big = { 2147483647, UINT64_MAX, UINT64_MAX, true };
        cg_name_format(&big, buf, sizeof(buf));
        ck_assert_int_eq(cg_name_parse(buf, &n), 0);
        ck_assert(n.start == UINT64_MAX && n.pid == 2147483647);
        static const char *const bad[] = {
                "sandbox-031998-4567-4026531836",     /* leading zeros */
                "sandbox-31998-04567-4026531836",
                "sandbox-31998-4567-04026531836",
                "sandbox-31998", "sandbox-31998-launcher",  /* old names */
                "sandbox-0-1-1", "sandbox-1-1-0", "sandbox-2147483648-1-1",
                "sandbox-1-18446744073709551616-1", "sandbox-1-1-1-",
                "sandbox-1-1-1-launcherx", "sandbox-1-1-1-x", "sandbox--1-1-1",
                "sandbox-+1-1-1", "sandbox- 1-1-1", "sandbox-1--1-1",
                "Sandbox-1-1-1", "sandbox-1-1", "sandbox-", "",
        };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
                ck_assert_msg(cg_name_parse(bad[i], &n) == -EINVAL,
                              "'%s' accepted", bad[i]);
}
END_TEST

/* Dead is judged by pid and start time, and only in our pid namespace. */
START_TEST(names_dead_by_pid_and_start_time)
{
        struct cg_name self;
        struct sb_error err = { 0 };
        ck_assert_int_eq(cg_name_self(false, &self, &err), 0);
        ck_assert_int_eq(self.pid, getpid());
        ck_assert_uint_gt(self.pidns, 0);
        ck_assert_int_eq(cg_name_dead(&self), 0);
        /* Our pid, another start time: a dead launcher whose pid we got. */
        struct cg_name n = self;
        n.start++;
        ck_assert_int_eq(cg_name_dead(&n), 1);
        /* Another pid namespace: not ours to judge. */
        n.pidns++;
        ck_assert_int_eq(cg_name_dead(&n), 0);
        /* A pid that is gone. */
        pid_t child = sleeper();
        ck_assert(!was_killed(child));
        n = self;
        n.pid = child;
        ck_assert_int_eq(cg_name_dead(&n), 1);
        /* A child that lives, at its own start time (from its name as it
         * makes it itself). */
        int fds[2];
        ck_assert_int_eq(pipe(fds), 0);
        child = fork();
        ck_assert_int_ge(child, 0);
        if (child == 0) {
                struct cg_name c;
                struct sb_error e = { 0 };
                if (cg_name_self(false, &c, &e) < 0 ||
                    write(fds[1], &c, sizeof(c)) != sizeof(c))
                        _exit(1);
                for (;;)
                        pause();
        }
        ck_assert_int_eq(read(fds[0], &n, sizeof(n)), sizeof(n));
        ck_assert_int_eq(n.pid, child);
        ck_assert_int_eq(cg_name_dead(&n), 0);
        n.start--;
        ck_assert_int_eq(cg_name_dead(&n), 1);
        ck_assert(!was_killed(child));
        close(fds[0]);
        close(fds[1]);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("cgroup");
        TCase *tc = tcase_create("layout");
        tcase_add_test(tc, layout_pure_v2);
        tcase_add_test(tc, layout_pure_v1_comounted);
        tcase_add_test(tc, layout_hybrid);
        tcase_add_test(tc, layout_mount_root_and_escapes);
        suite_add_tcase(s, tc);

        tc = tcase_create("fixture");
        tcase_add_checked_fixture(tc, setup, teardown);
        tcase_add_test(tc, v2_fixture_writes_limits);
        tcase_add_test(tc, v2_fixture_only_its_controllers);
        tcase_add_test(tc, v2_fixture_swap);
        tcase_add_test(tc, v2_fixture_io_weight_fallbacks);
        tcase_add_test(tc, v2_fixture_write_error_names_file);
        tcase_add_test(tc, v2_fixture_parent_enables_controllers);
        tcase_add_test(tc, v2_fixture_parent_lacks_controller);
        tcase_add_test(tc, v2_fixture_stats);
        tcase_add_test(tc, v2_fixture_freeze_and_kill);
        tcase_add_test(tc, v1_fixture_fallbacks);
        tcase_add_test(tc, v1_kill_reads_the_whole_list);
        tcase_add_test(tc, v1_kill_only_members);
        tcase_add_test(tc, v1_kill_until_empty);
        suite_add_tcase(s, tc);

        tc = tcase_create("names");
        tcase_add_test(tc, proc_cgroup_lines);
        tcase_add_test(tc, names_parse_strictly);
        tcase_add_test(tc, names_dead_by_pid_and_start_time);
        suite_add_tcase(s, tc);

        return unit_run(s);
}
