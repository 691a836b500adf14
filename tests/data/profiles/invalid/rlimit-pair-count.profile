# expect: rlimit-pair-count.profile:2: rlimits.nofile: expected [soft, hard], got 3 values
rlimits = { nofile = [ 1, 2, 3 ]; };
