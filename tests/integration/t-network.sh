# Networking: the modes seen from inside, the veth plumbing seen from both
# sides (addresses, routes, TCP both ways, IPv6, bridges), the sandbox's
# own resolv.conf and hosts, net_stats, and that no host-side link
# outlives a sandbox: after a normal exit, a SIGKILL of the launcher, or a
# failed setup.
#
# Network safety: the whole script runs in a network and mount namespace
# of its own, made here, which plays "the host". Links, bridges and
# addresses are created only there, and traffic goes only to addresses
# inside it or inside the sandboxes.
if [ -z "${SB_NET_TEST_NS:-}" ] && [ "$(id -u)" = 0 ]; then
        SB_NET_TEST_NS=1 exec unshare --net --mount --propagation private \
                bash "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

if [ "$(readlink /proc/self/ns/net)" = "$(readlink /proc/1/ns/net)" ]; then
        echo "Bail out! not in a network namespace of the test's own"
        exit 1
fi

# The programs in these sandboxes report through files in $WORK, which the
# default view shows read-only: every profile of this script binds it
# read-write.
profile() {
        printf '%s\nfilesystem = { mounts = ( { type = "bind"; source = "%s"; readonly = false; } ); };\n' \
                "$2" "$WORK" >"$WORK/$1.profile"
        chmod 644 "$WORK/$1.profile"
        echo "$WORK/$1.profile"
}
IP=/usr/sbin/ip
PY=/usr/bin/python3
[ -x "$IP" ] || skip_all "needs ip (iproute2)"
[ -x "$PY" ] || skip_all "needs python3"
$IP link set lo up

# The "host" side's view of its links, one name per line.
host_links() { $IP -o link show | awk -F': ' '{print $2}' | sed 's/@.*//'; }
# wait_gone NAME: until the link NAME is gone (at most ~5 s; the kernel
# removes a veth with its namespace, from a work queue).
wait_gone() {
        for _ in $(seq 100); do
                host_links | grep -qx "$1" || return 0
                sleep 0.05
        done
        return 1
}
wait_link() {
        for _ in $(seq 100); do
                host_links | grep -qx "$1" && return 0
                sleep 0.05
        done
        return 1
}
no_sb_links() { ! host_links | grep -q '^sb'; }
# After a normal end the kernel deletes host ends with the namespace, a
# moment later; after a failed start the launcher has deleted them.
wait_no_sb_links() {
        for _ in $(seq 100); do
                no_sb_links && return 0
                sleep 0.05
        done
        return 1
}

# A small TCP/UDP/unix tool, readable by the test user.
tool="$WORK/net-tool.py"
cat >"$tool" <<'EOF'
import os, socket, sys, time
cmd = sys.argv[1]
def server(port):
    try:
        s = socket.socket(socket.AF_INET6)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("::", port))
    except OSError:
        s = socket.socket(socket.AF_INET)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", port))
    s.listen(16)
    return s
def serve(s, token):
    while True:
        c, _ = s.accept()
        c.sendall(token.encode())
        c.close()
def get(host, port, secs):
    deadline = time.time() + secs
    while True:
        try:
            c = socket.create_connection((host, port), timeout=1)
            data = c.recv(100).decode()
            c.close()
            return data
        except OSError as e:
            if time.time() > deadline:
                return "error: %s" % e
            time.sleep(0.05)
if cmd == "serve":              # serve PORT TOKEN
    serve(server(int(sys.argv[2])), sys.argv[3])
elif cmd == "get":              # get HOST PORT [SECONDS]
    secs = float(sys.argv[4]) if len(sys.argv) > 4 else 5
    print(get(sys.argv[2], int(sys.argv[3]), secs))
elif cmd == "get-then-serve":   # get HOST PORT OUTFILE, then serve PORT TOKEN
    r = get(sys.argv[2], int(sys.argv[3]), 5)
    with open(sys.argv[4], "w") as f:
        f.write(r + "\n")
    serve(server(int(sys.argv[5])), sys.argv[6])
elif cmd == "self":             # a connection to itself over loopback
    s = server(0)
    port = s.getsockname()[1]
    if os.fork() == 0:
        serve(s, "loop")
    print(get("127.0.0.1", port, 2))
    print(get("::1", port, 2))
elif cmd == "udp":              # udp COUNT READY_FILE: then wait
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(int(sys.argv[2])):
        u.sendto(b"x", ("127.0.0.1", 9))
    open(sys.argv[3], "w").write("sent\n")
    time.sleep(60)
