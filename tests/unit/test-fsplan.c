/* Unit tests for the filesystem keys (src/profile-keys-fs.c) and for the
 * plan they become (src/fs-plan.c): defaults, the home convenience
 * expanded into mounts, kernel masks, merging across includes. */
#include <check.h>

#include <errno.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "fs-plan.h"
#include "mount-internal.h"
#include "mount.h"
#include "profile.h"
#include "unit.h"
#include "util.h"

static const char *const no_dirs[] = { NULL };

struct loaded {
        struct sb_config cfg;
        struct sb_diags d;
        struct fs_plan plan;
};

static void load_with(struct loaded *l, const char *text, const char *home,
                      const char *const *dirs)
{
        struct sb_profile_env env = {
                .home = home, .user = "tester", .uid = 1000, .gid = 1000,
                .app = "app", .search_dirs = dirs,
        };
        memset(l, 0, sizeof(*l));
        sb_config_init(&l->cfg);
        int r = profile_load_string(text, "test.profile", &env, &l->cfg,
                                    &l->d);
        ck_assert_msg(r == 0, "load failed: %s",
                      l->d.n ? l->d.msgs[0] : "?");
        fs_plan_build(&l->cfg, &l->plan);
}

static void load(struct loaded *l, const char *text)
{
        load_with(l, text, "/home/tester", no_dirs);
}

static void done(struct loaded *l)
{
        fs_plan_free(&l->plan);
        sb_config_free(&l->cfg);
        sb_diags_free(&l->d);
}

/* "type target" per operation, kernel masks left out unless asked. */
static char *summary(const struct fs_plan *p, bool masks)
{
        char *out = xstrdup("");
        for (size_t i = 0; i < p->n; i++) {
                const struct sb_mount *m = &p->ops[i];
                if (!masks && strcmp(m->origin, "kernel mask") == 0)
                        continue;
                char *next = xasprintf("%s%s%s %s", out, *out ? ", " : "",
                                       fs_plan_type_label(m->type), m->target);
                free(out);
                out = next;
        }
        return out;
}

static bool has(const struct fs_plan *p, const char *target)
{
        for (size_t i = 0; i < p->n; i++)
                if (strcmp(p->ops[i].target, target) == 0)
                        return true;
        return false;
}

/* The first operation on target; the test fails without one. */
__attribute__((returns_nonnull)) static const struct sb_mount *
find(const struct fs_plan *p, const char *target)
{
        for (size_t i = 0; i < p->n; i++)
                if (strcmp(p->ops[i].target, target) == 0)
                        return &p->ops[i];
        ck_abort_msg("%s not in the plan", target);
        abort();
}

static size_t index_of(const struct fs_plan *p, const char *target)
{
        for (size_t i = 0; i < p->n; i++)
                if (strcmp(p->ops[i].target, target) == 0)
                        return i;
        ck_abort_msg("%s not in the plan", target);
        return 0;
}

#define assert_summary(l, masks, want)                                         \
        do {                                                                   \
                char *got_ = summary(&(l)->plan, masks);                       \
                ck_assert_str_eq(got_, want);                                  \
                free(got_);                                                    \
        } while (0)

START_TEST(defaults_host)
{
        struct loaded l;
        load(&l, "");
        ck_assert_int_eq(l.cfg.fs.root, SB_FS_ROOT_HOST);
        ck_assert_uint_eq(l.cfg.fs.devices, SB_DEVICES_DEFAULT);
        assert_summary(&l, false,
                       "proc /proc, sysfs /sys, dev /dev, tmpfs /tmp, "
                       "tmpfs /run");
        const struct sb_mount *tmp = find(&l.plan, "/tmp");
        ck_assert(tmp->mode_set);
        ck_assert_uint_eq(tmp->mode, 01777);
        ck_assert(tmp->optional);
        ck_assert_str_eq(tmp->origin, "default mount");
        /* The masks of the default /proc and /sys follow each. */
        const struct sb_mount *keys = find(&l.plan, "/proc/keys");
        ck_assert_int_eq(keys->type, SB_MOUNT_MASK);
        ck_assert_uint_eq(keys->fs_magic, PROC_SUPER_MAGIC);
        ck_assert(index_of(&l.plan, "/proc/keys") < index_of(&l.plan, "/sys"));
        ck_assert_int_eq(find(&l.plan, "/proc/sys")->type, SB_MOUNT_READONLY);
        ck_assert(find(&l.plan, "/sys")->optional);
        const struct sb_mount *fw = find(&l.plan, "/sys/firmware");
        ck_assert_uint_eq(fw->fs_magic, SYSFS_MAGIC);
        ck_assert(index_of(&l.plan, "/sys/firmware") > index_of(&l.plan, "/sys"));
        ck_assert(index_of(&l.plan, "/sys/firmware") < index_of(&l.plan, "/dev"));
        /* The host's cgroup hierarchies under an empty read-only tmpfs. */
        const struct sb_mount *cg = find(&l.plan, "/sys/fs/cgroup");
        ck_assert_int_eq(cg->type, SB_MOUNT_TMPFS);
        ck_assert_uint_eq(cg->fs_magic, SYSFS_MAGIC);
        ck_assert_str_eq(cg->origin, "kernel mask");
        ck_assert(cg->optional);
        done(&l);
}
END_TEST

