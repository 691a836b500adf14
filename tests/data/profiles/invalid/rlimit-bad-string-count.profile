# expect: rlimit-bad-string-count.profile:2: rlimits.nproc: '-5': expected a number or "unlimited"
rlimits = { nproc = "-5"; };