elif cmd == "abstract-listen":  # abstract-listen NAME
    s = socket.socket(socket.AF_UNIX)
    s.bind("\0" + sys.argv[2])
    s.listen(1)
    while True:
        s.accept()[0].close()
elif cmd == "abstract-connect":
    s = socket.socket(socket.AF_UNIX)
    try:
        s.connect("\0" + sys.argv[2])
        print("connected")
    except OSError as e:
        print("error: %s" % e)
EOF
chmod 644 "$tool"
install -m 755 "$SB_NET_STATS" "$WORK/sb-net-stats"

# Processes this script starts, ended by pid when it ends.
BG_PIDS=
cleanup_net() {
        for p in $BG_PIDS; do { kill -9 "$p"; wait "$p"; } 2>/dev/null; done
        cleanup_harness
}
trap cleanup_net EXIT

# ---- none (the default) ----

p=$(profile none 'network = { mode = "none"; };')
devs=$(sb --profile="$p" -- cat /proc/net/dev | awk -F: 'NR > 2 {gsub(/ /, "", $1); print $1}' | tr '\n' ' ')
expect_eq "none: /proc/net/dev lists only lo" "lo " "$devs"
out=$(sb --profile="$p" -- ip -o link show)
expect_match "none: lo is down" '^1: lo: <LOOPBACK> ' "$out"
expect_eq "none: netlink shows lo alone" 1 "$(printf '%s\n' "$out" | wc -l)"
inside_ns=$(sb --profile="$p" -- readlink /proc/self/ns/net)
check "none: a network namespace of its own" \
        test "$inside_ns" != "$(readlink /proc/self/ns/net)"
got=$(sb --profile="$p" -- $PY "$tool" get 127.0.0.1 9 0)
expect_match "none: no connection even to 127.0.0.1" "error: .*unreachable" "$got"

# Abstract unix sockets belong to the network namespace: the host's (here
# the test's) cannot be reached from a sandbox (SECURITY.md, item 15).
name="sbtest-$$"
$PY "$tool" abstract-listen "$name" &
BG_PIDS="$BG_PIDS $!"
for _ in $(seq 100); do grep -q "@$name" /proc/net/unix && break; sleep 0.05; done
expect_eq "control: the abstract socket answers outside" connected \
        "$(as_caller $PY "$tool" abstract-connect "$name")"
expect_match "none: the host's abstract socket is out of reach" "error: .*refused" \
        "$(sb --profile="$p" -- $PY "$tool" abstract-connect "$name")"

# ---- loopback ----

p=$(profile loop 'network = { mode = "loopback"; };')
out=$(sb --profile="$p" -- ip -o addr show dev lo)
expect_match "loopback: lo has 127.0.0.1/8" 'inet 127\.0\.0\.1/8' "$out"
if [ -e /proc/sys/net/ipv6/conf/lo ]; then
        expect_match "loopback: lo has ::1" 'inet6 ::1/128' "$out"
else
        ok "loopback: lo has ::1 # SKIP IPv6 is disabled on this kernel"
fi
expect_match "loopback: lo is up" 'UP' "$(sb --profile="$p" -- ip -o link show lo)"
expect_eq "loopback: a TCP connection to itself" "loop loop" \
        "$(sb --profile="$p" -- $PY "$tool" self | tr '\n' ' ' | sed 's/ $//')"
expect_eq "loopback: only lo exists" "lo" \
        "$(sb --profile="$p" -- sh -c "ip -o link show | awk -F': ' '{print \$2}'")"

# net_stats reads the counters from inside the sandbox's namespace. As the
# test user it must go through the sandbox's user namespace, and reads a
# dumpable process of the sandbox (init is not dumpable).
# outfile NAME: an empty file the sandboxed program may write.
outfile() { : >"$WORK/$1"; chmod 666 "$WORK/$1"; echo "$WORK/$1"; }
ready=$(outfile udp-ready)
if sb_bg --profile="$p" -- $PY "$tool" udp 40 "$ready"; then
        for _ in $(seq 100); do [ -s "$ready" ] && break; sleep 0.05; done
        if [ "$TEST_AS" = root ]; then who=$INIT_PID; else who=$TARGET_PID; fi
        st=$(as_caller "$WORK/sb-net-stats" "$who" 2>&1)
        lo_tx=$(printf '%s\n' "$st" | awk '$1 == "lo" {print $5}')
        check "net_stats: lo counts the 40 datagrams sent ($lo_tx)" \
                test "${lo_tx:-0}" -ge 40
        expect_eq "net_stats: totals leave lo out" "total 0 0 0 0" \
                "$(printf '%s\n' "$st" | grep '^total')"
        kill "$LAUNCHER_PID"
        wait "$JOB"
