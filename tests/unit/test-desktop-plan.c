/* Unit tests for the desktop keys: loading (profile-keys-desktop.c, the
 * caller's session copied into the config) and what they expand to
 * (desktop-plan.c: mounts, variables, checks, refusals, the proxy's
 * arguments, the Xauthority rewrite). */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "config.h"
#include "desktop-plan.h"
#include "profile.h"
#include "util.h"

static const char *const no_dirs[] = { NULL };

static struct sb_profile_env session(void)
{
        return (struct sb_profile_env){
                .home = "/home/u",
                .user = "u",
                .uid = 1000,
                .gid = 1000,
                .xdg_runtime_dir = "/run/user/1000",
                .app = "app",
                .display = ":0",
                .wayland_display = "wayland-1",
                .dbus_address = "unix:path=/run/user/1000/bus",
                .search_dirs = no_dirs,
        };
}

/* Load text into cfg under env; returns the number of diagnostics. */
static size_t load(const char *text, const struct sb_profile_env *env,
                   struct sb_config *cfg)
{
        struct sb_diags d = { 0 };
        sb_config_init(cfg);
        profile_load_string(text, "t.profile", env, cfg, &d);
        size_t n = d.n;
        for (size_t i = 0; i < d.n; i++)
                fprintf(stderr, "diag: %s\n", d.msgs[i]);
        sb_diags_free(&d);
        return n;
}

static const char *var(const struct desktop_plan *p, const char *name)
{
        for (size_t i = 0; i < p->n_set; i++)
                if (strcmp(p->set[i].name, name) == 0)
                        return p->set[i].value;
        return NULL;
}

static const struct sb_mount *mount_at(const struct desktop_plan *p,
                                       const char *target)
{
        for (size_t i = 0; i < p->n_mounts; i++)
                if (strcmp(p->mounts[i].target, target) == 0)
                        return &p->mounts[i];
        return NULL;
}

/* Build the plan of a profile; *why is set on a refusal. */
static int plan(const char *text, const struct sb_profile_env *env,
                struct desktop_plan *p, char **why)
{
        struct sb_config cfg;
        ck_assert_uint_eq(load(text, env, &cfg), 0);
        int r = desktop_plan_build(&cfg, p, why);
        sb_config_free(&cfg);
        return r;
}

