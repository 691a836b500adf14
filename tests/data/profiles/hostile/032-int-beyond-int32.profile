# expect: 032-int-beyond-int32.profile:2
rlimits = { nofile = 5000000000; };
