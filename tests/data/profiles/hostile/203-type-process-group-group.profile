# expect: 203-type-process-group-group.profile:2
process = { group = { }; };