else
        not_ok "net_stats: the sandbox started"
fi

# ---- host ----

p=$(profile host 'network = { mode = "host"; };')
expect_eq "host: the host's network namespace" "$(readlink /proc/self/ns/net)" \
        "$(sb --profile="$p" -- readlink /proc/self/ns/net)"
expect_eq "host: the host's resolv.conf" "$(cat /etc/resolv.conf)" \
        "$(sb --profile="$p" -- cat /etc/resolv.conf)"
p=$(profile hostinc 'include = [ "default" ];
network = { mode = "host"; };')
expect_eq "host on top of default.profile (which lists net)" \
        "$(readlink /proc/self/ns/net)" "$(sb --profile="$p" -- readlink /proc/self/ns/net)"
p=$(profile nonet 'namespaces = [ "user", "mount", "pid" ];')
expect_eq "namespaces without net: the host's network" \
        "$(readlink /proc/self/ns/net)" "$(sb --profile="$p" -- readlink /proc/self/ns/net)"
p=$(profile hostconflict 'namespaces = [ "user", "mount", "net" ];
network = { mode = "host"; };')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "host with net in namespaces is a profile error" 124 $?
expect_match "with file:line" 'hostconflict.profile:2: network.mode: "host" shares' "$err"

# ---- resolv.conf and hosts ----

hosts_sum=$(md5sum </etc/hosts)
resolv_sum=$(md5sum </etc/resolv.conf)
p=$(profile dns 'hostname = "box";
network = { dns = [ "10.0.3.1", "fd00::53" ];
            hosts = [ "10.0.3.5 db db.local" ]; };')
out=$(sb --profile="$p" -- cat /etc/resolv.conf)
expect_eq "dns: the sandbox's name servers" "nameserver 10.0.3.1 nameserver fd00::53 " \
        "$(printf '%s\n' "$out" | grep nameserver | tr '\n' ' ')"
expect_eq "hosts: an entry of the profile resolves" "10.0.3.5 db db.local" \
        "$(sb --profile="$p" -- getent hosts db | tr -s ' ')"
expect_eq "hosts: the sandbox's host name resolves" "127.0.1.1 box" \
        "$(sb --profile="$p" -- getent hosts box | tr -s ' ')"
check "hosts: read-only inside" \
        sb --profile="$p" -- sh -c '! (echo x >>/etc/hosts) 2>/dev/null'
expect_eq "hosts: its mount is ro, nosuid, nodev, noexec" "ro nosuid nodev noexec" \
        "$(sb --profile="$p" -- awk '$5 == "/etc/hosts" { n = split($6, o, ","); for (i = 1; i <= n; i++) if (o[i] ~ /^(ro|nosuid|nodev|noexec)$/) printf "%s ", o[i] }' /proc/self/mountinfo | sed 's/ $//')"
p=$(profile dnsdefault '')
expect_eq "none: resolv.conf without name servers by default" "" \
        "$(sb --profile="$p" -- grep nameserver /etc/resolv.conf)"
expect_eq "the host's hosts file is untouched" "$hosts_sum" "$(md5sum </etc/hosts)"
expect_eq "the host's resolv.conf is untouched" "$resolv_sum" "$(md5sum </etc/resolv.conf)"

# ---- veth ----

vp=$(profile veth 'network = { mode = "veth";
  veth = { address = [ "10.0.3.2/24", "fd00:5b::2/64" ];
           gateway = [ "10.0.3.1", "fd00:5b::1" ];
           mtu = 1400; mac = "02:00:00:5b:00:02"; }; };')

if [ "$TEST_AS" = user ]; then
        err=$(sb --profile="$vp" -- true 2>&1)
        expect_eq "veth as a user: the sandbox does not start" 125 $?
        expect_match "veth as a user: the error names what it needs" \
                'veth.profile:1: network.mode: "veth" needs root' "$err"
        check "veth as a user: no link was made" no_sb_links
        done_testing
        exit
fi

out=$(sb --profile="$vp" -- sh -c 'ip -o addr show dev eth0; ip -o link show eth0; ip route; ip -6 route show default')
expect_match "veth: eth0 has its IPv4 address" 'eth0 +inet 10\.0\.3\.2/24' "$out"
expect_match "veth: eth0 has its IPv6 address" 'eth0 +inet6 fd00:5b::2/64' "$out"
expect_match "veth: eth0 is up with the MTU" 'eth0@[^ ]*: <[^>]*,UP[,>].* mtu 1400 ' "$out"
expect_match "veth: eth0 has the MAC" 'link/ether 02:00:00:5b:00:02 ' "$out"
expect_match "veth: IPv4 default route via the gateway" '^default via 10\.0\.3\.1 dev eth0' "$out"
expect_match "veth: IPv6 default route via the gateway" '^default via fd00:5b::1 dev eth0' "$out"
check "veth: no host link after the sandbox exits" wait_no_sb_links

# TCP both ways, IPv4 and IPv6, while the host end exists.
$PY "$tool" serve 8081 from-host &
BG_PIDS="$BG_PIDS $!"
got_file=$(outfile from-host)
if sb_bg --profile="$vp" -- $PY "$tool" get-then-serve 10.0.3.1 8081 "$got_file" 8080 from-sandbox; then
        link="sb$INIT_PID"
        check "veth: the host end is named sb<init pid> ($link)" wait_link "$link"
        expect_match "veth: the host end has the gateway address" \
                "inet 10\.0\.3\.1/24" "$($IP -o addr show dev "$link")"
        expect_eq "veth: host -> sandbox over IPv4" from-sandbox "$($PY "$tool" get 10.0.3.2 8080)"
        expect_eq "veth: host -> sandbox over IPv6" from-sandbox "$($PY "$tool" get fd00:5b::2 8080)"
        for _ in $(seq 100); do [ -s "$got_file" ] && break; sleep 0.05; done
        expect_eq "veth: sandbox -> host" from-host "$(cat "$got_file" 2>/dev/null)"
        # What the host end sent, the sandbox's eth0 received: net_stats,
        # read after, sees at least that much.
        host_tx=$($IP -s -o link show dev "$link" | sed 's/\\/\n/g' | awk '/TX:/ {getline; print $1; exit}')
        st=$("$WORK/sb-net-stats" "$INIT_PID")
        eth0_rx=$(printf '%s\n' "$st" | awk '$1 == "eth0" {print $2}')
        check "net_stats: eth0 received what the host end sent ($eth0_rx >= $host_tx)" \
                test "${eth0_rx:-0}" -ge "${host_tx:-1}" -a "${host_tx:-0}" -gt 0
        expect_eq "net_stats: the totals are eth0's" \
                "$(printf '%s\n' "$st" | awk '$1 == "eth0" {print $2, $3, $4, $5}')" \
                "$(printf '%s\n' "$st" | awk '$1 == "total" {print $2, $3, $4, $5}')"
        kill "$LAUNCHER_PID"
        wait "$JOB"
        check "veth: the host end is gone once the sandbox ended" wait_no_sb_links
else
        not_ok "veth: the sandbox started"
fi

# Sandboxes one after the other with the same point-to-point subnet: the
# host end of the one that just ended may still exist for a moment, but it
# is down, so its gateway address does not count as in use. A host_name
# of the profile is deleted at once, so the name is free again.
runs_ok=0
for _ in 1 2 3 4 5; do
        sb --profile="$vp" -- true && runs_ok=$((runs_ok + 1))
done
expect_eq "back to back: five sandboxes with one subnet" 5 "$runs_ok"
p=$(profile pinned 'network = { mode = "veth";
  veth = { host_name = "sbpinned"; address = "10.0.7.2/24"; gateway = "10.0.7.1"; }; };')
runs_ok=0
for _ in 1 2 3; do
        sb --profile="$p" -- true && runs_ok=$((runs_ok + 1))
done
expect_eq "back to back: a fixed host_name is free again at once" 3 "$runs_ok"
check "back to back: no host link left" wait_no_sb_links

# Killing the launcher outright: init dies with it (parent-death signal),
# and the kernel deletes the veth with the namespace.
if sb_bg --profile="$vp" -- sleep 100; then
        link="sb$INIT_PID"
        check "SIGKILL: the host end exists while the sandbox runs" wait_link "$link"
        { kill -9 "$LAUNCHER_PID"; wait "$JOB"; } 2>/dev/null
        check "SIGKILL of the launcher: the host end goes away" wait_gone "$link"
else
        not_ok "SIGKILL: the sandbox started"
fi

# A failure after the veth was made (the working directory is checked in
# the target, late): nothing is left.
p=$(profile vethcwd "process = { cwd = \"/nonexistent-$$\"; };
network = { mode = \"veth\"; veth = { address = \"10.0.3.2/24\"; gateway = \"10.0.3.1\"; }; };")
err=$(sb -v --profile="$p" -- true 2>&1)
expect_eq "failure after the veth exists: exit 125" 125 $?
check "failure after the veth exists: no host link" no_sb_links
expect_match "failure after the veth exists: the launcher deleted it" \
        'link sb[0-9]+: (deleted|already gone)' "$err"
# A failure in the launcher's own plumbing: the host refuses the IPv6
# gateway address (IPv6 is off for new links in the test's namespace only).
v6=/proc/sys/net/ipv6/conf/default/disable_ipv6
if [ -w "$v6" ]; then
        echo 1 >"$v6"
        err=$(sb --profile="$vp" -- true 2>&1)
        expect_eq "host address refused: exit 125" 125 $?
        expect_match "host address refused: the kernel's reason" \
                "add address fd00:5b::1/64 to 'sb[0-9]+': Permission denied" "$err"
        check "host address refused: no host link" no_sb_links
        echo 0 >"$v6"
fi
sb --profile="$vp" -- /nonexistent-command-$$ 2>/dev/null
expect_eq "command not found in a veth sandbox: exit 127" 127 $?
check "command not found: no host link" no_sb_links

# Failures found before anything is made, with file:line.
p=$(profile nobridge 'network = { mode = "veth";
  veth = { bridge = "nobr0"; address = "10.0.4.2/24"; }; };')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "unknown bridge: exit 125" 125 $?
expect_match "unknown bridge: file:line and the name" \
        "nobridge.profile:2: network.veth.bridge: no bridge 'nobr0' on the host" "$err"
check "unknown bridge: no host link" no_sb_links
p=$(profile notbridge 'network = { mode = "veth"; veth = { bridge = "lo"; }; };')
expect_match "a link that is not a bridge" "'lo' is not a bridge" \
        "$(sb --profile="$p" -- true 2>&1)"
$IP link add tv0 type veth peer name tv1
$IP addr add 10.0.9.1/24 dev tv0
$IP link set tv0 up
p=$(profile inuse 'network = { mode = "veth";
  veth = { address = "10.0.9.2/24"; gateway = "10.0.9.1"; }; };')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "gateway address already in use: exit 125" 125 $?
expect_match "gateway address already in use: said so" \
        "inuse.profile:2: network.veth.gateway: 10.0.9.1 is already in use on the host" "$err"
p=$(profile hostname_taken 'network = { mode = "veth"; veth = { host_name = "tv0"; }; };')
expect_match "a host_name that exists already" "'tv0' already exists on the host" \
        "$(sb --profile="$p" -- true 2>&1)"
$IP link del tv0
check "failed setups: no host link left" no_sb_links

# A profile-set host name, and two interfaces.
p=$(profile twoifs 'network = { mode = "veth"; veth = (
  { host_name = "sbtwo0"; address = "10.0.5.2/24"; gateway = "10.0.5.1"; },
  { name = "wan0"; address = "10.0.6.2/24"; } ); };')
if sb_bg --profile="$p" -- sleep 100; then
        check "host_name: the host end has the profile's name" wait_link sbtwo0
        check "second interface: host end sb<pid>-1" wait_link "sb$INIT_PID-1"
        inside=$(nsenter -t "$TARGET_PID" -n $IP -o addr 2>&1)
        expect_match "second interface: inside with its address" 'wan0 +inet 10\.0\.6\.2/24' "$inside"
        kill "$LAUNCHER_PID"
        wait "$JOB"
        check "two interfaces: both host ends gone" wait_no_sb_links
else
        not_ok "two interfaces: the sandbox started"
fi

# Two sandboxes on one bridge reach each other, and the host reaches them
# through the bridge's own address.
$IP link add tbr0 type bridge
$IP addr add 10.0.4.1/24 dev tbr0
$IP link set tbr0 up
pa=$(profile bra 'network = { mode = "veth";
  veth = { bridge = "tbr0"; address = "10.0.4.2/24"; gateway = "10.0.4.1"; }; };')
pb=$(profile brb 'network = { mode = "veth";
  veth = { bridge = "tbr0"; address = "10.0.4.3/24"; gateway = "10.0.4.1"; }; };')
if sb_bg --profile="$pa" -- $PY "$tool" serve 8080 sandbox-a; then
        ports=$($IP -o link show master tbr0 | wc -l)
        expect_eq "bridge: B reaches A" sandbox-a \
                "$(sb --profile="$pb" -- $PY "$tool" get 10.0.4.2 8080)"
        expect_eq "bridge: the host end of A is a port of the bridge" 1 "$ports"
        expect_eq "bridge: the host reaches A through the bridge" sandbox-a \
                "$($PY "$tool" get 10.0.4.2 8080)"
        kill "$LAUNCHER_PID"
        wait "$JOB"
        check "bridge: no host link left" wait_no_sb_links
else
        not_ok "bridge: sandbox A started"
fi
$IP link del tbr0

done_testing