START_TEST(defaults)
{
        struct sb_config cfg;
        sb_config_init(&cfg);
        ck_assert(!sb_desktop_any(&cfg.desktop));
        ck_assert_int_eq(cfg.desktop.dbus, SB_DBUS_NONE);
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(desktop_plan_build(&cfg, &p, &why), 0);
        ck_assert_uint_eq(p.n_mounts, 0);
        ck_assert(strv_contains(p.unset, "DBUS_SESSION_BUS_ADDRESS"));
        desktop_plan_free(&p);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(keys_load_and_world)
{
        struct sb_profile_env env = session();
        struct sb_config cfg;
        ck_assert_uint_eq(load("desktop = { x11 = true; wayland = true;\n"
                               "  pulseaudio = true; pipewire = true;\n"
                               "  gpu = true; dbus = \"filtered\";\n"
                               "  dbus_own = [ \"org.a.B.*\" ];\n"
                               "  dbus_talk = [ \"org.x-y.Z_1\", \"a.b\" ]; };",
                               &env, &cfg),
                          0);
        const struct sb_desktop_config *d = &cfg.desktop;
        ck_assert(d->x11 && d->wayland && d->pulseaudio && d->pipewire &&
                  d->gpu);
        ck_assert_int_eq(d->dbus, SB_DBUS_FILTERED);
        ck_assert_str_eq(d->dbus_own[0], "org.a.B.*");
        ck_assert_str_eq(d->dbus_talk[1], "a.b");
        ck_assert_str_eq(d->origin[SB_DESKTOP_X11], "t.profile:1");
        ck_assert_str_eq(d->origin[SB_DESKTOP_GPU], "t.profile:3");
        ck_assert_str_eq(d->world.display, ":0");
        /* No XAUTHORITY: the home's file. */
        ck_assert_str_eq(d->world.xauthority, "/home/u/.Xauthority");
        ck_assert_str_eq(d->world.runtime_dir, "/run/user/1000");
        sb_config_free(&cfg);
}
END_TEST

START_TEST(keys_later_file_wins_and_world_only_when_used)
{
        struct sb_profile_env env = session();
        struct sb_config cfg;
        ck_assert_uint_eq(load("desktop = { x11 = true; };\n"
                               "desktop = { x11 = false; };", &env, &cfg),
                          1); /* libconfig: duplicate setting */
        sb_config_free(&cfg);
        ck_assert_uint_eq(load("desktop = { x11 = false; };", &env, &cfg), 0);
        ck_assert(!cfg.desktop.x11);
        ck_assert_ptr_null(cfg.desktop.world.display);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(x11_local)
{
        struct sb_profile_env env = session();
        env.display = ":3.1";
        env.xauthority = "/home/u/.Xauth-custom";
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("desktop = { x11 = true; };", &env, &p, &why), 0);
        const struct sb_mount *m = mount_at(&p, "/tmp/.X11-unix/X3");
        ck_assert_ptr_nonnull(m);
        ck_assert_str_eq(m->source, "/tmp/.X11-unix/X3");
        ck_assert(!m->readonly && !m->optional);
        ck_assert_str_eq(m->origin, "desktop.x11 at t.profile:1");
        m = mount_at(&p, DESKTOP_XAUTH_INSIDE);
        ck_assert_ptr_nonnull(m);
        ck_assert_str_eq(m->source, "/home/u/.Xauth-custom");
        ck_assert(m->readonly);
        ck_assert_int_eq(p.xauth_mount, (int)(m - p.mounts));
        ck_assert_str_eq(var(&p, "DISPLAY"), ":3.1");
        ck_assert_str_eq(var(&p, "XAUTHORITY"), DESKTOP_XAUTH_INSIDE);
        ck_assert_str_eq(p.display_number, "3");
        ck_assert_uint_eq(p.n_checks, 1);
        ck_assert_int_eq(p.checks[0].kind, DESKTOP_CHECK_SOCKET);
        ck_assert_str_eq(p.checks[0].path, "/tmp/.X11-unix/X3");
        ck_assert_ptr_nonnull(strstr(p.checks[0].what, "DISPLAY=:3.1"));
        desktop_plan_free(&p);
}
END_TEST

START_TEST(x11_refusals)
{
        struct sb_profile_env env = session();
        struct desktop_plan p;
        char *why;
        env.display = NULL;
        ck_assert_int_eq(plan("desktop = { x11 = true; };", &env, &p, &why),
                         -EINVAL);
        ck_assert_str_eq(why, "desktop.x11 at t.profile:1: DISPLAY is not set");
        free(why);
        env.display = "otherhost:0";
        ck_assert_int_eq(plan("desktop = { x11 = true; };", &env, &p, &why),
                         -EINVAL);
        ck_assert_ptr_nonnull(strstr(why, "reached over TCP"));
        ck_assert_ptr_nonnull(strstr(why, "network.mode = \"host\""));
        free(why);
        env.display = "garbage";
        ck_assert_int_eq(plan("desktop = { x11 = true; };", &env, &p, &why),
                         -EINVAL);
        ck_assert_ptr_nonnull(strstr(why, "is not a display name"));
        free(why);
}
END_TEST

START_TEST(x11_tcp_with_host_network)
{
        struct sb_profile_env env = session();
        env.display = "otherhost:10.0";
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("network = { mode = \"host\"; };\n"
                              "desktop = { x11 = true; };",
                              &env, &p, &why),
                         0);
        /* No socket to bind or check, the cookie file as it is. */
        ck_assert_uint_eq(p.n_checks, 0);
        ck_assert_ptr_null(p.display_number);
        ck_assert_str_eq(var(&p, "DISPLAY"), "otherhost:10.0");
        ck_assert_ptr_nonnull(mount_at(&p, DESKTOP_XAUTH_INSIDE));
        desktop_plan_free(&p);
}
END_TEST

