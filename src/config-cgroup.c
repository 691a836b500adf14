/* Defaults and release of struct sb_cgroup_config, and the device rule
 * syntax (pure: the loader parses rules, the v1 backend prints them). */
#include "config-cgroup.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The kernel's own limits (MINORBITS 20, 12 bits of major). */
#define DEV_MAJOR_MAX 4095
#define DEV_MINOR_MAX 1048575

void sb_cgroup_config_init(struct sb_cgroup_config *c)
{
        memset(c, 0, sizeof(*c));
}

void sb_cgroup_config_free(struct sb_cgroup_config *c)
{
        free(c->devices);
        free(c->parent);
        memset(c, 0, sizeof(*c));
}

bool sb_cgroup_config_wanted(const struct sb_cgroup_config *c)
{
        /* An empty `cgroup = { };` still asks for a cgroup of its own: it
         * makes freeze, kill-all and statistics possible. */
        return c->set;
}

/* "*" or a decimal number up to max; advances *p past it. */
static int dev_number(const char **p, int64_t max, int64_t *ret)
{
        if (**p == '*') {
                (*p)++;
                *ret = SB_CG_DEV_ANY;
                return 0;
        }
        size_t n = strspn(*p, "0123456789");
        if (n == 0 || n > 7)
                return -EINVAL;
        char digits[8];
        memcpy(digits, *p, n);
        digits[n] = '\0';
        uint64_t v;
        if (parse_u64(digits, &v) < 0 || v > (uint64_t)max)
                return -EINVAL;
        *p += n;
        *ret = (int64_t)v;
        return 0;
}

int sb_cgroup_device_parse(const char *s, struct sb_cgroup_device *ret,
                           const char **ret_reason)
{
        struct sb_cgroup_device d = { 0 };
        const char *p = s;
        if (!strchr("cba", *p) || *p == '\0' || p[1] != ' ') {
                *ret_reason = "expected a type 'c', 'b' or 'a', then a space";
                return -EINVAL;
        }
        d.type = *p;
        p += 2;
        if (dev_number(&p, DEV_MAJOR_MAX, &d.major) < 0 || *p++ != ':' ||
            dev_number(&p, DEV_MINOR_MAX, &d.minor) < 0 || *p++ != ' ') {
                *ret_reason = "expected MAJOR:MINOR (numbers or '*'), "
                              "then a space";
                return -EINVAL;
        }
        if (d.type == 'a' &&
            (d.major != SB_CG_DEV_ANY || d.minor != SB_CG_DEV_ANY)) {
                *ret_reason = "type 'a' (every device) takes only *:*";
                return -EINVAL;
        }
        if (*p == '\0') {
                *ret_reason = "expected access letters from 'rwm'";
                return -EINVAL;
        }
        for (; *p; p++) {
                unsigned bit = *p == 'r'   ? SB_CG_DEV_READ
                               : *p == 'w' ? SB_CG_DEV_WRITE
                               : *p == 'm' ? SB_CG_DEV_MKNOD
                                           : 0;
                if (!bit || (d.access & bit)) {
                        *ret_reason = bit ? "an access letter is repeated"
                                          : "access letters are 'r', 'w' "
                                            "and 'm'";
                        return -EINVAL;
                }
                d.access |= bit;
        }
        *ret = d;
        return 0;
}

static void format_number(int64_t n, char *buf, size_t size)
{
        if (n == SB_CG_DEV_ANY)
                snprintf(buf, size, "*");
        else
                snprintf(buf, size, "%lld", (long long)n);
}

void sb_cgroup_device_format(const struct sb_cgroup_device *d, char *buf,
                             size_t size)
{
        char maj[16], min[16];
        format_number(d->major, maj, sizeof(maj));
        format_number(d->minor, min, sizeof(min));
        snprintf(buf, size, "%c %s:%s %s%s%s", d->type, maj, min,
                 d->access & SB_CG_DEV_READ ? "r" : "",
                 d->access & SB_CG_DEV_WRITE ? "w" : "",
                 d->access & SB_CG_DEV_MKNOD ? "m" : "");
}
