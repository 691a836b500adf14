# expect: rlimit-negative.profile:2: rlimits.nofile: must not be negative
rlimits = { nofile = -1; };
