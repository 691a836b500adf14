# expect: 039-float-huge.profile:2
rlimits = { nofile = 1e999; };
