/* The device allow-list on cgroup v2, which has no devices controller: a
 * small eBPF program of type BPF_PROG_TYPE_CGROUP_DEVICE, attached to the
 * sandbox's cgroup. The kernel runs it on every open and mknod of a device
 * node; it returns 1 (allow) if a rule matches, else 0. libseccomp does
 * not apply here, so the few instructions are written out below. */
#include "cgroup-internal.h"

#include <errno.h>
#include <linux/bpf.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"

/* Instruction constructors, as in the kernel's include/linux/filter.h,
 * which is not part of the uapi headers. */
static struct bpf_insn insn(uint8_t code, uint8_t dst, uint8_t src,
                            int16_t off, int32_t imm)
{
        return (struct bpf_insn){ .code = code, .dst_reg = dst,
                                  .src_reg = src, .off = off, .imm = imm };
}
#define LDX_W(dst, src, off) insn(BPF_LDX | BPF_MEM | BPF_W, dst, src, off, 0)
#define MOV64_REG(dst, src) insn(BPF_ALU64 | BPF_MOV | BPF_X, dst, src, 0, 0)
#define MOV64_IMM(dst, imm) insn(BPF_ALU64 | BPF_MOV | BPF_K, dst, 0, 0, imm)
#define AND32_IMM(dst, imm) insn(BPF_ALU | BPF_AND | BPF_K, dst, 0, 0, imm)
#define RSH32_IMM(dst, imm) insn(BPF_ALU | BPF_RSH | BPF_K, dst, 0, 0, imm)
#define JNE_IMM(dst, imm) insn(BPF_JMP | BPF_JNE | BPF_K, dst, 0, 0, imm)
#define EXIT() insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

/* Registers after the prologue. */
enum { R0, R1, R_TYPE, R_ACCESS, R_MAJOR, R_MINOR };

#define PROLOGUE 6
#define RULE_MAX 8      /* type, access (3), major, minor, return (2) */
#define EPILOGUE 2

size_t cgroup_devices_program_size(size_t n_rules)
{
        return PROLOGUE + n_rules * RULE_MAX + EPILOGUE;
}

static unsigned bpf_access(unsigned a)
{
        return (a & SB_CG_DEV_READ ? BPF_DEVCG_ACC_READ : 0) |
               (a & SB_CG_DEV_WRITE ? BPF_DEVCG_ACC_WRITE : 0) |
               (a & SB_CG_DEV_MKNOD ? BPF_DEVCG_ACC_MKNOD : 0);
}

size_t cgroup_devices_program(const struct sb_cgroup_device *rules, size_t n,
                              struct bpf_insn *out, size_t max)
{
        if (max < cgroup_devices_program_size(n))
                return 0;
        size_t i = 0;
        /* struct bpf_cgroup_dev_ctx: access_type = (access << 16) | type,
         * then major, then minor, each a u32. r1 holds its address. */
        out[i++] = LDX_W(R_TYPE, R1, 0);
        out[i++] = MOV64_REG(R_ACCESS, R_TYPE);
        out[i++] = AND32_IMM(R_TYPE, 0xffff);
        out[i++] = RSH32_IMM(R_ACCESS, 16);
        out[i++] = LDX_W(R_MAJOR, R1, 4);
        out[i++] = LDX_W(R_MINOR, R1, 8);
        for (size_t k = 0; k < n; k++) {
                const struct sb_cgroup_device *d = &rules[k];
                /* Each test jumps past the rest of the rule on mismatch;
                 * the offsets are filled in once the rule's end is known. */
                size_t start = i;
                if (d->type != 'a')
                        out[i++] = JNE_IMM(R_TYPE, d->type == 'c'
                                                   ? BPF_DEVCG_DEV_CHAR
                                                   : BPF_DEVCG_DEV_BLOCK);
                /* Every access asked for must be among the allowed. */
                out[i++] = MOV64_REG(R1, R_ACCESS);
                out[i++] = AND32_IMM(R1, (int32_t)(~bpf_access(d->access) & 7));
                out[i++] = JNE_IMM(R1, 0);
                if (d->major != SB_CG_DEV_ANY)
                        out[i++] = JNE_IMM(R_MAJOR, (int32_t)d->major);
                if (d->minor != SB_CG_DEV_ANY)
                        out[i++] = JNE_IMM(R_MINOR, (int32_t)d->minor);
                out[i++] = MOV64_IMM(R0, 1);
                out[i++] = EXIT();
                for (size_t j = start; j < i; j++)
                        if (out[j].code == (BPF_JMP | BPF_JNE | BPF_K))
                                out[j].off = (int16_t)(i - j - 1);
        }
        out[i++] = MOV64_IMM(R0, 0);
        out[i++] = EXIT();
        return i;
}

int cgroup_devices_attach(int cgroup_fd, const char *path,
                          const struct sb_cgroup_device *rules, size_t n,
                          struct sb_error *err)
{
        size_t max = cgroup_devices_program_size(n);
        _cleanup_free_ struct bpf_insn *prog = calloc(max, sizeof(*prog));
        if (!prog)
                return sb_error_errno(err, ENOMEM, "device program");
        size_t len = cgroup_devices_program(rules, n, prog, max);

        union bpf_attr load;
        memset(&load, 0, sizeof(load));
        load.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
        load.insns = (uint64_t)(uintptr_t)prog;
        load.insn_cnt = (uint32_t)len;
        load.license = (uint64_t)(uintptr_t)"MIT";
        _cleanup_close_ int prog_fd =
                (int)syscall(SYS_bpf, BPF_PROG_LOAD, &load, sizeof(load));
        if (prog_fd < 0)
                return sb_error_errno(err, errno, "load the device program "
                                      "for cgroup %s (bpf)", path);

        /* ALLOW_MULTI: a cgroup below may add its own program, and the
         * kernel then requires both to allow. The attachment keeps the
         * program alive; it goes away with the cgroup. */
        union bpf_attr attach;
        memset(&attach, 0, sizeof(attach));
        attach.target_fd = (uint32_t)cgroup_fd;
        attach.attach_bpf_fd = (uint32_t)prog_fd;
        attach.attach_type = BPF_CGROUP_DEVICE;
        attach.attach_flags = BPF_F_ALLOW_MULTI;
        if (syscall(SYS_bpf, BPF_PROG_ATTACH, &attach, sizeof(attach)) < 0)
                return sb_error_errno(err, errno, "attach the device program "
                                      "to cgroup %s", path);
        log_debug("device program: %zu rules, %zu instructions, on %s", n,
                  len, path);
        return 0;
}
