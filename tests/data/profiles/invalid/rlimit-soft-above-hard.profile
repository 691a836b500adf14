# expect: rlimit-soft-above-hard.profile:2: rlimits.nofile: the soft limit is above the hard limit
rlimits = { nofile = [ 4096, 1024 ]; };
