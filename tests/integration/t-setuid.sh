# The setuid-root launcher (docs/PRIVILEGE.md): a copy of the test build
# (sandbox-setuid-test, whose system policy path is compiled in as
# /var/tmp/sandbox-setuid-test/sandbox.conf) is installed setuid root in
# that directory for this run only, and started by the harness's throwaway
# user. Checks the target's identity and capabilities from the host, the
# launcher's own state, the environment reset, inherited fds, LD_PRELOAD,
# veth links against the policy (in a network namespace made here), cgroup
# limits against the policy, the owner checks of profiles and of the policy
# itself; then the same user with the ordinary binary (user mode). Runs only
# as TEST_AS=user (meson registers it once).
. "$(dirname "$0")/lib.sh"

[ "$TEST_AS" = user ] || skip_all "the setuid test runs as the throwaway user only"
[ -x "${SANDBOX_SETUID:-}" ] || skip_all "SANDBOX_SETUID does not name sandbox-setuid-test"

D=/var/tmp/sandbox-setuid-test
# A stale directory of a crashed run is ours (root's): start afresh.
if [ -e "$D" ] && [ "$(stat -c %u "$D")" != 0 ]; then
        skip_all "$D exists and is not root's; remove it by hand"
fi
rm -rf "$D"
mkdir -m 755 "$D"
cleanup_setuid() {
        rm -rf "$D"
        cleanup_harness
}
trap cleanup_setuid EXIT
case ",$(findmnt -n -o OPTIONS -T "$D")," in
*,nosuid,*) skip_all "$D is on a nosuid mount" ;;
esac
install -o root -g root -m 4755 "$SANDBOX_SETUID" "$D/sandbox"
SUID="$D/sandbox"

# as_user CMD...: the throwaway user, clean environment, from $D.
as_user() {
        (cd "$D" && exec setpriv --reuid="$TEST_UID" --regid="$TEST_GID" \
                --clear-groups --reset-env "$@")
}
# sp NAME TEXT [OWNER [MODE]]: a profile in $D (root's 644 by default).
sp() {
        printf '%s\n' "$2" >"$D/$1.profile"
        chown "${3:-root}:" "$D/$1.profile"
        chmod "${4:-644}" "$D/$1.profile"
        echo "$D/$1.profile"
}
# policy TEXT: the test copy's system policy, root's and 644.
policy() {
        printf '%s\n' "$1" >"$D/sandbox.conf"
        chown root: "$D/sandbox.conf"
        chmod 644 "$D/sandbox.conf"
}
fails() { ! "$@" 2>/dev/null; }
status_of() { # status_of PID: the lines the checks below look at, one line
        grep -E '^(Uid|Gid|Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs):' /proc/"$1"/status |
                tr -s '\t' ' ' | tr '\n' ';'
}
# bg_run PROFILE CMD...: start the setuid launcher in the background; sets
# L (launcher), I (init), T (target) pids, or fails after ~5 s.
bg_run() {
        local prof=$1
        shift
        as_user sh -c 'ulimit -c unlimited 2>/dev/null || ulimit -c 1000; exec "$@"' _ \
                env LD_PRELOAD="$D/marker.so" FOO=leak LANG=C.UTF-8 \
                LC_ALL=../../../tmp/x "$SUID" --profile="$prof" -- "$@" \
                7<"$D/secret" &
        BG=$!
        L= I= T=
        for _ in $(seq 100); do
                L=$(pgrep -P "$BG" -x sandbox | head -n1)
                [ -z "$L" ] && [ "$(readlink /proc/$BG/exe 2>/dev/null)" = "$SUID" ] && L=$BG
                [ -n "$L" ] && I=$(pgrep -P "$L" | head -n1)
                [ -n "$I" ] && T=$(pgrep -P "$I" | head -n1)
                [ -n "$T" ] && return 0
                sleep 0.05
        done
        return 1
}