START_TEST(display_numbers)
{
        static const struct {
                const char *in, *num;
                bool local;
        } cases[] = {
                { ":0", "0", true },          { ":12.3", "12", true },
                { "unix:5", "5", true },      { "unix/host:7", "7", true },
                { "host:0", "0", false },     { "[::1]:1", "1", false },
                { "localhost:10.0", "10", false },
                { "", NULL, false },          { ":", NULL, false },
                { ":x", NULL, false },        { ":0.", NULL, false },
                { ":0.a", NULL, false },      { ":1234567890", NULL, false },
                { "0", NULL, false },
        };
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                bool local;
                char *n = desktop_display_number(cases[i].in, &local);
                if (!cases[i].num) {
                        ck_assert_msg(!n, "%s", cases[i].in);
                        continue;
                }
                ck_assert_msg(n && strcmp(n, cases[i].num) == 0, "%s",
                              cases[i].in);
                ck_assert_msg(local == cases[i].local, "%s", cases[i].in);
                free(n);
        }
}
END_TEST

START_TEST(wayland_and_audio)
{
        struct sb_profile_env env = session();
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("desktop = { wayland = true; pulseaudio = true;"
                              " pipewire = true; };",
                              &env, &p, &why),
                         0);
        ck_assert_ptr_nonnull(mount_at(&p, "/run/user/1000/wayland-1"));
        ck_assert_ptr_nonnull(mount_at(&p, "/run/user/1000/pulse/native"));
        ck_assert_ptr_nonnull(mount_at(&p, "/run/user/1000/pipewire-0"));
        ck_assert_uint_eq(p.n_checks, 3);
        ck_assert_str_eq(var(&p, "WAYLAND_DISPLAY"), "wayland-1");
        ck_assert_str_eq(var(&p, "XDG_RUNTIME_DIR"), "/run/user/1000");
        ck_assert_str_eq(var(&p, "PULSE_SERVER"),
                         "unix:/run/user/1000/pulse/native");
        /* Set once, not once per switch. */
        size_t n = 0;
        for (size_t i = 0; i < p.n_set; i++)
                n += strcmp(p.set[i].name, "XDG_RUNTIME_DIR") == 0;
        ck_assert_uint_eq(n, 1);
        desktop_plan_free(&p);

        env.wayland_display = NULL;
        ck_assert_int_eq(plan("desktop = { wayland = true; };", &env, &p,
                              &why),
                         0);
        ck_assert_ptr_nonnull(mount_at(&p, "/run/user/1000/wayland-0"));
        desktop_plan_free(&p);

        env.wayland_display = "/srv/w/sock";
        env.xdg_runtime_dir = NULL;
        ck_assert_int_eq(plan("desktop = { wayland = true; };", &env, &p,
                              &why),
                         0);
        ck_assert_ptr_nonnull(mount_at(&p, "/srv/w/sock"));
        ck_assert_ptr_null(var(&p, "XDG_RUNTIME_DIR"));
        desktop_plan_free(&p);

        env.wayland_display = "/run/./w//sock";
        ck_assert_int_eq(plan("desktop = { wayland = true; };", &env, &p,
                              &why),
                         0);
        ck_assert_ptr_nonnull(mount_at(&p, "/run/w/sock"));
        ck_assert_str_eq(mount_at(&p, "/run/w/sock")->source, "/run/w/sock");
        ck_assert_str_eq(p.checks[0].path, "/run/w/sock");
        desktop_plan_free(&p);
        env.wayland_display = "/run/../etc/sock";
        ck_assert_int_eq(plan("desktop = { wayland = true; };", &env, &p,
                              &why),
                         -EINVAL);
        ck_assert_ptr_nonnull(strstr(why, "desktop.wayland at t.profile:1: "
                                          "'/run/../etc/sock'"));
        free(why);
        env.xdg_runtime_dir = "/run/user/1000";
        env.wayland_display = "../x";
        env.xdg_runtime_dir = "/run/user/1000";
        ck_assert_int_eq(plan("desktop = { wayland = true; };", &env, &p,
                              &why),
                         -EINVAL);
        free(why);
        env.xdg_runtime_dir = NULL;
        ck_assert_int_eq(plan("desktop = { pipewire = true; };", &env, &p,
                              &why),
                         -EINVAL);
        ck_assert_ptr_nonnull(strstr(why, "desktop.pipewire at t.profile:1: "
                                          "XDG_RUNTIME_DIR is not set"));
        free(why);
}
END_TEST

