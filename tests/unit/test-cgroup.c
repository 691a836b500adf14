/* Unit tests for the cgroup files: layout detection from mountinfo and
 * /proc/self/cgroup text, the v2 backend against a fixture directory laid
 * out like a v2 cgroupfs (this machine's real v2 tree has no controllers),
 * a few v1 fallbacks against a v1-like fixture, the device rule syntax,
 * and the v2 device program run through a small interpreter. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
        d->ops = ops;
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

/* ---- device rules ---- */

START_TEST(device_rules_parse)
{
        struct sb_cgroup_device d;
        const char *why;
        ck_assert_int_eq(sb_cgroup_device_parse("c 1:3 rwm", &d, &why), 0);
        ck_assert_int_eq(d.type, 'c');
        ck_assert_int_eq(d.major, 1);
        ck_assert_int_eq(d.minor, 3);
        ck_assert_uint_eq(d.access, SB_CG_DEV_READ | SB_CG_DEV_WRITE |
                                            SB_CG_DEV_MKNOD);
        ck_assert_int_eq(sb_cgroup_device_parse("b *:* m", &d, &why), 0);
        ck_assert_int_eq(d.major, SB_CG_DEV_ANY);
        ck_assert_int_eq(sb_cgroup_device_parse("a *:* rw", &d, &why), 0);
        ck_assert_int_eq(sb_cgroup_device_parse("c 4095:1048575 w", &d, &why),
                         0);
        static const char *const bad[] = {
                "", "x 1:3 r", "c", "c 1:3", "c 1:3 ", "c 1:3 rx", "c 1:3 rr",
                "c 1 r", "c 1:3:4 r", "c  1:3 r", "a 1:3 r", "c 4096:0 r",
                "c 0:1048576 r", "c -1:3 r", "c 1:3 r ", "cc 1:3 r",
        };
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
                ck_assert_msg(sb_cgroup_device_parse(bad[i], &d, &why) ==
                                      -EINVAL, "'%s' accepted", bad[i]);
        char buf[64];
        ck_assert_int_eq(sb_cgroup_device_parse("b *:7 mw", &d, &why), 0);
        sb_cgroup_device_format(&d, buf, sizeof(buf));
        ck_assert_str_eq(buf, "b *:7 wm");
}
END_TEST

/* Just enough of an eBPF interpreter for the device program's opcodes. */
static int run_program(const struct bpf_insn *p, size_t n, unsigned type,
                       unsigned access, unsigned major, unsigned minor)
{
        uint32_t ctx[3] = { (access << 16) | type, major, minor };
        uint64_t r[11] = { 0 };
        for (size_t pc = 0; pc < n; pc++) {
                const struct bpf_insn *i = &p[pc];
                switch (i->code) {
                case BPF_LDX | BPF_MEM | BPF_W:
                        ck_assert_int_eq(i->src_reg, 1);
                        r[i->dst_reg] = ctx[i->off / 4];
                        break;
                case BPF_ALU64 | BPF_MOV | BPF_X:
                        r[i->dst_reg] = r[i->src_reg];
                        break;
                case BPF_ALU64 | BPF_MOV | BPF_K:
                        r[i->dst_reg] = (uint64_t)(int64_t)i->imm;
                        break;
                case BPF_ALU | BPF_AND | BPF_K:
                        r[i->dst_reg] = (uint32_t)r[i->dst_reg] & (uint32_t)i->imm;
                        break;
                case BPF_ALU | BPF_RSH | BPF_K:
                        r[i->dst_reg] = (uint32_t)r[i->dst_reg] >> i->imm;
                        break;
                case BPF_JMP | BPF_JNE | BPF_K:
                        if (r[i->dst_reg] != (uint64_t)(int64_t)i->imm)
                                pc += (size_t)i->off;
                        ck_assert_uint_lt(pc, n);
                        break;
                case BPF_JMP | BPF_EXIT:
                        return (int)r[0];
                default:
                        ck_abort_msg("unexpected opcode 0x%x", i->code);
                }
        }
        ck_abort_msg("ran off the end");
        return -1;
}

#define CHR BPF_DEVCG_DEV_CHAR
#define BLK BPF_DEVCG_DEV_BLOCK
#define RD BPF_DEVCG_ACC_READ
#define WR BPF_DEVCG_ACC_WRITE
#define MK BPF_DEVCG_ACC_MKNOD

START_TEST(device_program_allows_only_listed)
{
        struct sb_cgroup_device rules[3];
        const char *why;
        ck_assert_int_eq(sb_cgroup_device_parse("c 1:3 rw", &rules[0], &why), 0);
        ck_assert_int_eq(sb_cgroup_device_parse("c 136:* rw", &rules[1], &why), 0);
        ck_assert_int_eq(sb_cgroup_device_parse("b *:* m", &rules[2], &why), 0);
        struct bpf_insn prog[64];
        size_t n = cgroup_devices_program(rules, 3, prog, ARRAY_SIZE(prog));
        ck_assert_uint_gt(n, 0);
        ck_assert_uint_le(n, cgroup_devices_program_size(3));
        ck_assert_int_eq(run_program(prog, n, CHR, RD, 1, 3), 1);
        ck_assert_int_eq(run_program(prog, n, CHR, RD | WR, 1, 3), 1);
        ck_assert_int_eq(run_program(prog, n, CHR, MK, 1, 3), 0);
        ck_assert_int_eq(run_program(prog, n, CHR, RD, 1, 5), 0);
        ck_assert_int_eq(run_program(prog, n, BLK, RD, 1, 3), 0);
        ck_assert_int_eq(run_program(prog, n, CHR, WR, 136, 42), 1);
        ck_assert_int_eq(run_program(prog, n, CHR, WR, 137, 42), 0);
        ck_assert_int_eq(run_program(prog, n, BLK, MK, 8, 0), 1);
        ck_assert_int_eq(run_program(prog, n, BLK, RD | MK, 8, 0), 0);

        /* No rules: everything is refused; "a *:* rwm": nothing is. */
        n = cgroup_devices_program(rules, 0, prog, ARRAY_SIZE(prog));
        ck_assert_int_eq(run_program(prog, n, CHR, RD, 1, 3), 0);
        ck_assert_int_eq(sb_cgroup_device_parse("a *:* rwm", &rules[0], &why), 0);
        n = cgroup_devices_program(rules, 1, prog, ARRAY_SIZE(prog));
        ck_assert_int_eq(run_program(prog, n, BLK, RD | WR | MK, 259, 1), 1);
        /* Too little room: nothing is built. */
        ck_assert_uint_eq(cgroup_devices_program(rules, 1, prog, 3), 0);
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
        suite_add_tcase(s, tc);

        tc = tcase_create("devices");
        tcase_add_test(tc, device_rules_parse);
        tcase_add_test(tc, device_program_allows_only_listed);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