U=$TEST_UID
G=$TEST_GID
echo "secret" >"$D/secret"
chmod 600 "$D/secret"

# A library that leaves a marker when it is loaded: the control run below
# shows that it works, so its absence after a setuid start means something.
mkdir -m 777 "$D/mk"
cat >"$D/marker.c" <<EOF
#include <fcntl.h>
#include <unistd.h>
__attribute__((constructor)) static void mark(void)
{
        char p[64] = "$D/mk/loaded-";
        int fd = open(p, O_WRONLY | O_CREAT | O_APPEND, 0666);
        if (fd >= 0) { (void)!write(fd, "x", 1); close(fd); }
}
EOF
if cc -shared -fPIC -o "$D/marker.so" "$D/marker.c" 2>/dev/null; then
        chmod 755 "$D/marker.so"
        as_user env LD_PRELOAD="$D/marker.so" /bin/true
        check "control: the marker library works when it may be loaded" \
                [ -s "$D/mk/loaded-" ]
        rm -f "$D/mk/loaded-"
        HAVE_MARKER=1
else
        ok "control: the marker library # SKIP no C compiler"
        HAVE_MARKER=
fi

# ---- mode and identity ----
out=$(as_user "$SUID" doctor 2>&1)
expect_match "doctor: setuid mode and why" \
        "^mode: setuid \\(the effective uid is 0 and the real uid is $U" "$out"
expect_match "doctor: the binary is setuid root" "binary: $SUID: setuid root" "$out"
expect_match "doctor: the policy path is the compiled-in one" \
        "policy: $D/sandbox.conf: absent" "$out"

plain=$(sp plain 'namespaces = [ "user", "mount", "pid", "uts", "ipc", "net" ];')
expect_eq "inside: uid and gid are the real user's" "$U $G" \
        "$(as_user "$SUID" --profile="$plain" -- sh -c 'echo $(id -u) $(id -g)')"

