#!/bin/sh
# bench/seccomp-vs.sh SANDBOX [RUNS]: launch of /bin/true with a seccomp
# filter, each launcher with and without one (needs root, bwrap, firejail,
# python3 and libseccomp.so.2):
#   bwrap     the bench/run line, then + --seccomp 3 with sandbox's
#             @default-deny list compiled by bench/seccomp-bpf.py;
#   firejail  the bench/run line, then + --seccomp (firejail's own list);
#   sandbox   the default profile with seccomp off, then as shipped.
# Every command runs as `sh -c 'exec CMD 3<FILTER'` (bwrap needs the fd;
# the same shell for all keeps them comparable), interleaved
# (bench/interleave.py). Nothing is unshared outside the launchers.
set -eu
sb=$(realpath "$1"); runs=${2:-300}
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$top/bench/seccomp-bpf.py" "$sb" "$dir/filter.bpf"
echo "filter for bwrap: $(( $(stat -c %s "$dir/filter.bpf") / 8 )) BPF instructions" >&2
inc="include = [ \"$top/profiles/default.profile\" ];"
echo "$inc seccomp = { enabled = false; };" >"$dir/off.profile"
bw="bwrap --unshare-user --unshare-pid --unshare-uts --unshare-ipc --unshare-net --unshare-cgroup --ro-bind / / --proc /proc --dev /dev --new-session --cap-drop ALL --die-with-parent"
fj="firejail --noprofile --quiet --noroot --net=none --ipc-namespace --hostname=sandbox --caps.drop=all --nonewprivs --private-dev --read-only=/"
w() { printf "%s=sh -c 'exec %s /bin/true 3<%s'" "$1" "$2" "$dir/filter.bpf"; }
SANDBOX_PROFILEDIR="$top/profiles" python3 "$top/bench/interleave.py" "$runs" \
        "$(w bwrap "$bw")" "$(w bwrap+seccomp "$bw --seccomp 3")" \
        "$(w firejail "$fj")" "$(w firejail+seccomp "$fj --seccomp")" \
        "$(w sandbox-seccomp-off "$sb -p $dir/off.profile")" \
        "$(w sandbox "$sb")"
