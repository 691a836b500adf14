/* Unit tests for the seccomp filter (src/seccomp.c, seccomp-groups.c) and
 * its profile keys (profile-keys-seccomp.c).
 *
 * The filters are checked by running the BPF they compile to in a small
 * classic-BPF interpreter below, with made-up seccomp_data: so the tests
 * can ask what the filter answers for the 32-bit and x32 ABIs and for
 * arguments with high bits set, whatever this kernel supports. One test
 * loads the default filter for real in its own process. The expected
 * answers name x86_64 and i386 system call numbers, so the filter tests
 * run on x86_64 only. */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "profile.h"
#include "seccomp-groups.h"
#include "seccomp-filter.h"
#include "util.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* ---- a classic BPF interpreter, as the kernel runs seccomp filters ---- */

static uint32_t run_bpf(const struct sock_filter *f, size_t n,
                        const struct seccomp_data *d)
{
        uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 };
        for (size_t pc = 0; pc < n; pc++) {
                const struct sock_filter *i = &f[pc];
                switch (i->code) {
                case BPF_LD | BPF_W | BPF_ABS:
                        ck_assert_msg(i->k % 4 == 0 && i->k < sizeof(*d),
                                      "load at offset %u", i->k);
                        memcpy(&a, (const char *)d + i->k, sizeof(a));
                        break;
                case BPF_LD | BPF_IMM: a = i->k; break;
                case BPF_LDX | BPF_IMM: x = i->k; break;
                case BPF_LD | BPF_MEM: a = mem[i->k % BPF_MEMWORDS]; break;
                case BPF_LDX | BPF_MEM: x = mem[i->k % BPF_MEMWORDS]; break;
                case BPF_ST: mem[i->k % BPF_MEMWORDS] = a; break;
                case BPF_STX: mem[i->k % BPF_MEMWORDS] = x; break;
                case BPF_ALU | BPF_AND | BPF_K: a &= i->k; break;
                case BPF_ALU | BPF_OR | BPF_K: a |= i->k; break;
                case BPF_MISC | BPF_TAX: x = a; break;
                case BPF_MISC | BPF_TXA: a = x; break;
                case BPF_JMP | BPF_JA: pc += i->k; break;
                case BPF_JMP | BPF_JEQ | BPF_K: pc += a == i->k ? i->jt : i->jf; break;
                case BPF_JMP | BPF_JGT | BPF_K: pc += a > i->k ? i->jt : i->jf; break;
                case BPF_JMP | BPF_JGE | BPF_K: pc += a >= i->k ? i->jt : i->jf; break;
                case BPF_JMP | BPF_JSET | BPF_K: pc += a & i->k ? i->jt : i->jf; break;
                case BPF_RET | BPF_K: return i->k;
                case BPF_RET | BPF_A: return a;
                default:
                        ck_abort_msg("BPF instruction 0x%x at %zu", i->code, pc);
                }
        }
        ck_abort_msg("the filter ran off its end");
        return 0;
}

/* Every program runs; the answer of highest precedence wins, as in the
 * kernel (the action compared as a signed number, lowest first; the most
 * recently loaded filter first among equals). */
static uint32_t eval(const struct seccomp_program *p, uint32_t arch, int nr,
                     uint64_t a0, uint64_t a1)
{
        struct seccomp_data d = { .nr = nr, .arch = arch,
                                  .args = { a0, a1 } };
        uint32_t best = SECCOMP_RET_ALLOW;
        for (size_t i = seccomp_program_count(p); i-- > 0;) {
                size_t len;
                const struct sock_filter *f = seccomp_program_filter(p, i, &len);
                uint32_t r = run_bpf(f, len, &d);
                if ((int32_t)(r & SECCOMP_RET_ACTION_FULL) <
                    (int32_t)(best & SECCOMP_RET_ACTION_FULL))
                        best = r;
        }
        return best;
}

#define X86_64 AUDIT_ARCH_X86_64
#define I386 AUDIT_ARCH_I386
#define X32_BIT 0x40000000
#define I386_GETPID 20
#define I386_MOUNT 21
#define I386_IOCTL 54
#define I386_CLONE3 435
#define NR_OPEN_TREE_ATTR 467

#define ALLOW SECCOMP_RET_ALLOW
#define KILL SECCOMP_RET_KILL_PROCESS
#define ERR(e) (SECCOMP_RET_ERRNO | (e))

