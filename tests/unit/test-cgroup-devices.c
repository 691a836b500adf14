/* Unit tests for the device allow-list: the rule syntax, and the v2 device
 * program run through a small interpreter. */
#include <check.h>
#include <errno.h>
#include <linux/bpf.h>
#include <stdint.h>

#include "cgroup-internal.h"
#include "unit.h"
#include "util.h"

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
        Suite *s = suite_create("cgroup-devices");
        TCase *tc = tcase_create("devices");
        tcase_add_test(tc, device_rules_parse);
        tcase_add_test(tc, device_program_allows_only_listed);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
