# expect: 238-type-process-die_with_parent-group.profile:2
process = { die_with_parent = { }; };