/* ---- building from a profile ---- */

static const char *const no_dirs[] = { NULL };

/* Load a profile text (on top of the defaults) and build its filter. */
static struct seccomp_program *build(const char *text, struct sb_config *cfg)
{
        struct sb_profile_env env = {
                .home = "/home/tester", .user = "tester", .uid = 1000,
                .gid = 1000, .app = "app", .search_dirs = no_dirs,
        };
        struct sb_diags d = { 0 };
        sb_config_init(cfg);
        int r = profile_load_string(text, "t.profile", &env, cfg, &d);
        ck_assert_msg(r == 0, "profile: %s", d.n ? d.msgs[0] : "?");
        sb_diags_free(&d);
        struct seccomp_program *p = NULL;
        struct sb_error err = { 0 };
        r = seccomp_prepare(cfg, &p, &err);
        ck_assert_msg(r == 0, "prepare: %s", err.msg);
        return p;
}

static int load_errors(const char *text, struct sb_diags *d)
{
        struct sb_profile_env env = {
                .home = "/", .user = "t", .app = "app", .search_dirs = no_dirs,
        };
        struct sb_config cfg;
        sb_config_init(&cfg);
        int r = profile_load_string(text, "t.profile", &env, &cfg, d);
        sb_config_free(&cfg);
        return r;
}

static bool has_diag(const struct sb_diags *d, const char *text)
{
        for (size_t i = 0; i < d->n; i++)
                if (strcmp(d->msgs[i], text) == 0)
                        return true;
        return false;
}

/* ---- the groups table ---- */

/* What the issue requires of the built-in deny list, by name. */
static const char *const required[] = {
        "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen",
        "fsconfig", "fsmount", "fspick", "mount_setattr", "init_module",
        "finit_module", "delete_module", "kexec_load", "kexec_file_load",
        "reboot", "swapon", "swapoff", "clock_settime", "settimeofday",
        "adjtimex", "clock_adjtime", "bpf", "perf_event_open", "userfaultfd",
        "keyctl", "add_key", "request_key", "ptrace", "process_vm_readv",
        "process_vm_writev", "open_by_handle_at", "name_to_handle_at",
        "io_uring_setup", "io_uring_enter", "io_uring_register", "setns",
        "clone3", NULL,
};

static bool group_has(const struct seccomp_group *g, const char *name,
                      enum seccomp_args args, int depth)
{
        ck_assert_int_lt(depth, 8);
        for (const struct seccomp_member *m = g->members; m->name; m++) {
                if (m->name[0] == '@') {
                        const struct seccomp_group *sub =
                                seccomp_group_find(m->name);
                        ck_assert_msg(sub, "%s: unknown %s", g->name, m->name);
                        if (group_has(sub, name, args, depth + 1))
                                return true;
                } else if (strcmp(m->name, name) == 0 && m->args == args) {
                        return true;
                }
        }
        return false;
}

/* LeakSanitizer's exit-time scan stops the process with ptrace, which the
 * loaded filter refuses; in the (forked) test that loads it for real, the
 * scan is turned off. Sanitizer runtimes call this hook when it exists. */
int __lsan_is_turned_off(void);
static int filter_loaded;
int __lsan_is_turned_off(void)
{
        return filter_loaded;
}

START_TEST(groups_table)
{
        size_t n = 0;
        for (const struct seccomp_group *g = seccomp_groups; g->name; g++, n++) {
                ck_assert_msg(g->name[0] == '@', "%s", g->name);
                ck_assert_ptr_eq(seccomp_group_find(g->name), g);
                ck_assert(g->description && *g->description);
                /* Expands without a cycle (group_has asserts the depth). */
                group_has(g, "no such call", SECCOMP_ARGS_ANY, 0);
                for (const struct seccomp_member *m = g->members; m->name; m++)
                        if (m->name[0] != '@')
                                ck_assert_msg(seccomp_syscall_known(m->name),
                                              "%s: '%s' unknown", g->name,
                                              m->name);
        }
        ck_assert_uint_ge(n, 10);
        const struct seccomp_group *def = seccomp_group_find(SECCOMP_DEFAULT_DENY);
        ck_assert_ptr_nonnull(def);
        for (size_t i = 0; required[i]; i++)
                ck_assert_msg(group_has(def, required[i], SECCOMP_ARGS_ANY, 0),
                              "%s missing from the default deny list",
                              required[i]);
        ck_assert(group_has(def, "clone", SECCOMP_ARGS_NEW_NS, 0));
        ck_assert(group_has(def, "unshare", SECCOMP_ARGS_NEW_NS, 0));
        ck_assert(group_has(def, "ioctl", SECCOMP_ARGS_TTY_INJECT, 0));
        ck_assert(group_has(def, "personality", SECCOMP_ARGS_PERSONALITY, 0));
        ck_assert_ptr_null(seccomp_group_find("@nope"));
        ck_assert_ptr_nonnull(seccomp_args_describe(SECCOMP_ARGS_NEW_NS));
        ck_assert_ptr_null(seccomp_args_describe(SECCOMP_ARGS_ANY));
        ck_assert_int_eq(seccomp_newer_call_number("open_tree_attr"), 467);
        ck_assert_int_eq(seccomp_newer_call_number("mount"), -1);
        ck_assert(seccomp_syscall_known("vm86"));
        ck_assert(!seccomp_syscall_known("no_such_call"));
}
END_TEST

