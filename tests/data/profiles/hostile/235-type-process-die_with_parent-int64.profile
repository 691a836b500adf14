# expect: 235-type-process-die_with_parent-int64.profile:2
process = { die_with_parent = 5L; };
