# expect: 046-rlimit-three-values.profile:2
rlimits = { nofile = [ 1, 2, 3 ]; };
