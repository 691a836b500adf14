/* The privilege model (docs/PRIVILEGE.md). Three modes: root, an ordinary
 * user (user namespaces, no privilege), and a setuid-root install run by a
 * user. Only the last does anything here: it keeps effective uid 0 but
 * opens every file with the real user's rights (fsuid), holds a few
 * capabilities in the permitted set only, raises one around each host
 * operation that needs it and lowers it right after. The sandbox's own
 * processes drop everything in caps_enter before the target runs.
 *
 * Whether privilege is held is tracked in variables here, never guessed
 * from geteuid() (SECURITY.md, defence 1). */
#include "priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <unistd.h>
#include <linux/capability.h>

#include "caps.h"
#include "env.h"
#include "host-probe.h"
#include "util.h"

extern char **environ;

static enum sb_priv_mode mode = SB_PRIV_USER;
static char reason[160] = "the real and effective uids are not 0";
static uid_t real_uid;
static gid_t real_gid;
static bool narrowed;            /* the request passed the policy */
static bool raised;              /* between priv_raise and priv_lower */
static bool fs_root;             /* the raise switched fsuid to 0 */

/* ---- capability sets ---- */

static void set_of(uint64_t set[SB_CAP_WORDS], const unsigned *caps, size_t n)
{
        memset(set, 0, sizeof(uint64_t) * SB_CAP_WORDS);
        for (size_t i = 0; i < n; i++)
                sb_caps_add(set, caps[i]);
}

/* Every capability some launch may need (see needed_set); all the rest
 * leave at start. There is no sandbox without a user namespace in this
 * mode (policy.c): init never holds a host capability. CAP_SETPCAP only
 * lets priv_narrow cut the bounding set; it leaves with that. */
static const unsigned any_launch_caps[] = {
        CAP_SETUID, CAP_SETGID, CAP_SYS_ADMIN, CAP_DAC_OVERRIDE, CAP_NET_ADMIN,
        CAP_SETPCAP,
};

static void start_set(uint64_t set[SB_CAP_WORDS])
{
        set_of(set, any_launch_caps, ARRAY_SIZE(any_launch_caps));
}

static void needed_set(const struct sb_config *cfg, uint64_t set[SB_CAP_WORDS])
{
        /* Writing a map of the real user for a namespace made by euid 0. */
        static const unsigned base[] = { CAP_SETUID, CAP_SETGID };
        set_of(set, base, ARRAY_SIZE(base));
        /* Where the host restricts user namespaces to CAP_SYS_ADMIN
         * (Debian's sysctl, AppArmor's restriction). */
        if (host_userns_restricted())
                sb_caps_add(set, CAP_SYS_ADMIN);
        /* A cgroup delegated to the user's service manager is owned by the
         * user, not by fsuid 0. */
        if (sb_cgroup_config_wanted(&cfg->cgroup))
                sb_caps_add(set, CAP_DAC_OVERRIDE);
        if (cfg->net.mode == SB_NET_VETH)
                sb_caps_add(set, CAP_NET_ADMIN);
}

/* ---- start ---- */

/* Values that reach nothing but the target's locale or terminal lookup:
 * short, no path (a '/' would name a locale or terminfo file anywhere). */
static bool sane_value(const char *v)
{
        size_t n = strlen(v);
        if (n == 0 || n > 64)
                return false;
        return strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789_.-@:+,") == n;
}

