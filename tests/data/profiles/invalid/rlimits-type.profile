# expect: rlimits-type.profile:2: rlimits: expected a group, got an integer
rlimits = 5;
