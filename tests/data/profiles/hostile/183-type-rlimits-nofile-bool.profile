# expect: 183-type-rlimits-nofile-bool.profile:2
rlimits = { nofile = true; };
