/* The config printer's sections for the filesystem view, the devices,
 * seccomp, the network, the cgroup and the desktop: each as the profile keys that load
 * back to the same config (see config-print.c). */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "config-print-internal.h"
#include "util.h"

static void print_bool(FILE *out, const char *indent, const char *name,
                       bool b)
{
        fprintf(out, "%s%s = %s;", indent, name, b ? "true" : "false");
}

/* A mount as a one-line group, with only the keys its type takes. */
static void print_mount(FILE *out, const struct sb_mount *m)
{
        enum sb_mount_type t = m->type;
        fprintf(out, "{ type = \"%s\";", sb_mount_type_name(t));
        if (t == SB_MOUNT_BIND || t == SB_MOUNT_OVERLAY ||
            t == SB_MOUNT_SYMLINK) {
                fputs(" source = ", out);
                print_string(out, m->source);
                fputc(';', out);
        }
        fputs(" target = ", out);
        print_string(out, m->target);
        fputc(';', out);
        if (t == SB_MOUNT_OVERLAY && m->upper) {
                fputs(" upper = ", out);
                print_string(out, m->upper);
                fputc(';', out);
        }
        if (t == SB_MOUNT_FILE && m->content) {
                fputs(" content = ", out);
                print_string(out, m->content);
                fputc(';', out);
        }
        if ((t == SB_MOUNT_TMPFS || t == SB_MOUNT_OVERLAY) && m->size)
                fprintf(out, " size = \"%" PRIu64 "\";", m->size);
        if ((t == SB_MOUNT_TMPFS || t == SB_MOUNT_FILE || t == SB_MOUNT_DIR) &&
            m->mode_set)
                fprintf(out, " mode = \"%04o\";", (unsigned)m->mode);
        if (t == SB_MOUNT_BIND || t == SB_MOUNT_FILE)
                print_bool(out, " ", "readonly", m->readonly);
        if (t == SB_MOUNT_BIND)
                print_bool(out, " ", "recursive", m->recursive);
        print_bool(out, " ", "optional", m->optional);
        fputs(" }", out);
}

static void print_home(struct printer *p, const struct sb_fs_home *h)
{
        FILE *out = p->out;
        fputs("  home = {\n", out);
        print_bool(out, "    ", "private", h->private_home);
        print_eol(p, "filesystem.home.private");
        fputs("    writable = ", out);
        print_string_list(out, h->writable);
        fputc(';', out);
        print_eol(p, "filesystem.home.writable");
        fputs("    readonly = ", out);
        print_string_list(out, h->readonly);
        fputc(';', out);
        print_eol(p, "filesystem.home.readonly");
        fputs("  };\n", out);
}

static void print_unmask(struct printer *p, unsigned bits)
{
        size_t n;
        const struct sb_kmask *t = sb_kmask_table(&n);
        const char *sep = " ";
        fputs("  unmask = [", p->out);
        for (size_t i = 0; i < n; i++) {
                if (!(bits & (1u << i)))
                        continue;
                fprintf(p->out, "%s\"%s%s\"", sep,
                        t[i].fs == SB_KMASK_PROC ? "/proc/" : "/sys/",
                        t[i].path);
                sep = ", ";
        }
        fputs(" ];", p->out);
        print_eol(p, "filesystem.unmask");
}

/* Only with the mount namespace: without it no filesystem key can have
 * been set, and printing one would make the output fail to load. */
void print_filesystem(struct printer *p, const struct sb_config *cfg)
{
        const struct sb_fs_config *fs = &cfg->fs;
        FILE *out = p->out;
        if (!(cfg->namespaces & SB_NS_MOUNT))
                return;
        fputs("filesystem = {\n  root = ", out);
        print_string(out, fs->root == SB_FS_ROOT_EMPTY ? "empty"
                          : fs->root == SB_FS_ROOT_DIR ? fs->root_dir
                                                       : "host");
        fputc(';', out);
        print_eol(p, "filesystem.root");
        fputs("  mounts = (", out);
        for (size_t i = 0; i < fs->n_mounts; i++) {
                fputs("\n    ", out);
                print_mount(out, &fs->mounts[i]);
                if (i + 1 < fs->n_mounts)
                        fputc(',', out);
                /* Each entry carries its own FILE:LINE: entries add up
                 * across files. */
                if (p->origins)
                        fprintf(out, "  # %s", fs->mounts[i].origin
                                                       ? fs->mounts[i].origin
                                                       : "default");
        }
        fputs(fs->n_mounts ? "\n  );\n" : " );\n", out);
        if (fs->home.origin)
                print_home(p, &fs->home);
        print_unmask(p, fs->unmask);
        fputs("};\n", out);
}

