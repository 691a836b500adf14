/* Unit tests for the network feature: address, CIDR, name and MAC checks
 * (net-addr.c), the network keys of the profile (profile-keys-net.c), the
 * resolv.conf and hosts texts (net-files.c), and net_stats read from a
 * network namespace this test makes in a child (net-stats.c). */
#include <check.h>

#include "unit.h"
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "net-addr.h"
#include "net.h"
#include "profile.h"
#include "util.h"

/* ---- addresses ---- */

static struct sb_net_addr addr(const char *s, bool prefix)
{
        struct sb_net_addr a;
        const char *why = net_addr_parse(s, prefix, &a);
        ck_assert_msg(why == NULL, "%s: %s", s, why);
        return a;
}

START_TEST(cidr_valid)
{
        struct sb_net_addr a = addr("10.0.3.2/24", true);
        ck_assert_int_eq(a.family, AF_INET);
        ck_assert_uint_eq(a.prefix, 24);
        ck_assert_uint_eq(a.bytes[0], 10);
        ck_assert_uint_eq(a.bytes[3], 2);
        a = addr("fd00:5b::2/64", true);
        ck_assert_int_eq(a.family, AF_INET6);
        ck_assert_uint_eq(a.prefix, 64);
        ck_assert_uint_eq(a.bytes[0], 0xfd);
        ck_assert_uint_eq(a.bytes[15], 2);
        a = addr("10.0.0.1/0", true);
        ck_assert_uint_eq(a.prefix, 0);
        a = addr("10.0.3.1", false);
        ck_assert_uint_eq(a.prefix, 32);
        a = addr("::1", false);
        ck_assert_uint_eq(a.prefix, 128);
        char buf[NET_ADDR_TEXT_MAX];
        a = addr("FD00:0:0::0002/64", true);
        ck_assert_str_eq(net_addr_format(&a, true, buf), "fd00::2/64");
        ck_assert_str_eq(net_addr_format(&a, false, buf), "fd00::2");
}
END_TEST

START_TEST(cidr_invalid)
{
        static const char *const bad[] = {
                "", "/24", "10.0.3.300/24", "10.0.3/24", "10.1/8",
                "010.0.0.1/8", "10.0.3.2/33", "10.0.3.2/-1", "10.0.3.2/",
                "10.0.3.2/24x", "10.0.3.2/0024", "fd00::2/129",
                "fd00:::2/64", "host/24", "10.0.3.2 /24", " 10.0.3.2/24",
                "10.0.3.2/24/1",
        };
        struct sb_net_addr a;
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
                ck_assert_msg(net_addr_parse(bad[i], true, &a) != NULL,
                              "'%s' accepted", bad[i]);
        /* A prefix is required, or refused, as asked. */
        ck_assert_str_eq(net_addr_parse("10.0.3.2", true, &a),
                         "needs a prefix length, like 10.0.3.2/24");
        ck_assert_str_eq(net_addr_parse("fd00::2", true, &a),
                         "needs a prefix length, like fd00::2/64");
        ck_assert_ptr_nonnull(net_addr_parse("10.0.3.1/24", false, &a));
        ck_assert_str_eq(net_addr_parse("10.0.3.2/33", true, &a),
                         "the prefix length must be 0 to 32");
        ck_assert_str_eq(net_addr_parse("fd00::2/200", true, &a),
                         "the prefix length must be 0 to 128");
}
END_TEST

