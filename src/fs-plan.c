/* From config to plan: what a profile wrote, plus what it left to the
 * defaults, in the order it is applied. No I/O here.
 *
 * - Defaults: /proc (a procfs), /dev (the minimal /dev), /tmp (a private
 *   tmpfs) and, with root = "host", /run (a tmpfs: the host's /run holds
 *   sockets such as the session bus, which a read-only mount does not
 *   stop anyone from connecting to) and, with a network namespace too,
 *   /sys (a sysfs of that namespace). A default is left out when any
 *   entry (the home convenience included) has the same target. Defaults
 *   are optional: a root directory that lacks /proc is not an error.
 * - filesystem.home expands, after the defaults and before the profile's
 *   mounts (which may then add below the home): a 0700 tmpfs over the
 *   home when private, then a bind per writable or read-only entry,
 *   each optional, since a home rarely has every entry a profile names.
 * - Kernel masks follow each procfs or sysfs entry (a bind of /proc or
 *   /sys counts), relative to its target. With root = "host" the host's
 *   /proc and /sys are part of the base, so they get the masks too unless
 *   an entry replaces them. */
#include "fs-plan.h"

#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "config.h"
#include "util.h"

static const char *const type_labels[SB_MOUNT_TYPE_MAX] = {
        [SB_MOUNT_READONLY] = "read-only",
};

const char *fs_plan_type_label(enum sb_mount_type t)
{
        const char *name = sb_mount_type_name(t);
        if (name)
                return name;
        return t >= 0 && t < SB_MOUNT_TYPE_MAX && type_labels[t]
                       ? type_labels[t]
                       : "?";
}

void fs_plan_describe(const struct sb_mount *m, char *buf, size_t size)
{
        const char *label = fs_plan_type_label(m->type);
        if (m->source && m->type != SB_MOUNT_SYMLINK &&
            strcmp(m->source, m->target) != 0)
                snprintf(buf, size, "%s %s on %s", label, m->source,
                         m->target);
        else
                snprintf(buf, size, "%s %s", label, m->target);
}

static char *dup_or_null(const char *s)
{
        return s ? xstrdup(s) : NULL;
}

/* Append a copy of m with the given origin (taken). */
static struct sb_mount *add(struct fs_plan *p, const struct sb_mount *m,
                            char *origin)
{
        p->ops = xrealloc(p->ops, (p->n + 1) * sizeof(*p->ops));
        struct sb_mount *o = &p->ops[p->n++];
        *o = *m;
        o->source = dup_or_null(m->source);
        o->target = dup_or_null(m->target);
        o->upper = dup_or_null(m->upper);
        o->content = dup_or_null(m->content);
        o->host_source = dup_or_null(m->host_source);
        o->host_upper = dup_or_null(m->host_upper);
        o->origin = origin;
        return o;
}

/* Where the masks of a procfs or sysfs go, or -1 if m is neither. */
static int kmask_fs_of(const struct sb_mount *m)
{
        if (m->type == SB_MOUNT_PROC)
                return SB_KMASK_PROC;
        if (m->type == SB_MOUNT_SYSFS)
                return SB_KMASK_SYSFS;
        if (m->type == SB_MOUNT_BIND && m->source) {
                if (strcmp(m->source, "/proc") == 0)
                        return SB_KMASK_PROC;
                if (strcmp(m->source, "/sys") == 0)
                        return SB_KMASK_SYSFS;
        }
        return -1;
}

static void add_kmasks(struct fs_plan *p, const struct sb_fs_config *fs,
                       int which, const char *mountpoint)
{
        size_t n;
        const struct sb_kmask *t = sb_kmask_table(&n);
        static const enum sb_mount_type types[] = {
                [SB_KMASK_HIDE] = SB_MOUNT_MASK,
                [SB_KMASK_READONLY] = SB_MOUNT_READONLY,
                [SB_KMASK_EMPTY] = SB_MOUNT_TMPFS,
        };
        for (size_t i = 0; i < n; i++) {
                if ((int)t[i].fs != which || (fs->unmask & (1u << i)))
                        continue;
                struct sb_mount m = {
                        .type = types[t[i].kind],
                        .optional = true,
                        .fs_magic = which == SB_KMASK_PROC ? PROC_SUPER_MAGIC
                                                           : SYSFS_MAGIC,
                        /* An empty tmpfs (read-only) only covers. */
                        .size = t[i].kind == SB_KMASK_EMPTY ? 4096 : 0,
                        .mode = 0755,
                        .mode_set = t[i].kind == SB_KMASK_EMPTY,
                };
                m.target = xasprintf("%s/%s", mountpoint, t[i].path);
                add(p, &m, xstrdup("kernel mask"));
                free(m.target);
        }
}

