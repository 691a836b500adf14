/* The sandbox's own /etc/resolv.conf and /etc/hosts, built from the
 * profile and laid over the files of its filesystem view, so that it
 * works the same on the host's tree and on a pivoted, read-only root.
 *
 * How: they are two `file` entries at the end of the filesystem plan
 * (mount-ops.c), marked `cover`: written into the stage, cloned read-only
 * and bound on the file the view has there, never making one. The stage
 * is detached with the old root in one unmount, which a tmpfs of their
 * own would have cost again (each unmount waits for an RCU grace
 * period).
 *
 * When the profile sets network.dns or network.hosts and the view has no
 * such file, that is an error; when the file is only a default (modes
 * other than "host"), the view's file is left alone (optional). */
#include "net.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "net-addr.h"
#include "util.h"

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

static void file_entry(struct sb_mount *m, const char *path,
                       const char *key, const char *where, char *text)
{
        *m = (struct sb_mount){
                .type = SB_MOUNT_FILE,
                .target = xstrdup(path),
                .content = text,
                .mode = 0644,
                .mode_set = true,
                .readonly = true,
                .cover = true,
                .optional = where == NULL,
                .origin = where ? xasprintf("%s: %s", where, key)
                                : xasprintf("%s (default)", key),
        };
}

size_t net_files_plan(const struct sb_config *cfg,
                      struct sb_mount ret[NET_FILES_MAX])
{
        const struct sb_net_config *n = &cfg->net;
        bool own = n->mode != SB_NET_HOST;
        /* Without a mount namespace the loader refuses dns and hosts. */
        if (!(cfg->namespaces & SB_NS_MOUNT))
                return 0;
        size_t k = 0;
        if (own || n->dns_where)
                file_entry(&ret[k++], "/etc/resolv.conf", "network.dns",
                           n->dns_where, net_resolv_conf_text(n));
        if (own || n->hosts_where) {
                char host[256] = "";
                if (cfg->namespaces & SB_NS_UTS)
                        snprintf(host, sizeof(host), "%s", cfg->hostname);
                else if (gethostname(host, sizeof(host) - 1) < 0)
                        host[0] = '\0';
                file_entry(&ret[k++], "/etc/hosts", "network.hosts",
                           n->hosts_where, net_hosts_text(n, host));
        }
        return k;
}
