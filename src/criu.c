/* Checkpoint and restore through the criu program (see criu.h). CRIU runs
 * as a child program with posix_spawn: an absolute path, an environment
 * of PATH alone, stdin from /dev/null, its output captured for messages. */
#include "criu.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "config-print.h"
#include "init.h"
#include "sandbox.h"
#include "state.h"
#include "util.h"

#define CRIU_OUTPUT_MAX 8192
#define STATE_MAX (64 * 1024)

static void push(char ***v, const char *s)
{
        strv_push(v, xstrdup(s));
}

/* Options both directions share. The cgroups are the launcher's to make
 * and remove: criu restores the tasks into them ("soft") and does not
 * create or delete anything else. */
static char **common_argv(const char *criu, const char *verb,
                          const char *images_dir, const char *log)
{
        char **v = xcalloc(1, sizeof(char *));
        push(&v, criu);
        push(&v, verb);
        push(&v, "--images-dir");
        push(&v, images_dir);
        push(&v, "--log-file");
        push(&v, log);
        push(&v, "--manage-cgroups=soft");
        /* A sandbox without its own network namespace shares sockets with
         * the host; connected ones must be allowed to come back. */
        push(&v, "--tcp-established");
        push(&v, "--ext-unix-sk");
        push(&v, "--file-locks");
        return v;
}

char **criu_dump_argv(const struct criu_dump_opts *o)
{
        char **v = common_argv(o->criu, "dump", o->images_dir, "dump.log");
        char pid[16];
        snprintf(pid, sizeof(pid), "%d", (int)o->pid);
        push(&v, "--tree");
        push(&v, pid);
        if (o->leave_running)
                push(&v, "--leave-running");
        if (o->shell_job)
                push(&v, "--shell-job");
        return v;
}

char **criu_restore_argv(const struct criu_restore_opts *o)
{
        char **v = common_argv(o->criu, "restore", o->images_dir,
                               "restore.log");
        push(&v, "--restore-detached");
        push(&v, "--restore-sibling");
        push(&v, "--pidfile");
        push(&v, o->pidfile);
        if (o->shell_job)
                push(&v, "--shell-job");
        return v;
}

int criu_find(char **ret_path, struct sb_error *err)
{
        static const char *const paths[] = { "/usr/sbin/criu", "/sbin/criu",
                                             "/usr/bin/criu", NULL };
        for (size_t i = 0; paths[i]; i++) {
                struct stat st;
                if (stat(paths[i], &st) == 0 && S_ISREG(st.st_mode) &&
                    access(paths[i], X_OK) == 0) {
                        *ret_path = xstrdup(paths[i]);
                        return 0;
                }
        }
        return sb_error_set(err, -ENOENT, "criu is not installed (looked "
                            "for /usr/sbin/criu, /sbin/criu, /usr/bin/criu); "
                            "checkpoint/restore is not available on this host");
}

int criu_spawn(char *const *argv, int *ret_status, char **ret_out,
               struct sb_error *err)
{
        int pipefd[2];
        if (pipe2(pipefd, O_CLOEXEC) < 0)
                return sb_error_errno(err, errno, "create a pipe for criu");
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
        posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);
        static char *const envp[] = { "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
                                      NULL };
        pid_t pid;
        int e = posix_spawn(&pid, argv[0], &fa, NULL, argv, envp);
        posix_spawn_file_actions_destroy(&fa);
        close(pipefd[1]);
        if (e != 0) {
                close(pipefd[0]);
                return sb_error_errno(err, e, "run %s", argv[0]);
        }
        char *out = xmalloc(CRIU_OUTPUT_MAX);
        size_t len = 0;
        for (;;) {
                char buf[1024];
                ssize_t n = read(pipefd[0], buf, sizeof(buf));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                /* Keep the end: criu's last lines say what failed. */
                size_t k = (size_t)n;
                if (len + k >= CRIU_OUTPUT_MAX) {
                        size_t drop = len + k - (CRIU_OUTPUT_MAX - 1);
                        if (drop > len)
                                drop = len;
                        memmove(out, out + drop, len - drop);
                        len -= drop;
                        if (k >= CRIU_OUTPUT_MAX)
                                k = CRIU_OUTPUT_MAX - 1;
                }
                memcpy(out + len, buf + (size_t)n - k, k);
                len += k;
        }
        close(pipefd[0]);
        out[len] = '\0';
        int status = 0;
        while (waitpid(pid, &status, 0) < 0) {
                if (errno != EINTR) {
                        free(out);
                        return sb_error_errno(err, errno, "wait for %s",
                                              argv[0]);
                }
        }
        *ret_status = init_exit_code(status);
        if (ret_out)
                *ret_out = out;
        else
                free(out);
        return 0;
}

/* The last non-empty line of text, newly allocated. */
static char *last_line(const char *text)
{
        if (!text)
                return xstrdup("");
        const char *end = text + strlen(text);
        while (end > text && (end[-1] == '\n' || end[-1] == ' '))
                end--;
        const char *start = end;
        while (start > text && start[-1] != '\n')
                start--;
        return xstrndup(start, (size_t)(end - start));
}

