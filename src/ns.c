/* Namespaces and the user namespace's id maps. */
#include "ns.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "config.h"
#include "log.h"

int ns_clone_flags(unsigned namespaces)
{
        static const struct {
                unsigned ns;
                int flag;
        } table[] = {
                { SB_NS_USER, CLONE_NEWUSER }, { SB_NS_MOUNT, CLONE_NEWNS },
                { SB_NS_PID, CLONE_NEWPID },   { SB_NS_UTS, CLONE_NEWUTS },
                { SB_NS_IPC, CLONE_NEWIPC },   { SB_NS_NET, CLONE_NEWNET },
        };
        int flags = 0;
        for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
                if (namespaces & table[i].ns)
                        flags |= table[i].flag;
        return flags;
}

static int write_proc_file(pid_t pid, const char *file, const char *text,
                           struct sb_error *err)
{
        char path[64];
        if (pid)
                snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, file);
        else
                snprintf(path, sizeof(path), "/proc/self/%s", file);
        _cleanup_close_ int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s", path);
        size_t len = strlen(text);
        ssize_t n = write(fd, text, len);
        if (n < 0)
                return sb_error_errno(err, errno, "write '%.*s' to %s",
                                      (int)strcspn(text, "\n"), text, path);
        if ((size_t)n != len)
                return sb_error_set(err, -EIO, "short write to %s", path);
        return 0;
}

int ns_write_id_maps(pid_t pid, const struct ns_id_map *map,
                     struct sb_error *err)
{
        char line[64];
        int r;
        if (map->deny_setgroups) {
                r = write_proc_file(pid, "setgroups", "deny", err);
                if (r < 0)
                        return r;
        }
        snprintf(line, sizeof(line), "%u %u 1\n", (unsigned)map->inside_uid,
                 (unsigned)map->host_uid);
        r = write_proc_file(pid, "uid_map", line, err);
        if (r < 0)
                return r;
        snprintf(line, sizeof(line), "%u %u 1\n", (unsigned)map->inside_gid,
                 (unsigned)map->host_gid);
        r = write_proc_file(pid, "gid_map", line, err);
        if (r < 0)
                return r;
        log_debug("user namespace: uid %u -> host %u, gid %u -> host %u",
                  (unsigned)map->inside_uid, (unsigned)map->host_uid,
                  (unsigned)map->inside_gid, (unsigned)map->host_gid);
        return 0;
}

int ns_set_hostname(const char *hostname, struct sb_error *err)
{
        if (sethostname(hostname, strlen(hostname)) < 0)
                return sb_error_errno(err, errno, "set hostname '%s'",
                                      hostname);
        log_debug("hostname '%s'", hostname);
        return 0;
}

int ns_new_session_keyring(struct sb_error *err)
{
        if (syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL) < 0)
                return sb_error_errno(err, errno,
                                      "join a new session keyring");
        return 0;
}