START_TEST(dbus_session)
{
        struct sb_profile_env env = session();
        env.dbus_address = "unix:abstract=/tmp/x;unix:path=/run/b%2cus,"
                           "guid=1234";
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("desktop = { dbus = \"session\"; };", &env, &p,
                              &why),
                         0);
        ck_assert_ptr_nonnull(mount_at(&p, "/run/b,us"));
        ck_assert_str_eq(var(&p, "DBUS_SESSION_BUS_ADDRESS"),
                         "unix:path=/run/b,us");
        ck_assert_ptr_null(p.unset);
        desktop_plan_free(&p);

        /* Unset: the runtime directory's bus. */
        env.dbus_address = NULL;
        ck_assert_int_eq(plan("desktop = { dbus = \"session\"; };", &env, &p,
                              &why),
                         0);
        ck_assert_ptr_nonnull(mount_at(&p, "/run/user/1000/bus"));
        desktop_plan_free(&p);

        env.dbus_address = "unix:abstract=/tmp/dbus-x,guid=1";
        ck_assert_int_eq(plan("desktop = { dbus = \"session\"; };", &env, &p,
                              &why),
                         -EINVAL);
        ck_assert_ptr_nonnull(strstr(why, "only the host's network"));
        free(why);
        ck_assert_int_eq(plan("network = { mode = \"host\"; };\n"
                              "desktop = { dbus = \"session\"; };",
                              &env, &p, &why),
                         0);
        ck_assert_uint_eq(p.n_mounts, 0);
        ck_assert_str_eq(var(&p, "DBUS_SESSION_BUS_ADDRESS"),
                         "unix:abstract=/tmp/dbus-x,guid=1");
        desktop_plan_free(&p);

        env.dbus_address = NULL;
        env.xdg_runtime_dir = NULL;
        ck_assert_int_eq(plan("desktop = { dbus = \"session\"; };", &env, &p,
                              &why),
                         -EINVAL);
        free(why);
}
END_TEST

