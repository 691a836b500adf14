# expect: 177-type-rlimits-string.profile:2
rlimits = "s";
