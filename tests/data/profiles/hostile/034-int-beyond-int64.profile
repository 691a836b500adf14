# expect: 034-int-beyond-int64.profile:2
rlimits = { nofile = 99999999999999999999999L; };
