# expect: 236-type-process-die_with_parent-float.profile:2
process = { die_with_parent = 1.5; };
