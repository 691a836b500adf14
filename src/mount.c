/* The filesystem view. Runs in the sandbox's init, in its own mount
 * namespace, before anything of the target runs. */
#include "mount.h"

#include <errno.h>
#include <sys/mount.h>

#include "log.h"

int mount_setup(const struct sb_config *cfg, struct sb_error *err)
{
        if (!(cfg->namespaces & SB_NS_MOUNT))
                return 0;
        /* Before any other mount: a shared / would carry every mount made
         * here back into the host's namespace. */
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
                return sb_error_errno(err, errno,
                                      "make / private (mount propagation)");
        log_debug("mount propagation: private");
        if (cfg->namespaces & SB_NS_PID) {
                if (mount("proc", "/proc", "proc",
                          MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
                        return sb_error_errno(err, errno,
                                              "mount proc on /proc");
                log_debug("mount proc on /proc");
        }
        return 0;
}
