# expect: 045-rlimit-soft-above-hard.profile:2
rlimits = { nofile = [ 10, 5 ]; };
