/* The seccomp filter, the only user of libseccomp. The launcher turns the
 * config into BPF before anything is started; the target installs it with
 * seccomp(2) as its last step before execve, so the program never runs a
 * moment without it and never sees libseccomp at work.
 *
 * What is refused: the built-in deny list (@default-deny), minus what the
 * profile allows, plus what it denies (deny wins over allow). In the
 * allow-list mode only the allowed calls pass, and the argument rules of
 * the deny list (TIOCSTI, personality, CLONE_NEW*) still hold for them.
 * Other ABIs than the native one are killed by the architecture check
 * unless the profile asks to filter them with the same rules. */
#include "seccomp-filter.h"

#include "build-config.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "seccomp-embedded.h"
#include "seccomp-groups.h"
#include "util.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

#define MAX_PROGRAMS SECCOMP_MAX_PROGRAMS
/* Nested groups stop here; the table is shallow, this only guards it. */
#define MAX_GROUP_DEPTH 8

struct seccomp_program {
        size_t n;
        struct sock_fprog prog[MAX_PROGRAMS];
        bool embedded;          /* copied from the build-time table */
};

/* One refusal or permission before it becomes libseccomp rules. name
 * points into the config or the groups table. */
struct rule {
        const char *name;
        enum seccomp_args args;
};

struct ruleset {
        struct rule *v;
        size_t n;
};

static void scmp_releasep(scmp_filter_ctx *ctx)
{
        if (*ctx)
                seccomp_release(*ctx);
}
#define _cleanup_scmp_ __attribute__((cleanup(scmp_releasep)))

static void ruleset_free(struct ruleset *s)
{
        free(s->v);
        s->v = NULL;
        s->n = 0;
}
#define _cleanup_ruleset_ __attribute__((cleanup(ruleset_free)))

static bool rule_eq(const struct rule *a, const struct rule *b)
{
        return a->args == b->args && strcmp(a->name, b->name) == 0;
}

static bool ruleset_has(const struct ruleset *s, const struct rule *r)
{
        for (size_t i = 0; i < s->n; i++)
                if (rule_eq(&s->v[i], r))
                        return true;
        return false;
}

static bool ruleset_has_name(const struct ruleset *s, const char *name,
                             bool any_args_only)
{
        for (size_t i = 0; i < s->n; i++)
                if (strcmp(s->v[i].name, name) == 0 &&
                    (!any_args_only || s->v[i].args == SECCOMP_ARGS_ANY))
                        return true;
        return false;
}

static void ruleset_add(struct ruleset *s, const struct rule *r)
{
        if (ruleset_has(s, r))
                return;
        s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
        s->v[s->n++] = *r;
}

/* Add a group's members, groups expanded. */
static void expand_group(struct ruleset *s, const struct seccomp_group *g,
                         int depth)
{
        for (const struct seccomp_member *m = g->members; m->name; m++) {
                const struct seccomp_group *sub =
                        m->name[0] == '@' ? seccomp_group_find(m->name) : NULL;
                if (sub && depth < MAX_GROUP_DEPTH)
                        expand_group(s, sub, depth + 1);
                else if (!sub)
                        ruleset_add(s, &(struct rule){ m->name, m->args });
        }
}

/* Entries as the profile wrote them; the loader checked every name, so an
 * unknown group cannot appear. "?name" is the same as "name" here. */
static void expand_list(struct ruleset *s, char *const *list)
{
        for (size_t i = 0; list && list[i]; i++) {
                const char *name = list[i][0] == '?' ? list[i] + 1 : list[i];
                const struct seccomp_group *g =
                        name[0] == '@' ? seccomp_group_find(name) : NULL;
                if (g)
                        expand_group(s, g, 0);
                else if (name[0] != '@')
                        ruleset_add(s, &(struct rule){ name, SECCOMP_ARGS_ANY });
        }
}

/* ---- names and numbers ---- */

/* Architectures whose calls since Linux 5.1 have the common numbers. */
static bool native_has_common_numbers(void)
{
        switch (seccomp_arch_native()) {
        case SCMP_ARCH_X86_64: case SCMP_ARCH_X86: case SCMP_ARCH_AARCH64:
        case SCMP_ARCH_ARM: case SCMP_ARCH_RISCV64: case SCMP_ARCH_PPC64:
        case SCMP_ARCH_PPC64LE: case SCMP_ARCH_S390X: case SCMP_ARCH_S390:
                return true;
        default:
                return false;
        }
}