static bool allowed_name(const char *entry, size_t len)
{
        static const char *const names[] = { "TERM", "LANG", "LANGUAGE" };
        for (size_t i = 0; i < ARRAY_SIZE(names); i++)
                if (strlen(names[i]) == len &&
                    strncmp(entry, names[i], len) == 0)
                        return true;
        /* LC_ALL, LC_CTYPE, ...: upper-case letters and '_' only. */
        return len > 3 && strncmp(entry, "LC_", 3) == 0 &&
               strspn(entry + 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == len - 3;
}

/* The caller's strings stay in our memory, where /proc/PID/environ shows
 * them -- also those the dynamic loader took out of environ already
 * (LD_PRELOAD under AT_SECURE): blank the whole block the kernel gave us,
 * fields 50 and 51 of /proc/self/stat. Nothing points into it once the
 * kept strings are copied and environ is replaced. */
static void blank_original_environment(void)
{
        char buf[1024];
        int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return;
        ssize_t n = read_full(fd, buf, sizeof(buf));
        close(fd);
        const char *p = n > 0 ? strrchr(buf, ')') : NULL;
        if (!p)
                return;
        /* After ")": field 3 (state) onwards; env_start is field 50. */
        unsigned long long start = 0, end = 0;
        int field = 2;
        for (const char *q = p + 1; *q && field < 51; q++) {
                if (*q != ' ')
                        continue;
                field++;
                if (field == 50)
                        start = strtoull(q + 1, NULL, 10);
                else if (field == 51)
                        end = strtoull(q + 1, NULL, 10);
        }
        /* The kernel gives the block only as an address. */
        if (start && end > start && end - start < (1u << 24))
                memset((void *)(uintptr_t)start, 0, // NOLINT(performance-no-int-to-ptr)
                       (size_t)(end - start));
}

/* Keep TERM, LANG, LANGUAGE and LC_* with sane values; HOME, USER,
 * LOGNAME and PATH are set afresh. Nothing else of the caller's
 * environment survives, whatever the dynamic loader already dropped. */
static void reset_environment(const struct passwd *pw)
{
        char **keep = xcalloc(1, sizeof(char *));
        for (size_t i = 0; environ && environ[i]; i++) {
                const char *eq = strchr(environ[i], '=');
                if (eq && allowed_name(environ[i], (size_t)(eq - environ[i])) &&
                    sane_value(eq + 1))
                        strv_push(&keep, xstrdup(environ[i]));
        }
        blank_original_environment();
        clearenv();
        for (size_t i = 0; keep[i]; i++)
                putenv(keep[i]);        /* the strings become environ's */
        free(keep);
        setenv("PATH", SB_DEFAULT_PATH, 1);
        if (pw) {
                setenv("HOME", pw->pw_dir, 1);
                setenv("USER", pw->pw_name, 1);
                setenv("LOGNAME", pw->pw_name, 1);
        }
}

static int close_inherited(void)
{
        if (syscall(SYS_close_range, 3U, ~0U, 0) == 0)
                return 0;
        if (errno != ENOSYS)
                return -errno;
        long max = sysconf(_SC_OPEN_MAX);
        for (long fd = 3; fd < (max > 0 ? max : 1024); fd++)
                close((int)fd);
        return 0;
}

/* Every change of credentials -- setresgid, setfsuid, a capset that
 * raises the effective set -- sets the dumpable flag back to
 * fs.suid_dumpable, which an admin may have set to 1 or 2: so it is said
 * again after each one, and before every fork or clone. */
static int undumpable(struct sb_error *err)
{
        if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "make the launcher "
                                      "non-dumpable");
        return 0;
}

static int start_setuid(uid_t ruid, gid_t rgid, struct sb_error *err)
{
        real_uid = ruid;
        real_gid = rgid;
        int r = undumpable(err);
        if (r < 0)
                return r;
        /* No core file of a process that holds root's memory, whatever
         * the caller's limit; the target's own limits come from the
         * profile (rlimit.c), else it inherits 0 here too. */
        struct rlimit none = { 0, 0 };
        if (setrlimit(RLIMIT_CORE, &none) < 0)
                return sb_error_errno(err, errno, "set RLIMIT_CORE to 0");
        r = close_inherited();
        if (r < 0)
                return sb_error_errno(err, r, "close inherited descriptors");
        /* Only the uid is setuid: the gids are the caller's all along
         * (also a setgid bit, if a packager set one, is undone here). */
        if (setresgid(rgid, rgid, rgid) < 0)
                return sb_error_errno(err, errno, "switch to gid %u",
                                      (unsigned)rgid);
        /* Files are opened with the caller's rights from here on. The
         * return value is the old fsuid; read the new one back. */
        setfsuid(ruid);
        if ((uid_t)setfsuid((uid_t)-1) != ruid)
                return sb_error_set(err, -EPERM, "set the filesystem uid "
                                    "to %u", (unsigned)ruid);
        uint64_t keep[SB_CAP_WORDS];
        start_set(keep);
        r = caps_limit(keep, err);
        if (r >= 0)
                r = undumpable(err);
        if (r < 0)
                return r;
        /* The password database is read with the caller's rights too. */
        reset_environment(getpwuid(ruid));
        return 0;
}

