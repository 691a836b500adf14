# expect: 040-float-where-int.profile:2
rlimits = { nproc = 1.5; };