bool seccomp_syscall_known(const char *name)
{
        return seccomp_syscall_resolve_name(name) != __NR_SCMP_ERROR ||
               seccomp_newer_call_number(name) >= 0;
}

char *seccomp_syscall_name(int nr)
{
        return seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
}

struct build {
        uint32_t refuse;        /* the action for refused calls */
        bool multi_arch;        /* the filter holds the foreign ABIs too */
};

/* The native number of name, or -1 when this filter cannot name the call
 * here (it does not exist on the filter's architectures, or it is newer
 * than libseccomp and only the native ABI can be given a raw number). */
static int call_number(const struct build *b, const char *name)
{
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR) {
                nr = seccomp_newer_call_number(name);
                if (nr < 0 || !native_has_common_numbers() || b->multi_arch) {
                        log_debug("seccomp: '%s' is not known to libseccomp "
                                  "here, not filtered", name);
                        return -1;
                }
                return nr;
        }
        /* A negative number is libseccomp's name for a call that other
         * architectures have; it matters only with those in the filter. */
        if (nr < 0 && !b->multi_arch)
                return -1;
        return nr;
}

/* ---- rules ---- */

static int add(scmp_filter_ctx ctx, uint32_t action, int nr, const char *name,
               unsigned n_cmp, const struct scmp_arg_cmp *cmp,
               struct sb_error *err)
{
        int r = seccomp_rule_add_array(ctx, action, nr, n_cmp, cmp);
        /* EACCES: the filter's default action does this already (an errno
         * of ENOSYS for clone3 under "errno = ENOSYS"). EDOM, or EINVAL
         * for a pseudo number: a call none of the filter's ABIs has. */
        if (r == -EACCES || r == -EDOM || (r == -EINVAL && nr < 0))
                return 0;
        if (r < 0)
                return sb_error_errno(err, -r, "seccomp: add a rule for '%s'",
                                      name);
        return 0;
}

static const uint64_t clone_new_flags[] = {
        CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
        CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
};

/* clone and unshare with any CLONE_NEW* flag. A filter cannot test "some
 * bit of a mask is set" in one comparison, so each flag is its own rule.
 * CLONE_NEWTIME shares its bit with clone's exit signal: only unshare
 * takes it as a flag (clone3 carries it, and clone3 is refused). */
