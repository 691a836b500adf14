# expect: big-int64.profile:2: integer out of range; write a large value as a string ("5000000000", "5G")
rlimits = { nofile = 99999999999999999999L; };