START_TEST(dbus_filtered)
{
        struct sb_profile_env env = session();
        env.dbus_address = "unix:abstract=/tmp/dbus-x";
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("desktop = { dbus = \"filtered\";\n"
                              " dbus_own = [ \"org.a.App\" ];\n"
                              " dbus_talk = [ \"org.b.*\", \"org.c.D\" ]; };",
                              &env, &p, &why),
                         0);
        /* The proxy reaches an abstract bus: it runs on the host. */
        ck_assert_str_eq(p.proxy_address, "unix:abstract=/tmp/dbus-x");
        ck_assert_int_ge(p.proxy_mount, 0);
        const struct sb_mount *m = &p.mounts[p.proxy_mount];
        ck_assert_str_eq(m->target, "/run/user/1000/bus");
        ck_assert_ptr_null(m->source);  /* the launcher's */
        ck_assert_uint_eq(strv_length(p.proxy_args), 3);
        ck_assert_str_eq(p.proxy_args[0], "--own=org.a.App");
        ck_assert_str_eq(p.proxy_args[1], "--talk=org.b.*");
        ck_assert_str_eq(p.proxy_args[2], "--talk=org.c.D");
        ck_assert_str_eq(var(&p, "DBUS_SESSION_BUS_ADDRESS"),
                         "unix:path=/run/user/1000/bus");
        ck_assert_str_eq(p.dbus_where, "desktop.dbus at t.profile:1");
        desktop_plan_free(&p);

        env.xdg_runtime_dir = NULL;
        ck_assert_int_eq(plan("desktop = { dbus = \"filtered\"; };", &env,
                              &p, &why),
                         0);
        ck_assert_str_eq(p.mounts[p.proxy_mount].target,
                         DESKTOP_PROXY_INSIDE_DEFAULT);
        ck_assert_uint_eq(strv_length(p.proxy_args), 0);
        desktop_plan_free(&p);
}
END_TEST

START_TEST(bus_paths)
{
        char *s = desktop_bus_path("unix:path=/a/b");
        ck_assert_str_eq(s, "/a/b");
        free(s);
        s = desktop_bus_path("unix:guid=1,path=/a%20b");
        ck_assert_str_eq(s, "/a b");
        free(s);
        ck_assert_ptr_null(desktop_bus_path("tcp:host=x,port=1"));
        ck_assert_ptr_null(desktop_bus_path("unix:path=relative"));
        ck_assert_ptr_null(desktop_bus_path("unix:path="));
        ck_assert_ptr_null(desktop_bus_path("unix:path=/a%00b"));
        ck_assert_ptr_null(desktop_bus_path(""));
        ck_assert_ptr_null(desktop_bus_path(";;"));
        s = desktop_bus_path("unix:path=/x%zz");  /* a bad escape is kept */
        ck_assert_str_eq(s, "/x%zz");
        free(s);
}
END_TEST

START_TEST(gpu_check)
{
        struct sb_profile_env env = session();
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("desktop = { gpu = true; };", &env, &p, &why),
                         0);
        ck_assert_uint_eq(p.n_checks, 1);
        ck_assert_int_eq(p.checks[0].kind, DESKTOP_CHECK_DRI);
        ck_assert_str_eq(p.checks[0].path, "/dev/dri");
        ck_assert_str_eq(p.checks[0].where, "desktop.gpu at t.profile:1");
        desktop_plan_free(&p);
}
END_TEST

START_TEST(env_apply)
{
        struct sb_profile_env env = session();
        struct desktop_plan p;
        char *why;
        ck_assert_int_eq(plan("desktop = { x11 = true; };", &env, &p, &why),
                         0);
        char **v = xcalloc(1, sizeof(char *));
        strv_push(&v, xstrdup("DISPLAY=:9"));
        strv_push(&v, xstrdup("DBUS_SESSION_BUS_ADDRESS=unix:path=/x"));
        strv_push(&v, xstrdup("PATH=/bin"));
        desktop_plan_env(&p, &v);
        ck_assert(strv_contains(v, "DISPLAY=:0"));
        ck_assert(!strv_contains(v, "DISPLAY=:9"));
        ck_assert(strv_contains(v, "XAUTHORITY=" DESKTOP_XAUTH_INSIDE));
        ck_assert(!strv_contains(v, "DBUS_SESSION_BUS_ADDRESS=unix:path=/x"));
        ck_assert(strv_contains(v, "PATH=/bin"));
        strv_free(v);
        desktop_plan_free(&p);
        /* No plan at all (no desktop key): the bus address still goes. */
        v = xcalloc(1, sizeof(char *));
        strv_push(&v, xstrdup("DBUS_SESSION_BUS_ADDRESS=unix:path=/x"));
        desktop_plan_env(NULL, &v);
        ck_assert_uint_eq(strv_length(v), 0);
        strv_free(v);
}
END_TEST

