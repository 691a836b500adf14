# expect: 178-type-rlimits-bool.profile:2
rlimits = true;
