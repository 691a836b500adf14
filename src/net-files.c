/* The sandbox's own /etc/resolv.conf and /etc/hosts, built from the
 * profile and bind-mounted over the files of its filesystem view, so that
 * it works the same on the host's tree and on a pivoted, read-only root.
 *
 * How: the files the view has are opened (O_PATH) first; a small tmpfs is
 * mounted over /etc for a moment, the new files are written there and the
 * tmpfs is made read-only; each file is cloned (open_tree) and mounted
 * onto the held descriptor of the file it replaces; then the staging
 * tmpfs is detached. The clones keep it alive, read-only, and nothing of
 * it stays visible elsewhere. (A memfd cannot be bind-mounted: it lives
 * on a kernel-internal mount.)
 *
 * When the profile sets network.dns or network.hosts and the view has no
 * such file, that is an error; when the file is only a default (modes
 * other than "host"), the view's file is left alone, with a debug line. */
#include "net.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "net-addr.h"
#include "util.h"

#ifndef SYS_open_tree
#define SYS_open_tree 428
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef OPEN_TREE_CLOEXEC
#define OPEN_TREE_CLOEXEC O_CLOEXEC
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#endif
#ifndef MOVE_MOUNT_T_EMPTY_PATH
#define MOVE_MOUNT_T_EMPTY_PATH 0x00000040
#endif

#define STAGING "/etc"
#define STAGING_FLAGS (MS_NOSUID | MS_NODEV | MS_NOEXEC)

char *net_resolv_conf_text(const struct sb_net_config *n)
{
        char *out = xstrdup("# The sandbox's resolver configuration "
                            "(network.dns in its profile).\n");
        for (size_t i = 0; i < n->n_dns; i++) {
                char abuf[NET_ADDR_TEXT_MAX];
                char *next = xasprintf("%snameserver %s\n", out,
                                       net_addr_format(&n->dns[i], false,
                                                       abuf));
                free(out);
                out = next;
        }
        return out;
}

char *net_hosts_text(const struct sb_net_config *n, const char *hostname)
{
        /* Debian's layout: the host name on 127.0.1.1, so that it
         * resolves in every mode, with or without an interface. */
        char *out = xasprintf(
                "# The sandbox's hosts file (network.hosts in its profile).\n"
                "127.0.0.1\tlocalhost\n"
                "::1\tlocalhost ip6-localhost ip6-loopback\n"
                "%s%s%s",
                hostname && *hostname ? "127.0.1.1\t" : "",
                hostname ? hostname : "", hostname && *hostname ? "\n" : "");
        for (size_t i = 0; n->hosts && n->hosts[i]; i++) {
                char *next = xasprintf("%s%s\n", out, n->hosts[i]);
                free(out);
                out = next;
        }
        return out;
}

struct etc_file {
        const char *path;       /* what it covers in the view */
        const char *key;        /* the profile key, for messages */
        const char *where;      /* "file:line", or NULL for a default */
        char *text;
        int target;             /* O_PATH fd of the covered file */
};

/* Hold the file to cover. A missing one is an error only when the
 * profile asked for this file. Returns 1 if held, 0 if skipped. */
static int hold_target(struct etc_file *f, struct sb_error *err)
{
        /* The view is the sandbox's own (its root after pivot_root), so a
         * symlink here resolves inside it, and the mount stays in the
         * sandbox's mount namespace whatever it covers. */
        f->target = open(f->path, O_PATH | O_CLOEXEC);
        int e = f->target < 0 ? errno : 0;
        struct stat st;
        if (!e && fstat(f->target, &st) == 0 && S_ISDIR(st.st_mode))
                e = EISDIR;
        if (!e)
                return 1;
        if (f->target >= 0)
                close(f->target);
        f->target = -1;
        if (f->where)
                return sb_error_errno(err, e, "%s: %s: cannot place the "
                                      "sandbox's %s: its filesystem view "
                                      "has no file there", f->where, f->key,
                                      f->path);
        log_debug("%s: not in the view (%s), left alone", f->path,
                  strerror(e));
        return 0;
}

