# expect: 174-type-rlimits-int.profile:2
rlimits = 5;
