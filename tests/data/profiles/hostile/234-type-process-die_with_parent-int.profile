# expect: 234-type-process-die_with_parent-int.profile:2
process = { die_with_parent = 5; };