#if defined(__x86_64__)

/* ---- the default filter ---- */

START_TEST(default_filter)
{
        struct sb_config cfg;
        struct seccomp_program *p = build("", &cfg);
        ck_assert_uint_eq(seccomp_program_count(p), 1);
        const uint32_t eperm = ERR(EPERM);

        ck_assert_uint_eq(eval(p, X86_64, SYS_getpid, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_read, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_mount, 0, 0), eperm);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ptrace, 0, 0), eperm);
        ck_assert_uint_eq(eval(p, X86_64, SYS_io_uring_setup, 0, 0), eperm);
        ck_assert_uint_eq(eval(p, X86_64, SYS_setns, 0, 0), eperm);
        ck_assert_uint_eq(eval(p, X86_64, NR_OPEN_TREE_ATTR, 0, 0), eperm);
        /* clone3 must look unimplemented, or glibc does not fall back. */
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone3, 0, 0), ERR(ENOSYS));

        /* Other ABIs end the process, whatever the call. */
        ck_assert_uint_eq(eval(p, I386, I386_GETPID, 0, 0), KILL);
        ck_assert_uint_eq(eval(p, I386, I386_MOUNT, 0, 0), KILL);
        ck_assert_uint_eq(eval(p, X86_64, X32_BIT | SYS_getpid, 0, 0), KILL);
        ck_assert_uint_eq(eval(p, X86_64, X32_BIT | SYS_mount, 0, 0), KILL);
        ck_assert_uint_eq(eval(p, AUDIT_ARCH_AARCH64, SYS_getpid, 0, 0), KILL);

        /* Terminal injection, with and without high bits in the request. */
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TIOCSTI), eperm);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0,
                               TIOCSTI | UINT64_C(0xdead00000000)), eperm);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 7, TIOCLINUX), eperm);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TCGETS), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TIOCGWINSZ), ALLOW);

        /* Namespaces: only the CLONE_NEW* flags are refused. */
        static const uint64_t ns[] = {
                CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
                CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
        };
        for (size_t i = 0; i < ARRAY_SIZE(ns); i++) {
                ck_assert_uint_eq(eval(p, X86_64, SYS_clone, ns[i] | SIGCHLD, 0),
                                  eperm);
                ck_assert_uint_eq(eval(p, X86_64, SYS_unshare, ns[i], 0), eperm);
        }
        ck_assert_uint_eq(eval(p, X86_64, SYS_unshare, CLONE_NEWTIME, 0), eperm);
        uint64_t thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
                          CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
                          CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone, thread, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone, SIGCHLD, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone,
                               CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
                               0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_unshare, CLONE_FS | CLONE_FILES, 0),
                          ALLOW);
        seccomp_program_free(p);
        sb_config_free(&cfg);
}
END_TEST

static bool personality_safe(uint64_t v)
{
        uint32_t low = (uint32_t)v;
        return low == 0 || low == 0x8 || low == 0x20000 || low == 0x20008 ||
               low == 0xffffffff;
}

