# expect: 200-type-process-group-float.profile:2
process = { group = 1.5; };