int priv_start(struct sb_error *err)
{
        uid_t ruid, euid, suid;
        gid_t rgid, egid, sgid;
        if (getresuid(&ruid, &euid, &suid) < 0 ||
            getresgid(&rgid, &egid, &sgid) < 0)
                return sb_error_errno(err, errno, "read the process's ids");
        if (ruid == 0) {
                mode = SB_PRIV_ROOT;
                snprintf(reason, sizeof(reason), "the real uid is 0");
                return 0;
        }
        if (euid == 0) {
                mode = SB_PRIV_SETUID;
                snprintf(reason, sizeof(reason), "the effective uid is 0 "
                         "and the real uid is %u: a setuid-root install",
                         (unsigned)ruid);
                return start_setuid(ruid, rgid, err);
        }
        if (euid != ruid || suid != ruid)
                return sb_error_set(err, -EPERM, "installed setuid to uid %u:"
                                    " only a setuid-root install is "
                                    "supported", (unsigned)euid);
        if (egid != rgid && setresgid(rgid, rgid, rgid) < 0)
                return sb_error_errno(err, errno, "drop the setgid group");
        mode = SB_PRIV_USER;
        snprintf(reason, sizeof(reason), "the real and effective uid is %u",
                 (unsigned)ruid);
        return 0;
}

enum sb_priv_mode priv_mode(void)
{
        return mode;
}

const char *priv_mode_name(enum sb_priv_mode m)
{
        switch (m) {
        case SB_PRIV_USER:
                return "user";
        case SB_PRIV_ROOT:
                return "root";
        case SB_PRIV_SETUID:
                return "setuid";
        }
        return "?";
}

const char *priv_mode_reason(void)
{
        return reason;
}

int priv_narrow(const struct sb_config *cfg, struct sb_error *err)
{
        if (mode != SB_PRIV_SETUID)
                return 0;
        /* policy.c refuses it before; a second lock on the door. */
        if (!(cfg->namespaces & SB_NS_USER))
                return sb_error_set(err, -EPERM, "a setuid launcher always "
                                    "makes a user namespace");
        uint64_t keep[SB_CAP_WORDS];
        needed_set(cfg, keep);
        int r = caps_limit(keep, err);
        if (r >= 0)
                r = undumpable(err);
        narrowed = r >= 0;
        return r;
}

int priv_drop_for_good(struct sb_error *err)
{
        if (mode != SB_PRIV_SETUID)
                return 0;
        /* All three uids non-zero and no KEEPCAPS: the kernel clears the
         * permitted and effective sets; the ambient set is empty since
         * priv_start. */
        if (setresgid(real_gid, real_gid, real_gid) < 0)
                return sb_error_errno(err, errno, "drop to gid %u",
                                      (unsigned)real_gid);
        if (setresuid(real_uid, real_uid, real_uid) < 0)
                return sb_error_errno(err, errno, "drop to uid %u",
                                      (unsigned)real_uid);
        uid_t r, e, sv;
        struct __user_cap_header_struct h = {
                .version = _LINUX_CAPABILITY_VERSION_3,
        };
        struct __user_cap_data_struct d[2] = { 0 };
        if (getresuid(&r, &e, &sv) < 0 || r != real_uid || e != real_uid ||
            sv != real_uid || (uid_t)setfsuid((uid_t)-1) != real_uid)
                return sb_error_set(err, -EPERM, "the uids did not all "
                                    "become %u", (unsigned)real_uid);
        if (syscall(SYS_capget, &h, d) < 0)
                return sb_error_errno(err, errno, "read capabilities");
        for (int i = 0; i < 2; i++)
                if (d[i].permitted || d[i].effective || d[i].inheritable)
                        return sb_error_set(err, -EPERM, "capabilities "
                                            "remain after dropping to uid %u",
                                            (unsigned)real_uid);
        /* setuid(0) would fail now; no_new_privs closes exec of another
         * setuid file; non-dumpable keeps other processes of the user
         * out of memory copied from the launcher. */
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
                return sb_error_errno(err, errno, "set no_new_privs");
        return undumpable(err);
}

/* ---- raise and lower ---- */

