# expect: 185-type-rlimits-nofile-array.profile:2
rlimits = { nofile = [ "s" ]; };