static int write_file(const char *path, const char *text, struct sb_error *err)
{
        _cleanup_close_ int fd = open(path, O_WRONLY | O_CREAT | O_EXCL |
                                                    O_NOFOLLOW | O_CLOEXEC,
                                      0644);
        if (fd < 0)
                return sb_error_errno(err, errno, "create %s on the staging "
                                      "tmpfs", path);
        size_t len = strlen(text);
        for (size_t off = 0; off < len;) {
                ssize_t w = write(fd, text + off, len - off);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w <= 0)
                        return sb_error_errno(err, w < 0 ? errno : EIO,
                                              "write %s", path);
                off += (size_t)w;
        }
        return 0;
}

/* Mount the staged copy of f (at the same path, on the staging tmpfs)
 * onto the held file it covers. */
static int place(const struct etc_file *f, struct sb_error *err)
{
        _cleanup_close_ int tree = (int)syscall(
                SYS_open_tree, AT_FDCWD, f->path,
                OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
        if (tree < 0)
                return sb_error_errno(err, errno, "clone the staged %s",
                                      f->path);
        if (syscall(SYS_move_mount, tree, "", f->target, "",
                    MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) < 0)
                return sb_error_errno(err, errno, "mount the sandbox's %s",
                                      f->path);
        log_debug("mount the sandbox's %s", f->path);
        return 0;
}

static int stage_and_place(struct etc_file *files, size_t n,
                           struct sb_error *err)
{
        if (mount("sandbox-etc", STAGING, "tmpfs", STAGING_FLAGS,
                  "size=1m,nr_inodes=16,mode=0755") < 0)
                return sb_error_errno(err, errno, "mount tmpfs on %s "
                                      "(staging resolv.conf and hosts)",
                                      STAGING);
        int r = 0;
        for (size_t i = 0; r == 0 && i < n; i++)
                if (files[i].target >= 0)
                        r = write_file(files[i].path, files[i].text, err);
        /* Read-only for the sandbox: the superblock, so every clone. */
        if (r == 0 && mount(NULL, STAGING, NULL,
                            MS_REMOUNT | MS_RDONLY | STAGING_FLAGS, NULL) < 0)
                r = sb_error_errno(err, errno, "make the staging tmpfs on "
                                   "%s read-only", STAGING);
        for (size_t i = 0; r == 0 && i < n; i++)
                if (files[i].target >= 0)
                        r = place(&files[i], err);
        if (umount2(STAGING, MNT_DETACH) < 0 && r == 0)
                r = sb_error_errno(err, errno, "detach the staging tmpfs "
                                   "from %s", STAGING);
        return r;
}

int net_files_setup(const struct sb_config *cfg, struct sb_error *err)
{
        const struct sb_net_config *n = &cfg->net;
        bool own = n->mode != SB_NET_HOST;
        struct etc_file files[2] = {
                { "/etc/resolv.conf", "network.dns", n->dns_where, NULL, -1 },
                { "/etc/hosts", "network.hosts", n->hosts_where, NULL, -1 },
        };
        const bool want[2] = { own || n->dns_where, own || n->hosts_where };
        if (!want[0] && !want[1])
                return 0;
        if (!(cfg->namespaces & SB_NS_MOUNT)) {
                /* The loader refuses dns and hosts without it. */
                log_debug("no mount namespace: resolv.conf and hosts are "
                          "the host's");
                return 0;
        }
        int r = 0;
        size_t held = 0;
        for (size_t i = 0; r >= 0 && i < 2; i++) {
                if (!want[i])
                        continue;
                r = hold_target(&files[i], err);
                held += r > 0;
        }
        if (r >= 0 && held) {
                char host[256] = "";
                if (cfg->namespaces & SB_NS_UTS)
                        snprintf(host, sizeof(host), "%s", cfg->hostname);
                else if (gethostname(host, sizeof(host) - 1) < 0)
                        host[0] = '\0';
                files[0].text = net_resolv_conf_text(n);
                files[1].text = net_hosts_text(n, host);
                r = stage_and_place(files, 2, err);
        }
        for (size_t i = 0; i < 2; i++) {
                if (files[i].target >= 0)
                        close(files[i].target);
                free(files[i].text);
        }
        return r < 0 ? r : 0;
}
