# expect: 181-type-rlimits-nofile-float.profile:2
rlimits = { nofile = 1.5; };
