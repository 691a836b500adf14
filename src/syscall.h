/* System calls that glibc 2.36 has no wrapper for. The new mount API
 * (fsopen, fsmount, move_mount, open_tree, mount_setattr) comes from
 * glibc's <sys/mount.h>. */
#ifndef SB_SYSCALL_H
#define SB_SYSCALL_H

#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline int sys_openat2(int dirfd, const char *path,
                              const struct open_how *how)
{
        return (int)syscall(SYS_openat2, dirfd, path, how, sizeof(*how));
}

static inline int sys_pivot_root(const char *new_root, const char *put_old)
{
        return (int)syscall(SYS_pivot_root, new_root, put_old);
}

#endif
