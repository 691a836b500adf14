/* The system calls the probe knows by name: every member of the groups in
 * src/seccomp-groups.c and a few harmless ones. A call this architecture
 * lacks is -1 ("absent"). Calls newer than the C library's headers get
 * their number from the common table of Linux 5.1 and later, on the
 * architectures that use it. Add a name here when a group gains one. */
#ifndef PROBE_CALLS_H
#define PROBE_CALLS_H

#include <sys/syscall.h>

#if (defined(__x86_64__) && !defined(__ILP32__)) || defined(__aarch64__) || \
        (defined(__riscv) && __riscv_xlen == 64)
#ifndef SYS_open_tree_attr
#define SYS_open_tree_attr 467
#endif
#endif

#ifndef SYS__sysctl
#define SYS__sysctl -1
#endif
#ifndef SYS_acct
#define SYS_acct -1
#endif
#ifndef SYS_add_key
#define SYS_add_key -1
#endif
#ifndef SYS_adjtimex
#define SYS_adjtimex -1
#endif
#ifndef SYS_bdflush
#define SYS_bdflush -1
#endif
#ifndef SYS_bpf
#define SYS_bpf -1
#endif
#ifndef SYS_capset
#define SYS_capset -1
#endif
#ifndef SYS_chown
#define SYS_chown -1
#endif
#ifndef SYS_chown32
#define SYS_chown32 -1
#endif
#ifndef SYS_chroot
#define SYS_chroot -1
#endif
#ifndef SYS_clock_adjtime
#define SYS_clock_adjtime -1
#endif
#ifndef SYS_clock_adjtime64
#define SYS_clock_adjtime64 -1
#endif
#ifndef SYS_clock_settime
#define SYS_clock_settime -1
#endif
#ifndef SYS_clock_settime64
#define SYS_clock_settime64 -1
#endif
#ifndef SYS_clone
#define SYS_clone -1
#endif
#ifndef SYS_clone3
#define SYS_clone3 -1
#endif
#ifndef SYS_create_module
#define SYS_create_module -1
#endif
#ifndef SYS_delete_module
#define SYS_delete_module -1
#endif
#ifndef SYS_fanotify_init
#define SYS_fanotify_init -1
#endif
#ifndef SYS_fchown
#define SYS_fchown -1
#endif
#ifndef SYS_fchown32
#define SYS_fchown32 -1
#endif
#ifndef SYS_fchownat
#define SYS_fchownat -1
#endif
#ifndef SYS_finit_module
#define SYS_finit_module -1
#endif
#ifndef SYS_fsconfig
#define SYS_fsconfig -1
#endif
#ifndef SYS_fsmount
#define SYS_fsmount -1
#endif
#ifndef SYS_fsopen
#define SYS_fsopen -1
#endif
#ifndef SYS_fspick
#define SYS_fspick -1
#endif
#ifndef SYS_get_kernel_syms
#define SYS_get_kernel_syms -1
#endif
#ifndef SYS_init_module
#define SYS_init_module -1
#endif
#ifndef SYS_io_uring_enter
#define SYS_io_uring_enter -1
#endif
#ifndef SYS_io_uring_register
#define SYS_io_uring_register -1
#endif
#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup -1
#endif
#ifndef SYS_ioctl
#define SYS_ioctl -1
#endif
#ifndef SYS_ioperm
#define SYS_ioperm -1
#endif
#ifndef SYS_iopl
#define SYS_iopl -1
#endif
#ifndef SYS_kexec_file_load
#define SYS_kexec_file_load -1
#endif
#ifndef SYS_kexec_load
#define SYS_kexec_load -1
#endif
#ifndef SYS_keyctl
#define SYS_keyctl -1
#endif
#ifndef SYS_lchown
#define SYS_lchown -1
#endif
#ifndef SYS_lchown32
#define SYS_lchown32 -1
#endif
#ifndef SYS_lookup_dcookie
#define SYS_lookup_dcookie -1
#endif
#ifndef SYS_mount
#define SYS_mount -1
#endif
#ifndef SYS_mount_setattr
#define SYS_mount_setattr -1
#endif
#ifndef SYS_move_mount
#define SYS_move_mount -1
#endif
#ifndef SYS_name_to_handle_at
#define SYS_name_to_handle_at -1
#endif
#ifndef SYS_nfsservctl
#define SYS_nfsservctl -1
#endif
#ifndef SYS_open_by_handle_at
#define SYS_open_by_handle_at -1
#endif
#ifndef SYS_open_tree
#define SYS_open_tree -1
#endif
#ifndef SYS_open_tree_attr
#define SYS_open_tree_attr -1
#endif
#ifndef SYS_pciconfig_iobase
#define SYS_pciconfig_iobase -1
#endif
#ifndef SYS_pciconfig_read
#define SYS_pciconfig_read -1
#endif
#ifndef SYS_pciconfig_write
#define SYS_pciconfig_write -1
#endif
#ifndef SYS_perf_event_open
#define SYS_perf_event_open -1
#endif
#ifndef SYS_personality
#define SYS_personality -1
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd -1
#endif
#ifndef SYS_pivot_root
#define SYS_pivot_root -1
#endif
#ifndef SYS_process_vm_readv
#define SYS_process_vm_readv -1
#endif
#ifndef SYS_process_vm_writev
#define SYS_process_vm_writev -1
#endif
#ifndef SYS_ptrace
#define SYS_ptrace -1
#endif
#ifndef SYS_query_module
#define SYS_query_module -1
#endif
#ifndef SYS_quotactl
#define SYS_quotactl -1
#endif
#ifndef SYS_quotactl_fd
#define SYS_quotactl_fd -1
#endif
#ifndef SYS_reboot
#define SYS_reboot -1
#endif
#ifndef SYS_request_key
#define SYS_request_key -1
#endif
#ifndef SYS_s390_pci_mmio_read
#define SYS_s390_pci_mmio_read -1
#endif
#ifndef SYS_s390_pci_mmio_write
#define SYS_s390_pci_mmio_write -1
#endif
#ifndef SYS_setdomainname
#define SYS_setdomainname -1
#endif
#ifndef SYS_setfsuid
#define SYS_setfsuid -1
#endif
#ifndef SYS_setfsuid32
#define SYS_setfsuid32 -1
#endif
#ifndef SYS_setgroups
#define SYS_setgroups -1
#endif
#ifndef SYS_setgroups32
#define SYS_setgroups32 -1
#endif
#ifndef SYS_sethostname
#define SYS_sethostname -1
#endif
#ifndef SYS_setns
#define SYS_setns -1
#endif
#ifndef SYS_setresuid
#define SYS_setresuid -1
#endif
#ifndef SYS_setresuid32
#define SYS_setresuid32 -1
#endif
#ifndef SYS_setreuid
#define SYS_setreuid -1
#endif
#ifndef SYS_setreuid32
#define SYS_setreuid32 -1
#endif
#ifndef SYS_settimeofday
#define SYS_settimeofday -1
#endif
#ifndef SYS_setuid
#define SYS_setuid -1
#endif
#ifndef SYS_setuid32
#define SYS_setuid32 -1
#endif
#ifndef SYS_stime
#define SYS_stime -1
#endif
#ifndef SYS_swapoff
#define SYS_swapoff -1
#endif
#ifndef SYS_swapon
#define SYS_swapon -1
#endif
#ifndef SYS_sysfs
#define SYS_sysfs -1
#endif
#ifndef SYS_syslog
#define SYS_syslog -1
#endif
#ifndef SYS_umount
#define SYS_umount -1
#endif
#ifndef SYS_umount2
#define SYS_umount2 -1
#endif
#ifndef SYS_unshare
#define SYS_unshare -1
#endif
#ifndef SYS_uselib
#define SYS_uselib -1
#endif
#ifndef SYS_userfaultfd
#define SYS_userfaultfd -1
#endif
#ifndef SYS_ustat
#define SYS_ustat -1
#endif
#ifndef SYS_vhangup
#define SYS_vhangup -1
#endif
#ifndef SYS_vm86
#define SYS_vm86 -1
#endif
#ifndef SYS_vm86old
#define SYS_vm86old -1
#endif
#ifndef SYS_getpid
#define SYS_getpid -1
#endif
#ifndef SYS_getppid
#define SYS_getppid -1
#endif
#ifndef SYS_gettid
#define SYS_gettid -1
#endif
#ifndef SYS_uname
#define SYS_uname -1
#endif

