# The benchmark's profile: the isolation bwrap and unshare are given in
# bench/run, as far as sandbox offers it today.
# The filesystem view's defaults (host root read-only, new /proc, minimal
# /dev, private /tmp and /run) apply, so "bwrap, as specified" is the
# closest comparison; see docs/BENCHMARKS.md.
description = "Benchmark: the namespaces, session and capabilities of bwrap's flags";
namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "cgroup" ];
process = { new_session = true; die_with_parent = true; };
capabilities = { keep = [ ]; };