START_TEST(subnets)
{
        struct sb_net_addr net = addr("10.0.3.2/24", true);
        ck_assert(net_addr_in_subnet(&net, &(struct sb_net_addr){
                                                   0 }) == false);
        struct sb_net_addr gw = addr("10.0.3.1", false);
        ck_assert(net_addr_in_subnet(&net, &gw));
        gw = addr("10.0.4.1", false);
        ck_assert(!net_addr_in_subnet(&net, &gw));
        /* Prefixes that do not end on a byte. */
        net = addr("10.0.3.130/25", true);
        gw = addr("10.0.3.129", false);
        ck_assert(net_addr_in_subnet(&net, &gw));
        gw = addr("10.0.3.127", false);
        ck_assert(!net_addr_in_subnet(&net, &gw));
        net = addr("fd00:5b::2/64", true);
        gw = addr("fd00:5b::ffff:1", false);
        ck_assert(net_addr_in_subnet(&net, &gw));
        gw = addr("fd00:5c::1", false);
        ck_assert(!net_addr_in_subnet(&net, &gw));
        /* Families never mix. */
        gw = addr("10.0.3.1", false);
        ck_assert(!net_addr_in_subnet(&net, &gw));
        /* /0 holds everything of its family. */
        net = addr("10.0.3.2/0", true);
        gw = addr("192.168.1.1", false);
        ck_assert(net_addr_in_subnet(&net, &gw));

        struct sb_net_addr a = addr("10.0.3.2/24", true);
        struct sb_net_addr b = addr("10.0.3.2", false);
        ck_assert(net_addr_equal(&a, &b));
        b = addr("10.0.3.3", false);
        ck_assert(!net_addr_equal(&a, &b));
}
END_TEST

