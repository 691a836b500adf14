/* Unit tests for the system policy of a setuid install (policy.c): reading
 * sandbox.conf from text, every refusal of sb_policy_check with the policy
 * key it names, the defaults, sb_policy_fill, and the owner checks of
 * sb_policy_load on real files. The profiles are real profiles, loaded
 * with profile_load_string. */
#include <check.h>

#include "unit.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "policy.h"
#include "priv.h"
#include "profile.h"
#include "util.h"

#define PATH "/etc/sandbox/sandbox.conf"
#define RUID 1000
#define RGID 1000

static const char *const no_dirs[] = { NULL };

static void cfg_load(const char *text, struct sb_config *cfg)
{
        struct sb_profile_env env = {
                .home = "/home/t", .user = "t", .uid = RUID, .gid = RGID,
                .app = "app", .search_dirs = no_dirs,
        };
        struct sb_diags d = { 0 };
        sb_config_init(cfg);
        int r = profile_load_string(text, "t.profile", &env, cfg, &d);
        ck_assert_msg(r == 0, "profile: %s", d.n ? d.msgs[0] : "?");
        sb_diags_free(&d);
}

static void pol_load(const char *text, struct sb_policy *p)
{
        struct sb_diags d = { 0 };
        sb_policy_init(p, PATH);
        int r = sb_policy_load_string(p, text, &d);
        ck_assert_msg(r == 0, "policy: %s", d.n ? d.msgs[0] : "?");
        sb_diags_free(&d);
}

/* Check profile `prof` against policy `pol`: expect refusal whose message
 * is exactly `msg`, or success when msg is NULL. */
static void expect(const char *pol, const char *prof, const char *msg)
{
        struct sb_policy p;
        struct sb_config cfg;
        struct sb_error err = { 0 };
        pol_load(pol, &p);
        cfg_load(prof, &cfg);
        sb_policy_fill(&p, &cfg);
        int r = sb_policy_check(&cfg, &p, RUID, RGID, &err);
        if (msg) {
                ck_assert_msg(r == -EPERM, "allowed, wanted: %s", msg);
                ck_assert_str_eq(err.msg, msg);
        } else {
                ck_assert_msg(r == 0, "refused: %s", err.msg);
        }
        sb_config_free(&cfg);
        sb_policy_free(&p);
}

static void expect_bad_policy(const char *text, const char *msg)
{
        struct sb_policy p;
        struct sb_diags d = { 0 };
        sb_policy_init(&p, PATH);
        int r = sb_policy_load_string(&p, text, &d);
        ck_assert_int_lt(r, 0);
        ck_assert_uint_ge(d.n, 1);
        ck_assert_str_eq(d.msgs[0], msg);
        sb_diags_free(&d);
        sb_policy_free(&p);
}

#define VETH_POLICY                                                            \
        "veth = { bridges = [ \"br0\", \"br2\" ];\n"                           \
        "  addresses = [ \"10.0.3.0/24\", \"fd00:3::/64\" ]; };\n"

#define NO_USERNS                                                              \
        "namespaces: a setuid launcher always makes a user namespace: "        \
        "without one the sandbox would be built with host root's "             \
        "privileges (add \"user\" to namespaces)"

/* ---- defaults ---- */

START_TEST(defaults)
{
        struct sb_policy p;
        sb_policy_init(&p, PATH);
        ck_assert(p.user_profiles);
        ck_assert(!p.seccomp_may_disable);
        ck_assert_uint_eq(p.caps_allowed[0] | p.caps_allowed[1], 0);
        ck_assert_uint_eq(p.max_cpu_weight, 100);
        ck_assert_uint_eq(p.max_io_weight, 100);
        ck_assert(!p.cgroup_allowed);
        ck_assert_uint_eq(p.n_bridges, 0);
        ck_assert(!p.exists);
        sb_policy_free(&p);
        /* An empty file: the defaults, and a plain sandbox passes. */
        expect("", "", NULL);
        expect("", "namespaces = [ \"user\", \"mount\", \"pid\" ];", NULL);
}
END_TEST

