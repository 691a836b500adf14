/* Resource limits by name, and applying them before the target runs. */
#include "rlimit.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>

#include "log.h"
#include "util.h"

static const struct {
        const char *name;
        int resource;
        bool is_size;
} limits[] = {
        { "as", RLIMIT_AS, true },
        { "core", RLIMIT_CORE, true },
        { "cpu", RLIMIT_CPU, false },
        { "data", RLIMIT_DATA, true },
        { "fsize", RLIMIT_FSIZE, true },
        { "locks", RLIMIT_LOCKS, false },
        { "memlock", RLIMIT_MEMLOCK, true },
        { "msgqueue", RLIMIT_MSGQUEUE, true },
        { "nice", RLIMIT_NICE, false },
        { "nofile", RLIMIT_NOFILE, false },
        { "nproc", RLIMIT_NPROC, false },
        { "rss", RLIMIT_RSS, true },
        { "rtprio", RLIMIT_RTPRIO, false },
        { "rttime", RLIMIT_RTTIME, false },
        { "sigpending", RLIMIT_SIGPENDING, false },
        { "stack", RLIMIT_STACK, true },
};

int rlimit_from_name(const char *name)
{
        if (strncasecmp(name, "RLIMIT_", 7) == 0)
                name += 7;
        for (size_t i = 0; i < ARRAY_SIZE(limits); i++)
                if (strcasecmp(name, limits[i].name) == 0)
                        return limits[i].resource;
        return -1;
}

const char *rlimit_name(int resource)
{
        for (size_t i = 0; i < ARRAY_SIZE(limits); i++)
                if (limits[i].resource == resource)
                        return limits[i].name;
        return NULL;
}

bool rlimit_is_size(int resource)
{
        for (size_t i = 0; i < ARRAY_SIZE(limits); i++)
                if (limits[i].resource == resource)
                        return limits[i].is_size;
        return false;
}

int rlimit_apply(const struct sb_rlimit lim[SB_RLIMIT_COUNT],
                 struct sb_error *err)
{
        for (int r = 0; r < SB_RLIMIT_COUNT; r++) {
                if (!lim[r].set)
                        continue;
                struct rlimit rl = { .rlim_cur = lim[r].soft,
                                     .rlim_max = lim[r].hard };
                if (setrlimit(r, &rl) < 0)
                        return sb_error_errno(err, errno,
                                              "set rlimit %s to %llu/%llu",
                                              rlimit_name(r),
                                              (unsigned long long)rl.rlim_cur,
                                              (unsigned long long)rl.rlim_max);
                log_debug("rlimit %s = %llu/%llu", rlimit_name(r),
                          (unsigned long long)rl.rlim_cur,
                          (unsigned long long)rl.rlim_max);
        }
        return 0;
}
