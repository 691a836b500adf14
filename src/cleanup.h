/* Scope-bound cleanup, used the same way everywhere: a variable declared
 * with one of these is released when it goes out of scope, and ownership
 * leaves it only through TAKE_PTR / TAKE_FD. */
#ifndef SB_CLEANUP_H
#define SB_CLEANUP_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static inline void cleanup_freep(void *p)
{
        free(*(void **)p);
}

static inline void cleanup_closep(int *fd)
{
        if (*fd >= 0) {
                int saved = errno;
                close(*fd);
                errno = saved;
        }
}

static inline void cleanup_fclosep(FILE **f)
{
        if (*f)
                fclose(*f);
}

#define _cleanup_free_ __attribute__((cleanup(cleanup_freep)))
#define _cleanup_close_ __attribute__((cleanup(cleanup_closep)))
#define _cleanup_fclose_ __attribute__((cleanup(cleanup_fclosep)))

#define TAKE_PTR(p)                                                            \
        ({                                                                     \
                __typeof__(p) taken_ = (p);                                    \
                (p) = NULL;                                                    \
                taken_;                                                        \
        })

#define TAKE_FD(fd)                                                            \
        ({                                                                     \
                int taken_ = (fd);                                             \
                (fd) = -1;                                                     \
                taken_;                                                        \
        })

#endif
