#!/usr/bin/env python3
"""bench/interleave.py RUNS NAME=COMMAND...: run the commands in turn,
RUNS rounds, the order reversed every other round, and print the median,
10th percentile and minimum wall time of each. On a shared machine, load
that drifts during a run then weighs on every command alike, which
hyperfine (all runs of one command, then the next) cannot promise."""
import shlex
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
named = [a.split("=", 1) for a in sys.argv[2:]]
times = {name: [] for name, _ in named}
for _ in range(5):                      # warm caches
    for _, cmd in named:
        subprocess.run(shlex.split(cmd), check=True)
for i in range(runs):
    order = named if i % 2 == 0 else list(reversed(named))
    for name, cmd in order:
        t = time.perf_counter()
        subprocess.run(shlex.split(cmd), check=True)
        times[name].append((time.perf_counter() - t) * 1000)
print("| command | median [ms] | p10 [ms] | min [ms] |")
print("|:---|---:|---:|---:|")
for name, _ in named:
    t = sorted(times[name])
    print("| %s | %.2f | %.2f | %.2f |" % (name, statistics.median(t),
                                           t[len(t) // 10], t[0]))