/* Without a network namespace a new sysfs would show the host's
 * interfaces all the same: the host's /sys stays, masked, its cgroup
 * hierarchies covered. */
START_TEST(defaults_host_no_net)
{
        struct loaded l;
        load(&l, "namespaces = [ \"user\", \"mount\", \"pid\" ];");
        assert_summary(&l, false,
                       "proc /proc, dev /dev, tmpfs /tmp, tmpfs /run");
        ck_assert(!has(&l.plan, "/sys"));
        ck_assert_uint_eq(find(&l.plan, "/sys/firmware")->fs_magic,
                          SYSFS_MAGIC);
        ck_assert_int_eq(find(&l.plan, "/sys/fs/cgroup")->type,
                         SB_MOUNT_TMPFS);
        done(&l);
        /* unmask leaves the cgroup hierarchies visible. */
        load(&l, "filesystem = { unmask = [ \"/sys/fs/cgroup\" ]; };");
        ck_assert(has(&l.plan, "/sys"));
        ck_assert(!has(&l.plan, "/sys/fs/cgroup"));
        done(&l);
        /* An entry of the profile's own replaces the default. */
        load(&l, "filesystem = { mounts = ( { type = \"tmpfs\"; "
                 "target = \"/sys\"; } ); };");
        ck_assert_int_eq(find(&l.plan, "/sys")->type, SB_MOUNT_TMPFS);
        ck_assert(!has(&l.plan, "/sys/fs/cgroup"));
        done(&l);
}
END_TEST

START_TEST(defaults_other_roots)
{
        struct loaded l;
        load(&l, "filesystem = { root = \"empty\"; };");
        assert_summary(&l, false, "proc /proc, dev /dev, tmpfs /tmp");
        ck_assert(!has(&l.plan, "/sys/firmware"));
        done(&l);
        load(&l, "filesystem = { root = \"/srv//rootfs/\"; };");
        ck_assert_int_eq(l.cfg.fs.root, SB_FS_ROOT_DIR);
        ck_assert_str_eq(l.cfg.fs.root_dir, "/srv/rootfs");
        ck_assert_str_eq(l.cfg.fs.root_origin, "test.profile:1");
        assert_summary(&l, false, "proc /proc, dev /dev, tmpfs /tmp");
        done(&l);
}
END_TEST

START_TEST(entry_replaces_default)
{
        struct loaded l;
        load(&l, "filesystem = { mounts = (\n"
                 "  { type = \"bind\"; source = \"/srv/tmp\"; target = \"/tmp\"; readonly = false; },\n"
                 "  { type = \"mask\"; target = \"/proc\"; }\n"
                 "); };");
        assert_summary(&l, false,
                       "sysfs /sys, dev /dev, tmpfs /run, bind /tmp, "
                       "mask /proc");
        /* Nothing replaces /proc with a procfs, so none of its masks. */
        ck_assert(!has(&l.plan, "/proc/keys"));
        const struct sb_mount *b = find(&l.plan, "/tmp");
        ck_assert_str_eq(b->origin, "mount entry at test.profile:2");
        ck_assert(!b->readonly);
        ck_assert(b->recursive);
        ck_assert(!b->optional);
        done(&l);
}
END_TEST