START_TEST(defaults_refuse)
{
        expect("", "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
                   "}; };",
               "policy " PATH ": veth.bridges does not allow 'br0'");
        expect("", "cgroup = { memory = \"64M\"; };",
               "policy " PATH ": cgroup.allowed is false: cgroup limits "
               "are refused");
        expect("", "namespaces = [ \"mount\", \"pid\" ];", NO_USERNS);
        expect("", "capabilities = { keep = [ \"chown\" ]; };",
               "policy " PATH ": capabilities.allowed does not allow "
               "keeping chown (capabilities.keep)");
        expect("", "seccomp = { enabled = false; };",
               "policy " PATH ": seccomp.may_disable is false: "
               "seccomp.enabled must be true");
}
END_TEST

/* ---- veth ---- */

START_TEST(veth_bridges)
{
        const char *ok = "network = { mode = \"veth\"; veth = { bridge = "
                         "\"br2\"; address = \"10.0.3.7/24\"; gateway = "
                         "\"10.0.3.1\"; }; };";
        expect(VETH_POLICY, ok, NULL);
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br1\"; }; };",
               "policy " PATH ": veth.bridges does not allow 'br1'");
        /* Every interface is checked, not only the first. */
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = ( { bridge = \"br0\"; },"
               " { bridge = \"br9\"; } ); };",
               "policy " PATH ": veth.bridges does not allow 'br9'");
}
END_TEST

START_TEST(veth_addresses)
{
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "address = [ \"10.0.3.9/24\", \"fd00:3::9/64\" ]; }; };",
               NULL);
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "address = \"10.0.4.9/24\"; }; };",
               "policy " PATH ": veth.addresses does not allow 10.0.4.9/24");
        /* Inside the range, but claiming a wider subnet. */
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "address = \"10.0.3.9/16\"; }; };",
               "policy " PATH ": veth.addresses does not allow 10.0.3.9/16");
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "address = \"fd00:4::9/64\"; }; };",
               "policy " PATH ": veth.addresses does not allow fd00:4::9/64");
        /* The gateway too. */
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "address = \"10.0.3.9/24\"; gateway = \"10.0.3.1\"; }; };",
               NULL);
        expect("veth = { bridges = [ \"br0\" ]; addresses = [ "
               "\"10.0.3.0/25\" ]; };",
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "address = \"10.0.3.9/24\"; gateway = \"10.0.3.200\"; }; };",
               "policy " PATH ": veth.addresses does not allow 10.0.3.9/24");
}
END_TEST

START_TEST(veth_point_to_point)
{
        const char *p2p = "network = { mode = \"veth\"; veth = { address = "
                          "\"10.0.3.2/30\"; gateway = \"10.0.3.1\"; }; };";
        expect(VETH_POLICY, p2p,
               "policy " PATH ": veth.point_to_point is false: eth0 has no "
               "bridge");
        expect("veth = { point_to_point = true; addresses = [ "
               "\"10.0.3.0/24\" ]; };", p2p, NULL);
        /* The host end's address is the gateway: checked too. */
        expect("veth = { point_to_point = true; addresses = [ "
               "\"10.0.3.2/32\" ]; };", p2p,
               "policy " PATH ": veth.addresses does not allow 10.0.3.2/30");
}
END_TEST

START_TEST(veth_host_names)
{
        const char *named = "network = { mode = \"veth\"; veth = { bridge = "
                            "\"br0\"; host_name = \"mine0\"; }; };";
        expect(VETH_POLICY, named,
               "policy " PATH ": veth.host_names is false: the host end of "
               "eth0 cannot be named 'mine0'");
        expect("veth = { bridges = [ \"br0\" ]; host_names = true; };", named,
               NULL);
}
END_TEST

START_TEST(veth_net_caps)
{
        /* Even when capabilities.allowed lists them. */
        expect(VETH_POLICY "capabilities = { allowed = [ \"net_admin\", "
               "\"net_raw\" ]; };",
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; }; };"
               "capabilities = { keep = [ \"net_admin\" ]; };",
               "policy " PATH ": veth: a sandbox with a veth link may not "
               "keep net_admin (capabilities.keep): it could change its "
               "addresses");
        expect(VETH_POLICY "capabilities = { allowed = [ \"net_raw\" ]; };",
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; }; };"
               "capabilities = { keep = [ \"net_raw\" ]; };",
               "policy " PATH ": veth: a sandbox with a veth link may not "
               "keep net_raw (capabilities.keep): it could change its "
               "addresses");
        /* Without veth, what capabilities.allowed lists is fine. */
        expect("capabilities = { allowed = [ \"net_admin\" ]; };",
               "capabilities = { keep = [ \"net_admin\" ]; };", NULL);
}
END_TEST