/* The entries that come from the home convenience, in order. */
static void expand_home(const struct sb_fs_home *h, struct fs_plan *out)
{
        if (!h->origin || !h->dir)
                return;
        const char *origin = h->origin;
        if (h->private_home) {
                struct sb_mount m = {
                        .type = SB_MOUNT_TMPFS,
                        .target = h->dir,
                        .mode = 0700,
                        .mode_set = true,
                };
                add(out, &m, xasprintf("filesystem.home at %s", origin));
        }
        for (int ro = 0; ro < 2; ro++) {
                char **list = ro ? h->readonly : h->writable;
                for (size_t i = 0; list && list[i]; i++) {
                        char *path = xasprintf(
                                "%s%s%s", h->dir,
                                str_has_suffix(h->dir, "/") ? "" : "/",
                                list[i]);
                        struct sb_mount m = {
                                .type = SB_MOUNT_BIND,
                                .source = path,
                                .target = path,
                                .readonly = ro,
                                .optional = true,
                                .recursive = true,
                        };
                        add(out, &m,
                            xasprintf("filesystem.home at %s", origin));
                        free(path);
                }
        }
}

static bool has_target(const struct fs_plan *p, const char *target)
{
        for (size_t i = 0; i < p->n; i++)
                if (strcmp(p->ops[i].target, target) == 0)
                        return true;
        return false;
}

void fs_plan_build(const struct sb_config *cfg, struct fs_plan *ret)
{
        const struct sb_fs_config *fs = &cfg->fs;
        /* The home convenience and the profile's own entries, first on
         * their own, to see which defaults they replace. */
        struct fs_plan mine = { 0 };
        expand_home(&fs->home, &mine);
        for (size_t i = 0; i < fs->n_mounts; i++)
                add(&mine, &fs->mounts[i],
                    xasprintf("mount entry at %s",
                              fs->mounts[i].origin ? fs->mounts[i].origin
                                                   : "?"));

        static const struct sb_mount defaults[] = {
                { .type = SB_MOUNT_PROC, .target = "/proc" },
                { .type = SB_MOUNT_SYSFS, .target = "/sys" },
                { .type = SB_MOUNT_DEV, .target = "/dev" },
                { .type = SB_MOUNT_TMPFS, .target = "/tmp", .mode = 01777,
                  .mode_set = true },
                { .type = SB_MOUNT_TMPFS, .target = "/run", .mode = 0755,
                  .mode_set = true },
        };
        struct fs_plan all = { 0 };
        bool host = fs->root == SB_FS_ROOT_HOST;
        /* The host's /sys shows the host's network interfaces; a new one
         * shows the sandbox's own network namespace. Without one there
         * is nothing else to show: the host's stays, read-only. */
        bool new_sys = host && (cfg->namespaces & SB_NS_NET);
        for (size_t i = 0; i < ARRAY_SIZE(defaults); i++) {
                struct sb_mount m = defaults[i];
                if ((strcmp(m.target, "/run") == 0 && !host) ||
                    (m.type == SB_MOUNT_SYSFS && !new_sys) ||
                    has_target(&mine, m.target))
                        continue;
                m.optional = true;
                add(&all, &m, xstrdup("default mount"));
                if (kmask_fs_of(&m) >= 0)
                        add_kmasks(&all, fs, kmask_fs_of(&m), m.target);
        }
        /* The host's own /proc and /sys, where nothing replaces them. */
        if (host && !has_target(&all, "/proc") && !has_target(&mine, "/proc"))
                add_kmasks(&all, fs, SB_KMASK_PROC, "/proc");
        if (host && !has_target(&all, "/sys") && !has_target(&mine, "/sys"))
                add_kmasks(&all, fs, SB_KMASK_SYSFS, "/sys");

        /* Masks right after each procfs or sysfs, so that a later entry
         * can still lay something over them. */
        for (size_t i = 0; i < mine.n; i++) {
                struct sb_mount *m = &mine.ops[i];
                int which = kmask_fs_of(m);
                add(&all, m, TAKE_PTR(m->origin));
                if (which >= 0)
                        add_kmasks(&all, fs, which, m->target);
        }
        fs_plan_free(&mine);
        *ret = all;
}

void fs_plan_append(struct fs_plan *p, const struct sb_mount *m, size_t n)
{
        for (size_t i = 0; i < n; i++)
                add(p, &m[i], xstrdup(m[i].origin ? m[i].origin : "?"));
}

void fs_plan_free(struct fs_plan *p)
{
        for (size_t i = 0; i < p->n; i++)
                sb_mount_free(&p->ops[i]);
        free(p->ops);
        p->ops = NULL;
        p->n = 0;
}