int priv_raise(enum priv_op op, struct sb_error *err)
{
        if (mode != SB_PRIV_SETUID)
                return 0;
        /* Privilege serves only a request the system policy allowed. */
        if (!narrowed)
                return sb_error_set(err, -EPERM, "a setuid launcher uses "
                                    "privilege only for a request checked "
                                    "against the system policy");
        uint64_t eff[SB_CAP_WORDS] = { 0 };
        switch (op) {
        case PRIV_OP_CLONE:
                /* A new user namespace, also where the host restricts
                 * them; init gets capabilities only inside it. */
                sb_caps_add(eff, CAP_SYS_ADMIN);
                break;
        case PRIV_OP_IDMAP:
                /* /proc/PID of our non-dumpable child is root's. */
                fs_root = true;
                sb_caps_add(eff, CAP_SETUID);
                sb_caps_add(eff, CAP_SETGID);
                break;
        case PRIV_OP_CGROUP:
                /* The cgroup must be root's, or the user could raise its
                 * own limits: made with fsuid 0. */
                fs_root = true;
                sb_caps_add(eff, CAP_DAC_OVERRIDE);
                break;
        case PRIV_OP_NET:
                sb_caps_add(eff, CAP_NET_ADMIN);
                break;
        }
        raised = true;
        if (fs_root)
                setfsuid(0);
        /* Exact, whatever setfsuid raised from the permitted set. */
        int r = caps_set_effective(eff, err);
        if (r >= 0)
                r = undumpable(err);
        if (r < 0)
                priv_lower();
        return r;
}

void priv_lower(void)
{
        if (mode != SB_PRIV_SETUID || !raised)
                return;
        if (fs_root)
                setfsuid(real_uid);
        fs_root = false;
        raised = false;
        static const uint64_t none[SB_CAP_WORDS];
        struct sb_error err = { 0 };
        /* Lowering cannot fail short of a broken kernel; if it does, stop
         * rather than go on with capabilities raised. */
        if (caps_set_effective(none, &err) < 0 ||
            (uid_t)setfsuid((uid_t)-1) != real_uid || undumpable(&err) < 0) {
                fprintf(stderr, "sandbox: cannot lower privileges: %s\n",
                        err.msg);
                abort();
        }
}

/* ---- audit ---- */

static void append(char *buf, size_t size, size_t *n, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static void append(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
        if (*n >= size)
                return;
        if (*n) {
                int w = snprintf(buf + *n, size - *n, ", ");
                *n += w > 0 ? (size_t)w : 0;
                if (*n >= size)
                        return;
        }
        va_list ap;
        va_start(ap, fmt);
        int w = vsnprintf(buf + *n, size - *n, fmt, ap);
        va_end(ap);
        *n += w > 0 ? (size_t)w : 0;
}

void priv_features(const struct sb_config *cfg, char *buf, size_t size)
{
        size_t n = 0;
        buf[0] = '\0';
        if (cfg->net.mode == SB_NET_VETH)
                for (size_t i = 0; i < cfg->net.n_veths; i++) {
                        const struct sb_net_veth *v = &cfg->net.veths[i];
                        if (v->bridge[0])
                                append(buf, size, &n, "veth bridge %s",
                                       v->bridge);
                        else
                                append(buf, size, &n, "veth point-to-point");
                }
        const struct sb_cgroup_config *g = &cfg->cgroup;
        if (sb_cgroup_config_wanted(g))
                append(buf, size, &n, "cgroup limits (memory %llu, pids %llu,"
                       " millicpus %u)", (unsigned long long)g->memory,
                       (unsigned long long)g->pids, (unsigned)g->millicpus);
}

/* A profile path is the caller's text: no control character may forge a
 * second log line. */
static void printable(const char *in, char *out, size_t size)
{
        size_t i = 0;
        for (; in[i] && i + 1 < size; i++) {
                out[i] = in[i];
                if ((unsigned char)in[i] < 0x20 || in[i] == 0x7f)
                        out[i] = '?';
        }
        out[i] = '\0';
}

void priv_audit(const struct sb_config *cfg, const char *profile)
{
        if (mode != SB_PRIV_SETUID)
                return;
        char features[512];
        priv_features(cfg, features, sizeof(features));
        char shown[256];
        printable(profile ? profile : "?", shown, sizeof(shown));
        struct passwd *pw = getpwuid(real_uid);
        openlog("sandbox", LOG_PID, LOG_AUTHPRIV);
        syslog(LOG_AUTHPRIV | LOG_NOTICE,
               "setuid launch: uid=%u user=%s profile=%s privileged=%s",
               (unsigned)real_uid, pw ? pw->pw_name : "?",
               shown, features[0] ? features : "none");
        closelog();
}
