#!/bin/bash
# bench/net.sh [SANDBOX]: the launch cost of each network mode, against the
# same isolation done by other means, in one run (needs root, hyperfine,
# bubblewrap, iproute2; tools/install-deps --bench):
#
#   none, loopback  `sandbox -- true` in each mode, and bubblewrap with the
#                   same namespaces with and without --unshare-net (bwrap
#                   brings lo up in its new network namespace too);
#   veth            `sandbox -- true` with one veth (addresses on both ends,
#                   a default route inside), against a script that does the
#                   same plumbing with ip commands into an existing network
#                   namespace: one ip per step, and ip -batch (two ip runs).
#
# The veth plumbing of sandbox costs (veth - loopback); the script's costs
# its whole run. Each is run with hyperfine (HYPERFINE=0 skips it), then
# all of them interleaved round by round (bench/interleave.py), which is
# what to compare on a shared machine. Everything runs inside
# `unshare --net --mount`, so no link ever appears in the machine's own
# network namespace.
set -eu
if [ -z "${SB_BENCH_NS:-}" ]; then
        [ "$(id -u)" = 0 ] || { echo "bench/net.sh: run as root" >&2; exit 1; }
        SB_BENCH_NS=1 exec unshare --net --mount --propagation private \
                "$0" "$@"
fi
top=$(cd "$(dirname "$0")/.." && pwd)
sandbox=$(realpath "${1:-$top/build/src/cmd/sandbox}")
runs=${RUNS:-300}
for t in hyperfine bwrap ip nsenter python3; do
        command -v $t >/dev/null || { echo "bench/net.sh: needs $t" >&2; exit 1; }
done
ip link set lo up

dir=$(mktemp -d)
holder=
cleanup() {
        [ -n "$holder" ] && kill "$holder" 2>/dev/null
        rm -rf "$dir"
}
trap cleanup EXIT

printf '%s\n' 'network = { mode = "none"; };' >"$dir/none.profile"
printf '%s\n' 'network = { mode = "loopback"; };' >"$dir/loopback.profile"
cat >"$dir/veth.profile" <<'EOF'
network = { mode = "veth";
  veth = { address = "10.9.0.2/24"; gateway = "10.9.0.1"; }; };
EOF

# The ip script's "sandbox": a process in a network namespace of its own,
# made once, so that the script measures the plumbing only.
unshare --net sleep 100000 &
holder=$!
until [ "$(readlink /proc/$holder/ns/net)" != "$(readlink /proc/self/ns/net)" ]; do
        sleep 0.01
done
cat >"$dir/ip-steps.sh" <<EOF
#!/bin/sh
set -e
ip link add vb0 up type veth peer name eth0 netns $holder
ip addr add 10.9.0.1/24 dev vb0
nsenter -t $holder -n ip link set lo up
nsenter -t $holder -n ip addr add 10.9.0.2/24 dev eth0
nsenter -t $holder -n ip link set eth0 up
nsenter -t $holder -n ip route add default via 10.9.0.1
ip link del vb0
EOF
cat >"$dir/ip-batch.sh" <<EOF
#!/bin/sh
set -e
printf '%s\n' 'link add vb0 up type veth peer name eth0 netns $holder' \\
        'addr add 10.9.0.1/24 dev vb0' | ip -batch -
printf '%s\n' 'link set lo up' 'addr add 10.9.0.2/24 dev eth0' \\
        'link set eth0 up' 'route add default via 10.9.0.1' |
        nsenter -t $holder -n ip -batch -
ip link del vb0
EOF
chmod +x "$dir/ip-steps.sh" "$dir/ip-batch.sh"

ns="--unshare-user --unshare-pid --unshare-uts --unshare-ipc --unshare-cgroup"
names=("sandbox none" "sandbox loopback" "bwrap (no net ns)"
       "bwrap --unshare-net" "sandbox veth" "ip, one per step" "ip -batch")
cmds=("$sandbox -p $dir/none.profile -- true"
      "$sandbox -p $dir/loopback.profile -- true"
      "bwrap $ns --dev-bind / / --proc /proc true"
      "bwrap $ns --unshare-net --dev-bind / / --proc /proc true"
      "$sandbox -p $dir/veth.profile -- true"
      "$dir/ip-steps.sh"
      "$dir/ip-batch.sh")
if [ "${HYPERFINE:-1}" = 1 ]; then
        args=()
        for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
        hyperfine -N --warmup 10 --runs "$runs" \
                --export-markdown "$dir/h.md" "${args[@]}" >&2
        cat "$dir/h.md"
        echo
fi
# The same, interleaved: the numbers to compare on a busy machine.
args=()
for i in "${!names[@]}"; do args+=("${names[$i]}=${cmds[$i]}"); done
python3 "$top/bench/interleave.py" "$runs" "${args[@]}"
