/* The named groups of system calls and the built-in deny list, as data.
 * Names follow systemd's groups where one exists; sandbox.profile(5) and
 * `sandbox seccomp groups` document the members. Names that exist only on
 * some architectures (stime, vm86, s390_pci_*) are listed anyway: the
 * filter skips a name the architecture lacks. */
#include "seccomp-groups.h"

#include <stddef.h>
#include <string.h>

#include "util.h"

#define ANY(n) { n, SECCOMP_ARGS_ANY }
#define END { NULL, SECCOMP_ARGS_ANY }

static const struct seccomp_member clock_members[] = {
        ANY("adjtimex"), ANY("clock_adjtime"), ANY("clock_adjtime64"),
        ANY("clock_settime"), ANY("clock_settime64"), ANY("settimeofday"),
        ANY("stime"), END,
};

static const struct seccomp_member debug_members[] = {
        ANY("pidfd_getfd"), ANY("process_vm_readv"), ANY("process_vm_writev"),
        ANY("ptrace"), END,
};

static const struct seccomp_member io_uring_members[] = {
        ANY("io_uring_enter"), ANY("io_uring_register"), ANY("io_uring_setup"),
        END,
};

static const struct seccomp_member keyring_members[] = {
        ANY("add_key"), ANY("keyctl"), ANY("request_key"), END,
};

static const struct seccomp_member module_members[] = {
        ANY("delete_module"), ANY("finit_module"), ANY("init_module"), END,
};

/* The old mount(2) family and the whole mount API of Linux 5.2 and later
 * (open_tree_attr is Linux 6.15). */
static const struct seccomp_member mount_members[] = {
        ANY("fsconfig"), ANY("fsmount"), ANY("fsopen"), ANY("fspick"),
        ANY("mount"), ANY("mount_setattr"), ANY("move_mount"),
        ANY("open_tree"), ANY("open_tree_attr"), ANY("pivot_root"),
        ANY("umount"), ANY("umount2"), END,
};

/* clone and unshare only with a CLONE_NEW* flag, so that threads and fork
 * keep working; clone3 entirely (see SECCOMP_ENOSYS_CALL). */
static const struct seccomp_member namespaces_members[] = {
        { "clone", SECCOMP_ARGS_NEW_NS }, ANY("clone3"), ANY("setns"),
        { "unshare", SECCOMP_ARGS_NEW_NS }, END,
};

static const struct seccomp_member obsolete_members[] = {
        ANY("_sysctl"), ANY("bdflush"), ANY("create_module"),
        ANY("get_kernel_syms"), ANY("lookup_dcookie"), ANY("nfsservctl"),
        ANY("query_module"), ANY("sysfs"), ANY("uselib"), ANY("ustat"),
        ANY("vm86"), ANY("vm86old"), END,
};

static const struct seccomp_member raw_io_members[] = {
        ANY("ioperm"), ANY("iopl"), ANY("pciconfig_iobase"),
        ANY("pciconfig_read"), ANY("pciconfig_write"),
        ANY("s390_pci_mmio_read"), ANY("s390_pci_mmio_write"), END,
};

static const struct seccomp_member reboot_members[] = {
        ANY("kexec_file_load"), ANY("kexec_load"), ANY("reboot"), END,
};

static const struct seccomp_member swap_members[] = {
        ANY("swapoff"), ANY("swapon"), END,
};

static const struct seccomp_member chown_members[] = {
        ANY("chown"), ANY("chown32"), ANY("fchown"), ANY("fchown32"),
        ANY("fchownat"), ANY("lchown"), ANY("lchown32"), END,
};

/* As systemd's @privileged: what needs a capability to do anything. Not
 * part of the built-in deny list, because programs legitimately call
 * setuid and chown inside their own user namespace. */
static const struct seccomp_member privileged_members[] = {
        ANY("@chown"), ANY("@clock"), ANY("@module"), ANY("@raw-io"),
        ANY("@reboot"), ANY("@swap"), ANY("_sysctl"), ANY("acct"),
        ANY("bpf"), ANY("capset"), ANY("chroot"), ANY("fanotify_init"),
        ANY("nfsservctl"), ANY("open_by_handle_at"), ANY("pivot_root"),
        ANY("quotactl"), ANY("quotactl_fd"), ANY("setdomainname"),
        ANY("setfsuid"), ANY("setfsuid32"), ANY("setgroups"),
        ANY("setgroups32"), ANY("sethostname"), ANY("setresuid"),
        ANY("setresuid32"), ANY("setreuid"), ANY("setreuid32"),
        ANY("setuid"), ANY("setuid32"), ANY("vhangup"), END,
};

