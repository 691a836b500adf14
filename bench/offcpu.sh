#!/bin/sh
# bench/offcpu.sh [N] -- COMMAND...: where a launch WAITS rather than runs.
# Records the scheduler (perf sched record -g) over N launches (default
# 100) of COMMAND and prints, per kernel call chain a task of the launch
# was switched out in, the off-CPU time per launch: grace periods of RCU
# (unmounts, a mount namespace freed at exit), block I/O, the launcher
# waiting for init, init for the target. What a CPU profile (perf record,
# callgrind) cannot show. Tasks counted: those named like COMMAND's
# program, plus "true" (bench/run's target). Needs root and perf.
set -eu
n=100
if [ "${1:-}" != "--" ]; then n=$1; shift; fi
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: bench/offcpu.sh [N] -- COMMAND..." >&2; exit 2; }
comm=$(basename "$1" | cut -c1-15)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
: >"$dir/cmds"
while [ "$i" -lt "$n" ]; do printf '%s\n' "$*" >>"$dir/cmds"; i=$((i + 1)); done
perf sched record -q -g -o "$dir/sched.data" -- sh "$dir/cmds" \
        >/dev/null 2>"$dir/record.err" || { cat "$dir/record.err" >&2; exit 1; }
perf sched timehist -i "$dir/sched.data" -g --state 2>/dev/null >"$dir/hist"
python3 - "$dir/hist" "$n" "$comm" <<'PY'
import collections, sys
hist, n, comm = sys.argv[1], int(sys.argv[2]), sys.argv[3]
total = collections.Counter(); count = collections.Counter()
# Each line is one run of a task: its wait BEFORE that run, then the call
# chain it left the CPU in AFTER it. A wait belongs to the chain of the
# same task's previous line.
last = {}
for line in open(hist):
    f = line.split()
    # time cpu task[tid] wait-time sch-delay run-time state callchain...
    if len(f) < 8 or "[" not in f[2]:
        continue
    task, tid = f[2].rsplit("[", 1)
    if task not in (comm, "true"):
        continue
    try:
        waited = float(f[3])
    except ValueError:
        continue
    if tid in last and waited > 0:
        total[last[tid]] += waited; count[last[tid]] += 1
    chain = " ".join(f[7:]).split(" <- ")
    last[tid] = f[6] + " " + " <- ".join(chain[:4])
print(f"Off-CPU time of the launch's tasks ({comm}, true) per launch, "
      f"{n} launches, by the state (S sleeping, D uninterruptible) and call "
      f"chain each task left the CPU in:\n")
print("| ms per launch | waits per launch | blocked in |")
print("|---|---|---|")
for key, t in total.most_common(12):
    print(f"| {t / n:.3f} | {count[key] / n:.1f} | `{key}` |")
PY
