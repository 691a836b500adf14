/* probe: run inside a sandbox by the integration tests, it tries one thing
 * and prints what the kernel (or the seccomp filter) answered: "OK" when
 * the call succeeded, else the errno's name ("EPERM"). Calls get harmless
 * bad arguments (fd -1, pointer -1), so that a call the filter lets
 * through fails in the kernel without doing anything, in the manner of
 * bubblewrap's try-syscall.
 *
 *   probe syscall NAME...     one answer per call; "NAME ANSWER" lines when
 *                             there are several; "absent" if this
 *                             architecture lacks NAME
 *   probe int80 NR            call NR of the 32-bit x86 ABI (int $0x80)
 *   probe ioctl REQUEST       ioctl(-1, REQUEST), REQUEST as a 64-bit number
 *   probe personality VALUE   personality(VALUE)
 *   probe tiocsti [TEXT]      push TEXT into the controlling terminal
 *   probe thread              start a thread and join it
 *   probe spawn PATH          posix_spawn PATH and wait for it
 *
 * Exit status: 0 when every call succeeded, 1 when one failed, 2 on bad
 * usage. */
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "calls.h"

#define NO_ARG ((long)-1)

extern char **environ;

static const char *answer(long ret, int err)
{
        if (ret >= 0)
                return "OK";
        const char *name = strerrorname_np(err);
        return name ? name : "E?";
}

/* A raw clone that may succeed: the child leaves at once. */
static long reap_if_child(long ret)
{
        if (ret == 0)
                _exit(0);
        if (ret > 0)
                waitpid((pid_t)ret, NULL, __WALL);
        return ret;
}

/* The call with arguments that make it harmless when it gets through. */
static long try_call(const char *name, long nr)
{
        if (strcmp(name, "clone") == 0)
                return reap_if_child(syscall(nr, CLONE_NEWUSER | SIGCHLD, 0L,
                                             0L, 0L, 0L));
        if (strcmp(name, "clone3") == 0) {
                struct clone_args args = {
                        .flags = CLONE_NEWUSER,
                        .exit_signal = SIGCHLD,
                };
                return reap_if_child(syscall(nr, &args, sizeof(args)));
        }
        if (strcmp(name, "unshare") == 0)
                return syscall(nr, CLONE_NEWUSER);
        if (strcmp(name, "ioctl") == 0) {
                char c = 'x';
                return syscall(nr, -1, TIOCSTI, &c);
        }
        if (strcmp(name, "personality") == 0)
                return syscall(nr, ADDR_NO_RANDOMIZE);
        if (strcmp(name, "ptrace") == 0)    /* PTRACE_PEEKDATA, no such pid */
                return syscall(nr, 2L, 0L, 0L, 0L);
        return syscall(nr, NO_ARG, NO_ARG, NO_ARG, NO_ARG, NO_ARG, NO_ARG);
}

static int cmd_syscall(int argc, char **argv)
{
        int status = 0;
        for (int i = 0; i < argc; i++) {
                const char *result = "unknown";
                for (size_t k = 0; k < sizeof(probe_calls) / sizeof(probe_calls[0]);
                     k++) {
                        if (strcmp(probe_calls[k].name, argv[i]) != 0)
                                continue;
                        if (probe_calls[k].nr < 0) {
                                result = "absent";
                                break;
                        }
                        errno = 0;
                        long ret = try_call(argv[i], probe_calls[k].nr);
                        result = answer(ret, errno);
                        break;
                }
                if (strcmp(result, "OK") != 0)
                        status = 1;
                if (argc == 1)
                        printf("%s\n", result);
                else
                        printf("%s %s\n", argv[i], result);
        }
        return status;
}

static int print_result(long ret, int err)
{
        printf("%s\n", answer(ret, err));
        return ret >= 0 ? 0 : 1;
}

static int cmd_int80(const char *arg)
{
#if defined(__x86_64__)
        long nr = strtol(arg, NULL, 0), ret;
        /* The 32-bit ABI takes its arguments in ebx, ecx, edx. */
        __asm__ volatile("int $0x80"
                         : "=a"(ret)
                         : "a"(nr), "b"(NO_ARG), "c"(NO_ARG), "d"(NO_ARG)
                         : "memory");
        if (ret < 0 && ret > -4096)
                return print_result(-1, (int)-ret);
        return print_result(ret, 0);
#else
        (void)arg;
        printf("absent\n");
        return 1;
#endif
}

static int cmd_ioctl(const char *arg)
{
        unsigned long request = strtoul(arg, NULL, 0);
        char c = 'x';
        errno = 0;
        long ret = syscall(SYS_ioctl, -1, request, &c);
        return print_result(ret, errno);
}

static int cmd_personality(const char *arg)
{
        unsigned long value = strtoul(arg, NULL, 0);
        errno = 0;
        long ret = syscall(SYS_personality, value);
        return print_result(ret, errno);
}

/* Push text into the controlling terminal, one character at a time, as a
 * program escaping through the terminal would. */
static int cmd_tiocsti(const char *text)
{
        int fd = isatty(0) ? 0 : open("/dev/tty", O_RDWR | O_CLOEXEC);
        if (fd < 0)
                return print_result(-1, errno);
        for (const char *p = text; *p; p++) {
                errno = 0;
                if (ioctl(fd, TIOCSTI, p) < 0)
                        return print_result(-1, errno);
        }
        return print_result(0, 0);
}

static void *thread_main(void *arg)
{
        return arg;
}

static int cmd_thread(void)
{
        pthread_t t;
        int r = pthread_create(&t, NULL, thread_main, NULL);
        if (r == 0)
                r = pthread_join(t, NULL);
        return print_result(r ? -1 : 0, r);
}

static int cmd_spawn(const char *path)
{
        pid_t pid;
        char *const argv[] = { (char *)path, NULL };
        int r = posix_spawn(&pid, path, NULL, NULL, argv, environ);
        if (r != 0)
                return print_result(-1, r);
        int status;
        if (waitpid(pid, &status, 0) < 0)
                return print_result(-1, errno);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                printf("child status %d\n", status);
                return 1;
        }
        return print_result(0, 0);
}

int main(int argc, char **argv)
{
        /* Unbuffered, so that an answer printed before a fatal call still
         * shows. */
        setvbuf(stdout, NULL, _IONBF, 0);
        const char *cmd = argc > 1 ? argv[1] : "";
        if (strcmp(cmd, "syscall") == 0 && argc > 2)
                return cmd_syscall(argc - 2, argv + 2);
        if (strcmp(cmd, "int80") == 0 && argc == 3)
                return cmd_int80(argv[2]);
        if (strcmp(cmd, "ioctl") == 0 && argc == 3)
                return cmd_ioctl(argv[2]);
        if (strcmp(cmd, "personality") == 0 && argc == 3)
                return cmd_personality(argv[2]);
        if (strcmp(cmd, "tiocsti") == 0 && argc <= 3)
                return cmd_tiocsti(argc == 3 ? argv[2] : "sandbox-tiocsti\n");
        if (strcmp(cmd, "thread") == 0 && argc == 2)
                return cmd_thread();
        if (strcmp(cmd, "spawn") == 0 && argc == 3)
                return cmd_spawn(argv[2]);
        fprintf(stderr, "usage: probe syscall NAME... | int80 NR | ioctl "
                        "REQUEST | personality VALUE | tiocsti [TEXT] | "
                        "thread | spawn PATH\n");
        return 2;
}
