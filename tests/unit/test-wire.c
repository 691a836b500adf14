/* Unit tests for the wire form of a load result (config-wire.c): every
 * valid fixture round-trips (profile_load -> encode -> decode ->
 * sb_config_print gives the same text); truncation at every byte, bytes
 * after the end, oversized counts and strings, bad enums and flags,
 * embedded NULs, and values no profile could hold are all refused with
 * the config back at its defaults. */
#include <check.h>

#include "unit.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config-print.h"
#include "config-wire.h"
#include "config.h"
#include "profile.h"
#include "util.h"

#define DATA SB_TEST_DATADIR "/profiles"

static const char *const no_dirs[] = { NULL };

static const struct sb_profile_env env = {
        .home = "/home/t", .user = "t", .uid = 1000, .gid = 1000,
        .xdg_runtime_dir = "/run/user/1000", .app = "app",
        .search_dirs = no_dirs,
};

static char *printed(const struct sb_config *cfg)
{
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        ck_assert_ptr_nonnull(f);
        sb_config_print(cfg, f);
        fclose(f);
        return out;
}

static void load_text(const char *text, struct sb_config *cfg)
{
        struct sb_diags d = { 0 };
        sb_config_init(cfg);
        int r = profile_load_string(text, "t.profile", &env, cfg, &d);
        ck_assert_msg(r == 0, "profile: %s", d.n ? d.msgs[0] : "?");
        sb_diags_free(&d);
}

static void encode(const struct sb_config *cfg, char **buf, size_t *len)
{
        ck_assert_int_eq(sb_wire_encode(0, NULL, cfg, buf, len), 0);
}

/* Decoding buf must fail, naming `why` (a part of the message), and leave
 * the config at its defaults. */
static void expect_bad(const char *buf, size_t len, const char *why)
{
        struct sb_config cfg, def;
        struct sb_diags d = { 0 };
        struct sb_error err = { 0 };
        int status = 1;
        sb_config_init(&cfg);
        sb_config_init(&def);
        int r = sb_wire_decode(buf, len, &status, &d, &cfg, &err);
        ck_assert_msg(r == -EBADMSG, "accepted; wanted '%s'", why);
        if (why)
                ck_assert_msg(strstr(err.msg, why), "'%s' lacks '%s'",
                              err.msg, why);
        ck_assert_uint_eq(d.n, 0);
        char *a = printed(&cfg), *b = printed(&def);
        ck_assert_str_eq(a, b);
        free(a);
        free(b);
        sb_config_free(&cfg);
        sb_config_free(&def);
        sb_diags_free(&d);
}

static void round_trip(const struct sb_config *in, const char *name)
{
        char *buf;
        size_t len;
        encode(in, &buf, &len);
        struct sb_config out;
        struct sb_diags d = { 0 };
        struct sb_error err = { 0 };
        int status = 1;
        sb_config_init(&out);
        int r = sb_wire_decode(buf, len, &status, &d, &out, &err);
        ck_assert_msg(r == 0, "%s: %s", name, err.msg);
        ck_assert_int_eq(status, 0);
        char *a = printed(in), *b = printed(&out);
        ck_assert_msg(strcmp(a, b) == 0, "%s:\n--- in\n%s\n--- out\n%s", name,
                      a, b);
        ck_assert_str_eq(in->source, out.source);
        ck_assert_uint_eq(in->fs.n_mounts, out.fs.n_mounts);
        for (size_t i = 0; i < in->fs.n_mounts; i++) {
                const struct sb_mount *x = &in->fs.mounts[i],
                                      *y = &out.fs.mounts[i];
                ck_assert_int_eq(x->type, y->type);
                ck_assert_str_eq(x->target, y->target);
                ck_assert_str_eq(x->origin ? x->origin : "",
                                 y->origin ? y->origin : "");
        }
        free(a);
        free(b);
        free(buf);
        sb_config_free(&out);
        sb_diags_free(&d);
}

