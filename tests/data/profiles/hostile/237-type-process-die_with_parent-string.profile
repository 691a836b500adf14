# expect: 237-type-process-die_with_parent-string.profile:2
process = { die_with_parent = "s"; };