/* ---- cgroup ---- */

#define CG_POLICY                                                              \
        "cgroup = { allowed = true; max_memory = \"256M\"; max_pids = 100; "   \
        "max_cpus = 1.5; };"

START_TEST(cgroup_within)
{
        expect(CG_POLICY, "cgroup = { memory = \"256M\"; pids = 100; cpus = "
                          "1.5; };", NULL);
        expect(CG_POLICY, "cgroup = { memory = \"1M\"; pids = 2; cpus = 0.1;"
                          " };", NULL);
        expect("cgroup = { allowed = true; };", "cgroup = { pids = 99999; };",
               NULL);
}
END_TEST

START_TEST(cgroup_over)
{
        expect(CG_POLICY, "cgroup = { memory = \"257M\"; pids = 100; cpus = "
                          "1; };",
               "policy " PATH ": cgroup.max_memory is 268435456 bytes: the "
               "profile asks for 269484032 bytes");
        expect(CG_POLICY, "cgroup = { pids = 100; cpus = 1; };",
               "policy " PATH ": cgroup.max_memory is 268435456 bytes: the "
               "profile asks for no memory limit");
        expect(CG_POLICY, "cgroup = { memory = \"64M\"; memory_swap = "
                          "\"unlimited\"; pids = 10; cpus = 1; };",
               "policy " PATH ": cgroup.max_memory is 268435456 bytes: the "
               "profile asks for unlimited swap");
        expect(CG_POLICY, "cgroup = { memory = \"64M\"; pids = 101; cpus = 1;"
                          " };",
               "policy " PATH ": cgroup.max_pids is 100: the profile asks "
               "for 101");
        expect(CG_POLICY, "cgroup = { memory = \"64M\"; cpus = 1; };",
               "policy " PATH ": cgroup.max_pids is 100: the profile asks "
               "for no pids limit");
        expect(CG_POLICY, "cgroup = { memory = \"64M\"; pids = 10; cpus = 2;"
                          " };",
               "policy " PATH ": cgroup.max_cpus is 1.5: the profile asks "
               "for 2");
        expect(CG_POLICY, "cgroup = { memory = \"64M\"; pids = 10; };",
               "policy " PATH ": cgroup.max_cpus is 1.5: the profile asks "
               "for no cpu limit");
}
END_TEST

START_TEST(cgroup_parent)
{
        const char *pol = "cgroup = { allowed = true; parent = \"sb\"; };";
        /* A profile without a parent gets the policy's. */
        struct sb_policy p;
        struct sb_config cfg;
        pol_load(pol, &p);
        cfg_load("cgroup = { pids = 10; };", &cfg);
        sb_policy_fill(&p, &cfg);
        ck_assert_str_eq(cfg.cgroup.parent, "sb");
        sb_config_free(&cfg);
        sb_policy_free(&p);

        expect(pol, "cgroup = { pids = 10; };", NULL);
        expect(pol, "cgroup = { pids = 10; parent = \"sb/web\"; };", NULL);
        expect(pol, "cgroup = { pids = 10; parent = \"sbx\"; };",
               "policy " PATH ": cgroup.parent is 'sb': the profile's "
               "cgroup.parent 'sbx' is not below it");
        expect(pol, "cgroup = { pids = 10; parent = \"other\"; };",
               "policy " PATH ": cgroup.parent is 'sb': the profile's "
               "cgroup.parent 'other' is not below it");
}
END_TEST

/* ---- identity and namespaces ---- */

/* H1: there is no policy that allows a sandbox without a user namespace;
 * the old key stops the launch instead of being ignored. */
START_TEST(no_user_namespace)
{
        expect("", "namespaces = [ \"mount\", \"pid\" ];", NO_USERNS);
        expect("capabilities = { allowed = [ \"chown\" ]; };\n"
               "seccomp = { may_disable = true; };\n"
               "cgroup = { allowed = true; };",
               "namespaces = [ \"mount\", \"pid\" ];\n"
               "process = { user = 1000; group = 1000; };", NO_USERNS);
        expect_bad_policy("user_namespace_optional = true;",
                          PATH ":1: user_namespace_optional: no longer "
                          "supported: a setuid launcher always makes a user "
                          "namespace (remove the key)");
}
END_TEST