void print_devices(struct printer *p, const struct sb_config *cfg)
{
        if (!(cfg->namespaces & SB_NS_MOUNT))
                return;
        const char *sep = " ";
        fputs("devices = [", p->out);
        for (int d = 0; d < SB_DEV_MAX; d++) {
                if (!(cfg->fs.devices & (1u << d)))
                        continue;
                fprintf(p->out, "%s\"%s\"", sep, sb_device_info(d)->name);
                sep = ", ";
        }
        fputs(" ];", p->out);
        print_eol(p, "devices");
}

static const char *const action_names[SB_SECCOMP_ACTION_MAX] = {
        [SB_SECCOMP_ERRNO] = "errno",
        [SB_SECCOMP_KILL] = "kill",
        [SB_SECCOMP_TRAP] = "trap",
        [SB_SECCOMP_LOG] = "log",
};

void print_seccomp(struct printer *p, const struct sb_seccomp_config *s)
{
        FILE *out = p->out;
        fputs("seccomp = {\n", out);
        print_bool(out, "  ", "enabled", s->enabled);
        print_eol(p, "seccomp.enabled");
        fprintf(out, "  default = \"%s\";", s->allow_list ? "deny" : "allow");
        print_eol(p, "seccomp.default");
        fprintf(out, "  action = \"%s\";", action_names[s->action]);
        print_eol(p, "seccomp.action");
        fprintf(out, "  errno = %d;", s->errno_value);
        print_eol(p, "seccomp.errno");
        print_bool(out, "  ", "foreign_abis", s->foreign_abis);
        print_eol(p, "seccomp.foreign_abis");
        fputs("  deny = ", out);
        print_string_list(out, s->deny);
        fputc(';', out);
        print_eol(p, "seccomp.deny");
        fputs("  allow = ", out);
        print_string_list(out, s->allow);
        fputc(';', out);
        print_eol(p, "seccomp.allow");
        fputs("};\n", out);
}

static void print_addr(FILE *out, const struct sb_net_addr *a, bool prefix)
{
        char buf[INET6_ADDRSTRLEN];
        if (!inet_ntop(a->family, a->bytes, buf, sizeof(buf)))
                snprintf(buf, sizeof(buf), "?");
        if (prefix)
                fprintf(out, "\"%s/%u\"", buf, a->prefix);
        else
                fprintf(out, "\"%s\"", buf);
}

static void print_veth(FILE *out, const struct sb_net_veth *v)
{
        fprintf(out, "{ name = \"%s\";", v->name);
        if (v->host_name[0])
                fprintf(out, " host_name = \"%s\";", v->host_name);
        if (v->bridge[0])
                fprintf(out, " bridge = \"%s\";", v->bridge);
        fputs(" address = [", out);
        for (size_t i = 0; i < v->n_addrs; i++) {
                fputs(i ? ", " : " ", out);
                print_addr(out, &v->addrs[i], true);
        }
        fputs(" ];", out);
        if (v->has_gw4 || v->has_gw6) {
                fputs(" gateway = [ ", out);
                if (v->has_gw4)
                        print_addr(out, &v->gw4, false);
                if (v->has_gw6) {
                        fputs(v->has_gw4 ? ", " : "", out);
                        print_addr(out, &v->gw6, false);
                }
                fputs(" ];", out);
        }
        if (v->mtu)
                fprintf(out, " mtu = %u;", v->mtu);
        if (v->has_mac)
                fprintf(out, " mac = \"%02x:%02x:%02x:%02x:%02x:%02x\";",
                        v->mac[0], v->mac[1], v->mac[2], v->mac[3], v->mac[4],
                        v->mac[5]);
        fputs(" }", out);
}

void print_network(struct printer *p, const struct sb_net_config *n)
{
        FILE *out = p->out;
        fprintf(out, "network = {\n  mode = \"%s\";", sb_net_mode_name(n->mode));
        print_eol(p, "network.mode");
        if (n->mode == SB_NET_VETH && n->veth_where) {
                fputs("  veth = (", out);
                for (size_t i = 0; i < n->n_veths; i++) {
                        fputs(i ? ",\n    " : "\n    ", out);
                        print_veth(out, &n->veths[i]);
                }
                fputs(" );", out);
                print_eol(p, "network.veth");
        }
        if (n->dns_where) {
                fputs("  dns = [", out);
                for (size_t i = 0; i < n->n_dns; i++) {
                        fputs(i ? ", " : " ", out);
                        print_addr(out, &n->dns[i], false);
                }
                fputs(" ];", out);
                print_eol(p, "network.dns");
        }
        if (n->hosts_where) {
                fputs("  hosts = [", out);
                for (size_t i = 0; n->hosts && n->hosts[i]; i++) {
                        /* Stored as "ADDRESS\tNAMES"; written with a space. */
                        char *line = xstrdup(n->hosts[i]);
                        char *tab = strchr(line, '\t');
                        if (tab)
                                *tab = ' ';
                        fputs(i ? ", " : " ", out);
                        print_string(out, line);
                        free(line);
                }
                fputs(" ];", out);
                print_eol(p, "network.hosts");
        }
        fputs("};\n", out);
}