if bg_run "$plain" sleep 30; then
        st=$(status_of "$T")
        expect_match "target (host view): uid real=eff=saved=fs= the user" "Uid: $U $U $U $U;" "$st"
        expect_match "target (host view): gid real=eff=saved=fs= the user's" "Gid: $G $G $G $G;" "$st"
        for set in CapInh CapPrm CapEff CapBnd CapAmb; do
                expect_match "target: $set is empty" "$set: 0000000000000000;" "$st"
        done
        expect_match "target: no_new_privs" "NoNewPrivs: 1;" "$st"
        st=$(status_of "$I")
        expect_match "init (host view): the user" "Uid: $U $U $U $U;" "$st"
        expect_match "init: CapPrm empty" "CapPrm: 0000000000000000;" "$st"
        expect_match "init: CapBnd empty" "CapBnd: 0000000000000000;" "$st"
        # The launcher: euid 0 but files opened as the user, nothing
        # effective, and only setuid/setgid (+ sys_admin where the host
        # restricts user namespaces) permitted; bounding the same.
        st=$(status_of "$L")
        expect_match "launcher: fsuid is the user's" "Uid: $U 0 0 $U;" "$st"
        expect_match "launcher: gids are the user's" "Gid: $G $G $G $G;" "$st"
        expect_match "launcher: nothing effective" "CapEff: 0000000000000000;" "$st"
        expect_match "launcher: only setuid/setgid (sys_admin) permitted" \
                "CapPrm: 0000000000(0000|2000)c0;" "$st"
        expect_match "launcher: bounding set cut to the same" \
                "CapBnd: 0000000000(0000|2000)c0;" "$st"
        expect_match "launcher: no core file (RLIMIT_CORE 0 whatever the caller's)" \
                "^Max core file size +0 +0 " "$(grep '^Max core file size' /proc/"$L"/limits)"
        expect_eq "launcher: not dumpable (/proc/PID is root's)" 0 "$(stat -c %u /proc/"$L")"
        env_text=$(tr '\0' '\n' </proc/"$L"/environ)
        check "launcher: /proc/PID/environ holds no LD_PRELOAD" \
                sh -c "! printf '%s' \"\$1\" | grep -q LD_PRELOAD" _ "$env_text"
        check "launcher: /proc/PID/environ holds no FOO" \
                sh -c "! printf '%s' \"\$1\" | grep -q FOO=" _ "$env_text"
        leaked=
        for fd in /proc/"$L"/fd/*; do
                [ "$(readlink "$fd")" = "$D/secret" ] && leaked=$fd
        done
        expect_eq "launcher: the caller's fd 7 was closed at start" "" "$leaked"
        check "the user cannot enter the sandbox's user namespace (it is root's)" \
                fails as_user nsenter --preserve-credentials -U -t "$T" true
        kill "$T" 2>/dev/null
        wait "$BG"
else
        not_ok "start a setuid sandbox in the background"
        [ -n "${BG:-}" ] && kill "$BG" 2>/dev/null
fi
check "LD_PRELOAD never ran in the setuid launcher" [ ! -e "$D/mk/loaded-" ]

envout=$(as_user env LD_PRELOAD="$D/marker.so" FOO=leak LANG=C.UTF-8 \
        LC_ALL=../../x GCONV_PATH=/tmp MALLOC_CHECK_=3 "$SUID" \
        --profile="$plain" -- env)
expect_match "environment: LANG with a sane value is kept" "^LANG=C.UTF-8$" "$envout"
check "environment: LC_ALL with a '/' is dropped" \
        sh -c "! printf '%s\n' \"\$1\" | grep -q '^LC_ALL='" _ "$envout"
check "environment: FOO, LD_*, GCONV_PATH, MALLOC_* are dropped" \
        sh -c "! printf '%s\n' \"\$1\" | grep -Eq '^(FOO|LD_|GCONV_PATH|MALLOC_)'" _ "$envout"
expect_match "environment: HOME from the password database" \
        "^HOME=$(getent passwd "$U" | cut -d: -f6)$" "$envout"
[ -n "$HAVE_MARKER" ] && check "LD_PRELOAD reached neither launcher nor target" [ ! -e "$D/mk/loaded-" ]

# ---- the profile is parsed by the real user, not by euid 0 ----
out=$(as_user "$SUID" -v --profile="$plain" -- true 2>&1)
expect_match "the profile loader runs as the user (all uids)" \
        "profile loader: pid [0-9]+, uids $U $U $U$" "$out"
bad=$(sp badsyntax 'hostname = ;' "$TEST_USER")
out=$(as_user "$SUID" --profile="$bad" -- true 2>&1)
rc=$?
expect_eq "a profile error from the loader child: exit 124" 124 $rc
expect_match "... with its diagnostic passed back" "badsyntax.profile:1: syntax error" "$out"

# ---- the default policy (no file) ----
nouser=$(sp nouser 'namespaces = [ "mount", "pid" ];')
out=$(as_user "$SUID" --profile="$nouser" -- true 2>&1)
rc=$?
expect_eq "no user namespace: refused" 125 $rc
expect_match "... saying why" \
        "namespaces: a setuid launcher always makes a user namespace: without one the sandbox would be built with host root's privileges" "$out"
out=$(as_user "$SUID" --profile="$(sp hostuser 'process = { host_user = 0; };')" -- true 2>&1)
expect_match "process.host_user is refused" "process.host_user needs root" "$out"
out=$(as_user "$SUID" --profile="$(sp keepcaps 'capabilities = { keep = [ "sys_admin", "net_admin" ]; };
seccomp = { enabled = false; };')" -- true 2>&1)
expect_match "capabilities.keep: refused unless capabilities.allowed lists them" \
        "policy $D/sandbox.conf: capabilities.allowed does not allow keeping net_admin" "$out"
out=$(as_user "$SUID" --profile="$(sp noseccomp 'seccomp = { enabled = false; };')" -- true 2>&1)
expect_match "seccomp.enabled = false: refused unless seccomp.may_disable" \
        "policy $D/sandbox.conf: seccomp.may_disable is false: seccomp.enabled must be true" "$out"
out=$(as_user "$SUID" --profile="$(sp liftmount 'seccomp = { allow = [ "@mount" ]; };')" -- true 2>&1)
expect_match "seccomp.allow lifting the built-in deny list: refused" \
        "seccomp.may_disable is false: seccomp.allow entry '@mount' lifts" "$out"

# ---- no policy brings the old no-user-namespace mode back ----
policy 'user_namespace_optional = true;'
out=$(as_user "$SUID" --profile="$nouser" -- true 2>&1)
rc=$?
expect_eq "user_namespace_optional: the removed key stops the launch" 125 $rc
expect_match "... saying so" "sandbox.conf:1: user_namespace_optional: no longer supported" "$out"
policy 'capabilities = { allowed = [ "sys_admin", "net_admin" ]; };
seccomp = { may_disable = true; };'
out=$(as_user "$SUID" --profile="$nouser" -- true 2>&1)
expect_match "no user namespace: refused whatever the policy allows" \
        "a setuid launcher always makes a user namespace" "$out"
# What the policy allows works, inside the sandbox's own user namespace.
out=$(as_user "$SUID" --profile="$D/keepcaps.profile" -- sh -c \
        'grep -E "^CapEff:" /proc/self/status | tr -s "\t" " "' 2>&1)
expect_match "capabilities.allowed: the kept capabilities are there" \
        "^CapEff: 0000000000201000$" "$out"
rm -f "$D/sandbox.conf"

# ---- profile trust ----
out=$(as_user "$SUID" --profile="$(sp ww 'hostname = "w";' root 666)" -- true 2>&1)
rc=$?
expect_eq "a profile writable by others is refused" 124 $rc
expect_match "... saying why" "ww.profile: refused: writable by group or others" "$out"
out=$(as_user "$SUID" --profile="$(sp other 'hostname = "o";' nobody 644)" -- true 2>&1)
expect_match "a profile of another user is refused" \
        "other.profile: refused: owned by neither root nor you" "$out"
sp other 'hostname = "o";' nobody 644 >/dev/null
out=$(as_user "$SUID" --profile="$(sp incl 'include = [ "other" ];' "$TEST_USER")" -- true 2>&1)
expect_match "... also as an include of the user's own profile" \
        "incl.profile:1: include: 'other': refused: owned by neither root nor you" "$out"
mine=$(sp mine 'hostname = "mine";' "$TEST_USER")
expect_eq "the user's own profile is read" "mine" "$(as_user "$SUID" --profile="$mine" -- hostname)"
policy 'user_profiles = false;'
out=$(as_user "$SUID" --profile="$mine" -- true 2>&1)
expect_match "user_profiles = false: the user's own profile is refused" \
        "^sandbox: --profile=$D/mine.profile: the system policy allows profile names only" "$out"
out=$(as_user "$SUID" --profile="$plain" -- true 2>&1)
expect_match "user_profiles = false: a path, even to root's profile, is refused" \
        "^sandbox: --profile=$D/plain.profile: the system policy allows profile names only \\(user_profiles = false\\)" "$out"
mkdir -m 755 "$D/profiles"
printf 'hostname = "sysname";\n' >"$D/profiles/sysname.profile"
expect_eq "user_profiles = false: a system profile is read by name" "sysname" \
        "$(as_user "$SUID" --profile=sysname -- hostname 2>&1)"
chmod 666 "$D/sandbox.conf"
out=$(as_user "$SUID" --profile="$plain" -- true 2>&1)
rc=$?
expect_eq "a policy writable by others stops every launch" 125 $rc
expect_match "... saying why" "sandbox.conf: refused: writable by group or others" "$out"
policy 'no_such_key = 1;'
out=$(as_user "$SUID" --profile="$plain" -- true 2>&1)
expect_match "an unknown policy key stops the launch" "sandbox.conf:1: no_such_key: unknown key" "$out"

# ---- includes resolve next to the file opened, not the path typed ----
rm -f "$D/sandbox.conf"
mkdir -m 755 "$D/sys" && mkdir -m 755 "$D/u" && chown "$TEST_USER" "$D/u"
printf 'include = [ "frag" ];\n' >"$D/sys/inc.profile"
printf 'hostname = "fromsys";\n' >"$D/sys/frag.profile"
ln -s ../sys/inc.profile "$D/u/inc.profile"
printf 'hostname = "fromuser";\n' >"$D/u/frag.profile"
chown -h "$TEST_USER" "$D/u/inc.profile" "$D/u/frag.profile"
expect_eq "an include of a symlinked profile comes from the real file's directory" \
        "fromsys" "$(as_user "$SUID" --profile="$D/u/inc.profile" -- hostname 2>&1)"

# ---- cgroup limits ----
cg_ok=$(sp cgok 'cgroup = { pids = 20; memory = "64M"; };' "$TEST_USER")
cg_big=$(sp cgbig 'cgroup = { pids = 200; memory = "64M"; };' "$TEST_USER")
cg_nomem=$(sp cgnomem 'cgroup = { pids = 20; };' "$TEST_USER")
policy ''
out=$(as_user "$SUID" --profile="$cg_ok" -- true 2>&1)
expect_match "cgroup: refused without cgroup.allowed" \
        "policy $D/sandbox.conf: cgroup.allowed is false" "$out"
policy 'cgroup = { allowed = true; max_pids = 50; max_memory = "128M"; };'
if bg_run "$cg_ok" sleep 30; then
        dir=$(find /sys/fs/cgroup -maxdepth 8 -type d -name "sandbox-$L-*" \
                -exec test -e '{}/pids.max' ';' -print 2>/dev/null | head -n1)
        expect_eq "cgroup: pids.max as the profile asks" 20 "$(cat "$dir/pids.max" 2>/dev/null)"
        expect_eq "cgroup: the directory is root's, not the user's" 0 "$(stat -c %u "$dir" 2>/dev/null)"
        check "cgroup: the user cannot raise the limit" \
                fails as_user sh -c "echo 1000 > '$dir/pids.max'"
        kill "$T" 2>/dev/null
        wait "$BG"
        check "cgroup: removed at the end" [ ! -d "$dir" ]
else
        not_ok "cgroup: start a setuid sandbox with limits"
        [ -n "${BG:-}" ] && kill "$BG" 2>/dev/null
fi
out=$(as_user "$SUID" --profile="$cg_big" -- true 2>&1)
rc=$?
expect_eq "cgroup: over max_pids is refused" 125 $rc
expect_match "... naming the key" "cgroup.max_pids is 50: the profile asks for 200" "$out"
out=$(as_user "$SUID" --profile="$cg_nomem" -- true 2>&1)
expect_match "cgroup: no memory limit when max_memory is set is refused" \
        "cgroup.max_memory is 134217728 bytes: the profile asks for no memory limit" "$out"
policy 'cgroup = { allowed = true; };'
out=$(as_user "$SUID" --profile="$(sp cgw 'cgroup = { cpu_weight = 1000; };' "$TEST_USER")" -- true 2>&1)
rc=$?
expect_eq "cgroup: cpu_weight above the kernel default is refused" 125 $rc
expect_match "... naming cgroup.max_cpu_weight" \
        "cgroup.max_cpu_weight is 100: the profile asks for 1000" "$out"
out=$(as_user "$SUID" --profile="$(sp cgiow 'cgroup = { io_weight = 5000; };' "$TEST_USER")" -- true 2>&1)
expect_match "cgroup: io_weight above the kernel default is refused" \
        "cgroup.max_io_weight is 100: the profile asks for 5000" "$out"

# ---- veth ----
veth0=$(sp veth0 'network = { mode = "veth"; veth = { bridge = "br0";
  address = "10.0.3.2/24"; gateway = "10.0.3.1"; }; };' "$TEST_USER")
veth1=$(sp veth1 'network = { mode = "veth"; veth = { bridge = "br1";
  address = "10.0.3.2/24"; }; };' "$TEST_USER")
vethaddr=$(sp vethaddr 'network = { mode = "veth"; veth = { bridge = "br0";
  address = "10.0.4.2/24"; }; };' "$TEST_USER")
vethmac=$(sp vethmac 'network = { mode = "veth"; veth = { bridge = "br0";
  mac = "02:00:00:00:00:01"; }; };' "$TEST_USER")
vethmtu=$(sp vethmtu 'network = { mode = "veth"; veth = { bridge = "br0"; mtu = 68; }; };' "$TEST_USER")
vethbig=$(sp vethbig 'network = { mode = "veth"; veth = { bridge = "br0"; mtu = 9000; }; };' "$TEST_USER")
vethcap=$(sp vethcap 'network = { mode = "veth"; veth = { bridge = "br0"; }; };
capabilities = { keep = [ "net_admin" ]; };' "$TEST_USER")
# net_admin is allowed here so that the veth rule itself is what refuses it.
policy 'veth = { bridges = [ "br0" ]; addresses = [ "10.0.3.0/24" ]; };
capabilities = { allowed = [ "net_admin" ]; };'
export -f as_user
export D SUID TEST_UID TEST_GID veth0 veth1 vethaddr vethcap vethmac vethmtu vethbig
# Links and bridges only in a network namespace made here; the user
# starts the launcher inside it, so the host end is made there too.
vout=$(unshare --net --mount bash -c '
        ip link add br0 type bridge && ip link set br0 up &&
        ip addr add 10.0.3.1/24 dev br0 && ip link add br1 type bridge || exit 1
        echo "inside: $(as_user "$SUID" --profile="$veth0" -- \
                ip -o -4 addr show dev eth0 2>&1 | grep -o "inet [0-9./]*")"
        as_user "$SUID" --profile="$veth0" -- sleep 2 &
        sleep 1
        echo "on br0: $(ip -o link show master br0 | grep -c "sb[0-9]")"
        wait
        o=$(as_user "$SUID" --profile="$veth1" -- true 2>&1)
        echo "br1: $o rc=$?"
        echo "addr: $(as_user "$SUID" --profile="$vethaddr" -- true 2>&1)"
        echo "cap: $(as_user "$SUID" --profile="$vethcap" -- true 2>&1)"
        echo "mac: $(as_user "$SUID" --profile="$vethmac" -- true 2>&1)"
        echo "mtu: $(as_user "$SUID" --profile="$vethmtu" -- true 2>&1)"
        echo "bigmtu: $(as_user "$SUID" --profile="$vethbig" -- true 2>&1)"
        echo "brmtu: $(ip -o link show br0 | grep -o "mtu [0-9]*")"
        echo "ra: $(as_user "$SUID" --profile="$veth0" -- sh -c "cat /proc/sys/net/ipv6/conf/all/accept_ra /proc/sys/net/ipv6/conf/default/accept_ra /proc/sys/net/ipv6/conf/eth0/accept_ra /proc/sys/net/ipv6/conf/all/autoconf /proc/sys/net/ipv6/conf/default/autoconf /proc/sys/net/ipv6/conf/eth0/autoconf" 2>&1 | tr "\n" " ")"
        # The kernel deletes a veth with its namespace, from a work queue:
        # give it a few seconds on a busy machine.
        for _ in $(seq 50); do
                ip -o link | grep -q "sb[0-9]" || break
                sleep 0.1
        done
        echo "left: $(ip -o link | grep -c "sb[0-9]")"
' 2>&1)
expect_match "veth: the allowed bridge works, with its address inside" \
        "inside: inet 10.0.3.2/24" "$vout"
expect_match "veth: the host end is on br0 while it runs" "on br0: 1" "$vout"
expect_match "veth: a bridge the policy does not list is refused" \
        "br1: sandbox: policy $D/sandbox.conf: veth.bridges does not allow 'br1' rc=125" "$vout"
expect_match "veth: an address outside the policy's ranges is refused" \
        "addr: sandbox: policy $D/sandbox.conf: veth.addresses does not allow 10.0.4.2/24" "$vout"
expect_match "veth: keeping net_admin with a veth link is refused" \
        "cap: .*veth: a sandbox with a veth link may not keep net_admin" "$vout"
expect_match "veth: a MAC address of the user's choice is refused" \
        "mac: .*a setuid launcher does not take a MAC address of yours for eth0 \\(network.veth.mac\\)" "$vout"
expect_match "veth: an MTU below 1280 is refused" \
        "mtu: .*the MTU of eth0 \\(network.veth.mtu\\) is 68: a setuid launch needs at least 1280" "$vout"
expect_match "veth: an MTU above the bridge's is refused" \
        "bigmtu: .*network.veth.mtu: 9000 is above the MTU of bridge 'br0' \\(1500\\)" "$vout"
expect_match "veth: the bridge's MTU is unchanged" "brmtu: (mtu )?1500" "$vout"
expect_match "veth: IPv6 router advertisements and autoconf are off inside" \
        "ra: 0 0 0 0 0 0 $" "$vout"
expect_match "veth: no host end is left" "left: 0" "$vout"

# ---- the audit line ----
# syslog(3) writes to /dev/log, which this machine may not have: in a
# mount namespace made here, /dev becomes a tmpfs with the host's few
# device nodes bound in and a listener of our own at /dev/log.
policy 'cgroup = { allowed = true; };'
cg_audit=$(sp cgaudit 'cgroup = { pids = 30; };' "$TEST_USER")
mkdir -m 700 "$D/olddev"
cat >"$D/listen.py" <<EOF
import os, socket
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
os.chmod("/dev/log", 0o666)
open("$D/ready", "w").close()
while True:
    print(s.recv(4096).decode(errors="replace"), flush=True)
EOF
export plain cg_audit
aout=$(unshare --mount bash -c '
        mount --bind /dev "$D/olddev" && mount -t tmpfs -o mode=755 none /dev || exit 1
        for n in null zero full random urandom tty; do
                touch /dev/$n && mount --bind "$D/olddev/$n" /dev/$n
        done
        mkdir /dev/pts /dev/shm && mount --bind "$D/olddev/pts" /dev/pts &&
                mount --bind "$D/olddev/shm" /dev/shm && ln -s pts/ptmx /dev/ptmx
        python3 "$D/listen.py" >"$D/audit.log" &
        LP=$!
        for _ in $(seq 100); do [ -e "$D/ready" ] && break; sleep 0.05; done
        as_user "$SUID" --profile="$plain" -- true
        as_user "$SUID" --profile="$cg_audit" -- true
        sleep 0.2
        kill $LP
        cat "$D/audit.log"
' 2>&1)
user_name=$(id -un "$U")
expect_match "audit: one line for a plain launch, at authpriv.notice" \
        "^<85>.*sandbox\[[0-9]+\]: setuid launch: uid=$U user=$user_name profile=$D/plain.profile privileged=none$" "$aout"
expect_match "audit: the privileged features of a launch" \
        "setuid launch: uid=$U user=$user_name profile=$D/cgaudit.profile privileged=cgroup limits \\(memory 0, pids 30, millicpus 0\\)" "$aout"
expect_eq "audit: exactly one line per launch" 2 \
        "$(printf '%s\n' "$aout" | grep -c 'setuid launch:')"

# ---- verbs other than run: the real user for good ----
# The state root of a setuid launcher is /run/user/UID (it reads no
# XDG_RUNTIME_DIR): a /run/user of our own in a mount namespace made here.
# A state file is the user's to write: forged ones name a root process
# (a sleep of ours), without namespace identities and with the host's.
sleep 300 &
RS=$!
vout=$(RS=$RS U=$U G=$G SUID=$SUID D=$D unshare --mount --propagation private -- bash -c '
        mount -t tmpfs -o mode=755 sbsuid /run/user || exit 1
        mkdir -m 700 /run/user/$U && chown $U:$G /run/user/$U
        u() { (cd $D && setpriv --reuid=$U --regid=$G --clear-groups --reset-env "$SUID" "$@"); }
        start=$(awk "{ sub(/.*\\) /, \"\"); print \$20 }" /proc/$RS/stat)
        ns=
        for n in user mnt pid net uts ipc cgroup; do
                ns="${ns}ns.$n=$(stat -L -c %d:%i /proc/self/ns/$n)\n"
        done
        mkdir -m 700 /run/user/$U/sandbox
        for f in bare withns; do
                mkdir -m 700 /run/user/$U/sandbox/$f
                extra=; [ $f = withns ] && extra=$ns
                printf "version=1\nname=$f\nowner=$U\nlauncher_pid=$RS\nlauncher_start=$start\ninit_pid=$RS\ninit_start=$start\n${extra}joinable=1\ncreated=1\n" \
                        >/run/user/$U/sandbox/$f/state
        done
        chown -R $U:$G /run/user/$U/sandbox
        for f in bare withns; do
                for v in "kill $f KILL" "pause $f" "stats $f"; do
                        u $v >/dev/null 2>&1
                        echo "== $v: $? alive=$(kill -0 $RS 2>/dev/null && echo yes || echo no)"
                done
        done
        u exec withns -- true 2>&1; echo "== exec: $?"
        u checkpoint withns --image-path=/tmp 2>&1; echo "== checkpoint: $?"
        u restore --image-path=/tmp 2>&1; echo "== restore: $?"
        u doctor 2>&1 | head -n1
' 2>&1)
for f in bare withns; do
        for v in "kill $f KILL" "pause $f" "stats $f"; do
                expect_match "forged state ($f): $v refused, the root process lives" \
                        "== $v: [1-9][0-9]* alive=yes" "$vout"
        done
done
check "the root process named by the forged states survives" kill -0 "$RS"
kill "$RS" 2>/dev/null
wait "$RS" 2>/dev/null
for v in exec checkpoint restore; do
        expect_match "$v: refused in setuid mode, and why" \
                "sandbox: $v: not available in a setuid-root install: the sandbox's user namespace belongs to root" "$vout"
        expect_match "$v: exit status 125" "== $v: 125" "$vout"
done
expect_match "doctor after the drop still says setuid" "^mode: setuid" "$vout"

# ---- the same user, the ordinary binary (user mode) ----
out=$(as_caller "$SB" doctor 2>&1)
expect_match "user mode: doctor says so" "^mode: user" "$out"
out=$(as_caller "$SB" --profile="$veth0" -- true 2>&1)
expect_match "user mode: veth needs root, and says what else would do" \
        "\"veth\" needs root: .*setuid-root install whose policy allows" "$out"
out=$(as_caller "$SB" --profile="$(sp nouser2 'namespaces = [ "mount" ];' "$TEST_USER")" -- true 2>&1)
expect_match "user mode: no user namespace needs root" \
        "a sandbox without the user namespace needs root" "$out"
out=$(as_caller "$SB" --profile="$plain" -- sh -c 'id -u; hostname' 2>&1)
expect_match "user mode: a sandbox with every unprivileged namespace works" \
        "^$U" "$out"

done_testing
