# expect: 042-rlimit-size-overflow.profile:2
rlimits = { as = "99999999999999T"; };