START_TEST(valid_fixtures_round_trip)
{
        ck_assert_int_eq(chdir(DATA "/valid"), 0);
        DIR *dir = opendir(".");
        ck_assert_ptr_nonnull(dir);
        unsigned n = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
                if (de->d_name[0] == '.' ||
                    !str_has_suffix(de->d_name, ".profile"))
                        continue;
                struct sb_config cfg;
                struct sb_diags d = { 0 };
                sb_config_init(&cfg);
                int r = profile_load(de->d_name, &env, &cfg, &d);
                ck_assert_msg(r == 0, "%s: %s", de->d_name,
                              d.n ? d.msgs[0] : "?");
                round_trip(&cfg, de->d_name);
                sb_config_free(&cfg);
                sb_diags_free(&d);
                n++;
        }
        closedir(dir);
        ck_assert_uint_ge(n, 8);
}
END_TEST

START_TEST(status_and_diagnostics)
{
        struct sb_diags in = { 0 }, out = { 0 };
        sb_diags_add(&in, "a.profile:1: hostname: bad");
        sb_diags_add(&in, "with\x1b[31m escape\nand a line break");
        char *buf;
        size_t len;
        ck_assert_int_eq(sb_wire_encode(-EINVAL, &in, NULL, &buf, &len), 0);
        struct sb_config cfg;
        struct sb_error err = { 0 };
        int status = 0;
        sb_config_init(&cfg);
        ck_assert_int_eq(sb_wire_decode(buf, len, &status, &out, &cfg, &err),
                         0);
        ck_assert_int_eq(status, -EINVAL);
        ck_assert_uint_eq(out.n, 2);
        ck_assert_str_eq(out.msgs[0], "a.profile:1: hostname: bad");
        /* Control characters cannot reach the caller's terminal. */
        ck_assert_str_eq(out.msgs[1], "with?[31m escape?and a line break");
        free(buf);
        sb_config_free(&cfg);
        sb_diags_free(&in);
        sb_diags_free(&out);
}
END_TEST

/* Every proper prefix of a valid message is refused. */
START_TEST(truncated)
{
        struct sb_config cfg;
        load_text("hostname = \"h\";\nfilesystem = { mounts = ( { type = "
                  "\"tmpfs\"; target = \"/tmp/x\"; } ); };\n", &cfg);
        char *buf;
        size_t len;
        encode(&cfg, &buf, &len);
        for (size_t n = 0; n < len; n++)
                expect_bad(buf, n, NULL);
        /* And a byte more. */
        char *more = xmalloc(len + 1);
        memcpy(more, buf, len);
        more[len] = 0;
        expect_bad(more, len + 1, "1 bytes after the end");
        free(more);
        free(buf);
        sb_config_free(&cfg);
}
END_TEST

/* Offsets into a message, found by encoding a config whose fields hold
 * distinctive values. */
static size_t find(const char *buf, size_t len, const void *what, size_t n)
{
        for (size_t i = 0; i + n <= len; i++)
                if (memcmp(buf + i, what, n) == 0)
                        return i;
        ck_abort_msg("marker not found");
        return 0;
}

static void put32(char *p, uint32_t v)
{
        for (int i = 0; i < 4; i++)
                p[i] = (char)(v >> (8 * i));
}