START_TEST(personality_rule)
{
        struct sb_config cfg;
        struct seccomp_program *p = build("", &cfg);
        uint64_t values[] = {
                0, 0x8, 0x20000, 0x20008, 0xffffffff, UINT64_C(0x100000000),
                UINT64_C(0xffffffff00000008), 0x0040000 /* ADDR_NO_RANDOMIZE */,
                0x0400000 /* READ_IMPLIES_EXEC */, 0x0100000, 0xfffdfff7,
                0xfffdffff, 0xfffffff7, 0x7fffffff, 0x1, 0x80000000,
                UINT64_C(0x1fffffffe),
        };
        for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
                uint32_t want = personality_safe(values[i]) ? ALLOW : ERR(EPERM);
                ck_assert_msg(eval(p, X86_64, SYS_personality, values[i], 0) == want,
                              "personality 0x%llx",
                              (unsigned long long)values[i]);
        }
        /* Every single bit, every pair of bits, and random values. */
        for (unsigned b = 0; b < 32; b++)
                for (unsigned c = b; c < 32; c++) {
                        uint64_t v = (UINT64_C(1) << b) | (UINT64_C(1) << c);
                        uint32_t want = personality_safe(v) ? ALLOW : ERR(EPERM);
                        ck_assert_msg(eval(p, X86_64, SYS_personality, v, 0) == want,
                                      "personality 0x%llx", (unsigned long long)v);
                }
        uint64_t s = 0x9e3779b97f4a7c15u;
        for (int i = 0; i < 20000; i++) {
                s ^= s << 13, s ^= s >> 7, s ^= s << 17;
                uint64_t v = s >> (i % 40);
                uint32_t want = personality_safe(v) ? ALLOW : ERR(EPERM);
                ck_assert_msg(eval(p, X86_64, SYS_personality, v, 0) == want,
                              "personality 0x%llx", (unsigned long long)v);
        }
        seccomp_program_free(p);
        sb_config_free(&cfg);
}
END_TEST

/* ---- profile control ---- */

