# expect: 035-negative-rlimit.profile:2
rlimits = { core = -1; };