void print_cgroup(struct printer *p, const struct sb_cgroup_config *c)
{
        FILE *out = p->out;
        if (!c->set)
                return;
        fputs("cgroup = {\n", out);
        if (c->memory) {
                fprintf(out, "  memory = \"%" PRIu64 "\";", c->memory);
                print_eol(p, "cgroup.memory");
        }
        if (c->memory_swap_set) {
                if (c->memory_swap == SB_CG_UNLIMITED)
                        fputs("  memory_swap = \"unlimited\";", out);
                else
                        fprintf(out, "  memory_swap = \"%" PRIu64 "\";",
                                c->memory_swap);
                print_eol(p, "cgroup.memory_swap");
        }
        if (c->pids) {
                fprintf(out, "  pids = %" PRIu64 "%s;", c->pids,
                        c->pids > INT32_MAX ? "L" : "");
                print_eol(p, "cgroup.pids");
        }
        if (c->millicpus) {
                fprintf(out, "  cpus = %u.%03u;", c->millicpus / 1000,
                        c->millicpus % 1000);
                print_eol(p, "cgroup.cpus");
        }
        if (c->cpu_weight) {
                fprintf(out, "  cpu_weight = %u;", c->cpu_weight);
                print_eol(p, "cgroup.cpu_weight");
        }
        if (c->io_weight) {
                fprintf(out, "  io_weight = %u;", c->io_weight);
                print_eol(p, "cgroup.io_weight");
        }
        if (c->devices_set) {
                fputs("  devices = [", out);
                for (size_t i = 0; i < c->n_devices; i++) {
                        char buf[64];
                        sb_cgroup_device_format(&c->devices[i], buf,
                                                sizeof(buf));
                        fprintf(out, "%s\"%s\"", i ? ", " : " ", buf);
                }
                fputs(" ];", out);
                print_eol(p, "cgroup.devices");
        }
        if (c->parent) {
                fputs("  parent = ", out);
                print_string(out, c->parent);
                fputc(';', out);
                print_eol(p, "cgroup.parent");
        }
        fputs("};\n", out);
}

/* Only when a profile turned something on: the group's defaults are
 * those of a profile without it. dbus_own and dbus_talk come with
 * "filtered" only, as the loader takes them. The caller's session (which
 * display, which bus) is not part of the profile and is not printed. */
void print_desktop(struct printer *p, const struct sb_config *cfg)
{
        const struct sb_desktop_config *d = &cfg->desktop;
        FILE *out = p->out;
        if (!sb_desktop_any(d))
                return;
        const bool on[SB_DESKTOP_KEY_MAX] = {
                [SB_DESKTOP_X11] = d->x11,
                [SB_DESKTOP_WAYLAND] = d->wayland,
                [SB_DESKTOP_PULSEAUDIO] = d->pulseaudio,
                [SB_DESKTOP_PIPEWIRE] = d->pipewire,
                [SB_DESKTOP_GPU] = d->gpu,
        };
        fputs("desktop = {\n", out);
        for (int k = 0; k < SB_DESKTOP_KEY_MAX; k++) {
                char key[32];
                snprintf(key, sizeof(key), "desktop.%s",
                         sb_desktop_key_name(k));
                if (k == SB_DESKTOP_GPU && d->dbus == SB_DBUS_FILTERED) {
                        if (d->dbus_own) {
                                fputs("  dbus_own = ", out);
                                print_string_list(out, d->dbus_own);
                                fputc(';', out);
                                print_eol(p, "desktop.dbus_own");
                        }
                        if (d->dbus_talk) {
                                fputs("  dbus_talk = ", out);
                                print_string_list(out, d->dbus_talk);
                                fputc(';', out);
                                print_eol(p, "desktop.dbus_talk");
                        }
                }
                if (k == SB_DESKTOP_DBUS)
                        fprintf(out, "  dbus = \"%s\";",
                                sb_dbus_mode_name(d->dbus));
                else
                        print_bool(out, "  ", sb_desktop_key_name(k), on[k]);
                print_eol(p, key);
        }
        fputs("};\n", out);
}
