# expect: rlimit-out-of-range.profile:2: rlimits.as: '99999999999999999999' is out of range
rlimits = { as = "99999999999999999999"; };
