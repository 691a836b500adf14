/* Facts about a process that the kernel vouches for, read from /proc:
 * its start time (field 22 of /proc/PID/stat, clock ticks after boot),
 * the identity of its namespaces, lines of /proc/PID/status, its command
 * line. Used to tell a sandbox's init from a process that reuses its pid. */
#ifndef SB_PROC_H
#define SB_PROC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Field 22 of /proc/PID/stat. -ENOENT/-ESRCH when there is no such
 * process, -EIO when the file is not as expected. */
int proc_start_time(pid_t pid, unsigned long long *ret);
/* The same, but -ESRCH for a process that has ended and is a zombie
 * awaiting its parent. */
int proc_running_since(pid_t pid, unsigned long long *ret);
/* The same from the text of a stat file (pure, for the unit tests). */
int proc_stat_start_time(const char *text, unsigned long long *ret);

/* dev and inode of /proc/PID/ns/NAME. */
int proc_ns_ident(pid_t pid, const char *name, uint64_t *ret_dev,
                  uint64_t *ret_ino);

/* The value of "KEY:\t..." in /proc/PID/status, newly allocated (leading
 * blanks skipped). -ENOENT when there is no such line. */
int proc_status_value(pid_t pid, const char *key, char **ret);

/* The command line with its NULs as spaces (bounded by max bytes), or the
 * name in brackets for a kernel thread or a zombie. */
int proc_cmdline(pid_t pid, size_t max, char **ret);

/* The uid owning /proc/PID (the process's effective uid as procfs shows
 * it, or root for a non-dumpable one). */
int proc_owner(pid_t pid, uid_t *ret);

#endif
