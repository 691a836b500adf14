#!/bin/sh
# bench/net-vs.sh SANDBOX [RUNS]: launch of /bin/true with one veth on a
# bridge, sandbox against firejail --net=BRIDGE (needs root, firejail,
# iproute2, python3). The whole script re-runs itself under
# `unshare --net --mount`: the bridge br0 (10.9.0.1/24, which firejail
# --net needs) exists only in that network namespace, which goes away with
# the script, and no link ever appears in the machine's own one.
#   sandbox loopback   mode = "loopback" (its baseline, no veth)
#   sandbox veth       mode = "veth", bridge br0, 10.9.0.2/24, gateway .1
#   firejail none      the bench/run line (--net=none): its baseline
#   firejail --net     --net=br0 --ip=10.9.0.3 --defaultgw=10.9.0.1
#                      instead of --net=none; the rest of that line
#   firejail --net auto  the same without --ip: firejail picks the address
# Interleaved with bench/interleave.py.
set -eu
if [ -z "${SB_BENCH_NS:-}" ]; then
        [ "$(id -u)" = 0 ] || { echo "bench/net-vs.sh: run as root" >&2; exit 1; }
        SB_BENCH_NS=1 exec unshare --net --mount --propagation private \
                "$0" "$@"
fi
sb=$(realpath "$1"); runs=${2:-300}
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ip link set lo up
ip link add br0 type bridge
ip addr add 10.9.0.1/24 dev br0
ip link set br0 up
echo 'network = { mode = "loopback"; };' >"$dir/lo.profile"
cat >"$dir/veth.profile" <<'P'
network = { mode = "veth";
  veth = { bridge = "br0"; address = "10.9.0.2/24"; gateway = "10.9.0.1"; }; };
P
fj="firejail --noprofile --quiet --noroot --ipc-namespace --hostname=sandbox --caps.drop=all --nonewprivs --private-dev --read-only=/"
SANDBOX_PROFILEDIR="$top/profiles" python3 "$top/bench/interleave.py" "$runs" \
        "sandbox loopback=$sb -p $dir/lo.profile -- /bin/true" \
        "sandbox veth=$sb -p $dir/veth.profile -- /bin/true" \
        "firejail none=$fj --net=none /bin/true" \
        "firejail --net=$fj --net=br0 --ip=10.9.0.3 --defaultgw=10.9.0.1 /bin/true" \
        "firejail --net auto=$fj --net=br0 --defaultgw=10.9.0.1 /bin/true"
