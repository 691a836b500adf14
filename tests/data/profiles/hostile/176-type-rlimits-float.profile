# expect: 176-type-rlimits-float.profile:2
rlimits = 1.5;
