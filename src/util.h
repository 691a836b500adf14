/* Small pure helpers: allocation that aborts on OOM, string vectors,
 * strict number and size parsing. No I/O beyond what is named. */
#ifndef SB_UTIL_H
#define SB_UTIL_H

#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
        __attribute__((format(printf, 1, 0)));

/* NULL-terminated vectors of owned strings. */
size_t strv_length(char *const *v);
void strv_push(char ***v, char *s);     /* takes ownership of s */
char **strv_copy(char *const *v);
bool strv_contains(char *const *v, const char *s);
void strv_free(char **v);

bool str_has_prefix(const char *s, const char *prefix);
/* For a terminal: control bytes (C0, DEL, C1) and bytes that are not
 * UTF-8 become '?', in place. */
void str_make_printable(char *s);
bool str_has_suffix(const char *s, const char *suffix);

/* Strict decimal parsing: no sign, no spaces, no trailing text, no
 * overflow. Returns 0 or -EINVAL / -ERANGE. */
int parse_u64(const char *s, uint64_t *ret);
/* A size: digits with an optional K, M, G or T suffix (powers of 1024). */
int parse_size(const char *s, uint64_t *ret);

/* Read fd until end of file or until size - 1 bytes (size >= 1),
 * NUL-terminated; returns the length or a negative errno. */
ssize_t read_full(int fd, char *buf, size_t size);
/* Write all len bytes, going on after EINTR and short writes; returns 0
 * or a negative errno. */
int write_full(int fd, const void *buf, size_t len);
/* The whole of a file (often a /proc or cgroupfs file, whose size is not
 * known in advance), opened O_RDONLY|O_CLOEXEC|extra_flags relative to
 * dirfd, NUL-terminated and newly allocated; returns the length or a
 * negative errno. */
/* The value of a hexadecimal digit (either case), or -1. */
int hex_digit(char c);

/* A DIR listing the directory `name` below dirfd ("." for dirfd itself,
 * which may be an O_PATH descriptor), opened O_RDONLY|O_DIRECTORY|
 * O_CLOEXEC|extra_flags with a descriptor of its own: dirfd stays the
 * caller's. NULL with errno set, and nothing left open, on failure. */
DIR *opendir_at(int dirfd, const char *name, int extra_flags);

ssize_t read_all_at(int dirfd, const char *path, int extra_flags,
                    char **ret);

/* Levenshtein distance, capped at `cap` to keep it cheap. */
size_t edit_distance(const char *a, const char *b, size_t cap);
/* The same ignoring ASCII case ("Hostnme" is as close to "hostname" as
 * "hostnme" is), for "did you mean" suggestions. */
size_t edit_distance_nocase(const char *a, const char *b, size_t cap);

#endif
