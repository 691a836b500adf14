# expect: 043-rlimit-bad-suffix.profile:2
rlimits = { as = "4X"; };