START_TEST(deny_and_allow)
{
        struct sb_config cfg;
        struct seccomp_program *p = build(
                "seccomp = { allow = [ \"@debug\", \"@namespaces\", \"syslog\" ];"
                " deny = [ \"getppid\", \"ptrace\" ]; errno = \"EACCES\"; };",
                &cfg);
        ck_assert_uint_eq(eval(p, X86_64, SYS_process_vm_readv, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_syslog, 0, 0), ALLOW);
        /* deny wins over allow */
        ck_assert_uint_eq(eval(p, X86_64, SYS_ptrace, 0, 0), ERR(EACCES));
        ck_assert_uint_eq(eval(p, X86_64, SYS_getppid, 0, 0), ERR(EACCES));
        ck_assert_uint_eq(eval(p, X86_64, SYS_mount, 0, 0), ERR(EACCES));
        /* nested sandboxes */
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone, CLONE_NEWUSER, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_unshare, CLONE_NEWNS, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone3, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_setns, 0, 0), ALLOW);
        /* still refused: argument rules are not lifted by other groups */
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TIOCSTI), ERR(EACCES));
        seccomp_program_free(p);
        sb_config_free(&cfg);

        /* A plain name does not lift an argument rule. */
        p = build("seccomp = { allow = [ \"ioctl\", \"clone\" ]; };", &cfg);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TIOCSTI), ERR(EPERM));
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone, CLONE_NEWPID, 0), ERR(EPERM));
        seccomp_program_free(p);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(allow_list_mode)
{
        struct sb_config cfg;
        struct seccomp_program *p = build(
                "seccomp = { default = \"deny\"; errno = 55;"
                " allow = [ \"execve\", \"getpid\", \"ioctl\", \"clone\","
                " \"personality\", \"getppid\" ]; deny = [ \"getppid\" ]; };",
                &cfg);
        ck_assert_uint_eq(seccomp_program_count(p), 2);
        ck_assert_uint_eq(eval(p, X86_64, SYS_getpid, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_execve, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_gettid, 0, 0), ERR(55));
        ck_assert_uint_eq(eval(p, X86_64, SYS_getppid, 0, 0), ERR(55));
        ck_assert_uint_eq(eval(p, X86_64, SYS_mount, 0, 0), ERR(55));
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone3, 0, 0), ERR(ENOSYS));
        /* Allowed calls keep the argument rules. */
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TCGETS), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_ioctl, 0, TIOCSTI), ERR(55));
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone, SIGCHLD, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_clone, CLONE_NEWNET, 0), ERR(55));
        ck_assert_uint_eq(eval(p, X86_64, SYS_personality, 0xffffffff, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_personality, 0x40000, 0), ERR(55));
        ck_assert_uint_eq(eval(p, I386, I386_GETPID, 0, 0), KILL);
        seccomp_program_free(p);
        sb_config_free(&cfg);

        /* Without an argument rule to keep, one program is enough. */
        p = build("seccomp = { default = \"deny\"; allow = [ \"execve\" ]; };",
                  &cfg);
        ck_assert_uint_eq(seccomp_program_count(p), 1);
        ck_assert_uint_eq(eval(p, X86_64, SYS_execve, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, SYS_write, 0, 0), ERR(EPERM));
        seccomp_program_free(p);
        sb_config_free(&cfg);

        /* Without execve nothing could start: refused up front. */
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        struct sb_profile_env env = { .home = "/", .user = "t",
                                      .search_dirs = no_dirs };
        ck_assert_int_eq(profile_load_string(
                "seccomp = { default = \"deny\"; allow = [ \"read\" ]; };",
                "t.profile", &env, &cfg, &d), 0);
        struct sb_error err = { 0 };
        ck_assert_int_eq(seccomp_prepare(&cfg, &p, &err), -EINVAL);
        ck_assert_ptr_null(p);
        ck_assert(strstr(err.msg, "execve") != NULL);
        /* ... unless the action only logs. */
        cfg.seccomp.action = SB_SECCOMP_LOG;
        ck_assert_int_eq(seccomp_prepare(&cfg, &p, &err), 0);
        ck_assert_uint_eq(eval(p, X86_64, SYS_write, 0, 0), SECCOMP_RET_LOG);
        seccomp_program_free(p);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(actions)
{
        static const struct {
                const char *text;
                uint32_t mount;
        } cases[] = {
                { "seccomp = { action = \"kill\"; };", KILL },
                { "seccomp = { action = \"trap\"; };", SECCOMP_RET_TRAP },
                { "seccomp = { action = \"log\"; };", SECCOMP_RET_LOG },
                { "seccomp = { action = \"errno\"; errno = \"ENOANO\"; };",
                  ERR(ENOANO) },
                { "seccomp = { errno = \"ENOSYS\"; };", ERR(ENOSYS) },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                struct sb_config cfg;
                struct seccomp_program *p = build(cases[i].text, &cfg);
                ck_assert_msg(eval(p, X86_64, SYS_mount, 0, 0) == cases[i].mount,
                              "%s", cases[i].text);
                ck_assert_uint_eq(eval(p, X86_64, SYS_getpid, 0, 0), ALLOW);
                /* clone3 stays ENOSYS, or threads would die under kill */
                ck_assert_uint_eq(eval(p, X86_64, SYS_clone3, 0, 0),
                                  ERR(ENOSYS));
                ck_assert_uint_eq(eval(p, I386, I386_GETPID, 0, 0), KILL);
                seccomp_program_free(p);
                sb_config_free(&cfg);
        }
}
END_TEST

START_TEST(foreign_abis)
{
        struct sb_config cfg;
        struct seccomp_program *p =
                build("seccomp = { foreign_abis = true; };", &cfg);
        ck_assert_uint_eq(eval(p, I386, I386_GETPID, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, I386, I386_MOUNT, 0, 0), ERR(EPERM));
        ck_assert_uint_eq(eval(p, I386, I386_CLONE3, 0, 0), ERR(ENOSYS));
        ck_assert_uint_eq(eval(p, I386, I386_IOCTL, 0, TIOCSTI), ERR(EPERM));
        ck_assert_uint_eq(eval(p, X86_64, X32_BIT | SYS_getpid, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, X86_64, X32_BIT | SYS_mount, 0, 0), ERR(EPERM));
        ck_assert_uint_eq(eval(p, X86_64, SYS_mount, 0, 0), ERR(EPERM));
        ck_assert_uint_eq(eval(p, X86_64, SYS_getpid, 0, 0), ALLOW);
        ck_assert_uint_eq(eval(p, AUDIT_ARCH_AARCH64, SYS_getpid, 0, 0), KILL);
        seccomp_program_free(p);
        sb_config_free(&cfg);
}
END_TEST