int criu_check(const char *criu, struct sb_error *err)
{
        char *argv[] = { (char *)criu, (char *)"check", NULL };
        int status = -1;
        _cleanup_free_ char *out = NULL;
        int r = criu_spawn(argv, &status, &out, err);
        if (r < 0)
                return r;
        if (status == 0)
                return 0;
        _cleanup_free_ char *why = last_line(out);
        return sb_error_set(err, -ENOTSUP, "criu check failed: %s; "
                            "checkpoint/restore is not available on this host",
                            *why ? why : "no message");
}

int criu_images_dir_open(const char *path, int *ret_fd, struct sb_error *err)
{
        _cleanup_close_ int fd = open(path, O_RDONLY | O_DIRECTORY |
                                                    O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
                return sb_error_errno(err, errno, "image directory '%s'", path);
        struct stat st;
        if (fstat(fd, &st) < 0)
                return sb_error_errno(err, errno, "stat '%s'", path);
        if (st.st_uid != getuid())
                return sb_error_set(err, -EPERM, "image directory '%s' belongs "
                                    "to uid %u, not to you", path,
                                    (unsigned)st.st_uid);
        if (st.st_mode & (S_IWGRP | S_IWOTH))
                return sb_error_set(err, -EPERM, "image directory '%s' is "
                                    "writable by others", path);
        /* cppcheck-suppress unreadVariable ; TAKE_FD resets the variable on purpose */
        *ret_fd = TAKE_FD(fd);
        return 0;
}

/* file in dir_fd, written whole through a temporary name; 0600. */
static int write_file(int dir_fd, const char *file,
                      void (*fn)(FILE *f, const void *arg), const void *arg,
                      struct sb_error *err)
{
        char tmp[64];
        snprintf(tmp, sizeof(tmp), ".%s.tmp", file);
        unlinkat(dir_fd, tmp, 0);
        int fd = openat(dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
                                             O_CLOEXEC,
                        0600);
        if (fd < 0)
                return sb_error_errno(err, errno, "create %s in the image "
                                      "directory", tmp);
        FILE *f = fdopen(fd, "w");
        if (!f) {
                close(fd);
                unlinkat(dir_fd, tmp, 0);
                return sb_error_errno(err, errno, "write %s", tmp);
        }
        fn(f, arg);
        bool bad = ferror(f) != 0;
        if (fclose(f) != 0 || bad) {
                unlinkat(dir_fd, tmp, 0);
                return sb_error_errno(err, errno ? errno : EIO, "write %s",
                                      tmp);
        }
        if (renameat(dir_fd, tmp, dir_fd, file) < 0) {
                int e = errno;
                unlinkat(dir_fd, tmp, 0);
                return sb_error_errno(err, e, "rename %s to %s", tmp, file);
        }
        return 0;
}

static void print_state(FILE *f, const void *arg)
{
        char *text = sb_state_format(arg);
        fputs(text, f);
        free(text);
}

static void print_profile(FILE *f, const void *arg)
{
        sb_config_print(arg, f);
}

int criu_record(int dir_fd, const struct sb_state *st,
                const struct sb_config *cfg, struct sb_error *err)
{
        int r = write_file(dir_fd, CRIU_STATE_FILE, print_state, st, err);
        if (r >= 0)
                r = write_file(dir_fd, CRIU_PROFILE_FILE, print_profile, cfg,
                               err);
        return r;
}

int criu_recorded(int dir_fd, const char *dir_path, struct sb_state **ret_st,
                  struct sb_config *cfg, struct sb_error *err)
{
        _cleanup_free_ char *state_path =
                xasprintf("%s/%s", dir_path, CRIU_STATE_FILE);
        _cleanup_close_ int fd = openat(dir_fd, CRIU_STATE_FILE,
                                        O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
                                                O_NONBLOCK);
        if (fd < 0)
                return sb_error_errno(err, errno, "open %s (not a sandbox "
                                      "checkpoint?)", state_path);
        struct stat sst;
        if (fstat(fd, &sst) < 0)
                return sb_error_errno(err, errno, "stat %s", state_path);
        if (!S_ISREG(sst.st_mode) || sst.st_uid != getuid() ||
            (sst.st_mode & (S_IWGRP | S_IWOTH)))
                return sb_error_set(err, -EPERM, "%s is not a regular file of "
                                    "yours that only you may write",
                                    state_path);
        _cleanup_free_ char *text = xmalloc(STATE_MAX);
        ssize_t n = read_full(fd, text, STATE_MAX);
        if (n < 0)
                return sb_error_errno(err, (int)-n, "read %s", state_path);
        struct sb_state *st = NULL;
        int r = sb_state_parse(text, (size_t)n, &st);
        if (r < 0)
                return sb_error_errno(err, r, "%s is not a sandbox state",
                                      state_path);
        _cleanup_free_ char *profile_path =
                xasprintf("%s/%s", dir_path, CRIU_PROFILE_FILE);
        r = sb_join_config_load_at(dir_fd, CRIU_PROFILE_FILE, profile_path,
                                   cfg, err);
        if (r < 0) {
                sb_state_free(st);
                return r;
        }
        *ret_st = st;
        return 0;
}