START_TEST(hostile_values)
{
        struct sb_config cfg;
        load_text("hostname = \"HOSTMARK\";\n"
                  "filesystem = { mounts = ( { type = \"tmpfs\"; target = "
                  "\"/TARGETMARK\"; } ); };\n"
                  "cgroup = { cpu_weight = 4242; };\n", &cfg);
        char *buf;
        size_t len;
        encode(&cfg, &buf, &len);
        char *b = xmalloc(len);

        /* An embedded NUL in a string. */
        memcpy(b, buf, len);
        b[find(b, len, "HOSTMARK", 8) + 2] = '\0';
        expect_bad(b, len, "hostname: a NUL byte in a string");

        /* A string length beyond the message (and beyond the bound). */
        memcpy(b, buf, len);
        put32(b + find(b, len, "HOSTMARK", 8) - 4, 0x7fffffff);
        expect_bad(b, len, "hostname: a string of 2147483647 bytes");

        /* A mount target that is not normalised, and one that is relative. */
        memcpy(b, buf, len);
        memcpy(b + find(b, len, "/TARGETMARK", 11), "/TARGET/../", 11);
        expect_bad(b, len, "mount target");
        memcpy(b, buf, len);
        memcpy(b + find(b, len, "/TARGETMARK", 11), "TARGETMARK/", 11);
        expect_bad(b, len, "mount target");

        /* A bad enum: the mount type just before the target's "present"
         * byte and source's absence: type(4) source-flag(1) target-flag(1)
         * target-len(4). */
        memcpy(b, buf, len);
        size_t t = find(b, len, "/TARGETMARK", 11) - 4 - 1 - 1 - 4;
        ck_assert_uint_eq((unsigned char)b[t], SB_MOUNT_TMPFS);
        put32(b + t, SB_MOUNT_READONLY);
        expect_bad(b, len, "mount type");
        put32(b + t, 0xffffffff);
        expect_bad(b, len, "mount type");

        /* An oversized count: the mount count just before the type. */
        memcpy(b, buf, len);
        put32(b + t - 4, 0xffffffff);
        expect_bad(b, len, "mount count: 4294967295 is above 4096");
        put32(b + t - 4, 2);
        expect_bad(b, len, NULL);

        /* A boolean that is not 0 or 1: the target's "present" flag. */
        memcpy(b, buf, len);
        b[t + 5] = 2;
        expect_bad(b, len, "is not a boolean");

        /* A weight above what the loader takes. */
        memcpy(b, buf, len);
        uint32_t w = 4242;
        char wb[4];
        put32(wb, w);
        put32(b + find(b, len, wb, 4), 10001);
        expect_bad(b, len, "cgroup.cpu_weight: 10001 is above 10000");

        /* Not our magic. */
        memcpy(b, buf, len);
        b[0] = 'X';
        expect_bad(b, len, "not a config message");

        free(b);
        free(buf);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(hostile_network)
{
        struct sb_config cfg;
        load_text("network = { mode = \"veth\"; veth = { name = \"ethMARK\"; "
                  "address = \"10.0.3.2/24\"; }; };\n", &cfg);
        char *buf;
        size_t len;
        encode(&cfg, &buf, &len);
        char *b = xmalloc(len);
        /* An interface name with a '/'. */
        memcpy(b, buf, len);
        b[find(b, len, "ethMARK", 7) + 3] = '/';
        expect_bad(b, len, "veth name");
        /* The address family, then the prefix, of 10.0.3.2/24. */
        const unsigned char a[] = { 4, 10, 0, 3, 2 };
        memcpy(b, buf, len);
        size_t at = find(b, len, a, sizeof(a));
        b[at] = 5;
        expect_bad(b, len, "address family 5");
        memcpy(b, buf, len);
        b[at + 1 + 16] = 33;
        expect_bad(b, len, "prefix /33");
        /* Bytes after an IPv4 address. */
        memcpy(b, buf, len);
        b[at + 1 + 10] = 1;
        expect_bad(b, len, "bytes after an IPv4 address");
        free(b);
        free(buf);
        sb_config_free(&cfg);
}
END_TEST

START_TEST(oversized_input)
{
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        struct sb_error err = { 0 };
        int status;
        sb_config_init(&cfg);
        static const char tiny[4] = "SBW1";
        /* The length alone refuses it: nothing past `tiny` is read. */
        ck_assert_int_eq(sb_wire_decode(tiny, (size_t)SB_WIRE_MAX + 1, &status,
                                        &d, &cfg, &err), -EBADMSG);
        ck_assert(strstr(err.msg, "at most"));
        /* A config with a status that says failure. */
        char *buf;
        size_t len;
        sb_config_free(&cfg);
        load_text("", &cfg);
        encode(&cfg, &buf, &len);
        put32(buf + 4, (uint32_t)-EINVAL);
        expect_bad(buf, len, "a config exactly when the status is 0");
        put32(buf + 4, 7);
        expect_bad(buf, len, "status 7");
        free(buf);
        sb_config_free(&cfg);
}
END_TEST

int main(void)
{
        Suite *s = suite_create("wire");
        TCase *tc = tcase_create("wire");
        tcase_set_timeout(tc, 60);
        tcase_add_test(tc, valid_fixtures_round_trip);
        tcase_add_test(tc, status_and_diagnostics);
        tcase_add_test(tc, truncated);
        tcase_add_test(tc, hostile_values);
        tcase_add_test(tc, hostile_network);
        tcase_add_test(tc, oversized_input);
        suite_add_tcase(s, tc);
        return unit_run(s);
}