/* M1: capabilities kept inside the user namespace. */
START_TEST(caps_allowed)
{
        const char *keep2 = "capabilities = { keep = [ \"sys_admin\", "
                            "\"net_admin\" ]; };";
        expect("", keep2, "policy " PATH ": capabilities.allowed does not "
               "allow keeping net_admin (capabilities.keep)");
        expect("capabilities = { allowed = [ \"net_admin\" ]; };", keep2,
               "policy " PATH ": capabilities.allowed does not allow keeping "
               "sys_admin (capabilities.keep)");
        expect("capabilities = { allowed = [ \"CAP_SYS_ADMIN\", "
               "\"net_admin\" ]; };", keep2, NULL);
        expect("", "", NULL);
        expect_bad_policy("capabilities = { allowed = [ \"no_such\" ]; };",
                          PATH ":1: capabilities.allowed: must be a "
                          "capability name (\"net_bind_service\")");
        expect_bad_policy("capabilities = { keep = [ ]; };",
                          PATH ":1: capabilities.keep: unknown key");
}
END_TEST

#define SC_REFUSED "policy " PATH ": seccomp.may_disable is false: "

/* M1: the filter must refuse at least the built-in deny list. */
START_TEST(seccomp_required)
{
        expect("", "seccomp = { enabled = false; };",
               SC_REFUSED "seccomp.enabled must be true");
        expect("seccomp = { may_disable = true; };",
               "seccomp = { enabled = false; };", NULL);
        expect("", "seccomp = { action = \"log\"; };",
               SC_REFUSED "seccomp.action \"log\" lets refused calls run");
        expect("", "seccomp = { action = \"kill\"; };", NULL);
        /* Deny-list mode: an allow entry that lifts a built-in refusal,
         * by name or by group. */
        expect("", "seccomp = { allow = [ \"unshare\" ]; };", NULL);
        expect("", "seccomp = { allow = [ \"mount\" ]; };",
               SC_REFUSED "seccomp.allow entry 'mount' lifts 'mount' of the "
               "built-in deny list (@default-deny)");
        expect("", "seccomp = { allow = [ \"@mount\" ]; };",
               SC_REFUSED "seccomp.allow entry '@mount' lifts 'fsconfig' of the "
               "built-in deny list (@default-deny)");
        expect("", "seccomp = { allow = [ \"@default-deny\" ]; };",
               SC_REFUSED "seccomp.allow entry '@default-deny' lifts "
               "'adjtimex' of the built-in deny list (@default-deny)");
        /* A plain call whose built-in refusal is an argument rule keeps
         * that rule (ioctl: TIOCSTI), so it is fine. */
        expect("", "seccomp = { allow = [ \"ioctl\", \"clone\" ]; };", NULL);
        /* Allow-list mode: only the named calls pass, so the same rule. */
        expect("", "seccomp = { default = \"deny\"; allow = [ \"execve\", "
               "\"exit_group\", \"ioctl\" ]; };", NULL);
        expect("", "seccomp = { default = \"deny\"; allow = [ \"execve\", "
               "\"?kexec_load\" ]; };",
               SC_REFUSED "seccomp.allow entry '?kexec_load' lifts "
               "'kexec_load' of the built-in deny list (@default-deny)");
        /* seccomp.deny only adds. */
        expect("", "seccomp = { deny = [ \"@mount\", \"getppid\" ]; };",
               NULL);
        expect("seccomp = { may_disable = true; };",
               "seccomp = { allow = [ \"@mount\" ]; };", NULL);
}
END_TEST

/* M3: the MAC and MTU of a veth link. */
START_TEST(veth_mac_mtu)
{
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "mac = \"02:00:00:00:00:01\"; }; };",
               "policy " PATH ": veth: a setuid launcher does not take a MAC "
               "address of yours for eth0 (network.veth.mac): it could be "
               "another's on the bridge");
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "mtu = 68; }; };",
               "policy " PATH ": veth: the MTU of eth0 (network.veth.mtu) is "
               "68: a setuid launch needs at least 1280");
        expect(VETH_POLICY,
               "network = { mode = \"veth\"; veth = { bridge = \"br0\"; "
               "mtu = 1280; }; };", NULL);
}
END_TEST