/* ---- Xauthority ---- */

static size_t entry(unsigned char *out, unsigned family, const char *addr,
                    const char *num, const char *name, const char *data)
{
        size_t o = 0;
        out[o++] = (unsigned char)(family >> 8);
        out[o++] = (unsigned char)family;
        const char *f[] = { addr, num, name, data };
        for (int i = 0; i < 4; i++) {
                size_t n = strlen(f[i]);
                out[o++] = (unsigned char)(n >> 8);
                out[o++] = (unsigned char)n;
                memcpy(out + o, f[i], n);
                o += n;
        }
        return o;
}

START_TEST(xauth_rewrite)
{
        unsigned char in[512];
        size_t n = 0;
        n += entry(in + n, 256, "myhost", "0", "MIT-MAGIC-COOKIE-1", "AAAA");
        n += entry(in + n, 256, "myhost", "1", "MIT-MAGIC-COOKIE-1", "BBBB");
        n += entry(in + n, 0, "\x7f\0\0\x01", "0", "MIT-MAGIC-COOKIE-1",
                   "CCCC");  /* Internet: not for a unix socket */
        n += entry(in + n, 65535, "", "0", "MIT-MAGIC-COOKIE-1", "DDDD");
        n += entry(in + n, 256, "h", "", "MIT-MAGIC-COOKIE-1", "EEEE");
        unsigned char *out;
        long len = desktop_xauth_rewrite(in, n, "0", &out);
        ck_assert_int_gt(len, 0);
        /* Entries for display 0 (and for any display), FamilyWild. */
        unsigned char want[512];
        size_t w = 0;
        w += entry(want + w, 65535, "myhost", "0", "MIT-MAGIC-COOKIE-1",
                   "AAAA");
        w += entry(want + w, 65535, "", "0", "MIT-MAGIC-COOKIE-1", "DDDD");
        w += entry(want + w, 65535, "h", "", "MIT-MAGIC-COOKIE-1", "EEEE");
        ck_assert_int_eq(len, (long)w);
        ck_assert_mem_eq(out, want, w);
        free(out);

        len = desktop_xauth_rewrite(in, n, "7", &out);
        ck_assert_int_eq(len, (long)entry(want, 65535, "h", "",
                                          "MIT-MAGIC-COOKIE-1", "EEEE"));
        free(out);

        /* Empty file: nothing kept. Truncated anywhere: refused. */
        ck_assert_int_eq(desktop_xauth_rewrite(in, 0, "0", &out), 0);
        free(out);
        size_t first = entry(want, 256, "myhost", "0", "MIT-MAGIC-COOKIE-1",
                             "AAAA");
        for (size_t cut = 1; cut < first; cut++)
                ck_assert_int_eq(desktop_xauth_rewrite(in, cut, "0", &out),
                                 -EINVAL);
        /* A length that points past the end. */
        unsigned char bad[] = { 1, 0, 0xff, 0xff, 'a' };
        ck_assert_int_eq(desktop_xauth_rewrite(bad, sizeof(bad), "0", &out),
                         -EINVAL);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("desktop-plan");
        TCase *tc = tcase_create("core");
        tcase_add_test(tc, defaults);
        tcase_add_test(tc, keys_load_and_world);
        tcase_add_test(tc, keys_later_file_wins_and_world_only_when_used);
        tcase_add_test(tc, x11_local);
        tcase_add_test(tc, x11_refusals);
        tcase_add_test(tc, x11_tcp_with_host_network);
        tcase_add_test(tc, display_numbers);
        tcase_add_test(tc, wayland_and_audio);
        tcase_add_test(tc, dbus_session);
        tcase_add_test(tc, dbus_filtered);
        tcase_add_test(tc, bus_paths);
        tcase_add_test(tc, gpu_check);
        tcase_add_test(tc, env_apply);
        tcase_add_test(tc, xauth_rewrite);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
