# expect: big-hex-integer.profile:2: integer out of range; write a large value as a string ("5000000000", "5G")
rlimits = { nofile = 0xFFFFFFFF; };