/* M4: weights are shares of everyone's time. */
START_TEST(cgroup_weights)
{
        const char *pol = "cgroup = { allowed = true; };";
        expect(pol, "cgroup = { cpu_weight = 100; io_weight = 100; };", NULL);
        expect(pol, "cgroup = { cpu_weight = 50; };", NULL);
        expect(pol, "cgroup = { cpu_weight = 10000; };",
               "policy " PATH ": cgroup.max_cpu_weight is 100: the profile "
               "asks for 10000");
        expect(pol, "cgroup = { io_weight = 101; };",
               "policy " PATH ": cgroup.max_io_weight is 100: the profile "
               "asks for 101");
        expect("cgroup = { allowed = true; max_cpu_weight = 400; "
               "max_io_weight = 200; };",
               "cgroup = { cpu_weight = 400; io_weight = 200; };", NULL);
        expect_bad_policy("cgroup = { max_cpu_weight = 0; };",
                          PATH ":1: cgroup.max_cpu_weight: must be a weight "
                          "from 1 to 10000");
}
END_TEST

START_TEST(host_user)
{
        expect("", "process = { user = 0; host_user = 0; };",
               "process.host_user needs root: a setuid launcher runs the "
               "sandbox as you");
}
END_TEST

/* ---- the file ---- */

START_TEST(parse_all_keys)
{
        struct sb_policy p;
        pol_load("user_profiles = false;\n"
                 "capabilities = { allowed = [ \"chown\" ]; };\n"
                 "seccomp = { may_disable = true; };\n"
                 "veth = { bridges = [ \"br0\" ]; addresses = [ "
                 "\"10.0.3.0/24\" ]; point_to_point = true; host_names = "
                 "true; };\n"
                 "cgroup = { allowed = true; parent = \"sandbox\"; max_memory"
                 " = \"1G\"; max_pids = 512; max_cpus = 2; };\n", &p);
        ck_assert(p.exists);
        ck_assert(!p.user_profiles);
        ck_assert(sb_caps_has(p.caps_allowed, 0));     /* CAP_CHOWN */
        ck_assert(p.seccomp_may_disable);
        ck_assert_uint_eq(p.n_bridges, 1);
        ck_assert_str_eq(p.bridges[0], "br0");
        ck_assert_uint_eq(p.n_ranges, 1);
        ck_assert(p.veth_point_to_point);
        ck_assert(p.veth_host_names);
        ck_assert(p.cgroup_allowed);
        ck_assert_str_eq(p.cgroup_parent, "sandbox");
        ck_assert_uint_eq(p.max_memory, 1024ull * 1024 * 1024);
        ck_assert_uint_eq(p.max_pids, 512);
        ck_assert_uint_eq(p.max_millicpus, 2000);
        sb_policy_free(&p);
}
END_TEST

START_TEST(parse_errors)
{
        expect_bad_policy("user_profile = true;",
                          PATH ":1: user_profile: unknown key");
        expect_bad_policy("user_profiles = 1;",
                          PATH ":1: user_profiles: must be true or false");
        expect_bad_policy("\nveth = { bridges = [ \"a/b\" ]; };",
                          PATH ":2: veth.bridges: interface names may "
                          "not contain '/', ':', white space or control "
                          "characters");
        expect_bad_policy("veth = { addresses = [ \"10.0.3.0\" ]; };",
                          PATH ":1: veth.addresses: needs a prefix length, "
                          "like 10.0.3.2/24");
        expect_bad_policy("veth = { bridge = [ \"br0\" ]; };",
                          PATH ":1: veth.bridge: unknown key");
        expect_bad_policy("cgroup = { max_memory = \"lots\"; };",
                          PATH ":1: cgroup.max_memory: must be a size "
                          "(\"512M\", \"2G\") above 0");
        expect_bad_policy("cgroup = { parent = \"../x\"; };",
                          PATH ":1: cgroup.parent: must be a relative path "
                          "without '..'");
        expect_bad_policy("cgroup = { max_cpus = 0; };",
                          PATH ":1: cgroup.max_cpus: must be a number of CPUs"
                          " from 0.001 to 4096");
        expect_bad_policy("user_profiles = ", PATH ":1: syntax error");
        expect_bad_policy("@include \"x\"\n", PATH ":1: @include is not "
                          "supported; use the 'include' setting instead");
}
END_TEST

