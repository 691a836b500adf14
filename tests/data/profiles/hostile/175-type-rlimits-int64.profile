# expect: 175-type-rlimits-int64.profile:2
rlimits = 5L;
