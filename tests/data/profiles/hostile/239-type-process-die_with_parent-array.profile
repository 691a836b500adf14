# expect: 239-type-process-die_with_parent-array.profile:2
process = { die_with_parent = [ "s" ]; };