/* sb_policy_load on real files: absent is the defaults; a file or
 * directory another user may write is refused. Runs as root (the files
 * must be root's); skipped otherwise. */
START_TEST(load_owner_checks)
{
        if (geteuid() != 0)
                return;
        char dir[] = "/tmp/sb-policy.XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(dir));
        chmod(dir, 0755);
        char *path = xasprintf("%s/sandbox.conf", dir);
        struct sb_policy p;
        struct sb_diags d = { 0 };

        sb_policy_init(&p, path);
        ck_assert_int_eq(sb_policy_load(&p, &d), 0);
        ck_assert(!p.exists);
        sb_policy_free(&p);

        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fputs("user_profiles = false;\n", f);
        fclose(f);
        chmod(path, 0644);
        sb_policy_init(&p, path);
        ck_assert_int_eq(sb_policy_load(&p, &d), 0);
        ck_assert(p.exists);
        ck_assert(!p.user_profiles);
        sb_policy_free(&p);

        chmod(path, 0666);
        sb_policy_init(&p, path);
        ck_assert_int_eq(sb_policy_load(&p, &d), -EPERM);
        ck_assert_uint_eq(d.n, 1);
        ck_assert(str_has_suffix(d.msgs[0], "refused: writable by group or "
                                            "others"));
        sb_policy_free(&p);
        sb_diags_free(&d);

        chmod(path, 0644);
        ck_assert_int_eq(chown(path, 1, 1), 0);
        sb_policy_init(&p, path);
        ck_assert_int_eq(sb_policy_load(&p, &d), -EPERM);
        ck_assert(str_has_suffix(d.msgs[0], "refused: not owned by root"));
        sb_policy_free(&p);
        sb_diags_free(&d);

        ck_assert_int_eq(chown(path, 0, 0), 0);
        chmod(dir, 0777);
        sb_policy_init(&p, path);
        ck_assert_int_eq(sb_policy_load(&p, &d), -EPERM);
        ck_assert(strstr(d.msgs[0], "refused as the policy's directory: "
                                    "writable by group or others"));
        sb_policy_free(&p);
        sb_diags_free(&d);

        unlink(path);
        rmdir(dir);
        free(path);
}
END_TEST

START_TEST(features_text)
{
        struct sb_config cfg;
        char buf[256];
        cfg_load("", &cfg);
        priv_features(&cfg, buf, sizeof(buf));
        ck_assert_str_eq(buf, "");
        sb_config_free(&cfg);
        cfg_load("network = { mode = \"veth\"; veth = { bridge = \"br0\"; }; "
                 "};\ncgroup = { pids = 10; };\n"
                 "namespaces = [ \"user\", \"mount\", \"net\" ];", &cfg);
        priv_features(&cfg, buf, sizeof(buf));
        ck_assert_str_eq(buf, "veth bridge br0, cgroup limits (memory 0, "
                              "pids 10, millicpus 0)");
        sb_config_free(&cfg);
        /* The mode of a test run by hand: not setuid. */
        ck_assert(priv_mode() != SB_PRIV_SETUID);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("policy");
        TCase *tc = tcase_create("policy");
        tcase_add_test(tc, defaults);
        tcase_add_test(tc, defaults_refuse);
        tcase_add_test(tc, veth_bridges);
        tcase_add_test(tc, veth_addresses);
        tcase_add_test(tc, veth_point_to_point);
        tcase_add_test(tc, veth_host_names);
        tcase_add_test(tc, veth_net_caps);
        tcase_add_test(tc, cgroup_within);
        tcase_add_test(tc, cgroup_over);
        tcase_add_test(tc, cgroup_parent);
        tcase_add_test(tc, no_user_namespace);
        tcase_add_test(tc, caps_allowed);
        tcase_add_test(tc, seccomp_required);
        tcase_add_test(tc, veth_mac_mtu);
        tcase_add_test(tc, cgroup_weights);
        tcase_add_test(tc, host_user);
        tcase_add_test(tc, parse_all_keys);
        tcase_add_test(tc, parse_errors);
        tcase_add_test(tc, load_owner_checks);
        tcase_add_test(tc, features_text);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
