#!/bin/sh
# bench/syscall-cost.sh SANDBOX [RUNS] [COUNT]: what a seccomp filter costs
# per system call, not per launch. Each launcher runs
#   dd if=/dev/zero of=/dev/null bs=1 count=N
# with N = COUNT (default 100000) and N = 2 x COUNT: 2 x COUNT more
# system calls (a read and a write per byte), so that the difference of
# the two medians, divided by 2 x COUNT, is the cost of one call with
# everything per launch cancelled out. (Not N = 0: firejail's wait for
# its child hides the first ~20 ms of a program's run.) Launchers as in bench/seccomp-vs.sh (bwrap
# gets sandbox's @default-deny list compiled by bench/seccomp-bpf.py;
# firejail its own --seccomp list; sandbox its default profile with the
# filter off and on), all interleaved (bench/interleave.py), as root.
# Prints a Markdown table: nanoseconds per call and the filter's share.
set -eu
sb=$(realpath "$1"); runs=${2:-30}; count=${3:-100000}
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$top/bench/seccomp-bpf.py" "$sb" "$dir/filter.bpf"
inc="include = [ \"$top/profiles/default.profile\" ];"
echo "$inc seccomp = { enabled = false; };" >"$dir/off.profile"
bw="bwrap --unshare-user --unshare-pid --unshare-uts --unshare-ipc --unshare-net --unshare-cgroup --ro-bind / / --proc /proc --dev /dev --new-session --cap-drop ALL --die-with-parent"
fj="firejail --noprofile --quiet --noroot --net=none --ipc-namespace --hostname=sandbox --caps.drop=all --nonewprivs --private-dev --read-only=/"
dd=$(command -v dd)
# w NAME LAUNCHER N: one interleave.py argument, the same shell for all
# (bwrap reads its filter from fd 3).
w() { printf "%s/%s=sh -c 'exec %s %s if=/dev/zero of=/dev/null bs=1 count=%s status=none 3<%s'" \
        "$1" "$3" "$2" "$dd" "$3" "$dir/filter.bpf"; }
set --
for l in "bare|" "bwrap|$bw" "bwrap+seccomp|$bw --seccomp 3" \
         "firejail|$fj" "firejail+seccomp|$fj --seccomp" \
         "sandbox-seccomp-off|$sb -p $dir/off.profile" "sandbox|$sb"; do
        name=${l%%|*}; cmd=${l#*|}
        set -- "$@" "$(w "$name" "$cmd" "$count")" \
                "$(w "$name" "$cmd" $((2 * count)))"
done
SANDBOX_PROFILEDIR="$top/profiles" python3 "$top/bench/interleave.py" \
        "$runs" "$@" >"$dir/table"
python3 - "$dir/table" "$count" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 4 and "/" in cells[0]:
        name, n = cells[0].rsplit("/", 1)
        rows.setdefault(name, {})[int(n)] = float(cells[1])
count = int(sys.argv[2])
per = {k: (v[2 * count] - v[count]) * 1e6 / (2 * count)
       for k, v in rows.items()}
print(f"{2 * count} more system calls between the two dd runs; medians.\n")
print("| launcher | dd count=%d | dd count=%d | ns per call | ÷ bare | filter's ns per call |"
      % (count, 2 * count))
print("|---|---|---|---|---|---|")
base = {"bwrap+seccomp": "bwrap", "firejail+seccomp": "firejail",
        "sandbox": "sandbox-seccomp-off"}
for k, v in rows.items():
    extra = f"{per[k] - per[base[k]]:.0f}" if k in base else ""
    print(f"| {k} | {v[count]:.2f} ms | {v[2 * count]:.2f} ms | {per[k]:.0f} | "
          f"{per[k] / per['bare']:.2f} | {extra} |")
PY