START_TEST(entry_defaults)
{
        struct loaded l;
        load(&l, "filesystem = { mounts = (\n"
                 "  { type = \"bind\"; source = \"/usr/\"; },\n"
                 "  { type = \"overlay\"; source = \"/opt\"; },\n"
                 "  { type = \"sysfs\"; },\n"
                 "  { type = \"mqueue\"; },\n"
                 "  { type = \"file\"; target = \"/etc/x\"; },\n"
                 "  { type = \"bind\"; source = \"/a\"; target = \"/b\"; readonly = false; recursive = false; }\n"
                 "); };");
        const struct sb_fs_config *fs = &l.cfg.fs;
        ck_assert_uint_eq(fs->n_mounts, 6);
        ck_assert_str_eq(fs->mounts[0].source, "/usr");
        ck_assert_str_eq(fs->mounts[0].target, "/usr");
        ck_assert(fs->mounts[0].readonly && fs->mounts[0].recursive);
        ck_assert_str_eq(fs->mounts[1].target, "/opt");
        ck_assert_ptr_null(fs->mounts[1].upper);
        ck_assert_str_eq(fs->mounts[2].target, "/sys");
        ck_assert_str_eq(fs->mounts[3].target, "/dev/mqueue");
        ck_assert(fs->mounts[4].readonly);
        ck_assert(!fs->mounts[5].readonly && !fs->mounts[5].recursive);
        /* A sysfs entry gets the sysfs masks right after it, and replaces
         * the host's /sys, so those are not added at the start. */
        size_t sys = index_of(&l.plan, "/sys");
        ck_assert_str_eq(l.plan.ops[sys + 1].origin, "kernel mask");
        ck_assert(str_has_prefix(l.plan.ops[sys + 1].target, "/sys/"));
        ck_assert(index_of(&l.plan, "/sys/firmware") > sys);
        done(&l);
}
END_TEST

START_TEST(masks_follow_each_procfs)
{
        struct loaded l;
        load(&l, "filesystem = {\n"
                 "  mounts = ( { type = \"proc\"; target = \"/other/proc\"; },\n"
                 "             { type = \"bind\"; source = \"/proc\"; target = \"/hostproc\"; } );\n"
                 "  unmask = [ \"/proc/timer_list\" ];\n"
                 "};");
        ck_assert(has(&l.plan, "/proc/keys"));
        ck_assert(has(&l.plan, "/other/proc/keys"));
        ck_assert(has(&l.plan, "/hostproc/keys"));
        ck_assert_int_eq(find(&l.plan, "/other/proc/sysrq-trigger")->type,
                         SB_MOUNT_READONLY);
        ck_assert(!has(&l.plan, "/proc/timer_list"));
        ck_assert(!has(&l.plan, "/other/proc/timer_list"));
        ck_assert(index_of(&l.plan, "/other/proc/keys") >
                  index_of(&l.plan, "/other/proc"));
        ck_assert(index_of(&l.plan, "/other/proc/keys") <
                  index_of(&l.plan, "/hostproc"));
        done(&l);
}
END_TEST

START_TEST(home_expands)
{
        struct loaded l;
        load(&l, "filesystem = {\n"
                 "  mounts = ( { type = \"bind\"; source = \"/srv\"; target = \"/home/tester/srv\"; } );\n"
                 "  home = {\n"
                 "    private = true;\n"
                 "    writable = [ \"Downloads\", \".config//app/\" ];\n"
                 "    readonly = [ \".gitconfig\" ];\n"
                 "  };\n"
                 "};");
        /* After the defaults, before the profile's own mounts, so that
         * those may add below the home. */
        assert_summary(&l, false,
                       "proc /proc, sysfs /sys, dev /dev, tmpfs /tmp, "
                       "tmpfs /run, tmpfs /home/tester, "
                       "bind /home/tester/Downloads, "
                       "bind /home/tester/.config/app, "
                       "bind /home/tester/.gitconfig, "
                       "bind /home/tester/srv");
        const struct sb_mount *h = find(&l.plan, "/home/tester");
        ck_assert_uint_eq(h->mode, 0700);
        ck_assert(str_has_prefix(h->origin, "filesystem.home at test.profile:"));
        const struct sb_mount *d = find(&l.plan, "/home/tester/Downloads");
        ck_assert_str_eq(d->source, "/home/tester/Downloads");
        ck_assert(!d->readonly && d->optional && d->recursive);
        ck_assert(find(&l.plan, "/home/tester/.gitconfig")->readonly);
        done(&l);

        /* Not private: the entries alone (the host's home shows, read-only,
         * with them writable). */
        load(&l, "filesystem = { home = { writable = [ \"proj\" ]; }; };");
        ck_assert(!has(&l.plan, "/home/tester"));
        ck_assert(!find(&l.plan, "/home/tester/proj")->readonly);
        done(&l);
}
END_TEST

