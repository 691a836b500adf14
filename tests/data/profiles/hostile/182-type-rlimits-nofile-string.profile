# expect: 182-type-rlimits-nofile-string.profile:2
rlimits = { nofile = "s"; };
