/* `sandbox doctor`: which privilege mode applies and why, and what this
 * host allows (user namespaces and what restricts them, the cgroup layout
 * and delegation, legacy TIOCSTI, seccomp actions, the setuid bit and the
 * system policy). Probes only read files, plus one unshare in a child
 * that exits at once (host-probe.c). */
#include "doctor.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "host-probe.h"
#include "policy.h"
#include "priv.h"
#include "verbs.h"

extern const char sb_policy_path[];

static void knob(const char *name, long v)
{
        if (v < 0)
                printf("  %s: not present\n", name);
        else
                printf("  %s = %ld\n", name, v);
}

static void userns(const struct host_probe *p)
{
        if (p->userns_errno == 0)
                printf("user namespaces: available without privilege (an "
                       "unshare as uid %u worked)\n", (unsigned)getuid());
        else
                printf("user namespaces: not available without privilege "
                       "(an unshare as uid %u failed: %s)\n",
                       (unsigned)getuid(), strerror(p->userns_errno));
        knob("kernel.unprivileged_userns_clone", p->userns_clone);
        knob("user.max_user_namespaces", p->max_userns);
        knob("kernel.apparmor_restrict_unprivileged_userns",
             p->apparmor_restrict);
}

/* What the mode means for a launch. */
static void mode(const struct host_probe *p)
{
        enum sb_priv_mode m = priv_mode();
        printf("mode: %s (%s)\n", priv_mode_name(m), priv_mode_reason());
        switch (m) {
        case SB_PRIV_ROOT:
                printf("  every feature; the sandbox runs as host nobody "
                       "unless process.host_user says otherwise\n");
                break;
        case SB_PRIV_SETUID:
                printf("  the sandbox runs as you; veth links, cgroup limits "
                       "and a sandbox without a user namespace as far as the "
                       "policy allows\n");
                break;
        case SB_PRIV_USER:
                if (p->userns_errno == 0)
                        printf("  every feature a user namespace allows; "
                               "veth links need root, cgroup limits a "
                               "delegated cgroup\n");
                else
                        printf("  no sandbox can be made here without a "
                               "user namespace: ask for a setuid-root "
                               "install, or for user namespaces\n");
                break;
        }
}

static void policy(void)
{
        struct sb_policy pol;
        struct sb_diags diags = { 0 };
        sb_policy_init(&pol, sb_policy_path);
        int r = sb_policy_load(&pol, &diags);
        if (r < 0) {
                printf("policy: %s: refused or invalid\n", sb_policy_path);
                for (size_t i = 0; i < diags.n; i++)
                        printf("  %s\n", diags.msgs[i]);
        } else if (!pol.exists) {
                printf("policy: %s: absent (defaults: user profiles, no "
                       "capability kept, seccomp required, no veth, no "
                       "cgroup limits)\n", sb_policy_path);
        } else {
                printf("policy: %s: user_profiles %s, seccomp %s, "
                       "%zu bridge(s), %zu address range(s), cgroup limits "
                       "%s\n", sb_policy_path,
                       pol.user_profiles ? "allowed" : "refused",
                       pol.seccomp_may_disable ? "optional" : "required",
                       pol.n_bridges, pol.n_ranges,
                       pol.cgroup_allowed ? "allowed" : "refused");
        }
        printf("  (it limits only ordinary users of a setuid-root install)\n");
        sb_diags_free(&diags);
        sb_policy_free(&pol);
}

int cmd_doctor(const struct cli_request *req, int argc, char **argv)
{
        (void)req;
        (void)argv;
        if (argc > 1)
                return cmd_usage_error("doctor", "takes no operands");
        struct host_probe p;
        host_probe_all(&p);

        mode(&p);
        printf("binary: %s: %s%s\n", p.exe[0] ? p.exe : "?",
               p.exe_setuid_root ? "setuid root" : "not setuid",
               p.exe_setuid_root && p.exe_nosuid
                       ? " (but on a nosuid mount: the bit has no effect)"
                       : "");
        userns(&p);
        printf("cgroups: %s; own cgroup %s; %s\n", p.cgroup_mode,
               p.cgroup_self[0] ? p.cgroup_self : "unknown",
               p.cgroup_delegated
                       ? "delegated (you may create cgroups below it)"
                       : "not delegated to you (cgroup limits need root, a "
                         "delegated cgroup or a setuid install's policy)");
        if (p.legacy_tiocsti < 0)
                printf("legacy TIOCSTI: no such sysctl (an older kernel: "
                       "TIOCSTI works; sandboxes filter it)\n");
        else
                printf("legacy TIOCSTI: dev.tty.legacy_tiocsti = %ld (%s)\n",
                       p.legacy_tiocsti,
                       p.legacy_tiocsti ? "enabled: sandboxes filter "
                                          "TIOCSTI and start a new session"
                                        : "disabled by the kernel");
        printf("seccomp actions: %s\n",
               p.seccomp_actions[0] ? p.seccomp_actions : "unknown");
        policy();
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