/* The real thing, in this test's own process (check forks per test). */
START_TEST(load_for_real)
{
        struct sb_config cfg;
        struct seccomp_program *p = build("", &cfg);
        ck_assert_int_eq(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
        struct sb_error err = { 0 };
        ck_assert_int_eq(seccomp_program_load(p, &err), 0);
        filter_loaded = 1;
        errno = 0;
        ck_assert_int_eq(syscall(SYS_mount, "x", "/x", "tmpfs", 0L, NULL), -1);
        ck_assert_int_eq(errno, EPERM);
        ck_assert_int_eq(syscall(SYS_clone3, NULL, 0L), -1);
        ck_assert_int_eq(errno, ENOSYS);
        ck_assert_int_eq(syscall(SYS_getpid), getpid());
        pid_t pid = fork();
        if (pid == 0)
                _exit(0);
        ck_assert_int_gt(pid, 0);
        seccomp_program_free(p);
        sb_config_free(&cfg);
}
END_TEST

#endif /* __x86_64__ */

/* The build-time filter of the default config is what libseccomp makes
 * now, instruction for instruction; other configs are compiled. */
START_TEST(embedded_default)
{
        struct sb_config cfg;
        struct seccomp_program *p = build("", &cfg);
        struct seccomp_program *fresh = NULL;
        struct sb_error err = { 0 };
        ck_assert_int_eq(seccomp_compile(&cfg.seccomp, &fresh, &err), 0);
        ck_assert(!seccomp_program_embedded(fresh));
#if SB_EXPECT_EMBEDDED
        ck_assert(seccomp_program_embedded(p));
#endif
        ck_assert_uint_eq(seccomp_program_count(p), seccomp_program_count(fresh));
        for (size_t i = 0; i < seccomp_program_count(p); i++) {
                size_t n1, n2;
                const struct sock_filter *a = seccomp_program_filter(p, i, &n1);
                const struct sock_filter *b = seccomp_program_filter(fresh, i, &n2);
                ck_assert_uint_eq(n1, n2);
                ck_assert(memcmp(a, b, n1 * sizeof(*a)) == 0);
        }
        seccomp_program_free(fresh);
        seccomp_program_free(p);
        sb_config_free(&cfg);

        /* One changed key: not the table's. */
        p = build("seccomp = { errno = \"EACCES\"; };", &cfg);
        ck_assert(!seccomp_program_embedded(p));
        seccomp_program_free(p);
        sb_config_free(&cfg);
        char *k1, *k2;
        sb_seccomp_config_init(&cfg.seccomp);
        k1 = seccomp_config_key(&cfg.seccomp);
        cfg.seccomp.foreign_abis = true;
        k2 = seccomp_config_key(&cfg.seccomp);
        ck_assert_str_ne(k1, k2);
        free(k1);
        free(k2);
}
END_TEST

START_TEST(off_means_no_program)
{
        struct sb_config cfg;
        struct seccomp_program *p = build("seccomp = { enabled = false; };",
                                          &cfg);
        ck_assert_ptr_null(p);
        ck_assert_uint_eq(seccomp_program_count(p), 0);
        struct sb_error err = { 0 };
        ck_assert_int_eq(seccomp_program_load(NULL, &err), 0);
        sb_config_free(&cfg);
}
END_TEST

/* ---- the profile keys ---- */

START_TEST(keys)
{
        struct sb_config cfg;
        struct seccomp_program *p = build(
                "seccomp = { enabled = true; default = \"deny\"; action = \"trap\";"
                " errno = \"EACCES\"; foreign_abis = true;"
                " allow = [ \"execve\", \"?no_such_call\", \"@debug\" ];"
                " deny = [ \"getppid\" ]; };",
                &cfg);
        ck_assert(cfg.seccomp.enabled);
        ck_assert(cfg.seccomp.allow_list);
        ck_assert_int_eq(cfg.seccomp.action, SB_SECCOMP_TRAP);
        ck_assert_int_eq(cfg.seccomp.errno_value, EACCES);
        ck_assert(cfg.seccomp.foreign_abis);
        ck_assert_uint_eq(strv_length(cfg.seccomp.allow), 3);
        ck_assert_str_eq(cfg.seccomp.allow[1], "?no_such_call");
        ck_assert_str_eq(cfg.seccomp.deny[0], "getppid");
        seccomp_program_free(p);
        sb_config_free(&cfg);

        /* Defaults */
        sb_config_init(&cfg);
        ck_assert(cfg.seccomp.enabled);
        ck_assert(!cfg.seccomp.allow_list);
        ck_assert_int_eq(cfg.seccomp.action, SB_SECCOMP_ERRNO);
        ck_assert_int_eq(cfg.seccomp.errno_value, EPERM);
        ck_assert(!cfg.seccomp.foreign_abis);
        ck_assert_ptr_null(cfg.seccomp.deny);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(key_errors)
{
        struct sb_diags d = { 0 };
        ck_assert_int_eq(load_errors(
                "seccomp = {\n action = \"kil\";\n errno = \"EPRM\";\n"
                " deny = [ \"mout\", \"@mnt\", \"Mount\", \"mount\", \"mount\","
                " \"clone:ns\" ];\n default = \"x\";\n"
                " allow = \"mount\";\n};\nx = { };", &d), -EINVAL);
        static const char *const want[] = {
                "t.profile:2: seccomp.action: 'kil' is not \"errno\", \"kill\", "
                "\"trap\" or \"log\" (did you mean 'kill'?)",
                "t.profile:3: seccomp.errno: unknown errno name 'EPRM' (did "
                "you mean 'EPERM'?)",
                "t.profile:4: seccomp.deny[0]: unknown system call 'mout' "
                "(did you mean 'mount'?)",
                "t.profile:4: seccomp.deny[1]: unknown group '@mnt' (did you "
                "mean '@mount'?)",
                "t.profile:4: seccomp.deny[2]: unknown system call 'Mount' "
                "(did you mean 'mount'?)",
                "t.profile:4: seccomp.deny[4]: 'mount' listed twice",
                "t.profile:4: seccomp.deny[5]: 'clone:ns' is not a system call "
                "name or a @group",
                "t.profile:5: seccomp.default: 'x' is not \"allow\" or \"deny\"",
                "t.profile:6: seccomp.allow: expected an array, got a string",
                "t.profile:8: x: unknown key",
        };
        for (size_t i = 0; i < ARRAY_SIZE(want); i++)
                ck_assert_msg(has_diag(&d, want[i]), "missing: %s; first: %s",
                              want[i], d.n ? d.msgs[0] : "none");
        ck_assert_uint_eq(d.n, ARRAY_SIZE(want));
        sb_diags_free(&d);

        d = (struct sb_diags){ 0 };
        ck_assert_int_eq(load_errors("seccomp = { errno = 4096; };", &d),
                         -EINVAL);
        ck_assert(has_diag(&d, "t.profile:1: seccomp.errno: 4096 is not an "
                               "errno from 1 to 4095"));
        sb_diags_free(&d);
}
END_TEST

/* Building the filter is on every launch's path: keep it cheap. The time
 * is printed for the record; the bound only catches a pathology. The
 * default config comes from the build-time table; a profile that changes
 * the filter pays for libseccomp. */
static double prepare_cost(const struct sb_config *cfg)
{
        enum { N = 200 };
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int i = 0; i < N; i++) {
                struct seccomp_program *p = NULL;
                struct sb_error err = { 0 };
                ck_assert_int_eq(seccomp_prepare(cfg, &p, &err), 0);
                seccomp_program_free(p);
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        return ((double)(t1.tv_sec - t0.tv_sec) * 1e9 +
                (double)(t1.tv_nsec - t0.tv_nsec)) / 1e3 / N;
}

START_TEST(build_cost)
{
        struct sb_config cfg;
        sb_config_init(&cfg);
        double embedded = prepare_cost(&cfg);
        cfg.seccomp.errno_value = EACCES;
        double compiled = prepare_cost(&cfg);
        printf("seccomp_prepare: %.1f us for the default filter, %.1f us "
               "compiled with libseccomp\n", embedded, compiled);
        ck_assert_msg(compiled < 20000, "%.1f us per build", compiled);
        sb_config_free(&cfg);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("seccomp");
        TCase *tc = tcase_create("seccomp");
        tcase_set_timeout(tc, 60);
        tcase_add_test(tc, groups_table);
#if defined(__x86_64__)
        tcase_add_test(tc, default_filter);
        tcase_add_test(tc, personality_rule);
        tcase_add_test(tc, deny_and_allow);
        tcase_add_test(tc, allow_list_mode);
        tcase_add_test(tc, actions);
        tcase_add_test(tc, foreign_abis);
        tcase_add_test(tc, load_for_real);
#endif
        tcase_add_test(tc, embedded_default);
        tcase_add_test(tc, off_means_no_program);
        tcase_add_test(tc, keys);
        tcase_add_test(tc, key_errors);
        tcase_add_test(tc, build_cost);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