/* The built-in deny list: kernel surface a sandboxed program has no
 * business with, and the known ways out of a sandbox. */
static const struct seccomp_member default_deny_members[] = {
        ANY("@clock"), ANY("@debug"), ANY("@io-uring"), ANY("@keyring"),
        ANY("@module"), ANY("@mount"), ANY("@namespaces"), ANY("@obsolete"),
        ANY("@raw-io"), ANY("@reboot"), ANY("@swap"),
        ANY("acct"), ANY("bpf"), { "ioctl", SECCOMP_ARGS_TTY_INJECT },
        ANY("name_to_handle_at"), ANY("open_by_handle_at"),
        ANY("perf_event_open"), { "personality", SECCOMP_ARGS_PERSONALITY },
        ANY("quotactl"), ANY("quotactl_fd"), ANY("syslog"),
        ANY("userfaultfd"), END,
};

const struct seccomp_group seccomp_groups[] = {
        { "@chown", "Change the owner of files", chown_members },
        { "@clock", "Set the system clock", clock_members },
        { "@debug", "Debug or read the memory of other processes",
          debug_members },
        { SECCOMP_DEFAULT_DENY,
          "The built-in deny list, refused unless a profile allows them",
          default_deny_members },
        { "@io-uring", "The io_uring interface", io_uring_members },
        { "@keyring", "The kernel keyrings", keyring_members },
        { "@module", "Load and unload kernel modules", module_members },
        { "@mount", "Mount and unmount file systems, the mount API",
          mount_members },
        { "@namespaces", "Create or join namespaces (nested sandboxes)",
          namespaces_members },
        { "@obsolete", "Old interfaces that current programs do not use",
          obsolete_members },
        { "@privileged", "Calls that need a capability to do anything",
          privileged_members },
        { "@raw-io", "Raw access to I/O ports and PCI devices",
          raw_io_members },
        { "@reboot", "Reboot or load a new kernel", reboot_members },
        { "@swap", "Enable and disable swap", swap_members },
        { NULL, NULL, NULL },
};

const struct seccomp_group *seccomp_group_find(const char *name)
{
        for (const struct seccomp_group *g = seccomp_groups; g->name; g++)
                if (strcmp(g->name, name) == 0)
                        return g;
        return NULL;
}

const char *seccomp_args_describe(enum seccomp_args args)
{
        static const char *const text[SECCOMP_ARGS_MAX] = {
                [SECCOMP_ARGS_NEW_NS] = "only with a CLONE_NEW* flag",
                [SECCOMP_ARGS_TTY_INJECT] =
                        "only the TIOCSTI and TIOCLINUX requests",
                [SECCOMP_ARGS_PERSONALITY] =
                        "only personalities other than PER_LINUX, "
                        "PER_LINUX32, UNAME26 and the query 0xffffffff",
        };
        return args >= 0 && args < SECCOMP_ARGS_MAX ? text[args] : NULL;
}

/* Calls added after libseccomp 2.5.4's tables. Since Linux 5.1 every
 * architecture but alpha, mips and the x32 ABI gives a new call the same
 * number; the caller checks the architecture. */
static const struct {
        const char *name;
        int nr;
} newer_calls[] = {
        { "statmount", 457 },     { "listmount", 458 },
        { "lsm_get_self_attr", 459 }, { "lsm_set_self_attr", 460 },
        { "lsm_list_modules", 461 }, { "mseal", 462 },
        { "setxattrat", 463 },    { "getxattrat", 464 },
        { "listxattrat", 465 },   { "removexattrat", 466 },
        { "open_tree_attr", 467 }, { "file_getattr", 468 },
        { "file_setattr", 469 },
};

int seccomp_newer_call_number(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(newer_calls); i++)
                if (strcmp(newer_calls[i].name, name) == 0)
                        return newer_calls[i].nr;
        return -1;
}
