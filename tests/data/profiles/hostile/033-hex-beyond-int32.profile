# expect: 033-hex-beyond-int32.profile:2
rlimits = { nofile = 0xFFFFFFFF; };
