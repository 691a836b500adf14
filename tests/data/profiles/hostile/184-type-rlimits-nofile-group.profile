# expect: 184-type-rlimits-nofile-group.profile:2
rlimits = { nofile = { }; };