static int add_new_ns(scmp_filter_ctx ctx, uint32_t action, int nr,
                      const char *name, struct sb_error *err)
{
        bool is_clone = strcmp(name, "clone") == 0;
        /* s390 passes the stack before the flags. */
        unsigned arg = is_clone && (seccomp_arch_native() == SCMP_ARCH_S390X ||
                                    seccomp_arch_native() == SCMP_ARCH_S390)
                               ? 1 : 0;
        for (size_t i = 0; i <= ARRAY_SIZE(clone_new_flags); i++) {
                uint64_t f = i < ARRAY_SIZE(clone_new_flags)
                                     ? clone_new_flags[i] : CLONE_NEWTIME;
                if (f == CLONE_NEWTIME && is_clone)
                        continue;
                struct scmp_arg_cmp c = SCMP_CMP64(arg, SCMP_CMP_MASKED_EQ, f, f);
                int r = add(ctx, action, nr, name, 1, &c, err);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* The request is compared on its low 32 bits only: the kernel truncates
 * it to an unsigned int, so high bits must not hide it (CVE-2019-10063). */
static int add_tty_inject(scmp_filter_ctx ctx, uint32_t action, int nr,
                          const char *name, struct sb_error *err)
{
        static const uint64_t requests[] = { TIOCSTI, TIOCLINUX };
        for (size_t i = 0; i < ARRAY_SIZE(requests); i++) {
                struct scmp_arg_cmp c = SCMP_A1_64(SCMP_CMP_MASKED_EQ,
                                                   0xffffffffu, requests[i]);
                int r = add(ctx, action, nr, name, 1, &c, err);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* personality is allowed only for PER_LINUX (0), PER_LINUX32 (0x8),
 * UNAME26 (0x20000), both of those (0x20008), and 0xffffffff, which only
 * reads the personality. Everything else (ADDR_NO_RANDOMIZE,
 * READ_IMPLIES_EXEC, MMAP_PAGE_ZERO, ...) is refused. A rule compares one
 * argument once, so the refusal is spelled in bits: take the 30 bits
 * outside the safe ones in a ring; a value that sets some of them but not
 * all has a set bit followed by a clear one, and one rule per neighbour
 * pair catches it. The values that set all 30 are 0xffffffff and three
 * others, refused one by one. Only the low 32 bits count, as in the
 * kernel. */
static int add_personality(scmp_filter_ctx ctx, uint32_t action, int nr,
                           const char *name, struct sb_error *err)
{
        const uint32_t safe = 0x0008 | 0x0020000;
        uint32_t bits[32] = { 0 };
        size_t n = 0;
        for (unsigned b = 0; b < 32; b++)
                if (!(safe & (UINT32_C(1) << b)))
                        bits[n++] = UINT32_C(1) << b;
        for (size_t i = 0; i < n; i++) {
                uint64_t set = bits[i], clear = bits[(i + 1) % n];
                struct scmp_arg_cmp c =
                        SCMP_A0_64(SCMP_CMP_MASKED_EQ, set | clear, set);
                int r = add(ctx, action, nr, name, 1, &c, err);
                if (r < 0)
                        return r;
        }
        static const uint64_t all_but_safe[] = {
                0xffffffffu & ~0x0008u, 0xffffffffu & ~0x0020000u,
                0xffffffffu & ~(0x0008u | 0x0020000u),
        };
        for (size_t i = 0; i < ARRAY_SIZE(all_but_safe); i++) {
                struct scmp_arg_cmp c = SCMP_A0_64(SCMP_CMP_MASKED_EQ,
                                                   0xffffffffu, all_but_safe[i]);
                int r = add(ctx, action, nr, name, 1, &c, err);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* The libseccomp rules for one refusal. */
static int add_refusal(scmp_filter_ctx ctx, const struct build *b,
                       const struct rule *rule, struct sb_error *err)
{
        int nr = call_number(b, rule->name);
        if (nr == -1)
                return 0;
        uint32_t action = b->refuse;
        if (strcmp(rule->name, SECCOMP_ENOSYS_CALL) == 0)
                action = SCMP_ACT_ERRNO(ENOSYS);
        switch (rule->args) {
        case SECCOMP_ARGS_NEW_NS:
                return add_new_ns(ctx, action, nr, rule->name, err);
        case SECCOMP_ARGS_TTY_INJECT:
                return add_tty_inject(ctx, action, nr, rule->name, err);
        case SECCOMP_ARGS_PERSONALITY:
                return add_personality(ctx, action, nr, rule->name, err);
        default:
                return add(ctx, action, nr, rule->name, 0, NULL, err);
        }
}

/* ---- filters ---- */

static uint32_t refuse_action(const struct sb_seccomp_config *c)
{
        switch (c->action) {
        case SB_SECCOMP_KILL:
                return SCMP_ACT_KILL_PROCESS;
        case SB_SECCOMP_TRAP:
                return SCMP_ACT_TRAP;
        case SB_SECCOMP_LOG:
                return SCMP_ACT_LOG;
        default:
                return SCMP_ACT_ERRNO((uint32_t)c->errno_value);
        }
}

/* The other ABIs this machine's kernel may accept, filtered alike when the
 * profile asks for it. */
static int add_foreign_abis(scmp_filter_ctx ctx, struct sb_error *err)
{
        static const struct {
                uint32_t native;
                uint32_t foreign;
        } abis[] = {
                { SCMP_ARCH_X86_64, SCMP_ARCH_X86 },
                { SCMP_ARCH_X86_64, SCMP_ARCH_X32 },
                { SCMP_ARCH_AARCH64, SCMP_ARCH_ARM },
                { SCMP_ARCH_S390X, SCMP_ARCH_S390 },
                { SCMP_ARCH_PPC64, SCMP_ARCH_PPC },
        };
        for (size_t i = 0; i < ARRAY_SIZE(abis); i++) {
                if (abis[i].native != seccomp_arch_native())
                        continue;
                int r = seccomp_arch_add(ctx, abis[i].foreign);
                if (r < 0 && r != -EEXIST)
                        return sb_error_errno(err, -r,
                                              "seccomp: add a foreign ABI");
        }
        return 0;
}

static int new_filter(const struct build *b, uint32_t default_action,
                      scmp_filter_ctx *ret, struct sb_error *err)
{
        scmp_filter_ctx ctx = seccomp_init(default_action);
        if (!ctx) {
                if (default_action == SCMP_ACT_LOG)
                        return sb_error_set(err, -ENOTSUP,
                                            "seccomp: the log action needs "
                                            "Linux 4.14 or later");
                return sb_error_set(err, -ENOMEM,
                                    "seccomp: cannot create a filter");
        }
        /* Any ABI not in the filter ends the process at once (x32 too: the
         * native x86_64 filter refuses x32 numbers the same way). Rules
         * are searched as a tree, so a long deny list costs the program
         * a few comparisons per call, not one per rule. */
        int r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
                                 SCMP_ACT_KILL_PROCESS);
        if (r >= 0)
                r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
        if (r >= 0 && b->multi_arch) {
                r = add_foreign_abis(ctx, err);
                if (r < 0) {
                        seccomp_release(ctx);
                        return r;
                }
        }
        if (r < 0) {
                seccomp_release(ctx);
                return sb_error_errno(err, -r, "seccomp: set up the filter");
        }
        *ret = ctx;
        return 0;
}

/* libseccomp writes BPF only to a file descriptor. */
static int export_bpf(scmp_filter_ctx ctx, struct sock_fprog *ret,
                      struct sb_error *err)
{
        _cleanup_close_ int fd = memfd_create("sandbox-seccomp", MFD_CLOEXEC);
        if (fd < 0)
                return sb_error_errno(err, errno, "seccomp: memfd_create");
        int r = seccomp_export_bpf(ctx, fd);
        if (r < 0)
                return sb_error_errno(err, -r, "seccomp: export the filter");
        struct stat st;
        if (fstat(fd, &st) < 0)
                return sb_error_errno(err, errno, "seccomp: fstat the filter");
        size_t size = (size_t)st.st_size;
        if (size == 0 || size % sizeof(struct sock_filter) != 0 ||
            size / sizeof(struct sock_filter) > BPF_MAXINSNS)
                return sb_error_set(err, -E2BIG,
                                    "seccomp: the filter has %zu bytes, not "
                                    "1 to %d instructions", size, BPF_MAXINSNS);
        struct sock_filter *insns = xmalloc(size);
        if (pread(fd, insns, size, 0) != (ssize_t)size) {
                free(insns);
                return sb_error_errno(err, errno ? errno : EIO,
                                      "seccomp: read the filter back");
        }
        ret->filter = insns;
        ret->len = (unsigned short)(size / sizeof(struct sock_filter));
        return 0;
}

static int finish(struct seccomp_program *p, scmp_filter_ctx ctx,
                  struct sb_error *err)
{
        int r = export_bpf(ctx, &p->prog[p->n], err);
        if (r < 0)
                return r;
        p->n++;
        return 0;
}

/* Deny-list mode: one default-allow filter with every refusal. */
static int build_deny_list(const struct build *b, const struct ruleset *refused,
                           struct seccomp_program *p, struct sb_error *err)
{
        _cleanup_scmp_ scmp_filter_ctx ctx = NULL;
        int r = new_filter(b, SCMP_ACT_ALLOW, &ctx, err);
        for (size_t i = 0; r >= 0 && i < refused->n; i++)
                r = add_refusal(ctx, b, &refused->v[i], err);
        return r < 0 ? r : finish(p, ctx, err);
}

/* Allow-list mode. libseccomp drops a conditional rule when the same call
 * is allowed outright, so "ioctl, but not TIOCSTI" cannot live in one
 * filter whose default refuses. Two filters: one allows everything but
 * the argument rules on allowed calls; the other refuses everything but
 * the allowed calls. The kernel runs both and the stricter answer wins.
 * The refusing one is loaded last, because it would refuse seccomp(2)
 * itself. clone3 gets ENOSYS from it unless allowed, so that the C
 * library still falls back to clone. */
static int build_allow_list(const struct build *b, const struct ruleset *refused,
                            const struct ruleset *allowed,
                            struct seccomp_program *p, struct sb_error *err)
{
        _cleanup_scmp_ scmp_filter_ctx args = NULL;
        _cleanup_scmp_ scmp_filter_ctx list = NULL;
        bool any = false;
        int r = new_filter(b, SCMP_ACT_ALLOW, &args, err);
        for (size_t i = 0; r >= 0 && i < refused->n; i++) {
                const struct rule *rule = &refused->v[i];
                if (rule->args == SECCOMP_ARGS_ANY ||
                    !ruleset_has_name(allowed, rule->name, false))
                        continue;
                any = true;
                r = add_refusal(args, b, rule, err);
        }
        if (r >= 0 && any)
                r = finish(p, args, err);
        if (r < 0)
                return r;

        r = new_filter(b, b->refuse, &list, err);
        if (r < 0)
                return r;
        for (size_t i = 0; i < allowed->n; i++) {
                const char *name = allowed->v[i].name;
                int nr = call_number(b, name);
                if (nr == -1 || ruleset_has_name(refused, name, true))
                        continue;
                r = add(list, SCMP_ACT_ALLOW, nr, name, 0, NULL, err);
                if (r < 0)
                        return r;
        }
        if (!ruleset_has_name(allowed, SECCOMP_ENOSYS_CALL, false)) {
                r = add_refusal(list, b,
                                &(struct rule){ SECCOMP_ENOSYS_CALL,
                                                SECCOMP_ARGS_ANY }, err);
                if (r < 0)
                        return r;
        }
        return finish(p, list, err);
}

static bool kernel_at_least(unsigned major, unsigned minor)
{
        struct utsname u;
        if (uname(&u) < 0)
                return false;
        /* "6.18.44-...": the numbers before the first and second dot. */
        char *end;
        errno = 0;
        unsigned long ma = strtoul(u.release, &end, 10);
        if (errno || *end != '.')
                return false;
        unsigned long mi = strtoul(end + 1, &end, 10);
        if (errno)
                return false;
        return ma > major || (ma == major && mi >= minor);
}

int seccomp_compile(const struct sb_seccomp_config *c,
                    struct seccomp_program **ret, struct sb_error *err)
{
        *ret = NULL;
        struct build b = {
                .refuse = refuse_action(c),
                .multi_arch = c->foreign_abis,
        };
        /* refused = (built-in list - allow) + deny; deny wins. */
        _cleanup_ruleset_ struct ruleset builtin = { 0 };
        _cleanup_ruleset_ struct ruleset allowed = { 0 };
        _cleanup_ruleset_ struct ruleset refused = { 0 };
        expand_group(&builtin, seccomp_group_find(SECCOMP_DEFAULT_DENY), 0);
        expand_list(&allowed, c->allow);
        for (size_t i = 0; i < builtin.n; i++)
                if (!ruleset_has(&allowed, &builtin.v[i]))
                        ruleset_add(&refused, &builtin.v[i]);
        expand_list(&refused, c->deny);

        /* The filter is loaded before execve: without execve nothing runs,
         * and the error could not even be reported (sending it is refused
         * too). The log action lets everything run. */
        if (c->allow_list && c->action != SB_SECCOMP_LOG &&
            (!ruleset_has_name(&allowed, "execve", false) ||
             ruleset_has_name(&refused, "execve", true)))
                return sb_error_set(err, -EINVAL,
                                    "seccomp: the allow list does not allow "
                                    "execve, so no program could start");

        /* Before Linux 4.8 a tracer could change a call after the filter
         * had allowed it (CVE-2017-5206): no ptrace under such a kernel. */
        bool ptrace_refused = c->allow_list
                ? !ruleset_has_name(&allowed, "ptrace", false) ||
                          ruleset_has_name(&refused, "ptrace", true)
                : ruleset_has_name(&refused, "ptrace", true);
        if (!ptrace_refused && !kernel_at_least(4, 8))
                return sb_error_set(err, -ENOTSUP,
                                    "seccomp: allowing ptrace needs Linux "
                                    "4.8 or later, where a tracer cannot "
                                    "get around the filter");

        struct seccomp_program *p = xcalloc(1, sizeof(*p));
        int r = c->allow_list
                        ? build_allow_list(&b, &refused, &allowed, p, err)
                        : build_deny_list(&b, &refused, p, err);
        if (r < 0) {
                seccomp_program_free(p);
                return r;
        }
        log_debug("seccomp: %zu refusal(s), %zu program(s), %u instructions",
                  refused.n, p->n, p->prog[p->n - 1].len);
        *ret = p;
        return 0;
}

/* ---- filters compiled at build time ---- */

/* *s + text + sep, reallocated. */
static void append(char **s, const char *text, const char *sep)
{
        char *next = xasprintf("%s%s%s", *s, text, sep);
        free(*s);
        *s = next;
}

char *seccomp_config_key(const struct sb_seccomp_config *c)
{
        char *key = xasprintf("v1 enabled=%d default=%s action=%d errno=%d "
                              "foreign_abis=%d deny=", c->enabled,
                              c->allow_list ? "deny" : "allow", (int)c->action,
                              c->errno_value, c->foreign_abis);
        for (size_t i = 0; c->deny && c->deny[i]; i++)
                append(&key, c->deny[i], ",");
        append(&key, " allow=", "");
        for (size_t i = 0; c->allow && c->allow[i]; i++)
                append(&key, c->allow[i], ",");
        return key;
}

/* A copy of the build-time filter for this config, if there is one. It
 * was made by this same source with the same tables (seccomp-gen.c), so
 * it equals what seccomp_compile would make, without the ~0.4 ms that
 * libseccomp takes; it lives in the binary, never in a file that a
 * sandbox could write. */
static struct seccomp_program *from_embedded(const struct sb_seccomp_config *c)
{
        _cleanup_free_ char *key = NULL;
        for (const struct seccomp_embedded *e = seccomp_embedded; e->key; e++) {
                if (e->arch != seccomp_arch_native())
                        continue;
                if (!key)
                        key = seccomp_config_key(c);
                if (strcmp(e->key, key) != 0)
                        continue;
                struct seccomp_program *p = xcalloc(1, sizeof(*p));
                for (size_t i = 0; i < e->n && i < MAX_PROGRAMS; i++) {
                        size_t size = e->len[i] * sizeof(struct sock_filter);
                        p->prog[i].filter = xmalloc(size);
                        memcpy(p->prog[i].filter, e->insns[i], size);
                        p->prog[i].len = (unsigned short)e->len[i];
                        p->n++;
                }
                p->embedded = true;
                log_debug("seccomp: the filter compiled at build time");
                return p;
        }
        return NULL;
}

int seccomp_prepare(const struct sb_config *cfg, struct seccomp_program **ret,
                    struct sb_error *err)
{
        *ret = NULL;
        if (!cfg->seccomp.enabled) {
                log_debug("seccomp: off");
                return 0;
        }
        *ret = from_embedded(&cfg->seccomp);
        return *ret ? 0 : seccomp_compile(&cfg->seccomp, ret, err);
}

uint32_t seccomp_native_arch(void)
{
        return seccomp_arch_native();
}

bool seccomp_program_embedded(const struct seccomp_program *p)
{
        return p && p->embedded;
}

int seccomp_program_load(const struct seccomp_program *p,
                         struct sb_error *err)
{
        for (size_t i = 0; p && i < p->n; i++)
                if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0,
                            &p->prog[i]) < 0)
                        return sb_error_errno(err, errno,
                                              "load the seccomp filter");
        return 0;
}

void seccomp_program_free(struct seccomp_program *p)
{
        if (!p)
                return;
        for (size_t i = 0; i < p->n; i++)
                free(p->prog[i].filter);
        free(p);
}

size_t seccomp_program_count(const struct seccomp_program *p)
{
        return p ? p->n : 0;
}

const struct sock_filter *seccomp_program_filter(const struct seccomp_program *p,
                                                 size_t i, size_t *ret_len)
{
        if (!p || i >= p->n)
                return NULL;
        *ret_len = p->prog[i].len;
        return p->prog[i].filter;
}