#define C(n) { #n, SYS_##n }
static const struct { const char *name; long nr; } probe_calls[] = {
        C(_sysctl), C(acct), C(add_key), C(adjtimex), C(bdflush), C(bpf),
        C(capset), C(chown), C(chown32), C(chroot), C(clock_adjtime),
        C(clock_adjtime64), C(clock_settime), C(clock_settime64), C(clone),
        C(clone3), C(create_module), C(delete_module), C(fanotify_init),
        C(fchown), C(fchown32), C(fchownat), C(finit_module), C(fsconfig),
        C(fsmount), C(fsopen), C(fspick), C(get_kernel_syms), C(init_module),
        C(io_uring_enter), C(io_uring_register), C(io_uring_setup), C(ioctl),
        C(ioperm), C(iopl), C(kexec_file_load), C(kexec_load), C(keyctl),
        C(lchown), C(lchown32), C(lookup_dcookie), C(mount), C(mount_setattr),
        C(move_mount), C(name_to_handle_at), C(nfsservctl),
        C(open_by_handle_at), C(open_tree), C(open_tree_attr),
        C(pciconfig_iobase), C(pciconfig_read), C(pciconfig_write),
        C(perf_event_open), C(personality), C(pidfd_getfd), C(pivot_root),
        C(process_vm_readv), C(process_vm_writev), C(ptrace), C(query_module),
        C(quotactl), C(quotactl_fd), C(reboot), C(request_key),
        C(s390_pci_mmio_read), C(s390_pci_mmio_write), C(setdomainname),
        C(setfsuid), C(setfsuid32), C(setgroups), C(setgroups32),
        C(sethostname), C(setns), C(setresuid), C(setresuid32), C(setreuid),
        C(setreuid32), C(settimeofday), C(setuid), C(setuid32), C(stime),
        C(swapoff), C(swapon), C(sysfs), C(syslog), C(umount), C(umount2),
        C(unshare), C(uselib), C(userfaultfd), C(ustat), C(vhangup), C(vm86),
        C(vm86old), C(getpid), C(getppid), C(gettid), C(uname),
};
#undef C

#endif