START_TEST(host_addresses)
{
        static const struct {
                const char *s;
                const char *why;
        } cases[] = {
                { "10.0.3.2/24", NULL },
                { "10.0.3.0/24", "the network address of its subnet" },
                { "10.0.3.255/24", "the broadcast address of its subnet" },
                { "10.0.3.0/31", NULL },        /* RFC 3021 */
                { "10.0.3.1/31", NULL },
                { "10.0.3.7/32", NULL },
                { "0.0.0.0/8", "the unspecified address" },
                { "127.0.0.2/8", "a loopback address" },
                { "224.0.0.1/4", "a multicast or reserved address" },
                { "fd00::2/64", NULL },
                { "::/64", "the unspecified address" },
                { "::1/128", "a loopback address" },
                { "ff02::1/64", "a multicast address" },
                { "fe80::1/64",
                  "a link-local address (the kernel makes those)" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                struct sb_net_addr a = addr(cases[i].s, true);
                const char *why = net_addr_host_problem(&a);
                if (cases[i].why)
                        ck_assert_msg(why && strcmp(why, cases[i].why) == 0,
                                      "%s: got %s", cases[i].s,
                                      why ? why : "(null)");
                else
                        ck_assert_msg(why == NULL, "%s: %s", cases[i].s, why);
        }
}
END_TEST

START_TEST(interface_names)
{
        ck_assert_ptr_null(net_ifname_problem("eth0"));
        ck_assert_ptr_null(net_ifname_problem("sb4194304-15"));
        ck_assert_ptr_null(net_ifname_problem("a23456789012345"));  /* 15 */
        ck_assert_ptr_nonnull(net_ifname_problem("a234567890123456")); /* 16 */
        ck_assert_ptr_nonnull(net_ifname_problem(""));
        ck_assert_ptr_nonnull(net_ifname_problem("."));
        ck_assert_ptr_nonnull(net_ifname_problem(".."));
        ck_assert_ptr_nonnull(net_ifname_problem("eth/0"));
        ck_assert_ptr_nonnull(net_ifname_problem("eth:0"));
        ck_assert_ptr_nonnull(net_ifname_problem("eth 0"));
        ck_assert_ptr_nonnull(net_ifname_problem("eth\t0"));
        ck_assert_ptr_nonnull(net_ifname_problem("eth\n0"));
        ck_assert_ptr_nonnull(net_ifname_problem("eth\x7f"));
        ck_assert_ptr_nonnull(net_ifname_problem("\xc3\xa9th0"));
}
END_TEST

START_TEST(mac_addresses)
{
        unsigned char mac[6] = { 0 };
        ck_assert_ptr_null(net_mac_parse("02:42:AC:11:00:02", mac));
        ck_assert_uint_eq(mac[0], 0x02);
        ck_assert_uint_eq(mac[2], 0xac);
        ck_assert_uint_eq(mac[5], 0x02);
        ck_assert_ptr_nonnull(net_mac_parse("02:42:ac:11:00", mac));
        ck_assert_ptr_nonnull(net_mac_parse("02:42:ac:11:00:0g", mac));
        ck_assert_ptr_nonnull(net_mac_parse("02-42-ac-11-00-02", mac));
        ck_assert_ptr_nonnull(net_mac_parse("02:42:ac:11:00:02:", mac));
        ck_assert_ptr_nonnull(net_mac_parse("01:00:5e:00:00:01", mac));
        ck_assert_ptr_nonnull(net_mac_parse("ff:ff:ff:ff:ff:ff", mac));
        ck_assert_ptr_nonnull(net_mac_parse("00:00:00:00:00:00", mac));
}
END_TEST

START_TEST(hosts_entries)
{
        char *line = NULL, *what = NULL;
        ck_assert_ptr_null(net_hosts_entry_parse(" 10.0.3.1\t gw  gateway ",
                                                 &line, &what));
        ck_assert_str_eq(line, "10.0.3.1\tgw gateway");
        free(line);
        ck_assert_ptr_null(net_hosts_entry_parse("FD00:0::1 db.local",
                                                 &line, &what));
        ck_assert_str_eq(line, "fd00::1\tdb.local");
        free(line);
        ck_assert_ptr_nonnull(net_hosts_entry_parse("10.0.3 db", &line,
                                                    &what));
        ck_assert_str_eq(what, "10.0.3");
        free(what);
        ck_assert_ptr_nonnull(net_hosts_entry_parse("10.0.3.1 d;b", &line,
                                                    &what));
        ck_assert_str_eq(what, "d;b");
        free(what);
        ck_assert_ptr_nonnull(net_hosts_entry_parse("10.0.3.1", &line,
                                                    &what));
        ck_assert_ptr_null(what);
        ck_assert_ptr_nonnull(net_hosts_entry_parse("", &line, &what));
        /* A newline cannot smuggle a second line into the file. */
        ck_assert_ptr_nonnull(net_hosts_entry_parse("10.0.3.1 a\n10.0.0.1 b",
                                                    &line, &what));
        free(what);
        ck_assert_ptr_nonnull(net_hostname_problem("-x"));
        ck_assert_ptr_nonnull(net_hostname_problem(".x"));
        ck_assert_ptr_null(net_hostname_problem("a-b_c.d9"));
}
END_TEST

/* ---- the profile keys ---- */

static const char *const no_dirs[] = { NULL };

static int load_in(const char *text, const char *const *dirs,
                   struct sb_config *cfg, struct sb_diags *d)
{
        struct sb_profile_env env = {
                .home = "/home/t", .user = "t", .uid = 1000, .gid = 1000,
                .app = "app", .search_dirs = dirs,
        };
        memset(d, 0, sizeof(*d));
        sb_config_init(cfg);
        return profile_load_string(text, "t.profile", &env, cfg, d);
}

static int load(const char *text, struct sb_config *cfg, struct sb_diags *d)
{
        return load_in(text, no_dirs, cfg, d);
}

#define LOAD_OK(text, cfg)                                                     \
        do {                                                                   \
                struct sb_diags d_;                                            \
                int r_ = load(text, cfg, &d_);                                 \
                ck_assert_msg(r_ == 0 && d_.n == 0, "%s",                      \
                              d_.n ? d_.msgs[0] : "load failed");              \
                sb_diags_free(&d_);                                            \
        } while (0)

START_TEST(profile_defaults)
{
        struct sb_config cfg;
        LOAD_OK("", &cfg);
        ck_assert_int_eq(cfg.net.mode, SB_NET_NONE);
        ck_assert(cfg.namespaces & SB_NS_NET);
        ck_assert_uint_eq(cfg.net.n_veths, 0);
        ck_assert_ptr_null(cfg.net.dns_where);
        ck_assert_ptr_null(cfg.net.hosts);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(profile_veth_values)
{
        struct sb_config cfg;
        LOAD_OK("network = {\n"
                "  mode = \"veth\";\n"
                "  veth = (\n"
                "    { address = [ \"10.0.3.2/24\", \"fd00::2/64\" ];\n"
                "      gateway = [ \"fd00::1\", \"10.0.3.1\" ];\n"
                "      mtu = 1400; mac = \"02:00:00:00:00:01\"; },\n"
                "    { name = \"wan\"; host_name = \"sbwan\";\n"
                "      bridge = \"br0\"; address = \"192.168.7.9/16\"; },\n"
                "    { }\n"
                "  );\n"
                "  dns = \"10.0.3.1\";\n"
                "  hosts = [ \"10.0.3.1 gw\" ];\n"
                "};\n",
                &cfg);
        const struct sb_net_config *n = &cfg.net;
        ck_assert_int_eq(n->mode, SB_NET_VETH);
        ck_assert_uint_eq(n->n_veths, 3);
        ck_assert_str_eq(n->veths[0].name, "eth0");
        ck_assert_str_eq(n->veths[0].host_name, "");
        ck_assert_uint_eq(n->veths[0].n_addrs, 2);
        ck_assert(n->veths[0].has_gw4 && n->veths[0].has_gw6);
        ck_assert_uint_eq(n->veths[0].gw4.bytes[3], 1);
        ck_assert_uint_eq(n->veths[0].mtu, 1400);
        ck_assert(n->veths[0].has_mac);
        ck_assert_str_eq(n->veths[0].where, "t.profile:4");
        ck_assert_str_eq(n->veths[1].name, "wan");
        ck_assert_str_eq(n->veths[1].host_name, "sbwan");
        ck_assert_str_eq(n->veths[1].bridge, "br0");
        ck_assert(!n->veths[1].has_gw4 && !n->veths[1].has_mac);
        ck_assert_uint_eq(n->veths[1].mtu, 0);
        /* The default name follows the position. */
        ck_assert_str_eq(n->veths[2].name, "eth2");
        ck_assert_uint_eq(n->n_dns, 1);
        ck_assert_str_eq(n->hosts[0], "10.0.3.1\tgw");
        ck_assert_ptr_null(n->hosts[1]);
        ck_assert_str_eq(n->mode_where, "t.profile:2");
        sb_config_free(&cfg);

        /* mode = "veth" alone: one interface, eth0, no address. */
        LOAD_OK("network = { mode = \"veth\"; };", &cfg);
        ck_assert_uint_eq(cfg.net.n_veths, 1);
        ck_assert_str_eq(cfg.net.veths[0].name, "eth0");
        ck_assert_uint_eq(cfg.net.veths[0].n_addrs, 0);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(profile_host_mode_and_namespaces)
{
        struct sb_config cfg;
        /* "host" takes "net" out of the default namespaces. */
        LOAD_OK("network = { mode = \"host\"; };", &cfg);
        ck_assert_int_eq(cfg.net.mode, SB_NET_HOST);
        ck_assert(!(cfg.namespaces & SB_NS_NET));
        ck_assert(cfg.namespaces & SB_NS_PID);
        sb_config_free(&cfg);
        /* Namespaces without "net" and no mode: the host's network. */
        LOAD_OK("namespaces = [ \"user\", \"mount\" ];", &cfg);
        ck_assert_int_eq(cfg.net.mode, SB_NET_HOST);
        sb_config_free(&cfg);
        LOAD_OK("namespaces = [ \"user\", \"mount\" ];\n"
                "network = { mode = \"host\"; dns = [ \"1.1.1.1\" ]; };",
                &cfg);
        ck_assert_int_eq(cfg.net.mode, SB_NET_HOST);
        ck_assert_uint_eq(cfg.net.n_dns, 1);
        sb_config_free(&cfg);

        struct sb_diags d;
        ck_assert_int_eq(load("namespaces = [ \"net\", \"user\" ];\n"
                              "network = { mode = \"host\"; };", &cfg, &d),
                         -EINVAL);
        ck_assert_uint_eq(d.n, 1);
        ck_assert_str_eq(d.msgs[0],
                         "t.profile:2: network.mode: \"host\" shares the "
                         "host's network namespace, but namespaces "
                         "(t.profile:1) lists \"net\"");
        sb_diags_free(&d);
        sb_config_free(&cfg);
        /* An included file's namespaces list (default.profile has one)
         * gives way to mode = "host". */
        char dir[] = "/tmp/sb-test-net-XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(dir));
        char *inc = xasprintf("%s/base.inc", dir);
        FILE *f = fopen(inc, "w");
        ck_assert_ptr_nonnull(f);
        fputs("namespaces = [ \"user\", \"mount\", \"net\" ];\n", f);
        fclose(f);
        const char *const dirs[] = { dir, NULL };
        int r = load_in("include = [ \"base.inc\" ];\n"
                        "network = { mode = \"host\"; };", dirs, &cfg, &d);
        unlink(inc);
        rmdir(dir);
        free(inc);
        ck_assert_msg(r == 0 && d.n == 0, "%s", d.n ? d.msgs[0] : "failed");
        ck_assert(!(cfg.namespaces & SB_NS_NET));
        ck_assert(cfg.namespaces & SB_NS_MOUNT);
        sb_diags_free(&d);
        sb_config_free(&cfg);
        /* A later mode overrides an earlier veth: it is ignored then. */
        LOAD_OK("network = { veth = { address = \"10.0.3.2/24\"; };\n"
                "mode = \"loopback\"; };", &cfg);
        ck_assert_int_eq(cfg.net.mode, SB_NET_LOOPBACK);
        sb_config_free(&cfg);
}
END_TEST

/* Every problem of one interface is reported, not only the first. */
START_TEST(profile_all_veth_problems)
{
        struct sb_config cfg;
        struct sb_diags d;
        ck_assert_int_eq(load("network = { mode = \"veth\"; veth = (\n"
                              "{ address = \"10.0.3.2/40\"; },\n"
                              "{ name = \"a-very-long-name0\"; mtu = 1; }\n"
                              "); };", &cfg, &d),
                         -EINVAL);
        ck_assert_uint_eq(d.n, 3);
        sb_diags_free(&d);
        sb_config_free(&cfg);
}
END_TEST

/* ---- the files ---- */

START_TEST(files_text)
{
        struct sb_config cfg;
        LOAD_OK("network = { dns = [ \"10.0.3.1\", \"FD00::53\" ];\n"
                "hosts = [ \"10.0.3.5 db db.local\" ]; };", &cfg);
        char *t = net_resolv_conf_text(&cfg.net);
        ck_assert_ptr_nonnull(strstr(t, "\nnameserver 10.0.3.1\n"
                                        "nameserver fd00::53\n"));
        free(t);
        t = net_hosts_text(&cfg.net, "box");
        ck_assert_ptr_nonnull(strstr(t, "\n127.0.0.1\tlocalhost\n"));
        ck_assert_ptr_nonnull(strstr(t, "\n::1\tlocalhost"));
        ck_assert_ptr_nonnull(strstr(t, "\n127.0.1.1\tbox\n"));
        ck_assert_ptr_nonnull(strstr(t, "\n10.0.3.5\tdb db.local\n"));
        free(t);
        sb_config_free(&cfg);
        /* No name servers: a file with only its comment. */
        LOAD_OK("", &cfg);
        t = net_resolv_conf_text(&cfg.net);
        ck_assert_ptr_null(strstr(t, "nameserver"));
        free(t);
        t = net_hosts_text(&cfg.net, "");
        ck_assert_ptr_null(strstr(t, "127.0.1.1"));
        free(t);
        sb_config_free(&cfg);
}
END_TEST

/* The two `file` entries of the filesystem plan; t-rootfs and t-network
 * see them laid over the view's files. */
START_TEST(files_planned)
{
        struct sb_config cfg;
        struct sb_mount m[NET_FILES_MAX];
        LOAD_OK("hostname = \"box\";\n"
                "network = { dns = \"10.0.3.1\";\n hosts = [ \"10.0.3.5 db\" ]; };",
                &cfg);
        ck_assert_uint_eq(net_files_plan(&cfg, m), 2);
        ck_assert_int_eq(m[0].type, SB_MOUNT_FILE);
        ck_assert_str_eq(m[0].target, "/etc/resolv.conf");
        ck_assert_ptr_nonnull(strstr(m[0].content, "\nnameserver 10.0.3.1\n"));
        ck_assert_str_eq(m[0].origin, "t.profile:2: network.dns");
        ck_assert_str_eq(m[1].target, "/etc/hosts");
        ck_assert_ptr_nonnull(strstr(m[1].content, "\n127.0.1.1\tbox\n"));
        ck_assert_ptr_nonnull(strstr(m[1].content, "\n10.0.3.5\tdb\n"));
        ck_assert_str_eq(m[1].origin, "t.profile:3: network.hosts");
        for (int i = 0; i < 2; i++) {
                /* Over the view's file, never making one; read-only; a
                 * missing one is an error when the profile asked. */
                ck_assert(m[i].cover && m[i].readonly && !m[i].optional);
                ck_assert_uint_eq(m[i].mode, 0644);
                sb_mount_free(&m[i]);
        }
        sb_config_free(&cfg);

        /* Defaults: both files, optional. */
        LOAD_OK("network = { mode = \"loopback\"; };", &cfg);
        ck_assert_uint_eq(net_files_plan(&cfg, m), 2);
        ck_assert(m[0].optional && m[1].optional);
        ck_assert_str_eq(m[0].origin, "network.dns (default)");
        ck_assert_ptr_null(strstr(m[0].content, "nameserver"));
        sb_mount_free(&m[0]);
        sb_mount_free(&m[1]);
        sb_config_free(&cfg);

        /* The host's network: the host's files, unless the profile sets
         * one (which needs a mount namespace). */
        LOAD_OK("namespaces = [ \"user\", \"mount\", \"pid\" ];\n"
                "network = { mode = \"host\"; };", &cfg);
        ck_assert_uint_eq(net_files_plan(&cfg, m), 0);
        sb_config_free(&cfg);
        LOAD_OK("namespaces = [ \"user\", \"mount\", \"pid\" ];\n"
                "network = { mode = \"host\"; hosts = [ \"10.0.3.5 db\" ]; };",
                &cfg);
        ck_assert_uint_eq(net_files_plan(&cfg, m), 1);
        ck_assert_str_eq(m[0].target, "/etc/hosts");
        sb_mount_free(&m[0]);
        sb_config_free(&cfg);
}
END_TEST

/* ---- statistics ---- */

/* A child in a new user and network namespace brings lo up, sends
 * `count` UDP datagrams to itself over it, says so on `ready`, and waits
 * to be killed. */
static pid_t traffic_child(int count, uid_t as_uid)
{
        int p[2];
        ck_assert_int_eq(pipe(p), 0);
        pid_t pid = fork();
        ck_assert_int_ge(pid, 0);
        if (pid > 0) {
                close(p[1]);
                char c = 0;
                ssize_t n = read(p[0], &c, 1);
                close(p[0]);
                if (n != 1 || c == 'S') {
                        kill(pid, SIGKILL);
                        waitpid(pid, NULL, 0);
                        return c == 'S' ? 0 : -1;
                }
                return pid;
        }
        close(p[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (as_uid != (uid_t)-1 &&
            (setresgid(as_uid, as_uid, as_uid) < 0 ||
             setresuid(as_uid, as_uid, as_uid) < 0))
                _exit(1);
        /* Changing uid made us non-dumpable; the reader needs to open our
         * /proc/PID/ns/net as the same user. */
        prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
        if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0) {
                (void)!write(p[1], "S", 1);     /* no user namespaces here */
                _exit(0);
        }
        struct sb_config cfg;
        sb_config_init(&cfg);
        cfg.namespaces = SB_NS_NET;     /* no mount ns: the files stay */
        cfg.net.mode = SB_NET_LOOPBACK;
        struct sb_error err = { 0 };
        if (net_inside_setup(&cfg, &err) < 0)
                _exit(2);
        int s = socket(AF_INET, SOCK_DGRAM, 0);
        struct sockaddr_in to = { .sin_family = AF_INET,
                                  .sin_port = htons(9),
                                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        for (int i = 0; i < count; i++)
                if (sendto(s, "x", 1, 0, (struct sockaddr *)&to,
                           sizeof(to)) != 1)
                        _exit(3);
        (void)!write(p[1], "R", 1);
        for (;;)
                pause();
}

static void check_stats(uid_t as_uid)
{
        pid_t pid = traffic_child(25, as_uid);
        ck_assert_int_ge(pid, 0);
        if (pid == 0)
                return;         /* the kernel refuses user namespaces */ 
        if (as_uid != (uid_t)-1) {
                ck_assert_int_eq(setresgid(as_uid, as_uid, as_uid), 0);
                ck_assert_int_eq(setresuid(as_uid, as_uid, as_uid), 0);
        }
        struct sb_net_stats st;
        struct sb_error err = { 0 };
        int r = net_stats(pid, &st, &err);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        ck_assert_msg(r == 0, "net_stats: %s", err.msg);
        ck_assert_uint_eq(st.n_ifs, 1);
        ck_assert_str_eq(st.ifs[0].name, "lo");
        ck_assert(st.ifs[0].loopback);
        /* Each datagram leaves and comes back on lo (the ICMP "port
         * unreachable" replies add more). */
        ck_assert_uint_ge(st.ifs[0].tx_packets, 25);
        ck_assert_uint_ge(st.ifs[0].rx_packets, 25);
        ck_assert_uint_ge(st.ifs[0].tx_bytes, 25 * 29);
        /* lo is not the sandbox's traffic with the world. */
        ck_assert_uint_eq(st.rx_packets, 0);
        ck_assert_uint_eq(st.tx_bytes, 0);
}

START_TEST(stats_of_a_namespace)
{
        check_stats((uid_t)-1);
}
END_TEST

/* Without privilege, through the user namespace that owns the netns. */
START_TEST(stats_unprivileged)
{
        if (geteuid() != 0)
                check_stats((uid_t)-1);
        else
                check_stats(65534);
}
END_TEST

START_TEST(stats_errors)
{
        struct sb_net_stats st;
        struct sb_error err = { 0 };
        ck_assert_int_lt(net_stats(0x7ffffff0, &st, &err), 0);
        ck_assert_ptr_nonnull(strstr(err.msg, "/proc/2147483632/ns/net"));
        /* Not a namespace file. */
        ck_assert_int_lt(net_stats_fd(0, &st, &err), 0);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("net");
        TCase *tc = tcase_create("net");
        tcase_add_test(tc, cidr_valid);
        tcase_add_test(tc, cidr_invalid);
        tcase_add_test(tc, subnets);
        tcase_add_test(tc, host_addresses);
        tcase_add_test(tc, interface_names);
        tcase_add_test(tc, mac_addresses);
        tcase_add_test(tc, hosts_entries);
        tcase_add_test(tc, profile_defaults);
        tcase_add_test(tc, profile_veth_values);
        tcase_add_test(tc, profile_host_mode_and_namespaces);
        tcase_add_test(tc, profile_all_veth_problems);
        tcase_add_test(tc, files_text);
        tcase_add_test(tc, files_planned);
        tcase_add_test(tc, stats_of_a_namespace);
        tcase_add_test(tc, stats_unprivileged);
        tcase_add_test(tc, stats_errors);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