START_TEST(home_is_root)
{
        struct sb_profile_env env = {
                .home = "/", .user = "tester", .uid = 1000, .gid = 1000,
                .search_dirs = no_dirs,
        };
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        int r = profile_load_string(
                "filesystem = { home = { private = true; }; };",
                "test.profile", &env, &cfg, &d);
        ck_assert_int_eq(r, -EINVAL);
        ck_assert_uint_eq(d.n, 1);
        ck_assert_str_eq(d.msgs[0], "test.profile:1: filesystem.home.private: "
                                    "the home directory is '/'");
        sb_config_free(&cfg);
        sb_diags_free(&d);
}
END_TEST

/* filesystem.mounts and the home lists add up across files; the rest is
 * replaced by the later file. */
START_TEST(merge_across_files)
{
        char dir[] = "/tmp/sb-test-fsplan-XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(dir));
        char *inc = xasprintf("%s/base.inc", dir);
        FILE *f = fopen(inc, "w");
        ck_assert_ptr_nonnull(f);
        fputs("filesystem = { root = \"empty\";\n"
              "  mounts = ( { type = \"bind\"; source = \"/usr\"; } );\n"
              "  home = { writable = [ \"a\" ]; };\n"
              "  unmask = [ \"/proc/keys\" ];\n"
              "};\n"
              "devices = [ \"null\" ];\n",
              f);
        fclose(f);
        const char *dirs[] = { dir, NULL };
        struct loaded l;
        load_with(&l,
                  "include = [ \"base.inc\" ];\n"
                  "filesystem = { root = \"host\";\n"
                  "  mounts = ( { type = \"tmpfs\"; target = \"/srv\"; } );\n"
                  "  home = { writable = [ \"b\" ]; };\n"
                  "  unmask = [ \"/proc/kcore\" ];\n"
                  "};\n"
                  "devices = [ \"zero\", \"tty\" ];\n",
                  "/home/tester", dirs);
        const struct sb_fs_config *fs = &l.cfg.fs;
        ck_assert_int_eq(fs->root, SB_FS_ROOT_HOST);
        ck_assert_uint_eq(fs->n_mounts, 2);
        ck_assert_str_eq(fs->mounts[0].target, "/usr");
        ck_assert(str_has_suffix(fs->mounts[0].origin, "/base.inc:2"));
        ck_assert_str_eq(fs->mounts[1].target, "/srv");
        ck_assert_str_eq(fs->mounts[1].origin, "test.profile:3");
        ck_assert_uint_eq(strv_length(fs->home.writable), 2);
        ck_assert_str_eq(fs->home.writable[0], "a");
        ck_assert_str_eq(fs->home.writable[1], "b");
        ck_assert_uint_eq(fs->devices,
                          (1u << SB_DEV_ZERO) | (1u << SB_DEV_TTY));
        ck_assert(has(&l.plan, "/proc/keys"));
        ck_assert(!has(&l.plan, "/proc/kcore"));
        done(&l);
        unlink(inc);
        free(inc);
        rmdir(dir);
}
END_TEST

/* The state directory of named sandboxes is masked wherever the view would
 * show it: through the host root, and through every bind of a directory
 * above it, at the right place below the bind's target. */
