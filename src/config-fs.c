/* Defaults and release of struct sb_fs_config, and the name tables the
 * loader and the engine share (mount types, devices, kernel masks). */
#include "config-fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const type_names[SB_MOUNT_TYPE_MAX] = {
        [SB_MOUNT_BIND] = "bind",       [SB_MOUNT_TMPFS] = "tmpfs",
        [SB_MOUNT_PROC] = "proc",       [SB_MOUNT_SYSFS] = "sysfs",
        [SB_MOUNT_MQUEUE] = "mqueue",   [SB_MOUNT_DEV] = "dev",
        [SB_MOUNT_OVERLAY] = "overlay", [SB_MOUNT_SYMLINK] = "symlink",
        [SB_MOUNT_FILE] = "file",       [SB_MOUNT_DIR] = "dir",
        [SB_MOUNT_MASK] = "mask",       [SB_MOUNT_READONLY] = NULL,
};

/* Only character devices that a sandbox may reasonably need: never a
 * block device, mem, kmsg or userfaultfd (a way around the seccomp
 * filter). The numbers are checked on the host's node before it is bound. */
static const struct sb_device_info devices[SB_DEV_MAX] = {
        [SB_DEV_NULL] = { "null", 1, 3 },
        [SB_DEV_ZERO] = { "zero", 1, 5 },
        [SB_DEV_FULL] = { "full", 1, 7 },
        [SB_DEV_RANDOM] = { "random", 1, 8 },
        [SB_DEV_URANDOM] = { "urandom", 1, 9 },
        [SB_DEV_TTY] = { "tty", 5, 0 },
        [SB_DEV_FUSE] = { "fuse", 10, 229 },
        [SB_DEV_KVM] = { "kvm", 10, 232 },
        [SB_DEV_TUN] = { "net/tun", 10, 200 },
};

/* runc's maskedPaths and readonlyPaths plus what SECURITY.md lists. A
 * path the running kernel lacks is skipped. */
static const struct sb_kmask kmasks[] = {
        { SB_KMASK_PROC, "kcore", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "keys", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "key-users", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "timer_list", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "timer_stats", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "sched_debug", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "latency_stats", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "kpagecount", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "kpageflags", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "kpagecgroup", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "acpi", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "asound", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "scsi", SB_KMASK_HIDE },
        { SB_KMASK_PROC, "sys", SB_KMASK_READONLY },
        { SB_KMASK_PROC, "sysrq-trigger", SB_KMASK_READONLY },
        { SB_KMASK_PROC, "irq", SB_KMASK_READONLY },
        { SB_KMASK_PROC, "bus", SB_KMASK_READONLY },
        { SB_KMASK_PROC, "fs", SB_KMASK_READONLY },
        { SB_KMASK_SYSFS, "firmware", SB_KMASK_HIDE },
        { SB_KMASK_SYSFS, "kernel/debug", SB_KMASK_HIDE },
        { SB_KMASK_SYSFS, "kernel/security", SB_KMASK_HIDE },
        { SB_KMASK_SYSFS, "devices/virtual/powercap", SB_KMASK_HIDE },
        /* Cgroupfs only through a cgroup namespace (SECURITY.md, item 5):
         * the host's hierarchies show other tenants' names and limits
         * and release_agent. Empty rather than mode 0000, so that a
         * program sees "no cgroup filesystem" instead of an error. */
        { SB_KMASK_SYSFS, "fs/cgroup", SB_KMASK_EMPTY },
};

void sb_fs_config_init(struct sb_fs_config *c)
{
        memset(c, 0, sizeof(*c));
        c->root = SB_FS_ROOT_HOST;
        c->devices = SB_DEVICES_DEFAULT;
}

void sb_mount_free(struct sb_mount *m)
{
        free(m->source);
        free(m->target);
        free(m->upper);
        free(m->content);
        free(m->origin);
        free(m->host_source);
        free(m->host_upper);
        memset(m, 0, sizeof(*m));
}

void sb_fs_config_free(struct sb_fs_config *c)
{
        free(c->root_dir);
        free(c->root_origin);
        for (size_t i = 0; i < c->n_mounts; i++)
                sb_mount_free(&c->mounts[i]);
        free(c->mounts);
        strv_free(c->home.writable);
        strv_free(c->home.readonly);
        free(c->home.dir);
        free(c->home.origin);
        free(c->set_origin);
        memset(c, 0, sizeof(*c));
}

const char *sb_mount_type_name(enum sb_mount_type t)
{
        return t >= 0 && t < SB_MOUNT_TYPE_MAX ? type_names[t] : NULL;
}

enum sb_mount_type sb_mount_type_from_name(const char *name)
{
        for (int t = 0; t < SB_MOUNT_TYPE_MAX; t++)
                if (type_names[t] && strcmp(type_names[t], name) == 0)
                        return (enum sb_mount_type)t;
        return SB_MOUNT_TYPE_INVALID;
}

const struct sb_device_info *sb_device_info(enum sb_device d)
{
        return d >= 0 && d < SB_DEV_MAX ? &devices[d] : NULL;
}

enum sb_device sb_device_from_name(const char *name)
{
        for (int d = 0; d < SB_DEV_MAX; d++)
                if (strcmp(devices[d].name, name) == 0)
                        return (enum sb_device)d;
        return SB_DEV_INVALID;
}

const struct sb_kmask *sb_kmask_table(size_t *ret_n)
{
        _Static_assert(ARRAY_SIZE(kmasks) <= 32, "unmask is a 32-bit set");
        *ret_n = ARRAY_SIZE(kmasks);
        return kmasks;
}

int sb_kmask_from_name(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(kmasks); i++) {
                const char *fs = kmasks[i].fs == SB_KMASK_PROC ? "/proc/"
                                                               : "/sys/";
                if (str_has_prefix(name, fs) &&
                    strcmp(name + strlen(fs), kmasks[i].path) == 0)
                        return (int)i;
        }
        return -1;
}