START_TEST(state_dir_masked)
{
        struct loaded l;
        load(&l, "filesystem = { mounts = (\n"
                 "  { type = \"bind\"; source = \"/usr\"; target = \"/x\"; },\n"
                 "  { type = \"bind\"; source = \"/usr/share\"; target = \"/y\"; },\n"
                 "  { type = \"bind\"; source = \"/usr/sharex\"; target = \"/z\"; optional = true; }\n"
                 "); };");
        struct mount_prep *prep = NULL;
        struct sb_error e = { 0 };
        ck_assert_msg(mount_prepare(&l.cfg, NULL, 0, &prep, &e) == 0, "%s", e.msg);
        size_t before = prep->plan.n;
        ck_assert_int_eq(mount_prepare_hide(prep, &l.cfg, "/usr/share/st"),
                         0);
        /* Again: no second mask for the same place. */
        ck_assert_int_eq(mount_prepare_hide(prep, &l.cfg, "/usr/share/st"),
                         0);
        ck_assert_uint_eq(prep->plan.n, before + 3);
        /* After everything else, so nothing is laid over them. */
        const struct sb_mount *m = &prep->plan.ops[before];
        ck_assert_str_eq(m[0].target, "/usr/share/st");
        ck_assert_str_eq(m[1].target, "/x/share/st");
        ck_assert_str_eq(m[2].target, "/y/st");
        for (int i = 0; i < 3; i++) {
                ck_assert_int_eq(m[i].type, SB_MOUNT_MASK);
                /* Mandatory: a mask not placed fails the launch. */
                ck_assert(!m[i].optional);
        }
        mount_prep_free(prep);
        done(&l);
        /* By identity: the hidden path names a directory through a link
         * (another name for the bind's source), not by the source's name. */
        char tmpl[] = "/tmp/fsplan-hide.XXXXXX";
        ck_assert_ptr_nonnull(mkdtemp(tmpl));
        char *real = xasprintf("%s/real", tmpl);
        char *link = xasprintf("%s/link", tmpl);
        char *hidden = xasprintf("%s/link/st", tmpl);
        ck_assert_int_eq(mkdir(real, 0700), 0);
        ck_assert_int_eq(symlink("real", link), 0);
        char *text = xasprintf("filesystem = { mounts = ( { type = \"bind\"; "
                               "source = \"%s\"; target = \"/w\"; } ); };",
                               real);
        load(&l, text);
        ck_assert_msg(mount_prepare(&l.cfg, NULL, 0, &prep, &e) == 0, "%s", e.msg);
        before = prep->plan.n;
        mount_prepare_hide(prep, &l.cfg, hidden);
        bool found = false;
        for (size_t i = before; i < prep->plan.n; i++)
                if (strcmp(prep->plan.ops[i].target, "/w/st") == 0)
                        found = true;
        ck_assert_msg(found, "no mask at /w/st for %s", hidden);
        mount_prep_free(prep);
        done(&l);
        unlink(link);
        rmdir(real);
        rmdir(tmpl);
        free(text);
        free(hidden);
        free(link);
        free(real);
        /* An empty root shows nothing of the host by itself. */
        load(&l, "filesystem = { root = \"empty\"; };");
        ck_assert_int_eq(mount_prepare(&l.cfg, NULL, 0, &prep, &e), 0);
        before = prep->plan.n;
        mount_prepare_hide(prep, &l.cfg, "/run/sandbox");
        ck_assert_uint_eq(prep->plan.n, before);
        mount_prep_free(prep);
        done(&l);
}
END_TEST

START_TEST(type_labels)
{
        ck_assert_str_eq(fs_plan_type_label(SB_MOUNT_BIND), "bind");
        ck_assert_str_eq(fs_plan_type_label(SB_MOUNT_READONLY), "read-only");
        ck_assert_ptr_null(sb_mount_type_name(SB_MOUNT_READONLY));
        ck_assert_int_eq(sb_mount_type_from_name("read-only"),
                         SB_MOUNT_TYPE_INVALID);
        ck_assert_int_eq(sb_kmask_from_name("/proc/keys") >= 0, 1);
        ck_assert_int_eq(sb_kmask_from_name("/sys/kernel/debug") >= 0, 1);
        ck_assert_int_eq(sb_kmask_from_name("/proc/kernel/debug"), -1);
        ck_assert_int_eq(sb_device_from_name("net/tun"), SB_DEV_TUN);
}
END_TEST

static Suite *suite(void)
{
        Suite *s = suite_create("fsplan");
        TCase *tc = tcase_create("plan");
        tcase_add_test(tc, defaults_host);
        tcase_add_test(tc, defaults_host_no_net);
        tcase_add_test(tc, defaults_other_roots);
        tcase_add_test(tc, entry_replaces_default);
        tcase_add_test(tc, entry_defaults);
        tcase_add_test(tc, masks_follow_each_procfs);
        tcase_add_test(tc, home_expands);
        tcase_add_test(tc, home_is_root);
        tcase_add_test(tc, merge_across_files);
        tcase_add_test(tc, type_labels);
        tcase_add_test(tc, state_dir_masked);
        suite_add_tcase(s, tc);
        return s;
}

int main(void)
{
        return unit_run(suite());
}
